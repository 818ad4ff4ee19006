#pragma once

// Stage 3: the financial model of one payment scenario over the adopted plan's CPAs and the
// design's payment groups: the expected figures, their timing, and a seeded Monte Carlo.
//
// Definitions (g a payment group, c a CPA of the adopted plan, one "cell" per g × c):
//   R[g,c]  referrals per year (core/design/volumes.h: stated, or estimated from the figures)
//   S = R × contractYears starts (every referral starts), J = S × job outcome rate jobs,
//   U = J × sustainment rate sustained jobs; the tariff is ServiceDesign::tariff(scenario,g,c)
//   (a missing tariff is an error naming the scenario, group and CPA).
//   Commissioner's cost = S × attachment fee + J × job outcome payment
//                         + U × sustainment payments × sustainment payment (+ model 2 bonus).
//   Provider revenue = the same payments + the managing agent's share of the bonus; provider
//   cost = S × delivery cost per start; margin = revenue − cost; margin % = margin / revenue
//   × 100 (0 when revenue is 0).
//   Profile of a CPA = its expected jobs and sustained jobs (at the assumed rates and volumes).
//   Model 2 (partnership delivery): bonus = Σ_c max(0, J_c − profile J_c) × bonusPerExtraJob,
//   managingAgentBonusPercent of it to the managing agent, the rest to the boroughs.
//   Model 3 (full devolution): benefit savings = U × benefitSavingPerSustainedJob; returned
//   locally = savings × savingsReturnedPercent / 100; liability = Σ_c max(0, profile U_c −
//   U_c) × benefitSavingPerSustainedJob × liabilityPercent / 100.
//   Model 1: neither. At the expected values the bonus and the liability are 0; they come
//   from the Monte Carlo.
//   Cost per job outcome = cost / J, per sustained job = cost / U (none when the divisor is 0);
//   delivery-fee share = attachment fees / cost (0 when the cost is 0).
// Timing (expected values): a cell's starts are spread evenly over months 0 .. 12 × years − 1
// (R / 12 a month); the attachment fee is paid at start + paymentLagMonths, the job outcome
// payment at start + monthsToJob + lag, sustainment payment k (1..n) at start + monthsToJob +
// k × sustainmentIntervalMonths + lag. Year y holds months 12y .. 12y + 11; the years run past
// the contract for the tail. The provider's cash flow: inflow = the payments, outflow = the
// delivery cost of each start spread evenly over max(1, monthsToJob) months from its start;
// peak funding need = −min(cumulative position, 0).
// Monte Carlo (seeded with the scenario's seed, boost::random::mt19937 and Boost.Random's
// distributions, so that a seed gives the same figures on every platform): per draw, for each
// payment group in design order, a job outcome rate then a sustainment rate, each from a beta
// distribution with the assumed rate as mean and rateUncertaintyPoints / 100 as standard
// deviation (fixed when that is 0 or the mean is 0 or 1; when sd² ≥ mean × (1 − mean) the
// variance is shrunk to mean × (1 − mean) / 2). The rates are drawn once per group and draw
// and shared by the CPAs: how well the programme works for a group is systemic. (A CPA whose
// own tariff assumes other rates gets its own draw, after the group's shared one.) Then for
// each CPA in plan order × group in design order the referrals per year, from a gamma
// distribution with mean R and coefficient of variation volumeUncertaintyPercent / 100 (fixed
// when that is 0). Both distributions have exact means, so the mean of the draws' cost without
// the bonus converges on the expected cost.

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/devolutionmodel.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace CoCommission {

struct PaymentScenario;
struct Round;

/** The 10th, 50th and 90th percentiles of a simulated figure (linear interpolation). */
struct Percentiles
{
    double p10 = 0;
    double p50 = 0;
    double p90 = 0;
};

/** The expected figures of one payment group in one CPA; money in pounds over the contract. */
struct CellForecast
{
    QString group; ///< the payment group's key
    CpaId cpa;
    double referralsPerYear = 0;
    bool stated = false; ///< the referrals are stated in the design, not estimated
    double starts = 0;
    double jobs = 0;
    double sustained = 0;
    double attachmentFees = 0;
    double jobOutcomePayments = 0;
    double sustainmentPayments = 0;
    double cost = 0;         ///< the commissioner's: the three payments
    double revenue = 0;      ///< the provider's: the same payments at the expected values
    double providerCost = 0; ///< starts × delivery cost per start
};

/** The expected figures of one CPA: the sum of its cells, with their timing. */
struct CpaForecast
{
    CpaId cpa;
    QString name;
    double referralsPerYear = 0;
    double starts = 0;
    double jobs = 0;      ///< the profile of job outcomes
    double sustained = 0; ///< the profile of sustained jobs
    double cost = 0;
    double revenue = 0;
    double providerCost = 0;
    double providerMargin = 0;
    QList<double> costByYear; ///< payments falling in each year from the first start
    double peakFundingNeed = 0;
    double benefitSavings = 0;  ///< model 3 only, else 0
    double savingsReturned = 0; ///< model 3 only, else 0
};

/** One month of the provider's cash flow (all CPAs), month 0 being the first start's. */
struct CashFlowMonth
{
    double inflow = 0;     ///< payments received
    double outflow = 0;    ///< delivery costs
    double cumulative = 0; ///< the position at the end of the month
};

/** The figures of one draw of the Monte Carlo (or of any volumes and rates given). */
struct DrawFigures
{
    double starts = 0;
    double jobs = 0;
    double sustained = 0;
    double outcomePayments = 0; ///< attachment fees, job outcome and sustainment payments
    double bonus = 0;           ///< model 2
    double agentBonus = 0;      ///< model 2: the managing agent's share
    double boroughBonus = 0;    ///< model 2: the boroughs' share
    double cost = 0;            ///< the commissioner's: outcome payments + bonus
    double providerRevenue = 0; ///< outcome payments + the agent's bonus
    double providerCost = 0;
    double providerMargin = 0;
    double providerMarginPercent = 0; ///< of revenue; 0 when revenue is 0
    double benefitSavings = 0;        ///< model 3
    double savingsReturned = 0;       ///< model 3
    double liability = 0;             ///< model 3
};

/** What the Monte Carlo found; every figure 0 when no draw was made. */
struct MonteCarloForecast
{
    int draws = 0;
    quint32 seed = 0;
    Percentiles cost;
    Percentiles providerMargin;
    Percentiles providerMarginPercent;
    Percentiles bonus;           ///< model 2, else 0
    Percentiles savingsReturned; ///< model 3, else 0
    Percentiles liability;       ///< model 3, else 0
    double meanCost = 0;         ///< with the bonus
    double meanProviderMargin = 0;
    double meanBonus = 0;
    double meanAgentBonus = 0;
    double meanBoroughBonus = 0;
    double meanSavingsReturned = 0;
    double meanLiability = 0;
    /** Counts of the draws' cost in equal bins from histogramFrom, each histogramBinWidth
     * wide (0 when every draw cost the same: then all are in the first bin). */
    QList<int> histogram;
    double histogramFrom = 0;
    double histogramBinWidth = 0;
};

/** The financial model of one scenario: expected figures, timing and the Monte Carlo. */
struct ScenarioForecast
{
    QString scenario;
    DevolutionModel model = DevolutionModel::CoCommissioning;
    int contractYears = 0;
    QList<CellForecast> cells; ///< CPAs in plan order, groups in design order within each
    QList<CpaForecast> cpas;   ///< in plan order

    double referralsPerYear = 0;
    double starts = 0;
    double jobs = 0;
    double sustained = 0;
    double attachmentFees = 0;
    double jobOutcomePayments = 0;
    double sustainmentPayments = 0;
    double cost = 0; ///< expected: the three payments (the bonus is 0 at the expected values)
    double revenue = 0;
    double providerCost = 0;
    double providerMargin = 0;
    double providerMarginPercent = 0;
    std::optional<double> costPerJobOutcome;   ///< none when no job is expected
    std::optional<double> costPerSustainedJob; ///< none when no sustained job is expected
    double deliveryFeeShare = 0;               ///< attachment fees / cost, 0 to 1

    QList<double> costByYear;      ///< all CPAs
    QList<CashFlowMonth> cashFlow; ///< the provider's, all CPAs
    double peakFundingNeed = 0;    ///< all CPAs together
    double benefitSavings = 0;     ///< model 3
    double savingsReturned = 0;    ///< model 3

    MonteCarloForecast monteCarlo;
};

/** Called every FinancialModel::kProgressEvery draws; return false to cancel. */
using ForecastProgress = std::function<bool(int done, int total)>;

/**
 * The financial model of one payment scenario, built once (volumes, tariffs and per-cell
 * constants precomputed) and then evaluated: expected(), figures() of given volumes and
 * rates, and the Monte Carlo simulate(). See the definitions at the top of this header.
 */
class FinancialModel
{
    Q_DECLARE_TR_FUNCTIONS(FinancialModel)

public:
    static constexpr int kHistogramBins = 30;
    static constexpr int kProgressEvery = 1000;

    /**
     * The model of \a scenario (need not be in round.design yet) over the adopted plan and
     * round.design's payment groups. An error when the groups or the scenario break a rule of
     * checkPaymentGroups() / checkScenario(), when there is no adopted plan or no payment
     * group, when a cell has no referrals figure, or when a cell has no tariff.
     */
    static Result<FinancialModel> build(const Round &round, const PaymentScenario &scenario);

    /** The expected figures, with their timing; monteCarlo is empty. */
    const ScenarioForecast &expected() const { return m_expected; }
    /** How many cells (CPAs × payment groups), in the order of expected().cells. */
    qsizetype cellCount() const { return qsizetype(m_cells.size()); }

    /**
     * The figures when each cell (in the order of expected().cells) has \a referralsPerYear
     * and the rates \a jobRatePercent and \a sustainmentRatePercent, the profile staying the
     * expected one: what one draw of the Monte Carlo computes. Each list must have
     * cellCount() values (asserted; all figures 0 otherwise).
     */
    DrawFigures figures(const QList<double> &referralsPerYear, const QList<double> &jobRatePercent,
                        const QList<double> &sustainmentRatePercent) const;

    /**
     * Runs \a draws draws seeded with \a seed. \a progress, when set, is called every
     * kProgressEvery draws and at the end; returning false stops with an error saying the
     * simulation was cancelled. No draw is made when \a draws is 0 or less.
     */
    Result<MonteCarloForecast> simulate(int draws, quint32 seed,
                                        const ForecastProgress &progress = {}) const;

private:
    FinancialModel() = default;

    /** The constants of one cell, fractions for rates. */
    struct Cell
    {
        int cpa = 0;      ///< index in the plan
        int rateSlot = 0; ///< index of its drawn rates
        double referrals = 0;
        double years = 0;
        double attachmentFee = 0;
        double jobOutcomePayment = 0;
        double sustainmentTotal = 0; ///< sustainment payments × each payment
        double deliveryCost = 0;
        double jobRate = 0;
        double sustainmentRate = 0;
    };
    /** Rates drawn together: one group's (usually for every CPA), in drawing order. */
    struct RateSlot
    {
        double jobRate = 0;
        double sustainmentRate = 0;
    };

    DrawFigures evaluate(const double *referrals, const double *jobRates,
                         const double *sustainmentRates, double *cpaJobs,
                         double *cpaSustained) const;

    ScenarioForecast m_expected;
    std::vector<Cell> m_cells;
    std::vector<RateSlot> m_slots;
    std::vector<double> m_profileJobs;      ///< per CPA
    std::vector<double> m_profileSustained; ///< per CPA
    DevolutionModel m_model = DevolutionModel::CoCommissioning;
    double m_rateSd = 0;      ///< standard deviation of rates, as a fraction
    double m_volumeCv = 0;    ///< coefficient of variation of referrals
    double m_bonusPerJob = 0; ///< model 2 only, else 0
    double m_agentShare = 0;
    double m_savingPerSustained = 0; ///< model 3 only, else 0
    double m_returnedShare = 0;
    double m_liabilityShare = 0;
};

/**
 * The financial model of \a scenario: FinancialModel::build(), its expected figures and a
 * Monte Carlo of \a draws draws (the scenario's own number when negative, none when 0)
 * seeded with scenario.seed.
 */
Result<ScenarioForecast> forecastScenario(const Round &round, const PaymentScenario &scenario,
                                          int draws = -1, const ForecastProgress &progress = {});

} // namespace CoCommission
