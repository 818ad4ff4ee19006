#pragma once

// The evaluation of a round's tender (stage 5): the bridge from the stored Tender (bids, panel
// scores, consensus) to the Evaluator, the panel's progress per lot, and the assessment
// summary each bidder is owed. Pure functions of a Round value.

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/evaluation/scoring.h"
#include "core/round/tender.h"

#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

struct Round;

/**
 * Evaluates the round's tender. The criteria tree is built from Tender::criteria (refused when
 * empty or invalid); each bid's lot is the name of its CPA in the adopted plan (a bid for any
 * other lot, or any bid when no plan is adopted, is refused, naming the bid); each bid's score for
 * each scored leaf is the agreed ModeratedScore, else the provisional value of moderationRows() (a
 * leaf with neither is refused: "Bid B3 has no score for criterion ... yet"). \a priceFormula
 * overrides the tender's own.
 */
Result<Evaluation> evaluateTender(const Round &round,
                                  std::optional<PriceFormula> priceFormula = std::nullopt);

/**
 * The panel's progress on one lot (a CPA of the adopted plan). A cell is one bid against one
 * scored leaf (quality, pass/fail, social value); the price leaf is computed, not a cell.
 */
struct LotProgress
{
    CpaId lot;
    QString name;
    int bids = 0;
    int cells = 0;            ///< bids × scored leaves
    int agreed = 0;           ///< cells with an agreed consensus
    int scored = 0;           ///< cells with at least one counted score
    int scoresCounted = 0;    ///< individual scores that count
    int scoresNotCounted = 0; ///< kept but not counted (a conflict declared after scoring)
    int flaggedSpreads = 0;   ///< cells whose spread is at least kSpreadFlag
    int flaggedOpen = 0;      ///< of those, cells without an agreed consensus yet

    /** Every cell of the lot has an agreed consensus (false for a lot without cells). */
    bool allAgreed() const { return cells > 0 && agreed == cells; }
};

/** The panel's progress on the whole tender, one LotProgress per CPA of the adopted plan. */
struct TenderStatus
{
    QString criteriaError; ///< translated; empty when the criteria form a valid tree
    QList<LotProgress> lots;
    int bidsOutsidePlan = 0; ///< bids whose lot is not a CPA of the adopted plan

    const LotProgress *lot(CpaId id) const;
};

TenderStatus tenderStatus(const Round &round);

/** One bid's standing against one leaf criterion. */
struct AssessedScore
{
    std::optional<double> score; ///< the consensus score (pass/fail 1 or 0); nullopt for price
    double marks = 0;            ///< marks earned; pass/fail leaves carry none
    bool agreed = false;         ///< an agreed consensus; false: provisional (or price)
    QString rationale;           ///< the agreed rationale; empty when provisional
};

/** One leaf criterion of an assessment summary: the bid's score and the winner's. */
struct AssessmentLine
{
    QString criterionId;
    QString name;
    CriterionType type = CriterionType::Quality;
    int maxScore = 0;          ///< the top of the scale (pass/fail 1, price 0)
    double availableMarks = 0; ///< the leaf's effective weight
    AssessedScore bid;
    std::optional<AssessedScore> winner; ///< when the lot has a sole winner
};

/**
 * What the award notice owes a bidder: its scores and the reasons against each criterion, the
 * same for the lot's winner, and its result. An unagreed (provisional) score has no rationale.
 */
struct AssessmentSummary
{
    QString bidId;
    QString bidder;
    QString lot;
    double price = 0;
    double total = 0;
    double quality = 0;
    double socialValue = 0;
    double priceMarks = 0;
    int rank = 0;       ///< 0 when eliminated
    int rankedBids = 0; ///< bids of the lot not eliminated
    bool tied = false;
    bool eliminated = false;
    QString reason; ///< why it was eliminated
    bool abnormallyLow = false;

    std::optional<QString> winnerId; ///< empty when the first place is tied or nobody ranked
    QString winnerBidder;
    double winnerPrice = 0;
    double winnerTotal = 0;

    QList<AssessmentLine> lines;           ///< every leaf, in the tree's depth-first order
    bool illustrative = false;             ///< the tender's bids and scores are invented
    QList<CriteriaChange> criteriaChanges; ///< changes after the bids were opened

    bool isWinner() const { return winnerId && *winnerId == bidId; }
    bool isProvisional() const; ///< some line of the bid or the winner is not agreed
};

/**
 * The assessment summary of \a bidId from \a evaluation (made by evaluateTender() from
 * \a round). Refused when the bid is unknown or not in \a evaluation, or the criteria invalid.
 */
Result<AssessmentSummary> assessmentSummary(const Round &round, const Evaluation &evaluation,
                                            const QString &bidId);

/** A plain-text rendering of \a summary, translated, for an award notice or a letter. */
QString summaryText(const AssessmentSummary &summary);

} // namespace CoCommission
