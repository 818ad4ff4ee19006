// Stage 6 in the document: storage, snapshots, the checks before a write, returns that are
// only ever added (corrections supersede, the history stays), illustrative returns kept apart
// from real ones, the stage lock, the CPAs monitoring names, the audit entries, undo and redo;
// and the board's quorum and overdue actions at their edges.

#include "core/commands/monitoringcommands.h"
#include "core/io/snapshotarchive.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;
using namespace CoCommission::TestSupport;

class TestMonitoringDocument : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void storedAndReadBack();
    void snapshotCarriesMonitoring();
    void badBoardIsRefusedAndChangesNothing();
    void badReturnsAreRefusedAndChangeNothing_data();
    void badReturnsAreRefusedAndChangeNothing();
    void sameFileIsReceivedOnce();
    void returnsAreKeptAndTheLatestCanBeUndone();
    void illustrativeAndRealReturnsNeverMix();
    void profileCannotShrinkPastTheReturns();
    void stageLock_data();
    void stageLock();
    void cpaNamedByMonitoringStays();
    void changesAreAudited();
    void commandsUndoAndRedo();
    void quorumAtItsEdges();
    void overdueAtItsEdges();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("m%1.cocom").arg(m_count)); }
    /** The demo round without its stage 6, so that every figure here is the test's own. */
    static Round baseRound();
    CpaId cpa(int index) const { return m_document->round().adoptedPlan()->cpas.at(index).id; }
    /** A contract of 24 months from April 2019 with a few figures for CPA 0. */
    ContractProfile profile() const;
    /** A return of \a starts and \a jobs for CPA 0, ESA WRAG, in \a month (YYYY-MM). */
    PerformanceReturn performanceReturn(const QString &month, double starts, double jobs,
                                        const QString &source = QStringLiteral("r.csv")) const;
    static ProgrammeBoard board();

    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

namespace {

QDate month(const char *key)
{
    return *periodFromKey(QString::fromLatin1(key));
}

} // namespace

Round TestMonitoringDocument::baseRound()
{
    Round round = *LondonRound::demo();
    round.monitoring = {};
    return round;
}

ContractProfile TestMonitoringDocument::profile() const
{
    ContractProfile p;
    p.start = month("2019-04");
    p.months = 24;
    p.source = QStringLiteral("Entered by the test");
    p.figures = {
        {month("2019-04"), cpa(0), QStringLiteral("esa_wrag"), MonitoringMeasure::Starts, 10.5},
        {month("2019-05"), cpa(0), QStringLiteral("esa_wrag"), MonitoringMeasure::Starts, 11}};
    return p;
}

PerformanceReturn TestMonitoringDocument::performanceReturn(const QString &monthKey, double starts,
                                                            double jobs,
                                                            const QString &source) const
{
    PerformanceReturn r;
    r.source = source;
    const QDate period = *periodFromKey(monthKey);
    r.figures = {
        {period, cpa(0), QStringLiteral("esa_wrag"), MonitoringMeasure::Starts, starts},
        {period, cpa(0), QStringLiteral("esa_wrag"), MonitoringMeasure::JobOutcomes, jobs}};
    r.standards = {{period, cpa(0), QStringLiteral("first_contact"), 4.5}};
    return r;
}

ProgrammeBoard TestMonitoringDocument::board()
{
    ProgrammeBoard b;
    b.members = {
        {QStringLiteral("Cllr A"), BoardRole::PoliticalLead, QStringLiteral("Camden"), true},
        {QStringLiteral("B Business"), BoardRole::BusinessRepresentative, QStringLiteral("Chamber"),
         true},
        {QStringLiteral("C Coach"), BoardRole::JobcentrePlus, QStringLiteral("DWP"), true},
        {QStringLiteral("D Manager"), BoardRole::DwpContractManager, QStringLiteral("DWP"), true},
        {QStringLiteral("E Officer"), BoardRole::Officer, QStringLiteral("CLF"), false}};
    b.meetings = {
        {1,
         QDate(2019, 6, 3),
         QStringLiteral("Quarter 1"),
         {QStringLiteral("Cllr A"), QStringLiteral("C Coach"), QStringLiteral("D Manager")},
         QString()}};
    b.actions = {{1, ActionKind::Action, QStringLiteral("Chase the referral backlog"), 1,
                  QStringLiteral("C Coach"), QDate(2019, 7, 1), ActionStatus::Open, QString()}};
    b.reports = {
        {month("2019-05"),
         {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}}};
    b.greenPercent = 97.5;
    return b;
}

