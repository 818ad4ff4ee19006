#include "tests/support/accessibility.h"
#include "tests/support/demoround.h"
#include "tests/support/testsupport.h"
#include "ui/monitoring/monitoringview.h"

#include "core/monitoring/performance.h"
#include "core/round/londonround.h"
#include "core/round/monitoring.h"
#include "core/round/rounddocument.h"
#include "core/round/stage.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/monitoring/actiondialog.h"
#include "ui/monitoring/actionsview.h"
#include "ui/monitoring/boardmemberdialog.h"
#include "ui/monitoring/boardview.h"
#include "ui/monitoring/meetingdialog.h"
#include "ui/monitoring/profilederivedialog.h"
#include "ui/monitoring/profileview.h"
#include "ui/monitoring/returnsview.h"
#include "ui/noticebox.h"
#include "ui/pagewidgets.h"
#include "ui/settings.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace CoCommission;

/**
 * The stage 6 tabs for the programme board, the actions and issues log, the contract profile
 * and the performance returns, on the demo round: edits through their dialogs with undo, the
 * quorum at its edge, overdue actions, deriving and importing the profile, receiving returns
 * and corrections with their history, and the frozen state.
 */
class TestMonitoringView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Board and meetings.
    void demoBoardFillsTheTables();
    void addingEditingAndRemovingAMemberUndo();
    void renamingAMemberCarriesThroughTheRecord();
    void aDuplicateNameIsShownInTheDialogAndChangesNothing();
    void aMemberWhoAttendedIsNotRemovedAndSaysWhy();
    void addingEditingAndRemovingAMeetingUndo();
    void aMeetingThatRaisedActionsIsNotRemovedAndSaysWhy();
    void quorateAtTheEdgeOfTheQuorum();
    void quorumAndThresholdStepsMergeIntoOneUndoStep();

    // Actions and issues.
    void overdueEntriesAreMarkedInWordsAndColour();
    void theFilterShowsOpenOrOverdueEntries();
    void addingEditingAndRemovingAnEntryUndo();

    // Contract profile.
    void demoProfileIsSummedUpByGroupAndYear();
    void derivingAProfileThroughTheDialog();
    void aDerivedProfileTheReturnsDoNotFitIsRefusedInPlace();
    void profileExportsAndImportsAsCsv();
    void aBadProfileFileChangesNothing();

    // Returns.
    void demoReturnsFillTheTable();
    void historyShowsTheDemoCorrectionSuperseding();
    void removingTheIllustrativeReturnsUndoes();
    void aRealReturnWaitsForTheIllustrativeOnesToGo();
    void receivingAReturnAndItsCorrection();
    void warningsAreShownBeforeReceiving();
    void aBadReturnIsRefusedWithTheMessageAndChangesNothing();

    // States and access.
    void frozenStageDisablesEveryEditWithTheReason();
    void everyControlHasAnAccessibleName();
    void mnemonicsDoNotClashWithinATab();

private:
    void openDemo(const std::function<void(Round &)> &change = {});
    BoardView *board() const { return m_view->boardView(); }
    ActionsView *actions() const { return m_view->actionsView(); }
    ProfileView *profile() const { return m_view->profileView(); }
    ReturnsView *returns() const { return m_view->returnsView(); }
    const ProgrammeBoard &storedBoard() const { return m_demo.document->round().monitoring.board; }
    int memberRow(const QString &name) const;
    int meetingRow(int id) const;
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    /** Removes the demo's illustrative returns, as the user would. */
    void removeDemoReturns();
    /** A CSV line of a return: \a month months into the contract. */
    QByteArray returnLine(int month, const QString &cpa, const QString &group,
                          const QString &measure, int value) const;
    static QStringList unnamedControls(QWidget *root);

    TestSupport::DemoRound m_demo; ///< fresh for each test: no answer left queued
    std::unique_ptr<MonitoringView> m_view;
};

namespace {

const QColor kAttentionBackground(0xf6, 0xd7, 0xd2);

BoardMember member(const QString &name, bool voting = true)
{
    return BoardMember{name, BoardRole::PoliticalLead, QStringLiteral("Borough"), voting};
}

} // namespace

void TestMonitoringView::initTestCase()
{
    TestSupport::DemoRound::setUpApplication();
}

void TestMonitoringView::init()
{
    Settings::clear();
    openDemo();
}

void TestMonitoringView::cleanup()
{
    m_view.reset();
    m_demo.close();
}

void TestMonitoringView::openDemo(const std::function<void(Round &)> &change)
{
    m_view.reset();
    QVERIFY(m_demo.open(change));
    m_view = std::make_unique<MonitoringView>(m_demo.edits.get(), m_demo.dialogs.get());
    m_view->resize(1200, 900);
    m_view->setDocument(m_demo.document.get());
}

int TestMonitoringView::memberRow(const QString &name) const
{
    const QTableWidget *table = board()->memberTable();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, BoardView::MemberNameColumn)->text() == name)
            return row;
    }
    return -1;
}

int TestMonitoringView::meetingRow(int id) const
{
    if (!board()->selectMeeting(id))
        return -1;
    return board()->meetingTable()->currentRow();
}

QString TestMonitoringView::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_demo.dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestMonitoringView::removeDemoReturns()
{
    m_demo.dialogs->setNextAnswer(true);
    QVERIFY(returns()->removeIllustrative());
    QVERIFY(m_demo.document->round().monitoring.returns.isEmpty());
    m_demo.dialogs->clearMessages();
}

QByteArray TestMonitoringView::returnLine(int month, const QString &cpa, const QString &group,
                                          const QString &measure, int value) const
{
    const QDate period = m_demo.document->round().monitoring.profile.start.addMonths(month);
    return QStringLiteral("%1,%2,%3,%4,%5\n")
        .arg(periodKey(period), cpa, group, measure)
        .arg(value)
        .toUtf8();
}

// --- Board and meetings --------------------------------------------------------------------

