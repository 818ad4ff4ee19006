#include "core/evaluation/tenderevaluation.h"

#include "core/evaluation/criteria.h"
#include "core/evaluation/moderation.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("CoCommission::TenderEvaluation", text, nullptr, n);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

Result<CriteriaTree> tenderTree(const Tender &tender)
{
    if (tender.criteria.isEmpty())
        return Error{tr("The tender has no award criteria yet.")};
    return CriteriaTree::fromList(tender.criteria);
}

QString cellKey(const QString &bidId, const QString &criterionId)
{
    return bidId + QChar(u'\x1f') + criterionId;
}

QHash<QString, ModerationRow> rowsByCell(const Tender &tender, const CriteriaTree &tree)
{
    QHash<QString, ModerationRow> out;
    for (const ModerationRow &row : moderationRows(tender, tree))
        out.insert(cellKey(row.bidId, row.criterionId), row);
    return out;
}

// Decimals as needed, at most two: 3, 3.5, 3.33.
QString number(double value)
{
    QString text = QString::number(value, 'f', 2);
    while (text.contains(u'.') && (text.endsWith(u'0') || text.endsWith(u'.')))
        text.chop(1);
    return text;
}

QString marks(double value)
{
    return QString::number(value, 'f', 2);
}

QString money(double value)
{
    return QStringLiteral("\u00a3") +
           QLocale(QLocale::English, QLocale::UnitedKingdom).toString(value, 'f', 2);
}

QString typeName(CriterionType type)
{
    switch (type) {
    case CriterionType::Group:
        return tr("group");
    case CriterionType::Quality:
        return tr("quality");
    case CriterionType::PassFail:
        return tr("pass/fail");
    case CriterionType::Price:
        return tr("price");
    case CriterionType::SocialValue:
        return tr("social value");
    }
    return {};
}

AssessedScore assessed(const Criterion &leaf, const BidResult &result,
                       const QHash<QString, ModerationRow> &rows)
{
    AssessedScore out;
    out.marks = result.leafMarks.value(leaf.id);
    if (leaf.type == CriterionType::Price)
        return out;
    const ModerationRow row = rows.value(cellKey(result.bidId, leaf.id));
    out.score = row.value();
    out.agreed = row.isAgreed();
    if (row.consensus)
        out.rationale = row.consensus->rationale;
    return out;
}

// "3 out of 5, 18.00 marks." / "pass." / "18.00 marks from its price." and the reason.
QString scoreText(const AssessmentLine &line, const AssessedScore &s)
{
    QString text;
    switch (line.type) {
    case CriterionType::Price:
        return tr("%1 marks from the price.").arg(marks(s.marks));
    case CriterionType::PassFail:
        text = s.score && *s.score >= 0.5 ? tr("Pass.") : tr("Fail.");
        break;
    case CriterionType::Quality:
    case CriterionType::SocialValue:
    case CriterionType::Group:
        text = tr("%1 out of %2, %3 marks.")
                   .arg(s.score ? number(*s.score) : QStringLiteral("-"))
                   .arg(line.maxScore)
                   .arg(marks(s.marks));
        break;
    }
    if (s.agreed)
        text += QLatin1Char(' ') + tr("Reason: %1").arg(s.rationale);
    else
        text += QLatin1Char(' ') + tr("Provisional: the panel has not agreed this score yet, so "
                                      "no reason is recorded.");
    return text;
}

} // namespace

