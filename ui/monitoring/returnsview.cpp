#include "ui/monitoring/returnsview.h"

#include "core/commands/monitoringcommands.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/monitoring/returncsv.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/boardtables.h"
#include "ui/pagewidgets.h"
#include "ui/settings.h"
#include "ui/supply/supplytables.h"
#include "ui/uiutil.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;
/** Rows the figures table shows at most: a return may hold many thousands of figures. */
constexpr int kMaxFigureRows = 1000;

QString csvFilter()
{
    return QCoreApplication::translate("CoCommission::ReturnsView",
                                       "CSV files (*.csv);;All files (*)");
}

QString startDirectory()
{
    const QString last = Settings::value(Settings::LastDirectory).toString();
    return last.isEmpty() ? QDir::homePath() : last;
}

QString monthText(const QDate &period)
{
    return QLocale().toString(period, QStringLiteral("MMM yyyy"));
}

/** A picker named \a accessibleName whose tool tip \a toolTip says what it narrows. */
PageComboBox *makePicker(const QString &accessibleName, const QString &toolTip,
                         const QString &objectName, QWidget *parent)
{
    auto *combo = new PageComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->setToolTip(toolTip);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

/** Refills \a combo with "All" and \a items (text, data), keeping the choice when it stays. */
void fillCombo(QComboBox *combo, const QString &all, const QList<QPair<QString, QVariant>> &items)
{
    const QVariant current = combo->currentData();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(all, QVariant());
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
    const int at = current.isValid() ? combo->findData(current) : -1;
    combo->setCurrentIndex(std::max(0, at));
}

QTableWidgetItem *figureCell(const QString &text)
{
    QTableWidgetItem *item = SupplyTables::cell(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ReturnsView::ReturnsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("returnsView"));

    m_summary = UiUtil::makeText(this);
    m_summary->setObjectName(QStringLiteral("returnsSummaryLabel"));
    m_returnTable = UiUtil::makeTable({tr("No."), tr("Source"), tr("Received on"),
                                       tr("Months covered"), tr("Figures"), tr("Corrections"),
                                       tr("Superseded"), tr("Note"), tr("Illustrative")},
                                      this);
    m_returnTable->setObjectName(QStringLiteral("returnsTable"));
    m_returnTable->setAccessibleName(tr("Performance returns received"));
    m_returnTable->setAccessibleDescription(
        tr("One row per return, in the order received. Corrections: its figures that replace "
           "earlier ones; superseded: its figures a later return replaced. Pick a return to "
           "see its figures below."));
    SupplyTables::shareColumns(m_returnTable, {4, 24, 11, 13, 7, 10, 10, 12, 9});
    SupplyTables::wrapRows(m_returnTable);
    for (int column : {int(NumberColumn), int(ReceivedColumn), int(MonthsColumn), int(NoteColumn)})
        SupplyTables::keepOnOneLine(m_returnTable, column);
    m_receiveButton = UiUtil::makeButton(tr("Rece&ive return…"), tr("Receive a performance return"),
                                         QStringLiteral("receiveReturnButton"), this);
    m_removeIllustrativeButton = UiUtil::makeButton(
        tr("Remo&ve illustrative returns…"), tr("Remove the illustrative returns"),
        QStringLiteral("removeIllustrativeReturnsButton"), this);

    m_figuresHeading = UiUtil::headingLabel(tr("Figures of the return"), 1.05, this);
    m_figuresLabel = UiUtil::makeText(this, true);
    m_figuresLabel->setObjectName(QStringLiteral("returnFiguresLabel"));
    m_pickers = new QWidget(this);
    m_periodCombo = makePicker(tr("Period of the figures shown"),
                               tr("Show only the return's figures for one month, or all months."),
                               QStringLiteral("returnPeriodCombo"), m_pickers);
    m_cpaCombo = makePicker(tr("CPA of the figures shown"),
                            tr("Show only the return's figures for one CPA, or all CPAs."),
                            QStringLiteral("returnCpaCombo"), m_pickers);
    m_groupCombo = makePicker(tr("Group of the figures shown"),
                              tr("Show only the return's figures for one group, or all groups."),
                              QStringLiteral("returnGroupCombo"), m_pickers);
    m_measureCombo =
        makePicker(tr("Measure of the figures shown"),
                   tr("Show only the return's figures for one measure, or all measures."),
                   QStringLiteral("returnMeasureCombo"), m_pickers);
    auto *pickerRow = new QHBoxLayout(m_pickers);
    pickerRow->setContentsMargins(0, 0, 0, 0);
    const auto addPicker = [&](const QString &label, QComboBox *combo) {
        auto *buddy = new QLabel(label, m_pickers);
        buddy->setBuddy(combo);
        pickerRow->addWidget(buddy);
        pickerRow->addWidget(combo);
        pickerRow->addSpacing(8);
    };
    addPicker(tr("&Period:"), m_periodCombo);
    addPicker(tr("&CPA:"), m_cpaCombo);
    addPicker(tr("Gro&up:"), m_groupCombo);
    addPicker(tr("&Measure:"), m_measureCombo);
    pickerRow->addStretch(1);
    m_figureTable =
        UiUtil::makeTable({tr("Month"), tr("CPA"), tr("Group"), tr("Measure"), tr("Value")}, this);
    m_figureTable->setObjectName(QStringLiteral("returnFigureTable"));
    m_figureTable->setAccessibleName(tr("Figures of the return"));
    m_figureTable->setAccessibleDescription(
        tr("The figures the picked return reports. Pick one to see its history below."));
    SupplyTables::shareColumns(m_figureTable, {14, 26, 30, 18, 12});

    m_historyHeading = UiUtil::headingLabel(tr("History of the figure"), 1.05, this);
    m_historyLabel = UiUtil::makeText(this, true);
    m_historyLabel->setObjectName(QStringLiteral("returnHistoryLabel"));
    m_historyTable = UiUtil::makeTable(
        {tr("Return"), tr("Source"), tr("Received on"), tr("Note"), tr("Value"), tr("Status")},
        this);
    m_historyTable->setObjectName(QStringLiteral("returnHistoryTable"));
    m_historyTable->setAccessibleName(tr("History of the figure"));
    m_historyTable->setAccessibleDescription(
        tr("Every value the returns gave the picked figure, oldest first: the latest is in "
           "force, the earlier ones are superseded and kept on record."));
    SupplyTables::shareColumns(m_historyTable, {7, 26, 12, 24, 8, 23});
    SupplyTables::wrapRows(m_historyTable);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_returnTable);
    layout->addLayout(UiUtil::buttonRow({m_receiveButton}, {m_removeIllustrativeButton}));
    layout->addSpacing(8);
    layout->addWidget(m_figuresHeading);
    layout->addWidget(m_figuresLabel);
    layout->addWidget(m_pickers);
    layout->addWidget(m_figureTable);
    layout->addSpacing(8);
    layout->addWidget(m_historyHeading);
    layout->addWidget(m_historyLabel);
    layout->addWidget(m_historyTable);
    layout->addStretch(1);

    QWidget *previous = m_returnTable;
    for (QWidget *next :
         {static_cast<QWidget *>(m_receiveButton),
          static_cast<QWidget *>(m_removeIllustrativeButton), static_cast<QWidget *>(m_periodCombo),
          static_cast<QWidget *>(m_cpaCombo), static_cast<QWidget *>(m_groupCombo),
          static_cast<QWidget *>(m_measureCombo), static_cast<QWidget *>(m_figureTable),
          static_cast<QWidget *>(m_historyTable)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    connect(m_returnTable, &QTableWidget::itemSelectionChanged, this, [this] {
        if (currentReturn() != m_pickersFor) {
            fillPickers();
            fillFigures();
        }
    });
    for (QComboBox *combo : {m_periodCombo, m_cpaCombo, m_groupCombo, m_measureCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { fillFigures(); });
    connect(m_figureTable, &QTableWidget::itemSelectionChanged, this, &ReturnsView::fillHistory);
    connect(m_receiveButton, &QPushButton::clicked, this, &ReturnsView::receiveReturn);
    connect(m_removeIllustrativeButton, &QPushButton::clicked, this,
            &ReturnsView::removeIllustrative);
    refresh();
}

ReturnsView::~ReturnsView() = default;

void ReturnsView::setDocument(RoundDocument *document)
{
    m_document = document;
    refresh();
}

void ReturnsView::refresh()
{
    fillReturns();
    fillPickers();
    fillFigures();
    refreshState();
}

QString ReturnsView::whyFrozen() const
{
    return m_document ? m_document->whyMonitoringFrozen() : tr("No round is open.");
}

QString ReturnsView::cpaName(CpaId cpa) const
{
    if (m_document) {
        if (const CpaPlan *plan = m_document->round().adoptedPlan()) {
            for (const Cpa &c : plan->cpas) {
                if (c.id == cpa)
                    return c.name;
            }
        }
    }
    return tr("CPA %1").arg(cpa.value());
}

QString ReturnsView::groupName(const QString &key) const
{
    if (m_document) {
        for (const KeyName &g : monitoringGroups(m_document->round())) {
            if (g.key == key)
                return g.name;
        }
    }
    return key;
}

void ReturnsView::fillReturns()
{
    const qint64 current = currentReturn();
    const Monitoring monitoring = m_document ? m_document->round().monitoring : Monitoring{};
    const QList<PerformanceReturn> &returns = monitoring.returns;
    {
        const QSignalBlocker blocker(m_returnTable);
        m_returnTable->clearContents();
        m_returnTable->setRowCount(int(returns.size()));
        for (int row = 0; row < returns.size(); ++row) {
            const PerformanceReturn &r = returns[row];
            const ReturnSummary summary = summariseReturn(monitoring, r.id);
            QTableWidgetItem *number = SupplyTables::cell(QString::number(r.id));
            number->setData(kKeyRole, r.id);
            m_returnTable->setItem(row, NumberColumn, number);
            QTableWidgetItem *source = SupplyTables::cell(r.source);
            source->setToolTip(r.sha256.isEmpty() ? r.source
                                                  : tr("%1\nSHA-256: %2").arg(r.source, r.sha256));
            m_returnTable->setItem(row, SourceColumn, source);
            QTableWidgetItem *receivedOn =
                SupplyTables::cell(BoardTables::dayText(r.receivedAt.toLocalTime().date()));
            receivedOn->setToolTip(BoardTables::dateTimeText(r.receivedAt));
            m_returnTable->setItem(row, ReceivedColumn, receivedOn);
            QString months;
            if (summary.firstPeriod.isValid())
                months =
                    summary.firstPeriod == summary.lastPeriod
                        ? monthText(summary.firstPeriod)
                        : tr("%1 to %2")
                              .arg(monthText(summary.firstPeriod), monthText(summary.lastPeriod));
            m_returnTable->setItem(row, MonthsColumn, SupplyTables::cell(months));
            m_returnTable->setItem(row, FiguresColumn,
                                   figureCell(BoardTables::countText(summary.figures)));
            m_returnTable->setItem(row, CorrectionsColumn,
                                   figureCell(BoardTables::countText(summary.corrections)));
            QTableWidgetItem *superseded = figureCell(BoardTables::countText(summary.superseded));
            if (summary.superseded > 0)
                superseded->setToolTip(tr("%1 of its figures were corrected by later returns.")
                                           .arg(summary.superseded));
            m_returnTable->setItem(row, SupersededColumn, superseded);
            QTableWidgetItem *note = SupplyTables::cell(r.note);
            note->setToolTip(r.note);
            m_returnTable->setItem(row, NoteColumn, note);
            m_returnTable->setItem(row, IllustrativeColumn,
                                   SupplyTables::cell(r.illustrative ? tr("Yes") : QString()));
        }
        SupplyTables::fitWrappedRows(m_returnTable);
    }
    m_returnTable->setVisible(!returns.isEmpty());
    // The return picked stays picked; otherwise the latest, whose figures are the news.
    if (!selectReturn(current) && !returns.isEmpty())
        selectReturn(returns.last().id);

    if (!m_document) {
        m_summary->clear();
    } else if (returns.isEmpty()) {
        m_summary->setText(
            tr("No return has been received yet. Receive each month's return from the provider "
               "as a CSV file with the columns period, cpa, priority_group, measure and value. "
               "A correction is a later return: it supersedes the figures it repeats, and the "
               "earlier values stay on record."));
    } else {
        const int illustrative =
            int(std::count_if(returns.begin(), returns.end(),
                              [](const PerformanceReturn &r) { return r.illustrative; }));
        QString text =
            (returns.size() == 1 ? tr("1 return received")
                                 : tr("%1 returns received").arg(returns.size())) +
            tr(", the latest on %1.")
                .arg(BoardTables::dayText(returns.last().receivedAt.toLocalTime().date()));
        if (illustrative > 0)
            text += QLatin1Char(' ') +
                    (illustrative == int(returns.size())
                         ? tr("All are illustrative: remove them before receiving real returns.")
                         : tr("%1 are illustrative.").arg(illustrative));
        m_summary->setText(text);
    }
}

qint64 ReturnsView::currentReturn() const
{
    const int row = m_returnTable->currentRow();
    if (row < 0 || !m_returnTable->item(row, NumberColumn) ||
        !m_returnTable->selectionModel()->isRowSelected(row, {}))
        return 0;
    return m_returnTable->item(row, NumberColumn)->data(kKeyRole).toLongLong();
}

bool ReturnsView::selectReturn(qint64 id)
{
    if (id <= 0)
        return false;
    for (int row = 0; row < m_returnTable->rowCount(); ++row) {
        if (m_returnTable->item(row, NumberColumn)->data(kKeyRole).toLongLong() == id) {
            m_returnTable->selectRow(row);
            m_returnTable->setCurrentCell(row, NumberColumn);
            return true;
        }
    }
    return false;
}

void ReturnsView::fillPickers()
{
    const qint64 id = currentReturn();
    m_pickersFor = id;
    const PerformanceReturn *r =
        m_document && id > 0 ? m_document->round().monitoring.performanceReturn(id) : nullptr;
    QList<QDate> periods;
    QList<CpaId> cpas;
    QStringList groups;
    QList<MonitoringMeasure> measures;
    if (r) {
        for (const MonitoringFigure &f : r->figures) {
            if (!periods.contains(f.period))
                periods << f.period;
            if (!cpas.contains(f.cpa))
                cpas << f.cpa;
            if (!groups.contains(f.group))
                groups << f.group;
            if (!measures.contains(f.measure))
                measures << f.measure;
        }
    }
    std::sort(periods.begin(), periods.end());
    QList<QPair<QString, QVariant>> items;
    for (const QDate &p : std::as_const(periods))
        items.append({monthText(p), p});
    fillCombo(m_periodCombo, tr("All months"), items);

    // CPAs in plan order, groups in the catalogue's, measures in the programme's.
    items.clear();
    if (m_document) {
        if (const CpaPlan *plan = m_document->round().adoptedPlan()) {
            for (const Cpa &c : plan->cpas) {
                if (cpas.contains(c.id))
                    items.append({c.name, c.id.value()});
            }
        }
    }
    fillCombo(m_cpaCombo, tr("All CPAs"), items);
    items.clear();
    if (m_document) {
        for (const KeyName &g : monitoringGroups(m_document->round())) {
            if (groups.contains(g.key))
                items.append({g.name, g.key});
        }
    }
    fillCombo(m_groupCombo, tr("All groups"), items);
    items.clear();
    for (MonitoringMeasure m : monitoringMeasures()) {
        if (measures.contains(m))
            items.append({monitoringMeasureName(m), int(m)});
    }
    fillCombo(m_measureCombo, tr("All measures"), items);
}

void ReturnsView::fillFigures()
{
    const std::optional<MonitoringFigure> current = currentFigure();
    const qint64 id = currentReturn();
    const PerformanceReturn *r =
        m_document && id > 0 ? m_document->round().monitoring.performanceReturn(id) : nullptr;
    m_figuresHeading->setVisible(r != nullptr);
    m_pickers->setVisible(r != nullptr && !r->figures.isEmpty());
    m_figuresLabel->setVisible(r != nullptr);
    m_shownFigures.clear();
    int matching = 0;
    if (r) {
        const QVariant period = m_periodCombo->currentData();
        const QVariant cpa = m_cpaCombo->currentData();
        const QVariant group = m_groupCombo->currentData();
        const QVariant measure = m_measureCombo->currentData();
        for (const MonitoringFigure &f : r->figures) {
            if ((period.isValid() && period.toDate() != f.period) ||
                (cpa.isValid() && cpa.toLongLong() != f.cpa.value()) ||
                (group.isValid() && group.toString() != f.group) ||
                (measure.isValid() && measure.toInt() != int(f.measure)))
                continue;
            ++matching;
            if (m_shownFigures.size() < kMaxFigureRows)
                m_shownFigures << f;
        }
        m_figuresHeading->setText(tr("Figures of return %1").arg(r->id));
        QString text = tr("%1 from %2.")
                           .arg(r->figures.size() == 1 ? tr("1 figure")
                                                       : tr("%1 figures").arg(r->figures.size()),
                                r->source);
        if (!r->standards.isEmpty())
            text += QLatin1Char(' ') + (r->standards.size() == 1
                                            ? tr("It also reports 1 measured service standard.")
                                            : tr("It also reports %1 measured service standards.")
                                                  .arg(r->standards.size()));
        if (matching > m_shownFigures.size())
            text += QLatin1Char(' ') + tr("The first %1 of the %2 picked are shown: narrow them "
                                          "with the month, CPA, group and measure.")
                                           .arg(m_shownFigures.size())
                                           .arg(matching);
        text += QLatin1Char(' ') + tr("Pick a figure to see its history.");
        m_figuresLabel->setText(text);
    }

    {
        const QSignalBlocker blocker(m_figureTable);
        m_figureTable->clearContents();
        m_figureTable->setRowCount(int(m_shownFigures.size()));
        for (int row = 0; row < m_shownFigures.size(); ++row) {
            const MonitoringFigure &f = m_shownFigures[row];
            m_figureTable->setItem(row, FigurePeriodColumn,
                                   SupplyTables::cell(monthText(f.period)));
            m_figureTable->setItem(row, FigureCpaColumn, SupplyTables::cell(cpaName(f.cpa)));
            m_figureTable->setItem(row, FigureGroupColumn, SupplyTables::cell(groupName(f.group)));
            m_figureTable->setItem(row, FigureMeasureColumn,
                                   SupplyTables::cell(monitoringMeasureName(f.measure)));
            m_figureTable->setItem(row, FigureValueColumn,
                                   figureCell(BoardTables::figureText(f.value)));
        }
        SupplyTables::fitHeight(m_figureTable, 12);
    }
    m_figureTable->setVisible(!m_shownFigures.isEmpty());
    int row = current ? int(m_shownFigures.indexOf(*current)) : -1;
    if (row < 0 && !m_shownFigures.isEmpty())
        row = 0;
    if (row >= 0) {
        const QSignalBlocker blocker(m_figureTable);
        m_figureTable->selectRow(row);
        m_figureTable->setCurrentCell(row, FigurePeriodColumn);
    }
    fillHistory();
}

std::optional<MonitoringFigure> ReturnsView::currentFigure() const
{
    const int row = m_figureTable->currentRow();
    if (row < 0 || row >= m_shownFigures.size() ||
        !m_figureTable->selectionModel()->isRowSelected(row, {}))
        return std::nullopt;
    return m_shownFigures[row];
}

bool ReturnsView::selectFigure(const QDate &period, CpaId cpa, const QString &group,
                               MonitoringMeasure measure)
{
    const auto pick = [](QComboBox *combo, const QVariant &data) {
        const int at = combo->findData(data);
        if (at < 0)
            return false;
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(at);
        return true;
    };
    if (!pick(m_periodCombo, period) || !pick(m_cpaCombo, cpa.value()) ||
        !pick(m_groupCombo, group) || !pick(m_measureCombo, int(measure))) {
        fillFigures();
        return false;
    }
    fillFigures();
    return !m_shownFigures.isEmpty();
}

void ReturnsView::fillHistory()
{
    const std::optional<MonitoringFigure> figure = currentFigure();
    m_historyHeading->setVisible(figure.has_value());
    m_historyLabel->setVisible(figure.has_value());
    m_historyTable->setVisible(figure.has_value());
    m_historyTable->clearContents();
    m_historyTable->setRowCount(0);
    if (!figure || !m_document)
        return;
    const QList<FigureVersion> history =
        figureHistory(m_document->round().monitoring, figure->period, figure->cpa, figure->group,
                      figure->measure);
    const QString what = tr("%1, %2, %3 in %4")
                             .arg(monitoringMeasureName(figure->measure), cpaName(figure->cpa),
                                  groupName(figure->group), periodName(figure->period));
    m_historyLabel->setText(
        history.size() <= 1
            ? tr("%1: reported once, never corrected.").arg(what)
            : tr("%1: reported %2 times. The latest value is in force; the earlier ones are "
                 "superseded and kept on record.")
                  .arg(what)
                  .arg(history.size()));
    m_historyTable->setRowCount(int(history.size()));
    for (int row = 0; row < history.size(); ++row) {
        const FigureVersion &v = history[row];
        m_historyTable->setItem(row, HistoryReturnColumn,
                                SupplyTables::cell(QString::number(v.returnId)));
        m_historyTable->setItem(row, HistorySourceColumn, SupplyTables::cell(v.source));
        QTableWidgetItem *receivedOn =
            SupplyTables::cell(BoardTables::dayText(v.receivedAt.toLocalTime().date()));
        receivedOn->setToolTip(BoardTables::dateTimeText(v.receivedAt));
        m_historyTable->setItem(row, HistoryReceivedColumn, receivedOn);
        QTableWidgetItem *note = SupplyTables::cell(v.note);
        note->setToolTip(v.note);
        m_historyTable->setItem(row, HistoryNoteColumn, note);
        QTableWidgetItem *value = figureCell(BoardTables::figureText(v.value));
        QTableWidgetItem *status = nullptr;
        if (v.inForce) {
            status = SupplyTables::cell(tr("In force"));
            QFont bold = status->font();
            bold.setBold(true);
            status->setFont(bold);
            value->setFont(bold);
            BoardTables::markGood(status);
        } else {
            const qint64 by = row + 1 < history.size() ? history[row + 1].returnId : 0;
            status = SupplyTables::cell(by > 0 ? tr("Superseded by return %1").arg(by)
                                               : tr("Superseded"));
            // Struck through, and the status says it in words.
            QFont struck = value->font();
            struck.setStrikeOut(true);
            value->setFont(struck);
            value->setToolTip(tr("Superseded: no longer counts."));
        }
        m_historyTable->setItem(row, HistoryValueColumn, value);
        m_historyTable->setItem(row, HistoryStatusColumn, status);
    }
    SupplyTables::fitWrappedRows(m_historyTable);
}

void ReturnsView::refreshState()
{
    const QString why = whyFrozen();
    const bool editable = why.isEmpty();
    BoardTables::enable(m_receiveButton, editable,
                        tr("Read a performance return saved as CSV: columns period, cpa, "
                           "priority_group, measure, value."),
                        why);
    const bool illustrative =
        m_document && std::any_of(m_document->round().monitoring.returns.begin(),
                                  m_document->round().monitoring.returns.end(),
                                  [](const PerformanceReturn &r) { return r.illustrative; });
    BoardTables::enable(
        m_removeIllustrativeButton, editable && illustrative,
        tr("Remove the demo's invented returns, so that real ones can be received."), why,
        tr("No return is illustrative."));
}

bool ReturnsView::receiveReturn()
{
    if (!m_document || !whyFrozen().isEmpty())
        return false;
    const QString title = tr("The return was not received");
    const Monitoring &monitoring = m_document->round().monitoring;
    // Explained before a file is picked: the document would refuse either.
    if (std::any_of(monitoring.returns.begin(), monitoring.returns.end(),
                    [](const PerformanceReturn &r) { return r.illustrative; })) {
        m_dialogs->showError(window(), title,
                             tr("The round holds the demo's illustrative returns. Remove them "
                                "first (Remove illustrative returns), so that real and invented "
                                "figures never mix."));
        return false;
    }
    if (!monitoring.profile.hasPeriod()) {
        m_dialogs->showError(window(), title,
                             tr("The contract period is not set, so the months of a return "
                                "cannot be checked. Derive or import the contract profile "
                                "first (Contract profile tab)."));
        return false;
    }
    const QString path = m_dialogs->openFileName(window(), tr("Receive a performance return"),
                                                 startDirectory(), csvFilter());
    if (path.isEmpty() || !m_document)
        return false;
    Settings::setValue(Settings::LastDirectory, QFileInfo(path).absolutePath());
    const Result<ReturnImport> read = readReturnCsv(m_document->round(), path);
    if (!read) {
        m_dialogs->showError(window(), title, read.errorMessage());
        return false;
    }
    const QString fileName = QFileInfo(path).fileName();
    const std::optional<QString> note = m_dialogs->askText(
        window(), tr("Receive a performance return"),
        tr("Note on the return from %1 (optional), for example what a correction corrects:")
            .arg(fileName));
    if (!note)
        return false;
    if (!read->warnings.isEmpty()) {
        QStringList lines;
        for (const QString &w : read->warnings)
            lines << QStringLiteral("• ") + w;
        if (!m_dialogs->confirm(
                window(), tr("Warnings about the return"),
                tr("The return from %1 reads correctly, but with it the figures would show:\n\n"
                   "%2\n\nReceive it anyway? A later return can correct these figures.")
                    .arg(fileName, lines.join(QLatin1Char('\n'))),
                tr("Receive return")))
            return false;
    }
    PerformanceReturn received = read->performanceReturn;
    received.note = note->trimmed();
    RoundDocument *document = m_document;
    qint64 id = 0;
    if (!m_edits->run(title, [&]() -> Status {
            const Result<qint64> done = Commands::receiveReturn(document, received);
            if (!done)
                return done.error();
            id = *done;
            return {};
        }))
        return false;
    selectReturn(id);
    QString text = tr("Received %1 as return %2: %3, %4 of them correcting earlier figures.")
                       .arg(fileName)
                       .arg(id)
                       .arg(read->rows == 1 ? tr("1 row") : tr("%1 rows").arg(read->rows))
                       .arg(read->corrections);
    if (!read->warnings.isEmpty())
        text +=
            QLatin1Char(' ') +
            (read->warnings.size() == 1
                 ? tr("1 warning stands, as shown before receiving.")
                 : tr("%1 warnings stand, as shown before receiving.").arg(read->warnings.size()));
    text += QLatin1Char(' ') + tr("Undo removes the return again.");
    m_dialogs->showInformation(window(), tr("Return received"), text);
    return true;
}

bool ReturnsView::removeIllustrative()
{
    if (!m_document || !whyFrozen().isEmpty())
        return false;
    const QList<PerformanceReturn> &returns = m_document->round().monitoring.returns;
    const int count = int(std::count_if(returns.begin(), returns.end(),
                                        [](const PerformanceReturn &r) { return r.illustrative; }));
    if (count == 0)
        return false;
    if (!m_dialogs->confirm(window(), tr("Remove the illustrative returns"),
                            (count == 1 ? tr("Remove the illustrative return, invented to show "
                                             "the stage working?")
                                        : tr("Remove the %1 illustrative returns, invented to "
                                             "show the stage working?")
                                              .arg(count)) +
                                QLatin1Char(' ') + tr("Undo brings them back."),
                            tr("Remove returns")))
        return false;
    RoundDocument *document = m_document;
    return m_edits->run(tr("The illustrative returns were not removed"),
                        [&] { return Commands::removeIllustrativeReturns(document); });
}

} // namespace CoCommission
