#include "ui/supply/timelineview.h"

#include "core/commands/designcommands.h"
#include "core/round/rounddocument.h"
#include "core/supply/supplycheck.h"
#include "core/supply/timeline.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/supply/milestonedialog.h"
#include "ui/supply/ruledialog.h"
#include "ui/supply/supplytables.h"
#include "ui/supply/timelinechart.h"
#include "ui/uiutil.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

// Fixed text colours for the rule outcome, at least 4.5:1 on a white or light grey row; the
// words and the mark say it too, so the colour is never alone.
const QColor kMetText(0x00, 0x5a, 0x30);
const QColor kNotMetText(0xa8, 0x1d, 0x0b);

QString shortDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

bool sameMeasure(const TimelineRule &a, const TimelineRule &b)
{
    return a.from == b.from && a.to == b.to;
}

int selectedRow(const QTableWidget *table)
{
    const int row = table->currentRow();
    if (row < 0 || !table->selectionModel()->isRowSelected(row, {}))
        return -1;
    return row;
}

} // namespace

TimelineView::TimelineView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("timelineView"));

    auto *intro = UiUtil::makeText(this, true);
    intro->setText(tr("The market engagement and procurement milestones, and the board's rules "
                      "for them: specialist and voluntary and community organisations need time "
                      "to find a prime and join a supply chain before bids are due."));

    m_chart = new TimelineChart(this);
    m_chartSummary = UiUtil::makeText(this);
    m_chartSummary->setObjectName(QStringLiteral("timelineSummaryLabel"));

    auto *milestonesHeading = boldLabel(tr("Milestones"), this);
    m_milestoneTable =
        UiUtil::makeTable({tr("Kind"), tr("Name"), tr("Start"), tr("End"), tr("Length")}, this);
    m_milestoneTable->setObjectName(QStringLiteral("milestoneTable"));
    m_milestoneTable->setAccessibleName(tr("Milestones"));
    m_milestoneTable->setAccessibleDescription(
        tr("One row per milestone, in the order of the timeline. Enter edits the selected "
           "milestone, Delete removes it."));
    QHeaderView *header = m_milestoneTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    milestonesHeading->setBuddy(m_milestoneTable);

    m_addMilestoneButton = UiUtil::makeButton(tr("&Add milestone…"), tr("Add milestone"),
                                              QStringLiteral("addMilestoneButton"), this);
    m_editMilestoneButton = UiUtil::makeButton(tr("E&dit milestone…"), tr("Edit milestone"),
                                               QStringLiteral("editMilestoneButton"), this);
    m_removeMilestoneButton = UiUtil::makeButton(tr("Re&move milestone…"), tr("Remove milestone"),
                                                 QStringLiteral("removeMilestoneButton"), this);
    m_clearButton =
        UiUtil::makeButton(tr("&Clear the invented timeline…"), tr("Clear the invented timeline"),
                           QStringLiteral("clearTimelineButton"), this);
    QHBoxLayout *milestoneButtons = UiUtil::buttonRow(
        {m_addMilestoneButton, m_editMilestoneButton, m_removeMilestoneButton}, {m_clearButton});

    auto *rulesHeading = boldLabel(tr("The board's rules"), this);
    m_rulesLabel = UiUtil::makeText(this, true);
    m_rulesLabel->setObjectName(QStringLiteral("rulesLabel"));
    m_ruleTable = UiUtil::makeTable(
        {tr("Rule"), tr("Minimum"), tr("Measured"), tr("Met"), tr("Explanation")}, this);
    m_ruleTable->setObjectName(QStringLiteral("ruleTable"));
    m_ruleTable->setAccessibleName(tr("Timeline rules"));
    m_ruleTable->setAccessibleDescription(
        tr("One row per rule with whether the timeline meets it. Enter edits the selected rule, "
           "Delete removes it."));
    SupplyTables::wrapRows(m_ruleTable);
    // The explanation is the longest text: it gets half the width, and rule and explanation wrap.
    SupplyTables::shareColumns(m_ruleTable, {25, 9, 9, 10, 47});
    rulesHeading->setBuddy(m_ruleTable);

    m_addRuleButton = UiUtil::makeButton(tr("Add a r&ule…"), tr("Add rule"),
                                         QStringLiteral("addRuleButton"), this);
    m_editRuleButton = UiUtil::makeButton(tr("Edit rule…"), tr("Edit rule"),
                                          QStringLiteral("editRuleButton"), this);
    m_removeRuleButton = UiUtil::makeButton(tr("Rem&ove rule…"), tr("Remove rule"),
                                            QStringLiteral("removeRuleButton"), this);
    m_standardRulesButton =
        UiUtil::makeButton(tr("Add the sta&ndard rules"), tr("Add the standard rules"),
                           QStringLiteral("standardRulesButton"), this);
    QHBoxLayout *ruleButtons = UiUtil::buttonRow(
        {m_addRuleButton, m_editRuleButton, m_removeRuleButton}, {m_standardRulesButton});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_chart);
    layout->addWidget(m_chartSummary);
    layout->addSpacing(6);
    layout->addWidget(milestonesHeading);
    layout->addWidget(m_milestoneTable);
    layout->addLayout(milestoneButtons);
    layout->addSpacing(6);
    layout->addWidget(rulesHeading);
    layout->addWidget(m_rulesLabel);
    layout->addWidget(m_ruleTable);
    layout->addLayout(ruleButtons);
    layout->addStretch(1);

    QWidget *previous = m_milestoneTable;
    for (QWidget *next : std::initializer_list<QWidget *>{
             m_addMilestoneButton, m_editMilestoneButton, m_removeMilestoneButton, m_clearButton,
             m_ruleTable, m_addRuleButton, m_editRuleButton, m_removeRuleButton,
             m_standardRulesButton}) {
        setTabOrder(previous, next);
        previous = next;
    }

    new SupplyTables::RowKeys(
        m_milestoneTable, [this] { editMilestone(); }, [this] { removeMilestone(); });
    new SupplyTables::RowKeys(
        m_ruleTable, [this] { editRule(); }, [this] { removeRule(); });
    connect(m_milestoneTable, &QTableWidget::itemSelectionChanged, this,
            &TimelineView::refreshState);
    connect(m_ruleTable, &QTableWidget::itemSelectionChanged, this, &TimelineView::refreshState);
    connect(m_addMilestoneButton, &QPushButton::clicked, this, &TimelineView::addMilestone);
    connect(m_editMilestoneButton, &QPushButton::clicked, this, &TimelineView::editMilestone);
    connect(m_removeMilestoneButton, &QPushButton::clicked, this, &TimelineView::removeMilestone);
    connect(m_clearButton, &QPushButton::clicked, this, &TimelineView::clearIllustrative);
    connect(m_addRuleButton, &QPushButton::clicked, this, &TimelineView::addRule);
    connect(m_editRuleButton, &QPushButton::clicked, this, &TimelineView::editRule);
    connect(m_removeRuleButton, &QPushButton::clicked, this, &TimelineView::removeRule);
    connect(m_standardRulesButton, &QPushButton::clicked, this, &TimelineView::addStandardRules);
    refresh();
}

