#include "ui/monitoring/actionsview.h"

#include "core/commands/monitoringcommands.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/round/monitoring.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/actiondialog.h"
#include "ui/monitoring/boarddialog.h"
#include "ui/monitoring/boardtables.h"
#include "ui/pagewidgets.h"
#include "ui/supply/supplytables.h"
#include "ui/uiutil.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

int indexOfAction(const ProgrammeBoard &board, int id)
{
    for (int i = 0; i < board.actions.size(); ++i) {
        if (board.actions[i].id == id)
            return i;
    }
    return -1;
}

bool isOpen(const BoardAction &a)
{
    return a.status == ActionStatus::Open || a.status == ActionStatus::InProgress;
}

} // namespace

ActionsView::ActionsView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("actionsView"));

    m_summary = UiUtil::makeText(this);
    m_summary->setObjectName(QStringLiteral("actionsSummaryLabel"));

    m_filterCombo = new PageComboBox(this);
    m_filterCombo->setObjectName(QStringLiteral("actionsFilterCombo"));
    m_filterCombo->setAccessibleName(tr("Entries shown"));
    m_filterCombo->setToolTip(
        tr("Show every entry of the log, only those still open or in progress, or only the "
           "overdue ones."));
    m_filterCombo->addItem(tr("All entries"), int(Filter::All));
    m_filterCombo->addItem(tr("Open and in progress"), int(Filter::Open));
    m_filterCombo->addItem(tr("Overdue"), int(Filter::Overdue));
    auto *filterLabel = new QLabel(tr("Sh&ow:"), this);
    filterLabel->setBuddy(m_filterCombo);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterCombo);
    filterRow->addStretch(1);

    m_table = UiUtil::makeTable({tr("No."), tr("Kind"), tr("Action or issue"), tr("Raised at"),
                                 tr("Owner"), tr("Due"), tr("Status")},
                                this);
    m_table->setObjectName(QStringLiteral("actionsTable"));
    m_table->setAccessibleName(tr("Actions and issues log"));
    m_table->setAccessibleDescription(
        tr("One row per action or issue; overdue ones say so in their status. Enter edits the "
           "selected entry, Delete removes it."));
    SupplyTables::shareColumns(m_table, {4, 6, 32, 22, 12, 11, 13});
    SupplyTables::keepOnOneLine(m_table, DueColumn);
    SupplyTables::wrapRows(m_table);
    m_emptyLabel = UiUtil::makeText(this, true);
    m_emptyLabel->setObjectName(QStringLiteral("actionsEmptyLabel"));

    m_addButton = UiUtil::makeButton(tr("Add a&ction or issue…"), tr("Add action or issue"),
                                     QStringLiteral("addActionButton"), this);
    m_editButton = UiUtil::makeButton(tr("Ed&it entry…"), tr("Edit entry"),
                                      QStringLiteral("editActionButton"), this);
    m_removeButton = UiUtil::makeButton(tr("Remo&ve entry…"), tr("Remove entry"),
                                        QStringLiteral("removeActionButton"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(m_table);
    layout->addWidget(m_emptyLabel);
    layout->addLayout(UiUtil::buttonRow({m_addButton, m_editButton, m_removeButton}));
    layout->addStretch(1);

    setTabOrder(m_filterCombo, m_table);
    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_removeButton);

    new SupplyTables::RowKeys(
        m_table, [this] { editAction(); }, [this] { removeAction(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ActionsView::refreshState);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] { fillTable(); });
    connect(m_addButton, &QPushButton::clicked, this, &ActionsView::addAction);
    connect(m_editButton, &QPushButton::clicked, this, &ActionsView::editAction);
    connect(m_removeButton, &QPushButton::clicked, this, &ActionsView::removeAction);
    refresh();
}

ActionsView::~ActionsView()
{
    if (m_dialog)
        m_dialog->reject();
}

void ActionsView::setDocument(RoundDocument *document)
{
    if (m_dialog)
        m_dialog->reject();
    m_document = document;
    refresh();
}

ActionDialog *ActionsView::actionDialog() const
{
    return m_dialog;
}

void ActionsView::refresh()
{
    fillTable();
}

QString ActionsView::whyFrozen() const
{
    return m_document ? m_document->whyMonitoringFrozen() : tr("No round is open.");
}

ActionsView::Filter ActionsView::filter() const
{
    return Filter(m_filterCombo->currentData().toInt());
}

