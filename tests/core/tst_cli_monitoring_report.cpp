#include "core/cli/cliutil.h"
#include "core/round/londonround.h"
#include "core/round/round.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace CoCommission;

/**
 * `cocommission monitoring report` and `monitoring dwp-report` on a round file made from the
 * demo round with small figures (the contract runs April 2018 to March 2019):
 *   Central London Forward esa_wrag: profile Apr R10 S8, May R10 S8 J2; returned Apr R9 S8,
 *     May R10 S7 J1, and a correction of April's referrals to 11;
 *   Local London esa_wrag: profile Apr R20 S20; returned Apr R19 S17 J3 (no job outcomes in
 *     the profile: no percent and no RAG).
 */
class TestCliMonitoringReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonShapeAndValues();
    void fractionsAreTidied();
    void periodOption();
    void textReport();
    void failures_data();
    void failures();
    void dwpReport();
    void throughTheCommandLine();

private:
    using Runner = int (*)(const QStringList &, QTextStream &, QTextStream &);
    static TestSupport::CliRun call(Runner runner, const QStringList &args);
    static TestSupport::CliRun report(const QStringList &args)
    {
        return call(&CommandLine::runMonitoringReport, args);
    }
    static QJsonObject json(const TestSupport::CliRun &run)
    {
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    static MonitoringFigure fig(int month, CpaId cpa, MonitoringMeasure measure, double value)
    {
        return {QDate(2018, month, 1), cpa, QStringLiteral("esa_wrag"), measure, value};
    }
    QString write(const QString &name, const Round &round);

    QTemporaryDir m_dir;
    Round m_round;
    QString m_path;
    CpaId m_clf, m_ll;
};

using M = MonitoringMeasure;

TestSupport::CliRun TestCliMonitoringReport::call(Runner runner, const QStringList &args)
{
    TestSupport::CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = runner(args, out, err);
    out.flush();
    err.flush();
    return run;
}

QString TestCliMonitoringReport::write(const QString &name, const Round &round)
{
    const QString path = TestSupport::createRoundFile(m_dir.filePath(name), round);
    if (path.isEmpty())
        qFatal("cannot make %s", qPrintable(name));
    return path;
}

void TestCliMonitoringReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_round = *demo;
    const CpaPlan *plan = m_round.adoptedPlan();
    QVERIFY(plan);
    m_clf = plan->cpas[0].id;
    m_ll = plan->cpas[1].id;

    Monitoring &mon = m_round.monitoring;
    mon = {};
    mon.profile.start = QDate(2018, 4, 1);
    mon.profile.months = 12;
    mon.profile.figures = {fig(4, m_clf, M::Referrals, 10),  fig(4, m_clf, M::Starts, 8),
                           fig(5, m_clf, M::Referrals, 10),  fig(5, m_clf, M::Starts, 8),
                           fig(5, m_clf, M::JobOutcomes, 2), fig(4, m_ll, M::Referrals, 20),
                           fig(4, m_ll, M::Starts, 20)};
    PerformanceReturn april;
    april.id = 1;
    april.source = QStringLiteral("april.csv");
    april.receivedAt = QDateTime(QDate(2018, 5, 10), QTime(9, 0), Qt::UTC);
    april.figures = {fig(4, m_clf, M::Referrals, 9), fig(4, m_clf, M::Starts, 8),
                     fig(4, m_ll, M::Referrals, 19), fig(4, m_ll, M::Starts, 17),
                     fig(4, m_ll, M::JobOutcomes, 3)};
    april.standards = {{QDate(2018, 4, 1), m_clf, QStringLiteral("first_contact"), 7}};
    PerformanceReturn may;
    may.id = 2;
    may.source = QStringLiteral("may.csv");
    may.receivedAt = QDateTime(QDate(2018, 6, 10), QTime(9, 0), Qt::UTC);
    may.figures = {fig(5, m_clf, M::Referrals, 10), fig(5, m_clf, M::Starts, 7),
                   fig(5, m_clf, M::JobOutcomes, 1)};
    PerformanceReturn correction;
    correction.id = 3;
    correction.source = QStringLiteral("correction");
    correction.receivedAt = QDateTime(QDate(2018, 6, 12), QTime(9, 0), Qt::UTC);
    correction.figures = {fig(4, m_clf, M::Referrals, 11)};
    mon.returns = {april, may, correction};
    m_path = write(QStringLiteral("round.cocom"), m_round);
}

