#pragma once

// Boost.Serialization for the stage 5 value types (core/round/tender.h, core/evaluation/
// criteria.h) that archives carry: assessor packs now, stage-gate snapshots once they hold the
// tender. A private header: include it only from .cpp files under core/io, after boostqt.h.
//
// Every type starts at Boost class version 0; a field added later goes behind a version check
// and a BOOST_CLASS_VERSION here, so that every archive written before stays readable.

#include "core/evaluation/criteria.h"
#include "core/io/boostqt.h"
#include "core/round/tender.h"

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, CoCommission::ScoringScale &s, unsigned int)
{
    ar &s.maxScore &s.descriptors;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Criterion &c, unsigned int)
{
    ar &c.id &c.parentId &c.name &c.weightPercent;
    enumField(ar, c.type, 0, 4);
    ar &c.scale;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Subcontractor &s, unsigned int)
{
    ar &s.name;
    enumField(ar, s.sector, 0, 2);
    ar &s.sme &s.specialisms;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::IntegrationEvidence &e, unsigned int)
{
    ar &e.service;
    enumField(ar, e.strength, 0, 3);
    ar &e.note;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Assessor &a, unsigned int)
{
    ar &a.name &a.organisation &a.role;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ConflictDeclaration &d, unsigned int)
{
    ar &d.assessor &d.bidder &d.conflicted &d.note &d.declaredAt;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::IndividualScore &s, unsigned int)
{
    ar &s.assessor &s.bidId &s.criterionId &s.score &s.comment &s.scoredAt;
}

template<class Archive>
void serialize(Archive &ar, CoCommission::TenderBid &b, unsigned int)
{
    ar &b.id &b.bidder &b.lot &b.price &b.supplyChain &b.integrationPlan &b.integration;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ModeratedScore &m, unsigned int)
{
    ar &m.bidId &m.criterionId &m.score &m.rationale &m.agreedAt;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::CriteriaChange &c, unsigned int)
{
    ar &c.changedAt &c.actor &c.reason &c.summary;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::AwardSignature &a, unsigned int)
{
    ar &a.lot &a.party &a.name &a.role &a.rationale &a.winner &a.signedAt;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Tender &t, unsigned int)
{
    ar &t.criteria;
    enumField(ar, t.priceFormula, 0, 1);
    ar &t.abnormallyLowPercent &t.bidsOpenedAt &t.moderationOpenedAt &t.criteriaChanges &t.bids &t
        .panel &t.conflicts &t.scores &t.consensus &t.awardSignatures &t.illustrative;
}

} // namespace boost::serialization
