#include "core/design/financialmodel.h"
#include "core/design/volumes.h"
#include "core/needs/indicators.h"
#include "core/round/design.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace CoCommission;

Q_DECLARE_METATYPE(CoCommission::DevolutionModel)

/**
 * The financial model of a payment scenario (stage 3) on a tiny round whose figures are
 * worked out by hand below: expected cost, unit costs, the delivery-fee share, timing and the
 * provider's cash flow, the model 2 bonus and model 3 savings and liability, the referral
 * volumes from the stage 1 figures, and the Monte Carlo's reproducibility and convergence.
 */
class TestFinancialModel : public QObject
{
    Q_OBJECT

private slots:
    void expectedCostByHand();
    void unitCostsAndFeeShare();
    void costByYearWithLags();
    void providerCashFlow();
    void zeroOutcomesHaveNoUnitCost();
    void modelTwoBonusSplit();
    void modelThreeSavingsAndLiability();
    void modelsDifferOnlyWhereTheyShould_data();
    void modelsDifferOnlyWhereTheyShould();
    void volumesFromFigures();
    void statedVolumeReplacesEstimate();
    void missingFigureNamesGroupAndCpa();
    void volumesOfTheDemoRound();
    void missingTariffIsAnError();
    void noAdoptedPlanIsAnError();
    void degenerateMonteCarlo();
    void monteCarloIsReproducible();
    void differentSeedDiffers();
    void meanConvergesOnExpectedCost_data();
    void meanConvergesOnExpectedCost();
    void percentilesAreOrderedAndHistogramCounts();
    void progressAndCancel();
    void cancelledForecastIsAnError();
};

namespace {

const CpaId kNorth(1);
const CpaId kSouth(2);

/*
 * The tiny round: North = {A}, South = {C, D}; two payment groups with stated volumes, one
 * scenario of two contract years, 3 months to a job and a lag of 1 month.
 *
 *                      ESA                              JSA
 *   tariff             fee 300, job 1,000, 3 × 200      fee 200, job 800, 2 × 100
 *                      every 2 months; 20% jobs, 50%    every 3 months; 30% jobs, 60%
 *                      sustained; delivery 500          sustained; delivery 400
 *   referrals/yr       North 120, South 60              North 240, South 120
 *
 * Per cell (S = R × 2, J = S × job rate, U = J × sustainment rate):
 *   ESA North  S 240  J 48   U 24    fees 72,000  jobs 48,000   sust 14,400  = 134,400  pc 120,000
 *   JSA North  S 480  J 144  U 86.4  fees 96,000  jobs 115,200  sust 17,280  = 228,480  pc 192,000
 *   ESA South  S 120  J 24   U 12    fees 36,000  jobs 24,000   sust 7,200   =  67,200  pc  60,000
 *   JSA South  S 240  J 72   U 43.2  fees 48,000  jobs 57,600   sust 8,640   = 114,240  pc  96,000
 *   total      1,080    288    165.6   252,000      244,800       47,520       544,320      468,000
 */
Round tinyRound(DevolutionModel model = DevolutionModel::CoCommissioning)
{
    Round r;
    r.model = model;
    r.authorities = {{"A", "Alpha"}, {"B", "Beta"}, {"C", "Gamma"}, {"D", "Delta"}};
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.name = "Plan";
    plan.adopted = true;
    plan.cpas = {Cpa{kNorth, "North", "#ff0000", {"A"}},
                 Cpa{kSouth, "South", "#00ff00", {"C", "D"}}};
    r.plans = {plan};

    ServiceDesign &d = r.design;
    d.paymentGroups = {PaymentGroup{"esa", "ESA WRAG", {}, 100, 10},
                       PaymentGroup{"jsa", "JSA 12 months+", {}, 100, 10}};
    d.volumes = {ReferralVolume{"esa", kNorth, 120}, ReferralVolume{"jsa", kNorth, 240},
                 ReferralVolume{"esa", kSouth, 60}, ReferralVolume{"jsa", kSouth, 120}};
    PaymentScenario s;
    s.name = "30% fee";
    s.contractYears = 2;
    s.monthsToJob = 3;
    s.paymentLagMonths = 1;
    s.rateUncertaintyPoints = 0;
    s.volumeUncertaintyPercent = 0;
    s.draws = 1000;
    s.seed = 1;
    s.bonusPerExtraJob = 500;
    s.managingAgentBonusPercent = 60;
    s.benefitSavingPerSustainedJob = 5000;
    s.savingsReturnedPercent = 10;
    s.liabilityPercent = 40;
    GroupTariff esa{"esa", {}, 300, 1000, 200, 3, 2, 20, 50, 500};
    GroupTariff jsa{"jsa", {}, 200, 800, 100, 2, 3, 30, 60, 400};
    s.tariffs = {esa, jsa};
    d.scenarios = {s};
    return r;
}

const PaymentScenario &scenarioOf(const Round &r)
{
    return r.design.scenarios.first();
}

FinancialModel model(const Round &r)
{
    Result<FinancialModel> m = FinancialModel::build(r, scenarioOf(r));
    if (!m)
        qFatal("%s", qPrintable(m.errorMessage()));
    return *m;
}

/** A round with uncertainty, for the Monte Carlo. */
Round uncertainRound(DevolutionModel model = DevolutionModel::CoCommissioning)
{
    Round r = tinyRound(model);
    r.design.scenarios[0].rateUncertaintyPoints = 5;
    r.design.scenarios[0].volumeUncertaintyPercent = 15;
    return r;
}

/** Cells in the model's order: North ESA, North JSA, South ESA, South JSA. */
const QList<double> kReferrals{120, 240, 60, 120};
const QList<double> kJobRates{20, 30, 20, 30};
const QList<double> kSustainmentRates{50, 60, 50, 60};

} // namespace

