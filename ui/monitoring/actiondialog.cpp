#include "ui/monitoring/actiondialog.h"

#include "ui/monitoring/boardtables.h"
#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

ActionDialog::ActionDialog(const ProgrammeBoard &board, const BoardAction &action, bool isNew,
                           QWidget *parent)
    : QDialog(parent)
    , m_original(action)
    , m_kindCombo(new QComboBox(this))
    , m_textEdit(new QPlainTextEdit(this))
    , m_meetingCombo(new QComboBox(this))
    , m_ownerCombo(new QComboBox(this))
    , m_dueCheck(new QCheckBox(tr("&Due by:"), this))
    , m_dueEdit(new QDateEdit(this))
    , m_statusCombo(new QComboBox(this))
    , m_noteEdit(new QLineEdit(this))
    , m_errorBox(new NoticeBox(NoticeBox::Kind::Warning, QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("actionDialog"));
    setWindowTitle(
        isNew ? tr("Add to the actions and issues log")
              : tr("Edit %1 %2").arg(actionKindName(action.kind).toLower()).arg(action.id));
    setAccessibleName(windowTitle());

    m_kindCombo->setObjectName(QStringLiteral("actionKindCombo"));
    m_kindCombo->setAccessibleName(tr("Action or issue"));
    m_kindCombo->setAccessibleDescription(
        tr("An action is something someone is to do; an issue is a problem the board watches."));
    for (ActionKind kind : {ActionKind::Action, ActionKind::Issue})
        m_kindCombo->addItem(actionKindName(kind), int(kind));
    m_kindCombo->setCurrentIndex(m_kindCombo->findData(int(action.kind)));

    m_textEdit->setObjectName(QStringLiteral("actionTextEdit"));
    m_textEdit->setAccessibleName(tr("What the action or issue is"));
    m_textEdit->setAccessibleDescription(
        tr("The action or issue in a sentence or two, as the log will show it. Tab moves on."));
    m_textEdit->setTabChangesFocus(true);
    m_textEdit->setPlaceholderText(
        tr("For example: Provider to report referral volumes by borough"));
    m_textEdit->setPlainText(action.text);
    m_textEdit->setFixedHeight(m_textEdit->fontMetrics().lineSpacing() * 3 + 12);

    m_meetingCombo->setObjectName(QStringLiteral("actionMeetingCombo"));
    m_meetingCombo->setAccessibleName(tr("Meeting that raised it"));
    m_meetingCombo->setAccessibleDescription(
        tr("The board meeting at which it was raised, or between meetings."));
    m_meetingCombo->addItem(tr("Between meetings"), 0);
    QList<BoardMeeting> meetings = board.meetings;
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const BoardMeeting &a, const BoardMeeting &b) { return a.date > b.date; });
    for (const BoardMeeting &m : meetings) {
        const QString day = BoardTables::dayText(m.date);
        m_meetingCombo->addItem(m.title.isEmpty() ? day : tr("%1: %2").arg(day, m.title), m.id);
    }
    m_meetingCombo->setCurrentIndex(std::max(0, m_meetingCombo->findData(action.meeting)));

    m_ownerCombo->setObjectName(QStringLiteral("actionOwnerCombo"));
    m_ownerCombo->setAccessibleName(tr("Owner"));
    m_ownerCombo->setEditable(true);
    m_ownerCombo->setInsertPolicy(QComboBox::NoInsert);
    m_ownerCombo->addItem(QString());
    for (const BoardMember &m : board.members)
        m_ownerCombo->addItem(m.name);
    m_ownerCombo->setCurrentText(action.owner);
    m_ownerCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_meetingCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_ownerCombo->setToolTip(tr("Pick a member of the board or type the name of whoever owns "
                                "it."));

    m_dueCheck->setObjectName(QStringLiteral("actionDueCheck"));
    m_dueCheck->setAccessibleName(tr("Has a due date"));
    m_dueCheck->setAccessibleDescription(
        tr("Tick to give a date by which it is due; an open entry past it shows as overdue."));
    m_dueCheck->setChecked(action.due.isValid());
    m_dueEdit->setObjectName(QStringLiteral("actionDueEdit"));
    m_dueEdit->setAccessibleName(tr("Due date"));
    m_dueEdit->setAccessibleDescription(
        tr("The day by which it is due; Alt+Down opens a calendar."));
    m_dueEdit->setCalendarPopup(true);
    m_dueEdit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_dueEdit->setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31));
    m_dueEdit->setDate(action.due.isValid() ? action.due : QDate::currentDate().addDays(28));
    m_dueEdit->setEnabled(m_dueCheck->isChecked());
    connect(m_dueCheck, &QCheckBox::toggled, m_dueEdit, &QWidget::setEnabled);

    m_statusCombo->setObjectName(QStringLiteral("actionStatusCombo"));
    m_statusCombo->setAccessibleName(tr("Status"));
    m_statusCombo->setAccessibleDescription(
        tr("Open, in progress, done or withdrawn; done and withdrawn entries leave the overdue "
           "list."));
    for (ActionStatus status : actionStatuses())
        m_statusCombo->addItem(actionStatusName(status), int(status));
    m_statusCombo->setCurrentIndex(m_statusCombo->findData(int(action.status)));

    m_noteEdit->setObjectName(QStringLiteral("actionNoteEdit"));
    m_noteEdit->setAccessibleName(tr("Note"));
    m_noteEdit->setPlaceholderText(tr("Optional: progress, or how it was resolved"));
    m_noteEdit->setText(action.note);

    m_errorBox->setObjectName(QStringLiteral("actionErrorBox"));
    m_errorBox->hide();

    m_okButton = UiUtil::addAcceptButton(
        m_buttons, isNew ? tr("&Add to the log") : tr("Sa&ve"),
        isNew ? tr("Add to the log") : tr("Save"),
        isNew ? tr("Adds the entry to the board's log of actions and issues.")
              : tr("Records the entry as edited."),
        QStringLiteral("action"), tr("Closes the dialog and changes nothing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_dueEdit);
    dueRow->addStretch(1);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Kind:"), m_kindCombo);
    form->addRow(tr("&Text:"), m_textEdit);
    form->addRow(tr("Raised at &meeting:"), m_meetingCombo);
    form->addRow(tr("&Owner:"), m_ownerCombo);
    form->addRow(m_dueCheck, dueRow);
    form->addRow(tr("&Status:"), m_statusCombo);
    form->addRow(tr("&Note:"), m_noteEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_textEdit, &QPlainTextEdit::textChanged, this, &ActionDialog::updateAcceptable);
    updateAcceptable();
    (isNew ? static_cast<QWidget *>(m_kindCombo) : static_cast<QWidget *>(m_statusCombo))
        ->setFocus();
    resize(600, sizeHint().height());
}

BoardAction ActionDialog::action() const
{
    BoardAction a = m_original;
    a.kind = ActionKind(m_kindCombo->currentData().toInt());
    a.text = m_textEdit->toPlainText().trimmed();
    a.meeting = m_meetingCombo->currentData().toInt();
    a.owner = m_ownerCombo->currentText().trimmed();
    a.due = m_dueCheck->isChecked() ? m_dueEdit->date() : QDate();
    a.status = ActionStatus(m_statusCombo->currentData().toInt());
    a.note = m_noteEdit->text().trimmed();
    return a;
}

void ActionDialog::updateAcceptable()
{
    const bool said = !m_textEdit->toPlainText().trimmed().isEmpty();
    UiUtil::setAvailable(m_okButton, said, {}, tr("Say what the action or issue is."));
}

void ActionDialog::accept()
{
    const QString problem = m_validator ? m_validator(action()) : QString();
    m_errorBox->setText(problem);
    m_errorBox->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace CoCommission
