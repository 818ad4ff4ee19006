#include "ui/monitoring/profileview.h"

#include "core/commands/monitoringcommands.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/profile.h"
#include "core/monitoring/returncsv.h"
#include "core/round/monitoring.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/boardtables.h"
#include "ui/monitoring/profilederivedialog.h"
#include "ui/noticebox.h"
#include "ui/settings.h"
#include "ui/supply/supplytables.h"
#include "ui/uiutil.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace CoCommission {

namespace {

using Totals = std::array<double, 4>; // by MonitoringMeasure

QString csvFilter()
{
    return QCoreApplication::translate("CoCommission::ProfileView",
                                       "CSV files (*.csv);;All files (*)");
}

QString startDirectory()
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    return last.isEmpty() ? QDir::homePath() : last;
}

/** The measures' names, a long one on two lines so that its figures' column stays narrow. */
QStringList measureHeaders()
{
    QStringList headers;
    for (MonitoringMeasure measure : monitoringMeasures()) {
        QString name = monitoringMeasureName(measure);
        if (name.size() > 16) {
            // The space nearest the middle.
            const qsizetype middle = name.size() / 2;
            const qsizetype before = name.lastIndexOf(u' ', middle);
            const qsizetype after = name.indexOf(u' ', middle);
            const qsizetype at = before < 0                          ? after
                                 : after < 0                         ? before
                                 : middle - before <= after - middle ? before
                                                                     : after;
            if (at > 0)
                name[at] = u'\n';
        }
        headers << name;
    }
    return headers;
}

/** Puts \a totals in the measure columns of \a row from \a first on; bold for a total row. */
void setTotals(QTableWidget *table, int row, int first, const Totals &totals, bool bold)
{
    for (int i = 0; i < int(totals.size()); ++i) {
        QTableWidgetItem *item = SupplyTables::cell(BoardTables::countText(totals[i]));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (bold) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        table->setItem(row, first + i, item);
    }
}

QTableWidgetItem *labelCell(const QString &text, bool bold)
{
    QTableWidgetItem *item = SupplyTables::cell(text);
    item->setToolTip(text);
    if (bold) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

} // namespace

ProfileView::ProfileView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("profileView"));

    m_periodLabel = UiUtil::makeText(this);
    m_periodLabel->setObjectName(QStringLiteral("profilePeriodLabel"));
    m_sourceLabel = UiUtil::makeText(this, true);
    m_sourceLabel->setObjectName(QStringLiteral("profileSourceLabel"));
    m_illustrativeNotice = new NoticeBox(
        NoticeBox::Kind::Information,
        tr("Illustrative: this profile is invented to show the stage working. Derive the "
           "round's own profile from its payment scenario, or import the one agreed with the "
           "provider."),
        this);
    m_illustrativeNotice->setObjectName(QStringLiteral("profileIllustrativeNotice"));

    m_deriveButton = UiUtil::makeButton(tr("Derive from &payment scenario…"),
                                        tr("Derive the profile from a payment scenario"),
                                        QStringLiteral("deriveProfileButton"), this);
    m_importButton = UiUtil::makeButton(tr("&Import CSV…"), tr("Import the profile from CSV"),
                                        QStringLiteral("importProfileButton"), this);
    m_exportButton = UiUtil::makeButton(tr("E&xport CSV…"), tr("Export the profile to CSV"),
                                        QStringLiteral("exportProfileButton"), this);

    m_groupHeading =
        UiUtil::headingLabel(tr("Expected over the contract, by CPA and group"), 1.05, this);
    m_groupTable = UiUtil::makeTable(QStringList{tr("CPA"), tr("Group")} + measureHeaders(), this);
    m_groupTable->setObjectName(QStringLiteral("profileGroupTable"));
    m_groupTable->setAccessibleName(tr("Contract profile by CPA and group"));
    m_groupTable->setAccessibleDescription(
        tr("The expected referrals, starts, job outcomes and sustained job outcomes over the "
           "whole contract, one row per CPA and group, then each CPA's total and the "
           "programme's."));
    SupplyTables::shareColumns(m_groupTable, {25, 34, 10, 9, 11, 11});
    m_yearHeading = UiUtil::headingLabel(tr("Expected in each contract year"), 1.05, this);
    m_yearTable =
        UiUtil::makeTable(QStringList{tr("Contract year"), tr("Months")} + measureHeaders(), this);
    m_yearTable->setObjectName(QStringLiteral("profileYearTable"));
    m_yearTable->setAccessibleName(tr("Contract profile by contract year"));
    m_yearTable->setAccessibleDescription(
        tr("The expected referrals, starts, job outcomes and sustained job outcomes, one row "
           "per year of the contract with the months it covers."));
    SupplyTables::shareColumns(m_yearTable, {50, 9, 10, 9, 11, 11});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_periodLabel);
    layout->addWidget(m_sourceLabel);
    layout->addWidget(m_illustrativeNotice);
    layout->addLayout(UiUtil::buttonRow({m_deriveButton}, {m_importButton, m_exportButton}));
    layout->addSpacing(8);
    layout->addWidget(m_groupHeading);
    layout->addWidget(m_groupTable);
    layout->addSpacing(8);
    layout->addWidget(m_yearHeading);
    layout->addWidget(m_yearTable);
    layout->addStretch(1);

    setTabOrder(m_deriveButton, m_importButton);
    setTabOrder(m_importButton, m_exportButton);
    setTabOrder(m_exportButton, m_groupTable);
    setTabOrder(m_groupTable, m_yearTable);

    connect(m_deriveButton, &QPushButton::clicked, this, &ProfileView::derive);
    connect(m_importButton, &QPushButton::clicked, this, &ProfileView::importCsv);
    connect(m_exportButton, &QPushButton::clicked, this, &ProfileView::exportCsv);
    refresh();
}

