// The demo round's illustrative design of services (stage 3) and supply market (stage 4), so
// that both stages can be seen working. Every organisation, date and figure is invented; the
// standards and eligibility rules follow the source papers (seed 003).

#include "core/round/londonround.h"

#include "core/design/designtemplate.h"

#include <QCoreApplication>

namespace CoCommission::LondonRound {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::LondonRound", text);
}

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

/** A tariff that applies in every CPA. */
GroupTariff tariff(const char *group, double fee, double job, int payments, double each,
                   double jobRate, double sustainedRate, double cost)
{
    GroupTariff t;
    t.group = key(group);
    t.attachmentFee = fee;
    t.jobOutcomePayment = job;
    t.sustainmentPayments = payments;
    t.sustainmentPayment = each;
    t.sustainmentIntervalMonths = 2;
    t.jobOutcomeRatePercent = jobRate;
    t.sustainmentRatePercent = sustainedRate;
    t.deliveryCostPerStart = cost;
    return t;
}

PaymentScenario scenario(const QString &name, QList<GroupTariff> tariffs)
{
    PaymentScenario s;
    s.name = name;
    s.tariffs = std::move(tariffs);
    s.contractYears = 5;
    s.monthsToJob = 6;
    s.paymentLagMonths = 2;
    s.rateUncertaintyPoints = 5;
    s.volumeUncertaintyPercent = 15;
    s.seed = 2017;
    s.draws = 10000;
    s.bonusPerExtraJob = 500;
    s.managingAgentBonusPercent = 50;
    s.benefitSavingPerSustainedJob = 6000;
    s.savingsReturnedPercent = 7;
    s.liabilityPercent = 0;
    return s;
}

/** The members of the partnership called \a name, or none. */
QStringList membersOf(const Round &round, const char *name)
{
    for (const Partnership &p : round.partnerships) {
        if (p.name == QLatin1String(name))
            return p.members;
    }
    return {};
}

} // namespace

ServiceDesign demoDesign(const Round &round)
{
    ServiceDesign d;
    d.illustrative = true;
    d.standards = standardTemplates();
    d.conditions = {
        {ConditionKind::GroupShare, key("esa_wrag"), CpaId(), 30,
         tr("Illustrative: at least three in ten starts from the ESA work-related activity "
            "group.")},
        {ConditionKind::GroupShare, key("multiple_disadvantages"), CpaId(), 15,
         tr("Illustrative: people with two or more labour-market disadvantages.")},
    };
    d.eligibility = eligibilityTemplates();
    d.referralRoutes = referralTemplates();
    d.paymentGroups = {
        {key("esa_wrag"), tr("ESA work-related activity group"), key("esa_claimants"), 35, 6},
        {key("jsa_12_months"), tr("Claimants for 12 months or more"),
         key("claimants_12_months_plus"), 60, 10},
        {key("multiple_disadvantages"), tr("Early entry: disadvantaged groups"),
         key("claimant_count"), 10, 8},
    };
    // "30% delivery fee": fees set so that about 30% of the expected cost is delivery fee, as in
    // the 2017 programme. "All outcome": no fee, the same money paid on outcomes only.
    d.scenarios = {
        scenario(tr("30% delivery fee"),
                 {tariff("esa_wrag", 450, 1750, 6, 900, 20, 65, 1250),
                  tariff("jsa_12_months", 350, 1000, 6, 400, 30, 70, 950),
                  tariff("multiple_disadvantages", 400, 1300, 6, 550, 25, 65, 1050)}),
        scenario(tr("All outcome"),
                 {tariff("esa_wrag", 0, 3000, 6, 1220, 20, 65, 1250),
                  tariff("jsa_12_months", 0, 1600, 6, 590, 30, 70, 950),
                  tariff("multiple_disadvantages", 0, 2000, 6, 750, 25, 65, 1050)}),
    };
    using F = ContributionForm;
    using S = ContributionStatus;
    const std::tuple<const char *, const char *, F, double, S, const char *> contributions[] = {
        {"E09000007", "public_health", F::Money, 120000, S::Agreed,
         "Illustrative: IAPT employment advisers."},
        {"E09000012", "troubled_families", F::StaffTime, 80000, S::Signed,
         "Illustrative: two family key workers."},
        {"E09000030", "homelessness", F::PriorityAccess, 50000, S::Proposed,
         "Illustrative: priority places in the housing options service."},
        {"E09000002", "skills", F::Money, 150000, S::Agreed,
         "Illustrative: adult learning courses for participants."},
        {"E09000008", "drug_alcohol", F::CoLocation, 30000, S::Proposed,
         "Illustrative: key workers based in the recovery hub."},
        {"E09000005", "childcare", F::Money, 60000, S::Agreed,
         "Illustrative: childcare while lone parents attend."},
    };
    for (const auto &[authority, service, form, value, status, note] : contributions) {
        if (round.authority(key(authority)))
            d.contributions.append({key(authority), key(service), form, value, status, tr(note)});
    }
    return d;
}

