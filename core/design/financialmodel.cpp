#include "core/design/financialmodel.h"

#include "core/design/designcheck.h"
#include "core/design/volumes.h"
#include "core/needs/indicators.h"
#include "core/round/design.h"
#include "core/round/round.h"

#include <boost/random/beta_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {

using Engine = boost::random::mt19937;

/** A rate drawn from a beta distribution with an exact mean, or fixed at the mean. */
class RateDraw
{
public:
    RateDraw(double mean, double sd)
        : m_mean(mean)
    {
        if (sd <= 0 || mean <= 0 || mean >= 1)
            return;
        const double limit = mean * (1 - mean);
        double variance = sd * sd;
        if (variance >= limit)
            variance = limit / 2; // the largest sd no beta can have; halve the variance
        const double k = limit / variance - 1;
        m_beta = boost::random::beta_distribution<double>(mean * k, (1 - mean) * k);
        m_fixed = false;
    }

    double operator()(Engine &engine) const
    {
        if (m_fixed)
            return m_mean;
        const double x = m_beta(engine);
        // 0 / 0 when both gamma variates underflow, possible only for tiny shapes.
        return x >= 0 && x <= 1 ? x : m_mean;
    }

private:
    double m_mean;
    bool m_fixed = true;
    boost::random::beta_distribution<double> m_beta;
};

/** Referrals drawn from a gamma distribution with mean \a mean and coefficient \a cv. */
class VolumeDraw
{
public:
    VolumeDraw(double mean, double cv)
        : m_mean(mean)
    {
        if (cv <= 0 || mean <= 0)
            return;
        m_gamma = boost::random::gamma_distribution<double>(1 / (cv * cv), mean * cv * cv);
        m_fixed = false;
    }

    double operator()(Engine &engine) { return m_fixed ? m_mean : m_gamma(engine); }

private:
    double m_mean;
    bool m_fixed = true;
    boost::random::gamma_distribution<double> m_gamma;
};

/** The value below which a share \a p of \a sorted falls, interpolating linearly. */
double quantile(const std::vector<double> &sorted, double p)
{
    const double h = double(sorted.size() - 1) * p;
    const size_t lo = size_t(std::floor(h));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - double(lo)) * (sorted[hi] - sorted[lo]);
}

/** Sorts \a values and returns their percentiles; zeros when empty. */
Percentiles percentiles(std::vector<double> &values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    return {quantile(values, 0.1), quantile(values, 0.5), quantile(values, 0.9)};
}

QString groupLabel(const PaymentGroup &group)
{
    return group.name.trimmed().isEmpty() ? QStringLiteral("\"%1\"").arg(group.key) : group.name;
}

} // namespace

