// `cocommission script`: each edit of the vocabulary, the acknowledgements, refusals naming the
// script's file, line and field with nothing changed, read-only and locked rounds refused, and
// a script read from standard input by the real program.

#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace CoCommission;
using namespace CoCommission::TestSupport;

using RoundCheck = std::function<bool(const Round &)>;
Q_DECLARE_METATYPE(RoundCheck)

class TestCliScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void eachEdit_data();
    void eachEdit();
    void acknowledgementsNameTheLines();
    void refusals_data();
    void refusals();
    void editsBeforeARefusalStay();
    void readOnlyRoundRefused();
    void lockedRoundRefused();
    void missingScriptRefused();
    void readsStandardInput();

private:
    QString writeScript(const QByteArray &text) const;
    std::unique_ptr<RoundDocument> reopen() const;

    QTemporaryDir m_dir;
    QString m_path;
    int m_round = 0;
};

namespace {

const CpaPlan *planNamed(const Round &round, const QString &name)
{
    for (const CpaPlan &plan : round.plans) {
        if (plan.name == name)
            return &plan;
    }
    return nullptr;
}

const Cpa *cpaNamed(const Round &round, const QString &plan, const QString &name)
{
    const CpaPlan *p = planNamed(round, plan);
    if (!p)
        return nullptr;
    for (const Cpa &cpa : p->cpas) {
        if (cpa.name == name)
            return &cpa;
    }
    return nullptr;
}

} // namespace

void TestCliScript::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestCliScript::init()
{
    // A fresh demo round for every test function, so that tests do not depend on each other.
    m_path = m_dir.filePath(QStringLiteral("round%1.cocom").arg(++m_round));
    QVERIFY(!createRoundFile(m_path, *LondonRound::demo()).isEmpty());
}

QString TestCliScript::writeScript(const QByteArray &text) const
{
    const QString path = m_dir.filePath(QStringLiteral("script%1.txt").arg(m_round));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(text);
    return path;
}

std::unique_ptr<RoundDocument> TestCliScript::reopen() const
{
    auto opened = RoundDocument::open(m_path, {.readOnly = true});
    if (!opened) {
        qWarning("%s", qPrintable(opened.errorMessage()));
        return {};
    }
    return std::move(*opened);
}

