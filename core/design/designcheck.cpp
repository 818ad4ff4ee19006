#include "core/design/designcheck.h"

#include "core/needs/indicators.h"
#include "core/round/design.h"
#include "core/round/round.h"

#include <QLocale>
#include <QSet>

#include <cmath>
#include <utility>

namespace CoCommission {

using namespace DesignLimits;

namespace {

QString tr(const char *text)
{
    return DesignCheck::tr(text);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

/** 1,000,000 or 12.5; "nan" and "inf" as they are. */
QString plain(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(value, 'f', QLocale::FloatingPointShortest);
}

/** How a figure is written in a message. */
enum class Unit {
    Plain,
    Percent,
    Points,
    Money,
    MoneyPerYear,
    Months,
    Years,
    Referrals,
    Draws,
    Payments
};

QString withUnit(double value, Unit unit)
{
    const QString v = plain(value);
    switch (unit) {
    case Unit::Plain:
        return v;
    case Unit::Percent:
        return v + u'%';
    case Unit::Points:
        return tr("%1 percentage points").arg(v);
    case Unit::Money:
        return QStringLiteral("\u00a3") + v;
    case Unit::MoneyPerYear:
        return tr("\u00a3%1 a year").arg(v);
    case Unit::Months:
        return tr("%1 months").arg(v);
    case Unit::Years:
        return tr("%1 years").arg(v);
    case Unit::Referrals:
        return tr("%1 referrals a year").arg(v);
    case Unit::Draws:
        return tr("%1 draws").arg(v);
    case Unit::Payments:
        return tr("%1 sustainment payments").arg(v);
    }
    return v;
}

QString rangeText(double min, double max, Unit unit)
{
    const QString lo = plain(min);
    const QString hi = plain(max);
    switch (unit) {
    case Unit::Plain:
        return tr("%1 to %2").arg(lo, hi);
    case Unit::Percent:
        return tr("%1 to %2%").arg(lo, hi);
    case Unit::Points:
        return tr("%1 to %2 percentage points").arg(lo, hi);
    case Unit::Money:
        return tr("\u00a3%1 to \u00a3%2 per person").arg(lo, hi);
    case Unit::MoneyPerYear:
        return tr("\u00a3%1 to \u00a3%2 a year").arg(lo, hi);
    case Unit::Months:
        return tr("%1 to %2 months").arg(lo, hi);
    case Unit::Years:
        return tr("%1 to %2 years").arg(lo, hi);
    case Unit::Referrals:
        return tr("%1 to %2 a year").arg(lo, hi);
    case Unit::Draws:
        return tr("%1 to %2 draws").arg(lo, hi);
    case Unit::Payments:
        return tr("%1 to %2 sustainment payments").arg(lo, hi);
    }
    return {};
}

/**
 * Why \a value (named by \a field, with its article: "a job outcome rate") is not a finite
 * number from \a min to \a max, or "" when it is.
 */
QString outOfRange(const QString &field, double value, double min, double max, Unit unit)
{
    if (!std::isfinite(value))
        return tr("%1 of %2 is not a finite number.").arg(field, plain(value));
    if (value < min || value > max)
        return tr("%1 of %2 is outside %3.")
            .arg(field, withUnit(value, unit), rangeText(min, max, unit));
    return {};
}

/** One field of a range check: what it is called, its value and its limits. */
struct RangeField
{
    QString field;
    double value;
    double min;
    double max;
    Unit unit;
};

/** The first problem among \a fields, or "". */
QString firstOutOfRange(std::initializer_list<RangeField> fields)
{
    for (const RangeField &f : fields) {
        if (QString problem = outOfRange(f.field, f.value, f.min, f.max, f.unit);
            !problem.isEmpty())
            return problem;
    }
    return {};
}

Error fail(const QString &part, const QString &problem)
{
    return Error{tr("%1: %2").arg(part, problem)};
}

QString keyList(const QList<KeyName> &list)
{
    QStringList keys;
    for (const KeyName &k : list)
        keys << k.key;
    return keys.join(QStringLiteral(", "));
}

bool hasKey(const QList<KeyName> &list, const QString &key)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const KeyName &k) { return k.key == key; });
}

bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

/** The CPA's name in the adopted plan, or "CPA <id>". */
QString cpaLabel(const Round &round, CpaId cpa)
{
    const Cpa *found = round.adoptedCpa(cpa);
    return found ? found->name : tr("CPA %1").arg(cpa.value());
}

