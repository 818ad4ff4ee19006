#include "ui/cpa/comparedialog.h"

#include "core/cpa/adjacency.h"
#include "core/cpa/roundcheck.h"
#include "core/round/rounddocument.h"
#include "ui/cpa/cpalegendmodel.h"
#include "ui/uiutil.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace CoCommission {

namespace {

QTableWidgetItem *item(const QString &text)
{
    auto *result = new QTableWidgetItem(text);
    result->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return result;
}

} // namespace

CompareDialog::CompareDialog(RoundDocument *document, PlanId first, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_first(first)
    , m_firstLabel(new QLabel(this))
    , m_secondCombo(new QComboBox(this))
    , m_settingsLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_movedTable(new QTableWidget(0, 3, this))
    , m_figuresTable(new QTableWidget(FigureRowCount, 2, this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare CPA plans"));
    setAccessibleName(windowTitle());
    setModal(false);

    m_firstLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secondCombo->setObjectName(QStringLiteral("compareSecondCombo"));
    m_secondCombo->setAccessibleName(tr("Plan to compare with"));
    m_secondCombo->setAccessibleDescription(
        tr("The plan set beside the first; the tables below compare the two."));
    m_secondCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_settingsLabel->setWordWrap(true);
    UiUtil::makeSecondary(m_settingsLabel);
    m_summaryLabel->setObjectName(QStringLiteral("compareSummary"));
    m_summaryLabel->setWordWrap(true);

    m_movedTable->setObjectName(QStringLiteral("movedTable"));
    m_movedTable->setAccessibleName(tr("Authorities that moved"));
    m_movedTable->setAccessibleDescription(
        tr("One row an authority whose CPA differs between the plans: the CPA it is in in each. "
           "Arrow keys move between rows."));
    m_movedTable->setHorizontalHeaderLabels({tr("Authority"), tr("From CPA"), tr("To CPA")});
    m_movedTable->verticalHeader()->hide();
    m_movedTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_movedTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_movedTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_movedTable->setTabKeyNavigation(false);

    m_figuresTable->setObjectName(QStringLiteral("figuresTable"));
    m_figuresTable->setAccessibleName(tr("The two plans' figures"));
    m_figuresTable->setAccessibleDescription(
        tr("The two plans' figures side by side, one row a figure: the largest deviation, the "
           "largest CPA over the smallest, contiguity, coverage and the rules they keep."));
    m_figuresTable->setVerticalHeaderLabels({tr("Largest deviation from the mean"),
                                             tr("Largest CPA over smallest"), tr("Contiguity"),
                                             tr("Coverage"), tr("Rules")});
    m_figuresTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_figuresTable->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_figuresTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figuresTable->setTabKeyNavigation(false);
    m_figuresTable->setWordWrap(false);
    m_figuresTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_figuresTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("First plan:"), m_firstLabel);
    form->addRow(tr("Compare &with:"), m_secondCombo);

    auto *movedHeading = new QLabel(tr("Authorities that &moved"), this);
    movedHeading->setBuddy(m_movedTable);
    auto *figuresHeading = new QLabel(tr("&Figures side by side"), this);
    figuresHeading->setBuddy(m_figuresTable);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("compareCloseButton"));
    close->setAccessibleName(tr("Close"));
    close->setAccessibleDescription(tr("Closes the comparison; neither plan changes."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_settingsLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(movedHeading);
    layout->addWidget(m_movedTable, 1);
    layout->addWidget(figuresHeading);
    layout->addWidget(m_figuresTable);
    layout->addWidget(buttons);
    resize(720, 600);

    connect(m_secondCombo, &QComboBox::activated, this, &CompareDialog::compare);
    if (m_document)
        connect(m_document, &RoundDocument::roundChanged, this, &CompareDialog::refresh);
    refresh();
}

CompareDialog::~CompareDialog() = default;

bool CompareDialog::setSecondPlan(PlanId second)
{
    const int index = m_secondCombo->findData(second.value());
    if (index < 0)
        return false;
    m_secondCombo->setCurrentIndex(index);
    compare();
    return true;
}

PlanId CompareDialog::secondPlan() const
{
    return PlanId(m_secondCombo->currentData().toLongLong());
}

void CompareDialog::refresh()
{
    if (!m_document || !m_document->round().plan(m_first)) {
        // The first plan went (deleted, or the round closed): nothing left to compare.
        m_comparison.reset();
        close();
        return;
    }
    fillPlans();
    compare();
}

void CompareDialog::fillPlans()
{
    const Round &round = m_document->round();
    const CpaPlan *first = round.plan(m_first);
    m_firstLabel->setText(first->adopted ? tr("%1 (adopted)").arg(first->name) : first->name);
    const PlanId current = secondPlan();
    const QSignalBlocker blocker(m_secondCombo);
    m_secondCombo->clear();
    for (const CpaPlan &plan : round.plans) {
        if (plan.id == m_first)
            continue;
        m_secondCombo->addItem(plan.adopted ? tr("%1 (adopted)").arg(plan.name) : plan.name,
                               plan.id.value());
    }
    int index = m_secondCombo->findData(current.value());
    if (index < 0) {
        // The adopted plan is what a draft is usually held against.
        for (int i = 0; i < m_secondCombo->count() && index < 0; ++i) {
            const CpaPlan *plan = round.plan(PlanId(m_secondCombo->itemData(i).toLongLong()));
            if (plan && plan->adopted)
                index = i;
        }
    }
    m_secondCombo->setCurrentIndex(index < 0 && m_secondCombo->count() > 0 ? 0 : index);
    m_secondCombo->setEnabled(m_secondCombo->count() > 0);
}

void CompareDialog::compare()
{
    m_comparison.reset();
    m_movedTable->setRowCount(0);
    for (int row = 0; row < FigureRowCount; ++row) {
        for (int column = 0; column < 2; ++column)
            m_figuresTable->setItem(row, column, item(QString()));
    }
    if (!m_document)
        return;
    const Round &round = m_document->round();
    const CpaPlan *first = round.plan(m_first);
    const CpaPlan *second = round.plan(secondPlan());
    if (!first || !second) {
        m_settingsLabel->clear();
        m_summaryLabel->setText(tr("The round has no other plan to compare with."));
        m_figuresTable->setHorizontalHeaderLabels({first ? first->name : QString(), QString()});
        return;
    }
    m_figuresTable->setHorizontalHeaderLabels({first->name, second->name});

    const Result<Adjacency> adjacency = roundAdjacency(round);
    const Result<PlanCheckOptions> options =
        adjacency ? checkOptionsFor(round, *first) : Result<PlanCheckOptions>(adjacency.error());
    if (!adjacency || !options) {
        m_settingsLabel->clear();
        m_summaryLabel->setText(
            tr("The plans cannot be compared: %1")
                .arg(adjacency ? options.errorMessage() : adjacency.errorMessage()));
        return;
    }
    m_comparison =
        comparePlans(round.authorities, round.partnerships, *first, *second, *adjacency, *options);

    QString settings =
        tr("Both plans are checked with the settings of \"%1\": %2, %3")
            .arg(first->name, adjacencyRulePhrase(options->rule), adjacencySourcePhrase(round));
    settings += options->values.isEmpty() ? tr("; no balance indicator.")
                                          : tr("; balance on %1.").arg(options->indicatorName);
    m_settingsLabel->setText(settings);

    const QList<AuthorityMove> &moved = m_comparison->moved;
    m_summaryLabel->setText(
        moved.isEmpty()
            ? tr("No authority is in a different CPA in \"%1\".").arg(second->name)
            : (moved.size() == 1
                   ? tr("1 authority is in a different CPA in \"%1\".").arg(second->name)
                   : tr("%1 authorities are in a different CPA in \"%2\".")
                         .arg(moved.size())
                         .arg(second->name)));
    m_movedTable->setRowCount(int(moved.size()));
    for (int row = 0; row < moved.size(); ++row) {
        const AuthorityMove &move = moved.at(row);
        m_movedTable->setItem(row, 0, item(move.name.isEmpty() ? move.code : move.name));
        m_movedTable->setItem(row, 1,
                              item(move.fromCpa.isEmpty() ? tr("In no CPA") : move.fromCpa));
        m_movedTable->setItem(row, 2, item(move.toCpa.isEmpty() ? tr("In no CPA") : move.toCpa));
    }

    const QLocale locale = UiUtil::numberLocale();
    const PlanCheck *checks[] = {&m_comparison->first, &m_comparison->second};
    for (int column = 0; column < 2; ++column) {
        const PlanCheck &check = *checks[column];
        m_figuresTable->item(LargestDeviationRow, column)
            ->setText(check.largestDeviationPercent
                          ? tr("%1%").arg(locale.toString(*check.largestDeviationPercent, 'f', 1))
                          : tr("–"));
        m_figuresTable->item(MaxMinRatioRow, column)
            ->setText(check.maxMinRatio
                          ? tr("%1 to 1").arg(locale.toString(*check.maxMinRatio, 'f', 2))
                          : tr("–"));
        int broken = 0;
        for (const CpaCheck &cpa : check.cpas) {
            if (!cpa.isEmpty() && !cpa.isContiguous())
                ++broken;
        }
        const int cpas = int(check.cpas.size());
        m_figuresTable->item(ContiguityRow, column)
            ->setText(broken == 0 ? tr("All %1 CPAs contiguous").arg(cpas)
                                  : tr("%1 of %2 CPAs not contiguous").arg(broken).arg(cpas));
        QStringList coverage;
        if (!check.unassigned.isEmpty())
            coverage.append(tr("%1 in no CPA").arg(check.unassigned.size()));
        if (!check.duplicated.isEmpty())
            coverage.append(tr("%1 in more than one CPA").arg(check.duplicated.size()));
        if (!check.unknown.isEmpty())
            coverage.append(tr("%1 unknown codes").arg(check.unknown.size()));
        m_figuresTable->item(CoverageRow, column)
            ->setText(coverage.isEmpty() ? tr("Every authority in exactly one CPA")
                                         : coverage.join(tr("; ")));
        int rules = 0;
        for (const PlanProblem &problem : check.problems) {
            if (problem.breaksRule())
                ++rules;
        }
        m_figuresTable->item(RulesRow, column)
            ->setText(check.ok() ? tr("Keeps every rule")
                                 : (rules == 1 ? tr("1 problem") : tr("%1 problems").arg(rules)));
    }
    // Every row in view: the table is short and fixed, the moved list takes the rest.
    int height =
        m_figuresTable->horizontalHeader()->sizeHint().height() + 2 * m_figuresTable->frameWidth();
    for (int row = 0; row < FigureRowCount; ++row)
        height += m_figuresTable->rowHeight(row);
    m_figuresTable->setFixedHeight(height);
    for (int column = 0; column < 2; ++column) {
        const QString name = column == 0 ? first->name : second->name;
        m_figuresTable->horizontalHeaderItem(column)->setToolTip(name);
    }
}

} // namespace CoCommission