Result<Evaluation> evaluateTender(const Round &round, std::optional<PriceFormula> priceFormula)
{
    const Tender &tender = round.tender;
    const Result<CriteriaTree> tree = tenderTree(tender);
    if (!tree)
        return tree.error();

    QList<Bid> bids;
    QHash<QString, CpaId> lotByName;
    for (const TenderBid &b : tender.bids) {
        if (!round.adoptedPlan())
            return Error{tr("Bid %1 has no lot: no CPA plan is adopted.").arg(b.id)};
        const Cpa *cpa = round.adoptedCpa(b.lot);
        if (!cpa)
            return Error{
                tr("Bid %1 is for a lot that is not a CPA of the adopted plan.").arg(b.id)};
        // The Evaluator tells lots apart by name.
        if (lotByName.contains(cpa->name) && lotByName.value(cpa->name) != cpa->id)
            return Error{tr("Two lots of the adopted plan are called %1; rename one to evaluate.")
                             .arg(quoted(cpa->name))};
        lotByName.insert(cpa->name, cpa->id);
        bids << Bid{b.id, b.bidder, cpa->name, b.price};
    }

    const QList<ModerationRow> rows = moderationRows(tender, *tree);
    QList<ConsensusScore> scores;
    scores.reserve(rows.size());
    for (const ModerationRow &row : rows) {
        const std::optional<double> value = row.value();
        if (!value)
            return Error{tr("Bid %1 has no score for criterion %2 yet.")
                             .arg(row.bidId, quoted(tree->criterion(row.criterionId).name))};
        scores << ConsensusScore{row.bidId, row.criterionId, *value};
    }

    EvaluationOptions options = tender.options();
    if (priceFormula)
        options.priceFormula = *priceFormula;
    return Evaluator::evaluate(*tree, bids, scores, options);
}

const LotProgress *TenderStatus::lot(CpaId id) const
{
    for (const LotProgress &l : lots) {
        if (l.lot == id)
            return &l;
    }
    return nullptr;
}

TenderStatus tenderStatus(const Round &round)
{
    const Tender &tender = round.tender;
    TenderStatus status;
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const Cpa &cpa : plan->cpas) {
            LotProgress lot;
            lot.lot = cpa.id;
            lot.name = cpa.name;
            status.lots << lot;
        }
    }
    const auto lotOf = [&](CpaId id) -> LotProgress * {
        for (LotProgress &l : status.lots) {
            if (l.lot == id)
                return &l;
        }
        return nullptr;
    };
    QHash<QString, CpaId> lotOfBid;
    for (const TenderBid &b : tender.bids) {
        lotOfBid.insert(b.id, b.lot);
        if (LotProgress *lot = lotOf(b.lot))
            ++lot->bids;
        else
            ++status.bidsOutsidePlan;
    }

    const Result<CriteriaTree> tree = tenderTree(tender);
    if (!tree) {
        status.criteriaError = tree.errorMessage();
        return status;
    }
    for (const ModerationRow &row : moderationRows(tender, *tree)) {
        LotProgress *lot = lotOf(lotOfBid.value(row.bidId));
        if (!lot)
            continue;
        ++lot->cells;
        if (row.isAgreed())
            ++lot->agreed;
        if (row.hasScores())
            ++lot->scored;
        lot->scoresCounted += int(row.counted.size());
        lot->scoresNotCounted += int(row.notCounted.size());
        if (row.flagged) {
            ++lot->flaggedSpreads;
            if (!row.isAgreed())
                ++lot->flaggedOpen;
        }
    }
    return status;
}

bool AssessmentSummary::isProvisional() const
{
    return std::any_of(lines.cbegin(), lines.cend(), [](const AssessmentLine &l) {
        if (l.type == CriterionType::Price)
            return false;
        return !l.bid.agreed || (l.winner && !l.winner->agreed);
    });
}