/** Why \a cpa is not a CPA of the adopted plan, or "" when it is. */
QString unknownCpa(const Round &round, CpaId cpa)
{
    if (round.adoptedCpa(cpa))
        return {};
    if (!round.adoptedPlan())
        return tr("CPA %1 is named but the round has no adopted CPA plan.").arg(cpa.value());
    return tr("CPA %1 is not a CPA of the adopted plan.").arg(cpa.value());
}

QString groupLabel(const ServiceDesign &design, const QString &key)
{
    const PaymentGroup *group = design.paymentGroup(key);
    return group && !isBlank(group->name) ? group->name : quoted(key);
}

Status checkStandards(const QList<ServiceStandard> &standards)
{
    QSet<QString> keys;
    for (qsizetype i = 0; i < standards.size(); ++i) {
        const ServiceStandard &s = standards[i];
        if (isBlank(s.key))
            return fail(tr("Standard %1").arg(i + 1), tr("the key is empty."));
        const QString part = tr("Standard %1").arg(quoted(s.key));
        if (keys.contains(s.key))
            return fail(part, tr("another standard has the same key."));
        keys.insert(s.key);
        if (isBlank(s.name))
            return fail(part, tr("the name is empty."));
        if (s.direction == StandardDirection::Required) {
            if (s.target != 1.0)
                return fail(
                    part,
                    tr("a required standard's target must be 1, not %1.").arg(plain(s.target)));
        } else if (QString problem =
                       outOfRange(tr("a target"), s.target, 0, kMaxStandardTarget, Unit::Plain);
                   !problem.isEmpty()) {
            return fail(part, problem);
        }
    }
    return {};
}

Status checkConditions(const Round &round, const QList<DirectiveCondition> &conditions)
{
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const DirectiveCondition &c = conditions[i];
        const QString part = tr("Directive condition %1").arg(i + 1);
        switch (c.kind) {
        case ConditionKind::GroupShare:
            if (!std::any_of(round.priorityGroups.cbegin(), round.priorityGroups.cend(),
                             [&](const PriorityGroup &g) { return g.key == c.subject; }))
                return fail(
                    part,
                    isBlank(c.subject)
                        ? tr("no priority group is named.")
                        : tr("%1 is not a priority group of the round.").arg(quoted(c.subject)));
            break;
        case ConditionKind::PlacePresence:
            if (!round.priorityPlaces.contains(c.subject))
                return fail(
                    part,
                    isBlank(c.subject)
                        ? tr("no priority place is named.")
                        : tr("%1 is not a priority place of the round.").arg(quoted(c.subject)));
            break;
        }
        if (c.cpa.value() != 0) {
            if (QString problem = unknownCpa(round, c.cpa); !problem.isEmpty())
                return fail(part, problem);
        }
        if (QString problem =
                outOfRange(tr("a minimum share"), c.minimumPercent, 0, 100, Unit::Percent);
            !problem.isEmpty())
            return fail(part, problem);
    }
    return {};
}

Status checkEligibility(const QList<EligibilityRule> &rules)
{
    const QList<KeyName> categories = eligibilityCategories();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const EligibilityRule &r = rules[i];
        const QString part = tr("Eligibility rule %1").arg(i + 1);
        if (!hasKey(categories, r.category))
            return fail(part, tr("%1 is not an eligibility category; use one of %2.")
                                  .arg(quoted(r.category), keyList(categories)));
        if (isBlank(r.text))
            return fail(part, tr("the text is empty."));
    }
    return {};
}

Status checkReferralRoutes(const QList<ReferralRoute> &routes)
{
    const QList<KeyName> sources = referralSources();
    for (qsizetype i = 0; i < routes.size(); ++i) {
        if (!hasKey(sources, routes[i].source))
            return fail(tr("Referral route %1").arg(i + 1),
                        tr("%1 is not a referral source; use one of %2.")
                            .arg(quoted(routes[i].source), keyList(sources)));
    }
    return {};
}

