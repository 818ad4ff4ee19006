// RoundDocument: stages 3 and 4, the design of services and the structure of supply.
//
// Both are small values changed whole: the new value is checked against the round as it
// stands (checkDesign(), checkSupply()), written in one transaction with its audit entry,
// and only then made live. The audit entry records what changed as text, part by part.

#include "core/round/rounddocument.h"
#include "core/round/rounddocument_p.h"

#include "core/design/designcheck.h"
#include "core/store/designstore.h"
#include "core/supply/supplycheck.h"

namespace CoCommission {

namespace {

using DocumentText::lines;
using DocumentText::whyStageFrozen;

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

QString cpaText(CpaId cpa)
{
    return cpa.isValid() ? QStringLiteral("CPA %1").arg(cpa.value()) : QStringLiteral("all CPAs");
}

/**
 * The parts of \a design that differ from \a other, as "part: items" text for the audit log
 * (the whole design when \a other is null).
 */
QString describeDesign(const ServiceDesign &design, const ServiceDesign *other)
{
    QStringList parts;
    const auto add = [&](bool changed, const QString &name, const QString &text) {
        if (!other || changed)
            parts << name + QStringLiteral(":\n") + text;
    };
    add(other && design.standards != other->standards, QStringLiteral("standards"),
        lines(design.standards, [](const ServiceStandard &s) {
            return QStringLiteral("%1 (%2) %3 %4 %5")
                .arg(s.key, s.name, directionKey(s.direction), number(s.target), s.unit);
        }));
    add(other && design.conditions != other->conditions, QStringLiteral("conditions"),
        lines(design.conditions, [](const DirectiveCondition &c) {
            return QStringLiteral("%1 %2 %3 %4%")
                .arg(conditionKindKey(c.kind), c.subject, cpaText(c.cpa), number(c.minimumPercent));
        }));
    add(other && design.eligibility != other->eligibility, QStringLiteral("eligibility"),
        lines(design.eligibility, [](const EligibilityRule &r) {
            return QStringLiteral("%1: %2").arg(r.category, r.text);
        }));
    add(other && design.referralRoutes != other->referralRoutes, QStringLiteral("referral routes"),
        lines(design.referralRoutes, [](const ReferralRoute &r) {
            return QStringLiteral("%1: %2").arg(r.source, r.description);
        }));
    add(other && design.paymentGroups != other->paymentGroups, QStringLiteral("payment groups"),
        lines(design.paymentGroups, [](const PaymentGroup &g) {
            return QStringLiteral("%1 (%2) measure %3, eligible %4%, take-up %5%")
                .arg(g.key, g.name, g.measure, number(g.eligibleSharePercent),
                     number(g.takeUpPercent));
        }));
    add(other && design.volumes != other->volumes, QStringLiteral("referral volumes"),
        lines(design.volumes, [](const ReferralVolume &v) {
            return QStringLiteral("%1 %2: %3 a year")
                .arg(v.group, cpaText(v.cpa), number(v.referralsPerYear));
        }));
    add(other && design.scenarios != other->scenarios, QStringLiteral("payment scenarios"),
        lines(design.scenarios, [](const PaymentScenario &s) {
            QString text =
                QStringLiteral("%1: %2 years, job after %3 months, paid %4 months later, "
                               "uncertainty %5 points and %6%, seed %7, %8 draws, bonus %9 "
                               "(agent %10%), saving %11 (returned %12%, liability %13%)")
                    .arg(s.name)
                    .arg(s.contractYears)
                    .arg(s.monthsToJob)
                    .arg(s.paymentLagMonths)
                    .arg(number(s.rateUncertaintyPoints), number(s.volumeUncertaintyPercent))
                    .arg(s.seed)
                    .arg(s.draws)
                    .arg(number(s.bonusPerExtraJob), number(s.managingAgentBonusPercent),
                         number(s.benefitSavingPerSustainedJob), number(s.savingsReturnedPercent),
                         number(s.liabilityPercent));
            for (const GroupTariff &t : s.tariffs)
                text += QStringLiteral("\n  %1 %2: fee %3, job %4, %5 x %6 every %7 months, "
                                       "job rate %8%, sustained %9%, cost %10")
                            .arg(t.group, cpaText(t.cpa), number(t.attachmentFee),
                                 number(t.jobOutcomePayment))
                            .arg(t.sustainmentPayments)
                            .arg(number(t.sustainmentPayment))
                            .arg(t.sustainmentIntervalMonths)
                            .arg(number(t.jobOutcomeRatePercent), number(t.sustainmentRatePercent),
                                 number(t.deliveryCostPerStart));
            return text;
        }));
    add(other && design.contributions != other->contributions, QStringLiteral("contributions"),
        lines(design.contributions, [](const LocalContribution &c) {
            return QStringLiteral("%1 %2 %3 %4 a year, %5")
                .arg(c.authority, c.service, contributionFormKey(c.form), number(c.valuePerYear),
                     contributionStatusKey(c.status));
        }));
    add(other && design.illustrative != other->illustrative, QStringLiteral("illustrative"),
        design.illustrative ? QStringLiteral("yes") : QStringLiteral("no"));
    return parts.join(QLatin1Char('\n'));
}

QString describeSupply(const SupplyMarket &supply, const SupplyMarket *other)
{
    QStringList parts;
    const auto add = [&](bool changed, const QString &name, const QString &text) {
        if (!other || changed)
            parts << name + QStringLiteral(":\n") + text;
    };
    add(other && supply.providers != other->providers, QStringLiteral("providers"),
        lines(supply.providers, [](const Provider &p) {
            return QStringLiteral("%1 (%2%3) specialisms %4; areas %5; %6")
                .arg(p.name, sectorKey(p.sector), p.sme ? QStringLiteral(", SME") : QString(),
                     p.specialisms.join(QLatin1Char(' ')), p.areas.join(QLatin1Char(' ')),
                     p.contact);
        }));
    add(other && supply.milestones != other->milestones, QStringLiteral("milestones"),
        lines(supply.milestones, [](const Milestone &m) {
            return QStringLiteral("%1 %2 %3 to %4")
                .arg(milestoneKey(m.kind), m.name, m.start.toString(Qt::ISODate),
                     m.end.toString(Qt::ISODate));
        }));
    add(other && supply.rules != other->rules, QStringLiteral("timeline rules"),
        lines(supply.rules, [](const TimelineRule &r) {
            return QStringLiteral("%1 to %2 at least %3 days")
                .arg(milestoneKey(r.from), milestoneKey(r.to))
                .arg(r.minimumDays);
        }));
    add(other && supply.illustrativeProviders != other->illustrativeProviders,
        QStringLiteral("illustrative providers"),
        supply.illustrativeProviders ? QStringLiteral("yes") : QStringLiteral("no"));
    add(other && supply.illustrativeTimeline != other->illustrativeTimeline,
        QStringLiteral("illustrative timeline"),
        supply.illustrativeTimeline ? QStringLiteral("yes") : QStringLiteral("no"));
    return parts.join(QLatin1Char('\n'));
}

} // namespace

QString RoundDocument::whyDesignFrozen() const
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return why;
    return whyStageFrozen(m_round.stage(StageId::Design).status,
                          tr("Stage 3 is ready for sign-off: withdraw it from sign-off to change "
                             "the design."),
                          tr("Stage 3 is signed off: the design of services is final."));
}