ProfileView::~ProfileView()
{
    if (m_dialog)
        m_dialog->reject();
}

void ProfileView::setDocument(RoundDocument *document)
{
    if (m_dialog)
        m_dialog->reject();
    m_document = document;
    refresh();
}

ProfileDeriveDialog *ProfileView::deriveDialog() const
{
    return m_dialog;
}

QString ProfileView::whyFrozen() const
{
    return m_document ? m_document->whyMonitoringFrozen() : tr("No round is open.");
}

void ProfileView::refresh()
{
    fillLabels();
    fillGroups();
    fillYears();
    refreshState();
}

void ProfileView::fillLabels()
{
    const ContractProfile profile =
        m_document ? m_document->round().monitoring.profile : ContractProfile{};
    if (!m_document)
        m_periodLabel->clear();
    else if (!profile.hasPeriod())
        m_periodLabel->setText(
            tr("No contract period is set yet. Derive the profile from the payment scenario of "
               "the design, or import it from a spreadsheet saved as CSV: returns can be "
               "received once the contract's months are known."));
    else
        m_periodLabel->setText(
            tr("<b>Contract period:</b> %1 to %2, %3.")
                .arg(periodName(profile.start), periodName(profile.end()),
                     profile.months == 1 ? tr("1 month") : tr("%1 months").arg(profile.months)));
    m_sourceLabel->setText(profile.source.isEmpty() ? QString()
                                                    : tr("Source: %1").arg(profile.source));
    m_sourceLabel->setVisible(!profile.source.isEmpty());
    m_illustrativeNotice->setVisible(profile.illustrative);
}

