#include "core/store/migrations.h"
#include "core/store/sql.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void schemaStepsAreNumberedInOrder();
    void runAppliesStepsAfterTheFileVersion();
    void failingStepIsRolledBackAndNamed();

private:
    int userVersion();
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
};

void TestMigrations::init()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("migrations"));
    m_db.setDatabaseName(m_dir.filePath(QStringLiteral("m.sqlite")));
    QVERIFY(m_db.open());
}

void TestMigrations::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("migrations"));
    QFile::remove(m_dir.filePath(QStringLiteral("m.sqlite")));
}

int TestMigrations::userVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TestMigrations::schemaStepsAreNumberedInOrder()
{
    const QList<Migration> &steps = Migrations::schemaSteps();
    QVERIFY(!steps.isEmpty());
    for (qsizetype i = 0; i < steps.size(); ++i) {
        QCOMPARE(steps[i].toVersion, int(i) + 1);
        QVERIFY(!steps[i].description.isEmpty());
    }
    QCOMPARE(Migrations::latestVersion(), int(steps.size()));
}

static Migration step(int to, const QString &sql)
{
    return {to, QStringLiteral("step %1").arg(to), [sql](QSqlDatabase &db) {
                return Sql::exec(db, sql);
            }};
}

void TestMigrations::runAppliesStepsAfterTheFileVersion()
{
    const QList<Migration> steps = {
        step(1, QStringLiteral("CREATE TABLE t (v INTEGER)")),
        step(2, QStringLiteral("INSERT INTO t VALUES (2)")),
        step(3, QStringLiteral("INSERT INTO t VALUES (3)")),
    };
    QVERIFY(Migrations::run(m_db, 0, {steps[0]}));
    QCOMPARE(userVersion(), 1);
    QVERIFY(Migrations::run(m_db, 1, steps)); // step 1 is skipped: it would fail if run twice
    QCOMPARE(userVersion(), 3);
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT group_concat(v) FROM t")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("2,3"));
}

void TestMigrations::failingStepIsRolledBackAndNamed()
{
    const QList<Migration> steps = {
        step(1, QStringLiteral("CREATE TABLE t (v INTEGER)")),
        {2, QStringLiteral("half-done step"),
         [](QSqlDatabase &db) -> Status {
             if (Status s = Sql::exec(db, QStringLiteral("INSERT INTO t VALUES (2)")); !s)
                 return s;
             return Sql::exec(db, QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
         }},
        step(3, QStringLiteral("INSERT INTO t VALUES (3)")),
    };
    const Status s = Migrations::run(m_db, 0, steps);
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(QStringLiteral("format 2")), qPrintable(s.errorMessage()));
    QVERIFY(s.errorMessage().contains(QStringLiteral("half-done step")));
    QCOMPARE(userVersion(), 1);
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM t")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
