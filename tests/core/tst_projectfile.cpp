#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "core/store/migrations.h"
#include "core/store/projectfile.h"
#include "core/store/verifier.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

class TestProjectFile : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void createThenReopenKeepsTheRound();
    void createRefusesAnExistingFile();
    void refusesNewerFormatAndLeavesItUntouched();
    void refusesFilesThatAreNotRounds_data();
    void refusesFilesThatAreNotRounds();
    void opensARoundWhoseCommitWasCutShort();
    void secondOpenerGetsReadOnlyAndIsTold();
    void lockIsReleasedOnClose();
    void anotherProcessHoldingTheRoundMakesItReadOnly();
    void lockFileNamingNoOneIsRemovedOnceOld();
    void lockFileThatCannotBeWrittenMakesItReadOnly();
    void firstSchemaFileOpensWithEveryLaterMigration();
    void everyEditIsOneTransaction();
    void failedWriteChangesNothing();

private:
    QString demoFile(const QString &name = QStringLiteral("round.cocom"));
    /** Runs \a sql on \a path through a separate raw connection, as a tool outside would. */
    static void rawExec(const QString &path, const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProjectFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestProjectFile::demoFile(const QString &name)
{
    const QString path = m_dir->filePath(name);
    const Result<Round> demo = LondonRound::demo();
    if (!demo)
        qFatal("demo round: %s", qPrintable(demo.errorMessage()));
    auto document = RoundDocument::create(path, *demo, QStringLiteral("tester"));
    if (!document)
        qFatal("create: %s", qPrintable(document.errorMessage()));
    return path;
}

void TestProjectFile::rawExec(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

void TestProjectFile::createThenReopenKeepsTheRound()
{
    const QString path = m_dir->filePath(QStringLiteral("r.cocom"));
    Round demo = *LondonRound::demo();
    // The parts a new round may bring beyond the demo's.
    demo.plans.first().rule = AdjacencyRule::LandContactOnly;
    demo.plans.first().balanceIndicator = QStringLiteral("claimant_count");
    demo.plans.first().minimumSize = 500;
    demo.priorityMethod = RankingMethod::PointsSum;
    demo.boundaries = {QStringLiteral("b.geojson"), QString(64, QLatin1Char('c')),
                       QStringLiteral("code"), QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC),
                       QByteArray("{\"type\": \"FeatureCollection\", \"features\": []}")};
    Round created;
    {
        auto document = RoundDocument::create(path, demo, QStringLiteral("tester"));
        QVERIFY2(document, qPrintable(document.errorMessage()));
        created = (*document)->round();
        QVERIFY(!(*document)->isReadOnly());
    }
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
    auto reopened = RoundDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round(), created);
    QCOMPARE((*reopened)->round().authorities.size(), 33);
    QCOMPARE((*reopened)->round().plans.first().minimumSize, std::optional(500.0));
    QCOMPARE((*reopened)->round().priorityMethod, RankingMethod::PointsSum);
    QCOMPARE((*reopened)->round().boundaries, demo.boundaries);
}