Result<FinancialModel> FinancialModel::build(const Round &round, const PaymentScenario &scenario)
{
    const ServiceDesign &design = round.design;
    if (Status s = checkPaymentGroups(round, design); !s)
        return s.error();
    if (Status s = checkScenario(round, design, scenario); !s)
        return s.error();
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan || plan->cpas.isEmpty())
        return Error{tr("The round has no adopted CPA plan: the financial model runs over the "
                        "CPAs of the adopted plan.")};
    if (design.paymentGroups.isEmpty())
        return Error{tr("The design has no payment groups: add at least one to model the "
                        "scenario %1.")
                         .arg(QStringLiteral("\"%1\"").arg(scenario.name))};

    FinancialModel m;
    const QList<PaymentGroup> &groups = design.paymentGroups;
    const QList<Cpa> &cpas = plan->cpas;
    const qsizetype groupCount = groups.size();

    // The tariffs, and the rate slots: per group in design order, the distinct assumed rates
    // in the plan order of the CPAs that first use them.
    std::vector<const GroupTariff *> tariffs(size_t(cpas.size() * groupCount));
    std::vector<int> slotOf(tariffs.size());
    for (qsizetype g = 0; g < groupCount; ++g) {
        const size_t firstSlot = m.m_slots.size();
        for (qsizetype c = 0; c < cpas.size(); ++c) {
            const GroupTariff *t = ServiceDesign::tariff(scenario, groups[g].key, cpas[c].id);
            if (!t)
                return Error{tr("Scenario \"%1\" has no tariff for %2 in %3: add one for the "
                                "group, for every CPA or for this one.")
                                 .arg(scenario.name, groupLabel(groups[g]), cpas[c].name)};
            const size_t index = size_t(c * groupCount + g);
            tariffs[index] = t;
            const RateSlot rates{t->jobOutcomeRatePercent / 100.0,
                                 t->sustainmentRatePercent / 100.0};
            size_t slot = firstSlot;
            while (slot < m.m_slots.size() &&
                   (m.m_slots[slot].jobRate != rates.jobRate ||
                    m.m_slots[slot].sustainmentRate != rates.sustainmentRate))
                ++slot;
            if (slot == m.m_slots.size())
                m.m_slots.push_back(rates);
            slotOf[index] = int(slot);
        }
    }

    ScenarioForecast &f = m.m_expected;
    f.scenario = scenario.name;
    f.model = round.model;
    f.contractYears = scenario.contractYears;
    const Indicators indicators(round);
    const double years = scenario.contractYears;
    int longestSustainment = 0;
    for (qsizetype c = 0; c < cpas.size(); ++c) {
        for (qsizetype g = 0; g < groupCount; ++g) {
            Result<VolumeEstimate> volume = referralVolume(round, indicators, groups[g], cpas[c]);
            if (!volume)
                return volume.error();
            const size_t index = size_t(c * groupCount + g);
            const GroupTariff &t = *tariffs[index];
            Cell cell;
            cell.cpa = int(c);
            cell.rateSlot = slotOf[index];
            cell.referrals = volume->referralsPerYear;
            cell.years = years;
            cell.attachmentFee = t.attachmentFee;
            cell.jobOutcomePayment = t.jobOutcomePayment;
            cell.sustainmentTotal = double(t.sustainmentPayments) * t.sustainmentPayment;
            cell.deliveryCost = t.deliveryCostPerStart;
            cell.jobRate = t.jobOutcomeRatePercent / 100.0;
            cell.sustainmentRate = t.sustainmentRatePercent / 100.0;
            m.m_cells.push_back(cell);
            longestSustainment =
                std::max(longestSustainment, t.sustainmentPayments * t.sustainmentIntervalMonths);

            CellForecast out;
            out.group = groups[g].key;
            out.cpa = cpas[c].id;
            out.referralsPerYear = cell.referrals;
            out.stated = volume->stated;
            out.starts = cell.referrals * years;
            out.jobs = out.starts * cell.jobRate;
            out.sustained = out.jobs * cell.sustainmentRate;
            out.attachmentFees = out.starts * cell.attachmentFee;
            out.jobOutcomePayments = out.jobs * cell.jobOutcomePayment;
            out.sustainmentPayments = out.sustained * cell.sustainmentTotal;
            out.cost = out.attachmentFees + out.jobOutcomePayments + out.sustainmentPayments;
            out.revenue = out.cost;
            out.providerCost = out.starts * cell.deliveryCost;
            f.cells.append(out);
        }
    }

    // The profile: the expected jobs and sustained jobs of each CPA, computed exactly as a
    // draw computes them (m_model is still model 1 here), so that a draw at the expected
    // values earns no bonus and bears no liability.
    const size_t cellCount = m.m_cells.size();
    std::vector<double> referrals(cellCount), jobRates(cellCount), sustainmentRates(cellCount);
    for (size_t i = 0; i < cellCount; ++i) {
        referrals[i] = m.m_cells[i].referrals;
        jobRates[i] = m.m_cells[i].jobRate;
        sustainmentRates[i] = m.m_cells[i].sustainmentRate;
    }
    m.m_profileJobs.assign(size_t(cpas.size()), 0);
    m.m_profileSustained.assign(size_t(cpas.size()), 0);
    (void)m.evaluate(referrals.data(), jobRates.data(), sustainmentRates.data(),
                     m.m_profileJobs.data(), m.m_profileSustained.data());

    m.m_model = round.model;
    m.m_rateSd = scenario.rateUncertaintyPoints / 100.0;
    m.m_volumeCv = scenario.volumeUncertaintyPercent / 100.0;
    if (round.model == DevolutionModel::PartnershipDelivery) {
        m.m_bonusPerJob = scenario.bonusPerExtraJob;
        m.m_agentShare = scenario.managingAgentBonusPercent / 100.0;
    }
    if (round.model == DevolutionModel::FullDevolution) {
        m.m_savingPerSustained = scenario.benefitSavingPerSustainedJob;
        m.m_returnedShare = scenario.savingsReturnedPercent / 100.0;
        m.m_liabilityShare = scenario.liabilityPercent / 100.0;
    }

    // Timing, month by month per CPA.
    const int contractMonths = 12 * scenario.contractYears;
    const int toJob = scenario.monthsToJob;
    const int lag = scenario.paymentLagMonths;
    const int deliveryMonths = std::max(1, toJob);
    const int horizon = contractMonths + toJob + longestSustainment + lag;
    std::vector<std::vector<double>> paid(size_t(cpas.size()), std::vector<double>(horizon));
    std::vector<std::vector<double>> spent(size_t(cpas.size()), std::vector<double>(horizon));
    for (qsizetype c = 0; c < cpas.size(); ++c) {
        std::vector<double> &in = paid[size_t(c)];
        std::vector<double> &out = spent[size_t(c)];
        for (qsizetype g = 0; g < groupCount; ++g) {
            const size_t index = size_t(c * groupCount + g);
            const Cell &cell = m.m_cells[index];
            const GroupTariff &t = *tariffs[index];
            const double startsPerMonth = cell.referrals / 12.0;
            const double jobsPerMonth = startsPerMonth * cell.jobRate;
            const double sustainedPerMonth = jobsPerMonth * cell.sustainmentRate;
            for (int month = 0; month < contractMonths; ++month) {
                in[size_t(month + lag)] += startsPerMonth * cell.attachmentFee;
                in[size_t(month + toJob + lag)] += jobsPerMonth * cell.jobOutcomePayment;
                for (int k = 1; k <= t.sustainmentPayments; ++k)
                    in[size_t(month + toJob + k * t.sustainmentIntervalMonths + lag)] +=
                        sustainedPerMonth * t.sustainmentPayment;
                const double deliveryPerMonth = startsPerMonth * cell.deliveryCost / deliveryMonths;
                for (int j = 0; j < deliveryMonths; ++j)
                    out[size_t(month + j)] += deliveryPerMonth;
            }
        }
    }

    // Years: as many as the payments need, at least the contract's.
    int yearCount = (horizon + 11) / 12;
    const auto paidInYear = [&](int year) {
        double total = 0;
        for (const std::vector<double> &in : paid) {
            for (int month = 12 * year; month < std::min(horizon, 12 * year + 12); ++month)
                total += in[size_t(month)];
        }
        return total;
    };
    while (yearCount > scenario.contractYears && paidInYear(yearCount - 1) == 0)
        --yearCount;

    f.cashFlow.resize(horizon);
    for (qsizetype c = 0; c < cpas.size(); ++c) {
        CpaForecast cpa;
        cpa.cpa = cpas[c].id;
        cpa.name = cpas[c].name;
        for (qsizetype g = 0; g < groupCount; ++g) {
            const CellForecast &cell = f.cells[c * groupCount + g];
            cpa.referralsPerYear += cell.referralsPerYear;
            cpa.starts += cell.starts;
            cpa.cost += cell.cost;
            cpa.revenue += cell.revenue;
            cpa.providerCost += cell.providerCost;
        }
        cpa.jobs = m.m_profileJobs[size_t(c)];
        cpa.sustained = m.m_profileSustained[size_t(c)];
        cpa.providerMargin = cpa.revenue - cpa.providerCost;
        cpa.benefitSavings = cpa.sustained * m.m_savingPerSustained;
        cpa.savingsReturned = cpa.benefitSavings * m.m_returnedShare;
        cpa.costByYear.fill(0, yearCount);
        double position = 0;
        double lowest = 0;
        for (int month = 0; month < horizon; ++month) {
            const double in = paid[size_t(c)][size_t(month)];
            const double out = spent[size_t(c)][size_t(month)];
            if (month / 12 < yearCount)
                cpa.costByYear[month / 12] += in;
            position += in - out;
            lowest = std::min(lowest, position);
            f.cashFlow[month].inflow += in;
            f.cashFlow[month].outflow += out;
        }
        cpa.peakFundingNeed = -lowest;
        f.cpas.append(cpa);
    }
    f.costByYear.fill(0, yearCount);
    for (const CpaForecast &cpa : std::as_const(f.cpas)) {
        for (int y = 0; y < yearCount; ++y)
            f.costByYear[y] += cpa.costByYear[y];
    }
    double position = 0;
    double lowest = 0;
    for (CashFlowMonth &month : f.cashFlow) {
        position += month.inflow - month.outflow;
        month.cumulative = position;
        lowest = std::min(lowest, position);
    }
    f.peakFundingNeed = -lowest;

    for (const CellForecast &cell : std::as_const(f.cells)) {
        f.referralsPerYear += cell.referralsPerYear;
        f.starts += cell.starts;
        f.jobs += cell.jobs;
        f.sustained += cell.sustained;
        f.attachmentFees += cell.attachmentFees;
        f.jobOutcomePayments += cell.jobOutcomePayments;
        f.sustainmentPayments += cell.sustainmentPayments;
        f.cost += cell.cost;
        f.revenue += cell.revenue;
        f.providerCost += cell.providerCost;
    }
    f.providerMargin = f.revenue - f.providerCost;
    f.providerMarginPercent = f.revenue > 0 ? f.providerMargin / f.revenue * 100.0 : 0.0;
    if (f.jobs > 0)
        f.costPerJobOutcome = f.cost / f.jobs;
    if (f.sustained > 0)
        f.costPerSustainedJob = f.cost / f.sustained;
    f.deliveryFeeShare = f.cost > 0 ? f.attachmentFees / f.cost : 0.0;
    f.benefitSavings = f.sustained * m.m_savingPerSustained;
    f.savingsReturned = f.benefitSavings * m.m_returnedShare;
    return m;
}

