#include "core/io/snapshotarchive.h"

#include "core/io/boostqt.h"
#include "core/io/boostdesign.h"
#include "core/io/boostmonitoring.h"
#include "core/io/boostpaper.h"
#include "core/io/boosttender.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/version.hpp>

#include <sstream>
#include <string>

// Boost.Serialization lives in core/io only: the domain headers stay free of it. The Qt types,
// lists, ids and enumerations travel as core/io/boostqt.h encodes them.

namespace {
const std::string kMagic = "cocommission-round-snapshot";
using CoCommission::ArchiveIo::DamagedArchive;
} // namespace

namespace boost::serialization {

template<class Archive>
void serialize(Archive &ar, CoCommission::Authority &a, unsigned int)
{
    ar &a.gssCode &a.name;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Partnership &p, unsigned int)
{
    ar &p.id &p.name &p.leadAuthority &p.members;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Cpa &c, unsigned int)
{
    ar &c.id &c.name &c.colour &c.members;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::CpaPlan &p, unsigned int version)
{
    ar &p.id &p.name &p.adopted &p.cpas;
    if (version >= 1) {
        enumField(ar, p.rule, 0, 1);
        ar &p.balanceIndicator;
        optionalField(ar, p.minimumSize);
    }
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Observation &o, unsigned int)
{
    ar &o.gssCode &o.measure &o.date &o.value;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Measure &m, unsigned int)
{
    ar &m.key &m.label &m.dimensionValues;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::NeedsDataset &d, unsigned int version)
{
    ar &d.id &d.name &d.source &d.illustrative &d.observations;
    if (version >= 1)
        ar &d.fileName &d.sha256 &d.rowCount &d.importedAt &d.dimensions &d.measures;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::RatioIndicator &r, unsigned int)
{
    ar &r.id &r.name &r.numerator &r.denominator &r.scale;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PriorityGroup &g, unsigned int)
{
    ar &g.key &g.name &g.description;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PartnerRankingRecord &r, unsigned int version)
{
    ar &r.cpa &r.partner &r.order;
    if (version >= 1)
        ar &r.points;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::LabourMarketAgreement &a, unsigned int)
{
    ar &a.cpa &a.headlineIndicators &a.narrative &a.priorityGroups &a.updatedAt;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::BoundaryFile &b, unsigned int)
{
    ar &b.fileName &b.sha256 &b.codeProperty &b.importedAt &b.geoJson;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::PriorityDecision &d, unsigned int)
{
    ar &d.cpa &d.order &d.rationale &d.decidedAt;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::StageState &s, unsigned int)
{
    enumField(ar, s.status, 0, 3);
}
template<class Archive>
void serialize(Archive &ar, CoCommission::SignOff &s, unsigned int)
{
    ar &s.id;
    enumField(ar, s.stage, 0, 5);
    enumField(ar, s.party, 0, 2);
    ar &s.name &s.role &s.rationale &s.signedAt &s.snapshot &s.snapshotSha256;
}
template<class Archive>
void serialize(Archive &ar, CoCommission::Round &r, unsigned int version)
{
    ar &r.title &r.programme;
    enumField(ar, r.model, 1, 3);
    ar &r.createdAt &r.authorities &r.partnerships &r.plans;
    for (CoCommission::StageState &stage : r.stages)
        ar &stage;
    ar &r.signOffs &r.datasets;
    if (version >= 2)
        ar &r.ratios;
    if (version >= 3)
        ar &r.priorityGroups &r.rankings &r.decisions &r.priorityPlaces;
    if (version >= 4) {
        enumField(ar, r.priorityMethod, 0, 1);
        ar &r.agreements &r.boundaries;
    }
    if (version >= 5)
        ar &r.uuid &r.tender;
    if (version >= 6)
        ar &r.design &r.supply;
    if (version >= 7)
        ar &r.monitoring;
    if (version >= 8)
        ar &r.papers;
}

} // namespace boost::serialization

// Version history. Round 1: first release; 2: ratio indicators; 3: priorities (stage 2);
// 4: ranking method, Local Labour Market Agreements, boundaries; 5: the round's identity and
// the tender (stage 5); 6: the service design (stage 3) and the supply market (stage 4);
// 7: monitoring (stage 6); 8: board papers.
// NeedsDataset 1: provenance, dimensions and measures of imported data.
// CpaPlan 1: adjacency rule, balance indicator and minimum size.
// PartnerRankingRecord 1: points for the points method.
BOOST_CLASS_VERSION(CoCommission::Round, 8)
BOOST_CLASS_VERSION(CoCommission::NeedsDataset, 1)
BOOST_CLASS_VERSION(CoCommission::CpaPlan, 1)
BOOST_CLASS_VERSION(CoCommission::PartnerRankingRecord, 1)

namespace CoCommission::SnapshotArchive {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::SnapshotArchive", text, disambiguation, n);
}
} // namespace

QByteArray save(const Round &round)
{
    std::ostringstream stream;
    {
        boost::archive::text_oarchive archive(stream);
        const int version = kFormatVersion;
        archive << kMagic << version << round;
    }
    const std::string bytes = stream.str();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

Result<Round> load(const QByteArray &bytes)
{
    if (bytes.size() > kMaxArchiveBytes)
        return Error{tr("The snapshot is larger than any round can be (%1 bytes): it is "
                        "damaged.")
                         .arg(bytes.size())};
    try {
        std::istringstream stream(std::string(bytes.constData(), std::size_t(bytes.size())));
        boost::archive::text_iarchive archive(stream);
        std::string magic;
        int version = 0;
        archive >> magic;
        if (magic != kMagic)
            return Error{tr("This is not a CoCommission snapshot.")};
        archive >> version;
        if (version > kFormatVersion)
            return Error{tr("The snapshot was made by a newer version of CoCommission (snapshot "
                            "format %1; this version reads up to %2).")
                             .arg(version)
                             .arg(kFormatVersion)};
        if (version < 1)
            return Error{tr("The snapshot gives an impossible format version (%1).").arg(version)};
        Round round;
        archive >> round;
        return round;
    } catch (const boost::archive::archive_exception &e) {
        return Error{tr("The snapshot is damaged and cannot be read (%1).")
                         .arg(QString::fromLocal8Bit(e.what()))};
    } catch (const DamagedArchive &) {
        return Error{tr("The snapshot is damaged: it holds an impossible value.")};
    } catch (const std::exception &e) {
        return Error{tr("The snapshot cannot be read (%1).").arg(QString::fromLocal8Bit(e.what()))};
    }
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace CoCommission::SnapshotArchive