void TestProjectFile::createRefusesAnExistingFile()
{
    const QString path = demoFile();
    const QByteArray before = TestSupport::fileHash(path);
    auto again = RoundDocument::create(path, *LondonRound::blank(QStringLiteral("x")));
    QVERIFY(!again);
    QVERIFY(again.errorMessage().contains(QStringLiteral("already exists")));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestProjectFile::refusesNewerFormatAndLeavesItUntouched()
{
    const QString path = demoFile();
    rawExec(path, QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() + 1));
    const QByteArray before = TestSupport::fileHash(path);

    auto document = RoundDocument::open(path);
    QVERIFY(!document);
    QVERIFY2(document.errorMessage().contains(QStringLiteral("newer version")),
             qPrintable(document.errorMessage()));
    QVERIFY(document.errorMessage().contains(QStringLiteral("round.cocom")));
    QVERIFY(document.errorMessage().contains(QStringLiteral("has not been changed")));
    QCOMPARE(TestSupport::fileHash(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
    QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
}

void TestProjectFile::refusesFilesThatAreNotRounds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");

    QTest::newRow("another SQLite database") << "sqlite"
                                             << "not a CoCommission round";
    QTest::newRow("a text file") << "text"
                                 << "not an SQLite database";
    QTest::newRow("an empty file") << "empty"
                                   << "is empty";
    QTest::newRow("a round cut short") << "truncated"
                                       << "is truncated";
    QTest::newRow("a round cut inside its header") << "header"
                                                   << "is truncated";
    QTest::newRow("a missing file") << "missing"
                                    << "does not exist";
}

void TestProjectFile::refusesFilesThatAreNotRounds()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);

    const QString path = m_dir->filePath(QStringLiteral("suspect.cocom"));
    if (kind == QLatin1String("sqlite")) {
        rawExec(path, QStringLiteral("CREATE TABLE budgets (year INTEGER, amount REAL)"));
    } else if (kind == QLatin1String("text") || kind == QLatin1String("empty")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (kind == QLatin1String("text"))
            file.write("gss_code,cpa\nE09000001,Central\n");
    } else if (kind == QLatin1String("truncated") || kind == QLatin1String("header")) {
        QFile::copy(demoFile(), path);
        QFile file(path);
        QVERIFY(file.resize(kind == QLatin1String("header") ? 60 : file.size() / 2));
    }
    const QByteArray before = TestSupport::fileHash(path);

    auto document = RoundDocument::open(path);
    QVERIFY(!document);
    QVERIFY2(document.errorMessage().contains(expected), qPrintable(document.errorMessage()));
    QVERIFY(document.errorMessage().contains(QStringLiteral("suspect.cocom")));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestProjectFile::opensARoundWhoseCommitWasCutShort()
{
    // What a kill in the middle of a commit can leave (seen by the crash harness's reading of
    // SQLite's commit order): page 1 already says the file has grown, the file has not, and
    // the hot journal holds the pages as they were. SQLite rolls it back; it is not truncated.
    const QString path = demoFile(QStringLiteral("cut.cocom"));
    Round before;
    {
        auto document = RoundDocument::open(path);
        QVERIFY(document);
        before = (*document)->round();
    }
    const QByteArray original = TestSupport::fileHash(path);
    const qint64 originalSize = QFileInfo(path).size();

    QByteArray journal;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("grow"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        // A tiny page cache makes SQLite sync the journal and spill pages mid-transaction, so
        // the journal is complete, as it is at the moment of a commit.
        for (const char *sql :
             {"PRAGMA journal_mode = DELETE", "PRAGMA synchronous = FULL", "PRAGMA cache_size = 2",
              "BEGIN", "CREATE TABLE pad (x BLOB)", "INSERT INTO pad VALUES (zeroblob(2000000))"})
            QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
        QFile hot(path + QStringLiteral("-journal"));
        QVERIFY(hot.open(QIODevice::ReadOnly));
        journal = hot.readAll();
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("grow"));
    {
        QFile file(path);
        QVERIFY(file.size() > originalSize);
        QVERIFY(file.resize(originalSize)); // the new page 1, the file not yet grown
        QFile hot(path + QStringLiteral("-journal"));
        QVERIFY(hot.open(QIODevice::WriteOnly));
        QCOMPARE(hot.write(journal), journal.size());
    }
    QVERIFY(ProjectFile::inspect(path)); // said "truncated" before the journal was considered

    {
        auto document = RoundDocument::open(path);
        QVERIFY2(document, qPrintable(document.errorMessage()));
        QCOMPARE((*document)->round(), before);
    }
    QCOMPARE(TestSupport::fileHash(path), original);
    const Result<VerifyReport> report = verifyRoundFile(path);
    QVERIFY2(report && report->passed(), qPrintable(report.errorMessage()));
}

void TestProjectFile::secondOpenerGetsReadOnlyAndIsTold()
{
    const QString path = demoFile();
    auto first = RoundDocument::open(path);
    QVERIFY(first);
    QVERIFY(!(*first)->isReadOnly());

    auto second = RoundDocument::open(path);
    QVERIFY2(second, qPrintable(second.errorMessage()));
    QVERIFY((*second)->isReadOnly());
    QVERIFY2((*second)->readOnlyReason().contains(QStringLiteral("another CoCommission window")),
             qPrintable((*second)->readOnlyReason()));
    QCOMPARE((*second)->round(), (*first)->round());

    QSignalSpy failed(second->get(), &RoundDocument::writeFailed);
    const Status s = (*second)->setTitle(QStringLiteral("Changed by the second window"));
    QVERIFY(!s);
    QCOMPARE(failed.count(), 1);
    QVERIFY((*first)->setTitle(QStringLiteral("Changed by the first window")));
}