void TestMonitoringDocument::init()
{
    ++m_count;
    auto document = RoundDocument::create(path(), baseRound(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

void TestMonitoringDocument::storedAndReadBack()
{
    QVERIFY(m_document->setBoard(board()));
    QVERIFY(m_document->setProfile(profile()));
    const Result<qint64> first = m_document->addReturn(performanceReturn("2019-04", 9, 1));
    QVERIFY2(first, qPrintable(first.errorMessage()));
    QCOMPARE(*first, 1);
    PerformanceReturn correction = performanceReturn("2019-04", 8, 1, QStringLiteral("c.csv"));
    correction.note = QStringLiteral("Starts were double-counted");
    const Result<qint64> second = m_document->addReturn(correction);
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QCOMPARE(*second, 2);
    const Monitoring before = m_document->round().monitoring;
    QCOMPARE(before.returns.size(), 2);
    QVERIFY(before.returns.at(0).receivedAt.isValid());

    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round().monitoring, before);
    QCOMPARE((*reopened)->round().monitoring.board.greenPercent, 97.5);
    QCOMPARE((*reopened)->round().monitoring.returns.at(1).note,
             QStringLiteral("Starts were double-counted"));
}

void TestMonitoringDocument::snapshotCarriesMonitoring()
{
    QVERIFY(m_document->setBoard(board()));
    QVERIFY(m_document->setProfile(profile()));
    QVERIFY(m_document->addReturn(performanceReturn("2019-04", 9, 1)));
    const Round &round = m_document->round();
    const Result<Round> back = SnapshotArchive::load(SnapshotArchive::save(round));
    QVERIFY2(back, qPrintable(back.errorMessage()));
    QCOMPARE(back->monitoring, round.monitoring);
}

void TestMonitoringDocument::badBoardIsRefusedAndChangesNothing()
{
    QVERIFY(m_document->setBoard(board()));
    const QByteArray hash = fileHash(path());
    QSignalSpy changed(m_document.get(), &RoundDocument::monitoringChanged);
    const auto refused = [&](const ProgrammeBoard &bad, const QString &named) {
        const Status s = m_document->setBoard(bad);
        QVERIFY(!s);
        QVERIFY2(s.errorMessage().contains(named), qPrintable(s.errorMessage()));
    };
    ProgrammeBoard bad = board();
    bad.meetings[0].attendees << QStringLiteral("Nobody Known");
    refused(bad, QStringLiteral("Nobody Known"));
    bad = board();
    bad.members << bad.members.first();
    bad.members.last().name = QStringLiteral("cllr a");
    refused(bad, QStringLiteral("cllr a"));
    bad = board();
    bad.quorum = 5; // four voting members
    refused(bad, QStringLiteral("Quorum"));
    bad = board();
    bad.actions[0].meeting = 7;
    refused(bad, QStringLiteral("meeting 7"));
    bad = board();
    bad.amberPercent = 99; // above green
    refused(bad, QStringLiteral("RAG"));
    bad = board();
    bad.greenPercent = qQNaN();
    refused(bad, QStringLiteral("RAG"));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_document->round().monitoring.board, board());
    QCOMPARE(fileHash(path()), hash);
}

void TestMonitoringDocument::badReturnsAreRefusedAndChangeNothing_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("named");
    QTest::newRow("before the contract") << "before"
                                         << "2019-03 is outside the contract";
    QTest::newRow("after the contract") << "after"
                                        << "2021-04 is outside the contract";
    QTest::newRow("unknown CPA") << "cpa"
                                 << "CPA 999";
    QTest::newRow("unknown group") << "group"
                                   << "\"dragons\"";
    QTest::newRow("negative count") << "negative"
                                    << "-3";
    QTest::newRow("fraction of a person") << "fraction"
                                          << "2.5";
    QTest::newRow("absurd count") << "absurd"
                                  << "100,000,000";
    QTest::newRow("duplicate row") << "duplicate"
                                   << "given twice";
    QTest::newRow("unknown standard") << "standard"
                                      << "\"teleport\"";
    QTest::newRow("required standard not 0 or 1") << "required"
                                                  << "neither";
    QTest::newRow("empty") << "empty"
                           << "holds no figure";
}