DrawFigures FinancialModel::evaluate(const double *referrals, const double *jobRates,
                                     const double *sustainmentRates, double *cpaJobs,
                                     double *cpaSustained) const
{
    DrawFigures out;
    const size_t cpaCount = m_profileJobs.size();
    std::fill(cpaJobs, cpaJobs + cpaCount, 0.0);
    std::fill(cpaSustained, cpaSustained + cpaCount, 0.0);
    for (size_t i = 0; i < m_cells.size(); ++i) {
        const Cell &cell = m_cells[i];
        const double starts = referrals[i] * cell.years;
        const double jobs = starts * jobRates[i];
        const double sustained = jobs * sustainmentRates[i];
        out.starts += starts;
        out.jobs += jobs;
        out.sustained += sustained;
        out.outcomePayments += starts * cell.attachmentFee + jobs * cell.jobOutcomePayment +
                               sustained * cell.sustainmentTotal;
        out.providerCost += starts * cell.deliveryCost;
        cpaJobs[cell.cpa] += jobs;
        cpaSustained[cell.cpa] += sustained;
    }
    if (m_model == DevolutionModel::PartnershipDelivery) {
        for (size_t c = 0; c < cpaCount; ++c)
            out.bonus += std::max(0.0, cpaJobs[c] - m_profileJobs[c]) * m_bonusPerJob;
        out.agentBonus = out.bonus * m_agentShare;
        out.boroughBonus = out.bonus - out.agentBonus;
    } else if (m_model == DevolutionModel::FullDevolution) {
        out.benefitSavings = out.sustained * m_savingPerSustained;
        out.savingsReturned = out.benefitSavings * m_returnedShare;
        for (size_t c = 0; c < cpaCount; ++c)
            out.liability += std::max(0.0, m_profileSustained[c] - cpaSustained[c]) *
                             m_savingPerSustained * m_liabilityShare;
    }
    out.cost = out.outcomePayments + out.bonus;
    out.providerRevenue = out.outcomePayments + out.agentBonus;
    out.providerMargin = out.providerRevenue - out.providerCost;
    out.providerMarginPercent =
        out.providerRevenue > 0 ? out.providerMargin / out.providerRevenue * 100.0 : 0.0;
    return out;
}