void TestFinancialModel::expectedCostByHand()
{
    const ScenarioForecast f = model(tinyRound()).expected();
    QCOMPARE(f.cells.size(), 4);
    QCOMPARE(f.cells[1].group, QStringLiteral("jsa"));
    QCOMPARE(f.cells[1].cpa, kNorth);
    QVERIFY(f.cells[1].stated);
    QCOMPARE(f.cells[1].starts, 480.0);
    QCOMPARE(f.cells[1].jobs, 144.0);
    QCOMPARE(f.cells[1].sustained, 86.4);
    QCOMPARE(f.cells[1].attachmentFees, 96000.0);
    QCOMPARE(f.cells[1].jobOutcomePayments, 115200.0);
    QCOMPARE(f.cells[1].sustainmentPayments, 17280.0);
    QCOMPARE(f.cells[1].cost, 228480.0);
    QCOMPARE(f.cells[1].providerCost, 192000.0);

    QCOMPARE(f.starts, 1080.0);
    QCOMPARE(f.jobs, 288.0);
    QCOMPARE(f.sustained, 165.6);
    QCOMPARE(f.attachmentFees, 252000.0);
    QCOMPARE(f.jobOutcomePayments, 244800.0);
    QCOMPARE(f.sustainmentPayments, 47520.0);
    QCOMPARE(f.cost, 544320.0);
    QCOMPARE(f.revenue, 544320.0);
    QCOMPARE(f.providerCost, 468000.0);
    QCOMPARE(f.providerMargin, 76320.0);
    QCOMPARE(f.providerMarginPercent, 76320.0 / 544320.0 * 100.0);

    QCOMPARE(f.cpas.size(), 2);
    QCOMPARE(f.cpas[0].name, QStringLiteral("North"));
    QCOMPARE(f.cpas[0].cost, 362880.0); // 134,400 + 228,480
    QCOMPARE(f.cpas[0].jobs, 192.0);    // the profile: 48 + 144
    QCOMPARE(f.cpas[0].sustained, 110.4);
    QCOMPARE(f.cpas[1].cost, 181440.0); // 67,200 + 114,240
    QCOMPARE(f.cpas[1].providerMargin, 181440.0 - 156000.0);
    // Model 1: no savings, no bonus.
    QCOMPARE(f.benefitSavings, 0.0);
    QCOMPARE(f.savingsReturned, 0.0);
}

void TestFinancialModel::unitCostsAndFeeShare()
{
    const ScenarioForecast f = model(tinyRound()).expected();
    QVERIFY(f.costPerJobOutcome && f.costPerSustainedJob);
    QCOMPARE(*f.costPerJobOutcome, 1890.0);             // 544,320 / 288
    QCOMPARE(*f.costPerSustainedJob, 544320.0 / 165.6); // about 3,286.96
    QCOMPARE(f.deliveryFeeShare, 252000.0 / 544320.0);  // about 46%
}