void TestCliMonitoringReport::jsonShapeAndValues()
{
    const TestSupport::CliRun run = report({m_path, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QJsonObject o = json(run);
    QCOMPARE(o.value("period").toString(), QStringLiteral("2018-05")); // the latest reported
    QCOMPARE(o.value("from").toString(), QStringLiteral("2018-04"));
    QCOMPARE(o.value("illustrative").toBool(), false);

    const QJsonArray rows = o.value("rows").toArray();
    // CLF esa_wrag + total, LL esa_wrag + total, SL and WLA totals: 6 × 4 measures.
    QCOMPARE(rows.size(), 24);
    const QJsonObject first = rows[0].toObject();
    QCOMPARE(first.keys(), (QStringList{"actual", "cpa", "measure", "percent_of_profile",
                                        "priority_group", "profile", "rag"}));
    QCOMPARE(first["cpa"].toString(), QStringLiteral("Central London Forward"));
    QCOMPARE(first["priority_group"].toString(), QStringLiteral("esa_wrag"));
    QCOMPARE(first["measure"].toString(), QStringLiteral("referrals"));
    QCOMPARE(first["actual"].toDouble(), 21.0); // the corrected 11 + 10
    QCOMPARE(first["profile"].toDouble(), 20.0);
    QCOMPARE(first["percent_of_profile"].toDouble(), 105.0);
    QCOMPARE(first["rag"].toString(), QStringLiteral("green"));

    QStringList measures;
    for (int i = 0; i < 4; ++i)
        measures << rows[i]["measure"].toString();
    QCOMPARE(measures,
             (QStringList{"referrals", "starts", "job_outcomes", "sustained_job_outcomes"}));
    // Starts 15 of 16: 93.75%, amber. Job outcomes 1 of 2: 50%, red.
    QCOMPARE(rows[1]["percent_of_profile"].toDouble(), 93.75);
    QCOMPARE(rows[1]["rag"].toString(), QStringLiteral("amber"));
    QCOMPARE(rows[2]["rag"].toString(), QStringLiteral("red"));
    // Sustained: 0 of 0: null percent and null RAG.
    QVERIFY(rows[3]["percent_of_profile"].isNull());
    QVERIFY(rows[3]["rag"].isNull());
    QCOMPARE(rows[3]["actual"].toDouble(), 0.0);

    // The CPA's total: priority_group null.
    const QJsonObject total = rows[4].toObject();
    QCOMPARE(total["cpa"].toString(), QStringLiteral("Central London Forward"));
    QVERIFY(total["priority_group"].isNull());
    QCOMPARE(total["measure"].toString(), QStringLiteral("referrals"));
    QCOMPARE(total["actual"].toDouble(), 21.0);

    // Local London: 3 job outcomes with none in the profile: null percent and RAG.
    const QJsonObject llJobs = rows[10].toObject();
    QCOMPARE(llJobs["cpa"].toString(), QStringLiteral("Local London"));
    QCOMPARE(llJobs["measure"].toString(), QStringLiteral("job_outcomes"));
    QCOMPARE(llJobs["actual"].toDouble(), 3.0);
    QCOMPARE(llJobs["profile"].toDouble(), 0.0);
    QVERIFY(llJobs["percent_of_profile"].isNull());
    QVERIFY(llJobs["rag"].isNull());
    QCOMPARE(rows[9]["percent_of_profile"].toDouble(), 85.0); // 17 of 20: amber at the edge
    QCOMPARE(rows[9]["rag"].toString(), QStringLiteral("amber"));
    QCOMPARE(rows[16]["cpa"].toString(), QStringLiteral("West London Alliance"));
    QVERIFY(rows[16]["priority_group"].isNull());

    // The extra keys.
    const QJsonArray totals = o.value("totals").toArray();
    QCOMPARE(totals.size(), 4);
    QCOMPARE(totals[0]["actual"].toDouble(), 40.0);
    QCOMPARE(totals[0]["profile"].toDouble(), 40.0);
    const QJsonArray conversions = o.value("conversions").toArray();
    QCOMPARE(conversions.size(), 15);
    QCOMPARE(conversions[0]["key"].toString(), QStringLiteral("starts_per_referral"));
    QCOMPARE(conversions[0]["actual_percent"].toDouble(), 15.0 * 100 / 21);
    QVERIFY(conversions[12]["cpa"].isNull());           // all CPAs
    QVERIFY(conversions[8]["actual_percent"].isNull()); // West London: divides by 0
    QCOMPARE(o.value("thresholds")["green_percent"].toDouble(), 95.0);
    QCOMPARE(o.value("thresholds")["amber_percent"].toDouble(), 85.0);
    QVERIFY(o.value("warnings").toArray().isEmpty());
    // The demo design's conditions: esa_wrag at least 30% of starts in every CPA, then
    // multiple_disadvantages at least 15%.
    const QJsonObject esaShare = o.value("priorities")[0].toObject();
    QCOMPARE(esaShare["cpa"].toString(), QStringLiteral("Central London Forward"));
    QCOMPARE(esaShare["subject"].toString(), QStringLiteral("esa_wrag"));
    QCOMPARE(esaShare["kind"].toString(), QStringLiteral("group_share"));
    QCOMPARE(esaShare["share_percent"].toDouble(), 100.0);
    QCOMPARE(esaShare["met"].toBool(), true);
    QVERIFY(o.value("priorities")[2]["share_percent"].isNull()); // no starts in West London
    QVERIFY(o.value("priorities")[2]["met"].isNull());
    // Six standards × four CPAs; first contact in CLF: 7 days in April against at most 5.
    const QJsonArray standards = o.value("standards").toArray();
    QCOMPARE(standards.size(), 24);
    const QJsonObject contact = standards[0].toObject();
    QCOMPARE(contact["standard"].toString(), QStringLiteral("first_contact"));
    QCOMPARE(contact["cpa"].toString(), QStringLiteral("Central London Forward"));
    QCOMPARE(contact["value"].toDouble(), 7.0);
    QCOMPARE(contact["reported_for"].toString(), QStringLiteral("2018-04"));
    QCOMPARE(contact["met"].toBool(), false);
    QVERIFY(standards[1]["value"].isNull());
    QVERIFY(standards[1]["met"].isNull());
}

void TestCliMonitoringReport::fractionsAreTidied()
{
    // A derived profile holds fractions; their sums carry binary noise (0.1 + 0.2).
    Round round = m_round;
    round.monitoring.profile.figures = {fig(4, m_clf, M::Referrals, 0.1),
                                        fig(5, m_clf, M::Referrals, 0.2),
                                        fig(4, m_clf, M::Starts, 1234.56)};
    const QString path = write(QStringLiteral("fractions.cocom"), round);
    const QJsonObject o = json(report({path, QStringLiteral("--json")}));
    const QJsonObject referrals = o.value("rows")[0].toObject();
    QCOMPARE(referrals["measure"].toString(), QStringLiteral("referrals"));
    QCOMPARE(referrals["profile"].toDouble(), 0.3); // not 0.30000000000000004
    QCOMPARE(referrals["percent_of_profile"].toDouble(), 21.0 * 100.0 / (0.1 + 0.2));

    const TestSupport::CliRun text = report({path});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains(QStringLiteral("21 / 0.3  7,000.0% green")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("15 / 1,234.6  1.2% red")));
}

void TestCliMonitoringReport::periodOption()
{
    const QJsonObject o = json(report(
        {m_path, QStringLiteral("--period"), QStringLiteral("2018-04"), QStringLiteral("--json")}));
    QCOMPARE(o.value("period").toString(), QStringLiteral("2018-04"));
    const QJsonArray rows = o.value("rows").toArray();
    QCOMPARE(rows[0]["actual"].toDouble(), 11.0);
    QCOMPARE(rows[0]["profile"].toDouble(), 10.0);
    QCOMPARE(rows[0]["percent_of_profile"].toDouble(), 110.0);
    QCOMPARE(rows[1]["percent_of_profile"].toDouble(), 100.0);
    // No job outcome expected in April yet.
    QVERIFY(rows[2]["percent_of_profile"].isNull());

    // A later month adds only the profile: June is as May, since nothing more is expected.
    const QJsonObject june = json(report(
        {m_path, QStringLiteral("--json"), QStringLiteral("--period"), QStringLiteral("2018-06")}));
    QCOMPARE(june.value("period").toString(), QStringLiteral("2018-06"));
    QCOMPARE(june.value("rows")[0]["actual"].toDouble(), 21.0);
}

void TestCliMonitoringReport::textReport()
{
    const TestSupport::CliRun run = report({m_path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString &out = run.out;
    for (const char *part : {
             "Performance of \u201cLondon specialist employment support (demo round)\u201d",
             "Cumulative from April 2018 to May 2018.",
             "\nCentral London Forward\n",
             "\nLocal London\n",
             "\nAll CPAs\n",
             "ESA work-related activity group",
             "21 / 20  105.0% green",
             "15 / 16  93.8% amber",
             "3 / 0  - -",
             "Central London Forward, First contact after referral: 7 working days in April "
             "2018: NOT met.",
             "Local London, A named key worker: not reported.",
             "Conversion rates to date",
             "Local priorities",
             "Service standards",
             "Warnings",
         }) {
        QVERIFY2(out.contains(QString::fromUtf8(part)), part);
    }
    QVERIFY(!out.contains("ILLUSTRATIVE"));
}

void TestCliMonitoringReport::failures_data()
{
    QTest::addColumn<QString>("round"); // "good", "no returns", "no period", "missing"
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("no file") << "" << QStringList{"--json"} << "Name one round file.";
    QTest::newRow("unknown option") << "good" << QStringList{"--csv"} << "Unknown option --csv.";
    QTest::newRow("period without value")
        << "good" << QStringList{"--period"} << "--period needs a value.";
    QTest::newRow("month 13") << "good" << QStringList{"--period", "2018-13"}
                              << "The period \u201c2018-13\u201d is not a month written YYYY-MM";
    QTest::newRow("a name") << "good" << QStringList{"--period", "April"}
                            << "The period \u201cApril\u201d is not a month written YYYY-MM";
    QTest::newRow("a day") << "good" << QStringList{"--period", "2018-04-01"}
                           << "is not a month written YYYY-MM";
    QTest::newRow("after the contract")
        << "good" << QStringList{"--period", "2019-04"}
        << "2019-04 is outside the contract, which runs from 2018-04 to 2019-03.";
    QTest::newRow("before the contract")
        << "good" << QStringList{"--period", "2018-03"} << "2018-03 is outside the contract";
    QTest::newRow("no returns") << "no returns" << QStringList{}
                                << "No performance return has been received yet";
    QTest::newRow("no contract period")
        << "no period" << QStringList{"--period", "2018-04"} << "no contract period";
    QTest::newRow("missing file") << "missing" << QStringList{} << "";
}

void TestCliMonitoringReport::failures()
{
    QFETCH(QString, round);
    QFETCH(QStringList, args);
    QFETCH(QString, message);

    QString path;
    if (round == QLatin1String("good")) {
        path = m_path;
    } else if (round == QLatin1String("no returns")) {
        Round r = m_round;
        r.monitoring.returns.clear();
        path = write(QStringLiteral("noreturns.cocom"), r);
    } else if (round == QLatin1String("no period")) {
        Round r = m_round;
        r.monitoring = {};
        path = write(QStringLiteral("noperiod.cocom"), r);
    } else if (round == QLatin1String("missing")) {
        path = m_dir.filePath(QStringLiteral("absent.cocom"));
    }
    QStringList all = args;
    if (!path.isEmpty())
        all.prepend(path);
    const QByteArray before = path.isEmpty() ? QByteArray() : TestSupport::fileHash(path);

    for (Runner runner : {Runner(&CommandLine::runMonitoringReport),
                          Runner(&CommandLine::runMonitoringDwpReport)}) {
        const TestSupport::CliRun run = call(runner, all);
        QCOMPARE(run.exitCode, int(CommandLine::UsageError));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
    if (!path.isEmpty())
        QCOMPARE(TestSupport::fileHash(path), before); // a report changes nothing
}

void TestCliMonitoringReport::dwpReport()
{
    const auto dwp = [](const QStringList &args) {
        return call(&CommandLine::runMonitoringDwpReport, args);
    };
    const TestSupport::CliRun text = dwp({m_path});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY(text.out.startsWith("Report to the DWP contract manager\n"));
    QVERIFY(text.out.contains("performance from April 2018 to May 2018"));
    for (const char *title : {"\nLocal integration\n", "\nPerformance against local priorities\n",
                              "\nBest practice\n", "\nOperational delivery\n"})
        QVERIFY2(text.out.contains(title), title);

    const TestSupport::CliRun html = dwp({m_path, "--html", "--period", "2018-04"});
    QVERIFY2(html.exitCode == 0, qPrintable(html.err));
    QVERIFY(html.out.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.out.contains("<html lang=\"en-GB\">"));
    QCOMPARE(html.out.count("<h2>"), 4);
    QVERIFY(html.out.contains("to April 2018 (cumulative)"));

    const QJsonObject o = json(dwp({m_path, "--json"}));
    QCOMPARE(o.value("period").toString(), QStringLiteral("2018-05"));
    QCOMPARE(o.value("round").toString(), m_round.title);
    QCOMPARE(o.value("today").toString(), QDate::currentDate().toString(Qt::ISODate));
    QCOMPARE(o.value("illustrative").toBool(), m_round.design.illustrative);
    const QJsonArray sections = o.value("sections").toArray();
    QCOMPARE(sections.size(), 4);
    QStringList matters;
    for (const QJsonValue &s : sections)
        matters << s["matter"].toString();
    QCOMPARE(matters, (QStringList{"local_integration", "local_priorities", "best_practice",
                                   "operational_delivery"}));
    QVERIFY(!sections[3]["findings"].toArray().isEmpty());
    QVERIFY(sections[3]["commentary"].isString());

    const TestSupport::CliRun both = dwp({m_path, "--json", "--html"});
    QCOMPARE(both.exitCode, int(CommandLine::UsageError));
    QVERIFY(both.err.contains("not both"));
    QVERIFY(both.out.isEmpty());
}

void TestCliMonitoringReport::throughTheCommandLine()
{
    const TestSupport::CliRun run =
        TestSupport::runCli({"monitoring", "report", m_path, "--json", "--period", "2018-04"});
    if (run.exitCode != 0 && run.err.contains("not built yet"))
        QSKIP("monitoring's dispatch (cli_monitoring.cpp) is not in place yet");
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, report({m_path, "--json", "--period", "2018-04"}).out);

    const TestSupport::CliRun dwp = TestSupport::runCli({"monitoring", "dwp-report", m_path});
    QCOMPARE(dwp.exitCode, 0);
    QVERIFY(dwp.out.startsWith("Report to the DWP contract manager"));
    const TestSupport::CliRun bad =
        TestSupport::runCli({"monitoring", "report", m_path, "--period", "2018-13"});
    QCOMPARE(bad.exitCode, int(CommandLine::UsageError));
}

QTEST_GUILESS_MAIN(TestCliMonitoringReport)
#include "tst_cli_monitoring_report.moc"