TimelineView::~TimelineView()
{
    if (m_milestoneDialog)
        m_milestoneDialog->reject();
    if (m_ruleDialog)
        m_ruleDialog->reject();
}

void TimelineView::setDocument(RoundDocument *document)
{
    if (m_milestoneDialog)
        m_milestoneDialog->reject();
    if (m_ruleDialog)
        m_ruleDialog->reject();
    m_document = document;
    refresh();
}

MilestoneDialog *TimelineView::milestoneDialog() const
{
    return m_milestoneDialog;
}

RuleDialog *TimelineView::ruleDialog() const
{
    return m_ruleDialog;
}

void TimelineView::refresh()
{
    const SupplyMarket supply = m_document ? m_document->round().supply : SupplyMarket{};
    const QList<TimelineCheck> checks = checkTimeline(supply);
    m_chart->setTimeline(supply.milestones, checks);
    const TimelineSpan span = timelineSpan(supply.milestones);
    const auto notMet = std::count_if(checks.cbegin(), checks.cend(),
                                      [](const TimelineCheck &c) { return !c.met; });
    QString summary;
    if (span.isValid())
        summary = tr("From %1 to %2 (%3).")
                      .arg(longDate(span.start), longDate(span.end), durationText(span.days()));
    if (!checks.isEmpty())
        summary += (summary.isEmpty() ? QString() : QStringLiteral(" ")) +
                   (notMet == 0   ? tr("Every rule of the board is met.")
                    : notMet == 1 ? tr("1 rule of the board is not met.")
                                  : tr("%1 rules of the board are not met.").arg(notMet));
    m_chartSummary->setText(summary);
    m_chartSummary->setVisible(!summary.isEmpty());
    fillMilestones();
    fillRules();
    refreshState();
}