/*
 * North, month by month (starts m = 0..23): ESA 10 starts a month, fee 3,000 at m + 1, jobs
 * 2,000 at m + 4, sustainment 200 at m + 6, m + 8, m + 10; JSA 20 starts a month, fee 4,000 at
 * m + 1, jobs 4,800 at m + 4, sustainment 360 at m + 7 and m + 10.
 *   year 0 (months 0-11): ESA 11 × 3,000 + 8 × 2,000 + (6 + 4 + 2) × 200 = 51,400
 *                         JSA 11 × 4,000 + 8 × 4,800 + (5 + 2) × 360     = 84,920 -> 136,320
 *   year 1: ESA 67,200, JSA 114,240                                                -> 181,440
 *   year 2 (months 24-33): ESA 3,000 + 4 × 2,000 + (6 + 8 + 10) × 200   = 15,800
 *                          JSA 4,000 + 4 × 4,800 + (7 + 10) × 360       = 29,320 ->  45,120
 */
void TestFinancialModel::costByYearWithLags()
{
    const ScenarioForecast f = model(tinyRound()).expected();
    const CpaForecast &north = f.cpas[0];
    QCOMPARE(north.costByYear.size(), 3); // the tail runs into a third year
    QCOMPARE(north.costByYear[0], 136320.0);
    QCOMPARE(north.costByYear[1], 181440.0);
    QCOMPARE(north.costByYear[2], 45120.0);
    QCOMPARE(std::accumulate(north.costByYear.cbegin(), north.costByYear.cend(), 0.0), north.cost);
    QCOMPARE(f.costByYear.size(), 3);
    for (int y = 0; y < 3; ++y)
        QCOMPARE(f.costByYear[y], north.costByYear[y] + f.cpas[1].costByYear[y]);
    QCOMPARE(std::accumulate(f.costByYear.cbegin(), f.costByYear.cend(), 0.0), f.cost);

    // Without lags, sustainment or time to job, each year pays for its own starts.
    Round flat = tinyRound();
    PaymentScenario &s = flat.design.scenarios[0];
    s.monthsToJob = 0;
    s.paymentLagMonths = 0;
    for (GroupTariff &t : s.tariffs)
        t.sustainmentPayments = 0;
    const ScenarioForecast g = model(flat).expected();
    QCOMPARE(g.costByYear.size(), 2);
    QCOMPARE(g.costByYear[0], g.costByYear[1]);
    QCOMPARE(g.cashFlow.size(), 24);
}

/*
 * Delivery costs of a start are spread over 3 months (the months to a job). A month of full
 * delivery costs (10 × 500 + 20 × 400 + 5 × 500 + 10 × 400) = 19,500; fees arrive a month
 * after the start (3,000 + 4,000 + 1,500 + 2,000 = 10,500), job payments from month 4
 * (2,000 + 4,800 + 1,000 + 2,400 = 10,200).
 *   month 0: out 6,500                  position  -6,500
 *   month 1: in 10,500, out 13,000      position  -9,000
 *   month 2: in 10,500, out 19,500      position -18,000
 *   month 3: in 10,500, out 19,500      position -27,000   <- the peak funding need
 *   month 4: in 20,700, out 19,500      position -25,800
 */
void TestFinancialModel::providerCashFlow()
{
    const ScenarioForecast f = model(tinyRound()).expected();
    QCOMPARE(f.cashFlow.size(), 34); // 24 months of starts + 3 to a job + 6 of sustainment + 1
    QCOMPARE(f.cashFlow[0].inflow, 0.0);
    QCOMPARE(f.cashFlow[0].outflow, 6500.0);
    QCOMPARE(f.cashFlow[1].inflow, 10500.0);
    QCOMPARE(f.cashFlow[1].outflow, 13000.0);
    QCOMPARE(f.cashFlow[3].cumulative, -27000.0);
    QCOMPARE(f.cashFlow[4].inflow, 20700.0);
    QCOMPARE(f.cashFlow[4].cumulative, -25800.0);
    QCOMPARE(f.cashFlow[25].outflow, 6500.0); // the last starts' last month of delivery
    QCOMPARE(f.cashFlow[26].outflow + 1.0, 1.0);
    QCOMPARE(f.peakFundingNeed, 27000.0);
    QCOMPARE(f.cashFlow.last().cumulative, f.providerMargin);
    // North alone: 13,000 a month of delivery (a third, two thirds in months 0 and 1), 7,000
    // of fees from month 1: -4,333, -6,000, -12,000, -18,000, then job payments arrive.
    QCOMPARE(f.cpas[0].peakFundingNeed, 18000.0);
    QCOMPARE(f.cpas[1].peakFundingNeed, 9000.0);
}

