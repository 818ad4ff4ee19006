#pragma once

// Boost.Serialization for the board papers (core/round/paper.h) that stage-gate snapshots
// carry, so that a paper can be written again exactly as the board signed it. A private
// header: include it only from .cpp files under core/io, after boostqt.h.
//
// Every type starts at Boost class version 0; a field added later goes behind a version check
// and a BOOST_CLASS_VERSION here, so that every archive written before stays readable.

#include "core/io/boostqt.h"
#include "core/round/paper.h"

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, CoCommission::DisclosureRule &r, unsigned int)
{
    ar &r.threshold &r.rounding &r.enabled;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::BoardPaper &p, unsigned int)
{
    ar &p.id &p.meeting;
    qint64 count = p.stages.size();
    ar &count;
    if (count < 0 || count > qint64(CoCommission::kAllStages.size()))
        throw CoCommission::ArchiveIo::DamagedArchive{};
    p.stages.resize(count);
    for (CoCommission::StageId &stage : p.stages)
        enumField(ar, stage, 0, int(CoCommission::kAllStages.size()) - 1);
    ar &p.board &p.itemNumber &p.title &p.reportBy &p.jobTitle &p.contactOfficer &p.email &p
        .telephone &p.notForPublication &p.summary &p.recommendations &p.background &p.options &p
        .financial &p.legal &p.equalities &p.backgroundPapers &p.exemptSections &p.disclosure &p
        .updatedAt;
}

} // namespace boost::serialization
