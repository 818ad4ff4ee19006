#include "core/evaluation/criteria.h"
#include "core/evaluation/moderation.h"
#include "core/round/tender.h"

#include <QTest>

#include <cmath>

using namespace CoCommission;

using Units = QList<QList<double>>;
using Scores = QList<double>;

class TestModeration : public QObject
{
    Q_OBJECT

private slots:
    void visibleScores_data();
    void visibleScores();
    void conflictExcludesScore();
    void mayScore_data();
    void mayScore();
    void rowsCoverEveryScoredCell();
    void spreads_data();
    void spreads();
    void provisionalPassFail_data();
    void provisionalPassFail();
    void consensusOverridesProvisional();
    void alphaPublishedInterval();
    void alphaPublishedBinary();
    void alphaEdgeCases_data();
    void alphaEdgeCases();
    void agreementPerCriterion();
    void agreementText();
};

namespace {

const CpaId kNorth(1);
const CpaId kSouth(2);

QDateTime at(int day)
{
    return QDateTime(QDate(2024, 5, day), QTime(10, 0), Qt::UTC);
}

Criterion leaf(const QString &id, double weight, CriterionType type)
{
    Criterion c;
    c.id = id;
    c.name = id.at(0).toUpper() + id.mid(1);
    c.weightPercent = weight;
    c.type = type;
    return c;
}

// delivery (quality 0-5) 50, check (pass/fail) 0, social (social value 0-5) 20, price 30.
CriteriaTree tree()
{
    const auto t = CriteriaTree::fromList(
        {leaf("delivery", 50, CriterionType::Quality), leaf("check", 0, CriterionType::PassFail),
         leaf("social", 20, CriterionType::SocialValue), leaf("price", 30, CriterionType::Price)});
    Q_ASSERT(t.ok());
    return t.value();
}

IndividualScore score(const QString &assessor, const QString &bid, const QString &criterion,
                      double value)
{
    return IndividualScore{assessor, bid, criterion, value, "Because.", at(2)};
}

/*
 * Bids B1 (Alpha Ltd) and B2 (Beta CIC) in North, B3 (Gamma plc) in South. Bob scored B2 and
 * then declared a conflict with Beta CIC: his B2 scores are kept but not counted. Cat has made
 * no declaration about Gamma plc.
 *
 *             delivery          check            social
 *     B1      Ann 3 Bob 5 Cat 4 Ann 1 Bob 1 Cat 0 Ann 2 Cat 3
 *     B2      Ann 4 (Bob 1) Cat 4  Ann 1 (Bob 0) Cat 1   -
 *     B3      Ann 2             -                -
 */
Tender tender()
{
    Tender t;
    t.criteria = tree().criteria();
    t.bidsOpenedAt = at(1);
    t.bids = {TenderBid{"B1", "Alpha Ltd", kNorth, 100, {}, {}, {}},
              TenderBid{"B2", "Beta CIC", kNorth, 120, {}, {}, {}},
              TenderBid{"B3", "Gamma plc", kSouth, 90, {}, {}, {}}};
    t.panel = {Assessor{"Ann", "DWP", "Chair"}, Assessor{"Bob", "E09000001", "Officer"},
               Assessor{"Cat", "DWP", "Adviser"}};
    t.conflicts = {
        ConflictDeclaration{"Ann", "Alpha Ltd", false, {}, at(1)},
        ConflictDeclaration{"Ann", "Beta CIC", false, {}, at(1)},
        ConflictDeclaration{"Ann", "Gamma plc", false, {}, at(1)},
        ConflictDeclaration{"Bob", "Alpha Ltd", false, {}, at(1)},
        ConflictDeclaration{"Bob", "Beta CIC", true, "Trustee of Beta CIC", at(3)},
        ConflictDeclaration{"Cat", "Alpha Ltd", false, {}, at(1)},
        ConflictDeclaration{"Cat", "Beta CIC", false, {}, at(1)},
    };
    t.scores = {
        score("Ann", "B1", "delivery", 3), score("Bob", "B1", "delivery", 5),
        score("Cat", "B1", "delivery", 4), score("Ann", "B1", "check", 1),
        score("Bob", "B1", "check", 1),    score("Cat", "B1", "check", 0),
        score("Ann", "B1", "social", 2),   score("Cat", "B1", "social", 3),
        score("Ann", "B2", "delivery", 4), score("Bob", "B2", "delivery", 1),
        score("Cat", "B2", "delivery", 4), score("Ann", "B2", "check", 1),
        score("Bob", "B2", "check", 0),    score("Cat", "B2", "check", 1),
        score("Ann", "B3", "delivery", 2),
    };
    return t;
}

// By value: the rows are often a temporary.
std::optional<ModerationRow> findRow(const QList<ModerationRow> &rows, const QString &bid,
                                     const QString &criterion)
{
    for (const ModerationRow &r : rows) {
        if (r.bidId == bid && r.criterionId == criterion)
            return r;
    }
    return std::nullopt;
}

} // namespace