void TestFinancialModel::zeroOutcomesHaveNoUnitCost()
{
    Round r = tinyRound();
    for (GroupTariff &t : r.design.scenarios[0].tariffs)
        t.jobOutcomeRatePercent = 0;
    const ScenarioForecast f = model(r).expected();
    QVERIFY(!f.costPerJobOutcome);
    QVERIFY(!f.costPerSustainedJob);
    QCOMPARE(f.cost, f.attachmentFees);
    QCOMPARE(f.deliveryFeeShare, 1.0);

    for (GroupTariff &t : r.design.scenarios[0].tariffs) {
        t.attachmentFee = 0;
        t.deliveryCostPerStart = 0;
    }
    const ScenarioForecast nothing = model(r).expected();
    QCOMPARE(nothing.cost + 1.0, 1.0);
    QCOMPARE(nothing.deliveryFeeShare + 1.0, 1.0);
    QCOMPARE(nothing.providerMarginPercent + 1.0, 1.0);
}

/*
 * Model 2, bonus 500 per job above the profile, 60% to the managing agent. The draw: ESA's job
 * rate 30% everywhere, JSA South's referrals 60 a year.
 *   North jobs: 240 × 30% + 144 = 216 against a profile of 192 -> 24 extra -> bonus 12,000
 *   South jobs: 120 × 30% + 120 × 30% = 72 against 96: a shortfall, no bonus (and no offset)
 *   outcome payments: ESA North 72,000 + 72,000 + 36 × 600 = 165,600; JSA North 228,480;
 *   ESA South 36,000 + 36,000 + 18 × 600 = 82,800; JSA South 24,000 + 28,800 + 21.6 × 200 =
 *   57,120; total 534,000. Provider cost 120,000 + 192,000 + 60,000 + 48,000 = 420,000.
 */
void TestFinancialModel::modelTwoBonusSplit()
{
    const FinancialModel m = model(tinyRound(DevolutionModel::PartnershipDelivery));
    const DrawFigures atProfile = m.figures(kReferrals, kJobRates, kSustainmentRates);
    QCOMPARE(atProfile.bonus + 1.0, 1.0);
    QCOMPARE(atProfile.cost, 544320.0);

    const DrawFigures d = m.figures({120, 240, 60, 60}, {30, 30, 30, 30}, kSustainmentRates);
    QCOMPARE(d.jobs, 216.0 + 72.0);
    QCOMPARE(d.outcomePayments, 534000.0);
    QCOMPARE(d.bonus, 12000.0);
    QCOMPARE(d.agentBonus, 7200.0);
    QCOMPARE(d.boroughBonus, 4800.0);
    QCOMPARE(d.cost, 546000.0);
    QCOMPARE(d.providerRevenue, 541200.0);
    QCOMPARE(d.providerCost, 420000.0);
    QCOMPARE(d.providerMargin, 121200.0);
    QCOMPARE(d.providerMarginPercent, 121200.0 / 541200.0 * 100.0);
    QCOMPARE(d.liability, 0.0);
    QCOMPARE(d.savingsReturned, 0.0);
}

/*
 * Model 3, a year's benefit saving of 5,000 per sustained job, 10% returned, 40% of a
 * shortfall borne locally. Profile of sustained jobs: North 24 + 86.4 = 110.4, South 12 +
 * 43.2 = 55.2. The draw: JSA's sustainment rate 50% -> North 24 + 72 = 96 (14.4 short), South
 * 12 + 36 = 48 (7.2 short); 144 sustained. Savings 720,000, returned 72,000; liability
 * (14.4 + 7.2) × 5,000 × 40% = 43,200.
 */