Result<AssessmentSummary> assessmentSummary(const Round &round, const Evaluation &evaluation,
                                            const QString &bidId)
{
    const Tender &tender = round.tender;
    const TenderBid *bid = tender.bid(bidId);
    if (!bid)
        return Error{tr("There is no bid %1.").arg(bidId)};
    const LotResult *lot = nullptr;
    const BidResult *result = nullptr;
    for (const LotResult &l : evaluation.lots) {
        if ((result = l.bid(bidId))) {
            lot = &l;
            break;
        }
    }
    if (!result)
        return Error{tr("Bid %1 is not in the evaluation; evaluate the tender again.").arg(bidId)};
    const Result<CriteriaTree> tree = tenderTree(tender);
    if (!tree)
        return tree.error();

    AssessmentSummary s;
    s.bidId = bidId;
    s.bidder = bid->bidder;
    s.lot = lot->lot;
    s.price = result->price;
    s.total = result->total;
    s.quality = result->quality;
    s.socialValue = result->socialValue;
    s.priceMarks = result->priceMarks;
    s.rank = result->rank;
    s.rankedBids = int(std::count_if(lot->bids.cbegin(), lot->bids.cend(),
                                     [](const BidResult &b) { return !b.eliminated; }));
    s.tied = result->tied;
    s.eliminated = result->eliminated;
    s.reason = result->reason;
    s.abnormallyLow = result->abnormallyLow;
    const BidResult *winner = lot->winner ? lot->bid(*lot->winner) : nullptr;
    if (winner) {
        s.winnerId = winner->bidId;
        s.winnerBidder = winner->bidder;
        s.winnerPrice = winner->price;
        s.winnerTotal = winner->total;
    }
    s.illustrative = tender.illustrative;
    s.criteriaChanges = tender.criteriaChanges;

    const QHash<QString, ModerationRow> rows = rowsByCell(tender, *tree);
    for (const QString &id : tree->leaves()) {
        const Criterion &leaf = tree->criterion(id);
        AssessmentLine line;
        line.criterionId = id;
        line.name = leaf.name;
        line.type = leaf.type;
        line.maxScore = leaf.type == CriterionType::PassFail ? 1
                        : leaf.type == CriterionType::Price  ? 0
                                                             : leaf.scale.maxScore;
        line.availableMarks = tree->effectiveWeight(id);
        line.bid = assessed(leaf, *result, rows);
        if (winner)
            line.winner = assessed(leaf, *winner, rows);
        s.lines << line;
    }
    return s;
}

QString summaryText(const AssessmentSummary &s)
{
    QStringList out;
    out << tr("Assessment summary for bid %1 (%2), lot %3").arg(s.bidId, s.bidder, s.lot);
    if (s.illustrative)
        out << tr("Illustrative: the bids, panel and scores of this tender are invented to show "
                  "the evaluation working. They describe no real bidder.");
    out << QString();

    out << tr("Price: %1").arg(money(s.price));
    if (s.abnormallyLow)
        out << tr("The price was flagged as abnormally low against the other bids for the lot.");
    if (s.eliminated) {
        out << tr("Result: eliminated. %1").arg(s.reason);
    } else {
        const QString rank = s.tied ? tr("ranked %1 of %2 (tied)") : tr("ranked %1 of %2");
        out << tr("Result: %1, a total of %2 marks out of 100 (quality %3, social value %4, "
                  "price %5).")
                   .arg(rank.arg(s.rank).arg(s.rankedBids), marks(s.total), marks(s.quality),
                        marks(s.socialValue), marks(s.priceMarks));
    }
    if (s.isWinner())
        out << tr("This is the winning bid.");
    else if (s.winnerId)
        out << tr("Winning bid: %1 (%2), price %3, a total of %4 marks out of 100.")
                   .arg(*s.winnerId, s.winnerBidder, money(s.winnerPrice), marks(s.winnerTotal));
    else
        out << tr("There is no sole winner in this lot yet.");
    if (s.isProvisional())
        out << tr("Some scores are provisional: the panel has not agreed them yet.");
    out << QString();

    out << tr("Scores against each criterion");
    const bool showWinner = s.winnerId && !s.isWinner();
    for (const AssessmentLine &line : s.lines) {
        if (line.type == CriterionType::PassFail)
            out << tr("%1 (%2)").arg(line.name, typeName(line.type));
        else
            out << tr("%1 (%2, %3 marks available)")
                       .arg(line.name, typeName(line.type), marks(line.availableMarks));
        out << QStringLiteral("  ") + tr("This bid: %1").arg(scoreText(line, line.bid));
        if (showWinner && line.winner)
            out << QStringLiteral("  ") + tr("Winning bid: %1").arg(scoreText(line, *line.winner));
    }
    out << QString();

    if (s.criteriaChanges.isEmpty()) {
        out << tr("The criteria were not changed after the bids were opened.");
    } else {
        out << tr("Changes to the criteria after the bids were opened");
        for (const CriteriaChange &c : s.criteriaChanges) {
            out << QStringLiteral("- ") +
                       tr("%1, %2: %3 (reason: %4)")
                           .arg(c.changedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), c.actor,
                                c.summary, c.reason);
        }
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace CoCommission
