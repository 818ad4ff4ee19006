#include "core/evaluation/scoring.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace CoCommission {

QString priceFormulaKey(PriceFormula formula)
{
    return formula == PriceFormula::Linear ? QStringLiteral("linear")
                                           : QStringLiteral("lowest-ratio");
}

std::optional<PriceFormula> priceFormulaFromKey(const QString &key)
{
    if (key == QLatin1String("lowest-ratio"))
        return PriceFormula::LowestRatio;
    if (key == QLatin1String("linear"))
        return PriceFormula::Linear;
    return std::nullopt;
}

QString priceFormulaName(PriceFormula formula)
{
    const char *const context = "CoCommission::Evaluator";
    return formula == PriceFormula::Linear
               ? QCoreApplication::translate(context, "Linear between the lowest and highest price")
               : QCoreApplication::translate(context, "Lowest price ÷ bid price");
}

namespace {

// The lot's data in index form: bid b, leaf l. Pass/fail leaves hold 1 or 0, the price leaf
// holds nothing (its fraction is computed), the others the consensus score.
struct LotData
{
    const CriteriaTree *tree = nullptr;
    QStringList leaves;
    QList<double> leafWeight; // effective weight, marks
    QList<Bid> bids;
    QList<QList<double>> scores;
    EvaluationOptions options;
};

// One evaluation of a lot, with the fractions (0-1 per leaf) the sensitivity needs.
struct Computed
{
    LotResult result;
    QList<QList<double>> fraction;
    QList<double> total;
    QList<bool> eliminated;
    int winner = -1;
};

bool equalTotals(double a, double b)
{
    return std::abs(a - b) <= Evaluator::kTieTolerance;
}

} // namespace

const BidResult *LotResult::bid(const QString &bidId) const
{
    for (const BidResult &b : bids) {
        if (b.bidId == bidId)
            return &b;
    }
    return nullptr;
}

bool LotResult::hasTies() const
{
    return std::any_of(bids.begin(), bids.end(), [](const BidResult &b) { return b.tied; });
}

const LotResult *Evaluation::lot(const QString &name) const
{
    for (const LotResult &l : lots) {
        if (l.lot == name)
            return &l;
    }
    return nullptr;
}

double Evaluator::priceFraction(double price, double lowest, double highest, PriceFormula formula)
{
    if (formula == PriceFormula::LowestRatio)
        return lowest / price;
    if (highest - lowest <= 0)
        return 1.0;
    return (highest - price) / (highest - lowest);
}

