#include "core/store/auditlog.h"
#include "core/store/migrations.h"
#include "core/store/sql.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appendChainsEntries();
    void intactChainVerifies();
    void changedFieldIsNamed_data();
    void changedFieldIsNamed();
    void removedEntryIsFound();
    void removedLastEntryIsFound();

private:
    void appendEntries(int count);
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
};

void TestAuditLog::init()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
    m_db.setDatabaseName(m_dir.filePath(QStringLiteral("a.cocom")));
    QVERIFY(m_db.open());
    QVERIFY(Migrations::run(m_db, 0, Migrations::schemaSteps()));
    appendEntries(5);
}

void TestAuditLog::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
    QFile::remove(m_dir.filePath(QStringLiteral("a.cocom")));
}

void TestAuditLog::appendEntries(int count)
{
    for (int i = 0; i < count; ++i) {
        QVERIFY(m_db.transaction());
        QVERIFY(AuditLog::append(m_db, {0,
                                        QDateTime::currentDateTimeUtc(),
                                        QStringLiteral("officer"),
                                        QStringLiteral("set_title"),
                                        QStringLiteral("round"),
                                        QStringLiteral("Title %1").arg(i),
                                        QStringLiteral("Title %1").arg(i + 1),
                                        {},
                                        {}}));
        QVERIFY(m_db.commit());
    }
}

void TestAuditLog::appendChainsEntries()
{
    const auto entries = AuditLog::entries(m_db);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 5);
    QCOMPARE(entries->first().previousHash, AuditLog::genesisHash());
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const AuditEntry &e = entries->at(i);
        QCOMPARE(e.seq, i + 1);
        QCOMPARE(e.hash.size(), 64);
        QCOMPARE(e.hash, AuditLog::hashOf(e));
        if (i > 0)
            QCOMPARE(e.previousHash, entries->at(i - 1).hash);
    }
}

void TestAuditLog::intactChainVerifies()
{
    QCOMPARE(AuditLog::verify(m_db), QStringList());
}

void TestAuditLog::changedFieldIsNamed_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::newRow("actor") << "actor = 'someone else'";
    QTest::newRow("before") << "before = 'Title X'";
    QTest::newRow("after") << "after = 'Forged'";
    QTest::newRow("time") << "at = '2020-01-01T00:00:00.000Z'";
    QTest::newRow("hash recomputed without the chain") << "prev_hash = hash";
}

void TestAuditLog::changedFieldIsNamed()
{
    QFETCH(QString, assignment);
    QVERIFY(
        Sql::exec(m_db, QStringLiteral("UPDATE audit_log SET %1 WHERE seq = 3").arg(assignment)));
    const QStringList problems = AuditLog::verify(m_db);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().contains(QStringLiteral("Audit entry 3")),
             qPrintable(problems.join(u'\n')));
    for (const QString &p : problems)
        QVERIFY2(!p.contains(QStringLiteral("entry 2 ")), qPrintable(p));
}

void TestAuditLog::removedEntryIsFound()
{
    QVERIFY(Sql::exec(m_db, QStringLiteral("DELETE FROM audit_log WHERE seq = 2")));
    const QStringList problems = AuditLog::verify(m_db);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.join(u'\n').contains(QStringLiteral("2 to 2 are missing")),
             qPrintable(problems.join(u'\n')));
}

void TestAuditLog::removedLastEntryIsFound()
{
    QVERIFY(Sql::exec(m_db, QStringLiteral("DELETE FROM audit_log WHERE seq = 5")));
    const QStringList problems = AuditLog::verify(m_db);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QStringLiteral("removed from its end")));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
