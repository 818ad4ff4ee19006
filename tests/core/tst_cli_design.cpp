#include "core/cli/commandline.h"
#include "core/design/financialmodel.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace CoCommission;
using TestSupport::runCli;

/**
 * Stage 3 on the command line: design (text and the JSON contract of the issue), on a demo
 * round whose design is set through RoundDocument::setDesign(), and on the demo's own design.
 */
class TestCliDesign : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonFollowsTheContract();
    void jsonFiguresAreTheModel();
    void oneScenario();
    void unknownScenarioListsTheNames();
    void textReport();
    void demoDesignIsReported();
    void roundWithoutDesign();
    void scenarioThatCannotBeModelled();
    void usage();

private:
    /** A demo round, model 2, whose design is set to design() through setDesign(). */
    QString roundWithDesign(const QString &name, const ServiceDesign &design);
    static ServiceDesign design(const Round &round);
    static QJsonObject json(const TestSupport::CliRun &run)
    {
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }
    static double round2(double value) { return std::round(value * 100.0) / 100.0; }

    QTemporaryDir m_dir;
    Round m_demo;
};

void TestCliDesign::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_demo = *demo;
    m_demo.model = DevolutionModel::PartnershipDelivery;
}

/*
 * Two payment groups: ESA from the demo's esa_claimants (40% eligible, 10% take-up), JSA
 * stated at 500 a year in every CPA; two scenarios, the second without a fee.
 */
ServiceDesign TestCliDesign::design(const Round &round)
{
    ServiceDesign d;
    d.standards = {
        ServiceStandard{
            "first_contact", "First contact", {}, 5, "working days", StandardDirection::AtMost},
        ServiceStandard{"key_worker", "Named key worker", {}, 1, {}, StandardDirection::Required}};
    d.eligibility = {EligibilityRule{"benefit", "Claimed JSA for 12 months or more"}};
    d.referralRoutes = {ReferralRoute{"jobcentre_plus", "Work coaches"}};
    d.paymentGroups = {PaymentGroup{"esa", "ESA WRAG", "esa_claimants", 40, 10},
                       PaymentGroup{"jsa", "JSA 12 months+", {}, 100, 10}};
    for (const Cpa &cpa : round.adoptedPlan()->cpas)
        d.volumes.append(ReferralVolume{"jsa", cpa.id, 500});
    PaymentScenario fee;
    fee.name = "30% fee";
    fee.draws = 2000;
    fee.bonusPerExtraJob = 400;
    fee.tariffs = {GroupTariff{"esa", {}, 450, 1750, 900, 6, 1, 20, 65, 1250},
                   GroupTariff{"jsa", {}, 350, 1000, 400, 6, 1, 30, 70, 950}};
    PaymentScenario outcome = fee;
    outcome.name = "All outcome";
    outcome.seed = 99;
    for (GroupTariff &t : outcome.tariffs) {
        t.jobOutcomePayment += 2 * t.attachmentFee;
        t.attachmentFee = 0;
    }
    d.scenarios = {fee, outcome};
    d.contributions = {LocalContribution{"E09000007",
                                         "public_health",
                                         ContributionForm::Money,
                                         120000,
                                         ContributionStatus::Agreed,
                                         {}}};
    return d;
}

QString TestCliDesign::roundWithDesign(const QString &name, const ServiceDesign &design)
{
    Round r = m_demo;
    r.design = {};
    const QString path = TestSupport::createRoundFile(m_dir.filePath(name), r);
    if (path.isEmpty())
        qFatal("cannot make %s", qPrintable(name));
    auto document = TestSupport::openRoundFile(path);
    if (!document)
        qFatal("cannot open %s", qPrintable(name));
    if (const Status s = document->setDesign(design); !s)
        qFatal("setDesign: %s", qPrintable(s.errorMessage()));
    return path;
}

