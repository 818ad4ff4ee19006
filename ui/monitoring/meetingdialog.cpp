#include "ui/monitoring/meetingdialog.h"

#include "ui/noticebox.h"
#include "ui/uiutil.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kNameRole = Qt::UserRole + 1;

} // namespace

MeetingDialog::MeetingDialog(const ProgrammeBoard &board, const BoardMeeting &meeting, bool isNew,
                             QWidget *parent)
    : QDialog(parent)
    , m_board(board)
    , m_original(meeting)
    , m_dateEdit(new QDateEdit(this))
    , m_titleEdit(new QLineEdit(this))
    , m_notesEdit(new QPlainTextEdit(this))
    , m_attendanceList(new QListWidget(this))
    , m_quorumLabel(UiUtil::makeText(this))
    , m_errorBox(new NoticeBox(NoticeBox::Kind::Warning, QString(), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("meetingDialog"));
    setWindowTitle(isNew ? tr("Add a board meeting")
                         : tr("Edit board meeting: %1")
                               .arg(meeting.title.isEmpty()
                                        ? QLocale().toString(meeting.date, QLocale::LongFormat)
                                        : meeting.title));
    setAccessibleName(windowTitle());

    m_dateEdit->setObjectName(QStringLiteral("meetingDateEdit"));
    m_dateEdit->setAccessibleName(tr("Date of the meeting"));
    m_dateEdit->setAccessibleDescription(tr("The day the board met; Alt+Down opens a calendar."));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_dateEdit->setDateRange(QDate(2000, 1, 1), QDate(2099, 12, 31));
    m_dateEdit->setDate(meeting.date.isValid() ? meeting.date : QDate::currentDate());

    m_titleEdit->setObjectName(QStringLiteral("meetingTitleEdit"));
    m_titleEdit->setAccessibleName(tr("Title of the meeting"));
    m_titleEdit->setPlaceholderText(tr("For example: Quarterly performance review"));
    m_titleEdit->setText(meeting.title);

    m_notesEdit->setObjectName(QStringLiteral("meetingNotesEdit"));
    m_notesEdit->setAccessibleName(tr("Notes of the meeting"));
    m_notesEdit->setAccessibleDescription(
        tr("Optional: what the board discussed and decided. Tab moves on."));
    m_notesEdit->setTabChangesFocus(true);
    m_notesEdit->setPlaceholderText(tr("Optional: what the board discussed and decided"));
    m_notesEdit->setPlainText(meeting.notes);
    m_notesEdit->setFixedHeight(m_notesEdit->fontMetrics().lineSpacing() * 4 + 12);

    m_attendanceList->setObjectName(QStringLiteral("meetingAttendanceList"));
    m_attendanceList->setAccessibleName(tr("Attendance"));
    m_attendanceList->setAccessibleDescription(
        tr("Tick each member who attended; Space ticks the one selected."));
    for (const BoardMember &m : board.members) {
        const QString detail = m.organisation.isEmpty()
                                   ? boardRoleName(m.role)
                                   : tr("%1, %2").arg(boardRoleName(m.role), m.organisation);
        auto *item = new QListWidgetItem(m.voting ? tr("%1 (%2)").arg(m.name, detail)
                                                  : tr("%1 (%2; advisory)").arg(m.name, detail),
                                         m_attendanceList);
        if (!m.voting)
            item->setToolTip(tr("An advisory member: attends without a vote and does not count "
                                "towards the quorum."));
        item->setData(kNameRole, m.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const bool attended = std::any_of(
            meeting.attendees.begin(), meeting.attendees.end(),
            [&](const QString &name) { return name.compare(m.name, Qt::CaseInsensitive) == 0; });
        item->setCheckState(attended ? Qt::Checked : Qt::Unchecked);
    }
    if (m_attendanceList->count() > 0)
        m_attendanceList->setCurrentRow(0);
    m_attendanceList->setMinimumHeight(std::clamp(int(m_attendanceList->count()), 4, 12) *
                                           (m_attendanceList->fontMetrics().height() + 6) +
                                       2 * m_attendanceList->frameWidth());
    m_quorumLabel->setObjectName(QStringLiteral("meetingQuorumLabel"));

    m_errorBox->setObjectName(QStringLiteral("meetingErrorBox"));
    m_errorBox->hide();

    m_okButton = UiUtil::addAcceptButton(
        m_buttons, isNew ? tr("&Add meeting") : tr("&Save meeting"),
        isNew ? tr("Add meeting") : tr("Save meeting"),
        isNew ? tr("Adds the meeting, with its attendance, to the board's record.")
              : tr("Records the meeting as edited."),
        QStringLiteral("meeting"), tr("Closes the dialog and changes nothing."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Date:"), m_dateEdit);
    form->addRow(tr("&Title:"), m_titleEdit);
    form->addRow(tr("N&otes:"), m_notesEdit);
    auto *attendanceLabel = new QLabel(tr("Atte&ndance:"), this);
    attendanceLabel->setBuddy(m_attendanceList);
    if (board.members.isEmpty()) {
        m_attendanceList->hide();
        m_quorumLabel->setText(tr("The board has no members yet: add them on the board first, "
                                  "then record who attended."));
    }

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(attendanceLabel);
    layout->addWidget(m_attendanceList, 1);
    layout->addWidget(m_quorumLabel);
    layout->addWidget(m_errorBox);
    layout->addWidget(m_buttons);

    connect(m_attendanceList, &QListWidget::itemChanged, this, &MeetingDialog::updateQuorum);
    updateQuorum();
    m_dateEdit->setFocus();
    resize(680, sizeHint().height());
}

BoardMeeting MeetingDialog::meeting() const
{
    BoardMeeting m = m_original;
    m.date = m_dateEdit->date();
    m.title = m_titleEdit->text().trimmed();
    m.notes = m_notesEdit->toPlainText().trimmed();
    m.attendees.clear();
    for (int i = 0; i < m_attendanceList->count(); ++i) {
        const QListWidgetItem *item = m_attendanceList->item(i);
        if (item->checkState() == Qt::Checked)
            m.attendees << item->data(kNameRole).toString();
    }
    return m;
}

bool MeetingDialog::setAttended(const QString &name, bool attended)
{
    for (int i = 0; i < m_attendanceList->count(); ++i) {
        QListWidgetItem *item = m_attendanceList->item(i);
        if (item->data(kNameRole).toString().compare(name, Qt::CaseInsensitive) == 0) {
            item->setCheckState(attended ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

void MeetingDialog::updateQuorum()
{
    if (m_board.members.isEmpty())
        return;
    const BoardMeeting m = meeting();
    const int present = m_board.votingPresent(m);
    const int needed = m_board.quorumNeeded();
    const QString attendees = m.attendees.size() == 1
                                  ? tr("1 member attended")
                                  : tr("%1 members attended").arg(m.attendees.size());
    const QString voting =
        present == 1 ? tr("1 voting member present") : tr("%1 voting members present").arg(present);
    m_quorumLabel->setText(tr("%1, %2 of the %3 the quorum needs: %4.")
                               .arg(attendees, voting)
                               .arg(needed)
                               .arg(m_board.isQuorate(m) ? tr("quorate") : tr("not quorate")));
}

void MeetingDialog::accept()
{
    const QString problem = m_validator ? m_validator(meeting()) : QString();
    m_errorBox->setText(problem);
    m_errorBox->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

} // namespace CoCommission