void TestMonitoringView::demoBoardFillsTheTables()
{
    const ProgrammeBoard &b = storedBoard();
    QVERIFY(b.illustrative);
    // The screen's notice names every invented part, the last after "and".
    QVERIFY2(m_view->illustrativeNotice()->text().contains(
                 "its log, the contract profile and the performance returns are invented"),
             qPrintable(m_view->illustrativeNotice()->text()));
    QTableWidget *members = board()->memberTable();
    QCOMPARE(members->rowCount(), int(b.members.size()));
    QCOMPARE(members->rowCount(), 9);
    const int officer = memberRow("Rachel Green");
    QVERIFY(officer >= 0);
    QCOMPARE(members->item(officer, BoardView::MemberRoleColumn)->text(),
             boardRoleName(BoardRole::Officer));
    QCOMPARE(members->item(officer, BoardView::MemberVotingColumn)->text(),
             QStringLiteral("Advisory"));
    QCOMPARE(members->item(memberRow("Mark Bennett"), BoardView::MemberVotingColumn)->text(),
             QStringLiteral("Voting"));
    QVERIFY2(board()->memberSummary()->text().contains("9 members: 8 voting, 1 advisory"),
             qPrintable(board()->memberSummary()->text()));

    // Eight voting members and the quorum at "more than half": five are needed.
    QCOMPARE(board()->quorumSpin()->value(), 0.0);
    QCOMPARE(board()->quorumSpin()->text(), QStringLiteral("More than half"));
    QVERIFY2(board()->quorumLabel()->text().contains("needs 5 of the 8 voting members"),
             qPrintable(board()->quorumLabel()->text()));
    QCOMPARE(board()->greenSpin()->value(), 95.0);
    QCOMPARE(board()->amberSpin()->value(), 85.0);

    // The second meeting had four voting members (the officer advises): not quorate.
    QTableWidget *meetings = board()->meetingTable();
    QCOMPARE(meetings->rowCount(), 3);
    const int second = meetingRow(2);
    QCOMPARE(meetings->item(second, BoardView::MeetingAttendeesColumn)->text(), "5");
    QCOMPARE(meetings->item(second, BoardView::MeetingVotingColumn)->text(), "4 / 5");
    QTableWidgetItem *notQuorate = meetings->item(second, BoardView::MeetingQuorateColumn);
    QCOMPARE(notQuorate->text(), QStringLiteral("No, not quorate"));
    QCOMPARE(notQuorate->background().color(), kAttentionBackground);
    QTableWidgetItem *quorate = meetings->item(meetingRow(1), BoardView::MeetingQuorateColumn);
    QCOMPARE(quorate->text(), QStringLiteral("Yes"));
    QVERIFY(quorate->background().style() == Qt::NoBrush);
    QVERIFY2(board()->meetingSummary()->text().contains("2 quorate, 1 not quorate"),
             qPrintable(board()->meetingSummary()->text()));
}

void TestMonitoringView::addingEditingAndRemovingAMemberUndo()
{
    const ProgrammeBoard before = storedBoard();
    const int steps = m_demo.document->undoStack()->count();

    // Add.
    QTest::mouseClick(board()->addMemberButton(), Qt::LeftButton);
    BoardMemberDialog *dialog = board()->memberDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->okButton()->isEnabled()); // a name first
    dialog->nameEdit()->setText(QStringLiteral("  Cllr Ann Lee  "));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->roleCombo()->setCurrentIndex(
        dialog->roleCombo()->findData(int(BoardRole::BusinessRepresentative)));
    dialog->organisationEdit()->setText(QStringLiteral("London Chamber of Commerce"));
    dialog->votingCheck()->setChecked(false);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!board()->memberDialog());
    QCOMPARE(storedBoard().members.size(), before.members.size() + 1);
    const BoardMember added = storedBoard().members.last();
    QCOMPARE(added, (BoardMember{"Cllr Ann Lee", BoardRole::BusinessRepresentative,
                                 "London Chamber of Commerce", false}));
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QVERIFY(m_demo.document->undoStack()->undoText().contains("Cllr Ann Lee"));
    QCOMPARE(board()->memberTable()->rowCount(), 10);
    QCOMPARE(board()->currentMember(), QStringLiteral("Cllr Ann Lee"));
    QCOMPARE(board()
                 ->memberTable()
                 ->item(memberRow("Cllr Ann Lee"), BoardView::MemberVotingColumn)
                 ->text(),
             QStringLiteral("Advisory"));
    // An advisory member does not change the quorum.
    QVERIFY(board()->quorumLabel()->text().contains("needs 5 of the 8 voting members"));

    // Edit: Enter on the table opens the member, who becomes a voting member.
    QTest::keyClick(board()->memberTable(), Qt::Key_Return);
    dialog = board()->memberDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->member(), added);
    dialog->votingCheck()->setChecked(true);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(storedBoard().members.last().voting);
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 2);
    QVERIFY(board()->quorumLabel()->text().contains("needs 5 of the 9 voting members"));

    // Remove, once confirmed.
    QVERIFY(board()->selectMember("Cllr Ann Lee"));
    QTest::keyClick(board()->memberTable(), Qt::Key_Delete); // not confirmed
    QCOMPARE(storedBoard().members.size(), before.members.size() + 1);
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(board()->memberTable(), Qt::Key_Delete);
    QCOMPARE(storedBoard(), before);
    QCOMPARE(board()->memberTable()->rowCount(), 9);
    QCOMPARE(memberRow("Cllr Ann Lee"), -1);
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 3);

    // Undo brings back each step in turn.
    m_demo.document->undoStack()->undo();
    QVERIFY(storedBoard().members.last().voting);
    QCOMPARE(board()->memberTable()->rowCount(), 10);
    m_demo.document->undoStack()->undo();
    QVERIFY(!storedBoard().members.last().voting);
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard(), before);
    QCOMPARE(board()->memberTable()->rowCount(), 9);
    QVERIFY(m_demo.dialogs->messages().isEmpty());
}

void TestMonitoringView::renamingAMemberCarriesThroughTheRecord()
{
    const ProgrammeBoard before = storedBoard();
    // The officer attended every meeting and owns actions 1 and 6.
    QVERIFY(board()->selectMember("Rachel Green"));
    QVERIFY(board()->editMember());
    BoardMemberDialog *dialog = board()->memberDialog();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(QStringLiteral("Rachel Green-Adams"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!board()->memberDialog());
    const ProgrammeBoard &after = storedBoard();
    QVERIFY(after.member("Rachel Green-Adams"));
    QVERIFY(!after.member("Rachel Green"));
    for (const BoardMeeting &m : after.meetings)
        QVERIFY2(m.attendees.contains("Rachel Green-Adams"), qPrintable(m.title));
    QCOMPARE(after.actions[0].owner, QStringLiteral("Rachel Green-Adams"));
    QCOMPARE(after.actions[5].owner, QStringLiteral("Rachel Green-Adams"));
    QCOMPARE(m_demo.document->undoStack()->undoText(),
             QStringLiteral("Change board member “Rachel Green-Adams”"));
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard(), before);
}

