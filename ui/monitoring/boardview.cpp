#include "ui/monitoring/boardview.h"

#include "core/commands/monitoringcommands.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/round/monitoring.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/boarddialog.h"
#include "ui/monitoring/boardmemberdialog.h"
#include "ui/monitoring/boardtables.h"
#include "ui/monitoring/meetingdialog.h"
#include "ui/pagewidgets.h"
#include "ui/supply/supplytables.h"
#include "ui/uiutil.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace CoCommission {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

int indexOfMember(const ProgrammeBoard &board, const QString &name)
{
    for (int i = 0; i < board.members.size(); ++i) {
        if (board.members[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int indexOfMeeting(const ProgrammeBoard &board, int id)
{
    for (int i = 0; i < board.meetings.size(); ++i) {
        if (board.meetings[i].id == id)
            return i;
    }
    return -1;
}

/** "Quarterly performance review, 5 Mar 2018", or the date alone for an untitled meeting. */
QString meetingText(const BoardMeeting &m)
{
    const QString day = BoardTables::dayText(m.date);
    return m.title.isEmpty()
               ? day
               : QCoreApplication::translate("CoCommission::BoardView", "%1, %2").arg(m.title, day);
}

/** At most three names in a sentence, then "and N more". */
QString someOf(const QStringList &items)
{
    if (items.size() <= 3)
        return QLocale().createSeparatedList(items);
    return QCoreApplication::translate("CoCommission::BoardView", "%1 and %2 more")
        .arg(items.mid(0, 3).join(QStringLiteral("; ")))
        .arg(items.size() - 3);
}

PageSpinBox *makeSpin(const QString &accessibleName, const QString &objectName, QWidget *parent)
{
    auto *spin = new PageSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setAccessibleName(accessibleName);
    spin->setLocale(UiUtil::numberLocale());
    spin->setAlignment(Qt::AlignRight);
    // A value is recorded when stepped or when typing is done, not at every keystroke.
    spin->setKeyboardTracking(false);
    return spin;
}

} // namespace

BoardView::BoardView(EditRunner *edits, DialogService *dialogs, QWidget *parent)
    : QWidget(parent)
    , m_edits(edits)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("boardView"));

    // Members.
    auto *membersHeading = UiUtil::headingLabel(tr("Members"), 1.05, this);
    m_memberSummary = UiUtil::makeText(this);
    m_memberSummary->setObjectName(QStringLiteral("boardMemberSummary"));
    m_memberTable = UiUtil::makeTable(
        {tr("Name"), tr("Role"), tr("Organisation"), tr("Voting or advisory")}, this);
    m_memberTable->setObjectName(QStringLiteral("boardMemberTable"));
    m_memberTable->setAccessibleName(tr("Members of the programme board"));
    m_memberTable->setAccessibleDescription(
        tr("One row per member. Enter edits the selected member, Delete removes them."));
    SupplyTables::shareColumns(m_memberTable, {26, 22, 34, 18});
    m_addMember = UiUtil::makeButton(tr("Add &member…"), tr("Add member"),
                                     QStringLiteral("addMemberButton"), this);
    m_editMember = UiUtil::makeButton(tr("Edit member…"), tr("Edit member"),
                                      QStringLiteral("editMemberButton"), this);
    m_removeMember = UiUtil::makeButton(tr("Remo&ve member…"), tr("Remove member"),
                                        QStringLiteral("removeMemberButton"), this);

    // Quorum and RAG thresholds.
    auto *rulesHeading = UiUtil::headingLabel(tr("Quorum and RAG ratings"), 1.05, this);
    m_quorumSpin = makeSpin(tr("Quorum: voting members a meeting needs"),
                            QStringLiteral("boardQuorumSpin"), this);
    m_quorumSpin->setDecimals(0);
    m_quorumSpin->setSpecialValueText(tr("More than half"));
    m_quorumSpin->setToolTip(tr("The voting members who must attend for a meeting to be "
                                "quorate. The lowest setting asks for more than half of them."));
    m_quorumSpin->setMinimumWidth(
        m_quorumSpin->fontMetrics().horizontalAdvance(tr("More than half")) + 48);
    m_quorumLabel = UiUtil::makeText(this, true);
    m_quorumLabel->setObjectName(QStringLiteral("boardQuorumLabel"));
    m_greenSpin =
        makeSpin(tr("Green at least, per cent of profile"), QStringLiteral("boardGreenSpin"), this);
    m_amberSpin =
        makeSpin(tr("Amber at least, per cent of profile"), QStringLiteral("boardAmberSpin"), this);
    for (PageSpinBox *spin : {m_greenSpin, m_amberSpin}) {
        spin->setDecimals(1);
        spin->setSuffix(QStringLiteral("%"));
        spin->setRange(0, 1000);
        spin->setMinimumWidth(spin->fontMetrics().horizontalAdvance(QStringLiteral("1,000.0%")) +
                              48);
    }
    m_ragLabel = UiUtil::makeText(this, true);
    m_ragLabel->setObjectName(QStringLiteral("boardRagLabel"));
    auto *quorumLabel = new QLabel(tr("&Quorum:"), this);
    quorumLabel->setBuddy(m_quorumSpin);
    auto *greenLabel = new QLabel(tr("Gree&n at least:"), this);
    greenLabel->setBuddy(m_greenSpin);
    auto *amberLabel = new QLabel(tr("Amber at &least:"), this);
    amberLabel->setBuddy(m_amberSpin);
    auto *rules = new QGridLayout;
    rules->addWidget(quorumLabel, 0, 0);
    rules->addWidget(m_quorumSpin, 0, 1);
    rules->addWidget(m_quorumLabel, 0, 2, 1, 3);
    rules->addWidget(greenLabel, 1, 0);
    rules->addWidget(m_greenSpin, 1, 1);
    rules->addWidget(amberLabel, 1, 2);
    rules->addWidget(m_amberSpin, 1, 3);
    rules->addWidget(m_ragLabel, 1, 4);
    rules->setColumnStretch(4, 1);
    rules->setHorizontalSpacing(12);

    // Meetings.
    auto *meetingsHeading = UiUtil::headingLabel(tr("Meetings"), 1.05, this);
    m_meetingSummary = UiUtil::makeText(this);
    m_meetingSummary->setObjectName(QStringLiteral("boardMeetingSummary"));
    m_meetingTable = UiUtil::makeTable(
        {tr("Date"), tr("Title"), tr("Attended"), tr("Voting present / needed"), tr("Quorate")},
        this);
    m_meetingTable->setObjectName(QStringLiteral("boardMeetingTable"));
    m_meetingTable->setAccessibleName(tr("Meetings of the programme board"));
    m_meetingTable->setAccessibleDescription(
        tr("One row per meeting, oldest first. Enter edits the selected meeting and its "
           "attendance, Delete removes it."));
    SupplyTables::shareColumns(m_meetingTable, {13, 43, 10, 20, 14});
    SupplyTables::wrapRows(m_meetingTable);
    SupplyTables::keepOnOneLine(m_meetingTable, MeetingDateColumn);
    m_addMeeting = UiUtil::makeButton(tr("Add meet&ing…"), tr("Add meeting"),
                                      QStringLiteral("addMeetingButton"), this);
    m_editMeeting = UiUtil::makeButton(tr("Edit meeting…"), tr("Edit meeting"),
                                       QStringLiteral("editMeetingButton"), this);
    m_removeMeeting = UiUtil::makeButton(tr("Rem&ove meeting…"), tr("Remove meeting"),
                                         QStringLiteral("removeMeetingButton"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(membersHeading);
    layout->addWidget(m_memberSummary);
    layout->addWidget(m_memberTable);
    layout->addLayout(UiUtil::buttonRow({m_addMember, m_editMember, m_removeMember}));
    layout->addSpacing(8);
    layout->addWidget(rulesHeading);
    layout->addLayout(rules);
    layout->addSpacing(8);
    layout->addWidget(meetingsHeading);
    layout->addWidget(m_meetingSummary);
    layout->addWidget(m_meetingTable);
    layout->addLayout(UiUtil::buttonRow({m_addMeeting, m_editMeeting, m_removeMeeting}));
    layout->addStretch(1);

    QWidget *previous = m_memberTable;
    for (QWidget *next :
         {static_cast<QWidget *>(m_addMember), static_cast<QWidget *>(m_editMember),
          static_cast<QWidget *>(m_removeMember), static_cast<QWidget *>(m_quorumSpin),
          static_cast<QWidget *>(m_greenSpin), static_cast<QWidget *>(m_amberSpin),
          static_cast<QWidget *>(m_meetingTable), static_cast<QWidget *>(m_addMeeting),
          static_cast<QWidget *>(m_editMeeting), static_cast<QWidget *>(m_removeMeeting)}) {
        setTabOrder(previous, next);
        previous = next;
    }

    new SupplyTables::RowKeys(
        m_memberTable, [this] { editMember(); }, [this] { removeMember(); });
    new SupplyTables::RowKeys(
        m_meetingTable, [this] { editMeeting(); }, [this] { removeMeeting(); });
    connect(m_memberTable, &QTableWidget::itemSelectionChanged, this, &BoardView::refreshState);
    connect(m_meetingTable, &QTableWidget::itemSelectionChanged, this, &BoardView::refreshState);
    connect(m_addMember, &QPushButton::clicked, this, &BoardView::addMember);
    connect(m_editMember, &QPushButton::clicked, this, &BoardView::editMember);
    connect(m_removeMember, &QPushButton::clicked, this, &BoardView::removeMember);
    connect(m_addMeeting, &QPushButton::clicked, this, &BoardView::addMeeting);
    connect(m_editMeeting, &QPushButton::clicked, this, &BoardView::editMeeting);
    connect(m_removeMeeting, &QPushButton::clicked, this, &BoardView::removeMeeting);
    connect(m_quorumSpin, &QDoubleSpinBox::valueChanged, this, &BoardView::onQuorumChanged);
    connect(m_greenSpin, &QDoubleSpinBox::valueChanged, this, &BoardView::onThresholdChanged);
    connect(m_amberSpin, &QDoubleSpinBox::valueChanged, this, &BoardView::onThresholdChanged);
    refresh();
}

BoardView::~BoardView()
{
    if (m_memberDialog)
        m_memberDialog->reject();
    if (m_meetingDialog)
        m_meetingDialog->reject();
}

void BoardView::setDocument(RoundDocument *document)
{
    if (m_memberDialog)
        m_memberDialog->reject();
    if (m_meetingDialog)
        m_meetingDialog->reject();
    m_document = document;
    refresh();
}

BoardMemberDialog *BoardView::memberDialog() const
{
    return m_memberDialog;
}

MeetingDialog *BoardView::meetingDialog() const
{
    return m_meetingDialog;
}

void BoardView::refresh()
{
    fillMembers();
    fillSettings();
    fillMeetings();
    refreshState();
}

QString BoardView::whyFrozen() const
{
    return m_document ? m_document->whyMonitoringFrozen() : tr("No round is open.");
}

void BoardView::fillMembers()
{
    const QString current = currentMember();
    const ProgrammeBoard board =
        m_document ? m_document->round().monitoring.board : ProgrammeBoard{};
    m_memberTable->clearContents();
    m_memberTable->setRowCount(int(board.members.size()));
    for (int row = 0; row < board.members.size(); ++row) {
        const BoardMember &m = board.members[row];
        QTableWidgetItem *name = SupplyTables::cell(m.name);
        name->setData(kKeyRole, m.name);
        name->setToolTip(m.name);
        m_memberTable->setItem(row, MemberNameColumn, name);
        m_memberTable->setItem(row, MemberRoleColumn, SupplyTables::cell(boardRoleName(m.role)));
        QTableWidgetItem *organisation = SupplyTables::cell(m.organisation);
        organisation->setToolTip(m.organisation);
        m_memberTable->setItem(row, MemberOrganisationColumn, organisation);
        m_memberTable->setItem(row, MemberVotingColumn,
                               SupplyTables::cell(m.voting ? tr("Voting") : tr("Advisory")));
    }
    SupplyTables::fitHeight(m_memberTable);
    m_memberTable->setVisible(!board.members.isEmpty());
    if (!current.isEmpty())
        selectMember(current);

    const int voting = board.votingMembers();
    const int advisory = int(board.members.size()) - voting;
    if (!m_document)
        m_memberSummary->clear();
    else if (board.members.isEmpty())
        m_memberSummary->setText(
            tr("The board has no members yet. Add its political leads, business "
               "representatives, skills providers, Jobcentre Plus and the DWP contract manager, "
               "saying who votes and who advises."));
    else
        m_memberSummary->setText(
            (board.members.size() == 1 ? tr("1 member")
                                       : tr("%1 members").arg(board.members.size())) +
            tr(": ") +
            tr("%1 voting, %2 advisory (advisory members do not count towards the quorum).")
                .arg(voting)
                .arg(advisory));
}

void BoardView::fillSettings()
{
    const ProgrammeBoard board =
        m_document ? m_document->round().monitoring.board : ProgrammeBoard{};
    {
        const QSignalBlocker blocker(m_quorumSpin);
        m_quorumSpin->setRange(0, std::max(board.votingMembers(), board.quorum));
        m_quorumSpin->setValue(board.quorum);
    }
    const int voting = board.votingMembers();
    if (!m_document)
        m_quorumLabel->clear();
    else if (voting == 0)
        m_quorumLabel->setText(tr("No meeting can be quorate until the board has voting "
                                  "members."));
    else
        m_quorumLabel->setText((board.quorum == 0
                                    ? tr("More than half: a meeting needs %1 of the %2 voting "
                                         "members.")
                                    : tr("A meeting needs %1 of the %2 voting members."))
                                   .arg(board.quorumNeeded())
                                   .arg(voting));

    {
        // Amber never above green: each box stops at the other's value.
        const QSignalBlocker green(m_greenSpin);
        const QSignalBlocker amber(m_amberSpin);
        m_greenSpin->setRange(board.amberPercent, 1000);
        m_amberSpin->setRange(0, board.greenPercent);
        m_greenSpin->setValue(board.greenPercent);
        m_amberSpin->setValue(board.amberPercent);
    }
    m_ragLabel->setText(tr("of the profile to date; below amber is red."));
}

void BoardView::fillMeetings()
{
    const int current = currentMeeting();
    const ProgrammeBoard board =
        m_document ? m_document->round().monitoring.board : ProgrammeBoard{};
    QList<BoardMeeting> meetings = board.meetings;
    std::stable_sort(meetings.begin(), meetings.end(),
                     [](const BoardMeeting &a, const BoardMeeting &b) { return a.date < b.date; });
    m_meetingTable->clearContents();
    m_meetingTable->setRowCount(int(meetings.size()));
    const int needed = board.quorumNeeded();
    int quorate = 0;
    for (int row = 0; row < meetings.size(); ++row) {
        const BoardMeeting &m = meetings[row];
        QTableWidgetItem *date = SupplyTables::cell(BoardTables::dayText(m.date));
        date->setData(kKeyRole, m.id);
        m_meetingTable->setItem(row, MeetingDateColumn, date);
        QTableWidgetItem *title = SupplyTables::cell(m.title);
        title->setToolTip(m.notes.isEmpty() ? m.title : m.title + QLatin1Char('\n') + m.notes);
        m_meetingTable->setItem(row, MeetingTitleColumn, title);
        QTableWidgetItem *attended = SupplyTables::cell(QString::number(m.attendees.size()));
        attended->setToolTip(m.attendees.join(QLatin1Char('\n')));
        m_meetingTable->setItem(row, MeetingAttendeesColumn, attended);
        const int present = board.votingPresent(m);
        m_meetingTable->setItem(row, MeetingVotingColumn,
                                SupplyTables::cell(tr("%1 / %2").arg(present).arg(needed)));
        const bool isQuorate = board.isQuorate(m);
        quorate += isQuorate ? 1 : 0;
        QTableWidgetItem *quorateItem =
            SupplyTables::cell(isQuorate ? tr("Yes") : tr("No, not quorate"));
        if (isQuorate)
            BoardTables::markGood(quorateItem);
        else
            BoardTables::markAttention(quorateItem);
        quorateItem->setToolTip(
            isQuorate ? tr("%1 voting members attended; the quorum is %2.").arg(present).arg(needed)
                      : tr("Only %1 voting members attended; the quorum is %2. Decisions of this "
                           "meeting need confirming at a quorate one.")
                            .arg(present)
                            .arg(needed));
        m_meetingTable->setItem(row, MeetingQuorateColumn, quorateItem);
    }
    SupplyTables::fitWrappedRows(m_meetingTable);
    m_meetingTable->setVisible(!meetings.isEmpty());
    if (current > 0)
        selectMeeting(current);

    const int n = int(meetings.size());
    if (!m_document)
        m_meetingSummary->clear();
    else if (n == 0)
        m_meetingSummary->setText(tr("No meeting is recorded yet. Record each meeting with who "
                                     "attended: the quorum is checked for you."));
    else
        m_meetingSummary->setText(
            (n == 1 ? tr("1 meeting") : tr("%1 meetings").arg(n)) + tr(": ") +
            (quorate == n ? tr("all quorate.")
                          : tr("%1 quorate, %2 not quorate.").arg(quorate).arg(n - quorate)));
}

void BoardView::refreshState()
{
    const QString why = whyFrozen();
    const bool editable = why.isEmpty();
    const bool member = !currentMember().isEmpty();
    const bool meeting = currentMeeting() > 0;
    BoardTables::enable(m_addMember, editable,
                        tr("Add a person who sits on the board, voting or advising."), why);
    BoardTables::enable(m_editMember, editable && member,
                        tr("Change the details of the board member selected in the table."), why,
                        tr("Pick the member to edit in the table."));
    BoardTables::enable(m_removeMember, editable && member,
                        tr("Remove the board member selected in the table."), why,
                        tr("Pick the member to remove in the table."));
    BoardTables::enable(m_addMeeting, editable,
                        tr("Record a board meeting: its date, title, notes and who attended."),
                        why);
    BoardTables::enable(m_editMeeting, editable && meeting,
                        tr("Change the meeting selected in the table."), why,
                        tr("Pick the meeting to edit in the table."));
    BoardTables::enable(m_removeMeeting, editable && meeting,
                        tr("Remove the meeting selected in the table."), why,
                        tr("Pick the meeting to remove in the table."));
    for (PageSpinBox *spin : {m_quorumSpin, m_greenSpin, m_amberSpin}) {
        spin->setEnabled(editable);
        if (!editable)
            spin->setToolTip(why);
    }
    if (editable) {
        m_quorumSpin->setToolTip(tr("The voting members who must attend for a meeting to be "
                                    "quorate. The lowest setting asks for more than half of "
                                    "them."));
        m_greenSpin->setToolTip(tr("Performance at or above this share of the profile is "
                                   "green."));
        m_amberSpin->setToolTip(tr("Performance at or above this share of the profile, and "
                                   "below green, is amber; below it, red."));
    }
}

QString BoardView::currentMember() const
{
    const int row = m_memberTable->currentRow();
    if (row < 0 || !m_memberTable->item(row, MemberNameColumn) ||
        !m_memberTable->selectionModel()->isRowSelected(row, {}))
        return {};
    return m_memberTable->item(row, MemberNameColumn)->data(kKeyRole).toString();
}

bool BoardView::selectMember(const QString &name)
{
    for (int row = 0; row < m_memberTable->rowCount(); ++row) {
        if (m_memberTable->item(row, MemberNameColumn)
                ->data(kKeyRole)
                .toString()
                .compare(name, Qt::CaseInsensitive) == 0) {
            m_memberTable->selectRow(row);
            m_memberTable->setCurrentCell(row, MemberNameColumn);
            return true;
        }
    }
    return false;
}

int BoardView::currentMeeting() const
{
    const int row = m_meetingTable->currentRow();
    if (row < 0 || !m_meetingTable->item(row, MeetingDateColumn) ||
        !m_meetingTable->selectionModel()->isRowSelected(row, {}))
        return 0;
    return m_meetingTable->item(row, MeetingDateColumn)->data(kKeyRole).toInt();
}

bool BoardView::selectMeeting(int id)
{
    for (int row = 0; row < m_meetingTable->rowCount(); ++row) {
        if (m_meetingTable->item(row, MeetingDateColumn)->data(kKeyRole).toInt() == id) {
            m_meetingTable->selectRow(row);
            m_meetingTable->setCurrentCell(row, MeetingDateColumn);
            return true;
        }
    }
    return false;
}

bool BoardView::store(const QString &errorTitle, const QString &undoText,
                      const std::function<bool(ProgrammeBoard &)> &change, const QString &mergeKey)
{
    if (!m_document)
        return false;
    ProgrammeBoard board = m_document->round().monitoring.board;
    if (!change(board))
        return false;
    RoundDocument *document = m_document;
    const bool done = m_edits->run(
        errorTitle, [&] { return Commands::setBoard(document, board, undoText, mergeKey); });
    if (!done)
        refresh(); // the controls show the stored board again
    return done;
}

// --- Members -----------------------------------------------------------------------------

bool BoardView::addMember()
{
    if (!m_document || !whyFrozen().isEmpty() || m_memberDialog || m_meetingDialog)
        return false;
    openMemberDialog(QString());
    return true;
}

bool BoardView::editMember()
{
    const QString name = currentMember();
    if (!m_document || name.isEmpty() || !whyFrozen().isEmpty() || m_memberDialog ||
        m_meetingDialog)
        return false;
    openMemberDialog(name);
    return true;
}

void BoardView::openMemberDialog(const QString &original)
{
    const ProgrammeBoard &board = m_document->round().monitoring.board;
    const BoardMember *existing = original.isEmpty() ? nullptr : board.member(original);
    const bool isNew = existing == nullptr;
    auto *dialog = new BoardMemberDialog(existing ? *existing : BoardMember{}, isNew, this);
    // A new name carries through to the attendance it was recorded under and to the actions
    // the member owns, so that renaming never breaks the record.
    const auto changed = [original](ProgrammeBoard &b, const BoardMember &m) {
        const int at = original.isEmpty() ? -1 : indexOfMember(b, original);
        if (at < 0) {
            b.members.append(m);
            return;
        }
        const QString oldName = b.members[at].name;
        b.members[at] = m;
        if (oldName == m.name)
            return;
        for (BoardMeeting &meeting : b.meetings) {
            for (QString &name : meeting.attendees) {
                if (name.compare(oldName, Qt::CaseInsensitive) == 0)
                    name = m.name;
            }
        }
        for (BoardAction &action : b.actions) {
            if (action.owner.compare(oldName, Qt::CaseInsensitive) == 0)
                action.owner = m.name;
        }
    };
    BoardDialog::open(
        this, dialog, m_memberDialog, m_document, changed, [this, dialog, isNew, changed] {
            const BoardMember m = dialog->member();
            const bool ok =
                store(isNew ? tr("The member was not added") : tr("The member was not changed"),
                      isNew ? tr("Add board member “%1”").arg(m.name)
                            : tr("Change board member “%1”").arg(m.name),
                      [&](ProgrammeBoard &b) {
                          changed(b, m);
                          return true;
                      });
            if (ok)
                selectMember(m.name);
        });
}

bool BoardView::removeMember()
{
    const QString name = currentMember();
    if (!m_document || name.isEmpty() || !whyFrozen().isEmpty() || m_memberDialog ||
        m_meetingDialog)
        return false;
    const ProgrammeBoard &board = m_document->round().monitoring.board;
    const QString title = tr("The member was not removed");
    QStringList attended;
    for (const BoardMeeting &m : board.meetings) {
        if (std::any_of(m.attendees.begin(), m.attendees.end(), [&](const QString &a) {
                return a.compare(name, Qt::CaseInsensitive) == 0;
            }))
            attended << meetingText(m);
    }
    if (!attended.isEmpty()) {
        m_dialogs->showError(
            window(), title,
            tr("%1 attended %2: %3. The attendance record must name members of the board, so "
               "%1 stays on it. If the attendance was recorded by mistake, correct those "
               "meetings first.")
                .arg(name,
                     attended.size() == 1 ? tr("1 meeting")
                                          : tr("%1 meetings").arg(attended.size()),
                     someOf(attended)));
        return false;
    }
    ProgrammeBoard after = board;
    after.members.removeAt(indexOfMember(after, name));
    if (Status s = checkBoard(after); !s) {
        m_dialogs->showError(window(), title, s.errorMessage());
        return false;
    }
    if (!m_dialogs->confirm(
            window(), tr("Remove board member"),
            tr("Remove %1 from the programme board? Undo brings them back.").arg(name),
            tr("Remove member")))
        return false;
    const int row = m_memberTable->currentRow();
    const bool ok = store(title, tr("Remove board member “%1”").arg(name), [&](ProgrammeBoard &b) {
        const int at = indexOfMember(b, name);
        if (at < 0)
            return false;
        b.members.removeAt(at);
        return true;
    });
    if (ok)
        BoardTables::selectNear(m_memberTable, row, MemberNameColumn);
    return ok;
}

// --- Quorum and thresholds ----------------------------------------------------------------

void BoardView::onQuorumChanged(double value)
{
    if (!m_document || !whyFrozen().isEmpty())
        return;
    // One key: stepping the box is one undo step.
    store(
        tr("The quorum was not changed"), tr("Change the quorum"),
        [&](ProgrammeBoard &b) {
            b.quorum = int(value);
            return true;
        },
        QStringLiteral("board/quorum"));
}

void BoardView::onThresholdChanged()
{
    if (!m_document || !whyFrozen().isEmpty())
        return;
    const bool green = sender() == m_greenSpin;
    const double value = green ? m_greenSpin->value() : m_amberSpin->value();
    store(
        tr("The RAG thresholds were not changed"),
        green ? tr("Change the green threshold") : tr("Change the amber threshold"),
        [&](ProgrammeBoard &b) {
            (green ? b.greenPercent : b.amberPercent) = value;
            return true;
        },
        green ? QStringLiteral("board/green") : QStringLiteral("board/amber"));
}

// --- Meetings -----------------------------------------------------------------------------

bool BoardView::addMeeting()
{
    if (!m_document || !whyFrozen().isEmpty() || m_memberDialog || m_meetingDialog)
        return false;
    openMeetingDialog(0);
    return true;
}

bool BoardView::editMeeting()
{
    const int id = currentMeeting();
    if (!m_document || id <= 0 || !whyFrozen().isEmpty() || m_memberDialog || m_meetingDialog)
        return false;
    openMeetingDialog(id);
    return true;
}

void BoardView::openMeetingDialog(int original)
{
    const ProgrammeBoard &board = m_document->round().monitoring.board;
    const BoardMeeting *existing = original > 0 ? board.meeting(original) : nullptr;
    const bool isNew = existing == nullptr;
    BoardMeeting meeting;
    if (existing)
        meeting = *existing;
    else
        meeting.id = board.nextMeetingId();
    auto *dialog = new MeetingDialog(board, meeting, isNew, this);
    const auto changed = [](ProgrammeBoard &b, const BoardMeeting &m) {
        const int at = indexOfMeeting(b, m.id);
        if (at >= 0)
            b.meetings[at] = m;
        else
            b.meetings.append(m);
    };
    BoardDialog::open(
        this, dialog, m_meetingDialog, m_document, changed, [this, dialog, isNew, changed] {
            const BoardMeeting m = dialog->meeting();
            const bool ok =
                store(isNew ? tr("The meeting was not added") : tr("The meeting was not changed"),
                      isNew ? tr("Add the meeting of %1").arg(BoardTables::dayText(m.date))
                            : tr("Change the meeting of %1").arg(BoardTables::dayText(m.date)),
                      [&](ProgrammeBoard &b) {
                          changed(b, m);
                          return true;
                      });
            if (ok)
                selectMeeting(m.id);
        });
}

bool BoardView::removeMeeting()
{
    const int id = currentMeeting();
    if (!m_document || id <= 0 || !whyFrozen().isEmpty() || m_memberDialog || m_meetingDialog)
        return false;
    const ProgrammeBoard &board = m_document->round().monitoring.board;
    const BoardMeeting *meeting = board.meeting(id);
    if (!meeting)
        return false;
    const QString text = meetingText(*meeting);
    QStringList raised;
    for (const BoardAction &a : board.actions) {
        if (a.meeting == id)
            raised << QString::number(a.id);
    }
    const QString title = tr("The meeting was not removed");
    if (!raised.isEmpty()) {
        m_dialogs->showError(
            window(), title,
            tr("The meeting “%1” raised %2 of the actions and issues log (%3), which "
               "name it, so it stays on the record. Remove those entries first, or say they "
               "were raised between meetings.")
                .arg(text, raised.size() == 1 ? tr("1 entry") : tr("%1 entries").arg(raised.size()),
                     raised.size() == 1
                         ? tr("number %1").arg(raised.first())
                         : tr("numbers %1").arg(QLocale().createSeparatedList(raised))));
        return false;
    }
    if (!m_dialogs->confirm(window(), tr("Remove meeting"),
                            tr("Remove the meeting “%1” and its attendance from the record? "
                               "Undo brings it back.")
                                .arg(text),
                            tr("Remove meeting")))
        return false;
    const int row = m_meetingTable->currentRow();
    const bool ok =
        store(title, tr("Remove the meeting of %1").arg(BoardTables::dayText(meeting->date)),
              [&](ProgrammeBoard &b) {
                  const int at = indexOfMeeting(b, id);
                  if (at < 0)
                      return false;
                  b.meetings.removeAt(at);
                  return true;
              });
    if (ok)
        BoardTables::selectNear(m_meetingTable, row, MeetingDateColumn);
    return ok;
}

} // namespace CoCommission