void ProfileView::fillGroups()
{
    m_groupTable->clearContents();
    m_groupTable->setRowCount(0);
    const bool any = m_document && !m_document->round().monitoring.profile.figures.isEmpty();
    m_groupHeading->setVisible(any);
    m_groupTable->setVisible(any);
    if (!any)
        return;
    const Round &round = m_document->round();
    const ContractProfile &profile = round.monitoring.profile;

    // CPAs in plan order, then any the profile names that the plan does not hold.
    QList<CpaId> cpas;
    QHash<CpaId, QString> cpaNames;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            cpas << cpa.id;
            cpaNames.insert(cpa.id, cpa.name);
        }
    }
    QList<KeyName> groups = monitoringGroups(round);
    QHash<CpaId, QHash<QString, Totals>> totals;
    for (const MonitoringFigure &f : profile.figures) {
        if (!cpas.contains(f.cpa)) {
            cpas << f.cpa;
            cpaNames.insert(f.cpa, tr("CPA %1").arg(f.cpa.value()));
        }
        if (std::none_of(groups.begin(), groups.end(),
                         [&](const KeyName &g) { return g.key == f.group; }))
            groups << KeyName{f.group, f.group};
        Totals &t = totals[f.cpa][f.group];
        t[size_t(f.measure)] += f.value;
    }

    Totals all{};
    int row = 0;
    const auto addRow = [&](const QString &cpa, const QString &group, const Totals &t, bool bold) {
        m_groupTable->insertRow(row);
        m_groupTable->setItem(row, CpaColumn, labelCell(cpa, bold));
        m_groupTable->setItem(row, GroupColumn, labelCell(group, bold));
        setTotals(m_groupTable, row, FirstMeasureColumn, t, bold);
        ++row;
    };
    for (CpaId cpa : std::as_const(cpas)) {
        const auto byGroup = totals.constFind(cpa);
        if (byGroup == totals.constEnd())
            continue;
        Totals cpaTotal{};
        for (const KeyName &g : std::as_const(groups)) {
            const auto t = byGroup->constFind(g.key);
            if (t == byGroup->constEnd())
                continue;
            addRow(cpaNames.value(cpa), g.name, *t, false);
            for (size_t i = 0; i < cpaTotal.size(); ++i)
                cpaTotal[i] += (*t)[i];
        }
        addRow(cpaNames.value(cpa), tr("All groups"), cpaTotal, true);
        for (size_t i = 0; i < all.size(); ++i)
            all[i] += cpaTotal[i];
    }
    addRow(tr("All CPAs"), tr("All groups"), all, true);
    SupplyTables::fitHeight(m_groupTable, 20);
}

void ProfileView::fillYears()
{
    m_yearTable->clearContents();
    m_yearTable->setRowCount(0);
    const bool any = m_document && m_document->round().monitoring.profile.hasPeriod() &&
                     !m_document->round().monitoring.profile.figures.isEmpty();
    m_yearHeading->setVisible(any);
    m_yearTable->setVisible(any);
    if (!any)
        return;
    const ContractProfile &profile = m_document->round().monitoring.profile;
    const int years = (profile.months + 11) / 12;
    QList<Totals> byYear(years, Totals{});
    for (const MonitoringFigure &f : profile.figures) {
        const int month = int((f.period.year() - profile.start.year()) * 12 + f.period.month() -
                              profile.start.month());
        if (month < 0 || month >= profile.months)
            continue;
        byYear[month / 12][size_t(f.measure)] += f.value;
    }
    m_yearTable->setRowCount(years);
    for (int y = 0; y < years; ++y) {
        const QDate first = profile.start.addMonths(12 * y);
        const int months = std::min(12, profile.months - 12 * y);
        const QDate last = first.addMonths(months - 1);
        const QString name = tr("Year %1: %2 to %3")
                                 .arg(y + 1)
                                 .arg(QLocale().toString(first, QStringLiteral("MMM yyyy")),
                                      QLocale().toString(last, QStringLiteral("MMM yyyy")));
        m_yearTable->setItem(y, YearColumn, labelCell(name, false));
        QTableWidgetItem *monthsItem = SupplyTables::cell(QString::number(months));
        monthsItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_yearTable->setItem(y, MonthsColumn, monthsItem);
        setTotals(m_yearTable, y, YearFirstMeasureColumn, byYear[y], false);
    }
    SupplyTables::fitHeight(m_yearTable, 20);
}

