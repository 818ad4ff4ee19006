#pragma once

// Supply-chain and local-integration validation of one bid (stage 5), as pure functions.

#include "core/round/tender.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace CoCommission {

struct Round;

/** A specialism a subcontractor can offer; Subcontractor::specialisms holds the keys. */
struct Specialism
{
    QString key;
    QString name; ///< translated
};

/**
 * The specialisms, in the order shown: mental_health, disability, drug_alcohol, homelessness,
 * skills, ex_offenders, lone_parents, young_people, families, care_leavers,
 * long_term_unemployed, health.
 */
QList<Specialism> specialisms();
/** The translated name of specialism \a key; \a key itself when it is not one of ours. */
QString specialismName(const QString &key);

/**
 * The specialisms that serve priority group \a groupKey: a subcontractor with any one of them
 * is a specialist for the group. Always includes \a groupKey itself, so that a group without a
 * mapping (one a round added to its catalogue) is served by a subcontractor naming its key.
 *
 *     esa_wrag               health, mental_health, disability
 *     jsa_12_months          long_term_unemployed, skills
 *     lone_parents           lone_parents, families
 *     young_never_worked     young_people, skills
 *     workless_families      families
 *     health_condition       health, mental_health, disability
 *     multiple_disadvantages drug_alcohol, homelessness, mental_health, ex_offenders
 *     care_leavers           care_leavers, young_people
 *     ex_offenders           ex_offenders
 *     homelessness           homelessness
 */
QStringList specialismsServing(const QString &groupKey);

/** Where the priority groups of a lot were taken from. */
enum class PrioritySource {
    Decision,  ///< the partners' PriorityDecision for the lot's CPA
    Agreement, ///< the LabourMarketAgreement for the lot's CPA
    Catalogue, ///< neither exists: every group of the round's catalogue
};

/**
 * The priority groups of \a cpa (a CPA of the adopted plan), in priority order: the order of
 * the round's PriorityDecision for it when one exists with a non-empty order, else the
 * LabourMarketAgreement's priorityGroups for it when not empty, else every group of the
 * round's catalogue (Round::priorityGroups). \a source, when given, is set to where they came
 * from. The one rule for a CPA's priorities in stages 4 and 5.
 */
QStringList cpaPriorityGroups(const Round &round, CpaId cpa, PrioritySource *source = nullptr);

/**
 * What a bid's supply chain and integration plan offer. Shares are 0-1 of the subcontractors
 * (0 when there are none); the prime is not counted.
 */
struct SupplyChainSummary
{
    QString bidId;
    int subcontractors = 0;
    int specialists = 0; ///< subcontractors with at least one specialism
    double specialistShare = 0;
    int voluntaryCommunity = 0; ///< voluntary and community sector organisations
    double voluntaryCommunityShare = 0;
    int smes = 0;
    double smeShare = 0;

    QStringList priorityGroups; ///< the lot's group keys, in priority order
    PrioritySource prioritySource = PrioritySource::Catalogue;
    QStringList uncoveredGroups; ///< of priorityGroups, those no specialist serves

    /** One line per localServices() entry, in that order; None where the bid is silent. */
    QList<IntegrationEvidence> integration;
    /** How many services have each strength, indexed by int(EvidenceStrength). */
    std::array<int, 4> evidenceCounts{};

    int count(EvidenceStrength strength) const { return evidenceCounts[size_t(strength)]; }
};

/**
 * The supply-chain summary of \a bid. The lot's priority groups are cpaPriorityGroups() of the
 * bid's lot. A group is covered when a subcontractor lists a specialism in
 * specialismsServing(group).
 */
SupplyChainSummary supplyChainSummary(const Round &round, const TenderBid &bid);

} // namespace CoCommission