void TestMonitoringDocument::badReturnsAreRefusedAndChangeNothing()
{
    QFETCH(QString, what);
    QFETCH(QString, named);
    QVERIFY(m_document->setProfile(profile()));
    QVERIFY(m_document->addReturn(performanceReturn("2019-04", 9, 1)));
    PerformanceReturn bad = performanceReturn("2019-05", 9, 1);
    MonitoringFigure &f = bad.figures[1];
    if (what == QLatin1String("before"))
        f.period = month("2019-03");
    else if (what == QLatin1String("after"))
        f.period = month("2021-04");
    else if (what == QLatin1String("cpa"))
        f.cpa = CpaId(999);
    else if (what == QLatin1String("group"))
        f.group = QStringLiteral("dragons");
    else if (what == QLatin1String("negative"))
        f.value = -3;
    else if (what == QLatin1String("fraction"))
        f.value = 2.5;
    else if (what == QLatin1String("absurd"))
        f.value = 1e8;
    else if (what == QLatin1String("duplicate"))
        bad.figures.append(bad.figures.first());
    else if (what == QLatin1String("standard"))
        bad.standards[0].standard = QStringLiteral("teleport");
    else if (what == QLatin1String("required"))
        bad.standards = {{month("2019-05"), cpa(0), QStringLiteral("key_worker"), 0.5}};
    else if (what == QLatin1String("empty"))
        bad.figures.clear(), bad.standards.clear();

    const Monitoring before = m_document->round().monitoring;
    const QByteArray hash = fileHash(path());
    const Result<qint64> received = m_document->addReturn(bad);
    QVERIFY(!received);
    QVERIFY2(received.errorMessage().contains(named), qPrintable(received.errorMessage()));
    QCOMPARE(m_document->round().monitoring, before);
    QCOMPARE(fileHash(path()), hash);
}

void TestMonitoringDocument::sameFileIsReceivedOnce()
{
    QVERIFY(m_document->setProfile(profile()));
    // Without a contract period nothing can be received.
    {
        Round round = baseRound();
        const QString file = m_dir.filePath(QStringLiteral("noperiod.cocom"));
        QVERIFY(!createRoundFile(file, round).isEmpty());
        auto document = openRoundFile(file);
        QVERIFY(document);
        const Result<qint64> refused = document->addReturn(performanceReturn("2019-04", 1, 0));
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("contract period")),
                 qPrintable(refused.errorMessage()));
    }
    PerformanceReturn r = performanceReturn("2019-04", 9, 1);
    r.sha256 = QStringLiteral("abc123");
    QVERIFY(m_document->addReturn(r));
    PerformanceReturn again = performanceReturn("2019-05", 9, 1, QStringLiteral("again.csv"));
    again.sha256 = QStringLiteral("abc123");
    const Result<qint64> refused = m_document->addReturn(again);
    QVERIFY(!refused);
    QVERIFY2(refused.errorMessage().contains(QStringLiteral("received already")),
             qPrintable(refused.errorMessage()));
    // Nor can a redo bring back an id that is taken.
    PerformanceReturn taken = performanceReturn("2019-05", 9, 1);
    taken.id = 1;
    QVERIFY(!m_document->addReturn(taken));
    QCOMPARE(m_document->round().monitoring.returns.size(), 1);
}

void TestMonitoringDocument::returnsAreKeptAndTheLatestCanBeUndone()
{
    QVERIFY(m_document->setProfile(profile()));
    const qint64 first = *m_document->addReturn(performanceReturn("2019-04", 9, 1));
    const qint64 second =
        *m_document->addReturn(performanceReturn("2019-04", 8, 1, QStringLiteral("fix.csv")));
    // The first is kept for good: its figures are superseded, not overwritten.
    const Status kept = m_document->removeReturn(first);
    QVERIFY(!kept);
    QVERIFY2(kept.errorMessage().contains(QStringLiteral("correction")),
             qPrintable(kept.errorMessage()));
    QCOMPARE(m_document->round().monitoring.returns.size(), 2);
    QCOMPARE(m_document->round().monitoring.returns.at(0).figures.at(0).value, 9.0);
    // The latest can go (the undo of receiving it), and then the first is the latest.
    QVERIFY(m_document->removeReturn(second));
    QVERIFY(!m_document->removeReturn(second));
    QVERIFY(m_document->removeReturn(first));
    QVERIFY(m_document->round().monitoring.returns.isEmpty());
}