void TestCliDesign::jsonFollowsTheContract()
{
    const QString path = roundWithDesign("contract.cocom", design(m_demo));
    const auto run = runCli({"design", path, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = json(run);
    for (const char *key :
         {"scenarios", "standards", "payment_groups", "contributions", "illustrative", "model"})
        QVERIFY2(root.contains(QLatin1String(key)), key);
    QCOMPARE(root["model"].toInt(), 2);
    QCOMPARE(root["standards"].toArray().size(), 2);
    QCOMPARE(root["contributions"].toArray().size(), 1);
    const QJsonArray groups = root["payment_groups"].toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups[1]["referrals"].toArray().size(), 4); // one per CPA of the demo plan
    QVERIFY(groups[1]["referrals"][0]["stated"].toBool());
    QCOMPARE(groups[1]["referrals"][0]["referrals_per_year"].toDouble(), 500.0);

    const QJsonArray scenarios = root["scenarios"].toArray();
    QCOMPARE(scenarios.size(), 2);
    for (const QJsonValue &value : scenarios) {
        const QJsonObject s = value.toObject();
        QVERIFY(!s["name"].toString().isEmpty());
        for (const char *key : {"cost", "provider_margin"}) {
            const QJsonObject p = s[QLatin1String(key)].toObject();
            QVERIFY2(p.contains("p10") && p.contains("p50") && p.contains("p90"), key);
            QVERIFY(p["p10"].toDouble() <= p["p50"].toDouble());
            QVERIFY(p["p50"].toDouble() <= p["p90"].toDouble());
        }
        QVERIFY(s["cost"]["p10"].toDouble() < s["cost"]["p90"].toDouble());
        QVERIFY(s["cost_per_job_outcome"].toDouble() > 0);
        QVERIFY(s["cost_per_sustained_job"].toDouble() > s["cost_per_job_outcome"].toDouble());
        QVERIFY(s["error"].isNull());
        QCOMPARE(s["draws"].toInt(), 2000);
        QVERIFY(s["model_2"].isObject());
        QVERIFY(s["model_3"].isNull());
        QCOMPARE(s["histogram"]["counts"].toArray().size(), FinancialModel::kHistogramBins);
    }
    QCOMPARE(scenarios[0]["seed"].toInteger(), 2017);
    QCOMPARE(scenarios[1]["delivery_fee_share"].toDouble(), 0.0);
}

void TestCliDesign::jsonFiguresAreTheModel()
{
    const QString path = roundWithDesign("figures.cocom", design(m_demo));
    const auto run = runCli({"design", path, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray scenarios = json(run)["scenarios"].toArray();

    auto document = TestSupport::openRoundFile(path);
    QVERIFY(document);
    const Round &round = document->round();
    for (qsizetype i = 0; i < round.design.scenarios.size(); ++i) {
        const Result<ScenarioForecast> f = forecastScenario(round, round.design.scenarios[i]);
        QVERIFY2(f, qPrintable(f.errorMessage()));
        const QJsonObject s = scenarios[i].toObject();
        QCOMPARE(s["name"].toString(), round.design.scenarios[i].name);
        QCOMPARE(s["expected_cost"].toDouble(), round2(f->cost));
        QCOMPARE(s["cost"]["p10"].toDouble(), round2(f->monteCarlo.cost.p10));
        QCOMPARE(s["cost"]["p50"].toDouble(), round2(f->monteCarlo.cost.p50));
        QCOMPARE(s["cost"]["p90"].toDouble(), round2(f->monteCarlo.cost.p90));
        QCOMPARE(s["provider_margin"]["p10"].toDouble(), round2(f->monteCarlo.providerMargin.p10));
        QCOMPARE(s["provider_margin"]["p50"].toDouble(), round2(f->monteCarlo.providerMargin.p50));
        QCOMPARE(s["provider_margin"]["p90"].toDouble(), round2(f->monteCarlo.providerMargin.p90));
        QCOMPARE(s["cost_per_job_outcome"].toDouble(), round2(*f->costPerJobOutcome));
        QCOMPARE(s["cost_per_sustained_job"].toDouble(), round2(*f->costPerSustainedJob));
        QCOMPARE(s["mean_cost"].toDouble(), round2(f->monteCarlo.meanCost));
        QCOMPARE(s["model_2"]["mean_bonus"].toDouble(), round2(f->monteCarlo.meanBonus));
        QCOMPARE(s["cpas"].toArray().size(), f->cpas.size());
    }
}

void TestCliDesign::oneScenario()
{
    const QString path = roundWithDesign("one.cocom", design(m_demo));
    const auto run = runCli({"design", path, "--scenario", "All outcome", "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray scenarios = json(run)["scenarios"].toArray();
    QCOMPARE(scenarios.size(), 1);
    QCOMPARE(scenarios[0]["name"].toString(), QStringLiteral("All outcome"));
    QCOMPARE(scenarios[0]["seed"].toInteger(), 99);

    const auto text = runCli({"design", path, "--scenario", "30% fee"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Scenario \"30% fee\""));
    QVERIFY(!text.out.contains("Scenario \"All outcome\""));
}

void TestCliDesign::unknownScenarioListsTheNames()
{
    const QString path = roundWithDesign("unknown.cocom", design(m_demo));
    const auto run = runCli({"design", path, "--scenario", "Half fee"});
    QCOMPARE(run.exitCode, int(CommandLine::UsageError));
    QVERIFY(run.out.isEmpty());
    for (const char *word : {"\"Half fee\"", "\"30% fee\"", "\"All outcome\"", "Usage:"})
        QVERIFY2(run.err.contains(QLatin1String(word)), qPrintable(run.err));
}

void TestCliDesign::textReport()
{
    const QString path = roundWithDesign("text.cocom", design(m_demo));
    const auto run = runCli({"design", path});
    QCOMPARE(run.exitCode, 0);
    auto document = TestSupport::openRoundFile(path);
    QVERIFY(document);
    const Result<ScenarioForecast> f =
        forecastScenario(document->round(), document->round().design.scenarios.first());
    QVERIFY(f);
    const QString cost =
        QStringLiteral("Expected cost \u00a3%1:")
            .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(f->cost, 'f', 0));
    for (const QString &word :
         {QStringLiteral("Model 2: partnership delivery"), QStringLiteral("ILLUSTRATIVE"),
          QStringLiteral("Minimum service standards"), QStringLiteral("at most 5 working days"),
          QStringLiteral("Payment groups"), QStringLiteral("Referrals per year"),
          QStringLiteral("stated in the design"), QStringLiteral("Local contributions"),
          QStringLiteral("Scenario \"30% fee\""), QStringLiteral("Scenario \"All outcome\""),
          QStringLiteral("6 \u00d7 \u00a3900 every 1 months"), cost,
          QStringLiteral("Cost by CPA and year"), QStringLiteral("Year 6"),
          QStringLiteral("Monte Carlo: 2,000 draws, seed 2017"), QStringLiteral("p90"),
          QStringLiteral("Model 2: a bonus of \u00a3400")})
        QVERIFY2(run.out.contains(word), qPrintable(word + QStringLiteral(" not in:\n") + run.out));
}

void TestCliDesign::demoDesignIsReported()
{
    // The demo's own (illustrative) design, stored when the round is made.
    const QString path = TestSupport::createRoundFile(m_dir.filePath("demo.cocom"), m_demo);
    QVERIFY(!path.isEmpty());
    const auto run = runCli({"design", path, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = json(run);
    QVERIFY(root["illustrative"].toBool());
    const QJsonArray scenarios = root["scenarios"].toArray();
    QCOMPARE(scenarios.size(), m_demo.design.scenarios.size());
    for (const QJsonValue &s : scenarios) {
        QVERIFY2(s["error"].isNull(), qPrintable(s["error"].toString()));
        QVERIFY(s["cost"]["p10"].toDouble() > 0);
    }
    // The "30% delivery fee" scenario is set up so that about 30% of the cost is fees.
    QVERIFY(std::abs(scenarios[0]["delivery_fee_share"].toDouble() - 0.3) < 0.05);
}

void TestCliDesign::roundWithoutDesign()
{
    Round r = m_demo;
    r.design = {};
    const QString path = TestSupport::createRoundFile(m_dir.filePath("empty.cocom"), r);
    QVERIFY(!path.isEmpty());
    const auto text = runCli({"design", path});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("The round has no design of services yet."), qPrintable(text.out));

    const auto run = runCli({"design", path, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject root = json(run);
    QCOMPARE(root["has_design"].toBool(true), false);
    QVERIFY(root["scenarios"].toArray().isEmpty());
}

void TestCliDesign::scenarioThatCannotBeModelled()
{
    ServiceDesign d = design(m_demo);
    d.scenarios[1].tariffs.removeLast(); // "All outcome" has no JSA tariff
    const QString path = roundWithDesign("partial.cocom", d);

    const auto run = runCli({"design", path, "--json"});
    QCOMPARE(run.exitCode, int(CommandLine::CheckFailed));
    const QJsonArray scenarios = json(run)["scenarios"].toArray();
    QVERIFY(scenarios[0]["error"].isNull());
    QVERIFY(scenarios[1]["error"].toString().contains("no tariff for JSA 12 months+"));
    QVERIFY(scenarios[1]["cost"].isNull());
    QVERIFY(scenarios[1]["cost_per_job_outcome"].isNull());

    const auto text = runCli({"design", path});
    QCOMPARE(text.exitCode, int(CommandLine::CheckFailed));
    QVERIFY2(text.out.contains("Cannot be computed: Scenario \"All outcome\" has no tariff"),
             qPrintable(text.out));
}

void TestCliDesign::usage()
{
    QCOMPARE(runCli({"design"}).exitCode, int(CommandLine::UsageError));
    QCOMPARE(runCli({"design", "a.cocom", "b.cocom"}).exitCode, int(CommandLine::UsageError));
    QCOMPARE(runCli({"design", "a.cocom", "--scenario"}).exitCode, int(CommandLine::UsageError));
    QCOMPARE(runCli({"design", m_dir.filePath("missing.cocom")}).exitCode,
             int(CommandLine::UsageError));
    QVERIFY(CommandLine::helpText().contains("design FILE.cocom [--scenario NAME] [--json]"));
}

QTEST_GUILESS_MAIN(TestCliDesign)
#include "tst_cli_design.moc"
