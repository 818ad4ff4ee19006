#include "core/evaluation/tenderevaluation.h"
#include "core/round/round.h"

#include <QTest>

#include <cmath>

using namespace CoCommission;

class TestTenderEvaluation : public QObject
{
    Q_OBJECT

private slots:
    void handComputedTotals();
    void priceFormulaOverride();
    void provisionalScoresCount();
    void errors_data();
    void errors();
    void missingScoreNamesBidAndCriterion();
    void conflictedScoreLeavesCellUnscored();
    void lotProgress();
    void bidsOutsidePlanAndBadCriteria();
    void summaryOfRunnerUp();
    void summaryOfWinnerAndEliminated();
    void summaryTextContent();
    void summaryRefusesUnknownBids();
};

namespace {

const CpaId kNorth(1);
const CpaId kSouth(2);
const CpaId kEast(3);      // a lot nobody bid for
const CpaId kElsewhere(9); // a CPA of a plan that is not adopted

QDateTime at(int day)
{
    return QDateTime(QDate(2024, 5, day), QTime(10, 0), Qt::UTC);
}

Criterion node(const QString &id, const QString &parent, const QString &name, double weight,
               CriterionType type, int maxScore = 5)
{
    Criterion c;
    c.id = id;
    c.parentId = parent;
    c.name = name;
    c.weightPercent = weight;
    c.type = type;
    c.scale = maxScore == 10 ? ScoringScale::zeroToTen() : ScoringScale::zeroToFive();
    return c;
}

/*
 * Approach 60 (delivery 0-5 50, local 0-10 50), check pass/fail 0, social value 10, price 30:
 * effective weights (marks) delivery 30, local 30, social 10, price 30.
 */
QList<Criterion> criteria()
{
    return {node("approach", {}, "Approach", 60, CriterionType::Group),
            node("delivery", "approach", "Delivery model", 50, CriterionType::Quality),
            node("local", "approach", "Local integration", 50, CriterionType::Quality, 10),
            node("check", {}, "Minimum standards", 0, CriterionType::PassFail),
            node("social", {}, "Social value", 10, CriterionType::SocialValue),
            node("price", {}, "Price", 30, CriterionType::Price)};
}

ModeratedScore agreed(const QString &bid, const QString &criterion, double score)
{
    return ModeratedScore{bid, criterion, score,
                          QStringLiteral("Rationale %1/%2").arg(bid, criterion), at(6)};
}

IndividualScore individual(const QString &assessor, const QString &bid, const QString &criterion,
                           double score)
{
    return IndividualScore{assessor, bid, criterion, score, "Comment", at(3)};
}

/*
 * North: A (Alpha Ltd, 100), B (Beta CIC, 125), C (Gamma plc, 200); South: D (Delta Ltd, 150).
 *
 *          delivery   local          check          social
 *     A    3          6              1              2
 *     B    5          (Ann 7, Cat 9) (Ann 1, Cat 1) 4          Bob's 1 on delivery not counted
 *     C    4          10             0              5
 *     D    2          5              1              3
 *
 * Everything agreed except B's local (provisional mean 8, spread 2: flagged) and check
 * (provisional pass).
 *
 * North, lowest ratio (C eliminated: lowest 100 among A and B):
 *     A  18 + 18 + 4 + 30 = 70       (quality 36, social 4, price 30)
 *     B  30 + 24 + 8 + 24 = 86       (quality 54, social 8, price 24)   winner, margin 16
 *     C  eliminated, quality 24 + 30 = 54, social 10, total 0
 * South: D 12 + 15 + 6 + 30 = 63.
 */
Round round()
{
    Round r;
    CpaPlan adopted;
    adopted.id = PlanId(1);
    adopted.name = "Adopted";
    adopted.adopted = true;
    adopted.cpas = {Cpa{kNorth, "North", "#ff0000", {}}, Cpa{kSouth, "South", "#00ff00", {}},
                    Cpa{kEast, "East", "#0000ff", {}}};
    CpaPlan other;
    other.id = PlanId(2);
    other.name = "Draft";
    other.cpas = {Cpa{kElsewhere, "Elsewhere", "#000000", {}}};
    r.plans = {adopted, other};

    Tender &t = r.tender;
    t.criteria = criteria();
    t.bidsOpenedAt = at(1);
    t.moderationOpenedAt = at(5);
    t.bids = {TenderBid{"A", "Alpha Ltd", kNorth, 100, {}, {}, {}},
              TenderBid{"B", "Beta CIC", kNorth, 125, {}, {}, {}},
              TenderBid{"C", "Gamma plc", kNorth, 200, {}, {}, {}},
              TenderBid{"D", "Delta Ltd", kSouth, 150, {}, {}, {}}};
    t.panel = {Assessor{"Ann", "DWP", "Chair"}, Assessor{"Bob", "E09000001", "Officer"},
               Assessor{"Cat", "DWP", "Adviser"}};
    t.conflicts = {ConflictDeclaration{"Ann", "Beta CIC", false, {}, at(2)},
                   ConflictDeclaration{"Cat", "Beta CIC", false, {}, at(2)},
                   ConflictDeclaration{"Bob", "Beta CIC", true, "Trustee", at(4)}};
    t.scores = {individual("Ann", "B", "local", 7), individual("Cat", "B", "local", 9),
                individual("Ann", "B", "check", 1), individual("Cat", "B", "check", 1),
                individual("Bob", "B", "delivery", 1)};
    t.consensus = {agreed("A", "delivery", 3), agreed("A", "local", 6),    agreed("A", "check", 1),
                   agreed("A", "social", 2),   agreed("B", "delivery", 5), agreed("B", "social", 4),
                   agreed("C", "delivery", 4), agreed("C", "local", 10),   agreed("C", "check", 0),
                   agreed("C", "social", 5),   agreed("D", "delivery", 2), agreed("D", "local", 5),
                   agreed("D", "check", 1),    agreed("D", "social", 3)};
    return r;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

Evaluation evaluated(const Round &r)
{
    const Result<Evaluation> e = evaluateTender(r);
    if (!e)
        qWarning("%s", qPrintable(e.errorMessage()));
    Q_ASSERT(e.ok());
    return e.value();
}

} // namespace

void TestTenderEvaluation::handComputedTotals()
{
    const Result<Evaluation> e = evaluateTender(round());
    QVERIFY2(e.ok(), qPrintable(e.errorMessage()));
    QCOMPARE(e->lots.size(), 2);
    const LotResult *north = e->lot("North");
    QVERIFY(north);
    QCOMPARE(north->winner, std::optional<QString>("B"));
    QVERIFY(north->winningMargin && near(*north->winningMargin, 16));

    const BidResult *a = north->bid("A");
    QVERIFY(near(a->total, 70));
    QVERIFY(near(a->quality, 36));
    QVERIFY(near(a->socialValue, 4));
    QVERIFY(near(a->priceMarks, 30));
    QCOMPARE(a->rank, 2);
    const BidResult *b = north->bid("B");
    QVERIFY(near(b->total, 86));
    QVERIFY(near(b->quality, 54));
    QVERIFY(near(b->priceMarks, 24));
    QCOMPARE(b->rank, 1);
    const BidResult *c = north->bid("C");
    QVERIFY(c->eliminated);
    QVERIFY(near(c->quality, 54));
    QCOMPARE(c->total, 0.0);
    QVERIFY(c->reason.contains("Minimum standards"));

    const LotResult *south = e->lot("South");
    QVERIFY(south);
    QCOMPARE(south->bids.size(), 1);
    QVERIFY(near(south->bids.first().total, 63));
    QVERIFY(!e->lot("East")); // no bids, no lot result
}

void TestTenderEvaluation::priceFormulaOverride()
{
    // Linear: A (lowest, 100) takes 30, B (highest of the ranked, 125) none: A 70, B 62.
    const Result<Evaluation> e = evaluateTender(round(), PriceFormula::Linear);
    QVERIFY2(e.ok(), qPrintable(e.errorMessage()));
    const LotResult *north = e->lot("North");
    QCOMPARE(north->winner, std::optional<QString>("A"));
    QVERIFY(near(north->bid("B")->total, 62));
    QVERIFY(near(*north->winningMargin, 8));

    // The tender's own formula is used without an override.
    Round r = round();
    r.tender.priceFormula = PriceFormula::Linear;
    QCOMPARE(evaluated(r).lot("North")->winner, std::optional<QString>("A"));
}

void TestTenderEvaluation::provisionalScoresCount()
{
    // B's local is provisional (mean of 7 and 9 = 8). Agreeing 6 instead costs 6 marks.
    Round r = round();
    r.tender.consensus << agreed("B", "local", 6);
    QVERIFY(near(evaluated(r).lot("North")->bid("B")->total, 80));

    // A provisional fail: one counted assessor failing B eliminates it until agreed otherwise.
    r = round();
    r.tender.scores[3].score = 0; // Cat fails B on check
    const Evaluation e = evaluated(r);
    const LotResult *north = e.lot("North");
    QVERIFY(north->bid("B")->eliminated);
    QCOMPARE(north->winner, std::optional<QString>("A"));
    r.tender.consensus << agreed("B", "check", 1);
    QCOMPARE(evaluated(r).lot("North")->winner, std::optional<QString>("B"));
}

void TestTenderEvaluation::errors_data()
{
    QTest::addColumn<int>("breakage");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("no criteria") << 0 << "no award criteria";
    QTest::newRow("weights not summing to 100") << 1 << "100";
    QTest::newRow("bid for a CPA of another plan") << 2 << "E";
    QTest::newRow("no adopted plan") << 3 << "Bid A ";
    QTest::newRow("consensus off the scale") << 4 << "between 0 and 5";
}

void TestTenderEvaluation::errors()
{
    QFETCH(int, breakage);
    QFETCH(QString, mentions);

    Round r = round();
    switch (breakage) {
    case 0:
        r.tender.criteria.clear();
        break;
    case 1:
        r.tender.criteria[4].weightPercent = 20; // social 20 + price 30 + approach 60 = 110
        break;
    case 2:
        r.tender.bids << TenderBid{"E", "Epsilon Ltd", kElsewhere, 100, {}, {}, {}};
        break;
    case 3:
        r.plans[0].adopted = false;
        break;
    case 4:
        r.tender.consensus[0].score = 6;
        break;
    }
    const Result<Evaluation> e = evaluateTender(r);
    QVERIFY(!e.ok());
    QVERIFY2(e.errorMessage().contains(mentions), qPrintable(e.errorMessage()));
    if (breakage == 2)
        QVERIFY(e.errorMessage().contains("Bid E "));
}

void TestTenderEvaluation::missingScoreNamesBidAndCriterion()
{
    Round r = round();
    r.tender.scores.removeAt(1); // Cat's local on B: Ann's 7 still gives a provisional value
    r.tender.scores.removeAt(0); // and now nobody scored B on local
    const Result<Evaluation> e = evaluateTender(r);
    QVERIFY(!e.ok());
    QCOMPARE(e.errorMessage(),
             QString::fromUtf8("Bid B has no score for criterion \u201cLocal integration\u201d "
                               "yet."));
}

void TestTenderEvaluation::conflictedScoreLeavesCellUnscored()
{
    // Bob's 1 on B's delivery never counts: without the agreed 5 the cell has no score.
    Round r = round();
    r.tender.consensus.removeAt(4); // B delivery
    const Result<Evaluation> e = evaluateTender(r);
    QVERIFY(!e.ok());
    QVERIFY2(e.errorMessage().contains(QString::fromUtf8("Bid B has no score for criterion "
                                                         "\u201cDelivery model\u201d")),
             qPrintable(e.errorMessage()));
    // Were the conflict not declared, Bob's 1 would be the provisional score.
    r.tender.conflicts[2].conflicted = false;
    QVERIFY(near(evaluated(r).lot("North")->bid("B")->total, 86 - 30 + 6));
}

void TestTenderEvaluation::lotProgress()
{
    const TenderStatus status = tenderStatus(round());
    QVERIFY(status.criteriaError.isEmpty());
    QCOMPARE(status.lots.size(), 3);
    QCOMPARE(status.bidsOutsidePlan, 0);

    const LotProgress *north = status.lot(kNorth);
    QVERIFY(north);
    QCOMPARE(north->name, QString("North"));
    QCOMPARE(north->bids, 3);
    QCOMPARE(north->cells, 12); // 3 bids × delivery, local, check, social
    QCOMPARE(north->agreed, 10);
    QCOMPARE(north->scored, 2);           // B local, B check
    QCOMPARE(north->scoresCounted, 4);    // Ann and Cat on both
    QCOMPARE(north->scoresNotCounted, 1); // Bob on B
    QCOMPARE(north->flaggedSpreads, 1);   // B local: 7 and 9
    QCOMPARE(north->flaggedOpen, 1);
    QVERIFY(!north->allAgreed());

    const LotProgress *south = status.lot(kSouth);
    QCOMPARE(south->cells, 4);
    QCOMPARE(south->agreed, 4);
    QVERIFY(south->allAgreed());

    const LotProgress *east = status.lot(kEast);
    QCOMPARE(east->bids, 0);
    QCOMPARE(east->cells, 0);
    QVERIFY(!east->allAgreed()); // nothing to agree is not "all agreed"

    Round r = round();
    r.tender.consensus << agreed("B", "local", 8) << agreed("B", "check", 1);
    const TenderStatus after = tenderStatus(r);
    const LotProgress *done = after.lot(kNorth);
    QCOMPARE(done->agreed, 12);
    QCOMPARE(done->flaggedSpreads, 1);
    QCOMPARE(done->flaggedOpen, 0);
    QVERIFY(done->allAgreed());
}

void TestTenderEvaluation::bidsOutsidePlanAndBadCriteria()
{
    Round r = round();
    r.tender.bids << TenderBid{"E", "Epsilon Ltd", kElsewhere, 100, {}, {}, {}};
    QCOMPARE(tenderStatus(r).bidsOutsidePlan, 1);

    r.tender.criteria.clear();
    const TenderStatus status = tenderStatus(r);
    QVERIFY(!status.criteriaError.isEmpty());
    QCOMPARE(status.lot(kNorth)->bids, 3);
    QCOMPARE(status.lot(kNorth)->cells, 0);
}

void TestTenderEvaluation::summaryOfRunnerUp()
{
    const Round r = round();
    const Evaluation e = evaluated(r);
    const Result<AssessmentSummary> s = assessmentSummary(r, e, "A");
    QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    QCOMPARE(s->bidder, QString("Alpha Ltd"));
    QCOMPARE(s->lot, QString("North"));
    QVERIFY(near(s->total, 70));
    QCOMPARE(s->rank, 2);
    QCOMPARE(s->rankedBids, 2);
    QVERIFY(!s->eliminated);
    QVERIFY(s->abnormallyLow); // 100 < 80% of the mean 141.67
    QCOMPARE(s->winnerId, std::optional<QString>("B"));
    QCOMPARE(s->winnerBidder, QString("Beta CIC"));
    QVERIFY(near(s->winnerTotal, 86));
    QVERIFY(!s->isWinner());

    QCOMPARE(s->lines.size(), 5); // every leaf, price and pass/fail included
    const AssessmentLine &delivery = s->lines[0];
    QCOMPARE(delivery.criterionId, QString("delivery"));
    QCOMPARE(delivery.maxScore, 5);
    QVERIFY(near(delivery.availableMarks, 30));
    QCOMPARE(delivery.bid.score, std::optional<double>(3));
    QVERIFY(near(delivery.bid.marks, 18));
    QVERIFY(delivery.bid.agreed);
    QCOMPARE(delivery.bid.rationale, QString("Rationale A/delivery"));
    QVERIFY(delivery.winner);
    QCOMPARE(delivery.winner->score, std::optional<double>(5));
    QVERIFY(near(delivery.winner->marks, 30));

    const AssessmentLine &local = s->lines[1];
    QCOMPARE(local.maxScore, 10);
    QCOMPARE(local.winner->score, std::optional<double>(8)); // provisional mean
    QVERIFY(!local.winner->agreed);
    QVERIFY(local.winner->rationale.isEmpty());
    QVERIFY(s->isProvisional());

    const AssessmentLine &check = s->lines[2];
    QCOMPARE(check.type, CriterionType::PassFail);
    QCOMPARE(check.bid.score, std::optional<double>(1));
    QCOMPARE(check.bid.marks, 0.0);

    const AssessmentLine &price = s->lines[4];
    QCOMPARE(price.type, CriterionType::Price);
    QVERIFY(!price.bid.score);
    QVERIFY(near(price.bid.marks, 30));
    QVERIFY(near(price.winner->marks, 24));
}

void TestTenderEvaluation::summaryOfWinnerAndEliminated()
{
    const Round r = round();
    const Evaluation e = evaluated(r);
    const Result<AssessmentSummary> b = assessmentSummary(r, e, "B");
    QVERIFY(b.ok());
    QVERIFY(b->isWinner());
    QCOMPARE(b->rank, 1);

    const Result<AssessmentSummary> c = assessmentSummary(r, e, "C");
    QVERIFY(c.ok());
    QVERIFY(c->eliminated);
    QCOMPARE(c->rank, 0);
    QVERIFY(c->reason.contains("Minimum standards"));
    QCOMPARE(c->lines[2].bid.score, std::optional<double>(0));

    // All agreed, a sole winner in a lot of one: nothing provisional.
    const Result<AssessmentSummary> d = assessmentSummary(r, e, "D");
    QVERIFY(d->isWinner());
    QVERIFY(!d->isProvisional());
}

void TestTenderEvaluation::summaryTextContent()
{
    Round r = round();
    Evaluation e = evaluated(r);
    QString text = summaryText(assessmentSummary(r, e, "A").value());
    QVERIFY2(text.contains("bid A (Alpha Ltd), lot North"), qPrintable(text));
    QVERIFY(text.contains("ranked 2 of 2, a total of 70.00 marks out of 100"));
    QVERIFY(text.contains("quality 36.00, social value 4.00, price 30.00"));
    QVERIFY(text.contains(QString::fromUtf8("Winning bid: B (Beta CIC), price \u00a3125.00, a "
                                            "total of 86.00 marks")));
    QVERIFY(text.contains("Delivery model (quality, 30.00 marks available)"));
    QVERIFY(text.contains("This bid: 3 out of 5, 18.00 marks. Reason: Rationale A/delivery"));
    QVERIFY(text.contains("Winning bid: 5 out of 5, 30.00 marks. Reason: Rationale B/delivery"));
    QVERIFY(text.contains("Winning bid: 8 out of 10, 24.00 marks. Provisional"));
    QVERIFY(text.contains("Minimum standards (pass/fail)"));
    QVERIFY(text.contains("This bid: Pass."));
    QVERIFY(text.contains("This bid: 30.00 marks from the price."));
    QVERIFY(text.contains("not changed after the bids were opened"));
    QVERIFY(!text.contains("Illustrative"));
    QVERIFY(text.contains("abnormally low")); // A: 100 against a mean of 141.67

    r.tender.illustrative = true;
    r.tender.criteriaChanges = {
        CriteriaChange{at(2), "Jo Officer", "Guidance updated", "Social value raised to 10%."}};
    text = summaryText(assessmentSummary(r, e, "A").value());
    QVERIFY(text.contains("Illustrative"));
    QVERIFY(text.contains("Changes to the criteria after the bids were opened"));
    QVERIFY2(text.contains("2024-05-02 10:00, Jo Officer: Social value raised to 10%. (reason: "
                           "Guidance updated)"),
             qPrintable(text));

    const QString winner = summaryText(assessmentSummary(r, e, "B").value());
    QVERIFY(winner.contains("This is the winning bid."));
    QVERIFY(!winner.contains("abnormally low"));
    QVERIFY(!winner.contains("Winning bid:"));
    const QString eliminated = summaryText(assessmentSummary(r, e, "C").value());
    QVERIFY(eliminated.contains("Result: eliminated."));
    QVERIFY(eliminated.contains("This bid: Fail."));
    QVERIFY(eliminated.contains("Winning bid: B"));
}

void TestTenderEvaluation::summaryRefusesUnknownBids()
{
    Round r = round();
    const Evaluation e = evaluated(r);
    QVERIFY(!assessmentSummary(r, e, "Z").ok());
    // A bid added after the evaluation was made is not in it.
    r.tender.bids << TenderBid{"F", "Foxtrot Ltd", kNorth, 110, {}, {}, {}};
    const Result<AssessmentSummary> s = assessmentSummary(r, e, "F");
    QVERIFY(!s.ok());
    QVERIFY(s.errorMessage().contains("F"));
}

QTEST_GUILESS_MAIN(TestTenderEvaluation)
#include "tst_tenderevaluation.moc"