void TestModeration::visibleScores_data()
{
    QTest::addColumn<QString>("viewer");
    QTest::addColumn<bool>("moderationOpen");
    QTest::addColumn<int>("expected");

    QTest::newRow("Ann sees her own while blind") << "Ann" << false << 6;
    QTest::newRow("Bob sees his own while blind") << "Bob" << false << 4;
    QTest::newRow("officer sees none while blind") << "" << false << 0;
    QTest::newRow("stranger sees none while blind") << "Zed" << false << 0;
    QTest::newRow("Ann sees all after moderation opens") << "Ann" << true << 15;
    QTest::newRow("officer sees all after moderation opens") << "" << true << 15;
}

void TestModeration::visibleScores()
{
    QFETCH(QString, viewer);
    QFETCH(bool, moderationOpen);
    QFETCH(int, expected);

    Tender t = tender();
    if (moderationOpen)
        t.moderationOpenedAt = at(4);
    const QList<IndividualScore> seen = CoCommission::visibleScores(t, viewer);
    QCOMPARE(seen.size(), expected);
    if (!moderationOpen) {
        for (const IndividualScore &s : seen)
            QCOMPARE(s.assessor, viewer);
    } else {
        QCOMPARE(seen, t.scores); // not-counted scores are shown too
    }
}

void TestModeration::conflictExcludesScore()
{
    const Tender t = tender();
    QVERIFY(isCounted(t, t.scores[1]));  // Bob on B1: no conflict with Alpha Ltd
    QVERIFY(!isCounted(t, t.scores[9])); // Bob on B2: conflict with Beta CIC
    QVERIFY(!isCounted(t, score("Ann", "B9", "delivery", 3))); // unknown bid

    const QList<ModerationRow> rows = moderationRows(t, tree());
    const auto b2 = findRow(rows, "B2", "delivery");
    QVERIFY(b2);
    QCOMPARE(b2->counted.size(), 2);
    QCOMPARE(b2->notCounted.size(), 1);
    QCOMPARE(b2->notCounted.first().assessor, QString("Bob"));
    // Bob's 1 would make the mean 3 and the spread 3 (flagged).
    QCOMPARE(b2->mean, 4.0);
    QCOMPARE(b2->spread, 0.0);
    QVERIFY(!b2->flagged);

    // Without the declaration the same score counts.
    Tender undeclared = t;
    undeclared.conflicts[4].conflicted = false;
    QVERIFY(isCounted(undeclared, undeclared.scores[9]));
    const auto b2u = findRow(moderationRows(undeclared, tree()), "B2", "delivery");
    QCOMPARE(b2u->counted.size(), 3);
    QCOMPARE(b2u->mean, 3.0);
    QVERIFY(b2u->flagged);
}

void TestModeration::mayScore_data()
{
    QTest::addColumn<QString>("assessor");
    QTest::addColumn<QString>("bid");
    QTest::addColumn<bool>("openBids");
    QTest::addColumn<bool>("openModeration");
    QTest::addColumn<QString>("reasonMentions"); // empty: may score

    QTest::newRow("declared no conflict") << "Ann"
                                          << "B1" << true << false << "";
    QTest::newRow("declared a conflict") << "Bob"
                                         << "B2" << true << false << "conflict";
    QTest::newRow("no declaration") << "Cat"
                                    << "B3" << true << false << "Gamma plc";
    QTest::newRow("not on the panel") << "Zed"
                                      << "B1" << true << false << "Zed";
    QTest::newRow("unknown bid") << "Ann"
                                 << "B9" << true << false << "B9";
    QTest::newRow("bids not opened") << "Ann"
                                     << "B1" << false << false << "opened";
    QTest::newRow("moderation open") << "Ann"
                                     << "B1" << true << true << "locked";
}

