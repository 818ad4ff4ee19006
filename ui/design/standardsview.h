#pragma once

#include "ui/design/designtab.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

/**
 * The "Standards and conditions" tab of stage 3: the minimum service standards every provider
 * must meet (with the source papers' six as templates), and the directive conditions for the
 * priority groups and places agreed at stage 2. Rows are added, edited and removed through a
 * RecordDialog; each change is one undo step.
 */
class StandardsView : public DesignTab
{
    Q_OBJECT

public:
    enum StandardColumn {
        StandardNameColumn,
        DirectionColumn,
        TargetColumn,
        UnitColumn,
        DescriptionColumn,
        StandardColumnCount
    };
    enum ConditionColumn {
        KindColumn,
        SubjectColumn,
        CpaColumn,
        MinimumColumn,
        NoteColumn,
        ConditionColumnCount
    };

    StandardsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);

    void refresh() override;

    /** Opens the dialog for a new standard (\a row -1) or standard \a row. */
    void editStandard(int row);
    bool removeStandard(int row);
    /** Adds the templates' standards whose keys the design lacks, as one undo step. */
    bool addTemplateStandards();
    void editCondition(int row);
    bool removeCondition(int row);

    QTableWidget *standardsTable() const { return m_standards; }
    QTableWidget *conditionsTable() const { return m_conditions; }
    QPushButton *addStandardButton() const { return m_addStandard; }
    QPushButton *editStandardButton() const { return m_editStandard; }
    QPushButton *removeStandardButton() const { return m_removeStandard; }
    QPushButton *templatesButton() const { return m_templates; }
    QPushButton *addConditionButton() const { return m_addCondition; }
    QPushButton *editConditionButton() const { return m_editCondition; }
    QPushButton *removeConditionButton() const { return m_removeCondition; }
    QLabel *placesLabel() const { return m_placesLabel; }

private:
    void refreshStandards();
    void refreshConditions();
    void refreshButtons();
    QString subjectName(int kind, const QString &subject) const;

    QTableWidget *m_standards;
    QPushButton *m_addStandard;
    QPushButton *m_editStandard;
    QPushButton *m_removeStandard;
    QPushButton *m_templates;
    QLabel *m_placesLabel;
    QTableWidget *m_conditions;
    QPushButton *m_addCondition;
    QPushButton *m_editCondition;
    QPushButton *m_removeCondition;
};

} // namespace CoCommission