namespace {

Computed computeLot(const LotData &data)
{
    const CriteriaTree &tree = *data.tree;
    const qsizetype nBids = data.bids.size();
    const qsizetype nLeaves = data.leaves.size();
    Computed c;
    c.fraction.resize(nBids, QList<double>(nLeaves, 0.0));
    c.total.resize(nBids, 0.0);
    c.eliminated.resize(nBids, false);

    QList<BidResult> results(nBids);
    double lowest = 0, highest = 0;
    bool anyRanked = false;
    for (qsizetype b = 0; b < nBids; ++b) {
        BidResult &r = results[b];
        r.bidId = data.bids[b].id;
        r.bidder = data.bids[b].bidder;
        r.price = data.bids[b].price;
        for (qsizetype l = 0; l < nLeaves; ++l) {
            const Criterion &leaf = tree.criterion(data.leaves[l]);
            if (leaf.type == CriterionType::PassFail && data.scores[b][l] < 0.5)
                r.failedCriteria << leaf.id;
        }
        c.eliminated[b] = r.eliminated = !r.failedCriteria.isEmpty();
        if (r.eliminated) {
            QStringList names;
            for (const QString &id : std::as_const(r.failedCriteria))
                names << QStringLiteral("\u201c%1\u201d").arg(tree.criterion(id).name);
            r.reason =
                Evaluator::tr("Failed the pass/fail criteria: %1.", nullptr, int(names.size()))
                    .arg(names.join(QStringLiteral(", ")));
        } else {
            lowest = anyRanked ? std::min(lowest, r.price) : r.price;
            highest = anyRanked ? std::max(highest, r.price) : r.price;
            anyRanked = true;
        }
    }
    QList<double> prices;
    prices.reserve(nBids);
    for (const BidResult &r : std::as_const(results))
        prices << r.price;
    const QList<bool> low = Evaluator::abnormallyLow(prices, data.options.abnormallyLowPercent);
    for (qsizetype b = 0; b < nBids; ++b) {
        BidResult &r = results[b];
        r.abnormallyLow = low[b];
        for (qsizetype l = 0; l < nLeaves; ++l) {
            const Criterion &leaf = tree.criterion(data.leaves[l]);
            double f = 0;
            switch (leaf.type) {
            case CriterionType::Price:
                f = r.eliminated ? 0.0
                                 : Evaluator::priceFraction(r.price, lowest, highest,
                                                            data.options.priceFormula);
                break;
            case CriterionType::Quality:
            case CriterionType::SocialValue:
                f = data.scores[b][l] / leaf.scale.maxScore;
                break;
            case CriterionType::PassFail:
            case CriterionType::Group:
                break;
            }
            c.fraction[b][l] = f;
            const double marks = f * data.leafWeight[l];
            r.leafMarks.insert(leaf.id, marks);
            if (leaf.type == CriterionType::Price)
                r.priceMarks += marks;
            else if (leaf.type == CriterionType::SocialValue)
                r.socialValue += marks;
            else if (leaf.type == CriterionType::Quality)
                r.quality += marks;
        }
        r.total = r.eliminated ? 0.0 : r.quality + r.socialValue + r.priceMarks;
        c.total[b] = r.total;
    }

    // Ranks: 1 + the number of bids clearly ahead, so ties share a rank (1, 2, 2, 4).
    QList<qsizetype> order;
    for (qsizetype b = 0; b < nBids; ++b) {
        if (c.eliminated[b])
            continue;
        BidResult &r = results[b];
        r.rank = 1;
        for (qsizetype o = 0; o < nBids; ++o) {
            if (o == b || c.eliminated[o])
                continue;
            if (equalTotals(c.total[o], r.total))
                r.tied = true;
            else if (c.total[o] > r.total)
                ++r.rank;
        }
        order << b;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return results[a].rank < results[b].rank; });
    LotResult &lot = c.result;
    for (qsizetype b : std::as_const(order))
        lot.bids << results[b];
    for (qsizetype b = 0; b < nBids; ++b) {
        if (c.eliminated[b])
            lot.bids << results[b];
    }
    if (!order.isEmpty()) {
        const BidResult &first = results[order.first()];
        lot.tiedForFirst = first.tied;
        if (!first.tied) {
            c.winner = int(order.first());
            lot.winner = first.bidId;
            if (order.size() > 1)
                lot.winningMargin = first.total - results[order[1]].total;
        }
    }
    return c;
}

// Node values in 0-1 for each bid: a leaf's fraction, a group's weighted mean of its children.
double nodeValue(const LotData &data, const Computed &c, QHash<QString, int> &leafIndex,
                 const QString &id, qsizetype bid)
{
    const QStringList kids = data.tree->children(id);
    if (kids.isEmpty())
        return c.fraction[bid][leafIndex.value(id)];
    double v = 0;
    for (const QString &kid : kids)
        v += data.tree->criterion(kid).weightPercent / 100.0 *
             nodeValue(data, c, leafIndex, kid, bid);
    return v;
}

QList<CriterionSensitivity> sensitivity(const LotData &data, const Computed &c)
{
    QList<CriterionSensitivity> out;
    if (c.winner < 0)
        return out;
    const CriteriaTree &tree = *data.tree;
    QHash<QString, int> leafIndex;
    for (qsizetype l = 0; l < data.leaves.size(); ++l)
        leafIndex.insert(data.leaves[l], int(l));
    const qsizetype nBids = data.bids.size();
    const int w = c.winner;

    for (const Criterion &node : tree.criteria()) {
        const double p = node.weightPercent;
        if (!tree.carriesMarks(node.id) || 100.0 - p <= CriteriaTree::kWeightTolerance)
            continue;
        const double parentMarks =
            node.parentId.isEmpty() ? 100.0 : tree.effectiveWeight(node.parentId);
        const QStringList siblings = tree.children(node.parentId);
        // Total(x) = rest + parentMarks * (x/100 * v_node + (100 - x)/(100 - p) * S), with S
        // the siblings' weighted values: linear in x, so each rival's gap to the winner is too.
        const auto slope = [&](qsizetype b) {
            double s = 0;
            for (const QString &sib : siblings) {
                if (sib != node.id)
                    s += tree.criterion(sib).weightPercent / 100.0 *
                         nodeValue(data, c, leafIndex, sib, b);
            }
            return parentMarks *
                   (nodeValue(data, c, leafIndex, node.id, b) / 100.0 - s / (100.0 - p));
        };
        const double winnerSlope = slope(w);
        CriterionSensitivity s{node.id, p, 0.0, 100.0, std::nullopt, std::nullopt};
        for (qsizetype b = 0; b < nBids; ++b) {
            if (b == w || c.eliminated[b])
                continue;
            const double gap = c.total[w] - c.total[b];
            const double gapSlope = winnerSlope - slope(b);
            if (std::abs(gapSlope) < 1e-12)
                continue;
            const double x = p - gap / gapSlope;
            if (gapSlope > 0 && x > s.stableFrom) {
                s.stableFrom = x;
                s.rivalBelow = data.bids[b].id;
            } else if (gapSlope < 0 && x < s.stableTo) {
                s.stableTo = x;
                s.rivalAbove = data.bids[b].id;
            }
        }
        out << s;
    }
    return out;
}

