#include "core/cli/commandline.h"
#include "core/monitoring/performance.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;
using TestSupport::runCli;

/**
 * Stage 6 on the command line: receiving a return (text and JSON, warnings on stderr, refused
 * files changing nothing), setting and exchanging the contract profile, listing the returns,
 * a figure's history after a correction, removing the demo's illustrative returns, and the
 * usage errors. The fixture is the demo round, with or without its illustrative returns.
 */
class TestCliMonitoring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void importText();
    void importJson();
    void importWarnsButSucceeds();
    void refusedImportChangesNothing_data();
    void refusedImportChangesNothing();
    void illustrativeReturnsBlockARealOne();
    void correctionShowsInHistory();

    void profileDerive();
    void profileDeriveErrors();
    void profileExportThenImport();

    void returnsJson();
    void returnsText();
    void historyOfTheDemosCorrection();
    void historyErrors();
    void removeIllustrative();

    void reportsAreDispatched();
    void usage_data();
    void usage();
    void helpNamesTheCommands();

private:
    /** A round file of the demo; without its illustrative returns unless \a withReturns. */
    QString round(const QString &name, bool withReturns = false);
    QString writeFile(const QString &name, const QByteArray &content);
    static QJsonObject json(const TestSupport::CliRun &run)
    {
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    static Monitoring monitoringOf(const QString &path);

    QTemporaryDir m_dir;
    Round m_demo;
};

namespace {

const QByteArray kHeader = "period,cpa,priority_group,measure,value\n";
const QByteArray kJuly = kHeader + "2027-07,Local London,esa_wrag,referrals,30\n"
                                   "2027-07,Local London,esa_wrag,starts,25\n"
                                   "2027-08,Local London,esa_wrag,starts,27\n"
                                   "2027-08,Local London,,first_contact,4\n";

} // namespace

void TestCliMonitoring::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_demo = *demo;
}

QString TestCliMonitoring::round(const QString &name, bool withReturns)
{
    Round r = m_demo;
    if (!withReturns)
        r.monitoring.returns.clear();
    const QString path = TestSupport::createRoundFile(m_dir.filePath(name), r);
    if (path.isEmpty())
        qFatal("cannot make %s", qPrintable(name));
    return path;
}

QString TestCliMonitoring::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Monitoring TestCliMonitoring::monitoringOf(const QString &path)
{
    auto document = RoundDocument::open(path, {.readOnly = true});
    if (!document)
        qFatal("cannot open %s", qPrintable(path));
    return (*document)->round().monitoring;
}