void TestModeration::mayScore()
{
    QFETCH(QString, assessor);
    QFETCH(QString, bid);
    QFETCH(bool, openBids);
    QFETCH(bool, openModeration);
    QFETCH(QString, reasonMentions);

    Tender t = tender();
    if (!openBids)
        t.bidsOpenedAt = {};
    if (openModeration)
        t.moderationOpenedAt = at(4);
    const QString reason = whyNotScore(t, assessor, bid);
    QCOMPARE(CoCommission::mayScore(t, assessor, bid), reasonMentions.isEmpty());
    QCOMPARE(reason.isEmpty(), reasonMentions.isEmpty());
    if (!reasonMentions.isEmpty())
        QVERIFY2(reason.contains(reasonMentions), qPrintable(reason));
}

void TestModeration::rowsCoverEveryScoredCell()
{
    const Tender t = tender();
    const QList<ModerationRow> all = moderationRows(t, tree());
    // 3 bids × 3 scored leaves; the price leaf is computed, never a row.
    QCOMPARE(all.size(), 9);
    QCOMPARE(all[0].bidId, QString("B1"));
    QCOMPARE(all[0].criterionId, QString("delivery"));
    QCOMPARE(all[1].criterionId, QString("check"));
    QCOMPARE(all[2].criterionId, QString("social"));
    QCOMPARE(all[3].bidId, QString("B2"));
    QVERIFY(!findRow(all, "B1", "price"));

    const auto empty = findRow(all, "B2", "social");
    QVERIFY(empty);
    QVERIFY(!empty->hasScores());
    QVERIFY(!empty->provisional);
    QVERIFY(!empty->value());
    QCOMPARE(empty->spread, 0.0);

    const QList<ModerationRow> north = moderationRows(t, tree(), kNorth);
    QCOMPARE(north.size(), 6);
    QVERIFY(!findRow(north, "B3", "delivery"));
    const QList<ModerationRow> south = moderationRows(t, tree(), kSouth);
    QCOMPARE(south.size(), 3);
    QCOMPARE(south.first().bidId, QString("B3"));
}

void TestModeration::spreads_data()
{
    QTest::addColumn<Scores>("scores");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("spread");
    QTest::addColumn<bool>("flagged");

    QTest::newRow("one score") << Scores{3} << 3.0 << 3.0 << 3.0 << 0.0 << false;
    QTest::newRow("spread 1") << Scores{3, 4} << 3.5 << 3.0 << 4.0 << 1.0 << false;
    QTest::newRow("spread 1.5") << Scores{3, 4.5} << 3.75 << 3.0 << 4.5 << 1.5 << false;
    QTest::newRow("spread exactly 2 is flagged")
        << Scores{2, 4} << 3.0 << 2.0 << 4.0 << 2.0 << true;
    QTest::newRow("three, spread 4") << Scores{1, 5, 3} << 3.0 << 1.0 << 5.0 << 4.0 << true;
    QTest::newRow("identical") << Scores{4, 4, 4} << 4.0 << 4.0 << 4.0 << 0.0 << false;
}

void TestModeration::spreads()
{
    QFETCH(Scores, scores);
    QFETCH(double, mean);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, spread);
    QFETCH(bool, flagged);

    Tender t = tender();
    t.scores.clear();
    const QStringList names{"Ann", "Bob", "Cat"};
    for (qsizetype i = 0; i < scores.size(); ++i)
        t.scores << score(names[i], "B1", "delivery", scores[i]);
    const auto row = findRow(moderationRows(t, tree()), "B1", "delivery");
    QVERIFY(row);
    QCOMPARE(row->counted.size(), scores.size());
    QCOMPARE(row->mean, mean);
    QCOMPARE(row->min, min);
    QCOMPARE(row->max, max);
    QCOMPARE(row->spread, spread);
    QCOMPARE(row->flagged, flagged);
    QCOMPARE(row->provisional, std::optional<double>(mean)); // scale criterion: the mean
}