void TestMonitoringView::aDuplicateNameIsShownInTheDialogAndChangesNothing()
{
    const ProgrammeBoard before = storedBoard();
    const int steps = m_demo.document->undoStack()->count();
    QVERIFY(board()->addMember());
    BoardMemberDialog *dialog = board()->memberDialog();
    dialog->nameEdit()->setText(QStringLiteral("helen marsh"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(board()->memberDialog(), dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorBox()->isVisibleTo(dialog));
    QVERIFY2(dialog->errorBox()->text().contains("already has a member of this name"),
             qPrintable(dialog->errorBox()->text()));
    QCOMPARE(storedBoard(), before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QVERIFY(m_demo.dialogs->messages().isEmpty());
    dialog->reject();
    QVERIFY(!board()->memberDialog());
}

void TestMonitoringView::aMemberWhoAttendedIsNotRemovedAndSaysWhy()
{
    const ProgrammeBoard before = storedBoard();
    const int steps = m_demo.document->undoStack()->count();
    QVERIFY(board()->selectMember("Samuel Adeyemi"));
    m_demo.dialogs->setNextAnswer(true); // would confirm, but is never asked
    QVERIFY(!board()->removeMember());
    QCOMPARE(storedBoard(), before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    const DialogService::Message message = m_demo.dialogs->messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The member was not removed"));
    QVERIFY2(message.text.contains("Samuel Adeyemi attended 2 meetings"), qPrintable(message.text));
    QVERIFY(message.text.contains("Quarterly performance review: June to August 2027"));
    QVERIFY(m_demo.dialogs->confirm(nullptr, {}, {}, {})); // the answer was never asked for

    // A voting member whose going would leave the quorum too high is refused with the reason.
    openDemo([](Round &round) {
        ProgrammeBoard &b = round.monitoring.board;
        b.members.append(member("New Member"));
        b.quorum = 9;
    });
    QVERIFY(board()->selectMember("New Member"));
    m_demo.dialogs->setNextAnswer(true);
    QVERIFY(!board()->removeMember());
    QVERIFY(storedBoard().member("New Member"));
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains("Quorum"),
             qPrintable(m_demo.dialogs->messages().first().text));
}

void TestMonitoringView::addingEditingAndRemovingAMeetingUndo()
{
    const ProgrammeBoard before = storedBoard();
    const int steps = m_demo.document->undoStack()->count();

    QTest::mouseClick(board()->addMeetingButton(), Qt::LeftButton);
    MeetingDialog *dialog = board()->meetingDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->attendanceList()->count(), 9);
    dialog->dateEdit()->setDate(QDate(2028, 9, 20));
    dialog->titleEdit()->setText(QStringLiteral("Quarterly review: June to August 2028"));
    dialog->notesEdit()->setPlainText(QStringLiteral("Recovery plan discussed."));
    for (const char *name :
         {"Cllr Amara Okafor", "Cllr David Feld", "Cllr Priya Raman", "Rachel Green"})
        QVERIFY(dialog->setAttended(name, true));
    // Three voting members and the officer: short of the five needed, and the dialog says so.
    QVERIFY2(dialog->quorumLabel()->text().contains("3 voting members present of the 5"),
             qPrintable(dialog->quorumLabel()->text()));
    QVERIFY(dialog->quorumLabel()->text().endsWith("not quorate."));
    QVERIFY(dialog->setAttended("Helen Marsh", true));
    QVERIFY(dialog->setAttended("Joanna Price", true));
    QVERIFY2(dialog->quorumLabel()->text().endsWith(": quorate."),
             qPrintable(dialog->quorumLabel()->text()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!board()->meetingDialog());

    QCOMPARE(storedBoard().meetings.size(), 4);
    const BoardMeeting added = storedBoard().meetings.last();
    QCOMPARE(added.id, 4);
    QCOMPARE(added.date, QDate(2028, 9, 20));
    QCOMPARE(added.title, QStringLiteral("Quarterly review: June to August 2028"));
    QCOMPARE(added.notes, QStringLiteral("Recovery plan discussed."));
    // In the board's order, whatever order they were ticked in.
    QCOMPARE(added.attendees,
             (QStringList{"Cllr Amara Okafor", "Cllr David Feld", "Cllr Priya Raman", "Helen Marsh",
                          "Joanna Price", "Rachel Green"}));
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(board()->currentMeeting(), 4);
    QTableWidget *meetings = board()->meetingTable();
    const int row = meetingRow(4);
    QCOMPARE(row, 3); // the latest date comes last
    QCOMPARE(meetings->item(row, BoardView::MeetingVotingColumn)->text(), "5 / 5");
    QCOMPARE(meetings->item(row, BoardView::MeetingQuorateColumn)->text(), "Yes");

    // Edit: one voting member fewer and the meeting is no longer quorate.
    QTest::keyClick(meetings, Qt::Key_Return);
    dialog = board()->meetingDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->meeting(), added);
    QVERIFY(dialog->setAttended("Joanna Price", false));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(storedBoard().meetings.last().attendees.size(), 5);
    QCOMPARE(meetings->item(meetingRow(4), BoardView::MeetingQuorateColumn)->text(),
             "No, not quorate");

    // Remove, once confirmed.
    QVERIFY(board()->selectMeeting(4));
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(meetings, Qt::Key_Delete);
    QCOMPARE(storedBoard(), before);
    QCOMPARE(meetings->rowCount(), 3);

    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard().meetings.size(), 4);
    QCOMPARE(meetings->rowCount(), 4);
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard().meetings.last(), added);
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard(), before);
    QCOMPARE(meetings->rowCount(), 3);
    QVERIFY(m_demo.dialogs->messages().isEmpty());
}

void TestMonitoringView::aMeetingThatRaisedActionsIsNotRemovedAndSaysWhy()
{
    const ProgrammeBoard before = storedBoard();
    QVERIFY(board()->selectMeeting(2));
    m_demo.dialogs->setNextAnswer(true);
    QVERIFY(!board()->removeMeeting());
    QCOMPARE(storedBoard(), before);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    const DialogService::Message message = m_demo.dialogs->messages().first();
    QCOMPARE(message.title, QStringLiteral("The meeting was not removed"));
    const QString expected =
        QStringLiteral("raised 2 entries of the actions and issues log (numbers %1)")
            .arg(QLocale().createSeparatedList({"3", "4"}));
    QVERIFY2(message.text.contains(expected), qPrintable(message.text));
}

void TestMonitoringView::quorateAtTheEdgeOfTheQuorum()
{
    // Four voting members and an adviser; a quorum of three.
    openDemo([](Round &round) {
        ProgrammeBoard b;
        b.members = {member("A"), member("B"), member("C"), member("D"), member("E", false)};
        b.quorum = 3;
        b.meetings = {{1, QDate(2028, 1, 10), "Exactly the quorum", {"A", "B", "C"}, {}},
                      {2, QDate(2028, 2, 10), "One short, with the adviser", {"A", "B", "E"}, {}},
                      {3, QDate(2028, 3, 10), "Nobody", {}, {}}};
        round.monitoring.board = b;
    });
    QTableWidget *meetings = board()->meetingTable();
    const auto quorate = [&](int id) {
        return meetings->item(meetingRow(id), BoardView::MeetingQuorateColumn)->text();
    };
    const auto voting = [&](int id) {
        return meetings->item(meetingRow(id), BoardView::MeetingVotingColumn)->text();
    };
    QCOMPARE(board()->quorumSpin()->value(), 3.0);
    QCOMPARE(board()->quorumSpin()->maximum(), 4.0);
    QVERIFY(board()->quorumLabel()->text().contains("needs 3 of the 4 voting members"));
    QCOMPARE(voting(1), "3 / 3");
    QCOMPARE(quorate(1), "Yes");
    QCOMPARE(voting(2), "2 / 3");
    QCOMPARE(quorate(2), "No, not quorate");
    QCOMPARE(quorate(3), "No, not quorate");

    // A quorum of two makes the second meeting quorate; "more than half" of four is three.
    board()->quorumSpin()->setValue(2);
    QCOMPARE(storedBoard().quorum, 2);
    QCOMPARE(quorate(2), "Yes");
    board()->quorumSpin()->setValue(0);
    QCOMPARE(storedBoard().quorum, 0);
    QCOMPARE(board()->quorumSpin()->text(), QStringLiteral("More than half"));
    QVERIFY2(board()->quorumLabel()->text().contains("More than half: a meeting needs 3 of the 4"),
             qPrintable(board()->quorumLabel()->text()));
    QCOMPARE(quorate(1), "Yes");
    QCOMPARE(quorate(2), "No, not quorate");
    QVERIFY(m_demo.dialogs->messages().isEmpty());
}