void TimelineView::fillMilestones()
{
    const int current = selectedRow(m_milestoneTable);
    const QList<Milestone> milestones =
        m_document ? m_document->round().supply.milestones : QList<Milestone>();
    m_milestoneTable->clearContents();
    m_milestoneTable->setRowCount(int(milestones.size()));
    for (int row = 0; row < milestones.size(); ++row) {
        const Milestone &m = milestones[row];
        m_milestoneTable->setItem(row, KindColumn, SupplyTables::cell(milestoneName(m.kind)));
        m_milestoneTable->setItem(row, NameColumn, SupplyTables::cell(m.name));
        QTableWidgetItem *start = SupplyTables::cell(shortDate(m.start), m.start);
        start->setToolTip(longDate(m.start));
        m_milestoneTable->setItem(row, StartColumn, start);
        QTableWidgetItem *end = SupplyTables::cell(shortDate(m.end), m.end);
        end->setToolTip(longDate(m.end));
        m_milestoneTable->setItem(row, EndColumn, end);
        m_milestoneTable->setItem(
            row, LengthColumn,
            SupplyTables::cell(m.start == m.end ? tr("One day")
                                                : durationText(int(m.start.daysTo(m.end)))));
        for (int column = 0; column < MilestoneColumnCount; ++column)
            m_milestoneTable->item(row, column)
                ->setData(Qt::AccessibleDescriptionRole, TimelineChart::milestoneText(m));
    }
    SupplyTables::fitHeight(m_milestoneTable);
    m_milestoneTable->setVisible(!milestones.isEmpty());
    if (current >= 0 && current < m_milestoneTable->rowCount())
        m_milestoneTable->selectRow(current);
}