void TestModeration::provisionalPassFail_data()
{
    QTest::addColumn<QString>("bid");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("mean");

    // B1: Ann 1, Bob 1, Cat 0: one fail fails it, although the mean is 2/3.
    QTest::newRow("one counted fail") << "B1" << 0.0 << 2.0 / 3.0;
    // B2: Ann 1, Cat 1 and Bob's 0 not counted (conflict): a pass.
    QTest::newRow("every counted assessor passed") << "B2" << 1.0 << 1.0;
}

void TestModeration::provisionalPassFail()
{
    QFETCH(QString, bid);
    QFETCH(double, expected);
    QFETCH(double, mean);

    const auto row = findRow(moderationRows(tender(), tree()), bid, "check");
    QVERIFY(row);
    QVERIFY(row->provisional);
    QCOMPARE(*row->provisional, expected);
    QVERIFY(std::abs(row->mean - mean) < 1e-12);
    QVERIFY(!row->flagged); // a 0/1 spread never reaches 2

    const auto none = findRow(moderationRows(tender(), tree()), "B3", "check");
    QVERIFY(!none->provisional); // nobody scored
}

void TestModeration::consensusOverridesProvisional()
{
    Tender t = tender();
    t.moderationOpenedAt = at(4);
    t.consensus = {ModeratedScore{"B1", "delivery", 3.5, "Agreed after discussion.", at(5)},
                   ModeratedScore{"B1", "check", 1, "Cat's concern was answered.", at(5)}};
    const QList<ModerationRow> rows = moderationRows(t, tree());
    const auto delivery = findRow(rows, "B1", "delivery");
    QVERIFY(delivery->isAgreed());
    QCOMPARE(delivery->consensus->rationale, QString("Agreed after discussion."));
    QCOMPARE(*delivery->provisional, 4.0); // still reported
    QCOMPARE(*delivery->value(), 3.5);     // but the consensus counts
    QCOMPARE(*findRow(rows, "B1", "check")->value(), 1.0);
    const auto social = findRow(rows, "B1", "social");
    QVERIFY(!social->isAgreed());
    QCOMPARE(*social->value(), 2.5);
}

void TestModeration::alphaPublishedInterval()
{
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four
    // observers, twelve units, missing values; interval alpha = 0.849. Unit 12 has a single
    // value and is not pairable, so n = 40.
    //            1  2  3  4  5  6  7  8  9  10 11 12
    //   A        1  2  3  3  2  1  4  1  2  .  .  .
    //   B        1  2  3  3  2  2  4  1  2  5  .  3
    //   C        .  3  3  3  2  3  4  2  2  5  1  .
    //   D        1  2  3  3  2  4  4  1  2  5  1  .
    const Units units{{1, 1, 1},    {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3},
                      {2, 2, 2, 2}, {1, 2, 3, 4}, {4, 4, 4, 4}, {1, 1, 2, 1},
                      {2, 2, 2, 2}, {5, 5, 5},    {1, 1},       {3}};
    const InterRaterAgreement a = intervalAlpha(units);
    QVERIFY(a.alpha);
    QCOMPARE(a.values, 40);
    QCOMPARE(a.units, 11);
    QCOMPARE(std::round(*a.alpha * 1000) / 1000, 0.849);
    // Exactly: D_o = 13/30, D_e = 112/39, alpha = 1 - (13/30)/(112/39) = 0.8491071...
    QVERIFY(std::abs(*a.alpha - (1.0 - (13.0 / 30.0) / (112.0 / 39.0))) < 1e-12);
}