void TestProjectFile::lockIsReleasedOnClose()
{
    const QString path = demoFile();
    {
        auto first = RoundDocument::open(path);
        QVERIFY(first && !(*first)->isReadOnly());
    }
    auto again = RoundDocument::open(path);
    QVERIFY(again);
    QVERIFY(!(*again)->isReadOnly());
}

void TestProjectFile::anotherProcessHoldingTheRoundMakesItReadOnly()
{
    const QString binary = TestSupport::binaryPath();
    if (binary.isEmpty())
        QSKIP("COCOMMISSION_BINARY is not set (run through ctest)");
    const QString path = demoFile();
    QProcess holder;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    holder.setProcessEnvironment(env);
    holder.start(binary, {path});
    QVERIFY(holder.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path + QStringLiteral(".lock")), 20000);

    {
        auto second = RoundDocument::open(path);
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QVERIFY((*second)->isReadOnly());
        QVERIFY2((*second)->readOnlyReason().contains(QString::number(holder.processId())),
                 qPrintable((*second)->readOnlyReason()));
    }

    // A holder that dies without closing leaves its lock behind; the lock is recognised as
    // stale and the round opens for writing again.
    holder.kill();
    QVERIFY(holder.waitForFinished());
    QVERIFY(QFile::exists(path + QStringLiteral(".lock")));
    auto after = RoundDocument::open(path);
    QVERIFY2(after, qPrintable(after.errorMessage()));
    QVERIFY2(!(*after)->isReadOnly(), qPrintable((*after)->readOnlyReason()));
    QVERIFY(verifyRoundFile(path)->passed());
}

void TestProjectFile::lockFileNamingNoOneIsRemovedOnceOld()
{
    // A writer killed between creating its lock file and writing its name leaves it empty.
    const QString path = demoFile();
    const QString lock = path + QStringLiteral(".lock");
    QFile empty(lock);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    {
        // Fresh, it may be a writer at work: read-only, and told so.
        auto young = RoundDocument::open(path);
        QVERIFY2(young, qPrintable(young.errorMessage()));
        QVERIFY((*young)->isReadOnly());
        QVERIFY2((*young)->readOnlyReason().contains(QStringLiteral("opening")),
                 qPrintable((*young)->readOnlyReason()));
        QVERIFY(!(*young)->setTitle(QStringLiteral("Refused")));
    }
    QVERIFY(QFile::exists(lock));

    // Two minutes old and still naming no one: removed, and the round opens for writing.
    QVERIFY(empty.open(QIODevice::Append));
    QVERIFY(empty.setFileTime(QDateTime::currentDateTime().addSecs(-120),
                              QFileDevice::FileModificationTime));
    empty.close();
    {
        auto old = RoundDocument::open(path);
        QVERIFY2(old, qPrintable(old.errorMessage()));
        QVERIFY2(!(*old)->isReadOnly(), qPrintable((*old)->readOnlyReason()));
        QVERIFY((*old)->setTitle(QStringLiteral("Taken over")));
        QFile now(lock);
        QVERIFY(now.open(QIODevice::ReadOnly));
        QVERIFY(now.readAll().startsWith(QByteArray::number(QCoreApplication::applicationPid())));
    }
    QVERIFY(!QFile::exists(lock));
    QVERIFY(verifyRoundFile(path)->passed());
}

void TestProjectFile::lockFileThatCannotBeWrittenMakesItReadOnly()
{
    // A name of 252 characters leaves no room for ".lock" (the limit is 255), which fails to
    // be created whoever runs the test: the round opens read-only and says why.
    const QString longName = QString(246, QLatin1Char('r')) + QStringLiteral(".cocom");
    const QString path = m_dir->filePath(longName);
    QVERIFY(QFile::rename(demoFile(), path));

    auto document = RoundDocument::open(path);
    QVERIFY2(document, qPrintable(document.errorMessage()));
    QVERIFY((*document)->isReadOnly());
    QVERIFY2((*document)->readOnlyReason().contains(QStringLiteral("lock file")),
             qPrintable((*document)->readOnlyReason()));
    QVERIFY(!(*document)->setTitle(QStringLiteral("Refused")));
}