void TestFinancialModel::modelThreeSavingsAndLiability()
{
    const FinancialModel m = model(tinyRound(DevolutionModel::FullDevolution));
    QCOMPARE(m.expected().benefitSavings, 828000.0); // 165.6 × 5,000
    QCOMPARE(m.expected().savingsReturned, 82800.0);
    QCOMPARE(m.expected().cpas[0].savingsReturned, 55200.0); // 110.4 × 5,000 × 10%

    const DrawFigures atProfile = m.figures(kReferrals, kJobRates, kSustainmentRates);
    QCOMPARE(atProfile.liability + 1.0, 1.0);
    QCOMPARE(atProfile.savingsReturned, 82800.0);

    const DrawFigures d = m.figures(kReferrals, kJobRates, {50, 50, 50, 50});
    QCOMPARE(d.sustained, 144.0);
    QCOMPARE(d.benefitSavings, 720000.0);
    QCOMPARE(d.savingsReturned, 72000.0);
    QCOMPARE(d.liability, 43200.0);
    QCOMPARE(d.bonus, 0.0);

    // A CPA above its profile does not offset another's shortfall: North 48 + 72 = 120.
    const DrawFigures e = m.figures(kReferrals, kJobRates, {100, 50, 50, 50});
    QCOMPARE(e.liability, 7.2 * 5000 * 0.4);
}

void TestFinancialModel::modelsDifferOnlyWhereTheyShould_data()
{
    QTest::addColumn<DevolutionModel>("model");
    QTest::addColumn<bool>("bonus");
    QTest::addColumn<bool>("savings");
    QTest::newRow("model 1: co-commissioning")
        << DevolutionModel::CoCommissioning << false << false;
    QTest::newRow("model 2: partnership delivery")
        << DevolutionModel::PartnershipDelivery << true << false;
    QTest::newRow("model 3: full devolution") << DevolutionModel::FullDevolution << false << true;
}

void TestFinancialModel::modelsDifferOnlyWhereTheyShould()
{
    QFETCH(DevolutionModel, model);
    QFETCH(bool, bonus);
    QFETCH(bool, savings);

    const Round r = uncertainRound(model);
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r), 2000);
    QVERIFY2(f, qPrintable(f.errorMessage()));
    QCOMPARE(f->cost, 544320.0); // the expected cost is the same under every model
    QCOMPARE(f->monteCarlo.meanBonus > 0, bonus);
    QCOMPARE(f->monteCarlo.bonus.p90 > 0, bonus);
    QCOMPARE(f->monteCarlo.meanSavingsReturned > 0, savings);
    QCOMPARE(f->monteCarlo.meanLiability > 0, savings);
    if (bonus)
        QCOMPARE(f->monteCarlo.meanAgentBonus, f->monteCarlo.meanBonus * 0.6);
}

/*
 * Figures: esa_claimants at 2024-01 and 2024-05 (the latest, which is used). ESA's eligible
 * share 50%, take-up 10%. North {A}: 1,000 -> 500 eligible -> 50 referrals a year. South
 * {C, D}: 300 + 500 = 800 -> 400 eligible -> 40 referrals a year.
 */
void TestFinancialModel::volumesFromFigures()
{
    Round r = tinyRound();
    NeedsDataset d;
    d.name = "Figures";
    d.measures = {Measure{"esa_claimants", "ESA claimants", {}}};
    d.observations = {
        {"A", "esa_claimants", "2024-01", 900}, {"C", "esa_claimants", "2024-01", 200},
        {"D", "esa_claimants", "2024-01", 400}, {"A", "esa_claimants", "2024-05", 1000},
        {"C", "esa_claimants", "2024-05", 300}, {"D", "esa_claimants", "2024-05", 500}};
    r.datasets = {d};
    r.design.paymentGroups[0].measure = "esa_claimants";
    r.design.paymentGroups[0].eligibleSharePercent = 50;
    r.design.paymentGroups[0].takeUpPercent = 10;
    r.design.volumes.removeIf([](const ReferralVolume &v) { return v.group == "esa"; });

    const Indicators indicators(r);
    const Result<VolumeEstimate> north =
        referralVolume(r, indicators, r.design.paymentGroups[0], r.plans[0].cpas[0]);
    QVERIFY2(north, qPrintable(north.errorMessage()));
    QCOMPARE(north->eligible.value_or(-1), 500.0);
    QCOMPARE(north->referralsPerYear, 50.0);
    QVERIFY(!north->stated);
    QCOMPARE(north->date, QStringLiteral("2024-05"));
    QVERIFY2(north->basis.contains("ESA claimants"), qPrintable(north->basis));

    const QList<VolumeEstimate> all = referralVolumes(r);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all[2].group, QStringLiteral("esa"));
    QCOMPARE(all[2].cpa, kSouth);
    QCOMPARE(all[2].eligible.value_or(-1), 400.0);
    QCOMPARE(all[2].referralsPerYear, 40.0);
    QVERIFY(all[3].stated);
    QCOMPARE(all[3].referralsPerYear, 120.0);
    QVERIFY(!all[3].eligible); // JSA has no measure

    // The model uses the estimates: ESA North S = 100, J = 20, U = 10 -> 30,000 + 20,000 +
    // 6,000; ESA South S = 80, J = 16, U = 8 -> 24,000 + 16,000 + 4,800.
    const ScenarioForecast f = model(r).expected();
    QCOMPARE(f.cells[0].cost, 56000.0);
    QVERIFY(!f.cells[0].stated);
    QCOMPARE(f.cells[2].cost, 44800.0);
    QCOMPARE(f.cost, 56000.0 + 228480.0 + 44800.0 + 114240.0);
}

