// bench_evaluation: the speed of the evaluation engine against the target of issue 5.
//
// A synthetic tree of 151 leaves: 10 top-level groups of 8% (nine of quality, one of social
// value), each of 15 leaves weighted 7 x 10 + 6 x 5, and a price leaf of 20%. 40 bids, scored
// by 12 assessors on 0-5 for every bid and leaf (boost::random::mt19937, seeded, so every run
// draws the same round). One recompute after a score change is timed: the consensus of every
// bid and leaf as the mean of the 12 assessors' scores, then one Evaluator::evaluate() call
// (totals, ranks, every criterion's sensitivity interval and the smallest score change), as
// the median of kRuns runs after one warm-up. Two variants: the 40 bids in one lot, and the
// 40 bids over 4 lots of 10. Target: under 50 ms. Also prints the process's peak memory.
#include "core/evaluation/criteria.h"
#include "core/evaluation/scoring.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/round.h"

#include "bench/benchutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>

using namespace CoCommission;
using Bench::median;
using Bench::peakRssKb;
using Bench::percentile;
using Bench::row;

namespace {

constexpr int kGroups = 10;
constexpr int kLeavesPerGroup = 15;
constexpr int kBids = 40;
constexpr int kAssessors = 12;
constexpr int kRuns = 20;
constexpr double kTargetMs = 50.0;
constexpr unsigned kSeed = 20240605;

CriteriaTree makeTree()
{
    QList<Criterion> list;
    for (int g = 0; g < kGroups; ++g) {
        const QString group = QStringLiteral("g%1").arg(g + 1, 2, 10, QLatin1Char('0'));
        list.append(Criterion{group,
                              QString(),
                              QStringLiteral("Group %1").arg(g + 1),
                              8.0,
                              CriterionType::Group,
                              {}});
        const CriterionType type =
            g == kGroups - 1 ? CriterionType::SocialValue : CriterionType::Quality;
        for (int l = 0; l < kLeavesPerGroup; ++l) {
            const QString id =
                QStringLiteral("%1.%2").arg(group).arg(l + 1, 2, 10, QLatin1Char('0'));
            list.append(Criterion{id, group, QStringLiteral("Criterion %1").arg(id),
                                  l < 10 ? 7.0 : 6.0, type, ScoringScale::zeroToFive()});
        }
    }
    list.append(Criterion{QStringLiteral("price"),
                          QString(),
                          QStringLiteral("Price"),
                          20.0,
                          CriterionType::Price,
                          {}});
    const Result<CriteriaTree> tree = CriteriaTree::fromList(list);
    if (!tree)
        qFatal("bench_evaluation: %s", qPrintable(tree.errorMessage()));
    return *tree;
}

// The assessors' scores: assessor a's score of bid b on scored leaf l at [(b * leaves + l) *
// kAssessors + a]. Each bid has a level (1-4) its scores centre on, so the totals spread out.
struct SyntheticRound
{
    CriteriaTree tree;
    QStringList scoredLeaves;
    QList<Bid> bids;
    QList<int> assessorScores;
};

SyntheticRound makeRound(int lots)
{
    SyntheticRound r;
    r.tree = makeTree();
    for (const QString &leaf : r.tree.leaves()) {
        if (r.tree.criterion(leaf).type != CriterionType::Price)
            r.scoredLeaves.append(leaf);
    }
    boost::random::mt19937 random(kSeed);
    boost::random::uniform_int_distribution<int> price(800000, 1200000);
    boost::random::uniform_int_distribution<int> level(1, 4);
    boost::random::uniform_int_distribution<int> spread(-1, 1);
    for (int b = 0; b < kBids; ++b) {
        r.bids.append(Bid{QStringLiteral("bid%1").arg(b + 1, 2, 10, QLatin1Char('0')),
                          QStringLiteral("Bidder %1").arg(b + 1),
                          QStringLiteral("Lot %1").arg(b % lots + 1), double(price(random))});
    }
    for (int b = 0; b < kBids; ++b) {
        const int centre = level(random);
        for (qsizetype l = 0; l < r.scoredLeaves.size(); ++l) {
            for (int a = 0; a < kAssessors; ++a)
                r.assessorScores.append(std::clamp(centre + spread(random), 0, 5));
        }
    }
    return r;
}

// The consensus of every bid and leaf: the mean of the assessors' scores.
QList<ConsensusScore> consensus(const SyntheticRound &r)
{
    QList<ConsensusScore> scores;
    scores.reserve(r.bids.size() * r.scoredLeaves.size());
    const int *score = r.assessorScores.constData();
    for (const Bid &bid : r.bids) {
        for (const QString &leaf : r.scoredLeaves) {
            int sum = 0;
            for (int a = 0; a < kAssessors; ++a)
                sum += *score++;
            scores.append(ConsensusScore{bid.id, leaf, double(sum) / kAssessors});
        }
    }
    return scores;
}

struct Timing
{
    QList<double> recompute; // consensus + evaluate(), ms
    QList<double> evaluate;  // evaluate() alone, ms
    Evaluation last;
};

Timing run(const SyntheticRound &r)
{
    Timing t;
    QElapsedTimer timer;
    for (int i = 0; i <= kRuns; ++i) {
        timer.start();
        const QList<ConsensusScore> scores = consensus(r);
        const qint64 averaged = timer.nsecsElapsed();
        Result<Evaluation> evaluation = Evaluator::evaluate(r.tree, r.bids, scores);
        const qint64 done = timer.nsecsElapsed();
        if (!evaluation)
            qFatal("bench_evaluation: %s", qPrintable(evaluation.errorMessage()));
        if (i == 0)
            continue; // warm-up
        t.recompute.append(double(done) / 1e6);
        t.evaluate.append(double(done - averaged) / 1e6);
        t.last = *evaluation;
    }
    return t;
}

/**
 * The same synthetic lot as a stored round would hold it: one adopted CPA, a panel of 12 who
 * declared no conflict, and every assessor's score as an IndividualScore, none moderated yet.
 */
Round asRound(const SyntheticRound &r)
{
    Round round;
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.adopted = true;
    plan.cpas.append(Cpa{CpaId(1), QStringLiteral("Lot 1"), QStringLiteral("#1f6fb4"), {}});
    round.plans.append(plan);
    Tender &t = round.tender;
    t.criteria = r.tree.criteria();
    t.bidsOpenedAt = QDateTime::currentDateTimeUtc();
    for (int a = 0; a < kAssessors; ++a)
        t.panel.append(
            Assessor{QStringLiteral("Assessor %1").arg(a + 1), QStringLiteral("DWP"), {}});
    for (const Bid &b : r.bids) {
        t.bids.append(TenderBid{b.id, b.bidder, CpaId(1), b.price, {}, {}, {}});
        for (const Assessor &a : t.panel)
            t.conflicts.append(ConflictDeclaration{a.name, b.bidder, false, {}, {}});
    }
    t.scores.reserve(r.assessorScores.size());
    const int *score = r.assessorScores.constData();
    for (const Bid &b : r.bids) {
        for (const QString &leaf : r.scoredLeaves) {
            for (int a = 0; a < kAssessors; ++a)
                t.scores.append(IndividualScore{
                    t.panel[a].name, b.id, leaf, double(*score++), QStringLiteral("c"), {}});
        }
    }
    return round;
}

/** evaluateTender() on the stored form: moderation rows (provisional means) + evaluate(). */
QList<double> runRound(const Round &round)
{
    QList<double> times;
    QElapsedTimer timer;
    for (int i = 0; i <= kRuns; ++i) {
        timer.start();
        const Result<Evaluation> evaluation = evaluateTender(round);
        const qint64 done = timer.nsecsElapsed();
        if (!evaluation)
            qFatal("bench_evaluation: %s", qPrintable(evaluation.errorMessage()));
        if (i > 0)
            times.append(double(done) / 1e6);
    }
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    const SyntheticRound oneLot = makeRound(1);
    const SyntheticRound fourLots = makeRound(4);
    const Timing one = run(oneLot);
    const Timing four = run(fourLots);
    const QList<double> stored = runRound(asRound(oneLot));

    const double oneMedian = median(one.recompute);
    const double fourMedian = median(four.recompute);
    const bool oneMet = oneMedian < kTargetMs;
    const bool fourMet = fourMedian < kTargetMs;

    out << "bench_evaluation: evaluation engine (issue 5)\n\n"
        << "tree: " << kGroups << " groups x " << kLeavesPerGroup
        << " leaves + price = " << oneLot.tree.leaves().size() << " leaves; " << kBids << " bids; "
        << kAssessors << " assessors; " << oneLot.assessorScores.size() << " assessor scores (seed "
        << kSeed << "); " << kRuns << " runs after a warm-up\n"
        << "recompute = consensus (mean of the assessors) + Evaluator::evaluate(): totals, "
           "ranks, sensitivity, smallest score change\n\n";
    out << QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(QStringLiteral("measure (ms)"), -38)
               .arg(QStringLiteral("median"), 10)
               .arg(QStringLiteral("p95 / max"), 10)
               .arg(QStringLiteral("target"), 8)
               .arg(QStringLiteral("result"));
    out << row(QStringLiteral("recompute, 40 bids in 1 lot"), oneMedian,
               percentile(one.recompute, 0.95), QStringLiteral("< 50"),
               oneMet ? QStringLiteral("met") : QStringLiteral("NOT met"));
    out << row(QStringLiteral("  of which evaluate()"), median(one.evaluate),
               percentile(one.evaluate, 0.95), QString(), QString());
    out << row(QStringLiteral("recompute, 40 bids over 4 lots"), fourMedian,
               percentile(four.recompute, 0.95), QStringLiteral("< 50"),
               fourMet ? QStringLiteral("met") : QStringLiteral("NOT met"));
    out << row(QStringLiteral("  of which evaluate()"), median(four.evaluate),
               percentile(four.evaluate, 0.95), QString(), QString());
    const bool storedMet = median(stored) < kTargetMs;
    out << row(QStringLiteral("evaluateTender(), 1 lot, 12 x 40 x 150"), median(stored),
               percentile(stored, 0.95), QStringLiteral("< 50"),
               storedMet ? QStringLiteral("met") : QStringLiteral("NOT met"));

    // Keeps the work observable, and shows the round is not degenerate.
    const LotResult &lot = one.last.lots.first();
    out << "\n1 lot: winner " << lot.winner.value_or(QStringLiteral("none")) << ", margin "
        << QString::number(lot.winningMargin.value_or(0), 'f', 3) << " marks, "
        << lot.sensitivity.size() << " sensitivity intervals, smallest score change "
        << (lot.smallestScoreChange
                ? QStringLiteral("%1 on %2 (%3 points)")
                      .arg(lot.smallestScoreChange->bidId, lot.smallestScoreChange->criterionId,
                           QString::number(lot.smallestScoreChange->points(), 'f', 3))
                : QStringLiteral("none"))
        << '\n';
    qsizetype intervals = 0;
    for (const LotResult &l : four.last.lots)
        intervals += l.sensitivity.size();
    out << "4 lots: " << four.last.lots.size() << " lots, " << intervals
        << " sensitivity intervals\n";

    const qint64 peak = peakRssKb();
    out << "peak memory (max RSS): "
        << (peak < 0 ? QStringLiteral("not available")
                     : QStringLiteral("%1 MiB").arg(double(peak) / 1024.0, 0, 'f', 1))
        << '\n';
    out << "\ntarget: recompute < 50 ms: 1 lot " << (oneMet ? "met" : "NOT met") << ", 4 lots "
        << (fourMet ? "met" : "NOT met") << ", from the stored round "
        << (storedMet ? "met" : "NOT met") << '\n';

    using Bench::Figure;
    using Bench::Target;
    Bench::report(
        Figure(QStringLiteral("recompute, 12 x 40 x 150, 1 lot"), oneMedian, QStringLiteral("ms"))
            .withTarget(Target::below(kTargetMs)));
    Bench::report(
        Figure(QStringLiteral("recompute, 12 x 40 x 150, 4 lots"), fourMedian, QStringLiteral("ms"))
            .withTarget(Target::below(kTargetMs)));
    Bench::report(Figure(QStringLiteral("evaluateTender() from the stored round, 1 lot"),
                         median(stored), QStringLiteral("ms"))
                      .withTarget(Target::below(kTargetMs)));
    Bench::report(Figure(QStringLiteral("peak memory (max RSS)"),
                         peak < 0 ? Bench::kNotMeasured : double(peak) / 1024.0,
                         QStringLiteral("MiB")));
    return 0;
}