void TimelineView::fillRules()
{
    const int current = selectedRow(m_ruleTable);
    const SupplyMarket supply = m_document ? m_document->round().supply : SupplyMarket{};
    const QList<TimelineCheck> checks = checkTimeline(supply);
    m_ruleTable->clearContents();
    m_ruleTable->setRowCount(int(checks.size()));
    for (int row = 0; row < checks.size(); ++row) {
        const TimelineCheck &check = checks[row];
        m_ruleTable->setItem(row, RuleColumn, SupplyTables::cell(check.description));
        m_ruleTable->setItem(row, MinimumColumn,
                             SupplyTables::cell(durationText(check.rule.minimumDays)));
        m_ruleTable->setItem(
            row, MeasuredColumn,
            SupplyTables::cell(check.days ? durationText(*check.days) : tr("Not measured")));
        QTableWidgetItem *met = SupplyTables::cell(check.met ? tr("✓ Met") : tr("✗ Not met"));
        met->setForeground(check.met ? kMetText : kNotMetText);
        met->setData(Qt::AccessibleTextRole, check.met ? tr("Met") : tr("Not met"));
        if (!check.met) {
            QFont bold = met->font();
            bold.setBold(true);
            met->setFont(bold);
        }
        m_ruleTable->setItem(row, MetColumn, met);
        QTableWidgetItem *explanation = SupplyTables::cell(check.explanation);
        explanation->setToolTip(check.explanation);
        m_ruleTable->setItem(row, ExplanationColumn, explanation);
    }
    SupplyTables::fitWrappedRows(m_ruleTable);
    m_ruleTable->setVisible(!checks.isEmpty());
    if (current >= 0 && current < m_ruleTable->rowCount())
        m_ruleTable->selectRow(current);

    m_rulesLabel->setText(
        checks.isEmpty()
            ? tr("The board has set no rules for the timeline yet. The standard rules ask for "
                 "eight weeks of supply-chain formation, 30 days from the tender notice to the "
                 "bid deadline, a 10-day standstill and 35 days from the prior information "
                 "notice to the tender notice.")
            : tr("Each rule measures from the start of the first milestone of one kind to the "
                 "end of the last of another. A rule not met is a finding for the board, not a "
                 "reason to refuse the timeline."));
}

bool TimelineView::editable() const
{
    return m_document && m_document->whySupplyFrozen().isEmpty();
}

bool TimelineView::dialogOpen() const
{
    return m_milestoneDialog || m_ruleDialog;
}

void TimelineView::refreshState()
{
    const QString why = m_document ? m_document->whySupplyFrozen() : tr("No round is open.");
    const bool canEdit = why.isEmpty();
    // An enabled button's tool tip says what it does, a disabled one's why it is disabled.
    const auto enable = [&](QPushButton *button, bool on, const QString &what,
                            const QString &otherwise) {
        UiUtil::setAvailable(button, on, what, !canEdit ? why : otherwise);
    };
    const bool milestone = currentMilestone() >= 0;
    const bool rule = currentRule() >= 0;
    enable(m_addMilestoneButton, canEdit,
           tr("Add a phase or date of market engagement to the timeline."), {});
    enable(m_editMilestoneButton, canEdit && milestone,
           tr("Change the name or dates of the milestone selected in the table."),
           tr("Pick the milestone in the table."));
    enable(m_removeMilestoneButton, canEdit && milestone,
           tr("Remove the milestone selected in the table from the timeline."),
           tr("Pick the milestone in the table."));
    const bool illustrative = m_document && m_document->round().supply.illustrativeTimeline;
    m_clearButton->setVisible(illustrative);
    enable(m_clearButton, canEdit,
           tr("Remove the invented dates to enter the round's own; the rules stay."), {});
    enable(m_addRuleButton, canEdit,
           tr("Add a minimum time between two milestones that the timeline must allow."), {});
    enable(m_editRuleButton, canEdit && rule, tr("Change the rule selected in the table."),
           tr("Pick the rule in the table."));
    enable(m_removeRuleButton, canEdit && rule, tr("Remove the rule selected in the table."),
           tr("Pick the rule in the table."));
    bool missing = false;
    if (m_document) {
        const QList<TimelineRule> &rules = m_document->round().supply.rules;
        for (const TimelineRule &standard : defaultTimelineRules()) {
            missing = missing ||
                      std::none_of(rules.cbegin(), rules.cend(),
                                   [&](const TimelineRule &r) { return sameMeasure(r, standard); });
        }
    }
    enable(m_standardRulesButton, canEdit && missing,
           tr("Add the standard rules the timeline does not have yet: eight weeks of "
              "supply-chain formation, 30 days from the tender notice to the bid deadline, a "
              "10-day standstill and 35 days from the prior information notice to the tender "
              "notice."),
           tr("The standard rules are all in place."));
}

int TimelineView::currentMilestone() const
{
    return selectedRow(m_milestoneTable);
}

int TimelineView::currentRule() const
{
    return selectedRow(m_ruleTable);
}