void TestFinancialModel::statedVolumeReplacesEstimate()
{
    Round r = tinyRound();
    NeedsDataset d;
    d.measures = {Measure{"esa_claimants", "ESA claimants", {}}};
    d.observations = {{"A", "esa_claimants", "2024-05", 1000},
                      {"C", "esa_claimants", "2024-05", 300},
                      {"D", "esa_claimants", "2024-05", 500}};
    r.datasets = {d};
    r.design.paymentGroups[0].measure = "esa_claimants";
    // ESA South is stated as 60: the estimate (800 × 100% × 10% = 80) is not used.
    const QList<VolumeEstimate> all = referralVolumes(r);
    QCOMPARE(all[2].referralsPerYear, 60.0);
    QVERIFY(all[2].stated);
    QCOMPARE(all[2].eligible.value_or(-1), 800.0);
    QCOMPARE(all[2].estimate.value_or(-1), 80.0); // what it would be, shown beside the figure
    QVERIFY(all[2].hasFigure());
}

void TestFinancialModel::missingFigureNamesGroupAndCpa()
{
    Round r = tinyRound();
    NeedsDataset d;
    d.measures = {Measure{"esa_claimants", "ESA claimants", {}}};
    d.observations = {{"A", "esa_claimants", "2024-05", 1000},
                      {"C", "esa_claimants", "2024-05", 300}}; // D has none
    r.datasets = {d};
    r.design.paymentGroups[0].measure = "esa_claimants";
    r.design.volumes.removeIf([](const ReferralVolume &v) { return v.group == "esa"; });

    const QList<VolumeEstimate> all = referralVolumes(r);
    QVERIFY(all[0].hasFigure());
    QVERIFY(!all[2].hasFigure());
    QCOMPARE(all[2].referralsPerYear, 0.0);
    for (const char *word : {"ESA WRAG", "South", "Delta", "state the referrals per year"})
        QVERIFY2(all[2].problem.contains(QLatin1String(word)), qPrintable(all[2].problem));

    // JSA has no measure: only the stated volumes give it a figure.
    r.design.volumes.removeIf([](const ReferralVolume &v) { return v.cpa == kNorth; });
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r), 0);
    QVERIFY(!f);
    for (const char *word : {"JSA 12 months+", "North", "no measure", "state the referrals"})
        QVERIFY2(f.errorMessage().contains(QLatin1String(word)), qPrintable(f.errorMessage()));
}

void TestFinancialModel::volumesOfTheDemoRound()
{
    // The demo's illustrative figures: each CPA's eligible volume is its authorities' sum.
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    Round r = *demo;
    r.design.paymentGroups = {PaymentGroup{"esa", "ESA", "esa_claimants", 40, 10}};
    const Indicators indicators(r);
    const QString date = indicators.find("esa_claimants")->dates.last();
    const QList<VolumeEstimate> all = referralVolumes(r);
    QCOMPARE(all.size(), r.adoptedPlan()->cpas.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Cpa &cpa = r.adoptedPlan()->cpas[i];
        const double sum = indicators.value("esa_claimants", cpa.members, date).value_or(-1);
        QVERIFY(sum > 0);
        QCOMPARE(all[i].eligible.value_or(-1), sum * 0.4);
        QCOMPARE(all[i].referralsPerYear, sum * 0.04);
    }
}