void ActionsView::setFilter(Filter filter)
{
    m_filterCombo->setCurrentIndex(m_filterCombo->findData(int(filter)));
}

void ActionsView::fillTable()
{
    const int current = currentAction();
    const ProgrammeBoard board =
        m_document ? m_document->round().monitoring.board : ProgrammeBoard{};
    const QDate today = QDate::currentDate();
    const Filter shown = filter();
    QList<BoardAction> rows;
    int open = 0;
    int overdue = 0;
    for (const BoardAction &a : board.actions) {
        open += isOpen(a) ? 1 : 0;
        overdue += a.isOverdue(today) ? 1 : 0;
        if (shown == Filter::All || (shown == Filter::Open && isOpen(a)) ||
            (shown == Filter::Overdue && a.isOverdue(today)))
            rows << a;
    }

    m_table->clearContents();
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const BoardAction &a = rows[row];
        const bool late = a.isOverdue(today);
        QTableWidgetItem *number = SupplyTables::cell(QString::number(a.id));
        number->setData(kKeyRole, a.id);
        m_table->setItem(row, NumberColumn, number);
        m_table->setItem(row, KindColumn, SupplyTables::cell(actionKindName(a.kind)));
        QTableWidgetItem *text = SupplyTables::cell(a.text);
        text->setToolTip(a.note.isEmpty() ? a.text : tr("%1\n\nNote: %2").arg(a.text, a.note));
        m_table->setItem(row, TextColumn, text);
        QString raised = tr("Between meetings");
        if (const BoardMeeting *m = a.meeting > 0 ? board.meeting(a.meeting) : nullptr) {
            const QString day = BoardTables::dayText(m->date);
            raised = m->title.isEmpty() ? day : tr("%1: %2").arg(day, m->title);
        }
        m_table->setItem(row, MeetingColumn, SupplyTables::cell(raised));
        m_table->setItem(row, OwnerColumn, SupplyTables::cell(a.owner));
        m_table->setItem(
            row, DueColumn,
            SupplyTables::cell(a.due.isValid() ? BoardTables::dayText(a.due) : tr("No date")));
        const QString status = actionStatusName(a.status);
        QTableWidgetItem *statusItem =
            SupplyTables::cell(late ? tr("Overdue (%1)").arg(status.toLower()) : status);
        m_table->setItem(row, StatusColumn, statusItem);
        if (late) {
            // The whole row stands out; the status cell says it in words.
            for (int column = 0; column < ColumnCount; ++column)
                BoardTables::markAttention(m_table->item(row, column));
            statusItem->setToolTip(tr("Due on %1, %2 days ago, and still %3.")
                                       .arg(BoardTables::dayText(a.due))
                                       .arg(a.due.daysTo(today))
                                       .arg(status.toLower()));
        }
    }
    SupplyTables::fitWrappedRows(m_table);
    m_table->setVisible(!rows.isEmpty());
    if (current > 0)
        selectAction(current);

    const int n = int(board.actions.size());
    if (!m_document) {
        m_summary->clear();
    } else if (n == 0) {
        m_summary->setText(tr("The log is empty. Record the actions the board agrees and the "
                              "issues it raises, each with an owner and a due date."));
    } else {
        QString text = (n == 1 ? tr("1 entry") : tr("%1 entries").arg(n)) + tr(": ") +
                       tr("%1 open or in progress, %2 done or withdrawn.").arg(open).arg(n - open);
        if (overdue > 0)
            text += QLatin1Char(' ') +
                    (overdue == 1 ? tr("1 is overdue.") : tr("%1 are overdue.").arg(overdue));
        else if (open > 0)
            text += QLatin1Char(' ') + tr("None is overdue.");
        m_summary->setText(text);
    }
    m_emptyLabel->setVisible(n > 0 && rows.isEmpty());
    m_emptyLabel->setText(shown == Filter::Overdue ? tr("No entry is overdue.")
                                                   : tr("No entry is open."));
    refreshState();
}

void ActionsView::refreshState()
{
    const QString why = whyFrozen();
    const bool editable = why.isEmpty();
    const bool picked = currentAction() > 0;
    BoardTables::enable(m_addButton, editable,
                        tr("Record a new action or issue for the board to follow up."), why);
    BoardTables::enable(m_editButton, editable && picked,
                        tr("Change the action or issue selected in the table."), why,
                        tr("Pick the entry to edit in the table."));
    BoardTables::enable(m_removeButton, editable && picked,
                        tr("Remove the action or issue selected in the table from the log."), why,
                        tr("Pick the entry to remove in the table."));
}