SupplyMarket demoSupply(const Round &round)
{
    SupplyMarket s;
    s.illustrativeProviders = true;
    s.illustrativeTimeline = true;
    const QStringList clf = membersOf(round, "Central London Forward");
    const QStringList local = membersOf(round, "Local London");
    const QStringList west = membersOf(round, "West London Alliance");
    const QStringList south = membersOf(round, "South London Partnership");
    using P = ProviderSector;
    const auto add = [&](const char *name, P sector, bool sme, QStringList specialisms,
                         QStringList areas, const char *contact) {
        s.providers.append(
            {tr(name), sector, sme, std::move(specialisms), std::move(areas), key(contact)});
    };
    // No homelessness specialist serves Central London Forward, where the agreement names
    // homelessness a priority: the demo shows a gap in the coverage matrix.
    add("Northgate Employment Services", P::Private, false,
        {key("long_term_unemployed"), key("skills")}, clf + local + west + south,
        "bids@northgate.example");
    add("Riverside Mind Works", P::VoluntaryCommunity, true, {key("mental_health"), key("health")},
        clf + west, "info@riversidemind.example");
    add("Open Door Recovery", P::VoluntaryCommunity, true,
        {key("drug_alcohol"), key("ex_offenders")}, clf + local, "hello@opendoor.example");
    add("Thames Housing Advice", P::VoluntaryCommunity, true, {key("homelessness")}, local,
        "advice@thameshousing.example");
    add("Ability Forward", P::VoluntaryCommunity, false, {key("disability"), key("health")},
        local + south, "contact@abilityforward.example");
    add("Family Futures CIC", P::VoluntaryCommunity, true, {key("families"), key("lone_parents")},
        local + west, "team@familyfutures.example");
    add("Youth Launchpad", P::VoluntaryCommunity, true, {key("young_people"), key("care_leavers")},
        clf + south, "hi@youthlaunchpad.example");
    add("Westway Skills College", P::Public, false, {key("skills")}, west,
        "employers@westway.example");
    add("Second Chance Works", P::VoluntaryCommunity, true, {key("ex_offenders")}, south + west,
        "referrals@secondchance.example");
    add("Healthy Work Partners", P::Private, true,
        {key("health"), key("mental_health"), key("disability")}, south,
        "partners@healthywork.example");
    const auto date = [](int year, int month, int day) {
        return QDate(year, month, day);
    };
    using M = MilestoneKind;
    s.milestones = {
        {M::PriorInformationNotice, QString(), date(2026, 9, 1), date(2026, 9, 1)},
        {M::EngagementEvent, tr("Provider event, central London"), date(2026, 9, 22),
         date(2026, 9, 22)},
        {M::EngagementEvent, tr("Specialist providers' workshop"), date(2026, 10, 6),
         date(2026, 10, 6)},
        {M::SupplyChainFormation, QString(), date(2026, 10, 1), date(2026, 11, 19)},
        {M::TenderNotice, QString(), date(2026, 12, 1), date(2026, 12, 1)},
        {M::BidDeadline, QString(), date(2027, 1, 12), date(2027, 1, 12)},
        {M::Evaluation, QString(), date(2027, 1, 13), date(2027, 2, 19)},
        {M::Award, QString(), date(2027, 3, 1), date(2027, 3, 1)},
        {M::Standstill, QString(), date(2027, 3, 1), date(2027, 3, 11)},
        {M::GoLive, QString(), date(2027, 6, 1), date(2027, 6, 1)},
    };
    // The board's rules: the first is deliberately missed (seven weeks of supply-chain
    // formation against eight), so that the demo shows a failed check.
    s.rules = {
        {M::SupplyChainFormation, M::SupplyChainFormation, 56},
        {M::TenderNotice, M::BidDeadline, 30},
        {M::Standstill, M::Standstill, 10},
        {M::PriorInformationNotice, M::TenderNotice, 35},
    };
    return s;
}

} // namespace CoCommission::LondonRound