void TestMonitoringView::quorumAndThresholdStepsMergeIntoOneUndoStep()
{
    const ProgrammeBoard before = storedBoard();
    const int steps = m_demo.document->undoStack()->count();
    board()->quorumSpin()->stepUp();
    board()->quorumSpin()->stepUp();
    board()->quorumSpin()->stepUp();
    QCOMPARE(storedBoard().quorum, 3);
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(m_demo.document->undoStack()->undoText(), QStringLiteral("Change the quorum"));
    QVERIFY(board()->quorumLabel()->text().contains("needs 3 of the 8"));

    board()->greenSpin()->stepUp();
    board()->greenSpin()->stepUp();
    QCOMPARE(storedBoard().greenPercent, 97.0);
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 2);
    // Amber stops at green.
    QCOMPARE(board()->amberSpin()->maximum(), 97.0);
    board()->amberSpin()->setValue(120);
    QCOMPARE(storedBoard().amberPercent, 97.0);
    QCOMPARE(board()->greenSpin()->minimum(), 97.0);
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 3);

    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard().amberPercent, 85.0);
    QCOMPARE(board()->amberSpin()->value(), 85.0);
    m_demo.document->undoStack()->undo();
    QCOMPARE(board()->greenSpin()->value(), 95.0);
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard(), before);
    QCOMPARE(board()->quorumSpin()->value(), 0.0);
}

// --- Actions and issues --------------------------------------------------------------------

namespace {

/** Entries due around today: two overdue, one due today, one done late, one without a date. */
void entriesAroundToday(Round &round)
{
    const QDate today = QDate::currentDate();
    using K = ActionKind;
    using S = ActionStatus;
    round.monitoring.board.actions = {
        {1, K::Action, "Due yesterday", 1, "Helen Marsh", today.addDays(-1), S::Open, {}},
        {2, K::Issue, "A month late", 2, "Joanna Price", today.addDays(-30), S::InProgress, {}},
        {3, K::Action, "Due today", 3, "Mark Bennett", today, S::Open, {}},
        {4, K::Action, "Done late", 3, "Rachel Green", today.addDays(-10), S::Done, {}},
        {5, K::Issue, "No date", 0, {}, {}, S::Open, {}},
        {6, K::Action, "Withdrawn", 0, {}, today.addDays(-5), S::Withdrawn, {}},
    };
}

} // namespace

void TestMonitoringView::overdueEntriesAreMarkedInWordsAndColour()
{
    openDemo(entriesAroundToday);
    QTableWidget *table = actions()->table();
    QCOMPARE(table->rowCount(), 6);
    const auto status = [&](int id) {
        return table->item(actions()->rowOf(id), ActionsView::StatusColumn);
    };
    QCOMPARE(status(1)->text(), QStringLiteral("Overdue (open)"));
    QCOMPARE(status(2)->text(), QStringLiteral("Overdue (in progress)"));
    for (int id : {1, 2}) {
        for (int column = 0; column < ActionsView::ColumnCount; ++column)
            QCOMPARE(table->item(actions()->rowOf(id), column)->background().color(),
                     kAttentionBackground);
    }
    // Due today is not late yet; done or withdrawn is never late; no date, never late.
    QCOMPARE(status(3)->text(), actionStatusName(ActionStatus::Open));
    QCOMPARE(status(4)->text(), actionStatusName(ActionStatus::Done));
    QCOMPARE(status(5)->text(), actionStatusName(ActionStatus::Open));
    QCOMPARE(status(6)->text(), actionStatusName(ActionStatus::Withdrawn));
    for (int id : {3, 4, 5, 6})
        QVERIFY(status(id)->background().style() == Qt::NoBrush);
    QCOMPARE(table->item(actions()->rowOf(5), ActionsView::DueColumn)->text(), "No date");
    QCOMPARE(table->item(actions()->rowOf(5), ActionsView::MeetingColumn)->text(),
             "Between meetings");
    QVERIFY(table->item(actions()->rowOf(2), ActionsView::MeetingColumn)
                ->text()
                .contains("Quarterly performance review"));
    QVERIFY2(actions()->summaryLabel()->text().contains(
                 "6 entries: 4 open or in progress, 2 done or withdrawn. 2 are overdue."),
             qPrintable(actions()->summaryLabel()->text()));
}

void TestMonitoringView::theFilterShowsOpenOrOverdueEntries()
{
    openDemo(entriesAroundToday);
    QTableWidget *table = actions()->table();
    actions()->setFilter(ActionsView::Filter::Open);
    QCOMPARE(table->rowCount(), 4);
    for (int id : {1, 2, 3, 5})
        QVERIFY(actions()->rowOf(id) >= 0);
    actions()->filterCombo()->setCurrentIndex(
        actions()->filterCombo()->findData(int(ActionsView::Filter::Overdue)));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(actions()->rowOf(1), 0);
    QCOMPARE(actions()->rowOf(2), 1);

    // Done, the entry leaves the overdue list at once.
    QVERIFY(actions()->selectAction(1));
    QVERIFY(actions()->editAction());
    ActionDialog *dialog = actions()->actionDialog();
    QVERIFY(dialog);
    dialog->statusCombo()->setCurrentIndex(
        dialog->statusCombo()->findData(int(ActionStatus::Done)));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(storedBoard().actions[0].status, ActionStatus::Done);
    // Shown again under "all", picked, so that the user sees where it went.
    QCOMPARE(actions()->filter(), ActionsView::Filter::All);
    QCOMPARE(actions()->currentAction(), 1);

    actions()->setFilter(ActionsView::Filter::Overdue);
    QCOMPARE(table->rowCount(), 1);
    m_demo.document->undoStack()->undo();
    QCOMPARE(table->rowCount(), 2);

    // Nothing overdue: the filter says so.
    openDemo([](Round &round) { round.monitoring.board.actions.clear(); });
    actions()->setFilter(ActionsView::Filter::Overdue);
    QVERIFY(!actions()->table()->isVisibleTo(actions()));
    QVERIFY(actions()->summaryLabel()->text().contains("The log is empty"));
}