void TestFinancialModel::missingTariffIsAnError()
{
    Round r = tinyRound();
    GroupTariff &jsa = r.design.scenarios[0].tariffs[1];
    jsa.cpa = kNorth; // now only North has a JSA tariff
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r));
    QVERIFY(!f);
    for (const char *word : {"\"30% fee\"", "no tariff", "JSA 12 months+", "South"})
        QVERIFY2(f.errorMessage().contains(QLatin1String(word)), qPrintable(f.errorMessage()));

    // A CPA's own tariff takes precedence over the all-CPA one.
    Round own = tinyRound();
    GroupTariff southEsa = own.design.scenarios[0].tariffs[0];
    southEsa.cpa = kSouth;
    southEsa.attachmentFee = 400;
    own.design.scenarios[0].tariffs.append(southEsa);
    const ScenarioForecast g = model(own).expected();
    QCOMPARE(g.cells[2].attachmentFees, 120 * 400.0);
    QCOMPARE(g.cells[0].attachmentFees, 240 * 300.0);
}

void TestFinancialModel::noAdoptedPlanIsAnError()
{
    Round r = tinyRound();
    r.design.volumes.clear();
    r.plans[0].adopted = false;
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r));
    QVERIFY(!f);
    QVERIFY2(f.errorMessage().contains("no adopted CPA plan"), qPrintable(f.errorMessage()));

    Round bad = tinyRound();
    bad.design.scenarios[0].tariffs[0].jobOutcomeRatePercent = 140;
    const Result<ScenarioForecast> g = forecastScenario(bad, scenarioOf(bad));
    QVERIFY(!g);
    QVERIFY2(g.errorMessage().contains("job outcome rate of 140%"), qPrintable(g.errorMessage()));
}

void TestFinancialModel::degenerateMonteCarlo()
{
    // No uncertainty: every draw is the expected case.
    const Round r = tinyRound(DevolutionModel::PartnershipDelivery);
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r));
    QVERIFY2(f, qPrintable(f.errorMessage()));
    const MonteCarloForecast &mc = f->monteCarlo;
    QCOMPARE(mc.draws, 1000);
    QCOMPARE(mc.seed, 1u);
    QCOMPARE(mc.cost.p10, 544320.0);
    QCOMPARE(mc.cost.p50, 544320.0);
    QCOMPARE(mc.cost.p90, 544320.0);
    QCOMPARE(mc.meanCost, 544320.0);
    QCOMPARE(mc.providerMargin.p50, 76320.0);
    QCOMPARE(mc.meanBonus + 1.0, 1.0);
    QCOMPARE(mc.histogram.size(), FinancialModel::kHistogramBins);
    QCOMPARE(mc.histogram.first(), 1000);
    QCOMPARE(mc.histogramBinWidth, 0.0);

    // No draws asked for: no Monte Carlo.
    const Result<ScenarioForecast> none = forecastScenario(r, scenarioOf(r), 0);
    QVERIFY(none);
    QCOMPARE(none->monteCarlo.draws, 0);
    QVERIFY(none->monteCarlo.histogram.isEmpty());
}

void TestFinancialModel::monteCarloIsReproducible()
{
    const Round r = uncertainRound(DevolutionModel::FullDevolution);
    const Result<ScenarioForecast> a = forecastScenario(r, scenarioOf(r), 3000);
    const Result<ScenarioForecast> b = forecastScenario(r, scenarioOf(r), 3000);
    QVERIFY(a && b);
    // Bit for bit: the same seed draws the same numbers.
    QVERIFY(a->monteCarlo.cost.p10 == b->monteCarlo.cost.p10);
    QVERIFY(a->monteCarlo.cost.p50 == b->monteCarlo.cost.p50);
    QVERIFY(a->monteCarlo.cost.p90 == b->monteCarlo.cost.p90);
    QVERIFY(a->monteCarlo.providerMargin.p50 == b->monteCarlo.providerMargin.p50);
    QVERIFY(a->monteCarlo.liability.p90 == b->monteCarlo.liability.p90);
    QVERIFY(a->monteCarlo.meanCost == b->monteCarlo.meanCost);
    QCOMPARE(a->monteCarlo.histogram, b->monteCarlo.histogram);
    QVERIFY(a->monteCarlo.cost.p10 < a->monteCarlo.cost.p90);
}

void TestFinancialModel::differentSeedDiffers()
{
    Round r = uncertainRound();
    const Result<ScenarioForecast> a = forecastScenario(r, scenarioOf(r), 3000);
    r.design.scenarios[0].seed = 2;
    const Result<ScenarioForecast> b = forecastScenario(r, scenarioOf(r), 3000);
    QVERIFY(a && b);
    QCOMPARE(b->monteCarlo.seed, 2u);
    QVERIFY(a->monteCarlo.cost.p50 != b->monteCarlo.cost.p50);
    QVERIFY(a->monteCarlo.meanCost != b->monteCarlo.meanCost);
    QCOMPARE(a->cost, b->cost); // the expected figures do not depend on the seed
}

