#include "core/needs/choropleth.h"

#include <QTest>

#include <limits>

using namespace CoCommission;

class TestChoropleth : public QObject
{
    Q_OBJECT

private slots:
    void fiveEqualClassesFromLowestToHighest();
    void eachValueFallsInItsClass();
    void equalValuesMakeOneClass();
    void noValuesNoClasses();
};

void TestChoropleth::fiveEqualClassesFromLowestToHighest()
{
    const Choropleth c = Choropleth::equalIntervals({10, 60, 35, std::nan(""), 20});
    QCOMPARE(c.classes().size(), 5);
    QCOMPARE(c.classes().first().from, 10.0);
    QCOMPARE(c.classes().at(1).from, 20.0);
    QCOMPARE(c.classes().at(4).from, 50.0);
    QCOMPARE(c.classes().last().to, 60.0);
    // Light for low, dark for high.
    QVERIFY(c.classes().first().colour.lightness() > c.classes().last().colour.lightness());
}

void TestChoropleth::eachValueFallsInItsClass()
{
    const Choropleth c = Choropleth::equalIntervals({0, 100});
    QCOMPARE(c.classOf(0), 0);
    QCOMPARE(c.classOf(19.99), 0);
    QCOMPARE(c.classOf(20), 1); // a boundary belongs to the class above
    QCOMPARE(c.classOf(79.9), 3);
    QCOMPARE(c.classOf(100), 4); // the highest value is in the last class
    QCOMPARE(c.colourOf(100), c.classes().last().colour);
}

void TestChoropleth::equalValuesMakeOneClass()
{
    const Choropleth c = Choropleth::equalIntervals({7, 7, 7});
    QCOMPARE(c.classes().size(), 1);
    QCOMPARE(c.classOf(7), 0);
    QVERIFY(c.colourOf(7).isValid());
}

void TestChoropleth::noValuesNoClasses()
{
    const Choropleth c = Choropleth::equalIntervals({std::numeric_limits<double>::infinity()});
    QVERIFY(c.isEmpty());
    QCOMPARE(c.classOf(1), -1);
    QVERIFY(!c.colourOf(1).isValid());
}

QTEST_GUILESS_MAIN(TestChoropleth)
#include "tst_choropleth.moc"
