#pragma once

// Boost.Serialization for the stage 3 and 4 value types (core/round/design.h,
// core/round/supply.h) that stage-gate snapshots carry. A private header: include it only
// from .cpp files under core/io, after boostqt.h.
//
// Every type starts at Boost class version 0; a field added later goes behind a version check
// and a BOOST_CLASS_VERSION here, so that every archive written before stays readable.

#include "core/io/boostqt.h"
#include "core/round/design.h"
#include "core/round/supply.h"

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, CoCommission::ServiceStandard &s, unsigned int)
{
    ar &s.key &s.name &s.description &s.target &s.unit;
    enumField(ar, s.direction, 0, 2);
}
template<class Archive>
void serialize(Archive &ar, CoCommission::DirectiveCondition &c, unsigned int)
{
    enumField(ar, c.kind, 0, 1);
    ar &c.subject &c.cpa &c.minimumPercent &c.note;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::EligibilityRule &r, unsigned int)
{
    ar &r.category &r.text;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ReferralRoute &r, unsigned int)
{
    ar &r.source &r.description;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PaymentGroup &g, unsigned int)
{
    ar &g.key &g.name &g.measure &g.eligibleSharePercent &g.takeUpPercent;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ReferralVolume &v, unsigned int)
{
    ar &v.group &v.cpa &v.referralsPerYear;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::GroupTariff &t, unsigned int)
{
    ar &t.group &t.cpa &t.attachmentFee &t.jobOutcomePayment &t.sustainmentPayment;
    ar &t.sustainmentPayments &t.sustainmentIntervalMonths &t.jobOutcomeRatePercent;
    ar &t.sustainmentRatePercent &t.deliveryCostPerStart;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PaymentScenario &s, unsigned int)
{
    ar &s.name &s.tariffs &s.contractYears &s.monthsToJob &s.paymentLagMonths;
    ar &s.rateUncertaintyPoints &s.volumeUncertaintyPercent &s.seed &s.draws;
    ar &s.bonusPerExtraJob &s.managingAgentBonusPercent &s.benefitSavingPerSustainedJob;
    ar &s.savingsReturnedPercent &s.liabilityPercent;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::LocalContribution &c, unsigned int)
{
    ar &c.authority &c.service;
    enumField(ar, c.form, 0, 3);
    ar &c.valuePerYear;
    enumField(ar, c.status, 0, 2);
    ar &c.note;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ServiceDesign &d, unsigned int)
{
    ar &d.standards &d.conditions &d.eligibility &d.referralRoutes &d.paymentGroups;
    ar &d.volumes &d.scenarios &d.contributions &d.illustrative;
}

template<class Archive>
void serialize(Archive &ar, CoCommission::Provider &p, unsigned int)
{
    ar &p.name;
    enumField(ar, p.sector, 0, 2);
    ar &p.sme &p.specialisms &p.areas &p.contact;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Milestone &m, unsigned int)
{
    enumField(ar, m.kind, 0, 8);
    ar &m.name &m.start &m.end;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::TimelineRule &r, unsigned int)
{
    enumField(ar, r.from, 0, 8);
    enumField(ar, r.to, 0, 8);
    ar &r.minimumDays;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::SupplyMarket &s, unsigned int)
{
    ar &s.providers &s.milestones &s.rules &s.illustrativeProviders &s.illustrativeTimeline;
}

} // namespace boost::serialization
