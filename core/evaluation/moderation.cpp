#include "core/evaluation/moderation.h"

#include "core/evaluation/criteria.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::Moderation", text);
}

// The same threshold the Evaluator uses to tell a fail from a pass.
bool passes(double score)
{
    return score >= 0.5;
}

// Sum of squared deviations from the mean, in two passes for accuracy.
double sumOfSquares(const QList<double> &values)
{
    if (values.isEmpty())
        return 0;
    double sum = 0;
    for (double v : values)
        sum += v;
    const double mean = sum / double(values.size());
    double ss = 0;
    for (double v : values)
        ss += (v - mean) * (v - mean);
    return ss;
}

} // namespace

QList<IndividualScore> visibleScores(const Tender &tender, const QString &viewer)
{
    if (tender.moderationOpen())
        return tender.scores;
    QList<IndividualScore> own;
    if (viewer.isEmpty())
        return own;
    for (const IndividualScore &s : tender.scores) {
        if (s.assessor == viewer)
            own << s;
    }
    return own;
}

bool isCounted(const Tender &tender, const IndividualScore &score)
{
    const TenderBid *bid = tender.bid(score.bidId);
    if (!bid)
        return false;
    const ConflictDeclaration *declaration = tender.conflict(score.assessor, bid->bidder);
    return !(declaration && declaration->conflicted);
}

QString whyNotScore(const Tender &tender, const QString &assessor, const QString &bidId)
{
    if (!tender.assessor(assessor))
        return tr("%1 is not on the assessment panel.").arg(assessor);
    const TenderBid *bid = tender.bid(bidId);
    if (!bid)
        return tr("There is no bid %1.").arg(bidId);
    if (!tender.bidsOpened())
        return tr("The bids have not been opened yet.");
    if (tender.moderationOpen())
        return tr("Moderation has opened: individual scores are locked.");
    const ConflictDeclaration *declaration = tender.conflict(assessor, bid->bidder);
    if (!declaration)
        return tr("%1 must declare whether they have a conflict of interest with %2 before "
                  "scoring its bids.")
            .arg(assessor, bid->bidder);
    if (declaration->conflicted)
        return tr("%1 declared a conflict of interest with %2 and may not score its bids.")
            .arg(assessor, bid->bidder);
    return {};
}

bool mayScore(const Tender &tender, const QString &assessor, const QString &bidId)
{
    return whyNotScore(tender, assessor, bidId).isEmpty();
}

