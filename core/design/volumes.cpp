#include "core/design/volumes.h"

#include "core/needs/indicators.h"
#include "core/round/round.h"

#include <QLocale>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return ReferralVolumes::tr(text);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

QString percent(double value)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
               .toString(value, 'f', QLocale::FloatingPointShortest) +
           u'%';
}

QString groupLabel(const PaymentGroup &group)
{
    return group.name.trimmed().isEmpty() ? quoted(group.key) : group.name;
}

/**
 * The eligible people of \a group in \a cpa from the figures, or the reason there are none.
 * \a date is set to the date used.
 */
std::optional<double> eligibleFromFigures(const Round &round, const Indicators &indicators,
                                          const PaymentGroup &group, const Cpa &cpa, QString &date,
                                          QString &problem)
{
    if (group.measure.isEmpty()) {
        problem = tr("the group has no measure");
        return std::nullopt;
    }
    const IndicatorInfo *info = indicators.find(group.measure);
    if (!info) {
        problem = tr("its measure %1 is not a figure of the round").arg(quoted(group.measure));
        return std::nullopt;
    }
    if (info->dates.isEmpty()) {
        problem = tr("its measure %1 has no figures").arg(quoted(info->name));
        return std::nullopt;
    }
    if (cpa.members.isEmpty()) {
        problem = tr("the CPA has no authorities");
        return std::nullopt;
    }
    date = info->dates.last();
    const std::optional<double> total = indicators.value(info->id, cpa.members, date);
    if (!total) {
        // Name the first member without a figure, so that the officer knows what to import.
        for (const QString &code : cpa.members) {
            if (!indicators.value(info->id, {code}, date)) {
                const Authority *a = round.authority(code);
                problem = tr("%1 has no figure for %2 at %3")
                              .arg(a ? a->name : code, quoted(info->name), date);
                return std::nullopt;
            }
        }
        problem = tr("%1 cannot be summed over the CPA's authorities").arg(quoted(info->name));
        return std::nullopt;
    }
    return *total * group.eligibleSharePercent / 100.0;
}

} // namespace

Result<VolumeEstimate> referralVolume(const Round &round, const Indicators &indicators,
                                      const PaymentGroup &group, const Cpa &cpa)
{
    VolumeEstimate out;
    out.group = group.key;
    out.cpa = cpa.id;
    QString problem;
    out.eligible = eligibleFromFigures(round, indicators, group, cpa, out.date, problem);
    if (!out.eligible)
        out.date.clear();
    else
        out.estimate = *out.eligible * group.takeUpPercent / 100.0;

    if (const ReferralVolume *stated = round.design.statedVolume(group.key, cpa.id)) {
        out.stated = true;
        out.referralsPerYear = stated->referralsPerYear;
        out.basis = tr("stated in the design");
        return out;
    }
    if (!out.eligible)
        return Error{tr("Payment group %1 in %2 has no figure for its referrals: %3; state the "
                        "referrals per year for it.")
                         .arg(groupLabel(group), cpa.name, problem)};
    out.referralsPerYear = *out.estimate;
    out.basis =
        tr("%1 of %2 at %3, %4 take-up")
            .arg(percent(group.eligibleSharePercent), quoted(indicators.find(group.measure)->name),
                 out.date, percent(group.takeUpPercent));
    return out;
}

QList<VolumeEstimate> referralVolumes(const Round &round)
{
    QList<VolumeEstimate> out;
    const CpaPlan *plan = round.adoptedPlan();
    if (!plan)
        return out;
    const Indicators indicators(round);
    for (const Cpa &cpa : plan->cpas) {
        for (const PaymentGroup &group : round.design.paymentGroups) {
            Result<VolumeEstimate> estimate = referralVolume(round, indicators, group, cpa);
            if (estimate) {
                out.append(std::move(*estimate));
            } else {
                VolumeEstimate missing;
                missing.group = group.key;
                missing.cpa = cpa.id;
                missing.problem = estimate.errorMessage();
                out.append(missing);
            }
        }
    }
    return out;
}

} // namespace CoCommission