void TestCliScript::eachEdit_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<RoundCheck>("check");

    QTest::newRow("title") << QByteArray("title \"Crash-proof round\"\n")
                           << RoundCheck([](const Round &r) {
                                  return r.title == QLatin1String("Crash-proof round");
                              });
    QTest::newRow("programme") << QByteArray("programme \"Work and Health Programme\"\n")
                               << RoundCheck([](const Round &r) {
                                      return r.programme ==
                                             QLatin1String("Work and Health Programme");
                                  });
    QTest::newRow("plan add") << QByteArray("plan add \"Plan B\"\n")
                              << RoundCheck([](const Round &r) {
                                     const CpaPlan *p = planNamed(r, QStringLiteral("Plan B"));
                                     return p && !p->adopted && p->cpas.isEmpty();
                                 });
    QTest::newRow("plan rename") << QByteArray("plan add \"Plan B\"\nplan rename \"Plan B\" C\n")
                                 << RoundCheck([](const Round &r) {
                                        return planNamed(r, QStringLiteral("C")) &&
                                               !planNamed(r, QStringLiteral("Plan B"));
                                    });
    QTest::newRow("plan remove") << QByteArray("plan add \"Plan B\"\nplan remove \"Plan B\"\n")
                                 << RoundCheck([](const Round &r) {
                                        return !planNamed(r, QStringLiteral("Plan B"));
                                    });
    QTest::newRow("cpa add") << QByteArray("plan add P\ncpa add P \"North east\" #112233\n")
                             << RoundCheck([](const Round &r) {
                                    const Cpa *c = cpaNamed(r, QStringLiteral("P"),
                                                            QStringLiteral("North east"));
                                    return c && c->colour == QLatin1String("#112233");
                                });
    QTest::newRow("assign") << QByteArray("plan add P\ncpa add P A\n"
                                          "assign P A E09000001 E09000033\n")
                            << RoundCheck([](const Round &r) {
                                   const Cpa *c =
                                       cpaNamed(r, QStringLiteral("P"), QStringLiteral("A"));
                                   return c && c->members.contains(QLatin1String("E09000001")) &&
                                          c->members.contains(QLatin1String("E09000033")) &&
                                          c->members.size() == 2;
                               });
    QTest::newRow("assign to none")
        << QByteArray("plan add P\ncpa add P A\nassign P A E09000001 E09000033\n"
                      "assign P - E09000001\n")
        << RoundCheck([](const Round &r) {
               const Cpa *c = cpaNamed(r, QStringLiteral("P"), QStringLiteral("A"));
               return c && c->members == QStringList{QStringLiteral("E09000033")};
           });
    QTest::newRow("group add")
        << QByteArray("group add \"Kinship carers\" \"People caring for a relative's child\"\n")
        << RoundCheck([](const Round &r) {
               for (const PriorityGroup &g : r.priorityGroups) {
                   if (g.name == QLatin1String("Kinship carers"))
                       return g.description ==
                              QLatin1String("People caring for a relative's child");
               }
               return false;
           });
    QTest::newRow("provider add") << QByteArray("provider add \"Acme Works\" voluntary_community "
                                                "sme\n")
                                  << RoundCheck([](const Round &r) {
                                         const Provider *p =
                                             r.supply.provider(QStringLiteral("Acme Works"));
                                         return p && p->sme &&
                                                p->sector == ProviderSector::VoluntaryCommunity;
                                     });
    QTest::newRow("provider remove")
        << QByteArray("provider add Acme public\nprovider remove Acme\n")
        << RoundCheck([](const Round &r) { return !r.supply.provider(QStringLiteral("Acme")); });
}

void TestCliScript::eachEdit()
{
    QFETCH(QByteArray, script);
    QFETCH(RoundCheck, check);
    const CliRun run = runCli({QStringLiteral("script"), m_path, writeScript(script)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const auto document = reopen();
    QVERIFY(document);
    QVERIFY(check(document->round()));
}

void TestCliScript::acknowledgementsNameTheLines()
{
    const CliRun run = runCli({QStringLiteral("script"), m_path,
                               writeScript("# a comment\n"
                                           "plan add One\n"
                                           "\n"
                                           "   \n"
                                           "plan add Two\n"
                                           "  # an indented comment\n"
                                           "plan add Three")}); // no newline at the end
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("ok 2\nok 5\nok 7\n"));
    const auto document = reopen();
    QVERIFY(document);
    for (const char *name : {"One", "Two", "Three"})
        QVERIFY2(planNamed(document->round(), QString::fromLatin1(name)), name);
}

void TestCliScript::refusals_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected"); // in the message, after "FILE:1: "

    QTest::newRow("unknown edit") << QByteArray("colour everything") << QStringLiteral("colour");
    QTest::newRow("title without text") << QByteArray("title") << QStringLiteral("TEXT");
    QTest::newRow("empty title") << QByteArray("title \"  \"") << QStringLiteral("title:");
    QTest::newRow("plan add twice")
        << QByteArray("plan add \"Sub-regional partnerships\"") << QStringLiteral("plan add:");
    QTest::newRow("unknown plan") << QByteArray("cpa add Nowhere A") << QStringLiteral("PLAN");
    QTest::newRow("unknown cpa") << QByteArray("assign \"Sub-regional partnerships\" Nowhere "
                                               "E09000001")
                                 << QStringLiteral("CPA \"Nowhere\"");
    QTest::newRow("assign without codes") << QByteArray("assign P A") << QStringLiteral("GSS_CODE");
    QTest::newRow("bad sector") << QByteArray("provider add Acme charity")
                                << QStringLiteral("SECTOR \"charity\"");
    QTest::newRow("unknown provider")
        << QByteArray("provider remove Nobody") << QStringLiteral("NAME \"Nobody\"");
}