void TestMonitoringDocument::illustrativeAndRealReturnsNeverMix()
{
    QVERIFY(m_document->setProfile(profile()));
    PerformanceReturn invented = performanceReturn("2019-04", 9, 1, QStringLiteral("demo"));
    invented.illustrative = true;
    QVERIFY(m_document->addReturn(invented));
    PerformanceReturn invented2 = performanceReturn("2019-05", 9, 1, QStringLiteral("demo 2"));
    invented2.illustrative = true;
    QVERIFY(m_document->addReturn(invented2));
    const Result<qint64> real = m_document->addReturn(performanceReturn("2019-04", 7, 0));
    QVERIFY(!real);
    QVERIFY2(real.errorMessage().contains(QStringLiteral("illustrative")),
             qPrintable(real.errorMessage()));

    // Removed in one undo step, which brings them back with their ids.
    const QList<PerformanceReturn> before = m_document->round().monitoring.returns;
    QUndoStack *stack = m_document->undoStack();
    stack->clear();
    QVERIFY(Commands::removeIllustrativeReturns(m_document.get()));
    QCOMPARE(stack->count(), 1);
    QVERIFY(m_document->round().monitoring.returns.isEmpty());
    stack->undo();
    QCOMPARE(m_document->round().monitoring.returns, before);
    stack->redo();
    QVERIFY(m_document->round().monitoring.returns.isEmpty());
    QVERIFY(m_document->addReturn(performanceReturn("2019-04", 7, 0)));
    // Nothing illustrative left: the command pushes nothing.
    const int count = stack->count();
    QVERIFY(Commands::removeIllustrativeReturns(m_document.get()));
    QCOMPARE(stack->count(), count);
}

void TestMonitoringDocument::profileCannotShrinkPastTheReturns()
{
    QVERIFY(m_document->setProfile(profile()));
    QVERIFY(m_document->addReturn(performanceReturn("2020-03", 9, 1)));
    ContractProfile shorter = profile();
    shorter.months = 6; // to 2019-09
    const QByteArray hash = fileHash(path());
    const Status s = m_document->setProfile(shorter);
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(QStringLiteral("2020-03")), qPrintable(s.errorMessage()));
    QCOMPARE(m_document->round().monitoring.profile, profile());
    QCOMPARE(fileHash(path()), hash);
    ContractProfile longer = profile();
    longer.months = 36;
    QVERIFY(m_document->setProfile(longer));

    // A profile's own figures must lie in its period, and it needs a period to hold any.
    ContractProfile bad = profile();
    bad.figures[0].period = month("2019-03");
    QVERIFY(!m_document->setProfile(bad));
    bad = profile();
    bad.start = QDate();
    bad.months = 0;
    QVERIFY(!m_document->setProfile(bad));
    bad = profile();
    bad.figures[1].value = -1;
    QVERIFY(!m_document->setProfile(bad));
    QCOMPARE(m_document->round().monitoring.profile, longer);
}

void TestMonitoringDocument::stageLock_data()
{
    QTest::addColumn<StageStatus>("status");
    QTest::addColumn<bool>("editable");
    QTest::newRow("in progress") << StageStatus::InProgress << true;
    QTest::newRow("ready") << StageStatus::ReadyForSignOff << false;
    QTest::newRow("signed off") << StageStatus::SignedOff << false;
}