Status checkTariff(const Round &round, const ServiceDesign &design, const QString &scenarioPart,
                   qsizetype index, const GroupTariff &t)
{
    if (!design.paymentGroup(t.group))
        return fail(tr("%1, tariff %2").arg(scenarioPart, QString::number(index + 1)),
                    isBlank(t.group)
                        ? tr("no payment group is named.")
                        : tr("%1 is not a payment group of the design.").arg(quoted(t.group)));
    QString part = tr("%1, tariff for %2").arg(scenarioPart, groupLabel(design, t.group));
    if (t.cpa.value() != 0) {
        if (QString problem = unknownCpa(round, t.cpa); !problem.isEmpty())
            return fail(part, problem);
        part = tr("%1 in %2").arg(part, cpaLabel(round, t.cpa));
    }
    const QString problem = firstOutOfRange({
        {tr("an attachment fee"), t.attachmentFee, 0, kMaxMoneyPerPerson, Unit::Money},
        {tr("a job outcome payment"), t.jobOutcomePayment, 0, kMaxMoneyPerPerson, Unit::Money},
        {tr("a sustainment payment"), t.sustainmentPayment, 0, kMaxMoneyPerPerson, Unit::Money},
        {tr("a schedule"), double(t.sustainmentPayments), 0, kMaxSustainmentPayments,
         Unit::Payments},
        {tr("a sustainment interval"), double(t.sustainmentIntervalMonths), 1,
         kMaxSustainmentIntervalMonths, Unit::Months},
        {tr("a job outcome rate"), t.jobOutcomeRatePercent, 0, 100, Unit::Percent},
        {tr("a sustainment rate"), t.sustainmentRatePercent, 0, 100, Unit::Percent},
        {tr("a delivery cost per start"), t.deliveryCostPerStart, 0, kMaxMoneyPerPerson,
         Unit::Money},
    });
    if (!problem.isEmpty())
        return fail(part, problem);
    return {};
}

Status checkContributions(const Round &round, const QList<LocalContribution> &contributions)
{
    const QList<KeyName> services = contributionServices();
    for (qsizetype i = 0; i < contributions.size(); ++i) {
        const LocalContribution &c = contributions[i];
        const QString part = tr("Local contribution %1").arg(i + 1);
        if (!round.authority(c.authority))
            return fail(part,
                        isBlank(c.authority)
                            ? tr("no authority is named.")
                            : tr("%1 is not an authority of the round.").arg(quoted(c.authority)));
        if (!hasKey(services, c.service))
            return fail(part, tr("%1 is not a local service; use one of %2.")
                                  .arg(quoted(c.service), keyList(services)));
        if (QString problem = outOfRange(tr("a value"), c.valuePerYear, 0, kMaxContributionPerYear,
                                         Unit::MoneyPerYear);
            !problem.isEmpty())
            return fail(part, problem);
    }
    return {};
}

} // namespace

Status checkPaymentGroups(const Round &round, const ServiceDesign &design)
{
    const bool anyMeasure = std::any_of(design.paymentGroups.cbegin(), design.paymentGroups.cend(),
                                        [](const PaymentGroup &g) { return !g.measure.isEmpty(); });
    const std::optional<Indicators> indicators =
        anyMeasure ? std::optional<Indicators>(std::in_place, round) : std::nullopt;
    QSet<QString> keys;
    for (qsizetype i = 0; i < design.paymentGroups.size(); ++i) {
        const PaymentGroup &g = design.paymentGroups[i];
        if (isBlank(g.key))
            return fail(tr("Payment group %1").arg(i + 1), tr("the key is empty."));
        const QString part = tr("Payment group %1").arg(quoted(g.key));
        if (keys.contains(g.key))
            return fail(part, tr("another payment group has the same key."));
        keys.insert(g.key);
        if (isBlank(g.name))
            return fail(part, tr("the name is empty."));
        if (!g.measure.isEmpty() && !indicators->find(g.measure))
            return fail(part,
                        tr("the measure %1 is not a figure of the round.").arg(quoted(g.measure)));
        if (QString problem = firstOutOfRange({
                {tr("an eligible share"), g.eligibleSharePercent, 0, 100, Unit::Percent},
                {tr("a take-up"), g.takeUpPercent, 0, 100, Unit::Percent},
            });
            !problem.isEmpty())
            return fail(part, problem);
    }

    QSet<std::pair<QString, qint64>> stated;
    for (qsizetype i = 0; i < design.volumes.size(); ++i) {
        const ReferralVolume &v = design.volumes[i];
        const QString numbered = tr("Stated referrals %1").arg(i + 1);
        if (!design.paymentGroup(v.group))
            return fail(numbered,
                        isBlank(v.group)
                            ? tr("no payment group is named.")
                            : tr("%1 is not a payment group of the design.").arg(quoted(v.group)));
        if (QString problem = unknownCpa(round, v.cpa); !problem.isEmpty())
            return fail(numbered, problem);
        const QString part = tr("Stated referrals for %1 in %2")
                                 .arg(groupLabel(design, v.group), cpaLabel(round, v.cpa));
        if (stated.contains({v.group, v.cpa.value()}))
            return fail(part, tr("the referrals for this group and CPA are stated twice."));
        stated.insert({v.group, v.cpa.value()});
        if (QString problem = outOfRange(tr("a volume"), v.referralsPerYear, 0,
                                         kMaxReferralsPerYear, Unit::Referrals);
            !problem.isEmpty())
            return fail(part, problem);
    }
    return {};
}

