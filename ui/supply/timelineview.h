#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class DialogService;
class EditRunner;
class MilestoneDialog;
class RoundDocument;
class RuleDialog;
class TimelineChart;
struct SupplyMarket;

/**
 * The timeline tab of the stage 4 screen: a Gantt chart of the market engagement milestones,
 * the milestones as a table with add, edit and remove (MilestoneDialog), and the board's rules
 * with how the timeline meets each (checkTimeline()), with add, edit, remove and the standard
 * rules (defaultTimelineRules()).
 *
 * Milestones and rules have no ids: rows stand for their index in the supply market, in its
 * order. Every change stores the whole SupplyMarket as one undo step; the dialogs check it with
 * checkSupply() as OK is pressed and keep the problem in front of the user, so that a milestone
 * out of order or a rule measuring backwards changes nothing.
 */
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    enum MilestoneColumn {
        KindColumn,
        NameColumn,
        StartColumn,
        EndColumn,
        LengthColumn,
        MilestoneColumnCount
    };
    enum RuleColumn {
        RuleColumn,
        MinimumColumn,
        MeasuredColumn,
        MetColumn,
        ExplanationColumn,
        RuleColumnCount
    };

    TimelineView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~TimelineView() override;

    void setDocument(RoundDocument *document);
    void refresh();

    /** The index of the current milestone or rule row, or -1. */
    int currentMilestone() const;
    int currentRule() const;

    bool addMilestone();
    bool editMilestone();
    bool removeMilestone();
    bool addRule();
    bool editRule();
    bool removeRule();
    /** Adds the standard rules the timeline does not have yet (same kinds measured). */
    bool addStandardRules();
    /** Replaces an illustrative timeline by an empty one (the rules stay), once confirmed. */
    bool clearIllustrative();

    MilestoneDialog *milestoneDialog() const;
    RuleDialog *ruleDialog() const;
    TimelineChart *chart() const { return m_chart; }
    QLabel *chartSummaryLabel() const { return m_chartSummary; }
    QTableWidget *milestoneTable() const { return m_milestoneTable; }
    QTableWidget *ruleTable() const { return m_ruleTable; }
    QPushButton *addMilestoneButton() const { return m_addMilestoneButton; }
    QPushButton *editMilestoneButton() const { return m_editMilestoneButton; }
    QPushButton *removeMilestoneButton() const { return m_removeMilestoneButton; }
    QPushButton *clearButton() const { return m_clearButton; }
    QPushButton *addRuleButton() const { return m_addRuleButton; }
    QPushButton *editRuleButton() const { return m_editRuleButton; }
    QPushButton *removeRuleButton() const { return m_removeRuleButton; }
    QPushButton *standardRulesButton() const { return m_standardRulesButton; }

private:
    void fillMilestones();
    void fillRules();
    void refreshState();
    void openMilestoneDialog(int index);
    void openRuleDialog(int index);
    bool dialogOpen() const;
    bool editable() const;
    bool store(const QString &errorTitle, const QString &undoText,
               const std::function<bool(SupplyMarket &supply)> &change);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    QPointer<MilestoneDialog> m_milestoneDialog;
    QPointer<RuleDialog> m_ruleDialog;

    TimelineChart *m_chart;
    QLabel *m_chartSummary;
    QTableWidget *m_milestoneTable;
    QPushButton *m_addMilestoneButton;
    QPushButton *m_editMilestoneButton;
    QPushButton *m_removeMilestoneButton;
    QPushButton *m_clearButton;
    QLabel *m_rulesLabel;
    QTableWidget *m_ruleTable;
    QPushButton *m_addRuleButton;
    QPushButton *m_editRuleButton;
    QPushButton *m_removeRuleButton;
    QPushButton *m_standardRulesButton;
};

} // namespace CoCommission