void TestMonitoringView::addingEditingAndRemovingAnEntryUndo()
{
    const ProgrammeBoard before = storedBoard();
    const int steps = m_demo.document->undoStack()->count();
    QTest::mouseClick(actions()->addButton(), Qt::LeftButton);
    ActionDialog *dialog = actions()->actionDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->okButton()->isEnabled()); // it must say something
    // Raised by default at the latest meeting; the meetings are offered latest first.
    QCOMPARE(dialog->meetingCombo()->currentData().toInt(), 3);
    QCOMPARE(dialog->meetingCombo()->itemData(0).toInt(), 0);
    QCOMPARE(dialog->meetingCombo()->itemData(1).toInt(), 3);
    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findData(int(ActionKind::Issue)));
    dialog->textEdit()->setPlainText(QStringLiteral("Referral forms arrive incomplete."));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->meetingCombo()->setCurrentIndex(dialog->meetingCombo()->findData(2));
    dialog->ownerCombo()->setCurrentText(QStringLiteral("Joanna Price"));
    dialog->dueCheck()->setChecked(true);
    dialog->dueEdit()->setDate(QDate(2028, 10, 31));
    dialog->noteEdit()->setText(QStringLiteral("Raised by two providers."));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!actions()->actionDialog());
    QCOMPARE(storedBoard().actions.size(), 7);
    const BoardAction added = storedBoard().actions.last();
    QCOMPARE(added, (BoardAction{7, ActionKind::Issue, "Referral forms arrive incomplete.", 2,
                                 "Joanna Price", QDate(2028, 10, 31), ActionStatus::Open,
                                 "Raised by two providers."}));
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(m_demo.document->undoStack()->undoText(), QStringLiteral("Add issue 7 to the log"));
    QCOMPARE(actions()->currentAction(), 7);

    // Edit: no due date, between meetings.
    QTest::keyClick(actions()->table(), Qt::Key_Return);
    dialog = actions()->actionDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->action(), added);
    dialog->dueCheck()->setChecked(false);
    dialog->meetingCombo()->setCurrentIndex(0);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!storedBoard().actions.last().due.isValid());
    QCOMPARE(storedBoard().actions.last().meeting, 0);
    QCOMPARE(actions()->table()->item(actions()->rowOf(7), ActionsView::DueColumn)->text(),
             "No date");

    // Remove, once confirmed.
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(actions()->table(), Qt::Key_Delete);
    QCOMPARE(storedBoard(), before);
    QCOMPARE(actions()->rowOf(7), -1);

    m_demo.document->undoStack()->undo();
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard().actions.last(), added);
    QVERIFY(actions()->rowOf(7) >= 0);
    m_demo.document->undoStack()->undo();
    QCOMPARE(storedBoard(), before);
    QVERIFY(m_demo.dialogs->messages().isEmpty());
}

// --- Contract profile ----------------------------------------------------------------------

void TestMonitoringView::demoProfileIsSummedUpByGroupAndYear()
{
    const ContractProfile &p = m_demo.document->round().monitoring.profile;
    QVERIFY(p.hasPeriod());
    QVERIFY(p.illustrative);
    QVERIFY(profile()->illustrativeNotice()->isVisibleTo(profile()));
    QVERIFY2(
        profile()->periodLabel()->text().contains(periodName(p.start)) &&
            profile()->periodLabel()->text().contains(periodName(p.end())) &&
            profile()->periodLabel()->text().contains(QStringLiteral("%1 months").arg(p.months)),
        qPrintable(profile()->periodLabel()->text()));
    QVERIFY(profile()->sourceLabel()->text().contains("30% delivery fee"));

    // Four CPAs × three payment groups, each CPA's total, and the programme's.
    QTableWidget *groups = profile()->groupTable();
    QCOMPARE(groups->rowCount(), 4 * 3 + 4 + 1);
    const int last = groups->rowCount() - 1;
    QCOMPARE(groups->item(last, ProfileView::CpaColumn)->text(), QStringLiteral("All CPAs"));
    double referrals = 0;
    double starts = 0;
    for (const MonitoringFigure &f : p.figures) {
        referrals += f.measure == MonitoringMeasure::Referrals ? f.value : 0;
        starts += f.measure == MonitoringMeasure::Starts ? f.value : 0;
    }
    const QLocale locale = QLocale();
    const auto number = [&](int row, int column) {
        QString text = groups->item(row, column)->text();
        return locale.toDouble(text.remove(locale.groupSeparator()));
    };
    QCOMPARE(number(last, ProfileView::FirstMeasureColumn), std::round(referrals));
    QCOMPARE(number(last, ProfileView::FirstMeasureColumn + 1), std::round(starts));
    QCOMPARE(groups->item(3, ProfileView::GroupColumn)->text(), QStringLiteral("All groups"));
    QCOMPARE(groups->item(0, ProfileView::CpaColumn)->text(), groups->item(3, 0)->text());

    // One row per contract year (the last may be short), the years adding up to the whole.
    QTableWidget *years = profile()->yearTable();
    QCOMPARE(years->rowCount(), (p.months + 11) / 12);
    QVERIFY(years->item(0, ProfileView::YearColumn)->text().startsWith("Year 1: "));
    QCOMPARE(years->item(0, ProfileView::MonthsColumn)->text(), "12");
    double yearReferrals = 0;
    for (int row = 0; row < years->rowCount(); ++row) {
        QString text = years->item(row, ProfileView::YearFirstMeasureColumn)->text();
        yearReferrals += locale.toDouble(text.remove(locale.groupSeparator()));
    }
    QVERIFY(std::abs(yearReferrals - referrals) <= years->rowCount());
}

void TestMonitoringView::derivingAProfileThroughTheDialog()
{
    // Without returns the whole profile may change.
    removeDemoReturns();
    const ContractProfile before = m_demo.document->round().monitoring.profile;
    const int steps = m_demo.document->undoStack()->count();
    QTest::mouseClick(profile()->deriveButton(), Qt::LeftButton);
    ProfileDeriveDialog *dialog = profile()->deriveDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->scenarioCombo()->count(), 2);
    QCOMPARE(dialog->start(), before.start); // the current contract's first month
    dialog->scenarioCombo()->setCurrentIndex(dialog->scenarioCombo()->findData("All outcome"));
    dialog->startEdit()->setDate(before.start.addMonths(3).addDays(14)); // any day of the month
    QCOMPARE(dialog->start(), before.start.addMonths(3));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!profile()->deriveDialog());

    const ContractProfile &after = m_demo.document->round().monitoring.profile;
    QCOMPARE(after.start, before.start.addMonths(3));
    QVERIFY(after.source.contains("All outcome"));
    // Derived from the demo's invented design, the profile is invented too.
    QCOMPARE(after.illustrative, m_demo.document->round().design.illustrative);
    QCOMPARE(profile()->illustrativeNotice()->isVisibleTo(profile()), after.illustrative);
    QVERIFY(profile()->sourceLabel()->text().contains("All outcome"));
    QVERIFY(profile()->periodLabel()->text().contains(periodName(after.start)));
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(m_demo.document->undoStack()->undoText(),
             QStringLiteral("Derive the contract profile from the scenario “All outcome”"));
    QVERIFY(m_demo.dialogs->messages().isEmpty());

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().monitoring.profile, before);
    QVERIFY(profile()->illustrativeNotice()->isVisibleTo(profile()));

    // Cancelled, nothing changes.
    QVERIFY(profile()->derive());
    profile()->deriveDialog()->reject();
    QCOMPARE(m_demo.document->round().monitoring.profile, before);
}

