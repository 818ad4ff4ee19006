#include "core/priorities/jointranking.h"

#include <QTest>

using namespace CoCommission;

class TestJointRanking : public QObject
{
    Q_OBJECT

private slots:
    void kendallTau_data();
    void kendallTau();
    void bordaCombinesRankings();
    void bordaReportsTies();
    void pointsSum();
    void agreementAndSpread();
    void incompleteRankingsAreRefused_data();
    void incompleteRankingsAreRefused();
};

using Scores = QList<double>;

void TestJointRanking::kendallTau_data()
{
    QTest::addColumn<Scores>("a");
    QTest::addColumn<Scores>("b");
    QTest::addColumn<double>("tau");
    QTest::newRow("identical") << Scores{4, 3, 2, 1} << Scores{4, 3, 2, 1} << 1.0;
    QTest::newRow("reversed") << Scores{4, 3, 2, 1} << Scores{1, 2, 3, 4} << -1.0;
    // One swapped pair of six: (5 - 1) / 6.
    QTest::newRow("one swap") << Scores{4, 3, 2, 1} << Scores{4, 2, 3, 1} << 4.0 / 6.0;
    // tau-b with a tie in b: 5 concordant, 0 discordant, 1 pair tied in b only:
    // 5 / sqrt((5 + 0) * (5 + 1)).
    QTest::newRow("tie in one ranking")
        << Scores{4, 3, 2, 1} << Scores{4, 3, 3, 1} << 5.0 / std::sqrt(30.0);
}

void TestJointRanking::kendallTau()
{
    QFETCH(Scores, a);
    QFETCH(Scores, b);
    QFETCH(double, tau);
    const auto result = JointRankingCalculator::kendallTau(a, b);
    QVERIFY(result);
    QVERIFY2(std::abs(*result - tau) < 1e-12, qPrintable(QString::number(*result)));
    QCOMPARE(JointRankingCalculator::kendallTau({1, 1}, {2, 2}), std::nullopt);
    QCOMPARE(JointRankingCalculator::kendallTau({1}, {1}), std::nullopt);
}

void TestJointRanking::bordaCombinesRankings()
{
    const QStringList groups{"esa", "jsa12", "lone", "young"};
    const QList<PartnerRanking> rankings{
        {"DWP", {"esa", "jsa12", "lone", "young"}, {}},          // esa 3, jsa12 2, lone 1, young 0
        {"Local London", {"jsa12", "esa", "young", "lone"}, {}}, // jsa12 3, esa 2, young 1
        {"CLF", {"esa", "young", "jsa12", "lone"}, {}},          // esa 3, young 2, jsa12 1
    };
    const auto joint = JointRankingCalculator::compute(groups, rankings);
    QVERIFY2(joint, qPrintable(joint.errorMessage()));
    QCOMPARE(joint->groups.size(), 4);
    QCOMPARE(joint->groups.at(0).group, QStringLiteral("esa")); // 8
    QCOMPARE(joint->groups.at(0).score, 8.0);
    QCOMPARE(joint->groups.at(1).group, QStringLiteral("jsa12")); // 6
    QCOMPARE(joint->groups.at(2).group, QStringLiteral("young")); // 3
    QCOMPARE(joint->groups.at(3).group, QStringLiteral("lone"));  // 1
    QVERIFY(!joint->hasTies());
    QCOMPARE(joint->groups.at(0).bestRank, 1);
    QCOMPARE(joint->groups.at(0).worstRank, 2);
}

void TestJointRanking::bordaReportsTies()
{
    const QStringList groups{"a", "b", "c"};
    const QList<PartnerRanking> rankings{{"P", {"a", "b", "c"}, {}}, {"Q", {"b", "a", "c"}, {}}};
    const auto joint = JointRankingCalculator::compute(groups, rankings);
    QVERIFY(joint);
    QVERIFY(joint->hasTies());
    QCOMPARE(joint->groups.at(0).rank, 1);
    QCOMPARE(joint->groups.at(1).rank, 1);
    QVERIFY(joint->groups.at(0).tied && joint->groups.at(1).tied);
    QCOMPARE(joint->groups.at(2).rank, 3);
    QVERIFY(!joint->groups.at(2).tied);
    QCOMPARE(joint->agreements.size(), 1);
    QCOMPARE(*joint->agreements.first().tau, 1.0 / 3.0);
}

void TestJointRanking::pointsSum()
{
    const QStringList groups{"a", "b"};
    QList<PartnerRanking> rankings{{"P", {}, {{"a", 70}, {"b", 30}}},
                                   {"Q", {}, {{"a", 20}, {"b", 80}}}};
    const auto joint = JointRankingCalculator::compute(groups, rankings, RankingMethod::PointsSum);
    QVERIFY(joint);
    QCOMPARE(joint->groups.at(0).group, QStringLiteral("b"));
    QCOMPARE(joint->groups.at(0).score, 110.0);
    QCOMPARE(joint->agreements.first().tau, -1.0);
}

void TestJointRanking::agreementAndSpread()
{
    const QStringList groups{"a", "b", "c", "d"};
    const QList<PartnerRanking> rankings{{"P", {"a", "b", "c", "d"}, {}},
                                         {"Q", {"a", "b", "c", "d"}, {}},
                                         {"R", {"d", "b", "c", "a"}, {}}};
    const auto joint = JointRankingCalculator::compute(groups, rankings);
    QVERIFY(joint);
    QCOMPARE(joint->agreements.size(), 3);
    QCOMPARE(joint->agreements.at(0).tau, 1.0); // P and Q agree
    QVERIFY(*joint->agreements.at(1).tau < 0.5);
    QCOMPARE(joint->widestSpread, (QStringList{"a", "d"})); // ranked 1st and 4th
}

void TestJointRanking::incompleteRankingsAreRefused_data()
{
    QTest::addColumn<QList<PartnerRanking>>("rankings");
    QTest::addColumn<int>("method");
    QTest::newRow("missing group") << QList<PartnerRanking>{{"P", {"a"}, {}}} << 0;
    QTest::newRow("repeated group") << QList<PartnerRanking>{{"P", {"a", "a"}, {}}} << 0;
    QTest::newRow("unknown group") << QList<PartnerRanking>{{"P", {"a", "z"}, {}}} << 0;
    QTest::newRow("no partner") << QList<PartnerRanking>{} << 0;
    QTest::newRow("negative points")
        << QList<PartnerRanking>{{"P", {}, {{"a", 1}, {"b", -1}}}} << 1;
    QTest::newRow("points missing") << QList<PartnerRanking>{{"P", {}, {{"a", 1}}}} << 1;
}

void TestJointRanking::incompleteRankingsAreRefused()
{
    QFETCH(QList<PartnerRanking>, rankings);
    QFETCH(int, method);
    const auto joint = JointRankingCalculator::compute({"a", "b"}, rankings, RankingMethod(method));
    QVERIFY(!joint);
    QVERIFY(!joint.errorMessage().isEmpty());
}

QTEST_GUILESS_MAIN(TestJointRanking)
#include "tst_jointranking.moc"
