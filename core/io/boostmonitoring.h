#pragma once

// Boost.Serialization for the stage 6 value types (core/round/monitoring.h) that stage-gate
// snapshots carry. A private header: include it only from .cpp files under core/io, after
// boostqt.h.
//
// Every type starts at Boost class version 0; a field added later goes behind a version check
// and a BOOST_CLASS_VERSION here, so that every archive written before stays readable.

#include "core/io/boostqt.h"
#include "core/round/monitoring.h"

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, CoCommission::BoardMember &m, unsigned int)
{
    ar &m.name;
    enumField(ar, m.role, 0, 5);
    ar &m.organisation &m.voting;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::BoardMeeting &m, unsigned int)
{
    ar &m.id &m.date &m.title &m.attendees &m.notes;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::BoardAction &a, unsigned int)
{
    ar &a.id;
    enumField(ar, a.kind, 0, 1);
    ar &a.text &a.meeting &a.owner &a.due;
    enumField(ar, a.status, 0, 3);
    ar &a.note;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ContractManagerReport &r, unsigned int)
{
    ar &r.period;
    for (QString &text : r.commentary)
        ar &text;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ProgrammeBoard &b, unsigned int)
{
    ar &b.members &b.quorum &b.meetings &b.actions &b.reports;
    ar &b.greenPercent &b.amberPercent &b.illustrative;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::MonitoringFigure &f, unsigned int)
{
    ar &f.period &f.cpa &f.group;
    enumField(ar, f.measure, 0, 3);
    ar &f.value;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::StandardFigure &f, unsigned int)
{
    ar &f.period &f.cpa &f.standard &f.value;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::ContractProfile &p, unsigned int)
{
    ar &p.start &p.months &p.source &p.figures &p.illustrative;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PerformanceReturn &r, unsigned int)
{
    ar &r.id &r.source &r.sha256 &r.receivedAt &r.note &r.illustrative &r.figures &r.standards;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Monitoring &m, unsigned int)
{
    ar &m.board &m.profile &m.returns;
}

} // namespace boost::serialization