void TestMonitoringView::aDerivedProfileTheReturnsDoNotFitIsRefusedInPlace()
{
    // The demo's returns cover the contract's first year: a contract starting later would
    // leave them outside, and the document refuses it.
    const ContractProfile before = m_demo.document->round().monitoring.profile;
    const int steps = m_demo.document->undoStack()->count();
    QVERIFY(profile()->derive());
    ProfileDeriveDialog *dialog = profile()->deriveDialog();
    dialog->startEdit()->setDate(before.start.addMonths(6));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(profile()->deriveDialog(), dialog); // still open, to be put right
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_demo.document->round().monitoring.profile, before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    QCOMPARE(m_demo.dialogs->messages().first().kind, DialogService::MessageKind::Error);
    QCOMPARE(m_demo.dialogs->messages().first().title,
             QStringLiteral("The profile was not derived"));
    QVERIFY2(m_demo.dialogs->messages().first().text.contains("outside the contract period"),
             qPrintable(m_demo.dialogs->messages().first().text));
    dialog->reject();
}

void TestMonitoringView::profileExportsAndImportsAsCsv()
{
    removeDemoReturns();
    const ContractProfile before = m_demo.document->round().monitoring.profile;
    const QString path = m_demo.dir->filePath("profile.csv");
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(profile()->exportCsv());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("period,cpa,priority_group,measure,value"));
    QVERIFY(bytes.contains("Central London Forward"));
    file.close();

    // Read back, it is the same profile from a named file: no longer illustrative.
    const int steps = m_demo.document->undoStack()->count();
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(profile()->importCsv());
    const ContractProfile &after = m_demo.document->round().monitoring.profile;
    QCOMPARE(after.start, before.start);
    QCOMPARE(after.figures.size(), before.figures.size());
    QVERIFY(after.source.contains("profile.csv"));
    QVERIFY(!after.illustrative);
    QVERIFY(!profile()->illustrativeNotice()->isVisibleTo(profile()));
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    QCOMPARE(m_demo.dialogs->messages().first().kind, DialogService::MessageKind::Information);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains(
                 QStringLiteral("%1 figures from profile.csv").arg(before.figures.size())),
             qPrintable(m_demo.dialogs->messages().first().text));
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().monitoring.profile, before);
}

void TestMonitoringView::aBadProfileFileChangesNothing()
{
    const ContractProfile before = m_demo.document->round().monitoring.profile;
    const int steps = m_demo.document->undoStack()->count();
    const QString path =
        writeFile("bad profile.csv",
                  "period,cpa,priority_group,measure,value\n" +
                      returnLine(0, "Central London Forward", "esa_wrag", "referrals", 10) +
                      returnLine(1, "Nowhere", "esa_wrag", "referrals", 10));
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(!profile()->importCsv());
    QCOMPARE(m_demo.document->round().monitoring.profile, before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    const DialogService::Message message = m_demo.dialogs->messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The profile was not imported"));
    QVERIFY2(message.text.contains("bad profile.csv, line 3"), qPrintable(message.text));
    QVERIFY(message.text.contains("Nowhere"));
}

// --- Returns -------------------------------------------------------------------------------

void TestMonitoringView::demoReturnsFillTheTable()
{
    const Monitoring &m = m_demo.document->round().monitoring;
    QCOMPARE(m.returns.size(), 13);
    QTableWidget *table = returns()->returnTable();
    QCOMPARE(table->rowCount(), 13);
    // The latest return is picked: the correction, which corrects two figures of the seventh.
    QCOMPARE(returns()->currentReturn(), 13);
    QCOMPARE(table->item(12, ReturnsView::FiguresColumn)->text(), "2");
    QCOMPARE(table->item(12, ReturnsView::CorrectionsColumn)->text(), "2");
    QCOMPARE(table->item(12, ReturnsView::SupersededColumn)->text(), "0");
    QCOMPARE(table->item(6, ReturnsView::SupersededColumn)->text(), "2");
    QCOMPARE(table->item(6, ReturnsView::CorrectionsColumn)->text(), "0");
    QCOMPARE(table->item(0, ReturnsView::MonthsColumn)->text(),
             QLocale().toString(m.profile.start, QStringLiteral("MMM yyyy")));
    QCOMPARE(table->item(0, ReturnsView::IllustrativeColumn)->text(), "Yes");
    QCOMPARE(table->item(0, ReturnsView::ReceivedColumn)->text(),
             QLocale().toString(m.returns.first().receivedAt.toLocalTime().date(),
                                QStringLiteral("d MMM yyyy")));
    QCOMPARE(table->item(12, ReturnsView::NoteColumn)->text(), m.returns.last().note);
    QVERIFY(returns()->summaryLabel()->text().contains("13 returns received"));
    QCOMPARE(returns()->figureTable()->rowCount(), 2);
    QVERIFY(returns()->removeIllustrativeButton()->isEnabled());
}

void TestMonitoringView::historyShowsTheDemoCorrectionSuperseding()
{
    const Monitoring &m = m_demo.document->round().monitoring;
    const MonitoringFigure corrected = m.returns.last().figures.first();
    QVERIFY(returns()->selectReturn(13));
    QVERIFY(returns()->selectFigure(corrected.period, corrected.cpa, corrected.group,
                                    corrected.measure));
    QCOMPARE(returns()->figureTable()->rowCount(), 1);
    QCOMPARE(returns()->currentFigure(), corrected);
    QTableWidget *history = returns()->historyTable();
    QVERIFY(history->isVisibleTo(returns()));
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->item(0, ReturnsView::HistoryReturnColumn)->text(), "7");
    QCOMPARE(history->item(0, ReturnsView::HistoryStatusColumn)->text(),
             QStringLiteral("Superseded by return 13"));
    QVERIFY(history->item(0, ReturnsView::HistoryValueColumn)->font().strikeOut());
    QCOMPARE(history->item(1, ReturnsView::HistoryReturnColumn)->text(), "13");
    QCOMPARE(history->item(1, ReturnsView::HistoryStatusColumn)->text(),
             QStringLiteral("In force"));
    QVERIFY(!history->item(1, ReturnsView::HistoryValueColumn)->font().strikeOut());
    QCOMPARE(history->item(1, ReturnsView::HistoryNoteColumn)->text(), m.returns.last().note);
    QVERIFY2(returns()->historyLabel()->text().contains("reported 2 times"),
             qPrintable(returns()->historyLabel()->text()));

    // The same figure seen from the seventh return shows the same history; one never
    // corrected says so.
    QVERIFY(returns()->selectReturn(7));
    QVERIFY(returns()->selectFigure(corrected.period, corrected.cpa, corrected.group,
                                    corrected.measure));
    QCOMPARE(history->rowCount(), 2);
    QVERIFY(returns()->selectFigure(corrected.period, corrected.cpa, corrected.group,
                                    MonitoringMeasure::Referrals));
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->item(0, ReturnsView::HistoryStatusColumn)->text(), "In force");
    QVERIFY(returns()->historyLabel()->text().contains("never corrected"));

    // The pickers narrow the figures: all CPAs, one month, one measure.
    returns()->cpaCombo()->setCurrentIndex(0);
    returns()->groupCombo()->setCurrentIndex(0);
    QCOMPARE(returns()->figureTable()->rowCount(), 4 * 3);
}