void TestFinancialModel::meanConvergesOnExpectedCost_data()
{
    QTest::addColumn<DevolutionModel>("model");
    QTest::addColumn<double>("rateSd");
    QTest::addColumn<double>("volumeCv");
    QTest::newRow("model 1, 5 points, 15%") << DevolutionModel::CoCommissioning << 5.0 << 15.0;
    QTest::newRow("model 1, wide: 30 points, 100%")
        << DevolutionModel::CoCommissioning << 30.0 << 100.0;
    QTest::newRow("model 1, sd beyond what a beta allows: 50 points")
        << DevolutionModel::CoCommissioning << 50.0 << 15.0;
    QTest::newRow("model 2, bonus left out") << DevolutionModel::PartnershipDelivery << 5.0 << 15.0;
}

void TestFinancialModel::meanConvergesOnExpectedCost()
{
    QFETCH(DevolutionModel, model);
    QFETCH(double, rateSd);
    QFETCH(double, volumeCv);

    Round r = tinyRound(model);
    r.design.scenarios[0].rateUncertaintyPoints = rateSd;
    r.design.scenarios[0].volumeUncertaintyPercent = volumeCv;
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r), 20000);
    QVERIFY2(f, qPrintable(f.errorMessage()));
    const double simulated = f->monteCarlo.meanCost - f->monteCarlo.meanBonus;
    const double error = std::abs(simulated - f->cost) / f->cost;
    QVERIFY2(error < 0.01, qPrintable(QStringLiteral("simulated %1, expected %2 (%3%)")
                                          .arg(simulated)
                                          .arg(f->cost)
                                          .arg(error * 100)));
}

void TestFinancialModel::percentilesAreOrderedAndHistogramCounts()
{
    const Round r = uncertainRound(DevolutionModel::PartnershipDelivery);
    const Result<ScenarioForecast> f = forecastScenario(r, scenarioOf(r), 5000);
    QVERIFY(f);
    const MonteCarloForecast &mc = f->monteCarlo;
    for (const Percentiles &p : {mc.cost, mc.providerMargin, mc.providerMarginPercent, mc.bonus}) {
        QVERIFY(p.p10 <= p.p50);
        QVERIFY(p.p50 <= p.p90);
    }
    QVERIFY(mc.cost.p10 < f->cost && f->cost < mc.cost.p90);
    QCOMPARE(mc.histogram.size(), 30);
    QCOMPARE(std::accumulate(mc.histogram.cbegin(), mc.histogram.cend(), 0), 5000);
    QVERIFY(mc.histogramFrom <= mc.cost.p10);
    QVERIFY(mc.histogramFrom + 30 * mc.histogramBinWidth >= mc.cost.p90);
    // With a bonus in some draws the boroughs get the rest.
    QCOMPARE(mc.meanAgentBonus + mc.meanBoroughBonus, mc.meanBonus);
}

void TestFinancialModel::progressAndCancel()
{
    const Round r = uncertainRound();
    const FinancialModel m = model(r);

    QList<std::pair<int, int>> calls;
    const Result<MonteCarloForecast> all = m.simulate(2500, 7, [&](int done, int total) {
        calls.append({done, total});
        return true;
    });
    QVERIFY(all);
    QCOMPARE(calls, (QList<std::pair<int, int>>{{1000, 2500}, {2000, 2500}, {2500, 2500}}));

    calls.clear();
    const Result<MonteCarloForecast> cancelled = m.simulate(10000, 7, [&](int done, int total) {
        calls.append({done, total});
        return done < 2000;
    });
    QVERIFY(!cancelled);
    QVERIFY2(cancelled.errorMessage().contains("cancelled"), qPrintable(cancelled.errorMessage()));
    QCOMPARE(calls.size(), 2); // stopped at the second call
}

void TestFinancialModel::cancelledForecastIsAnError()
{
    const Round r = uncertainRound();
    const Result<ScenarioForecast> f =
        forecastScenario(r, scenarioOf(r), 5000, [](int, int) { return false; });
    QVERIFY(!f);
    QVERIFY(f.errorMessage().contains("cancelled"));
}

QTEST_GUILESS_MAIN(TestFinancialModel)
#include "tst_financialmodel.moc"