QList<ModerationRow> moderationRows(const Tender &tender, const CriteriaTree &tree, CpaId lot)
{
    QList<const Criterion *> leaves;
    for (const QString &id : tree.scoredLeaves())
        leaves << &tree.criterion(id);
    QList<const TenderBid *> bids;
    for (const TenderBid &b : tender.bids) {
        if (!lot.isValid() || b.lot == lot)
            bids << &b;
    }

    // Rows are found by position (bid index × leaves + leaf index) through two lookups of the
    // ids as stored, with no key built per score: a panel of 12 scoring 40 bids on 150 leaves
    // gives 72,000 scores, and this runs on every recompute.
    QHash<QString, qsizetype> bidIndex;
    QHash<QString, qsizetype> leafIndex;
    for (const TenderBid *b : std::as_const(bids))
        bidIndex.insert(b->id, bidIndex.size());
    for (const Criterion *c : std::as_const(leaves))
        leafIndex.insert(c->id, leafIndex.size());
    const qsizetype width = leaves.size();
    QList<ModerationRow> rows;
    rows.reserve(bids.size() * width);
    for (const TenderBid *b : std::as_const(bids)) {
        for (const Criterion *c : std::as_const(leaves)) {
            ModerationRow &row = rows.emplace_back();
            row.bidId = b->id;
            row.criterionId = c->id;
            row.counted.reserve(tender.panel.size());
        }
    }
    const auto rowOf = [&](const QString &bidId, const QString &criterionId) -> ModerationRow * {
        const auto b = bidIndex.constFind(bidId);
        if (b == bidIndex.cend())
            return nullptr;
        const auto l = leafIndex.constFind(criterionId);
        return l == leafIndex.cend() ? nullptr : &rows[*b * width + *l];
    };
    // isCounted() for every score without a linear search per score.
    QHash<QString, QSet<QString>> conflictedBidders; // assessor -> bidders
    for (const ConflictDeclaration &c : tender.conflicts) {
        if (c.conflicted)
            conflictedBidders[c.assessor].insert(c.bidder);
    }
    for (const IndividualScore &s : tender.scores) {
        ModerationRow *row = rowOf(s.bidId, s.criterionId);
        if (!row)
            continue;
        bool counted = true;
        if (!conflictedBidders.isEmpty()) {
            const auto it = conflictedBidders.constFind(s.assessor);
            counted = it == conflictedBidders.cend() ||
                      !it->contains(bids[*bidIndex.constFind(s.bidId)]->bidder);
        }
        (counted ? row->counted : row->notCounted) << s;
    }
    for (const ModeratedScore &m : tender.consensus) {
        if (ModerationRow *row = rowOf(m.bidId, m.criterionId))
            row->consensus = m;
    }

    for (ModerationRow &row : rows) {
        if (row.counted.isEmpty())
            continue;
        double sum = 0;
        row.min = row.max = row.counted.first().score;
        bool allPass = true;
        for (const IndividualScore &s : std::as_const(row.counted)) {
            sum += s.score;
            row.min = std::min(row.min, s.score);
            row.max = std::max(row.max, s.score);
            allPass = allPass && passes(s.score);
        }
        row.mean = sum / double(row.counted.size());
        row.spread = row.max - row.min;
        row.flagged = row.spread >= kSpreadFlag;
        const bool passFail = tree.criterion(row.criterionId).type == CriterionType::PassFail;
        row.provisional = passFail ? (allPass ? 1.0 : 0.0) : row.mean;
    }
    return rows;
}

InterRaterAgreement intervalAlpha(const QList<QList<double>> &units)
{
    InterRaterAgreement out;
    QList<double> pairable;
    double within = 0; // Σ_u 1/(m_u − 1) · Σ_{i≠j in u} (v_i − v_j)²
    for (const QList<double> &unit : units) {
        const qsizetype m = unit.size();
        if (m < 2)
            continue;
        ++out.units;
        pairable << unit;
        // Σ over ordered pairs of (v_i − v_j)² = 2m · Σ (v − mean)².
        within += 2.0 * double(m) * sumOfSquares(unit) / double(m - 1);
    }
    const qsizetype n = pairable.size();
    out.values = int(n);
    if (n < 2)
        return out;
    // Compared directly, not through the variance, so that rounding cannot hide identity.
    out.allIdentical = std::all_of(pairable.cbegin(), pairable.cend(),
                                   [&](double v) { return v == pairable.first(); });
    if (out.allIdentical)
        return out;
    const double observed = within / double(n);
    // Σ over ordered pairs of all n values = 2n · Σ (v − mean)², divided by n(n − 1).
    const double expected = 2.0 * sumOfSquares(pairable) / double(n - 1);
    out.alpha = 1.0 - observed / expected;
    return out;
}

QList<InterRaterAgreement> interRaterAgreement(const Tender &tender, const CriteriaTree &tree,
                                               CpaId lot)
{
    QHash<QString, QList<QList<double>>> units; // criterion -> the values of each bid
    for (const ModerationRow &row : moderationRows(tender, tree, lot)) {
        QList<double> values;
        for (const IndividualScore &s : row.counted)
            values << s.score;
        units[row.criterionId] << values;
    }
    const QStringList order = tree.scoredLeaves();
    QList<InterRaterAgreement> out;
    for (const QString &id : std::as_const(order)) {
        InterRaterAgreement a = intervalAlpha(units.value(id));
        a.criterionId = id;
        out << a;
    }
    return out;
}

QString agreementText(const InterRaterAgreement &agreement)
{
    if (agreement.alpha)
        return tr("\u03b1 = %1").arg(QString::number(*agreement.alpha, 'f', 2));
    if (agreement.allIdentical)
        return tr("All scores identical");
    return tr("Too few scores to compare");
}

} // namespace CoCommission