void ProfileView::refreshState()
{
    const QString why = whyFrozen();
    const bool editable = why.isEmpty();
    const bool hasScenario = m_document && !m_document->round().design.scenarios.isEmpty();
    BoardTables::enable(m_deriveButton, editable && hasScenario,
                        tr("Work out the monthly referrals, starts, job outcomes and sustained "
                           "job outcomes the payment model expects."),
                        why,
                        tr("The design of services (stage 3) has no payment scenario to derive "
                           "the profile from."));
    BoardTables::enable(m_importButton, editable,
                        tr("Read the profile agreed with the provider: columns period, cpa, "
                           "priority_group, measure, value."),
                        why);
    const bool hasFigures = m_document && !m_document->round().monitoring.profile.figures.isEmpty();
    BoardTables::enable(m_exportButton, hasFigures,
                        tr("Write the profile as a CSV file for a spreadsheet."), QString(),
                        tr("The profile is empty."));
}

bool ProfileView::derive()
{
    if (!m_document || !whyFrozen().isEmpty() || m_document->round().design.scenarios.isEmpty())
        return false;
    if (m_dialog)
        m_dialog->reject();
    const Round &round = m_document->round();
    const QDate start = round.monitoring.profile.start.isValid() ? round.monitoring.profile.start
                                                                 : defaultContractStart(round);
    auto *dialog = new ProfileDeriveDialog(round, start, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setApply([this] { return applyDerived(); });
    m_dialog = dialog;
    connect(dialog, &QDialog::finished, this, [this] { m_dialog = nullptr; });
    // Window-modal, not exec(): nothing waits on it, so the window stays scriptable.
    dialog->open();
    return true;
}

bool ProfileView::applyDerived()
{
    if (!m_document || !m_dialog)
        return false;
    const QString title = tr("The profile was not derived");
    const QString scenario = m_dialog->scenario();
    const Result<ContractProfile> derived =
        deriveProfile(m_document->round(), scenario, m_dialog->start());
    if (!derived) {
        m_dialogs->showError(m_dialog, title, derived.errorMessage());
        return false;
    }
    RoundDocument *document = m_document;
    return m_edits->run(title, [&] {
        return Commands::setProfile(
            document, *derived,
            tr("Derive the contract profile from the scenario “%1”").arg(scenario));
    });
}

bool ProfileView::importCsv()
{
    if (!m_document || !whyFrozen().isEmpty())
        return false;
    const QString path = m_dialogs->openFileName(window(), tr("Import the contract profile"),
                                                 startDirectory(), csvFilter());
    if (path.isEmpty() || !m_document)
        return false;
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    const QString title = tr("The profile was not imported");
    const Result<ContractProfile> read = readProfileCsv(m_document->round(), path);
    if (!read) {
        m_dialogs->showError(window(), title, read.errorMessage());
        return false;
    }
    const QString fileName = QFileInfo(path).fileName();
    RoundDocument *document = m_document;
    if (!m_edits->run(title, [&] {
            return Commands::setProfile(document, *read,
                                        tr("Import the contract profile from %1").arg(fileName));
        }))
        return false;
    m_dialogs->showInformation(
        window(), tr("Profile imported"),
        tr("Read %1 from %2 for %3 to %4. Undo puts the previous profile back.")
            .arg(read->figures.size() == 1 ? tr("1 figure")
                                           : tr("%1 figures").arg(read->figures.size()),
                 fileName, periodName(read->start), periodName(read->end())));
    return true;
}

bool ProfileView::exportCsv()
{
    if (!m_document || m_document->round().monitoring.profile.figures.isEmpty())
        return false;
    const QString suggested =
        QDir(startDirectory())
            .filePath(tr("%1 contract profile.csv").arg(m_document->round().title));
    const QString path = m_dialogs->saveFileName(window(), tr("Export the contract profile"),
                                                 suggested, csvFilter());
    if (path.isEmpty() || !m_document)
        return false;
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    const Status written =
        writeProfileCsv(m_document->round(), m_document->round().monitoring.profile, path);
    if (!written) {
        m_dialogs->showError(window(), tr("The profile was not exported"), written.errorMessage());
        return false;
    }
    return true;
}

} // namespace CoCommission