void TestCliScript::refusals()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    const QByteArray before = fileHash(m_path);
    const QString script = writeScript(line + "\nplan add After\n");
    const CliRun run = runCli({QStringLiteral("script"), m_path, script});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(script + QStringLiteral(":1: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    // Nothing changed, and the line after the refused one was not applied.
    QCOMPARE(fileHash(m_path), before);
}

void TestCliScript::editsBeforeARefusalStay()
{
    const QString script = writeScript("plan add Kept\nplan add Kept\nplan add Never\n");
    const CliRun run = runCli({QStringLiteral("script"), m_path, script});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QStringLiteral("ok 1\n"));
    QVERIFY2(run.err.startsWith(script + QStringLiteral(":2: plan add: ")), qPrintable(run.err));
    const auto document = reopen();
    QVERIFY(planNamed(document->round(), QStringLiteral("Kept")));
    QVERIFY(!planNamed(document->round(), QStringLiteral("Never")));
}

void TestCliScript::readOnlyRoundRefused()
{
#ifdef Q_OS_UNIX
    if (geteuid() == 0)
        QSKIP("root may write to a read-only file");
#endif
    const QByteArray before = fileHash(m_path);
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadUser));
    const CliRun run = runCli({QStringLiteral("script"), m_path, writeScript("plan add X\n")});
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("permission")), qPrintable(run.err));
    QCOMPARE(fileHash(m_path), before);
}

void TestCliScript::lockedRoundRefused()
{
    // The round open for writing here; the program, another process, must not write to it.
    const auto holder = openRoundFile(m_path);
    QVERIFY(holder && !holder->isReadOnly());
    const QByteArray before = fileHash(m_path);
    QProcess process;
    process.start(binaryPath(), {QStringLiteral("script"), m_path, writeScript("plan add X\n")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("another CoCommission window")), qPrintable(err));
    QCOMPARE(fileHash(m_path), before);
}

void TestCliScript::missingScriptRefused()
{
    const QByteArray before = fileHash(m_path);
    const QString missing = m_dir.filePath(QStringLiteral("no-such-script.txt"));
    const CliRun run = runCli({QStringLiteral("script"), m_path, missing});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    QCOMPARE(fileHash(m_path), before);

    const CliRun none = runCli({QStringLiteral("script")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(QStringLiteral("Usage: cocommission script")));
}

void TestCliScript::readsStandardInput()
{
    // With no script the program reads standard input, acknowledging each line as it comes.
    QProcess process;
    process.start(binaryPath(), {QStringLiteral("script"), m_path});
    QVERIFY(process.waitForStarted(60000));
    process.write("plan add \"From stdin\"\n");
    // The first acknowledgement arrives while standard input is still open: each edit is
    // applied as its line arrives, not at the end of the input.
    while (!process.canReadLine())
        QVERIFY2(process.waitForReadyRead(60000), "no acknowledgement for line 1");
    QCOMPARE(process.readLine(), QByteArray("ok 1\n"));
    process.write("provider add \"Stdin Ltd\" private\nbogus\n");
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    QCOMPARE(process.readAllStandardOutput(), QByteArray("ok 2\n"));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.startsWith(QStringLiteral("(standard input):3: ")), qPrintable(err));

    // "-" names standard input too.
    QProcess dash;
    dash.start(binaryPath(), {QStringLiteral("script"), m_path, QStringLiteral("-")});
    QVERIFY(dash.waitForStarted(60000));
    dash.write("title \"Dash round\"\n");
    dash.closeWriteChannel();
    QVERIFY(dash.waitForFinished(60000));
    QCOMPARE(dash.exitCode(), 0);
    QCOMPARE(dash.readAllStandardOutput(), QByteArray("ok 1\n"));

    const auto document = reopen();
    QVERIFY(document);
    QVERIFY(planNamed(document->round(), QStringLiteral("From stdin")));
    QVERIFY(document->round().supply.provider(QStringLiteral("Stdin Ltd")));
    QCOMPARE(document->round().title, QStringLiteral("Dash round"));
}

QTEST_GUILESS_MAIN(TestCliScript)
#include "tst_cli_script.moc"