void TestMonitoringDocument::stageLock()
{
    QFETCH(StageStatus, status);
    QFETCH(bool, editable);
    Round round = baseRound();
    round.monitoring.profile.start = month("2019-04");
    round.monitoring.profile.months = 24;
    round.stage(StageId::Monitoring).status = status;
    const QString file = m_dir.filePath(QStringLiteral("locked%1.cocom").arg(m_count));
    QVERIFY(!createRoundFile(file, round).isEmpty());
    std::unique_ptr<RoundDocument> document = openRoundFile(file);
    QVERIFY(document);
    QCOMPARE(document->whyMonitoringFrozen().isEmpty(), editable);
    QCOMPARE(bool(document->setBoard(board())), editable);
    ContractProfile p = round.monitoring.profile;
    p.months = 30;
    QCOMPARE(bool(document->setProfile(p)), editable);
    PerformanceReturn r;
    r.source = QStringLiteral("r.csv");
    r.figures = {{month("2019-04"), document->round().adoptedPlan()->cpas.first().id,
                  QStringLiteral("esa_wrag"), MonitoringMeasure::Referrals, 3}};
    QCOMPARE(bool(document->addReturn(r)), editable);
}

void TestMonitoringDocument::cpaNamedByMonitoringStays()
{
    QVERIFY(m_document->replaceTender({}));
    ServiceDesign design = m_document->round().design;
    design.conditions.clear();
    design.volumes.clear();
    for (PaymentScenario &s : design.scenarios)
        s.tariffs.erase(std::remove_if(s.tariffs.begin(), s.tariffs.end(),
                                       [](const GroupTariff &t) { return t.cpa.isValid(); }),
                        s.tariffs.end());
    QVERIFY(m_document->setDesign(design));
    const CpaPlan plan = *m_document->round().adoptedPlan();
    ContractProfile p = profile();
    p.figures = {{month("2019-04"), plan.cpas.last().id, QStringLiteral("esa_wrag"),
                  MonitoringMeasure::Starts, 4}};
    QVERIFY(m_document->setProfile(p));
    const Status removed = m_document->removeCpa(plan.cpas.last().id);
    QVERIFY(!removed);
    QVERIFY2(removed.errorMessage().contains(QStringLiteral("contract profile")),
             qPrintable(removed.errorMessage()));
    const Result<PlanId> other = m_document->duplicatePlan(plan.id, QStringLiteral("Copy"));
    QVERIFY(other);
    QVERIFY(!m_document->adoptPlan(*other));
    p.figures.clear();
    QVERIFY(m_document->setProfile(p));
    QVERIFY(m_document->adoptPlan(*other));
}

void TestMonitoringDocument::changesAreAudited()
{
    QVERIFY(m_document->setBoard(board()));
    ProgrammeBoard changed = board();
    changed.actions[0].status = ActionStatus::Done;
    QVERIFY(m_document->setBoard(changed, QStringLiteral("Action 1 done")));
    auto entries = m_document->auditEntries();
    QVERIFY(entries);
    const AuditEntry &last = entries->constLast();
    QCOMPARE(last.action, QStringLiteral("set_board"));
    QCOMPARE(last.subject, QStringLiteral("Action 1 done"));
    QVERIFY2(last.before.startsWith(QStringLiteral("actions and issues:")),
             qPrintable(last.before));
    QVERIFY(last.before.contains(QStringLiteral("open")));
    QVERIFY(last.after.contains(QStringLiteral("done")));
    QVERIFY(!last.after.contains(QStringLiteral("members:")));

    QVERIFY(m_document->setProfile(profile()));
    QVERIFY(m_document->addReturn(performanceReturn("2019-04", 9, 1, QStringLiteral("april.csv"))));
    entries = m_document->auditEntries();
    QCOMPARE(entries->constLast().action, QStringLiteral("add_return"));
    QVERIFY(entries->constLast().subject.contains(QStringLiteral("april.csv")));
    QVERIFY(entries->constLast().after.contains(QStringLiteral("2 figures")));
}