int ActionsView::currentAction() const
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, NumberColumn) ||
        !m_table->selectionModel()->isRowSelected(row, {}))
        return 0;
    return m_table->item(row, NumberColumn)->data(kKeyRole).toInt();
}

int ActionsView::rowOf(int id) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NumberColumn)->data(kKeyRole).toInt() == id)
            return row;
    }
    return -1;
}

bool ActionsView::selectAction(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->setCurrentCell(row, NumberColumn);
    return true;
}

bool ActionsView::store(const QString &errorTitle, const QString &undoText,
                        const std::function<bool(ProgrammeBoard &)> &change)
{
    if (!m_document)
        return false;
    ProgrammeBoard board = m_document->round().monitoring.board;
    if (!change(board))
        return false;
    RoundDocument *document = m_document;
    return m_edits->run(errorTitle, [&] { return Commands::setBoard(document, board, undoText); });
}

bool ActionsView::addAction()
{
    if (!m_document || !whyFrozen().isEmpty() || m_dialog)
        return false;
    openDialog(0);
    return true;
}

bool ActionsView::editAction()
{
    const int id = currentAction();
    if (!m_document || id <= 0 || !whyFrozen().isEmpty() || m_dialog)
        return false;
    openDialog(id);
    return true;
}

void ActionsView::openDialog(int original)
{
    const ProgrammeBoard &board = m_document->round().monitoring.board;
    const int at = original > 0 ? indexOfAction(board, original) : -1;
    const bool isNew = at < 0;
    BoardAction action;
    if (!isNew) {
        action = board.actions[at];
    } else {
        action.id = board.nextActionId();
        // Most entries come from the latest meeting.
        const auto latest = std::max_element(
            board.meetings.begin(), board.meetings.end(),
            [](const BoardMeeting &a, const BoardMeeting &b) { return a.date < b.date; });
        action.meeting = latest != board.meetings.end() ? latest->id : 0;
    }
    auto *dialog = new ActionDialog(board, action, isNew, this);
    const auto changed = [](ProgrammeBoard &b, const BoardAction &a) {
        const int i = indexOfAction(b, a.id);
        if (i >= 0)
            b.actions[i] = a;
        else
            b.actions.append(a);
    };
    BoardDialog::open(this, dialog, m_dialog, m_document, changed, [this, dialog, isNew, changed] {
        const BoardAction a = dialog->action();
        const QString kind = actionKindName(a.kind).toLower();
        const bool ok =
            store(isNew ? tr("The entry was not added") : tr("The entry was not changed"),
                  isNew ? tr("Add %1 %2 to the log").arg(kind).arg(a.id)
                        : tr("Change %1 %2").arg(kind).arg(a.id),
                  [&](ProgrammeBoard &b) {
                      changed(b, a);
                      return true;
                  });
        if (ok && !selectAction(a.id)) {
            // Filtered out by its new status: show everything so that it can be seen.
            setFilter(Filter::All);
            selectAction(a.id);
        }
    });
}

bool ActionsView::removeAction()
{
    const int id = currentAction();
    if (!m_document || id <= 0 || !whyFrozen().isEmpty() || m_dialog)
        return false;
    const ProgrammeBoard &board = m_document->round().monitoring.board;
    const int at = indexOfAction(board, id);
    if (at < 0)
        return false;
    const QString kind = actionKindName(board.actions[at].kind).toLower();
    if (!m_dialogs->confirm(window(), tr("Remove from the log"),
                            tr("Remove %1 %2, “%3”, from the log? Undo brings it back. To "
                               "record that it is finished, set its status to done instead.")
                                .arg(kind)
                                .arg(id)
                                .arg(board.actions[at].text),
                            tr("Remove entry")))
        return false;
    const int row = m_table->currentRow();
    const bool ok =
        store(tr("The entry was not removed"), tr("Remove %1 %2 from the log").arg(kind).arg(id),
              [&](ProgrammeBoard &b) {
                  const int i = indexOfAction(b, id);
                  if (i < 0)
                      return false;
                  b.actions.removeAt(i);
                  return true;
              });
    if (ok)
        BoardTables::selectNear(m_table, row, NumberColumn);
    return ok;
}

} // namespace CoCommission
