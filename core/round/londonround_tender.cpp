// The demo round's illustrative tender: one lot with three bids, a panel of three and their
// scores, part moderated, so that stage 5 can be seen working. Every name and figure is invented.

#include "core/round/londonround.h"

#include <QCoreApplication>

#include <cmath>

namespace CoCommission::LondonRound {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::LondonRound", text);
}

QDateTime at(int month, int day, int hour)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC);
}

} // namespace

Tender demoTender(const Cpa &lot)
{
    Tender t;
    t.illustrative = true;
    t.criteria = CriteriaTree::defaultTemplate().criteria();
    t.bidsOpenedAt = at(10, 1, 10);
    t.moderationOpenedAt = at(10, 20, 9);

    using S = ProviderSector;
    using E = EvidenceStrength;
    const auto sub = [](const char *name, S sector, bool sme, QStringList specialisms) {
        return Subcontractor{tr(name), sector, sme, std::move(specialisms)};
    };
    const auto key = [](const char *k) {
        return QString::fromLatin1(k);
    };

    TenderBid a{
        QStringLiteral("B1"),
        tr("Riverside Employment Services (illustrative)"),
        lot.id,
        12'400'000,
        {sub("Mindful Futures", S::VoluntaryCommunity, true, {key("mental_health"), key("health")}),
         sub("Open Door Housing Trust", S::VoluntaryCommunity, true, {key("homelessness")}),
         sub("Borough Adult Learning", S::Public, false, {key("skills")})},
        tr("Illustrative: co-located advisers in the boroughs' mental health and housing "
           "services, with a named link worker for each Jobcentre Plus office."),
        {{key("health"), E::StatementOfIntent, tr("Letter from the mental health trust")},
         {key("housing"), E::Evidenced, tr("Existing referral protocol")},
         {key("skills"), E::Evidenced, {}},
         {key("family"), E::Asserted, {}},
         {key("childcare"), E::None, {}},
         {key("public_health"), E::Asserted, {}},
         {key("financial_support"), E::Evidenced, {}}}};
    TenderBid b{QStringLiteral("B2"),
                tr("Capital Pathways Consortium (illustrative)"),
                lot.id,
                11'100'000,
                {sub("Second Chance Works", S::VoluntaryCommunity, true, {key("ex_offenders")}),
                 sub("Family Links CIC", S::VoluntaryCommunity, true,
                     {key("families"), key("lone_parents")})},
                tr("Illustrative: a hub-and-spoke model with outreach in family centres; "
                   "integration with health services described but not yet agreed."),
                {{key("health"), E::Asserted, {}},
                 {key("housing"), E::Asserted, {}},
                 {key("skills"), E::Evidenced, {}},
                 {key("family"), E::StatementOfIntent, tr("Statement from two family services")},
                 {key("childcare"), E::Evidenced, {}},
                 {key("public_health"), E::None, {}},
                 {key("financial_support"), E::Asserted, {}}}};
    TenderBid c{QStringLiteral("B3"),
                tr("Bridge to Work Partnership (illustrative)"),
                lot.id,
                13'000'000,
                {sub("Recovery Road", S::VoluntaryCommunity, true, {key("drug_alcohol")}),
                 sub("Ability Works", S::Private, true, {key("disability")}),
                 sub("Youth Forward", S::VoluntaryCommunity, true, {key("young_people")}),
                 sub("City Skills College", S::Public, false, {key("skills")})},
                tr("Illustrative: integration boards in each borough, chaired by the council, "
                   "with shared case records for people in drug and alcohol treatment."),
                {{key("health"), E::Evidenced, {}},
                 {key("housing"), E::Evidenced, {}},
                 {key("skills"), E::StatementOfIntent, tr("College partnership agreement")},
                 {key("family"), E::Evidenced, {}},
                 {key("childcare"), E::Asserted, {}},
                 {key("public_health"), E::StatementOfIntent, tr("Letter from public health")},
                 {key("financial_support"), E::Asserted, {}}}};
    t.bids = {a, b, c};

    t.panel = {
        {tr("A. Okafor (illustrative)"), QStringLiteral("DWP"), tr("Contract manager")},
        {tr("J. Patel (illustrative)"), QStringLiteral("E09000007"),
         tr("Head of employment and skills")},
        {tr("R. Evans (illustrative)"), QStringLiteral("E09000033"), tr("Commissioning manager")}};
    // Each assessor declares about each bidder; one declared conflict blocks J. Patel from B2.
    for (const Assessor &assessor : t.panel) {
        for (const TenderBid &bid : t.bids) {
            const bool conflicted = assessor.organisation == QLatin1String("E09000007") &&
                                    bid.id == QLatin1String("B2");
            t.conflicts.append(
                {assessor.name, bid.bidder, conflicted,
                 conflicted ? tr("Illustrative: a trustee of Family Links CIC") : QString(),
                 at(10, 1, 11)});
        }
    }

    // Scores per bid for the twelve scored leaves, in tree order, for each assessor. B1 is
    // strongest on integration, B2 the cheapest, B3 close behind B1; one wide spread (B3 on
    // employer engagement) is left for moderation.
    const QStringList leaves{key("integration.health"),
                             key("integration.housing"),
                             key("integration.skills"),
                             key("integration.family"),
                             key("integration.childcare"),
                             key("integration.public_health"),
                             key("integration.financial"),
                             key("supply_chain"),
                             key("delivery"),
                             key("priority_groups"),
                             key("employer_engagement"),
                             key("social_value")};
    const int scores[3][3][12] = {
        {{5, 4, 4, 3, 2, 3, 4, 4, 4, 4, 3, 4},
         {4, 4, 4, 3, 2, 3, 4, 4, 4, 4, 3, 4},
         {5, 4, 3, 3, 2, 3, 3, 4, 4, 3, 3, 3}},
        {{3, 3, 4, 5, 4, 2, 3, 3, 3, 3, 4, 3},
         {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, // conflicted: not scored
         {2, 3, 4, 4, 4, 2, 3, 3, 3, 3, 3, 3}},
        {{4, 4, 5, 4, 3, 5, 3, 5, 4, 4, 2, 4},
         {4, 4, 4, 4, 3, 5, 3, 4, 4, 4, 4, 4},
         {4, 3, 5, 4, 3, 4, 3, 5, 4, 4, 3, 4}},
    };
    const QStringList descriptors = ScoringScale::sixLevelDescriptors();
    for (int bid = 0; bid < 3; ++bid) {
        for (int assessor = 0; assessor < 3; ++assessor) {
            if (bid == 1 && assessor == 1)
                continue;
            for (int leaf = 0; leaf < leaves.size(); ++leaf) {
                const int score = scores[bid][assessor][leaf];
                t.scores.append({t.panel[assessor].name, t.bids[bid].id, leaves[leaf],
                                 double(score),
                                 tr("Illustrative: %1 response.").arg(descriptors[score].toLower()),
                                 at(10, 10 + assessor, 14)});
            }
        }
    }
    // Moderation has agreed bid B1; B2 and B3 are still to be moderated.
    for (int leaf = 0; leaf < leaves.size(); ++leaf) {
        double sum = 0;
        for (int assessor = 0; assessor < 3; ++assessor)
            sum += scores[0][assessor][leaf];
        t.consensus.append({t.bids[0].id, leaves[leaf], std::round(sum / 3.0),
                            tr("Illustrative: the panel agreed the mean, rounded, after "
                               "discussing the evidence."),
                            at(10, 20, 11)});
    }
    return t;
}

} // namespace CoCommission::LondonRound