std::optional<ScoreChange> smallestScoreChange(const LotData &data, const Computed &c)
{
    if (c.winner < 0)
        return std::nullopt;
    const CriteriaTree &tree = *data.tree;
    const int w = c.winner;
    std::optional<ScoreChange> best;
    const auto consider = [&](const ScoreChange &change) {
        if (!best || change.points() < best->points() - Evaluator::kTieTolerance)
            best = change;
    };
    int runnerUp = -1;
    for (qsizetype b = 0; b < data.bids.size(); ++b) {
        if (b != w && !c.eliminated[b] && (runnerUp < 0 || c.total[b] > c.total[runnerUp]))
            runnerUp = int(b);
    }
    for (qsizetype b = 0; b < data.bids.size(); ++b) {
        for (qsizetype l = 0; l < data.leaves.size(); ++l) {
            const Criterion &leaf = tree.criterion(data.leaves[l]);
            const double score = data.scores[b][l];
            if (leaf.type == CriterionType::PassFail) {
                // A flip changes who is in, and so every price score: evaluate it again.
                LotData flipped = data;
                flipped.scores[b][l] = score < 0.5 ? 1.0 : 0.0;
                const Computed after = computeLot(flipped);
                if (after.winner != w) {
                    const QString rival =
                        after.winner >= 0 ? data.bids[after.winner].id
                        : after.result.bids.isEmpty() || after.result.bids.first().eliminated
                            ? QString()
                            : after.result.bids.first().bidId;
                    consider({data.bids[b].id, leaf.id, score, flipped.scores[b][l], rival});
                }
                continue;
            }
            if (leaf.type == CriterionType::Price || c.eliminated[b] || data.leafWeight[l] <= 0)
                continue;
            const double pointsPerMark = leaf.scale.maxScore / data.leafWeight[l];
            if (b == w && runnerUp >= 0) {
                const double drop = (c.total[w] - c.total[runnerUp]) * pointsPerMark;
                if (drop <= score + Evaluator::kTieTolerance)
                    consider({data.bids[b].id, leaf.id, score, std::max(0.0, score - drop),
                              data.bids[runnerUp].id});
            } else if (b != w) {
                const double rise = (c.total[w] - c.total[b]) * pointsPerMark;
                if (rise <= leaf.scale.maxScore - score + Evaluator::kTieTolerance)
                    consider({data.bids[b].id, leaf.id, score,
                              std::min(double(leaf.scale.maxScore), score + rise),
                              data.bids[b].id});
            }
        }
    }
    return best;
}

} // namespace