void TestMonitoringView::removingTheIllustrativeReturnsUndoes()
{
    const QList<PerformanceReturn> before = m_demo.document->round().monitoring.returns;
    const int steps = m_demo.document->undoStack()->count();
    QVERIFY(!returns()->removeIllustrative()); // not confirmed
    QCOMPARE(m_demo.document->round().monitoring.returns, before);
    m_demo.dialogs->setNextAnswer(true);
    QTest::mouseClick(returns()->removeIllustrativeButton(), Qt::LeftButton);
    QVERIFY(m_demo.document->round().monitoring.returns.isEmpty());
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(returns()->returnTable()->rowCount(), 0);
    QVERIFY(!returns()->returnTable()->isVisibleTo(returns()));
    QVERIFY(!returns()->removeIllustrativeButton()->isEnabled());
    QCOMPARE(returns()->removeIllustrativeButton()->toolTip(), "No return is illustrative.");
    QVERIFY(!returns()->historyTable()->isVisibleTo(returns()));
    QVERIFY(returns()->summaryLabel()->text().contains("No return has been received yet"));

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().monitoring.returns, before);
    QCOMPARE(returns()->returnTable()->rowCount(), 13);
    QVERIFY(returns()->removeIllustrativeButton()->isEnabled());
    m_demo.document->undoStack()->redo();
    QCOMPARE(returns()->returnTable()->rowCount(), 0);
}

void TestMonitoringView::aRealReturnWaitsForTheIllustrativeOnesToGo()
{
    const QList<PerformanceReturn> before = m_demo.document->round().monitoring.returns;
    m_demo.dialogs->setNextFileName(m_demo.dir->filePath("unused.csv"));
    QVERIFY(!returns()->receiveReturn());
    QCOMPARE(m_demo.document->round().monitoring.returns, before);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains("Remove them first"),
             qPrintable(m_demo.dialogs->messages().first().text));
    // Explained before asking for a file: the queued name is still there.
    QCOMPARE(m_demo.dialogs->openFileName(nullptr, {}, {}, {}), m_demo.dir->filePath("unused.csv"));
}

void TestMonitoringView::receivingAReturnAndItsCorrection()
{
    removeDemoReturns();
    const int steps = m_demo.document->undoStack()->count();
    const QByteArray header = "period,cpa,priority_group,measure,value\n";
    const QString first =
        writeFile("month 1.csv",
                  header + returnLine(0, "Central London Forward", "esa_wrag", "referrals", 40) +
                      returnLine(0, "Central London Forward", "esa_wrag", "starts", 30) +
                      returnLine(0, "Local London", "jsa_12_months", "referrals", 25));
    m_demo.dialogs->setNextFileName(first);
    m_demo.dialogs->setNextText(QString());
    QTest::mouseClick(returns()->receiveButton(), Qt::LeftButton);
    const QList<PerformanceReturn> &received = m_demo.document->round().monitoring.returns;
    QCOMPARE(received.size(), 1);
    QCOMPARE(received[0].source, QStringLiteral("month 1.csv"));
    QCOMPARE(received[0].figures.size(), 3);
    QVERIFY(!received[0].illustrative);
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    QCOMPARE(m_demo.dialogs->messages().first().kind, DialogService::MessageKind::Information);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains(
                 QStringLiteral("Received month 1.csv as return %1: 3 rows, 0 of them")
                     .arg(received[0].id)),
             qPrintable(m_demo.dialogs->messages().first().text));
    QCOMPARE(returns()->returnTable()->rowCount(), 1);
    QCOMPARE(returns()->currentReturn(), received[0].id);
    QCOMPARE(returns()->figureTable()->rowCount(), 3);

    // The correction, with its note: the starts were 32.
    m_demo.dialogs->clearMessages();
    const QString correction =
        writeFile("month 1 corrected.csv",
                  header + returnLine(0, "Central London Forward", "esa_wrag", "starts", 32));
    m_demo.dialogs->setNextFileName(correction);
    m_demo.dialogs->setNextText(QStringLiteral("Two starts recorded late"));
    QVERIFY(returns()->receiveReturn());
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[1].note, QStringLiteral("Two starts recorded late"));
    QVERIFY(m_demo.dialogs->messages().first().text.contains("1 row, 1 of them correcting"));
    QTableWidget *table = returns()->returnTable();
    QCOMPARE(table->item(0, ReturnsView::SupersededColumn)->text(), "1");
    QCOMPARE(table->item(1, ReturnsView::CorrectionsColumn)->text(), "1");
    QCOMPARE(table->item(1, ReturnsView::NoteColumn)->text(), "Two starts recorded late");

    // The history of the starts: 30 superseded by 32.
    QCOMPARE(returns()->currentReturn(), received[1].id);
    QTableWidget *history = returns()->historyTable();
    QCOMPARE(history->rowCount(), 2);
    QCOMPARE(history->item(0, ReturnsView::HistoryValueColumn)->text(), "30");
    QVERIFY(history->item(0, ReturnsView::HistoryValueColumn)->font().strikeOut());
    QCOMPARE(history->item(0, ReturnsView::HistoryStatusColumn)->text(),
             QStringLiteral("Superseded by return %1").arg(received[1].id));
    QCOMPARE(history->item(1, ReturnsView::HistoryValueColumn)->text(), "32");
    QCOMPARE(history->item(1, ReturnsView::HistoryStatusColumn)->text(), "In force");

    // The same file twice is refused, naming it; nothing changes.
    m_demo.dialogs->clearMessages();
    m_demo.dialogs->setNextFileName(correction);
    m_demo.dialogs->setNextText(QString());
    QVERIFY(!returns()->receiveReturn());
    QCOMPARE(received.size(), 2);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains("received already"),
             qPrintable(m_demo.dialogs->messages().first().text));

    // Undo takes the correction away again, and the first value is in force once more.
    m_demo.document->undoStack()->undo();
    QCOMPARE(received.size(), 1);
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(returns()->selectFigure(received[0].figures[1].period, received[0].figures[1].cpa,
                                    "esa_wrag", MonitoringMeasure::Starts));
    QCOMPARE(history->rowCount(), 1);
    QCOMPARE(history->item(0, ReturnsView::HistoryStatusColumn)->text(), "In force");
}

void TestMonitoringView::warningsAreShownBeforeReceiving()
{
    removeDemoReturns();
    // More job outcomes than starts to date: a warning, not a refusal.
    const QString path = writeFile(
        "odd.csv", "period,cpa,priority_group,measure,value\n" +
                       returnLine(0, "West London Alliance", "esa_wrag", "starts", 5) +
                       returnLine(0, "West London Alliance", "esa_wrag", "job_outcomes", 9));
    m_demo.dialogs->setNextFileName(path);
    m_demo.dialogs->setNextText(QString());
    m_demo.dialogs->setNextAnswer(false);
    QVERIFY(!returns()->receiveReturn());
    QVERIFY(m_demo.document->round().monitoring.returns.isEmpty());
    // No message: the question was the warning, and the user declined.
    QVERIFY(m_demo.dialogs->messages().isEmpty());

    m_demo.dialogs->setNextFileName(path);
    m_demo.dialogs->setNextText(QString());
    m_demo.dialogs->setNextAnswer(true);
    QVERIFY(returns()->receiveReturn());
    QCOMPARE(m_demo.document->round().monitoring.returns.size(), 1);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains("1 warning stands"),
             qPrintable(m_demo.dialogs->messages().first().text));
}

