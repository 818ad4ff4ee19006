#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace CoCommission {

class ActionDialog;
class DialogService;
class EditRunner;
class RoundDocument;
struct ProgrammeBoard;

/**
 * Stage 6: the actions and issues log tab of MonitoringView. One row per entry: its number,
 * whether it is an action or an issue, what it says, the meeting that raised it, its owner, due
 * date and status. An entry still open (or in progress) after its due date, judged on today's
 * date, is overdue: its row is coloured and its status says "Overdue". A filter shows all
 * entries, the open ones or the overdue ones.
 *
 * Entries are added, edited and removed through ActionDialog; each change stores the whole
 * board with one Commands::setBoard() through the EditRunner (one undo step).
 */
class ActionsView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        KindColumn,
        TextColumn,
        MeetingColumn,
        OwnerColumn,
        DueColumn,
        StatusColumn,
        ColumnCount
    };
    enum class Filter { All, Open, Overdue };

    ActionsView(EditRunner *edits, DialogService *dialogs, QWidget *parent = nullptr);
    ~ActionsView() override;

    void setDocument(RoundDocument *document);
    /** Reads the round again. */
    void refresh();

    Filter filter() const;
    void setFilter(Filter filter);

    /** The id of the entry of the current row, or 0. */
    int currentAction() const;
    bool selectAction(int id);
    /** The row showing entry \a id, or -1 (filtered out or unknown). */
    int rowOf(int id) const;

    bool addAction();
    bool editAction();
    /** Removes the current entry once the user confirms. */
    bool removeAction();

    ActionDialog *actionDialog() const;
    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QComboBox *filterCombo() const { return m_filterCombo; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *removeButton() const { return m_removeButton; }

private:
    void fillTable();
    void refreshState();
    QString whyFrozen() const;
    void openDialog(int original);
    bool store(const QString &errorTitle, const QString &undoText,
               const std::function<bool(ProgrammeBoard &board)> &change);

    EditRunner *m_edits;
    DialogService *m_dialogs;
    QPointer<RoundDocument> m_document;
    QPointer<ActionDialog> m_dialog;

    QLabel *m_summary;
    QComboBox *m_filterCombo;
    QTableWidget *m_table;
    QLabel *m_emptyLabel;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
};

} // namespace CoCommission
