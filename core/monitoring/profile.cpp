#include "core/monitoring/profile.h"

#include "core/design/volumes.h"
#include "core/monitoring/monitoringcheck.h"
#include "core/round/round.h"

#include <QHash>

#include <algorithm>
#include <array>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return MonitoringCheck::tr(text);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

QString groupLabel(const Round &round, const QString &key)
{
    const PaymentGroup *group = round.design.paymentGroup(key);
    return group && !group->name.trimmed().isEmpty() ? group->name : quoted(key);
}

/** The four measures of one payment group in one CPA, month by month from the start. */
struct Cell
{
    CpaId cpa;
    QString group;
    std::array<QList<double>, 4> byMeasure; ///< by MonitoringMeasure, indexed by month

    void add(MonitoringMeasure measure, int month, double value)
    {
        QList<double> &months = byMeasure[size_t(measure)];
        if (months.size() <= month)
            months.resize(month + 1, 0.0);
        months[month] += value;
    }
};

} // namespace

QDate defaultContractStart(const Round &round)
{
    QDate start;
    for (const Milestone &m : round.supply.milestones) {
        if (m.kind == MilestoneKind::GoLive && m.start.isValid() &&
            (!start.isValid() || m.start < start))
            start = m.start;
    }
    return start.isValid() ? periodOf(start) : QDate();
}

Result<ContractProfile> deriveProfile(const Round &round, const QString &scenarioName,
                                      const QDate &start)
{
    const PaymentScenario *scenario = round.design.scenario(scenarioName);
    if (!scenario)
        return Error{tr("The design has no payment scenario called %1.").arg(quoted(scenarioName))};
    const QDate first = start.isValid() ? periodOf(start) : defaultContractStart(round);
    if (!first.isValid())
        return Error{tr("The contract's first month is not known: the stage 4 timeline has no "
                        "go-live milestone. Give the first month.")};
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan)
        return Error{tr("The round has no adopted CPA plan, so there is no CPA to profile.")};
    if (round.design.paymentGroups.isEmpty())
        return Error{tr("The design has no payment groups, so there is nothing to profile.")};
    if (scenario->contractYears < 1 || scenario->monthsToJob < 0)
        return Error{
            tr("Payment scenario %1 has no years of referrals.").arg(quoted(scenario->name))};

    QHash<QString, VolumeEstimate> volumes; // "cpa/group" -> estimate
    for (const VolumeEstimate &v : referralVolumes(round))
        volumes.insert(QString::number(v.cpa.value()) + u'/' + v.group, v);

    const int referralMonths = 12 * scenario->contractYears;
    QList<Cell> cells;
    int months = 0;
    for (const Cpa &cpa : plan->cpas) {
        for (const PaymentGroup &group : round.design.paymentGroups) {
            const auto volume =
                volumes.constFind(QString::number(cpa.id.value()) + u'/' + group.key);
            if (volume == volumes.cend() || !volume->hasFigure())
                return Error{tr("Payment scenario %1: %2")
                                 .arg(quoted(scenario->name),
                                      volume == volumes.cend()
                                          ? tr("payment group %1 has no referral volume in %2.")
                                                .arg(groupLabel(round, group.key), cpa.name)
                                          : volume->problem)};
            const GroupTariff *tariff = ServiceDesign::tariff(*scenario, group.key, cpa.id);
            if (!tariff)
                return Error{
                    tr("Payment scenario %1 has no tariff for %2 in %3.")
                        .arg(quoted(scenario->name), groupLabel(round, group.key), cpa.name)};
            const double perMonth = volume->referralsPerYear / 12.0;
            const double jobs = perMonth * tariff->jobOutcomeRatePercent / 100.0;
            const bool sustains = tariff->sustainmentPayments > 0 && tariff->sustainmentPayment > 0;
            const double sustained = jobs * tariff->sustainmentRatePercent / 100.0;
            const int jobLag = scenario->monthsToJob;
            const int sustainedLag = jobLag + tariff->sustainmentPayments *
                                                  std::max(1, tariff->sustainmentIntervalMonths);
            Cell cell{cpa.id, group.key, {}};
            for (QList<double> &values : cell.byMeasure)
                values.reserve(referralMonths + std::max(jobLag, sustainedLag));
            for (int m = 0; m < referralMonths; ++m) {
                cell.add(MonitoringMeasure::Referrals, m, perMonth);
                cell.add(MonitoringMeasure::Starts, m, perMonth);
                cell.add(MonitoringMeasure::JobOutcomes, m + jobLag, jobs);
                if (sustains)
                    cell.add(MonitoringMeasure::SustainedJobOutcomes, m + sustainedLag, sustained);
            }
            // The contract lasts until the last month that holds a figure.
            for (const QList<double> &values : cell.byMeasure) {
                for (int m = int(values.size()) - 1; m >= 0; --m) {
                    if (values.at(m) > 0) {
                        months = std::max(months, m + 1);
                        break;
                    }
                }
            }
            cells.append(std::move(cell));
        }
    }
    if (months == 0)
        months = referralMonths; // no referrals expected anywhere: the scenario's years
    if (months > MonitoringLimits::maxContractMonths)
        return Error{tr("Payment scenario %1 gives a contract of %2 months, more than the %3 a "
                        "contract may run.")
                         .arg(quoted(scenario->name))
                         .arg(months)
                         .arg(MonitoringLimits::maxContractMonths)};

    ContractProfile profile;
    profile.start = first;
    profile.months = months;
    profile.source =
        tr("Derived from the payment scenario %1 of stage 3").arg(quoted(scenario->name));
    profile.illustrative = round.design.illustrative; // invented figures give an invented profile
    const QList<MonitoringMeasure> measures = monitoringMeasures();
    profile.figures.reserve(qsizetype(cells.size()) * referralMonths * 4);
    // Period first, then CPA and group in plan and design order, then the measure.
    for (int m = 0; m < months; ++m) {
        const QDate period = first.addMonths(m);
        for (const Cell &cell : cells) {
            for (MonitoringMeasure measure : measures) {
                const QList<double> &values = cell.byMeasure[size_t(measure)];
                if (m < values.size() && values.at(m) > 0)
                    profile.figures.append({period, cell.cpa, cell.group, measure, values.at(m)});
            }
        }
    }
    return profile;
}

} // namespace CoCommission