void TestMonitoringView::aBadReturnIsRefusedWithTheMessageAndChangesNothing()
{
    removeDemoReturns();
    const Monitoring before = m_demo.document->round().monitoring;
    const int steps = m_demo.document->undoStack()->count();
    const QString path = writeFile(
        "bad return.csv", "period,cpa,priority_group,measure,value\n" +
                              returnLine(0, "Central London Forward", "esa_wrag", "referrals", 40) +
                              returnLine(0, "Central London Forward", "esa_wrag", "startz", 30));
    m_demo.dialogs->setNextFileName(path);
    m_demo.dialogs->setNextText(QStringLiteral("never asked"));
    QVERIFY(!returns()->receiveReturn());
    QCOMPARE(m_demo.document->round().monitoring, before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QCOMPARE(returns()->returnTable()->rowCount(), 0);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    const DialogService::Message message = m_demo.dialogs->messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The return was not received"));
    QVERIFY2(message.text.contains("bad return.csv, line 3"), qPrintable(message.text));
    QVERIFY(message.text.contains("measure"));
    QVERIFY(message.text.contains("startz"));
    // Refused before the note was asked for.
    QCOMPARE(m_demo.dialogs->askText(nullptr, {}, {}).value_or(QString()),
             QStringLiteral("never asked"));

    // Cancelling the file dialog does nothing at all.
    m_demo.dialogs->clearMessages();
    QVERIFY(!returns()->receiveReturn());
    QVERIFY(m_demo.dialogs->messages().isEmpty());
}

// --- States and access ---------------------------------------------------------------------

void TestMonitoringView::frozenStageDisablesEveryEditWithTheReason()
{
    openDemo([](Round &round) {
        round.stage(StageId::Monitoring).status = StageStatus::ReadyForSignOff;
    });
    const QString why = m_demo.document->whyMonitoringFrozen();
    QVERIFY(!why.isEmpty());
    QVERIFY(board()->selectMember("Helen Marsh"));
    QVERIFY(board()->selectMeeting(1));
    QVERIFY(actions()->selectAction(1));
    for (QPushButton *button : QList<QPushButton *>{
             board()->addMemberButton(), board()->editMemberButton(), board()->removeMemberButton(),
             board()->addMeetingButton(), board()->editMeetingButton(),
             board()->removeMeetingButton(), actions()->addButton(), actions()->editButton(),
             actions()->removeButton(), profile()->deriveButton(), profile()->importButton(),
             returns()->receiveButton(), returns()->removeIllustrativeButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
        QCOMPARE(button->toolTip(), why);
    }
    for (PageSpinBox *spin :
         QList<PageSpinBox *>{board()->quorumSpin(), board()->greenSpin(), board()->amberSpin()}) {
        QVERIFY(!spin->isEnabled());
        QCOMPARE(spin->toolTip(), why);
    }
    // Reading stays open.
    QVERIFY(profile()->exportButton()->isEnabled());

    // Keys and calls do nothing either.
    const Monitoring before = m_demo.document->round().monitoring;
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(board()->memberTable(), Qt::Key_Return);
    QTest::keyClick(actions()->table(), Qt::Key_Delete);
    QVERIFY(!board()->memberDialog());
    QVERIFY(!board()->addMeeting());
    QVERIFY(!actions()->addAction());
    QVERIFY(!profile()->derive());
    QVERIFY(!returns()->removeIllustrative());
    QCOMPARE(m_demo.document->round().monitoring, before);
    QVERIFY(m_demo.dialogs->confirm(nullptr, {}, {}, {})); // the answer was never asked for

    // Withdrawn from sign-off, editing comes back.
    QVERIFY(m_demo.document->setStageStatus(StageId::Monitoring, StageStatus::InProgress));
    QVERIFY(board()->addMemberButton()->isEnabled());
    QVERIFY(board()->quorumSpin()->isEnabled());
    QVERIFY(actions()->addButton()->isEnabled());
    QVERIFY(profile()->deriveButton()->isEnabled());
    QVERIFY(returns()->removeIllustrativeButton()->isEnabled());
}

QStringList TestMonitoringView::unnamedControls(QWidget *root)
{
    return TestSupport::unnamedControls(root, {}, TestSupport::isTabToolOrCalendar);
}

void TestMonitoringView::everyControlHasAnAccessibleName()
{
    QStringList unnamed;
    for (QWidget *tab : {static_cast<QWidget *>(board()), static_cast<QWidget *>(actions()),
                         static_cast<QWidget *>(profile()), static_cast<QWidget *>(returns())})
        unnamed << unnamedControls(tab);
    QVERIFY(board()->addMember());
    unnamed << unnamedControls(board()->memberDialog());
    board()->memberDialog()->reject();
    QVERIFY(board()->addMeeting());
    unnamed << unnamedControls(board()->meetingDialog());
    board()->meetingDialog()->reject();
    QVERIFY(actions()->addAction());
    unnamed << unnamedControls(actions()->actionDialog());
    actions()->actionDialog()->reject();
    QVERIFY(profile()->derive());
    unnamed << unnamedControls(profile()->deriveDialog());
    profile()->deriveDialog()->reject();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
}

namespace {

/** The letter after the single "&" of \a text, lower case, or a null QChar. */
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

} // namespace

void TestMonitoringView::mnemonicsDoNotClashWithinATab()
{
    // The tab bar's own letters count in every tab.
    QHash<QChar, QString> tabLetters;
    for (int i = 0; i < m_view->tabs()->count(); ++i) {
        const QChar letter = mnemonic(m_view->tabs()->tabText(i));
        if (!letter.isNull())
            tabLetters.insert(letter, m_view->tabs()->tabText(i));
    }
    for (QWidget *tab : {static_cast<QWidget *>(board()), static_cast<QWidget *>(actions()),
                         static_cast<QWidget *>(profile()), static_cast<QWidget *>(returns())}) {
        QHash<QChar, QString> used;
        QStringList clashes;
        QStringList texts;
        for (QAbstractButton *button : tab->findChildren<QAbstractButton *>())
            texts << button->text();
        for (QLabel *label : tab->findChildren<QLabel *>()) {
            if (label->buddy())
                texts << label->text();
        }
        for (const QString &text : std::as_const(texts)) {
            const QChar letter = mnemonic(text);
            if (letter.isNull())
                continue;
            if (used.contains(letter))
                clashes << used.value(letter) + QStringLiteral(" / ") + text;
            else if (tabLetters.contains(letter))
                clashes << tabLetters.value(letter) + QStringLiteral(" / ") + text;
            used.insert(letter, text);
        }
        QVERIFY2(texts.size() >= 4, qPrintable(tab->objectName()));
        QVERIFY2(clashes.isEmpty(), qPrintable(tab->objectName() + QStringLiteral(": ") +
                                               clashes.join(QStringLiteral(", "))));
    }
}

QTEST_MAIN(TestMonitoringView)
#include "tst_monitoringview.moc"