void TestModeration::alphaPublishedBinary()
{
    // Krippendorff (2011), section A: two observers, ten units, binary data, alpha = 0.095.
    // On 0/1 data the interval metric equals the nominal one: pass/fail criteria use it too.
    const QList<double> a{0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    const QList<double> b{1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    Units units;
    for (qsizetype i = 0; i < a.size(); ++i)
        units << QList<double>{a[i], b[i]};
    const InterRaterAgreement r = intervalAlpha(units);
    QVERIFY(r.alpha);
    QCOMPARE(std::round(*r.alpha * 1000) / 1000, 0.095);
    QVERIFY(std::abs(*r.alpha - 2.0 / 21.0) < 1e-12);
}

void TestModeration::alphaEdgeCases_data()
{
    QTest::addColumn<Units>("units");
    QTest::addColumn<bool>("defined");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<bool>("allIdentical");
    QTest::addColumn<int>("values");

    QTest::newRow("no units") << Units{} << false << 0.0 << false << 0;
    QTest::newRow("one value") << Units{{3}} << false << 0.0 << false << 0;
    QTest::newRow("single values only") << Units{{1}, {2}, {3}} << false << 0.0 << false << 0;
    QTest::newRow("all identical") << Units{{3, 3}, {3, 3, 3}} << false << 0.0 << true << 5;
    QTest::newRow("identical apart from an unpairable value")
        << Units{{3, 3}, {3, 3}, {5}} << false << 0.0 << true << 4;
    QTest::newRow("perfect agreement") << Units{{1, 1}, {2, 2}} << true << 1.0 << false << 4;
    QTest::newRow("perfect, unpairable ignored")
        << Units{{1, 1}, {2, 2}, {5}} << true << 1.0 << false << 4;
    // n = 4: D_o = (2 + 2) / 4 = 1; D_e = 8 / 12; alpha = 1 - 1.5 = -0.5.
    QTest::newRow("systematic disagreement") << Units{{1, 2}, {2, 1}} << true << -0.5 << false << 4;
    // n = 5, mean 4: D_o = ((2·(4+1+1))/2 + 0) / 5 = 6/5; D_e = 2·5·2 / 20 = 1; alpha = -0.2.
    QTest::newRow("uneven units") << Units{{3, 5, 4}, {4, 4}} << true << -0.2 << false << 5;
}

void TestModeration::alphaEdgeCases()
{
    QFETCH(Units, units);
    QFETCH(bool, defined);
    QFETCH(double, alpha);
    QFETCH(bool, allIdentical);
    QFETCH(int, values);

    const InterRaterAgreement a = intervalAlpha(units);
    QCOMPARE(a.isDefined(), defined);
    QCOMPARE(a.allIdentical, allIdentical);
    QCOMPARE(a.values, values);
    if (defined)
        QVERIFY2(std::abs(*a.alpha - alpha) < 1e-12, qPrintable(QString::number(*a.alpha)));
}

void TestModeration::agreementPerCriterion()
{
    const QList<InterRaterAgreement> all = interRaterAgreement(tender(), tree());
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].criterionId, QString("delivery"));
    QCOMPARE(all[1].criterionId, QString("check"));
    QCOMPARE(all[2].criterionId, QString("social"));

    // delivery, counted: B1 {3, 5, 4}, B2 {4, 4} (Bob's 1 left out), B3 {2} unpairable: -0.2.
    // Were Bob's 1 counted it would be -1/19.
    QCOMPARE(all[0].values, 5);
    QVERIFY(std::abs(*all[0].alpha - (-0.2)) < 1e-12);
    // check: B1 {1, 1, 0}, B2 {1, 1}: D_o = (4/2)/5 = 0.4, D_e = 2·5·0.8/20 = 0.4: alpha 0.
    QVERIFY(std::abs(*all[1].alpha) < 1e-12);
    // social: only B1 has two values {2, 3}: n = 2, D_o = 1, D_e = 1, alpha 0.
    QCOMPARE(all[2].values, 2);
    QVERIFY(std::abs(*all[2].alpha) < 1e-12);

    // South has one bid with one score: nothing to pair.
    const QList<InterRaterAgreement> south = interRaterAgreement(tender(), tree(), kSouth);
    QCOMPARE(south.size(), 3);
    QVERIFY(!south[0].isDefined());
    QVERIFY(!south[0].allIdentical);
}

void TestModeration::agreementText()
{
    InterRaterAgreement a;
    QCOMPARE(CoCommission::agreementText(a), QString("Too few scores to compare"));
    a.allIdentical = true;
    a.values = 4;
    QCOMPARE(CoCommission::agreementText(a), QString("All scores identical"));
    a.allIdentical = false;
    a.alpha = 0.8491;
    QCOMPARE(CoCommission::agreementText(a), QString::fromUtf8("\u03b1 = 0.85"));
}

QTEST_GUILESS_MAIN(TestModeration)
#include "tst_moderation.moc"