bool TimelineView::store(const QString &errorTitle, const QString &undoText,
                         const std::function<bool(SupplyMarket &)> &change)
{
    if (!m_document)
        return false;
    SupplyMarket supply = m_document->round().supply;
    if (!change(supply))
        return false;
    RoundDocument *document = m_document;
    return m_edits->run(errorTitle,
                        [&] { return Commands::setSupply(document, supply, undoText); });
}

bool TimelineView::addMilestone()
{
    if (!editable() || dialogOpen())
        return false;
    openMilestoneDialog(-1);
    return true;
}

bool TimelineView::editMilestone()
{
    if (!editable() || dialogOpen() || currentMilestone() < 0)
        return false;
    openMilestoneDialog(currentMilestone());
    return true;
}

void TimelineView::openMilestoneDialog(int index)
{
    const QList<Milestone> &milestones = m_document->round().supply.milestones;
    const bool isNew = index < 0 || index >= milestones.size();
    Milestone m;
    if (!isNew) {
        m = milestones[index];
    } else if (!milestones.isEmpty()) {
        // Next after the last milestone: the kind that follows it, the day after it ends.
        const Milestone &last = milestones.last();
        const QList<MilestoneKind> kinds = milestoneKinds();
        const qsizetype at = kinds.indexOf(last.kind);
        m.kind = kinds.value(std::min(at + 1, kinds.size() - 1));
        m.start = m.end = last.end.addDays(1);
    } else {
        m.start = m.end = QDate::currentDate();
    }
    auto *dialog = new MilestoneDialog(m, isNew, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_milestoneDialog = dialog;
    // Forgotten as soon as it closes: its deletion waits for the event loop.
    connect(dialog, &QDialog::finished, this, [this] { m_milestoneDialog = nullptr; });
    const auto changed = [index, isNew](SupplyMarket &s, const Milestone &edited) {
        if (isNew || index >= s.milestones.size())
            s.milestones.append(edited);
        else
            s.milestones[index] = edited;
    };
    // The order of the milestones is checked as OK is pressed; the dialog shows the problem.
    dialog->setValidator([this, changed](const Milestone &edited) {
        if (!m_document)
            return tr("The round was closed.");
        SupplyMarket s = m_document->round().supply;
        changed(s, edited);
        return checkSupply(m_document->round(), s).errorMessage();
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew, changed] {
        const Milestone edited = dialog->milestone();
        const QString label = milestoneLabel(edited);
        const bool ok = store(
            isNew ? tr("The milestone was not added") : tr("The milestone was not changed"),
            isNew ? tr("Add %1").arg(label) : tr("Change %1").arg(label), [&](SupplyMarket &s) {
                changed(s, edited);
                return true;
            });
        if (ok && isNew)
            m_milestoneTable->selectRow(m_milestoneTable->rowCount() - 1);
    });
    // Window-modal, not exec(): nothing waits on it, so the window stays scriptable.
    dialog->open();
}

bool TimelineView::removeMilestone()
{
    const int index = currentMilestone();
    if (!editable() || dialogOpen() || index < 0)
        return false;
    const Milestone m = m_document->round().supply.milestones.value(index);
    if (!m_dialogs->confirm(
            window(), tr("Remove milestone"),
            tr("Remove %1 from the timeline? Undo brings it back.").arg(milestoneLabel(m)),
            tr("Remove milestone")))
        return false;
    const bool ok = store(tr("The milestone was not removed"),
                          tr("Remove %1").arg(milestoneLabel(m)), [&](SupplyMarket &s) {
                              if (index >= s.milestones.size() || s.milestones[index] != m)
                                  return false;
                              s.milestones.removeAt(index);
                              return true;
                          });
    if (ok && m_milestoneTable->rowCount() > 0)
        m_milestoneTable->selectRow(std::min(index, m_milestoneTable->rowCount() - 1));
    return ok;
}

bool TimelineView::addRule()
{
    if (!editable() || dialogOpen())
        return false;
    openRuleDialog(-1);
    return true;
}

bool TimelineView::editRule()
{
    if (!editable() || dialogOpen() || currentRule() < 0)
        return false;
    openRuleDialog(currentRule());
    return true;
}

void TimelineView::openRuleDialog(int index)
{
    const QList<TimelineRule> &rules = m_document->round().supply.rules;
    const bool isNew = index < 0 || index >= rules.size();
    auto *dialog = new RuleDialog(isNew ? TimelineRule{} : rules[index], isNew, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_ruleDialog = dialog;
    // Forgotten as soon as it closes: its deletion waits for the event loop.
    connect(dialog, &QDialog::finished, this, [this] { m_ruleDialog = nullptr; });
    const auto changed = [index, isNew](SupplyMarket &s, const TimelineRule &rule) {
        if (isNew || index >= s.rules.size())
            s.rules.append(rule);
        else
            s.rules[index] = rule;
    };
    dialog->setValidator([this, changed](const TimelineRule &rule) {
        if (!m_document)
            return tr("The round was closed.");
        SupplyMarket s = m_document->round().supply;
        changed(s, rule);
        return checkSupply(m_document->round(), s).errorMessage();
    });
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew, changed] {
        const TimelineRule rule = dialog->rule();
        const bool ok = store(isNew ? tr("The rule was not added") : tr("The rule was not changed"),
                              isNew ? tr("Add the rule “%1”").arg(timelineRuleDescription(rule))
                                    : tr("Change the rule “%1”").arg(timelineRuleDescription(rule)),
                              [&](SupplyMarket &s) {
                                  changed(s, rule);
                                  return true;
                              });
        if (ok && isNew)
            m_ruleTable->selectRow(m_ruleTable->rowCount() - 1);
    });
    dialog->open();
}