Result<Evaluation> Evaluator::evaluate(const CriteriaTree &tree, const QList<Bid> &bids,
                                       const QList<ConsensusScore> &scores,
                                       const EvaluationOptions &options)
{
    const QStringList leaves = tree.leaves();
    if (leaves.isEmpty())
        return Error{tr("There are no award criteria to evaluate against.")};
    QHash<QString, qsizetype> leafIndex;
    for (qsizetype l = 0; l < leaves.size(); ++l)
        leafIndex.insert(leaves[l], l);
    QHash<QString, qsizetype> bidIndex;
    for (qsizetype b = 0; b < bids.size(); ++b) {
        const Bid &bid = bids[b];
        if (bid.id.isEmpty())
            return Error{tr("Bid %1 (from %2) has no id.").arg(b + 1).arg(bid.bidder)};
        if (bidIndex.contains(bid.id))
            return Error{tr("The bid id \"%1\" is used more than once.").arg(bid.id)};
        if (bid.lot.isEmpty())
            return Error{tr("Bid \"%1\" is not for any lot.").arg(bid.id)};
        if (!std::isfinite(bid.price) || bid.price <= 0)
            return Error{tr("The price of bid \"%1\" must be more than zero, not %2.")
                             .arg(bid.id, QString::number(bid.price, 'f', 2))};
        bidIndex.insert(bid.id, b);
    }
    constexpr double kMissing = -1.0;
    QList<QList<double>> matrix(bids.size(), QList<double>(leaves.size(), kMissing));
    for (const ConsensusScore &s : scores) {
        if (!bidIndex.contains(s.bidId))
            return Error{tr("A score names an unknown bid \"%1\".").arg(s.bidId)};
        if (!tree.contains(s.criterionId))
            return Error{tr("A score for bid \"%1\" names an unknown criterion \"%2\".")
                             .arg(s.bidId, s.criterionId)};
        const Criterion &criterion = tree.criterion(s.criterionId);
        if (criterion.type == CriterionType::Group)
            return Error{tr("Criterion \"%1\" is a group; score its sub-criteria instead.")
                             .arg(s.criterionId)};
        if (criterion.type == CriterionType::Price)
            return Error{tr("Criterion \"%1\" is scored from the price; it takes no score.")
                             .arg(s.criterionId)};
        double &cell = matrix[bidIndex.value(s.bidId)][leafIndex.value(s.criterionId)];
        if (cell != kMissing)
            return Error{tr("Bid \"%1\" has more than one consensus score for \"%2\".")
                             .arg(s.bidId, s.criterionId)};
        if (criterion.type == CriterionType::PassFail) {
            if (s.score != 0 && s.score != 1)
                return Error{tr("The score of bid \"%1\" for the pass/fail criterion \"%2\" must "
                                "be 1 (pass) or 0 (fail), not %3.")
                                 .arg(s.bidId, s.criterionId, QString::number(s.score))};
        } else if (!std::isfinite(s.score) || s.score < 0 || s.score > criterion.scale.maxScore) {
            return Error{tr("The score of bid \"%1\" for \"%2\" must be between 0 and %3, not %4.")
                             .arg(s.bidId, s.criterionId)
                             .arg(criterion.scale.maxScore)
                             .arg(QString::number(s.score))};
        }
        cell = s.score;
    }
    for (qsizetype b = 0; b < bids.size(); ++b) {
        for (qsizetype l = 0; l < leaves.size(); ++l) {
            if (matrix[b][l] == kMissing && tree.criterion(leaves[l]).type != CriterionType::Price)
                return Error{
                    tr("Bid \"%1\" has no consensus score for \"%2\".").arg(bids[b].id, leaves[l])};
        }
    }

    QStringList lotNames;
    for (const Bid &bid : bids) {
        if (!lotNames.contains(bid.lot))
            lotNames << bid.lot;
    }
    Evaluation evaluation;
    for (const QString &lotName : std::as_const(lotNames)) {
        LotData data;
        data.tree = &tree;
        data.leaves = leaves;
        data.options = options;
        for (const QString &leaf : leaves)
            data.leafWeight << tree.effectiveWeight(leaf);
        for (qsizetype b = 0; b < bids.size(); ++b) {
            if (bids[b].lot == lotName) {
                data.bids << bids[b];
                data.scores << matrix[b];
            }
        }
        Computed c = computeLot(data);
        c.result.lot = lotName;
        c.result.sensitivity = sensitivity(data, c);
        c.result.smallestScoreChange = smallestScoreChange(data, c);
        evaluation.lots << c.result;
    }
    return evaluation;
}

QList<bool> Evaluator::abnormallyLow(const QList<double> &prices, double percent)
{
    double sum = 0;
    for (double price : prices)
        sum += price;
    const double mean = prices.isEmpty() ? 0 : sum / double(prices.size());
    QList<bool> low;
    low.reserve(prices.size());
    for (double price : prices)
        low << (price < mean * (1.0 - percent / 100.0));
    return low;
}

} // namespace CoCommission