void TestProjectFile::firstSchemaFileOpensWithEveryLaterMigration()
{
    const QString fixture = TestSupport::dataDir() + QStringLiteral("/store/schema1.cocom");
    QVERIFY2(QFile::exists(fixture), qPrintable(fixture));
    QCOMPARE(ProjectFile::inspect(fixture)->userVersion, 1);
    const QString path = m_dir->filePath(QStringLiteral("schema1.cocom"));
    QVERIFY(QFile::copy(fixture, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    {
        auto document = RoundDocument::open(path);
        QVERIFY2(document, qPrintable(document.errorMessage()));
        const Round &round = (*document)->round();
        QCOMPARE(round.authorities.size(), 33);
        QCOMPARE(round.partnerships.size(), 4);
        QVERIFY(round.adoptedPlan());
        QCOMPARE(round.stage(StageId::Needs).status, StageStatus::SignedOff);
        QCOMPARE(round.signOffs.size(), 2);
        // Parts added by later formats start empty or at their defaults.
        QCOMPARE(round.adoptedPlan()->rule, AdjacencyRule::LegalBoundary);
        QVERIFY(round.adoptedPlan()->balanceIndicator.isEmpty());
        QVERIFY(!round.adoptedPlan()->minimumSize);
        QCOMPARE(round.priorityMethod, RankingMethod::Borda);
        QVERIFY(round.agreements.isEmpty());
        QVERIFY(round.boundaries.isEmpty());
        QVERIFY((*document)->snapshotRound(round.signOffs.first().snapshot));
        if (Migrations::latestVersion() > 1)
            QVERIFY(QFile::exists((*document)->upgradeBackupPath()));
        QVERIFY((*document)->setTitle(QStringLiteral("Edited after the upgrade")));
    }
    QCOMPARE(ProjectFile::inspect(path)->userVersion, Migrations::latestVersion());
    const Result<VerifyReport> report = verifyRoundFile(path);
    QVERIFY(report);
    QVERIFY(report->passed());
}

void TestProjectFile::everyEditIsOneTransaction()
{
    const QString path = demoFile();
    auto document = RoundDocument::open(path);
    QVERIFY(document);
    const auto before = (*document)->auditEntries();
    QVERIFY((*document)->setTitle(QStringLiteral("North and east London round")));
    const auto after = (*document)->auditEntries();
    QCOMPARE(after->size(), before->size() + 1);
    const AuditEntry &entry = after->constLast();
    QCOMPARE(entry.action, QStringLiteral("set_title"));
    QCOMPARE(entry.after, QStringLiteral("North and east London round"));
    QCOMPARE(entry.before, LondonRound::demo()->title);
    document->reset();

    // What was acknowledged is in the file, as another process sees it.
    auto reopened = RoundDocument::open(path, {.readOnly = true});
    QCOMPARE((*reopened)->round().title, QStringLiteral("North and east London round"));
}

void TestProjectFile::failedWriteChangesNothing()
{
    const QString path = demoFile();
    // A trigger stands in for a write that fails half-way (disk full, I/O error): the title is
    // written first, then the audit entry fails. Both must be rolled back.
    rawExec(path, QStringLiteral("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log "
                                 "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"));
    auto document = RoundDocument::open(path);
    QVERIFY(document);
    const Round before = (*document)->round();
    QSignalSpy failed(document->get(), &RoundDocument::writeFailed);
    QSignalSpy changed(document->get(), &RoundDocument::roundChanged);

    const Status s = (*document)->setTitle(QStringLiteral("Never saved"));
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(QStringLiteral("nothing was changed")),
             qPrintable(s.errorMessage()));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE((*document)->round(), before);
    document->reset();
    auto reopened = RoundDocument::open(path, {.readOnly = true});
    QCOMPARE((*reopened)->round().title, before.title);
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