void TestCliMonitoring::importText()
{
    const QString path = round("import-text.cocom");
    const auto run = runCli({"monitoring", "import", path, writeFile("july.csv", kJuly)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Received july.csv as return 1: 4 rows for 2027-07 to 2027-08."),
             qPrintable(run.out));
    QVERIFY(run.err.isEmpty());
    const Monitoring m = monitoringOf(path);
    QCOMPARE(m.returns.size(), 1);
    QCOMPARE(m.returns.first().source, QStringLiteral("july.csv"));
    QCOMPARE(m.returns.first().figures.size(), 3);
    QCOMPARE(m.returns.first().standards.size(), 1);
    QVERIFY(!m.returns.first().illustrative);
}

void TestCliMonitoring::importJson()
{
    const QString path = round("import-json.cocom");
    const QString csv = writeFile("july-json.csv", kJuly);
    const QJsonObject o =
        json(runCli({"monitoring", "import", path, csv, "--note", "July and August", "--json"}));
    QCOMPARE(o.value("return").toInt(), 1);
    QCOMPARE(o.value("source").toString(), QStringLiteral("july-json.csv"));
    QCOMPARE(o.value("note").toString(), QStringLiteral("July and August"));
    QCOMPARE(o.value("rows").toInt(), 4);
    QCOMPARE(o.value("figures").toInt(), 3);
    QCOMPARE(o.value("standards").toInt(), 1);
    QCOMPARE(o.value("corrections").toInt(), 0);
    QCOMPARE(o.value("first_period").toString(), QStringLiteral("2027-07"));
    QCOMPARE(o.value("last_period").toString(), QStringLiteral("2027-08"));
    QCOMPARE(o.value("sha256").toString(), QString::fromLatin1(TestSupport::fileHash(csv)));
    QCOMPARE(o.value("warnings").toArray(), QJsonArray());
    QCOMPARE(monitoringOf(path).returns.first().note, QStringLiteral("July and August"));
}

void TestCliMonitoring::importWarnsButSucceeds()
{
    const QString path = round("warn.cocom");
    const QString csv = writeFile("warn.csv", kHeader + "2027-07,Local London,esa_wrag,starts,2\n"
                                                        "2027-07,Local London,esa_wrag,"
                                                        "job_outcomes,5\n");
    const auto run = runCli({"monitoring", "import", path, csv, "--json"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.startsWith("warning: "), qPrintable(run.err));
    QVERIFY(run.err.contains("Local London"));
    QCOMPARE(run.err.count("warning: "), 1);
    QCOMPARE(json(run).value("warnings").toArray().size(), 1);
    QCOMPARE(monitoringOf(path).returns.size(), 1);
}

void TestCliMonitoring::refusedImportChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("period outside the contract")
        << QByteArray(kHeader + "2027-07,Local London,esa_wrag,starts,2\n"
                                "2040-01,Local London,esa_wrag,starts,2\n")
        << "bad.csv, line 3, field \u201cperiod\u201d";
    QTest::newRow("unknown CPA") << QByteArray(kHeader + "2027-07,Atlantis,esa_wrag,starts,2\n")
                                 << "bad.csv, line 2, field \u201ccpa\u201d";
    QTest::newRow("negative count")
        << QByteArray(kHeader + "2027-07,Local London,esa_wrag,starts,-2\n")
        << "bad.csv, line 2, field \u201cvalue\u201d";
    QTest::newRow("duplicate rows")
        << QByteArray(kHeader + "2027-07,Local London,esa_wrag,starts,2\n"
                                "2027-07,Local London,esa_wrag,starts,3\n")
        << "bad.csv, line 3:";
    QTest::newRow("empty file") << QByteArray() << "bad.csv is empty";
}

void TestCliMonitoring::refusedImportChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString path = round(QStringLiteral("refused-%1.cocom").arg(QTest::currentDataTag()));
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = runCli({"monitoring", "import", path, writeFile("bad.csv", content)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("Nothing was received"), qPrintable(run.err));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliMonitoring::illustrativeReturnsBlockARealOne()
{
    const QString path = round("blocked.cocom", true);
    const QByteArray before = TestSupport::fileHash(path);
    const QString csv = writeFile("real.csv", kJuly);
    const auto run = runCli({"monitoring", "import", path, csv});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("illustrative returns"), qPrintable(run.err));
    QVERIFY(run.err.contains("monitoring remove-illustrative " + path));
    QCOMPARE(TestSupport::fileHash(path), before);

    QCOMPARE(runCli({"monitoring", "remove-illustrative", path}).exitCode, 0);
    QCOMPARE(runCli({"monitoring", "import", path, csv}).exitCode, 0);
    // The same file again is refused, and changes nothing.
    const QByteArray after = TestSupport::fileHash(path);
    const auto again = runCli({"monitoring", "import", path, csv});
    QCOMPARE(again.exitCode, 2);
    QVERIFY2(again.err.contains("received already"), qPrintable(again.err));
    QCOMPARE(TestSupport::fileHash(path), after);
}

void TestCliMonitoring::correctionShowsInHistory()
{
    const QString path = round("correction.cocom");
    QCOMPARE(runCli({"monitoring", "import", path, writeFile("first.csv", kJuly)}).exitCode, 0);
    const QString fix = writeFile("fix.csv", kHeader + "2027-07,Local London,esa_wrag,starts,28\n");
    const auto run = runCli({"monitoring", "import", path, fix, "--note", "Three starts late"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("1 figure corrects a figure"), qPrintable(run.out));

    const QStringList history = {"monitoring", "history",   path,           "--period",
                                 "2027-07",    "--cpa",     "LOCAL LONDON", "--group",
                                 "esa_wrag",   "--measure", "starts"};
    const QJsonObject o = json(runCli(history + QStringList{"--json"}));
    QCOMPARE(o.value("period").toString(), QStringLiteral("2027-07"));
    QCOMPARE(o.value("cpa").toString(), QStringLiteral("Local London"));
    QCOMPARE(o.value("priority_group").toString(), QStringLiteral("esa_wrag"));
    QCOMPARE(o.value("measure").toString(), QStringLiteral("starts"));
    QCOMPARE(o.value("in_force").toDouble(), 28.0);
    const QJsonArray versions = o.value("versions").toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0]["return"].toInt(), 1);
    QCOMPARE(versions[0]["source"].toString(), QStringLiteral("first.csv"));
    QCOMPARE(versions[0]["value"].toDouble(), 25.0);
    QCOMPARE(versions[0]["in_force"].toBool(), false);
    QCOMPARE(versions[1]["return"].toInt(), 2);
    QCOMPARE(versions[1]["value"].toDouble(), 28.0);
    QCOMPARE(versions[1]["in_force"].toBool(), true);
    QCOMPARE(versions[1]["note"].toString(), QStringLiteral("Three starts late"));
    QVERIFY(!versions[1]["received_at"].toString().isEmpty());

    const auto text = runCli(history);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("25 from return 1, first.csv"), qPrintable(text.out));
    QVERIFY(text.out.contains("(superseded)"));
    QVERIFY(text.out.contains("28 from return 2, fix.csv"));
    QVERIFY(text.out.contains("(in force)"));
    QVERIFY(text.out.contains("Three starts late"));

    // Both returns stay on record.
    const QJsonArray returns =
        json(runCli({"monitoring", "returns", path, "--json"})).value("returns").toArray();
    QCOMPARE(returns.size(), 2);
    QCOMPARE(returns[0]["superseded"].toInt(), 1);
    QCOMPARE(returns[1]["corrections"].toInt(), 1);
}

