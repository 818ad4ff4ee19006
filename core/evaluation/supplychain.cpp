#include "core/evaluation/supplychain.h"

#include "core/round/round.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::SupplyChain", text);
}

double share(int count, int total)
{
    return total > 0 ? double(count) / double(total) : 0.0;
}

} // namespace

QStringList cpaPriorityGroups(const Round &round, CpaId cpa, PrioritySource *source)
{
    const auto from = [&](PrioritySource s) {
        if (source)
            *source = s;
    };
    for (const PriorityDecision &d : round.decisions) {
        if (d.cpa == cpa && !d.order.isEmpty()) {
            from(PrioritySource::Decision);
            return d.order;
        }
    }
    if (const LabourMarketAgreement *a = round.agreement(cpa); a && !a->priorityGroups.isEmpty()) {
        from(PrioritySource::Agreement);
        return a->priorityGroups;
    }
    from(PrioritySource::Catalogue);
    QStringList keys;
    for (const PriorityGroup &g : round.priorityGroups)
        keys << g.key;
    return keys;
}

QList<Specialism> specialisms()
{
    return {
        {QStringLiteral("mental_health"), tr("Mental health")},
        {QStringLiteral("disability"), tr("Disability")},
        {QStringLiteral("drug_alcohol"), tr("Drug and alcohol misuse")},
        {QStringLiteral("homelessness"), tr("Homelessness and housing")},
        {QStringLiteral("skills"), tr("Skills and training")},
        {QStringLiteral("ex_offenders"), tr("Ex-offenders")},
        {QStringLiteral("lone_parents"), tr("Lone parents")},
        {QStringLiteral("young_people"), tr("Young people")},
        {QStringLiteral("families"), tr("Families")},
        {QStringLiteral("care_leavers"), tr("Care leavers")},
        {QStringLiteral("long_term_unemployed"), tr("Long-term unemployed")},
        {QStringLiteral("health"), tr("Physical health conditions")},
    };
}

QString specialismName(const QString &key)
{
    for (const Specialism &s : specialisms()) {
        if (s.key == key)
            return s.name;
    }
    return key;
}

QStringList specialismsServing(const QString &groupKey)
{
    static const QHash<QString, QStringList> mapping{
        {QStringLiteral("esa_wrag"),
         {QStringLiteral("health"), QStringLiteral("mental_health"), QStringLiteral("disability")}},
        {QStringLiteral("jsa_12_months"),
         {QStringLiteral("long_term_unemployed"), QStringLiteral("skills")}},
        {QStringLiteral("lone_parents"),
         {QStringLiteral("lone_parents"), QStringLiteral("families")}},
        {QStringLiteral("young_never_worked"),
         {QStringLiteral("young_people"), QStringLiteral("skills")}},
        {QStringLiteral("workless_families"), {QStringLiteral("families")}},
        {QStringLiteral("health_condition"),
         {QStringLiteral("health"), QStringLiteral("mental_health"), QStringLiteral("disability")}},
        {QStringLiteral("multiple_disadvantages"),
         {QStringLiteral("drug_alcohol"), QStringLiteral("homelessness"),
          QStringLiteral("mental_health"), QStringLiteral("ex_offenders")}},
        {QStringLiteral("care_leavers"),
         {QStringLiteral("care_leavers"), QStringLiteral("young_people")}},
        {QStringLiteral("ex_offenders"), {QStringLiteral("ex_offenders")}},
        {QStringLiteral("homelessness"), {QStringLiteral("homelessness")}},
    };
    QStringList out = mapping.value(groupKey);
    if (!out.contains(groupKey))
        out << groupKey;
    return out;
}

SupplyChainSummary supplyChainSummary(const Round &round, const TenderBid &bid)
{
    SupplyChainSummary out;
    out.bidId = bid.id;
    out.subcontractors = int(bid.supplyChain.size());
    for (const Subcontractor &s : bid.supplyChain) {
        if (!s.specialisms.isEmpty())
            ++out.specialists;
        if (s.sector == ProviderSector::VoluntaryCommunity)
            ++out.voluntaryCommunity;
        if (s.sme)
            ++out.smes;
    }
    out.specialistShare = share(out.specialists, out.subcontractors);
    out.voluntaryCommunityShare = share(out.voluntaryCommunity, out.subcontractors);
    out.smeShare = share(out.smes, out.subcontractors);

    out.priorityGroups = cpaPriorityGroups(round, bid.lot, &out.prioritySource);
    for (const QString &group : std::as_const(out.priorityGroups)) {
        const QStringList serving = specialismsServing(group);
        const bool covered = std::any_of(
            bid.supplyChain.cbegin(), bid.supplyChain.cend(), [&](const Subcontractor &s) {
                return std::any_of(s.specialisms.cbegin(), s.specialisms.cend(),
                                   [&](const QString &k) { return serving.contains(k); });
            });
        if (!covered)
            out.uncoveredGroups << group;
    }

    for (const LocalService &service : localServices()) {
        IntegrationEvidence line{service.key, EvidenceStrength::None, {}};
        const auto it =
            std::find_if(bid.integration.cbegin(), bid.integration.cend(),
                         [&](const IntegrationEvidence &e) { return e.service == service.key; });
        if (it != bid.integration.cend())
            line = *it;
        ++out.evidenceCounts[size_t(line.strength)];
        out.integration << line;
    }
    return out;
}

} // namespace CoCommission
