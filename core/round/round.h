#pragma once

#include "core/common/ids.h"
#include "core/round/adjacencyrule.h"
#include "core/round/design.h"
#include "core/round/devolutionmodel.h"
#include "core/round/monitoring.h"
#include "core/round/paper.h"
#include "core/round/rankingmethod.h"
#include "core/round/signoff.h"
#include "core/round/stage.h"
#include "core/round/supply.h"
#include "core/round/tender.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace CoCommission {

/** A local authority, identified by its ONS GSS code (e.g. E09000033 Westminster). */
struct Authority
{
    QString gssCode;
    QString name;

    bool operator==(const Authority &) const = default;
};

/** A sub-regional group of authorities, e.g. Central London Forward. */
struct Partnership
{
    PartnershipId id;
    QString name;
    QString leadAuthority; ///< GSS code, empty when none is named
    QStringList members;   ///< GSS codes

    bool operator==(const Partnership &) const = default;
};

/** A Contract Package Area: the authorities one contract covers. */
struct Cpa
{
    CpaId id;
    QString name;
    QString colour;      ///< "#rrggbb"
    QStringList members; ///< GSS codes

    bool operator==(const Cpa &) const = default;
};

/**
 * One named way of dividing the round's authorities into CPAs. A round holds any number of
 * plans; at most one is adopted, and the adopted plan is what every stage uses.
 */
struct CpaPlan
{
    PlanId id;
    QString name;
    bool adopted = false;
    QList<Cpa> cpas;
    /** Which contacts make authorities neighbours when this plan's contiguity is checked. */
    AdjacencyRule rule = AdjacencyRule::LegalBoundary;
    /** The indicator id (see Indicators) the plan is balanced on; empty for none. */
    QString balanceIndicator;
    /** A CPA whose total of the balance indicator is below this is too small to be viable. */
    std::optional<double> minimumSize;

    bool operator==(const CpaPlan &) const = default;
};

/**
 * One figure at authority level: \a measure for one authority at one date. Figures imported for
 * smaller areas are summed to their authority; a sum with a missing part is left out, never
 * counted as zero.
 */
struct Observation
{
    QString gssCode;
    QString measure; ///< the Measure's key, e.g. "claimant_count" or "d3s2"
    QString date;    ///< "YYYY-MM" or "YYYY"
    double value = 0;

    bool operator==(const Observation &) const = default;
};

/**
 * A measure of a dataset: one value of each of its dimensions (e.g. claimant count for people
 * of all ages). Its key is unique in the round and stable: it is the measure's indicator id.
 */
struct Measure
{
    QString key;
    QString label;               ///< e.g. "Claimant count: people, all ages"
    QStringList dimensionValues; ///< in the order of the dataset's dimensions

    bool operator==(const Measure &) const = default;
};

/** A set of labour-market figures with its provenance. */
struct NeedsDataset
{
    qint64 id = 0;
    QString name;
    QString source;
    bool illustrative = false; ///< invented figures: every view must say so
    QString fileName;          ///< the imported file's name, empty for built-in figures
    QString sha256;            ///< of the imported file's bytes, to detect a second import
    qint64 rowCount = 0;       ///< data rows in the imported file
    QDateTime importedAt;
    QStringList dimensions; ///< e.g. "GENDER", "AGE", "MEASURES"
    QList<Measure> measures;
    QList<Observation> observations; ///< authority-level figures of every measure

    bool operator==(const NeedsDataset &) const = default;
};

/**
 * A derived indicator: numerator / denominator × scale, each a measure key. For a group of
 * authorities it is recomputed from the summed parts, never averaged.
 */
struct RatioIndicator
{
    qint64 id = 0;
    QString name;
    QString numerator;
    QString denominator;
    double scale = 100;

    QString key() const { return QStringLiteral("r%1").arg(id); }
    bool operator==(const RatioIndicator &) const = default;
};

/** A group of people the programme may prioritise (stage 2), e.g. the ESA work-related group. */
struct PriorityGroup
{
    QString key; ///< stable, e.g. "esa_wrag"
    QString name;
    QString description;

    bool operator==(const PriorityGroup &) const = default;
};

/** One partner's ranking of the priority groups for one CPA of the adopted plan. */
struct PartnerRankingRecord
{
    CpaId cpa;
    QString partner;   ///< "DWP" or a partnership's name
    QStringList order; ///< group keys, most important first
    /** The points given to each group of order, for the points method; empty when not given. */
    QList<double> points;

    bool operator==(const PartnerRankingRecord &) const = default;
};

/** The partners' joint decision on one CPA's priorities, with its rationale (stage 2). */
struct PriorityDecision
{
    CpaId cpa;
    QStringList order; ///< the agreed order of group keys
    QString rationale;
    QDateTime decidedAt;

