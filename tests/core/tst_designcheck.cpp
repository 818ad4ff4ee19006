#include "core/design/designcheck.h"
#include "core/round/design.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QTest>

#include <functional>
#include <limits>

using namespace CoCommission;

/** Changes a valid design (and, rarely, its round) so that it breaks one rule. */
using Breakage = std::function<void(Round &, ServiceDesign &)>;
Q_DECLARE_METATYPE(Breakage)

/**
 * The rules of checkDesign(): each row breaks one rule of a valid design and checks that the
 * design is refused with a message naming the part and the field.
 */
class TestDesignCheck : public QObject
{
    Q_OBJECT

private slots:
    void validDesignPasses();
    void emptyDesignPasses();
    void refused_data();
    void refused();
    void messageNamesPartAndField();
    void scenarioCheckedAlone();
};

namespace {

const CpaId kNorth(1);
const CpaId kSouth(2);
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/** London's 33 authorities, a plan of two CPAs, two priority groups and one priority place. */
Round round()
{
    Result<Round> blank = LondonRound::blank(QStringLiteral("Design check"));
    if (!blank)
        qFatal("%s", qPrintable(blank.errorMessage()));
    Round r = *blank;
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.name = "Plan";
    plan.adopted = true;
    plan.cpas = {Cpa{kNorth, "North", "#ff0000", {"E09000001", "E09000002"}},
                 Cpa{kSouth, "South", "#00ff00", {"E09000003"}}};
    r.plans = {plan};
    r.priorityGroups = {PriorityGroup{"esa_wrag", "ESA WRAG", {}},
                        PriorityGroup{"lone_parents", "Lone parents", {}}};
    r.priorityPlaces = {"E09000002"};
    NeedsDataset d;
    d.name = "Figures";
    d.measures = {Measure{"esa_claimants", "ESA claimants", {}}};
    d.observations = {Observation{"E09000001", "esa_claimants", "2024-05", 100}};
    r.datasets = {d};
    return r;
}

GroupTariff tariff(const QString &group, CpaId cpa = {})
{
    GroupTariff t;
    t.group = group;
    t.cpa = cpa;
    t.attachmentFee = 300;
    t.jobOutcomePayment = 1000;
    t.sustainmentPayment = 200;
    t.sustainmentPayments = 3;
    t.sustainmentIntervalMonths = 2;
    t.jobOutcomeRatePercent = 20;
    t.sustainmentRatePercent = 50;
    t.deliveryCostPerStart = 500;
    return t;
}

ServiceDesign design()
{
    ServiceDesign d;
    d.standards = {
        ServiceStandard{
            "first_contact", "First contact", {}, 5, "working days", StandardDirection::AtMost},
        ServiceStandard{"key_worker", "Named key worker", {}, 1, {}, StandardDirection::Required},
        ServiceStandard{"in_work", "In-work support", {}, 6, "months", StandardDirection::AtLeast}};
    d.conditions = {DirectiveCondition{ConditionKind::GroupShare, "esa_wrag", {}, 20, {}},
                    DirectiveCondition{ConditionKind::PlacePresence, "E09000002", kNorth, 0, {}}};
    d.eligibility = {EligibilityRule{"benefit", "Claimed JSA for 12 months or more"}};
    d.referralRoutes = {ReferralRoute{"jobcentre_plus", "Work coaches"}};
    d.paymentGroups = {PaymentGroup{"esa_wrag", "ESA WRAG", "esa_claimants", 50, 10},
                       PaymentGroup{"jsa_12", "JSA 12 months+", {}, 100, 10}};
    d.volumes = {ReferralVolume{"jsa_12", kNorth, 240}, ReferralVolume{"jsa_12", kSouth, 120}};
    PaymentScenario s;
    s.name = "30% fee";
    s.tariffs = {tariff("esa_wrag"), tariff("jsa_12"), tariff("jsa_12", kSouth)};
    d.scenarios = {s};
    d.contributions = {LocalContribution{"E09000001",
                                         "public_health",
                                         ContributionForm::Money,
                                         100000,
                                         ContributionStatus::Agreed,
                                         {}}};
    return d;
}

} // namespace

void TestDesignCheck::validDesignPasses()
{
    const Status status = checkDesign(round(), design());
    QVERIFY2(status, qPrintable(status.errorMessage()));
}

