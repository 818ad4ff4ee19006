#pragma once

#include "core/common/result.h"
#include "core/evaluation/criteria.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** One tender for one lot. The price is the whole-contract price and must be above zero. */
struct Bid
{
    QString id;
    QString bidder; ///< the prime or managing agent
    QString lot;
    double price = 0;
};

/** The panel's moderated score of one bid against one leaf criterion (pass/fail: 1 or 0). */
struct ConsensusScore
{
    QString bidId;
    QString criterionId;
    double score = 0;
};

/** How the price leaf turns prices into marks. */
enum class PriceFormula {
    LowestRatio, ///< lowest price / bid price x available marks (the default)
    Linear,      ///< full marks at the lowest price, none at the highest; all equal: full marks
};

/** "lowest-ratio" or "linear": the names the command line uses. */
QString priceFormulaKey(PriceFormula formula);
std::optional<PriceFormula> priceFormulaFromKey(const QString &key);
/** Translated, e.g. "Lowest price ÷ bid price". */
QString priceFormulaName(PriceFormula formula);

struct EvaluationOptions
{
    PriceFormula priceFormula = PriceFormula::LowestRatio;
    /** A bid more than this many percent below the mean price of its lot is abnormally low. */
    double abnormallyLowPercent = 20.0;
};

/**
 * One bid's result. Marks are out of 100 for the whole tree. An eliminated bid (a 0 on any
 * pass/fail criterion) keeps its quality and social value marks for its assessment summary but
 * takes no price marks, a total of 0 and no rank; prices are scored among the bids still in.
 */
struct BidResult
{
    QString bidId;
    QString bidder;
    double price = 0;
    double total = 0;
    double quality = 0;
    double socialValue = 0;
    double priceMarks = 0;
    QHash<QString, double> leafMarks; ///< leaf id -> marks it earned
    bool eliminated = false;
    QString reason;             ///< translated; why the bid was eliminated
    QStringList failedCriteria; ///< the pass/fail leaves it failed
    int rank = 0;               ///< 1 = best; ties share a rank (1, 2, 2, 4); 0 if eliminated
    bool tied = false;          ///< shares its rank with another bid
    bool abnormallyLow = false;
};

/**
 * The weight interval of one criterion (percent of its level) within which the lot's winner
 * stays the winner, its siblings rescaled in proportion to keep the level at 100. Strictly
 * inside (stableFrom, stableTo) the winner is unchanged; at a bound with a rival the rival
 * draws level, beyond it the rival wins. A bound without a rival is the end of 0-100.
 */
struct CriterionSensitivity
{
    QString criterionId;
    double weight = 0;
    double stableFrom = 0;
    double stableTo = 100;
    std::optional<QString> rivalBelow; ///< the bid that draws level at stableFrom
    std::optional<QString> rivalAbove; ///< the bid that draws level at stableTo
};

/**
 * The smallest change to one consensus score that would stop the winner being the sole
 * winner: at \c to the rival draws level (scores are continuous; any further change puts it
 * ahead). For a pass/fail criterion the change is the flip between 1 and 0.
 */
struct ScoreChange
{
    QString bidId;
    QString criterionId;
    double from = 0;
    double to = 0;
    QString rival; ///< the bid that would draw level or win; empty if none would
    double points() const { return to > from ? to - from : from - to; }
};

/** The results of one lot. bids: ranked bids best first, then the eliminated ones. */
struct LotResult
{
    QString lot;
    QList<BidResult> bids;
    std::optional<QString> winner; ///< empty when no bid is ranked or the first place is tied
    bool tiedForFirst = false;
    std::optional<double> winningMargin; ///< marks between the winner and the runner-up
    /** Every criterion that carries marks and has a weighted sibling, in tree order. */
    QList<CriterionSensitivity> sensitivity;
    std::optional<ScoreChange> smallestScoreChange; ///< empty when no single change can
    const BidResult *bid(const QString &bidId) const;
    bool hasTies() const;
};

struct Evaluation
{
    QList<LotResult> lots; ///< in the order the lots first appear among the bids
    const LotResult *lot(const QString &name) const;
};

/**
 * Scores bids against a CriteriaTree from the panel's consensus scores: totals, sub-totals,
 * eliminations, ranks, ties, the winner and its margin, and how sensitive the award is to the
 * weights and scores. Pure: no storage, no document.
 */
class Evaluator
{
    Q_DECLARE_TR_FUNCTIONS(Evaluator)

public:
    static constexpr double kTieTolerance = 1e-9; ///< totals this close are equal

    /**
     * Refuses bids with a missing or duplicate id, an empty lot or a price not above zero, and
     * scores for an unknown bid or criterion, for a group or the price, outside the scale, given
     * twice or missing (every bid needs a score for every pass/fail, quality and social value
     * leaf).
     */
    static Result<Evaluation> evaluate(const CriteriaTree &tree, const QList<Bid> &bids,
                                       const QList<ConsensusScore> &scores,
                                       const EvaluationOptions &options = {});

    /**
     * Which of one lot's \a prices are abnormally low: more than \a percent below their mean.
     * Known from the prices alone, so the flag can be raised when the bids are opened.
     */
    static QList<bool> abnormallyLow(const QList<double> &prices, double percent);

    /** Marks the price fraction gives: \a price against the lowest and highest in play, 0-1. */
    static double priceFraction(double price, double lowest, double highest, PriceFormula formula);
};

} // namespace CoCommission