    bool operator==(const PriorityDecision &) const = default;
};

/**
 * The Local Labour Market Agreement for one CPA of the adopted plan (stage 1): the indicators
 * that head it, what it says of the area's needs, and the priority groups it identifies.
 * Frozen when stage 1 is signed off.
 */
struct LabourMarketAgreement
{
    CpaId cpa;
    QStringList headlineIndicators; ///< indicator ids, in the order shown
    QString narrative;
    QStringList priorityGroups; ///< priority group keys
    QDateTime updatedAt;

    bool operator==(const LabourMarketAgreement &) const = default;
};

/**
 * Boundaries imported for the map, kept as the GeoJSON file was read: the file is the
 * authority, and it is parsed again (BoundarySet) when a map is drawn or adjacency is needed.
 */
struct BoundaryFile
{
    QString fileName;
    QString sha256;
    QString codeProperty; ///< the feature property holding the GSS code
    QDateTime importedAt;
    QByteArray geoJson; ///< empty: no boundaries imported

    bool isEmpty() const { return geoJson.isEmpty(); }
    bool operator==(const BoundaryFile &) const = default;
};

/** The state of one stage of the cycle. */
struct StageState
{
    StageStatus status = StageStatus::NotStarted;

    bool operator==(const StageState &) const = default;
};

/**
 * The whole state of one commissioning round, as a value.
 *
 * RoundDocument owns the live Round and keeps it equal to what the project file holds; a
 * stage-gate snapshot archives a copy. Invariants kept by RoundDocument: authority codes are
 * unique, at most one plan is adopted, ids are unique per kind.
 */
struct Round
{
    QString uuid; ///< the round's identity, made when the file is created; packs carry it
    QString title;
    QString programme;
    DevolutionModel model = DevolutionModel::CoCommissioning;
    QDateTime createdAt;
    QList<Authority> authorities;
    QList<Partnership> partnerships;
    QList<CpaPlan> plans;
    std::array<StageState, 6> stages{};
    QList<SignOff> signOffs;
    QList<NeedsDataset> datasets;
    QList<RatioIndicator> ratios;
    QList<PriorityGroup> priorityGroups;
    QList<PartnerRankingRecord> rankings;
    QList<PriorityDecision> decisions;
    QStringList priorityPlaces; ///< GSS codes of the authorities chosen as priority places
    RankingMethod priorityMethod = RankingMethod::Borda;
    QList<LabourMarketAgreement> agreements;
    BoundaryFile boundaries;
    ServiceDesign design; ///< stage 3
    SupplyMarket supply;  ///< stage 4
    Tender tender;        ///< stage 5
    Monitoring monitoring; ///< stage 6
    QList<BoardPaper> papers; ///< what the officers wrote for board papers, by id


    bool operator==(const Round &) const = default;

    /** The partners who rank \a cpa's priorities: DWP and each partnership with members in it. */
    QStringList priorityPartners(const Cpa &cpa) const;

    const StageState &stage(StageId id) const { return stages[size_t(id)]; }
    StageState &stage(StageId id) { return stages[size_t(id)]; }

    /** The authority with \a gssCode, or nullptr. */
    const Authority *authority(const QString &gssCode) const;
    /** The adopted plan, or nullptr when none is adopted. */
    const CpaPlan *adoptedPlan() const;
    const CpaPlan *plan(PlanId id) const;
    /** The CPA \a id of the adopted plan, or nullptr. */
    const Cpa *adoptedCpa(CpaId id) const;
    /** The board paper \a id, or nullptr. */
    const BoardPaper *paper(qint64 id) const;
    /** The agreement for \a cpa, or nullptr. */
    const LabourMarketAgreement *agreement(CpaId cpa) const;
    /** The sign-offs recorded for \a stage, oldest first. */
    QList<SignOff> signOffsFor(StageId stage) const;
    /** Whether any dataset holds illustrative figures. */
    bool hasIllustrativeFigures() const;
    /** The value of \a measure for \a gssCode at the latest date any dataset holds, if any. */
    std::optional<double> latestValue(const QString &gssCode, const QString &measure) const;
};

/**
 * How a CPA plan covers the round's authorities: the codes that no CPA holds, the codes that
 * more than one CPA holds, and the codes that the round does not know.
 */
struct PlanCoverage
{
    QStringList unassigned;
    QStringList duplicated;
    QStringList unknown;

    bool isComplete() const
    {
        return unassigned.isEmpty() && duplicated.isEmpty() && unknown.isEmpty();
    }
};

PlanCoverage planCoverage(const Round &round, const CpaPlan &plan);

} // namespace CoCommission