void TestDesignCheck::emptyDesignPasses()
{
    QVERIFY(checkDesign(round(), ServiceDesign{}));
    QVERIFY(checkDesign(Round{}, ServiceDesign{}));
}

void TestDesignCheck::refused_data()
{
    QTest::addColumn<Breakage>("breakage");
    QTest::addColumn<QStringList>("words");

    const auto row = [](const char *name, Breakage breakage, const QStringList &words) {
        QTest::newRow(name) << breakage << words;
    };
    const auto scenario = [](ServiceDesign &d) -> PaymentScenario & {
        return d.scenarios.first();
    };
    const auto esaTariff = [](ServiceDesign &d) -> GroupTariff & {
        return d.scenarios.first().tariffs.first();
    };

    // Standards.
    row("standard: empty key", [](Round &, ServiceDesign &d) { d.standards[1].key = " "; },
        {"Standard 2", "key is empty"});
    row("standard: duplicate key",
        [](Round &, ServiceDesign &d) { d.standards[2].key = "first_contact"; },
        {"Standard \"first_contact\"", "same key"});
    row("standard: empty name", [](Round &, ServiceDesign &d) { d.standards[0].name.clear(); },
        {"Standard \"first_contact\"", "name is empty"});
    row("standard: negative target", [](Round &, ServiceDesign &d) { d.standards[0].target = -1; },
        {"Standard \"first_contact\"", "target of -1", "0 to 1,000,000"});
    row("standard: absurd target", [](Round &, ServiceDesign &d) { d.standards[2].target = 2e6; },
        {"Standard \"in_work\"", "target of 2,000,000", "outside"});
    row("standard: NaN target", [](Round &, ServiceDesign &d) { d.standards[0].target = kNaN; },
        {"Standard \"first_contact\"", "target", "not a finite number"});
    row("standard: infinite target",
        [](Round &, ServiceDesign &d) { d.standards[2].target = kInf; },
        {"Standard \"in_work\"", "target", "not a finite number"});
    row("standard: required not 1", [](Round &, ServiceDesign &d) { d.standards[1].target = 2; },
        {"Standard \"key_worker\"", "required", "must be 1, not 2"});

    // Directive conditions.
    row("condition: unknown group",
        [](Round &, ServiceDesign &d) { d.conditions[0].subject = "veterans"; },
        {"Directive condition 1", "\"veterans\"", "not a priority group"});
    row("condition: not a priority place",
        [](Round &, ServiceDesign &d) { d.conditions[1].subject = "E09000003"; },
        {"Directive condition 2", "\"E09000003\"", "not a priority place"});
    row("condition: CPA not adopted",
        [](Round &, ServiceDesign &d) { d.conditions[1].cpa = CpaId(9); },
        {"Directive condition 2", "CPA 9", "not a CPA of the adopted plan"});
    row("condition: share above 100",
        [](Round &, ServiceDesign &d) { d.conditions[0].minimumPercent = 120; },
        {"Directive condition 1", "minimum share of 120%", "0 to 100%"});
    row("condition: share NaN",
        [](Round &, ServiceDesign &d) { d.conditions[0].minimumPercent = kNaN; },
        {"Directive condition 1", "minimum share", "not a finite number"});

    // Eligibility and referral.
    row("eligibility: unknown category",
        [](Round &, ServiceDesign &d) { d.eligibility[0].category = "income"; },
        {"Eligibility rule 1", "\"income\"", "not an eligibility category", "benefit"});
    row("eligibility: empty text", [](Round &, ServiceDesign &d) { d.eligibility[0].text = "  "; },
        {"Eligibility rule 1", "text is empty"});
    row("referral: unknown source",
        [](Round &, ServiceDesign &d) { d.referralRoutes[0].source = "gp"; },
        {"Referral route 1", "\"gp\"", "not a referral source", "jobcentre_plus"});

    // Payment groups.
    row("group: empty key", [](Round &, ServiceDesign &d) { d.paymentGroups[1].key.clear(); },
        {"Payment group 2", "key is empty"});
    row("group: duplicate key",
        [](Round &, ServiceDesign &d) { d.paymentGroups[1].key = "esa_wrag"; },
        {"Payment group \"esa_wrag\"", "same key"});
    row("group: empty name", [](Round &, ServiceDesign &d) { d.paymentGroups[0].name.clear(); },
        {"Payment group \"esa_wrag\"", "name is empty"});
    row("group: unknown measure",
        [](Round &, ServiceDesign &d) { d.paymentGroups[0].measure = "lone_parents_count"; },
        {"Payment group \"esa_wrag\"", "measure \"lone_parents_count\"", "not a figure"});
    row("group: eligible share above 100",
        [](Round &, ServiceDesign &d) { d.paymentGroups[0].eligibleSharePercent = 140; },
        {"Payment group \"esa_wrag\"", "eligible share of 140%", "0 to 100%"});
    row("group: negative take-up",
        [](Round &, ServiceDesign &d) { d.paymentGroups[1].takeUpPercent = -1; },
        {"Payment group \"jsa_12\"", "take-up of -1%", "0 to 100%"});
    row("group: take-up NaN",
        [](Round &, ServiceDesign &d) { d.paymentGroups[1].takeUpPercent = kNaN; },
        {"Payment group \"jsa_12\"", "take-up", "not a finite number"});

    // Stated volumes.
    row("volume: unknown group", [](Round &, ServiceDesign &d) { d.volumes[0].group = "veterans"; },
        {"Stated referrals 1", "\"veterans\"", "not a payment group"});
    row("volume: CPA not adopted", [](Round &, ServiceDesign &d) { d.volumes[1].cpa = CpaId(7); },
        {"Stated referrals 2", "CPA 7", "not a CPA of the adopted plan"});
    row("volume: no adopted plan", [](Round &r, ServiceDesign &) { r.plans.clear(); },
        {"Directive condition 2", "no adopted CPA plan"});
    row("volume: stated twice", [](Round &, ServiceDesign &d) { d.volumes[1].cpa = kNorth; },
        {"Stated referrals for JSA 12 months+ in North", "stated twice"});
    row("volume: absurd", [](Round &, ServiceDesign &d) { d.volumes[0].referralsPerYear = 2e7; },
        {"Stated referrals for JSA 12 months+ in North", "20,000,000 referrals a year",
         "0 to 10,000,000"});
    row("volume: negative", [](Round &, ServiceDesign &d) { d.volumes[1].referralsPerYear = -5; },
        {"Stated referrals for JSA 12 months+ in South", "-5 referrals a year"});
    row("volume: infinite", [](Round &, ServiceDesign &d) { d.volumes[1].referralsPerYear = kInf; },
        {"Stated referrals for JSA 12 months+ in South", "not a finite number"});

    // Scenarios.
    row("scenario: empty name", [=](Round &, ServiceDesign &d) { scenario(d).name = " "; },
        {"Scenario 1", "name is empty"});
    row("scenario: duplicate name",
        [](Round &, ServiceDesign &d) { d.scenarios.append(d.scenarios.first()); },
        {"Scenario \"30% fee\"", "same name"});
    row("scenario: no contract years",
        [=](Round &, ServiceDesign &d) { scenario(d).contractYears = 0; },
        {"Scenario \"30% fee\"", "contract of 0 years", "1 to 15 years"});
    row("scenario: 16 contract years",
        [=](Round &, ServiceDesign &d) { scenario(d).contractYears = 16; },
        {"Scenario \"30% fee\"", "contract of 16 years"});
    row("scenario: months to job", [=](Round &, ServiceDesign &d) { scenario(d).monthsToJob = 61; },
        {"Scenario \"30% fee\"", "time to job of 61 months", "0 to 60 months"});
    row("scenario: negative months to job",
        [=](Round &, ServiceDesign &d) { scenario(d).monthsToJob = -1; },
        {"Scenario \"30% fee\"", "time to job of -1 months"});
    row("scenario: payment lag",
        [=](Round &, ServiceDesign &d) { scenario(d).paymentLagMonths = 37; },
        {"Scenario \"30% fee\"", "payment lag of 37 months", "0 to 36 months"});
    row("scenario: rate uncertainty",
        [=](Round &, ServiceDesign &d) { scenario(d).rateUncertaintyPoints = 51; },
        {"Scenario \"30% fee\"", "rate uncertainty of 51 percentage points",
         "0 to 50 percentage points"});
    row("scenario: rate uncertainty NaN",
        [=](Round &, ServiceDesign &d) { scenario(d).rateUncertaintyPoints = kNaN; },
        {"Scenario \"30% fee\"", "rate uncertainty", "not a finite number"});
    row("scenario: volume uncertainty",
        [=](Round &, ServiceDesign &d) { scenario(d).volumeUncertaintyPercent = 201; },
        {"Scenario \"30% fee\"", "volume uncertainty of 201%", "0 to 200%"});
    row("scenario: too few draws", [=](Round &, ServiceDesign &d) { scenario(d).draws = 99; },
        {"Scenario \"30% fee\"", "simulation of 99 draws", "100 to 1,000,000 draws"});
    row("scenario: too many draws", [=](Round &, ServiceDesign &d) { scenario(d).draws = 1000001; },
        {"Scenario \"30% fee\"", "simulation of 1,000,001 draws"});
    row("scenario: absurd bonus",
        [=](Round &, ServiceDesign &d) { scenario(d).bonusPerExtraJob = 2e6; },
        {"Scenario \"30% fee\"", "bonus per extra job of \u00a32,000,000",
         "\u00a30 to \u00a31,000,000 per person"});
    row("scenario: negative bonus",
        [=](Round &, ServiceDesign &d) { scenario(d).bonusPerExtraJob = -1; },
        {"Scenario \"30% fee\"", "bonus per extra job of \u00a3-1"});
    row("scenario: agent share",
        [=](Round &, ServiceDesign &d) { scenario(d).managingAgentBonusPercent = 101; },
        {"Scenario \"30% fee\"", "managing agent's share of the bonus of 101%"});
    row("scenario: benefit saving infinite",
        [=](Round &, ServiceDesign &d) { scenario(d).benefitSavingPerSustainedJob = kInf; },
        {"Scenario \"30% fee\"", "benefit saving per sustained job", "not a finite number"});
    row("scenario: absurd benefit saving",
        [=](Round &, ServiceDesign &d) { scenario(d).benefitSavingPerSustainedJob = 1e6 + 1; },
        {"Scenario \"30% fee\"", "benefit saving per sustained job of \u00a31,000,001"});
    row("scenario: savings returned",
        [=](Round &, ServiceDesign &d) { scenario(d).savingsReturnedPercent = -1; },
        {"Scenario \"30% fee\"", "share of savings returned of -1%", "0 to 100%"});
    row("scenario: liability",
        [=](Round &, ServiceDesign &d) { scenario(d).liabilityPercent = 101; },
        {"Scenario \"30% fee\"", "liability share of 101%", "0 to 100%"});

    // Tariffs.
    row("tariff: unknown group",
        [=](Round &, ServiceDesign &d) { esaTariff(d).group = "veterans"; },
        {"Scenario \"30% fee\", tariff 1", "\"veterans\"", "not a payment group"});
    row("tariff: CPA not adopted", [=](Round &, ServiceDesign &d) { esaTariff(d).cpa = CpaId(5); },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "CPA 5", "not a CPA of the adopted plan"});
    row("tariff: duplicate", [](Round &, ServiceDesign &d) { d.scenarios[0].tariffs[2].cpa = {}; },
        {"Scenario \"30% fee\", tariff for JSA 12 months+", "two tariffs"});
    row("tariff: duplicate in one CPA",
        [](Round &, ServiceDesign &d) { d.scenarios[0].tariffs.append(d.scenarios[0].tariffs[2]); },
        {"Scenario \"30% fee\", tariff for JSA 12 months+ in South", "two tariffs"});
    row("tariff: absurd attachment fee",
        [=](Round &, ServiceDesign &d) { esaTariff(d).attachmentFee = 2e6; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "attachment fee of \u00a32,000,000",
         "\u00a30 to \u00a31,000,000 per person"});
    row("tariff: job outcome payment NaN",
        [=](Round &, ServiceDesign &d) { esaTariff(d).jobOutcomePayment = kNaN; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "job outcome payment",
         "not a finite number"});
    row("tariff: negative sustainment payment",
        [](Round &, ServiceDesign &d) { d.scenarios[0].tariffs[2].sustainmentPayment = -10; },
        {"Scenario \"30% fee\", tariff for JSA 12 months+ in South",
         "sustainment payment of \u00a3-10"});
    row("tariff: too many sustainment payments",
        [=](Round &, ServiceDesign &d) { esaTariff(d).sustainmentPayments = 53; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "53 sustainment payments",
         "0 to 52 sustainment payments"});
    row("tariff: interval 0",
        [=](Round &, ServiceDesign &d) { esaTariff(d).sustainmentIntervalMonths = 0; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "sustainment interval of 0 months",
         "1 to 24 months"});
    row("tariff: interval 25",
        [=](Round &, ServiceDesign &d) { esaTariff(d).sustainmentIntervalMonths = 25; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "sustainment interval of 25 months"});
    row("tariff: job rate 140",
        [=](Round &, ServiceDesign &d) { esaTariff(d).jobOutcomeRatePercent = 140; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "job outcome rate of 140%", "0 to 100%"});
    row("tariff: sustainment rate negative",
        [=](Round &, ServiceDesign &d) { esaTariff(d).sustainmentRatePercent = -0.5; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "sustainment rate of -0.5%"});
    row("tariff: delivery cost infinite",
        [=](Round &, ServiceDesign &d) { esaTariff(d).deliveryCostPerStart = -kInf; },
        {"Scenario \"30% fee\", tariff for ESA WRAG", "delivery cost per start",
         "not a finite number"});

    // Local contributions.
    row("contribution: unknown authority",
        [](Round &, ServiceDesign &d) { d.contributions[0].authority = "E09999999"; },
        {"Local contribution 1", "\"E09999999\" is not an authority of the round"});
    row("contribution: unknown service",
        [](Round &, ServiceDesign &d) { d.contributions[0].service = "libraries"; },
        {"Local contribution 1", "\"libraries\"", "not a local service", "public_health"});
    row("contribution: absurd value",
        [](Round &, ServiceDesign &d) { d.contributions[0].valuePerYear = 2e9; },
        {"Local contribution 1", "value of \u00a32,000,000,000 a year",
         "\u00a30 to \u00a31,000,000,000 a year"});
    row("contribution: negative value",
        [](Round &, ServiceDesign &d) { d.contributions[0].valuePerYear = -1; },
        {"Local contribution 1", "value of \u00a3-1 a year"});
    row("contribution: NaN value",
        [](Round &, ServiceDesign &d) { d.contributions[0].valuePerYear = kNaN; },
        {"Local contribution 1", "value", "not a finite number"});
}

