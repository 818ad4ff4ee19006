#include "core/priorities/priorityagreement.h"
#include "core/round/londonround.h"

#include <QTest>

#include <algorithm>

using namespace CoCommission;

class TestPriorityAgreement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void band_data();
    void band();
    void everyBandHasWordsAndTheKeyNamesTheBoundaries();

    void methodIsStated();
    void noRankingsMeansNoJointRanking();
    void jointRankingFollowsThePartnersOrder();
    void pointsSumUsesThePointsGiven();

private:
    QStringList keys() const;
    Round m_round;
};

void TestPriorityAgreement::initTestCase()
{
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_round = *demo;
}

QStringList TestPriorityAgreement::keys() const
{
    QStringList result;
    for (const PriorityGroup &g : m_round.priorityGroups)
        result.append(g.key);
    return result;
}

void TestPriorityAgreement::band_data()
{
    QTest::addColumn<std::optional<double>>("tau");
    QTest::addColumn<AgreementBand>("expected");
    QTest::addColumn<QString>("words");

    QTest::newRow("identical") << std::optional<double>(1.0) << AgreementBand::Strong
                               << "strong agreement";
    QTest::newRow("0.7 is strong")
        << std::optional<double>(0.7) << AgreementBand::Strong << "strong agreement";
    QTest::newRow("just under 0.7")
        << std::optional<double>(0.69) << AgreementBand::Moderate << "moderate agreement";
    QTest::newRow("0.3 is moderate")
        << std::optional<double>(0.3) << AgreementBand::Moderate << "moderate agreement";
    QTest::newRow("none") << std::optional<double>(0.0) << AgreementBand::Little
                          << "little agreement";
    QTest::newRow("-0.29") << std::optional<double>(-0.29) << AgreementBand::Little
                           << "little agreement";
    QTest::newRow("-0.3 disagrees")
        << std::optional<double>(-0.3) << AgreementBand::Disagree << "disagree";
    QTest::newRow("-0.7 strongly")
        << std::optional<double>(-0.7) << AgreementBand::StrongDisagree << "strongly disagree";
    QTest::newRow("reversed") << std::optional<double>(-1.0) << AgreementBand::StrongDisagree
                              << "strongly disagree";
    QTest::newRow("undefined") << std::optional<double>() << AgreementBand::Unknown
                               << "cannot be measured";
}

void TestPriorityAgreement::band()
{
    QFETCH(std::optional<double>, tau);
    QFETCH(AgreementBand, expected);
    QFETCH(QString, words);
    QCOMPARE(PriorityAgreement::band(tau), expected);
    QCOMPARE(PriorityAgreement::bandName(expected), words);
}

void TestPriorityAgreement::everyBandHasWordsAndTheKeyNamesTheBoundaries()
{
    for (AgreementBand b :
         {AgreementBand::Strong, AgreementBand::Moderate, AgreementBand::Little,
          AgreementBand::Disagree, AgreementBand::StrongDisagree, AgreementBand::Unknown})
        QVERIFY(!PriorityAgreement::bandName(b).isEmpty());
    const QString key = PriorityAgreement::bandsExplained();
    QVERIFY(key.contains("0.7"));
    QVERIFY(key.contains("0.3"));
    QVERIFY(key.contains("strong agreement"));
    QVERIFY(key.contains("disagree"));
}

void TestPriorityAgreement::methodIsStated()
{
    QCOMPARE(PriorityAgreement::methodName(RankingMethod::Borda), QStringLiteral("Borda count"));
    QCOMPARE(PriorityAgreement::methodName(RankingMethod::PointsSum), QStringLiteral("Points sum"));
    // Ten groups: the first scores 9, the next 8.
    const QString borda = PriorityAgreement::methodExplained(RankingMethod::Borda, 10);
    QVERIFY(borda.contains("9 points"));
    QVERIFY(borda.contains("8"));
}

void TestPriorityAgreement::noRankingsMeansNoJointRanking()
{
    const Cpa &cpa = m_round.adoptedPlan()->cpas.first();
    QVERIFY(PriorityAgreement::rankedBy(m_round, cpa).isEmpty());
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(m_round, cpa);
    QVERIFY(!joint);
    QVERIFY(!joint.errorMessage().isEmpty());
}

void TestPriorityAgreement::jointRankingFollowsThePartnersOrder()
{
    Round round = m_round;
    const Cpa cpa = round.adoptedPlan()->cpas.first();
    const QStringList partners = round.priorityPartners(cpa);
    QCOMPARE(partners.size(), 2);
    QStringList second = keys();
    std::swap(second[0], second[1]);
    // Recorded partnership first: the joint ranking still lists DWP first.
    PartnerRankingRecord partnership;
    partnership.cpa = cpa.id;
    partnership.partner = partners[1];
    partnership.order = second;
    PartnerRankingRecord dwp;
    dwp.cpa = cpa.id;
    dwp.partner = partners[0];
    dwp.order = keys();
    PartnerRankingRecord elsewhere = dwp;
    elsewhere.cpa = round.adoptedPlan()->cpas.last().id;
    round.rankings = {partnership, elsewhere, dwp};

    QCOMPARE(PriorityAgreement::rankedBy(round, cpa), partners);
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, cpa);
    QVERIFY2(joint, qPrintable(joint.errorMessage()));
    QCOMPARE(joint->method, RankingMethod::Borda);
    QCOMPARE(joint->agreements.size(), 1);
    QCOMPARE(joint->agreements.first().first, partners[0]);
    QCOMPARE(joint->agreements.first().second, partners[1]);
    // The two swapped groups tie at the top with 9 + 8 points each.
    QCOMPARE(joint->groups[0].score, 17.0);
    QVERIFY(joint->groups[0].tied);
    QVERIFY(joint->groups[1].tied);
    QCOMPARE(joint->groups[1].rank, 1);
    QVERIFY(!joint->groups[2].tied);
}

void TestPriorityAgreement::pointsSumUsesThePointsGiven()
{
    Round round = m_round;
    round.priorityMethod = RankingMethod::PointsSum;
    const Cpa cpa = round.adoptedPlan()->cpas.first();
    PartnerRankingRecord dwp;
    dwp.cpa = cpa.id;
    dwp.partner = QStringLiteral("DWP");
    dwp.order = keys();
    for (qsizetype i = 0; i < dwp.order.size(); ++i)
        dwp.points.append(i == dwp.order.size() - 1 ? 100 : 1); // all on the last group
    round.rankings = {dwp};
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, cpa);
    QVERIFY2(joint, qPrintable(joint.errorMessage()));
    QCOMPARE(joint->method, RankingMethod::PointsSum);
    QCOMPARE(joint->groups.first().group, keys().last());
    QCOMPARE(joint->groups.first().score, 100.0);
}

QTEST_GUILESS_MAIN(TestPriorityAgreement)
#include "tst_priorityagreement.moc"
