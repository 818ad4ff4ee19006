#pragma once

// Moderation of the panel's individual scores (stage 5), as pure functions of a Tender.
//
// Flow: each assessor declares conflicts per bidder, then scores blind (sees only their own
// scores); when moderation opens the individual scores lock and everyone sees them. Per bid and
// scored leaf the panel sees the spread of the counted scores and agrees a consensus
// (ModeratedScore) with a rationale. Until it does, the provisional value below stands in.

#include "core/common/ids.h"
#include "core/round/tender.h"

#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

class CriteriaTree;

/** Individual scores this far apart (max - min, in points of the scale) are flagged. */
inline constexpr double kSpreadFlag = 2.0;

/**
 * The scores \a viewer (an assessor's name) may see. Scoring is blind: until moderation opens
 * an assessor sees only their own scores and an officer (an empty \a viewer) sees none. Once
 * moderation opens everyone sees every score, counted or not.
 */
QList<IndividualScore> visibleScores(const Tender &tender, const QString &viewer);

/**
 * Whether \a score counts towards moderation: it does unless its bid is unknown or its
 * assessor has declared a conflict (conflicted = true) with the bid's bidder. A score given
 * before the conflict was declared is kept, and shown, but not counted.
 */
bool isCounted(const Tender &tender, const IndividualScore &score);

/**
 * A translated reason why \a assessor may not score bid \a bidId now, or an empty string when
 * they may. The assessor must be on the panel, the bid known, the bids opened, moderation not
 * yet open (individual scores lock when it opens) and the assessor must have declared no
 * conflict (conflicted = false) with the bid's bidder: no declaration at all also blocks.
 */
QString whyNotScore(const Tender &tender, const QString &assessor, const QString &bidId);
/** whyNotScore() is empty. */
bool mayScore(const Tender &tender, const QString &assessor, const QString &bidId);

/**
 * The panel's position on one bid against one scored leaf (quality, pass/fail or social value;
 * the price leaf is computed, never scored).
 *
 * mean, min, max and spread are over the counted scores and 0 when there are none.
 *
 * The provisional value is what stands until a consensus is agreed: for a scale criterion the
 * mean of the counted scores; for a pass/fail criterion, conservatively, a pass (1) only when
 * every counted assessor passed the bid and a fail (0) as soon as one failed it, so that no bid
 * goes through a gate any assessor closed without the panel agreeing so. nullopt when nobody
 * has a counted score.
 */
struct ModerationRow
{
    QString bidId;
    QString criterionId;
    QList<IndividualScore> counted;    ///< in the order the tender holds them
    QList<IndividualScore> notCounted; ///< kept but not counted (a conflict declared)
    double mean = 0;
    double min = 0;
    double max = 0;
    double spread = 0;                       ///< max - min
    bool flagged = false;                    ///< spread >= kSpreadFlag
    std::optional<ModeratedScore> consensus; ///< the agreed score, if the panel agreed one
    std::optional<double> provisional;

    bool hasScores() const { return !counted.isEmpty(); }
    bool isAgreed() const { return consensus.has_value(); }
    /** The score that counts: the consensus if agreed, else the provisional value. */
    std::optional<double> value() const
    {
        return consensus ? std::optional<double>(consensus->score) : provisional;
    }
};

/**
 * One row per bid and scored leaf, bids in the tender's order and leaves in the tree's
 * depth-first order, including cells nobody has scored yet. \a lot limits the rows to that
 * lot's bids; an invalid id (the default) takes every bid.
 */
QList<ModerationRow> moderationRows(const Tender &tender, const CriteriaTree &tree, CpaId lot = {});

/**
 * Krippendorff's alpha with the interval metric, for one criterion: how far the assessors
 * agree beyond chance, 1 perfect agreement, 0 no better than chance, below 0 systematic
 * disagreement. Handles any number of assessors and missing scores.
 *
 * Each unit (a bid) holds the values it received (one per assessor who scored it). Only
 * pairable values count: those of units with at least two values; n is their number and m_u
 * the number in unit u. With the interval metric δ²(a, b) = (a − b)²,
 *
 *     D_o = 1/n · Σ_u [ 1/(m_u − 1) · Σ_{i≠j in u} (v_i − v_j)² ]   observed disagreement
 *     D_e = 1/(n(n − 1)) · Σ_{i≠j over all n} (v_i − v_j)²          expected disagreement
 *     α   = 1 − D_o / D_e
 *
 * (sums over ordered pairs; Krippendorff, "Computing Krippendorff's alpha-reliability", 2011).
 * On pass/fail scores (0 or 1) this equals the nominal alpha.
 *
 * alpha is nullopt when it is undefined: fewer than two pairable values, or no variation at all
 * (D_e = 0). The latter is reported separately as allIdentical: the assessors agree completely
 * but, with nothing to tell apart, the data say nothing about their reliability; show "all
 * scores identical", not 1.
 */
struct InterRaterAgreement
{
    QString criterionId;
    std::optional<double> alpha;
    int units = 0;             ///< units with at least two values (pairable)
    int values = 0;            ///< n, the pairable values
    bool allIdentical = false; ///< n >= 2 and every pairable value is the same

    bool isDefined() const { return alpha.has_value(); }
};

/** Alpha (interval metric) of \a units, each the list of values one unit received. */
InterRaterAgreement intervalAlpha(const QList<QList<double>> &units);

/**
 * The agreement per scored leaf across the bids of \a lot (every bid when invalid), over the
 * counted scores, leaves in the tree's depth-first order.
 */
QList<InterRaterAgreement> interRaterAgreement(const Tender &tender, const CriteriaTree &tree,
                                               CpaId lot = {});

/** Translated, e.g. "α = 0.85", "All scores identical", "Too few scores to compare". */
QString agreementText(const InterRaterAgreement &agreement);

} // namespace CoCommission