void TestDesignCheck::refused()
{
    QFETCH(Breakage, breakage);
    QFETCH(QStringList, words);

    Round r = round();
    ServiceDesign d = design();
    breakage(r, d);
    const Status status = checkDesign(r, d);
    QVERIFY(!status);
    const QString message = status.errorMessage();
    for (const QString &word : words)
        QVERIFY2(message.contains(word),
                 qPrintable(QStringLiteral("\"%1\" not in: %2").arg(word, message)));
    QVERIFY2(message.endsWith(u'.'), qPrintable(message));
}

void TestDesignCheck::messageNamesPartAndField()
{
    ServiceDesign d = design();
    d.scenarios[0].tariffs[0].jobOutcomeRatePercent = 140;
    QCOMPARE(checkDesign(round(), d).errorMessage(),
             QStringLiteral("Scenario \"30% fee\", tariff for ESA WRAG: a job outcome rate of "
                            "140% is outside 0 to 100%."));
}

void TestDesignCheck::scenarioCheckedAlone()
{
    // A scenario being edited, not yet part of the design, is checked against the design's
    // payment groups.
    const ServiceDesign d = design();
    PaymentScenario s = d.scenarios.first();
    s.name = "All outcome";
    QVERIFY(checkScenario(round(), d, s));
    s.tariffs.append(tariff("lone_parents"));
    const Status status = checkScenario(round(), d, s);
    QVERIFY(!status);
    QVERIFY2(status.errorMessage().contains("\"lone_parents\" is not a payment group"),
             qPrintable(status.errorMessage()));
}

QTEST_GUILESS_MAIN(TestDesignCheck)
#include "tst_designcheck.moc"