QString RoundDocument::whySupplyFrozen() const
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return why;
    return whyStageFrozen(m_round.stage(StageId::Supply).status,
                          tr("Stage 4 is ready for sign-off: withdraw it from sign-off to change "
                             "the provider register or the timeline."),
                          tr("Stage 4 is signed off: the provider register and the timeline are "
                             "final."));
}

Status RoundDocument::setDesign(const ServiceDesign &design, const QString &what)
{
    if (const QString why = whyDesignFrozen(); !why.isEmpty())
        return fail(why);
    if (design == m_round.design)
        return {};
    if (Status s = checkDesign(m_round, design); !s)
        return fail(s.errorMessage());
    const QString subject = what.isEmpty() ? tr("Service design changed") : what;
    if (Status s =
            write(QStringLiteral("set_design"), subject, describeDesign(m_round.design, &design),
                  describeDesign(design, &m_round.design),
                  [&](QSqlDatabase &db) { return DesignStore::replaceDesign(db, design); });
        !s)
        return s;
    m_round.design = design;
    emit designChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setSupply(const SupplyMarket &supply, const QString &what)
{
    if (const QString why = whySupplyFrozen(); !why.isEmpty())
        return fail(why);
    if (supply == m_round.supply)
        return {};
    if (Status s = checkSupply(m_round, supply); !s)
        return fail(s.errorMessage());
    const QString subject = what.isEmpty() ? tr("Supply market changed") : what;
    if (Status s =
            write(QStringLiteral("set_supply"), subject, describeSupply(m_round.supply, &supply),
                  describeSupply(supply, &m_round.supply),
                  [&](QSqlDatabase &db) { return DesignStore::replaceSupply(db, supply); });
        !s)
        return s;
    m_round.supply = supply;
    emit supplyChanged();
    emit roundChanged();
    return {};
}

} // namespace CoCommission