void TestCliMonitoring::profileDerive()
{
    Round r = m_demo;
    r.monitoring = {};
    const QString path = TestSupport::createRoundFile(m_dir.filePath("derive.cocom"), r);
    QVERIFY(!path.isEmpty());
    auto run = runCli({"monitoring", "profile", path, "--derive", "All outcome"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("2027-06 to 2033-11"), qPrintable(run.out)); // from go-live
    QVERIFY(run.out.contains("All outcome"));
    QVERIFY(run.out.contains("ILLUSTRATIVE")); // the demo's design is invented
    ContractProfile profile = monitoringOf(path).profile;
    QCOMPARE(profile.start, QDate(2027, 6, 1));
    QCOMPARE(profile.months, 78);

    run = runCli(
        {"monitoring", "profile", path, "--derive", "30% delivery fee", "--start", "2028-01"});
    QCOMPARE(run.exitCode, 0);
    profile = monitoringOf(path).profile;
    QCOMPARE(profile.start, QDate(2028, 1, 1));
    QVERIFY(profile.source.contains("30% delivery fee"));
}

void TestCliMonitoring::profileDeriveErrors()
{
    const QString path = round("derive-errors.cocom");
    const QByteArray before = TestSupport::fileHash(path);
    auto run = runCli({"monitoring", "profile", path, "--derive", "Nothing"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("\"Nothing\""), qPrintable(run.err));
    // Moving the contract would put the returns received outside it.
    QCOMPARE(runCli({"monitoring", "import", path, writeFile("jul.csv", kJuly)}).exitCode, 0);
    const QByteArray withReturn = TestSupport::fileHash(path);
    run = runCli(
        {"monitoring", "profile", path, "--derive", "30% delivery fee", "--start", "2030-01"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("outside the contract period"), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(path), withReturn);
    QVERIFY(before != withReturn);
}

void TestCliMonitoring::profileExportThenImport()
{
    const QString from = round("export.cocom");
    const QString csv = m_dir.filePath("profile.csv");
    auto run = runCli({"monitoring", "profile", from, "--export", csv});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("profile.csv"), qPrintable(run.out));
    QVERIFY(QFile::exists(csv));

    Round r = m_demo;
    r.monitoring = {};
    const QString to = TestSupport::createRoundFile(m_dir.filePath("import.cocom"), r);
    run = runCli({"monitoring", "profile", to, "--import", csv});
    QCOMPARE(run.exitCode, 0);
    const ContractProfile imported = monitoringOf(to).profile;
    QCOMPARE(imported.figures, m_demo.monitoring.profile.figures);
    QCOMPARE(imported.start, m_demo.monitoring.profile.start);
    QCOMPARE(imported.months, m_demo.monitoring.profile.months);
    QCOMPARE(imported.source, QStringLiteral("Imported from profile.csv"));

    // A bad profile file changes nothing.
    const QByteArray before = TestSupport::fileHash(to);
    run = runCli({"monitoring", "profile", to, "--import",
                  writeFile("bad-profile.csv", kHeader + "2027-06,Nowhere,esa_wrag,starts,1\n")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("bad-profile.csv, line 2, field \u201ccpa\u201d"),
             qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(to), before);

    // Nothing to export.
    Round empty = m_demo;
    empty.monitoring = {};
    const QString none = TestSupport::createRoundFile(m_dir.filePath("none.cocom"), empty);
    run = runCli({"monitoring", "profile", none, "--export", m_dir.filePath("none.csv")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(m_dir.filePath("none.csv")));
}

void TestCliMonitoring::returnsJson()
{
    const QString path = round("returns.cocom", true);
    const QJsonObject o = json(runCli({"monitoring", "returns", path, "--json"}));
    const QJsonArray returns = o.value("returns").toArray();
    QCOMPARE(returns.size(), 13);
    const QJsonObject first = returns[0].toObject();
    QCOMPARE(first.value("id").toInt(), 1);
    QCOMPARE(first.value("source").toString(),
             QStringLiteral("Provider return June 2027 (illustrative)"));
    QCOMPARE(first.value("received_at").toString(), QStringLiteral("2027-07-10T09:00:00Z"));
    QVERIFY(first.value("sha256").isNull()); // entered, not a file
    QCOMPARE(first.value("illustrative").toBool(), true);
    QCOMPARE(first.value("figures").toInt(), 48 + 8); // counts and standards
    QCOMPARE(first.value("corrections").toInt(), 0);
    QCOMPARE(first.value("superseded").toInt(), 0);
    QCOMPARE(first.value("first_period").toString(), QStringLiteral("2027-06"));
    QCOMPARE(first.value("last_period").toString(), QStringLiteral("2027-06"));
    QCOMPARE(returns[6]["superseded"].toInt(), 2);
    const QJsonObject correction = returns[12].toObject();
    QCOMPARE(correction.value("corrections").toInt(), 2);
    QCOMPARE(correction.value("figures").toInt(), 2);
    QVERIFY(correction.value("note").toString().contains("Local London"));
    QCOMPARE(correction.value("first_period").toString(), QStringLiteral("2027-12"));
}

void TestCliMonitoring::returnsText()
{
    const auto demo = runCli({"monitoring", "returns", round("returns-text.cocom", true)});
    QCOMPARE(demo.exitCode, 0);
    QVERIFY2(demo.out.contains("1. Provider return June 2027 (illustrative), received "
                               "2027-07-10T09:00:00Z: 56 figures for 2027-06; 0 corrections, 0 "
                               "superseded."),
             qPrintable(demo.out));
    QVERIFY(demo.out.contains("Note: Corrects"));
    QVERIFY(demo.out.contains("ILLUSTRATIVE"));

    const auto none = runCli({"monitoring", "returns", round("returns-none.cocom")});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.contains("No performance return has been received."));
    QCOMPARE(json(runCli({"monitoring", "returns", round("returns-none2.cocom"), "--json"}))
                 .value("returns")
                 .toArray(),
             QJsonArray());
}

void TestCliMonitoring::historyOfTheDemosCorrection()
{
    const QString path = round("history.cocom", true);
    const QJsonObject o =
        json(runCli({"monitoring", "history", path, "--period", "2027-12", "--cpa", "Local London",
                     "--group", "esa_wrag", "--measure", "job_outcomes", "--json"}));
    const QJsonArray versions = o.value("versions").toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0]["return"].toInt(), 7);
    QCOMPARE(versions[1]["return"].toInt(), 13);
    QCOMPARE(versions[1]["value"].toDouble(), versions[0]["value"].toDouble() + 2);
    QCOMPARE(o.value("in_force"), versions[1]["value"]);

    // A figure nobody reported.
    const QJsonObject none =
        json(runCli({"monitoring", "history", path, "--period", "2033-01", "--cpa", "Local London",
                     "--group", "esa_wrag", "--measure", "starts", "--json"}));
    QCOMPARE(none.value("versions").toArray(), QJsonArray());
    QVERIFY(none.value("in_force").isNull());
}

void TestCliMonitoring::historyErrors()
{
    const QString path = round("history-errors.cocom");
    const QStringList base = {"monitoring", "history", path};
    const auto with = [&](const QString &period, const QString &cpa, const QString &group,
                          const QString &measure) {
        return runCli(base + QStringList{"--period", period, "--cpa", cpa, "--group", group,
                                         "--measure", measure});
    };
    auto run = with("2027-13", "Local London", "esa_wrag", "starts");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("\u201c2027-13\u201d is not a month"));
    run = with("2027-07", "Atlantis", "esa_wrag", "starts");
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("\u201cAtlantis\u201d is not a CPA"), qPrintable(run.err));
    run = with("2027-07", "Local London", "pensioners", "starts");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("\u201cpensioners\u201d"));
    run = with("2027-07", "Local London", "esa_wrag", "interviews");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("job_outcomes"));
    run = runCli(base + QStringList{"--period", "2027-07"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("Usage:"));
}