Status checkScenario(const Round &round, const ServiceDesign &design,
                     const PaymentScenario &scenario)
{
    if (isBlank(scenario.name))
        return fail(tr("A payment scenario"), tr("the name is empty."));
    const QString part = tr("Scenario %1").arg(quoted(scenario.name));
    if (QString problem = firstOutOfRange({
            {tr("a contract"), double(scenario.contractYears), 1, kMaxContractYears, Unit::Years},
            {tr("a time to job"), double(scenario.monthsToJob), 0, kMaxMonthsToJob, Unit::Months},
            {tr("a payment lag"), double(scenario.paymentLagMonths), 0, kMaxPaymentLagMonths,
             Unit::Months},
            {tr("a rate uncertainty"), scenario.rateUncertaintyPoints, 0, kMaxRateUncertaintyPoints,
             Unit::Points},
            {tr("a volume uncertainty"), scenario.volumeUncertaintyPercent, 0,
             kMaxVolumeUncertaintyPercent, Unit::Percent},
            {tr("a simulation"), double(scenario.draws), kMinDraws, kMaxDraws, Unit::Draws},
            {tr("a bonus per extra job"), scenario.bonusPerExtraJob, 0, kMaxMoneyPerPerson,
             Unit::Money},
            {tr("a managing agent's share of the bonus"), scenario.managingAgentBonusPercent, 0,
             100, Unit::Percent},
            {tr("a benefit saving per sustained job"), scenario.benefitSavingPerSustainedJob, 0,
             kMaxMoneyPerPerson, Unit::Money},
            {tr("a share of savings returned"), scenario.savingsReturnedPercent, 0, 100,
             Unit::Percent},
            {tr("a liability share"), scenario.liabilityPercent, 0, 100, Unit::Percent},
        });
        !problem.isEmpty())
        return fail(part, problem);

    QSet<std::pair<QString, qint64>> seen;
    for (qsizetype i = 0; i < scenario.tariffs.size(); ++i) {
        const GroupTariff &t = scenario.tariffs[i];
        if (Status s = checkTariff(round, design, part, i, t); !s)
            return s;
        if (seen.contains({t.group, t.cpa.value()})) {
            const QString where =
                t.cpa.value() == 0
                    ? tr("%1, tariff for %2").arg(part, groupLabel(design, t.group))
                    : tr("%1, tariff for %2 in %3")
                          .arg(part, groupLabel(design, t.group), cpaLabel(round, t.cpa));
            return fail(where, tr("the scenario has two tariffs for this group and CPA."));
        }
        seen.insert({t.group, t.cpa.value()});
    }
    return {};
}

Status checkDesign(const Round &round, const ServiceDesign &design)
{
    if (Status s = checkStandards(design.standards); !s)
        return s;
    if (Status s = checkConditions(round, design.conditions); !s)
        return s;
    if (Status s = checkEligibility(design.eligibility); !s)
        return s;
    if (Status s = checkReferralRoutes(design.referralRoutes); !s)
        return s;
    if (Status s = checkPaymentGroups(round, design); !s)
        return s;
    QSet<QString> names;
    for (qsizetype i = 0; i < design.scenarios.size(); ++i) {
        const PaymentScenario &scenario = design.scenarios[i];
        if (isBlank(scenario.name))
            return fail(tr("Scenario %1").arg(i + 1), tr("the name is empty."));
        if (names.contains(scenario.name))
            return fail(tr("Scenario %1").arg(quoted(scenario.name)),
                        tr("another scenario has the same name."));
        names.insert(scenario.name);
        if (Status s = checkScenario(round, design, scenario); !s)
            return s;
    }
    return checkContributions(round, design.contributions);
}

} // namespace CoCommission
