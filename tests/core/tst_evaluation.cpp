#include "core/evaluation/criteria.h"
#include "core/evaluation/scoring.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace CoCommission;

class TestEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void abnormallyLowFromPricesAlone();
    void scales();
    void effectiveWeights();
    void defaultTemplate();
    void invalidTreesAreRefused_data();
    void invalidTreesAreRefused();
    void passFailOnlyGroupsCarryNoWeight();
    void withWeightRescalesSiblings();
    void handComputedTotals_data();
    void handComputedTotals();
    void abnormallyLowPrices();
    void passFailEliminates();
    void tiesShareRanks();
    void tieForFirstHasNoWinner();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void sensitivityOfHandCase();
    void sensitivityMatchesSweep();
    void smallestScoreChangeMatchesSweep();
};

namespace {

Criterion leaf(const QString &id, const QString &parent, double weight,
               CriterionType type = CriterionType::Quality,
               ScoringScale scale = ScoringScale::zeroToFive())
{
    return Criterion{id, parent, id, weight, type, scale};
}

Criterion group(const QString &id, double weight, const QString &parent = {})
{
    return Criterion{id, parent, id.toUpper(), weight, CriterionType::Group, {}};
}

// Approach 60 (delivery 0-5 50, local 0-10 50), social value 10, price 30: marks 30/30/10/30.
QList<Criterion> smallList()
{
    return {group("approach", 60), leaf("delivery", "approach", 50),
            leaf("local", "approach", 50, CriterionType::Quality, ScoringScale::zeroToTen()),
            leaf("social", "", 10, CriterionType::SocialValue),
            leaf("price", "", 30, CriterionType::Price)};
}

CriteriaTree smallTree()
{
    auto tree = CriteriaTree::fromList(smallList());
    Q_ASSERT(tree.ok());
    return tree.value();
}

const QList<Bid> kSmallBids{
    {"A", "Alpha Ltd", "L1", 100}, {"B", "Beta CIC", "L1", 125}, {"C", "Gamma plc", "L1", 200}};

const QList<ConsensusScore> kSmallScores{
    {"A", "delivery", 3}, {"A", "local", 6},  {"A", "social", 2},
    {"B", "delivery", 5}, {"B", "local", 8},  {"B", "social", 4},
    {"C", "delivery", 4}, {"C", "local", 10}, {"C", "social", 5},
};

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

void TestEvaluation::scales()
{
    const ScoringScale five = ScoringScale::zeroToFive();
    QCOMPARE(five.maxScore, 5);
    QCOMPARE(five.descriptors, QStringList({"No response or unacceptable", "Very poor", "Poor",
                                            "Satisfactory", "Good", "Excellent"}));
    QCOMPARE(ScoringScale(), five);
    const ScoringScale ten = ScoringScale::zeroToTen();
    QCOMPARE(ten.maxScore, 10);
    QCOMPARE(ten.descriptors.size(), 11);
    QCOMPARE(ten.descriptors[0], QString("No response or unacceptable"));
    QCOMPARE(ten.descriptors[2], QString("Very poor"));
    QCOMPARE(ten.descriptors[5], QString("Satisfactory"));
    QCOMPARE(ten.descriptors[10], QString("Excellent"));
}

void TestEvaluation::effectiveWeights()
{
    const CriteriaTree tree = smallTree();
    QCOMPARE(tree.effectiveWeight("approach"), 60.0);
    QCOMPARE(tree.effectiveWeight("delivery"), 30.0);
    QCOMPARE(tree.effectiveWeight("local"), 30.0);
    QCOMPARE(tree.leaves(), QStringList({"delivery", "local", "social", "price"}));
    QCOMPARE(tree.totalWeight(CriterionType::Quality), 60.0);
    QCOMPARE(tree.totalWeight(CriterionType::SocialValue), 10.0);
    QCOMPARE(tree.priceCriterion(), std::optional<QString>("price"));
    QCOMPARE(tree.socialValueNote(), std::nullopt);
    QVERIFY(tree.socialValueNote(15).has_value());
    QVERIFY(tree.socialValueNote(15)->contains("10%"));
}

void TestEvaluation::defaultTemplate()
{
    const CriteriaTree tree = CriteriaTree::defaultTemplate();
    QCOMPARE(tree.children({}).size(), 7);
    QCOMPARE(tree.children("integration").size(), 7);
    QCOMPARE(tree.leaves().size(), 13);
    QVERIFY(near(tree.totalWeight(CriterionType::Quality), 70.0));
    QVERIFY(near(tree.totalWeight(CriterionType::SocialValue), 10.0));
    QVERIFY(near(tree.totalWeight(CriterionType::Price), 20.0));
    QVERIFY(near(tree.effectiveWeight("integration.health"), 4.0));
    QCOMPARE(tree.socialValueNote(), std::nullopt);
    // It revalidates: its own list is a valid tree.
    QVERIFY(CriteriaTree::fromList(tree.criteria()).ok());
}

void TestEvaluation::invalidTreesAreRefused_data()
{
    QTest::addColumn<QList<Criterion>>("criteria");
    QTest::addColumn<QStringList>("mentions");

    QList<Criterion> top = smallList();
    top[3].weightPercent = 5; // 60 + 5 + 30
    QTest::newRow("top level sums to 95") << top << QStringList{"top-level", "95%"};
    QList<Criterion> sub = smallList();
    sub[2].weightPercent = 40;
    QTest::newRow("sub-criteria sum to 90")
        << sub << QStringList{"\"approach\"", "APPROACH", "90%"};
    QList<Criterion> dup = smallList();
    dup[2].id = "delivery";
    QTest::newRow("duplicate id") << dup << QStringList{"\"delivery\"", "more than once"};
    QList<Criterion> orphan = smallList();
    orphan[1].parentId = "nowhere";
    QTest::newRow("unknown parent") << orphan << QStringList{"\"nowhere\""};
    QList<Criterion> cycle{group("a", 100, "b"), group("b", 100, "a"), leaf("c", "a", 100)};
    QTest::newRow("cycle") << cycle << QStringList{"own ancestor"};
    QList<Criterion> untyped = smallList();
    untyped[3].type = CriterionType::Group;
    QTest::newRow("untyped leaf") << untyped << QStringList{"\"social\"", "needs a type"};
    QList<Criterion> typedGroup = smallList();
    typedGroup[0].type = CriterionType::Quality;
    QTest::newRow("typed group") << typedGroup << QStringList{"\"approach\"", "must be a group"};
    QList<Criterion> twoPrices = smallList();
    twoPrices[3].type = CriterionType::Price;
    QTest::newRow("two price leaves") << twoPrices << QStringList{"price", "2"};
    QList<Criterion> weightedPassFail = smallList();
    weightedPassFail << leaf("insured", "", 10, CriterionType::PassFail);
    weightedPassFail[4].weightPercent = 20;
    QTest::newRow("weighted pass/fail")
        << weightedPassFail << QStringList{"\"insured\"", "must be 0"};
    QList<Criterion> noMarks{leaf("insured", "", 0, CriterionType::PassFail)};
    QTest::newRow("no marks") << noMarks << QStringList{"no marks"};
    QList<Criterion> badScale = smallList();
    badScale[1].scale.descriptors.removeLast();
    QTest::newRow("scale without a descriptor per level")
        << badScale << QStringList{"\"delivery\""};
    QList<Criterion> negative = smallList();
    negative[3].weightPercent = -10;
    negative[4].weightPercent = 50;
    QTest::newRow("negative weight") << negative << QStringList{"\"social\"", "-10"};
}

void TestEvaluation::invalidTreesAreRefused()
{
    QFETCH(QList<Criterion>, criteria);
    QFETCH(QStringList, mentions);
    const auto tree = CriteriaTree::fromList(criteria);
    QVERIFY(!tree.ok());
    for (const QString &m : std::as_const(mentions))
        QVERIFY2(tree.errorMessage().contains(m), qPrintable(tree.errorMessage()));
}

void TestEvaluation::passFailOnlyGroupsCarryNoWeight()
{
    QList<Criterion> list = smallList();
    list << group("mandatory", 0) << leaf("insured", "mandatory", 0, CriterionType::PassFail)
         << leaf("registered", "mandatory", 0, CriterionType::PassFail);
    const auto tree = CriteriaTree::fromList(list);
    QVERIFY2(tree.ok(), qPrintable(tree.errorMessage()));
    QVERIFY(!tree->carriesMarks("mandatory"));
    QVERIFY(tree->carriesMarks("approach"));
    list[5].weightPercent = 10;
    list[3].weightPercent = 0;
    QVERIFY(!CriteriaTree::fromList(list).ok());
}

void TestEvaluation::withWeightRescalesSiblings()
{
    const auto changed = smallTree().withWeight("social", 30);
    QVERIFY2(changed.ok(), qPrintable(changed.errorMessage()));
    // The other 70 split 60 : 30 as before.
    QVERIFY(near(changed->criterion("approach").weightPercent, 70.0 * 60 / 90));
    QVERIFY(near(changed->criterion("price").weightPercent, 70.0 * 30 / 90));
    QCOMPARE(changed->criterion("delivery").weightPercent, 50.0);
    QVERIFY(!smallTree().withWeight("social", 120).ok());
    QVERIFY(!smallTree().withWeight("nothing", 10).ok());
    const auto only = CriteriaTree::fromList({group("g", 100), leaf("q", "g", 100)});
    QVERIFY(only.ok());
    QVERIFY(!only->withWeight("q", 50).ok()); // nothing to take up the change
}

void TestEvaluation::handComputedTotals_data()
{
    QTest::addColumn<PriceFormula>("formula");
    QTest::addColumn<QList<double>>("totals"); // A, B, C
    QTest::addColumn<QList<double>>("price");  // A, B, C
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<double>("margin");

    // Quality: A 18 + 18 = 36, B 30 + 24 = 54, C 24 + 30 = 54. Social value: 4, 8, 10.
    // Lowest ratio: 100/100, 100/125, 100/200 of 30 marks.
    QTest::newRow("lowest ratio") << PriceFormula::LowestRatio << QList<double>{70, 86, 79}
                                  << QList<double>{30, 24, 15} << QStringList{"B", "C", "A"} << 7.0;
    // Linear: full at 100, none at 200, 125 gets 75/100 of 30.
    QTest::newRow("linear") << PriceFormula::Linear << QList<double>{70, 84.5, 64}
                            << QList<double>{30, 22.5, 0} << QStringList{"B", "A", "C"} << 14.5;
}

void TestEvaluation::handComputedTotals()
{
    QFETCH(PriceFormula, formula);
    QFETCH(QList<double>, totals);
    QFETCH(QList<double>, price);
    QFETCH(QStringList, order);
    QFETCH(double, margin);

    EvaluationOptions options;
    options.priceFormula = formula;
    const auto evaluation = Evaluator::evaluate(smallTree(), kSmallBids, kSmallScores, options);
    QVERIFY2(evaluation.ok(), qPrintable(evaluation.errorMessage()));
    QCOMPARE(evaluation->lots.size(), 1);
    const LotResult &lot = evaluation->lots.first();
    QCOMPARE(lot.lot, QString("L1"));
    const QStringList ids{"A", "B", "C"};
    const QList<double> quality{36, 54, 54};
    const QList<double> social{4, 8, 10};
    for (int i = 0; i < 3; ++i) {
        const BidResult *bid = lot.bid(ids[i]);
        QVERIFY(bid);
        QVERIFY2(near(bid->total, totals[i]), qPrintable(QString::number(bid->total)));
        QVERIFY(near(bid->quality, quality[i]));
        QVERIFY(near(bid->socialValue, social[i]));
        QVERIFY(near(bid->priceMarks, price[i]));
        QVERIFY(near(bid->leafMarks.value("price"), price[i]));
        QCOMPARE(bid->rank, order.indexOf(ids[i]) + 1);
        QVERIFY(!bid->tied);
        QVERIFY(!bid->eliminated);
    }
    QStringList listed;
    for (const BidResult &b : lot.bids)
        listed << b.bidId;
    QCOMPARE(listed, order);
    QCOMPARE(lot.winner, std::optional<QString>("B"));
    QVERIFY(lot.winningMargin && near(*lot.winningMargin, margin));
    QVERIFY(!lot.hasTies());
}

void TestEvaluation::abnormallyLowPrices()
{
    // Mean 425 / 3 = 141.67: 20% below is 113.33, so A (100) is abnormally low; 30% below is
    // 99.17, so it is not.
    auto evaluation = Evaluator::evaluate(smallTree(), kSmallBids, kSmallScores);
    QVERIFY(evaluation.ok());
    QVERIFY(evaluation->lots[0].bid("A")->abnormallyLow);
    QVERIFY(!evaluation->lots[0].bid("B")->abnormallyLow);
    QVERIFY(!evaluation->lots[0].bid("C")->abnormallyLow);
    EvaluationOptions options;
    options.abnormallyLowPercent = 30;
    evaluation = Evaluator::evaluate(smallTree(), kSmallBids, kSmallScores, options);
    QVERIFY(evaluation.ok());
    QVERIFY(!evaluation->lots[0].bid("A")->abnormallyLow);
}

void TestEvaluation::passFailEliminates()
{
    QList<Criterion> list = smallList();
    list << leaf("insured", "", 0, CriterionType::PassFail);
    list.last().name = "Insurance in place";
    const auto tree = CriteriaTree::fromList(list);
    QVERIFY(tree.ok());
    QList<ConsensusScore> scores = kSmallScores;
    scores << ConsensusScore{"A", "insured", 0} << ConsensusScore{"B", "insured", 1}
           << ConsensusScore{"C", "insured", 1};
    const auto evaluation = Evaluator::evaluate(*tree, kSmallBids, scores);
    QVERIFY2(evaluation.ok(), qPrintable(evaluation.errorMessage()));
    const LotResult &lot = evaluation->lots[0];
    const BidResult *a = lot.bid("A");
    QVERIFY(a->eliminated);
    QCOMPARE(a->rank, 0);
    QCOMPARE(a->total, 0.0);
    QVERIFY(near(a->quality, 36)); // kept for the assessment summary
    QCOMPARE(a->failedCriteria, QStringList{"insured"});
    QVERIFY2(a->reason.contains("Insurance in place"), qPrintable(a->reason));
    QCOMPARE(lot.bids.last().bidId, QString("A"));
    // B is now the lowest price still in: full price marks. C: 125 / 200 of 30.
    QVERIFY(near(lot.bid("B")->priceMarks, 30));
    QVERIFY(near(lot.bid("C")->priceMarks, 18.75));
    QCOMPARE(lot.bid("B")->rank, 1);
    QCOMPARE(lot.bid("C")->rank, 2);
    QVERIFY(near(*lot.winningMargin, 92 - 82.75));
    // Failing B on insurance (one point) hands the lot to C; lowering B's delivery would
    // take 9.25 / 30 * 5 = 1.54 points.
    QVERIFY(lot.smallestScoreChange);
    QCOMPARE(lot.smallestScoreChange->bidId, QString("B"));
    QCOMPARE(lot.smallestScoreChange->criterionId, QString("insured"));
    QCOMPARE(lot.smallestScoreChange->points(), 1.0);
    QCOMPARE(lot.smallestScoreChange->rival, QString("C"));
}

void TestEvaluation::tiesShareRanks()
{
    const auto tree =
        CriteriaTree::fromList({leaf("q", "", 50), leaf("price", "", 50, CriterionType::Price)});
    QVERIFY(tree.ok());
    // W 50 + 50, Y 50 + 25, Z 25 + 50, V 10 + 50.
    const QList<Bid> bids{
        {"W", "W", "L", 100}, {"Y", "Y", "L", 200}, {"Z", "Z", "L", 100}, {"V", "V", "L", 100}};
    const QList<ConsensusScore> scores{
        {"W", "q", 5}, {"Y", "q", 5}, {"Z", "q", 2.5}, {"V", "q", 1}};
    const auto evaluation = Evaluator::evaluate(*tree, bids, scores);
    QVERIFY2(evaluation.ok(), qPrintable(evaluation.errorMessage()));
    const LotResult &lot = evaluation->lots[0];
    QCOMPARE(lot.bid("W")->rank, 1);
    QCOMPARE(lot.bid("Y")->rank, 2);
    QCOMPARE(lot.bid("Z")->rank, 2);
    QCOMPARE(lot.bid("V")->rank, 4);
    QVERIFY(!lot.bid("W")->tied);
    QVERIFY(lot.bid("Y")->tied);
    QVERIFY(lot.bid("Z")->tied);
    QVERIFY(!lot.bid("V")->tied);
    QVERIFY(lot.hasTies());
    QCOMPARE(lot.winner, std::optional<QString>("W"));
    QCOMPARE(*lot.winningMargin, 25.0);
}

void TestEvaluation::tieForFirstHasNoWinner()
{
    const auto tree =
        CriteriaTree::fromList({leaf("q", "", 50), leaf("price", "", 50, CriterionType::Price)});
    QVERIFY(tree.ok());
    const QList<Bid> bids{{"Y", "Y", "L", 200}, {"Z", "Z", "L", 100}, {"V", "V", "L", 100}};
    const QList<ConsensusScore> scores{{"Y", "q", 5}, {"Z", "q", 2.5}, {"V", "q", 1}};
    const auto evaluation = Evaluator::evaluate(*tree, bids, scores);
    QVERIFY(evaluation.ok());
    const LotResult &lot = evaluation->lots[0];
    QCOMPARE(lot.winner, std::nullopt);
    QVERIFY(lot.tiedForFirst);
    QCOMPARE(lot.bid("Y")->rank, 1);
    QCOMPARE(lot.bid("Z")->rank, 1);
    QCOMPARE(lot.bid("V")->rank, 3);
    QVERIFY(lot.sensitivity.isEmpty());
    QCOMPARE(lot.smallestScoreChange.has_value(), false);
}

void TestEvaluation::badInputIsRefused_data()
{
    QTest::addColumn<QList<Bid>>("bids");
    QTest::addColumn<QList<ConsensusScore>>("scores");
    QTest::addColumn<QString>("mention");

    QList<Bid> zero = kSmallBids;
    zero[1].price = 0;
    QTest::newRow("zero price") << zero << kSmallScores << "price of bid \"B\"";
    QList<Bid> negative = kSmallBids;
    negative[2].price = -5;
    QTest::newRow("negative price") << negative << kSmallScores << "price of bid \"C\"";
    QList<Bid> dup = kSmallBids;
    dup[2].id = "A";
    QTest::newRow("duplicate bid") << dup << kSmallScores << "\"A\"";
    QList<ConsensusScore> outside = kSmallScores;
    outside[0].score = 6;
    QTest::newRow("score outside its scale") << kSmallBids << outside << "between 0 and 5";
    QList<ConsensusScore> unknownBid = kSmallScores;
    unknownBid << ConsensusScore{"Q", "delivery", 1};
    QTest::newRow("unknown bid") << kSmallBids << unknownBid << "\"Q\"";
    QList<ConsensusScore> unknownCriterion = kSmallScores;
    unknownCriterion << ConsensusScore{"A", "colour", 1};
    QTest::newRow("unknown criterion") << kSmallBids << unknownCriterion << "\"colour\"";
    QList<ConsensusScore> missing = kSmallScores;
    missing.removeLast();
    QTest::newRow("missing score") << kSmallBids << missing << "no consensus score for \"social\"";
    QList<ConsensusScore> twice = kSmallScores;
    twice << kSmallScores.first();
    QTest::newRow("score given twice") << kSmallBids << twice << "more than one";
    QList<ConsensusScore> priced = kSmallScores;
    priced << ConsensusScore{"A", "price", 3};
    QTest::newRow("price scored by hand") << kSmallBids << priced << "scored from the price";
    QList<ConsensusScore> group = kSmallScores;
    group << ConsensusScore{"A", "approach", 3};
    QTest::newRow("group scored") << kSmallBids << group << "is a group";
}

void TestEvaluation::badInputIsRefused()
{
    QFETCH(QList<Bid>, bids);
    QFETCH(QList<ConsensusScore>, scores);
    QFETCH(QString, mention);
    const auto evaluation = Evaluator::evaluate(smallTree(), bids, scores);
    QVERIFY(!evaluation.ok());
    QVERIFY2(evaluation.errorMessage().contains(mention), qPrintable(evaluation.errorMessage()));
}

void TestEvaluation::sensitivityOfHandCase()
{
    // Lowest ratio: A 70, B 86, C 79.
    const auto evaluation = Evaluator::evaluate(smallTree(), kSmallBids, kSmallScores);
    QVERIFY(evaluation.ok());
    const LotResult &lot = evaluation->lots[0];
    // Every node carrying marks with a weighted sibling: approach, delivery, local, social,
    // price.
    QStringList ids;
    for (const CriterionSensitivity &s : lot.sensitivity)
        ids << s.criterionId;
    QCOMPARE(ids, QStringList({"approach", "delivery", "local", "social", "price"}));
    // Social value at x: B = (100 - x)/90 * 78 + 0.8 x, C = (100 - x)/90 * 69 + x. Equal when
    // 9 (100 - x) / 90 = 0.2 x, i.e. x = 100 / 3.
    const CriterionSensitivity &social = lot.sensitivity[3];
    QCOMPARE(social.weight, 10.0);
    QVERIFY2(near(social.stableTo, 100.0 / 3.0), qPrintable(QString::number(social.stableTo)));
    QCOMPARE(social.rivalAbove, std::optional<QString>("C"));
    // A (70) against B: B = 86 + ... ; going down, A never overtakes at 0: B 86.67, A 73.3.
    QCOMPARE(social.stableFrom, 0.0);
    QCOMPARE(social.rivalBelow, std::nullopt);
    // B leads C by 7 marks. C has no room to rise on any criterion (delivery 4 would need
    // 7 / 30 * 5 = 1.17 more, local and social value are at the top) and A is 16 behind;
    // B dropping 1.17 on delivery (30 marks, 0-5) is smaller than 2.33 on local (0-10) or
    // 3.5 on social value (10 marks).
    QVERIFY(lot.smallestScoreChange);
    QVERIFY(near(lot.smallestScoreChange->points(), 7.0 / 6.0));
    QCOMPARE(lot.smallestScoreChange->bidId, QString("B"));
    QCOMPARE(lot.smallestScoreChange->criterionId, QString("delivery"));
    QCOMPARE(lot.smallestScoreChange->rival, QString("C"));
    QVERIFY(near(lot.smallestScoreChange->to, 5 - 7.0 / 6.0));
}

namespace {

struct RandomCase
{
    CriteriaTree tree;
    QList<Bid> bids;
    QList<ConsensusScore> scores;
};

// Splits 100 into \a parts random whole-number weights, each at least 5.
QList<double> randomWeights(std::mt19937 &rng, int parts)
{
    QList<double> w(parts, 5.0);
    std::uniform_int_distribution<int> pick(0, parts - 1);
    for (int left = 100 - 5 * parts; left > 0; --left)
        w[pick(rng)] += 1;
    return w;
}

RandomCase randomCase(std::mt19937 &rng)
{
    const QList<double> top = randomWeights(rng, 4);
    const QList<double> sub = randomWeights(rng, 2);
    QList<Criterion> list{
        group("g", top[0]),
        leaf("g1", "g", sub[0]),
        leaf("g2", "g", sub[1], CriterionType::Quality, ScoringScale::zeroToTen()),
        leaf("q", "", top[1]),
        leaf("sv", "", top[2], CriterionType::SocialValue),
        leaf("price", "", top[3], CriterionType::Price),
        leaf("pf", "", 0, CriterionType::PassFail)};
    RandomCase c;
    c.tree = CriteriaTree::fromList(list).value();
    std::uniform_int_distribution<int> nBids(3, 5);
    std::uniform_int_distribution<int> price(80, 200);
    std::uniform_int_distribution<int> five(0, 5);
    std::uniform_int_distribution<int> ten(0, 10);
    std::uniform_int_distribution<int> pass(0, 5);
    const int n = nBids(rng);
    for (int b = 0; b < n; ++b) {
        const QString id = QString(QChar('A' + b));
        c.bids << Bid{id, id, "L", double(price(rng))};
        c.scores << ConsensusScore{id, "g1", double(five(rng))}
                 << ConsensusScore{id, "g2", double(ten(rng))}
                 << ConsensusScore{id, "q", double(five(rng))}
                 << ConsensusScore{id, "sv", double(five(rng))}
                 << ConsensusScore{id, "pf", pass(rng) == 0 ? 0.0 : 1.0};
    }
    return c;
}

std::optional<QString> winnerOf(const CriteriaTree &tree, const QList<Bid> &bids,
                                const QList<ConsensusScore> &scores)
{
    const auto e = Evaluator::evaluate(tree, bids, scores);
    Q_ASSERT(e.ok());
    return e->lots[0].winner;
}

} // namespace

void TestEvaluation::sensitivityMatchesSweep()
{
    std::mt19937 rng(20230605);
    constexpr double kStep = 0.05;
    int bounded = 0;
    for (int round = 0; round < 8; ++round) {
        const RandomCase c = randomCase(rng);
        const auto evaluation = Evaluator::evaluate(c.tree, c.bids, c.scores);
        QVERIFY(evaluation.ok());
        const LotResult &lot = evaluation->lots[0];
        if (!lot.winner)
            continue;
        QCOMPARE(lot.sensitivity.size(), 6); // g, g1, g2, q, sv, price; not the pass/fail
        for (const CriterionSensitivity &s : lot.sensitivity) {
            QVERIFY(s.stableFrom <= s.weight && s.weight <= s.stableTo);
            // The contiguous run of grid weights around the current one with the same winner.
            double from = s.weight, to = s.weight;
            for (double x = s.weight; x >= 0; x -= kStep) {
                const auto tree = c.tree.withWeight(s.criterionId, x);
                QVERIFY(tree.ok());
                if (winnerOf(*tree, c.bids, c.scores) != lot.winner)
                    break;
                from = x;
            }
            for (double x = s.weight; x <= 100; x += kStep) {
                const auto tree = c.tree.withWeight(s.criterionId, x);
                if (winnerOf(*tree, c.bids, c.scores) != lot.winner)
                    break;
                to = x;
            }
            const QString where = QString("round %1, %2: exact %3-%4, sweep %5-%6")
                                      .arg(round)
                                      .arg(s.criterionId)
                                      .arg(s.stableFrom)
                                      .arg(s.stableTo)
                                      .arg(from)
                                      .arg(to);
            QVERIFY2(from >= s.stableFrom - 1e-9 && from - s.stableFrom <= kStep + 1e-9,
                     qPrintable(where));
            QVERIFY2(to <= s.stableTo + 1e-9 && s.stableTo - to <= kStep + 1e-9, qPrintable(where));
            QCOMPARE(s.rivalBelow.has_value(), s.stableFrom > 0);
            QCOMPARE(s.rivalAbove.has_value(), s.stableTo < 100);
            if (s.stableFrom > 0 || s.stableTo < 100)
                ++bounded;
        }
    }
    QVERIFY2(bounded >= 5, "the random cases should bound some intervals inside 0-100");
}

void TestEvaluation::smallestScoreChangeMatchesSweep()
{
    std::mt19937 rng(1066);
    constexpr double kStep = 0.01;
    int found = 0;
    for (int round = 0; round < 8; ++round) {
        const RandomCase c = randomCase(rng);
        const auto evaluation = Evaluator::evaluate(c.tree, c.bids, c.scores);
        QVERIFY(evaluation.ok());
        const LotResult &lot = evaluation->lots[0];
        if (!lot.winner)
            continue;
        // Brute force: every single score moved across its whole scale in small steps.
        std::optional<double> sweep;
        for (qsizetype i = 0; i < c.scores.size(); ++i) {
            const ConsensusScore &s = c.scores[i];
            const Criterion &criterion = c.tree.criterion(s.criterionId);
            const bool passFail = criterion.type == CriterionType::PassFail;
            const double max = passFail ? 1 : criterion.scale.maxScore;
            const double step = passFail ? 1 : kStep;
            for (double v = 0; v <= max + 1e-9; v += step) {
                const double change = std::abs(v - s.score);
                if (change < 1e-12 || (sweep && change >= *sweep))
                    continue;
                QList<ConsensusScore> moved = c.scores;
                moved[i].score = passFail ? std::round(v) : v;
                if (winnerOf(c.tree, c.bids, moved) != lot.winner)
                    sweep = change;
            }
        }
        const auto &exact = lot.smallestScoreChange;
        const QString where = QString("round %1: exact %2, sweep %3")
                                  .arg(round)
                                  .arg(exact ? exact->points() : -1)
                                  .arg(sweep ? *sweep : -1);
        QCOMPARE(exact.has_value(), sweep.has_value());
        if (!exact)
            continue;
        ++found;
        QVERIFY2(*sweep >= exact->points() - 1e-9 && *sweep - exact->points() <= kStep + 1e-9,
                 qPrintable(where));
        // The change it names really does it: at the named score the rival draws level.
        QList<ConsensusScore> moved = c.scores;
        for (ConsensusScore &s : moved) {
            if (s.bidId == exact->bidId && s.criterionId == exact->criterionId)
                s.score = exact->to;
        }
        QVERIFY2(winnerOf(c.tree, c.bids, moved) != lot.winner, qPrintable(where));
    }
    QVERIFY(found >= 4);
}

void TestEvaluation::abnormallyLowFromPricesAlone()
{
    // Mean 90: 20% below is 72, so 70 is flagged and 72 itself is not.
    QCOMPARE(Evaluator::abnormallyLow({100, 100, 70}, 20), (QList<bool>{false, false, true}));
    QCOMPARE(Evaluator::abnormallyLow({100, 98, 72}, 20), (QList<bool>{false, false, false}));
    QCOMPARE(Evaluator::abnormallyLow({100, 100, 70}, 30), (QList<bool>{false, false, false}));
    QVERIFY(Evaluator::abnormallyLow({}, 20).isEmpty());
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