DrawFigures FinancialModel::figures(const QList<double> &referralsPerYear,
                                    const QList<double> &jobRatePercent,
                                    const QList<double> &sustainmentRatePercent) const
{
    const size_t n = m_cells.size();
    if (size_t(referralsPerYear.size()) != n || size_t(jobRatePercent.size()) != n ||
        size_t(sustainmentRatePercent.size()) != n) {
        Q_ASSERT_X(false, "FinancialModel::figures", "one value per cell is needed");
        return {};
    }
    std::vector<double> jobRates(n), sustainmentRates(n);
    for (size_t i = 0; i < n; ++i) {
        jobRates[i] = jobRatePercent[qsizetype(i)] / 100.0;
        sustainmentRates[i] = sustainmentRatePercent[qsizetype(i)] / 100.0;
    }
    std::vector<double> cpaJobs(m_profileJobs.size()), cpaSustained(m_profileJobs.size());
    return evaluate(referralsPerYear.constData(), jobRates.data(), sustainmentRates.data(),
                    cpaJobs.data(), cpaSustained.data());
}

Result<MonteCarloForecast> FinancialModel::simulate(int draws, quint32 seed,
                                                    const ForecastProgress &progress) const
{
    MonteCarloForecast out;
    out.seed = seed;
    if (draws <= 0)
        return out;

    // Everything the loop needs is made here: it allocates nothing.
    Engine engine(seed);
    std::vector<RateDraw> jobDraws, sustainmentDraws;
    for (const RateSlot &slot : m_slots) {
        jobDraws.emplace_back(slot.jobRate, m_rateSd);
        sustainmentDraws.emplace_back(slot.sustainmentRate, m_rateSd);
    }
    std::vector<VolumeDraw> volumeDraws;
    for (const Cell &cell : m_cells)
        volumeDraws.emplace_back(cell.referrals, m_volumeCv);
    const size_t n = m_cells.size();
    std::vector<double> slotJob(m_slots.size()), slotSustainment(m_slots.size());
    std::vector<double> referrals(n), jobRates(n), sustainmentRates(n);
    std::vector<double> cpaJobs(m_profileJobs.size()), cpaSustained(m_profileJobs.size());

    const bool model2 = m_model == DevolutionModel::PartnershipDelivery;
    const bool model3 = m_model == DevolutionModel::FullDevolution;
    const size_t count = size_t(draws);
    std::vector<double> cost(count), margin(count), marginPercent(count);
    std::vector<double> bonus(model2 ? count : 0);
    std::vector<double> returned(model3 ? count : 0), liability(model3 ? count : 0);
    double sumCost = 0, sumMargin = 0, sumBonus = 0, sumAgent = 0, sumReturned = 0,
           sumLiability = 0;

    for (size_t d = 0; d < count; ++d) {
        for (size_t s = 0; s < m_slots.size(); ++s) {
            slotJob[s] = jobDraws[s](engine);
            slotSustainment[s] = sustainmentDraws[s](engine);
        }
        for (size_t i = 0; i < n; ++i) {
            referrals[i] = volumeDraws[i](engine);
            jobRates[i] = slotJob[size_t(m_cells[i].rateSlot)];
            sustainmentRates[i] = slotSustainment[size_t(m_cells[i].rateSlot)];
        }
        const DrawFigures fig = evaluate(referrals.data(), jobRates.data(), sustainmentRates.data(),
                                         cpaJobs.data(), cpaSustained.data());
        cost[d] = fig.cost;
        margin[d] = fig.providerMargin;
        marginPercent[d] = fig.providerMarginPercent;
        sumCost += fig.cost;
        sumMargin += fig.providerMargin;
        if (model2) {
            bonus[d] = fig.bonus;
            sumBonus += fig.bonus;
            sumAgent += fig.agentBonus;
        }
        if (model3) {
            returned[d] = fig.savingsReturned;
            liability[d] = fig.liability;
            sumReturned += fig.savingsReturned;
            sumLiability += fig.liability;
        }
        const int done = int(d + 1);
        if (progress && (done % kProgressEvery == 0 || done == draws) && !progress(done, draws))
            return Error{tr("The simulation was cancelled.")};
    }

    out.draws = draws;
    const double total = double(draws);
    out.meanCost = sumCost / total;
    out.meanProviderMargin = sumMargin / total;
    out.meanBonus = sumBonus / total;
    out.meanAgentBonus = sumAgent / total;
    out.meanBoroughBonus = (sumBonus - sumAgent) / total;
    out.meanSavingsReturned = sumReturned / total;
    out.meanLiability = sumLiability / total;

    const auto [lowest, highest] = std::minmax_element(cost.cbegin(), cost.cend());
    out.histogramFrom = *lowest;
    out.histogramBinWidth = (*highest - *lowest) / kHistogramBins;
    out.histogram.fill(0, kHistogramBins);
    for (double c : cost) {
        const int bin =
            out.histogramBinWidth > 0 ? int((c - out.histogramFrom) / out.histogramBinWidth) : 0;
        ++out.histogram[std::clamp(bin, 0, kHistogramBins - 1)];
    }

    out.cost = percentiles(cost);
    out.providerMargin = percentiles(margin);
    out.providerMarginPercent = percentiles(marginPercent);
    out.bonus = percentiles(bonus);
    out.savingsReturned = percentiles(returned);
    out.liability = percentiles(liability);
    return out;
}

Result<ScenarioForecast> forecastScenario(const Round &round, const PaymentScenario &scenario,
                                          int draws, const ForecastProgress &progress)
{
    Result<FinancialModel> model = FinancialModel::build(round, scenario);
    if (!model)
        return model.error();
    Result<MonteCarloForecast> simulated =
        model->simulate(draws < 0 ? scenario.draws : draws, scenario.seed, progress);
    if (!simulated)
        return simulated.error();
    ScenarioForecast forecast = model->expected();
    forecast.monteCarlo = std::move(*simulated);
    return forecast;
}

} // namespace CoCommission
