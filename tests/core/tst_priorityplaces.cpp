#include "core/priorities/priorityplaces.h"

#include <QTest>

using namespace CoCommission;
using namespace CoCommission::PriorityPlaces;

using Values = QHash<QString, double>; // one macro argument

class TestPriorityPlaces : public QObject
{
    Q_OBJECT

private slots:
    void percentile_data();
    void percentile();
    void percentileOfNothingIsEmpty();

    void topQuartile_data();
    void topQuartile();
    void topQuartileOfNothingIsEmpty();
    void aQuarterOfThirtyThreeDistinctValues();
};

void TestPriorityPlaces::percentile_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");

    QTest::newRow("whole position") << QList<double>{5, 1, 4, 2, 3} << 75.0 << 4.0;
    QTest::newRow("interpolated") << QList<double>{1, 2, 3, 4} << 75.0 << 3.25;
    QTest::newRow("one value") << QList<double>{7.5} << 75.0 << 7.5;
    QTest::newRow("0th is the least") << QList<double>{3, -2, 9} << 0.0 << -2.0;
    QTest::newRow("100th is the most") << QList<double>{3, -2, 9} << 100.0 << 9.0;
    QTest::newRow("median of even count") << QList<double>{10, 20, 30, 40} << 50.0 << 25.0;
    QTest::newRow("repeated values") << QList<double>{2, 2, 2, 2} << 75.0 << 2.0;
}

void TestPriorityPlaces::percentile()
{
    QFETCH(QList<double>, values);
    QFETCH(double, p);
    QFETCH(double, expected);
    const std::optional<double> result = PriorityPlaces::percentile(values, p);
    QVERIFY(result);
    QCOMPARE(*result, expected);
}

void TestPriorityPlaces::percentileOfNothingIsEmpty()
{
    QCOMPARE(PriorityPlaces::percentile({}, 75), std::nullopt);
}

void TestPriorityPlaces::topQuartile_data()
{
    QTest::addColumn<Values>("values");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QStringList>("codes");

    // Sorted 1..8: position 5.25, so the threshold is 6.25 and 7 and 8 are in.
    QTest::newRow("eight distinct")
        << Values{{"A", 1}, {"B", 2}, {"C", 3}, {"D", 4}, {"E", 5}, {"F", 6}, {"G", 7}, {"H", 8}}
        << 6.25 << QStringList{"H", "G"};
    // Sorted 1..5: position 3, the threshold is 4 itself and "at or above" takes it in.
    QTest::newRow("threshold is a value")
        << Values{{"A", 1}, {"B", 2}, {"C", 3}, {"D", 4}, {"E", 5}} << 4.0 << QStringList{"E", "D"};
    // Ties are not broken: all three at the threshold are in, more than a quarter.
    QTest::newRow("ties at the threshold")
        << Values{{"A", 1}, {"B", 2}, {"E", 3}, {"C", 3}, {"D", 3}} << 3.0
        << QStringList{"C", "D", "E"};
    QTest::newRow("all equal") << Values{{"B", 4}, {"A", 4}} << 4.0 << QStringList{"A", "B"};
    QTest::newRow("one authority") << Values{{"A", 0.5}} << 0.5 << QStringList{"A"};
    QTest::newRow("negative values") << Values{{"A", -4}, {"B", -3}, {"C", -2}, {"D", -1}, {"E", 0}}
                                     << -1.0 << QStringList{"E", "D"};
}

void TestPriorityPlaces::topQuartile()
{
    QFETCH(Values, values);
    QFETCH(double, threshold);
    QFETCH(QStringList, codes);
    const std::optional<TopQuartile> result = PriorityPlaces::topQuartile(values);
    QVERIFY(result);
    QCOMPARE(result->threshold, threshold);
    QCOMPARE(result->codes, codes);
}

void TestPriorityPlaces::topQuartileOfNothingIsEmpty()
{
    QVERIFY(!PriorityPlaces::topQuartile({}));
}

void TestPriorityPlaces::aQuarterOfThirtyThreeDistinctValues()
{
    // London's 33 authorities: position 24 of 0..32, so the nine highest are in.
    Values values;
    for (int i = 1; i <= 33; ++i)
        values.insert(QStringLiteral("E090000%1").arg(i, 2, 10, QLatin1Char('0')), i * 0.1);
    const std::optional<TopQuartile> result = PriorityPlaces::topQuartile(values);
    QVERIFY(result);
    QCOMPARE(result->codes.size(), 9);
    QCOMPARE(result->codes.first(), QStringLiteral("E09000033"));
    QCOMPARE(result->codes.last(), QStringLiteral("E09000025"));
}

QTEST_GUILESS_MAIN(TestPriorityPlaces)
#include "tst_priorityplaces.moc"