bool TimelineView::removeRule()
{
    const int index = currentRule();
    if (!editable() || dialogOpen() || index < 0)
        return false;
    const TimelineRule rule = m_document->round().supply.rules.value(index);
    const QString description = timelineRuleDescription(rule);
    if (!m_dialogs->confirm(window(), tr("Remove rule"),
                            tr("Remove the rule “%1”? Undo brings it back.").arg(description),
                            tr("Remove rule")))
        return false;
    const bool ok = store(tr("The rule was not removed"),
                          tr("Remove the rule “%1”").arg(description), [&](SupplyMarket &s) {
                              if (index >= s.rules.size() || s.rules[index] != rule)
                                  return false;
                              s.rules.removeAt(index);
                              return true;
                          });
    if (ok && m_ruleTable->rowCount() > 0)
        m_ruleTable->selectRow(std::min(index, m_ruleTable->rowCount() - 1));
    return ok;
}

bool TimelineView::addStandardRules()
{
    if (!editable() || dialogOpen())
        return false;
    return store(
        tr("The standard rules were not added"), tr("Add the standard timeline rules"),
        [](SupplyMarket &s) {
            bool added = false;
            for (const TimelineRule &standard : defaultTimelineRules()) {
                if (std::none_of(s.rules.cbegin(), s.rules.cend(),
                                 [&](const TimelineRule &r) { return sameMeasure(r, standard); })) {
                    s.rules.append(standard);
                    added = true;
                }
            }
            return added;
        });
}

bool TimelineView::clearIllustrative()
{
    if (!editable() || dialogOpen() || !m_document->round().supply.illustrativeTimeline)
        return false;
    if (!m_dialogs->confirm(window(), tr("Clear the invented timeline"),
                            tr("Remove the invented milestones to enter the round's own dates? "
                               "The rules stay. Undo brings the milestones back."),
                            tr("Clear the timeline")))
        return false;
    return store(tr("The timeline was not cleared"), tr("Clear the invented timeline"),
                 [](SupplyMarket &s) {
                     s.milestones.clear();
                     s.illustrativeTimeline = false;
                     return true;
                 });
}

} // namespace CoCommission