void TestCliMonitoring::removeIllustrative()
{
    const QString path = round("remove.cocom", true);
    auto run = runCli({"monitoring", "remove-illustrative", path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Removed 13 illustrative returns"), qPrintable(run.out));
    QVERIFY(run.out.contains("contract profile is still"));
    const Monitoring m = monitoringOf(path);
    QVERIFY(m.returns.isEmpty());
    QCOMPARE(m.profile, m_demo.monitoring.profile); // only the returns go
    QCOMPARE(m.board, m_demo.monitoring.board);

    run = runCli({"monitoring", "remove-illustrative", path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("no illustrative returns"));
}

void TestCliMonitoring::reportsAreDispatched()
{
    const QString path = round("report.cocom", true);
    const QJsonObject o = json(runCli({"monitoring", "report", path, "--json"}));
    QCOMPARE(o.value("period").toString(), QStringLiteral("2028-05"));
    QVERIFY(!o.value("rows").toArray().isEmpty());
    QCOMPARE(runCli({"monitoring", "dwp-report", path}).exitCode, 0);
    const auto bad = runCli({"monitoring", "report"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(!bad.err.contains("is not a monitoring command"));
}

void TestCliMonitoring::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no verb") << QStringList{"monitoring"} << "Name a monitoring command.";
    QTest::newRow("unknown verb") << QStringList{"monitoring", "frobnicate", "r.cocom"}
                                  << "\u201cfrobnicate\u201d is not a monitoring command.";
    QTest::newRow("import without a file")
        << QStringList{"monitoring", "import", "r.cocom"} << "Name the round file and";
    QTest::newRow("import, unknown option")
        << QStringList{"monitoring", "import", "r.cocom", "x.csv", "--fast"} << "--fast";
    QTest::newRow("import, note without text")
        << QStringList{"monitoring", "import", "r.cocom", "x.csv", "--note"} << "--note needs";
    QTest::newRow("profile without a mode")
        << QStringList{"monitoring", "profile", "r.cocom"} << "Give one of --derive";
    QTest::newRow("profile with two modes")
        << QStringList{"monitoring", "profile", "r.cocom", "--derive", "x", "--export", "y"}
        << "Give one of --derive";
    QTest::newRow("start without derive")
        << QStringList{"monitoring", "profile", "r.cocom", "--export", "y", "--start", "2027-01"}
        << "--start goes with --derive";
    QTest::newRow("bad start") << QStringList{"monitoring", "profile", "r.cocom", "--derive",
                                              "x",          "--start", "January"}
                               << "\u201cJanuary\u201d is not a month";
    QTest::newRow("returns without a file")
        << QStringList{"monitoring", "returns"} << "Name one round file.";
    QTest::newRow("remove-illustrative, two files")
        << QStringList{"monitoring", "remove-illustrative", "a.cocom", "b.cocom"}
        << "Name one round file.";
}

void TestCliMonitoring::usage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const auto run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY(run.err.contains("Usage: cocommission monitoring"));
    QVERIFY(run.out.isEmpty());
}

void TestCliMonitoring::helpNamesTheCommands()
{
    const QString help = CommandLine::helpText();
    for (const char *verb :
         {"monitoring import", "monitoring profile", "monitoring returns", "monitoring history",
          "monitoring remove-illustrative", "monitoring report", "monitoring dwp-report"})
        QVERIFY2(help.contains(QLatin1String(verb)), verb);
    for (const QString &line : help.split('\n'))
        QVERIFY2(line.size() <= 80, qPrintable(line));
}

QTEST_GUILESS_MAIN(TestCliMonitoring)
#include "tst_cli_monitoring.moc"