void TestMonitoringDocument::commandsUndoAndRedo()
{
    QUndoStack *stack = m_document->undoStack();
    stack->clear();
    QVERIFY(Commands::setBoard(m_document.get(), board(), QStringLiteral("Set up the board")));
    ProgrammeBoard b = board();
    for (double green : {96.0, 97.0, 98.0}) {
        b.greenPercent = green;
        QVERIFY(Commands::setBoard(m_document.get(), b, QStringLiteral("Green threshold"),
                                   QStringLiteral("green")));
    }
    QCOMPARE(stack->count(), 2);
    QVERIFY(Commands::setProfile(m_document.get(), profile(), QStringLiteral("Enter profile")));
    const Result<qint64> id =
        Commands::receiveReturn(m_document.get(), performanceReturn("2019-04", 9, 1));
    QVERIFY2(id, qPrintable(id.errorMessage()));
    QCOMPARE(*id, 1);
    QCOMPARE(stack->count(), 4);
    const Monitoring full = m_document->round().monitoring;

    stack->undo(); // the return
    QVERIFY(m_document->round().monitoring.returns.isEmpty());
    stack->undo(); // the profile
    QVERIFY(m_document->round().monitoring.profile.isEmpty());
    stack->undo(); // the thresholds, merged
    QCOMPARE(m_document->round().monitoring.board.greenPercent, 97.5);
    stack->undo();
    QVERIFY(m_document->round().monitoring.board.isEmpty());
    for (int i = 0; i < 4; ++i)
        stack->redo();
    QCOMPARE(m_document->round().monitoring, full);

    // A refused return pushes nothing.
    const Result<qint64> refused =
        Commands::receiveReturn(m_document.get(), performanceReturn("2030-01", 1, 0));
    QVERIFY(!refused);
    QCOMPARE(stack->count(), 4);
}

void TestMonitoringDocument::quorumAtItsEdges()
{
    ProgrammeBoard b = board(); // four voting members, one advisory
    QCOMPARE(b.votingMembers(), 4);
    QCOMPARE(b.quorumNeeded(), 3); // more than half of four
    BoardMeeting meeting = b.meetings.first();
    QCOMPARE(b.votingPresent(meeting), 3);
    QVERIFY(b.isQuorate(meeting));
    // One fewer voting member present: not quorate; the advisory member does not count.
    meeting.attendees = {QStringLiteral("Cllr A"), QStringLiteral("C Coach"),
                         QStringLiteral("E Officer")};
    QCOMPARE(b.votingPresent(meeting), 2);
    QVERIFY(!b.isQuorate(meeting));
    // Names match without case, as the board's names are unique without case.
    meeting.attendees = {QStringLiteral("cllr a"), QStringLiteral("c coach"),
                         QStringLiteral("d manager")};
    QVERIFY(b.isQuorate(meeting));
    // A quorum the board sets replaces the majority.
    b.quorum = 2;
    meeting.attendees = {QStringLiteral("Cllr A"), QStringLiteral("B Business")};
    QVERIFY(b.isQuorate(meeting));
    meeting.attendees = {QStringLiteral("Cllr A")};
    QVERIFY(!b.isQuorate(meeting));
    // Three voting members need two; five need three.
    b.quorum = 0;
    b.members.removeAt(1);
    QCOMPARE(b.quorumNeeded(), 2);
    // A board without voting members is never quorate.
    ProgrammeBoard advisory;
    advisory.members = {{QStringLiteral("E Officer"), BoardRole::Officer, QString(), false}};
    BoardMeeting all{1, QDate(2019, 1, 1), QString(), {QStringLiteral("E Officer")}, QString()};
    QVERIFY(!advisory.isQuorate(all));
}

void TestMonitoringDocument::overdueAtItsEdges()
{
    BoardAction a{1,         ActionKind::Action, QStringLiteral("Do it"), 0,
                  QString(), QDate(2019, 7, 1),  ActionStatus::Open,      QString()};
    QVERIFY(!a.isOverdue(QDate(2019, 7, 1))); // due today is not overdue
    QVERIFY(a.isOverdue(QDate(2019, 7, 2)));
    a.status = ActionStatus::InProgress;
    QVERIFY(a.isOverdue(QDate(2019, 7, 2)));
    a.status = ActionStatus::Done;
    QVERIFY(!a.isOverdue(QDate(2019, 7, 2)));
    a.status = ActionStatus::Withdrawn;
    QVERIFY(!a.isOverdue(QDate(2019, 7, 2)));
    a.status = ActionStatus::Open;
    a.due = QDate();
    QVERIFY(!a.isOverdue(QDate(2030, 1, 1))); // no due date, never overdue
}

QTEST_GUILESS_MAIN(TestMonitoringDocument)
#include "tst_monitoringdocument.moc"
