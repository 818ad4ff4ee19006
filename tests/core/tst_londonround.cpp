#include "core/needs/indicators.h"
#include "core/round/londonround.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace CoCommission;

class TestLondonRound : public QObject
{
    Q_OBJECT

private slots:
    void thirtyThreeAuthoritiesWithTheirCodes();
    void fourPartnerships_data();
    void fourPartnerships();
    void matchesTheSharedReferenceData();
    void demoPlanCoversEveryAuthorityOnce();
    void demoFiguresAreMarkedIllustrative();
    void latestValueAndClaimantRate();
};

void TestLondonRound::thirtyThreeAuthoritiesWithTheirCodes()
{
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    QCOMPARE(round.authorities.size(), 33);
    QSet<QString> codes;
    for (const Authority &a : round.authorities) {
        QVERIFY(!a.name.isEmpty());
        codes.insert(a.gssCode);
    }
    for (int i = 1; i <= 33; ++i)
        QVERIFY(codes.contains(QStringLiteral("E090000%1").arg(i, 2, 10, QLatin1Char('0'))));
    QCOMPARE(round.authority(QStringLiteral("E09000033"))->name, QStringLiteral("Westminster"));
    QCOMPARE(round.authority(QStringLiteral("E09000001"))->name, QStringLiteral("City of London"));
    QVERIFY(round.plans.isEmpty());
    QVERIFY(round.datasets.isEmpty());
}

void TestLondonRound::fourPartnerships_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("members");
    QTest::addColumn<QString>("oneMember");
    QTest::newRow("CLF") << "Central London Forward" << 12 << "E09000019";
    QTest::newRow("Local London") << "Local London" << 9 << "E09000006"; // Bromley
    QTest::newRow("WLA") << "West London Alliance" << 7 << "E09000009";
    QTest::newRow("SLP") << "South London Partnership" << 5 << "E09000029";
}

void TestLondonRound::fourPartnerships()
{
    QFETCH(QString, name);
    QFETCH(int, members);
    QFETCH(QString, oneMember);
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    QCOMPARE(round.partnerships.size(), 4);
    const auto it = std::find_if(round.partnerships.begin(), round.partnerships.end(),
                                 [&](const Partnership &p) { return p.name == name; });
    QVERIFY(it != round.partnerships.end());
    QCOMPARE(it->members.size(), members);
    QVERIFY(it->members.contains(oneMember));
}

void TestLondonRound::matchesTheSharedReferenceData()
{
    const QString shared = TestSupport::sharedDir();
    if (shared.isEmpty())
        QSKIP("../shared is not beside this checkout: the reference data cannot be compared");
    QFile file(shared + QStringLiteral("/data/london/authorities.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    file.readLine();
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    int rows = 0;
    while (!file.atEnd()) {
        const QStringList f = QString::fromUtf8(file.readLine()).trimmed().split(u',');
        if (f.size() != 3)
            continue;
        ++rows;
        QVERIFY2(round.authority(f[0]), qPrintable(f[0]));
        QCOMPARE(round.authority(f[0])->name, f[1]);
    }
    QCOMPARE(rows, 33);
}

void TestLondonRound::demoPlanCoversEveryAuthorityOnce()
{
    const Round demo = *LondonRound::demo();
    QCOMPARE(demo.model, DevolutionModel::CoCommissioning);
    const CpaPlan *plan = demo.adoptedPlan();
    QVERIFY(plan);
    QCOMPARE(plan->cpas.size(), 4);
    const PlanCoverage coverage = planCoverage(demo, *plan);
    QVERIFY(coverage.isComplete());
    // Aligned with the partnerships.
    for (const Cpa &cpa : plan->cpas) {
        const auto it = std::find_if(demo.partnerships.begin(), demo.partnerships.end(),
                                     [&](const Partnership &p) { return p.name == cpa.name; });
        QVERIFY(it != demo.partnerships.end());
        QCOMPARE(cpa.members, it->members);
    }
}

void TestLondonRound::demoFiguresAreMarkedIllustrative()
{
    const Round demo = *LondonRound::demo();
    QVERIFY(demo.hasIllustrativeFigures());
    QCOMPARE(demo.datasets.size(), 1);
    const NeedsDataset &d = demo.datasets.first();
    QVERIFY(d.illustrative);
    QVERIFY(d.source.contains(QStringLiteral("not official statistics")));
    QCOMPARE(d.observations.size(), 33 * 4);
    for (const Observation &o : d.observations)
        QVERIFY(o.value >= 0);
}

void TestLondonRound::latestValueAndClaimantRate()
{
    Round demo = *LondonRound::demo();
    const QString city = QStringLiteral("E09000001");
    QCOMPARE(demo.latestValue(city, QStringLiteral("population_16_64")), 7000.0);
    QCOMPARE(demo.latestValue(city, QStringLiteral("claimant_count")), 273.0);
    const QString rate = demo.ratios.first().key(); // "Claimant rate (%)"
    const QString may = QStringLiteral("2024-05");
    QCOMPARE(Indicators(demo).value(rate, {city}, may), 273.0 / 7000.0 * 100.0);
    QCOMPARE(demo.latestValue(city, QStringLiteral("no_such_measure")), std::nullopt);

    // A later date wins, wherever it stands.
    demo.datasets.first().observations.prepend(
        {city, QStringLiteral("claimant_count"), QStringLiteral("2025-01"), 350});
    QCOMPARE(demo.latestValue(city, QStringLiteral("claimant_count")), 350.0);

    demo.datasets.first().observations.removeIf([&](const Observation &o) {
        return o.gssCode == city && o.measure == QLatin1String("population_16_64");
    });
    QCOMPARE(Indicators(demo).value(rate, {city}, may), std::nullopt);
}

QTEST_GUILESS_MAIN(TestLondonRound)
#include "tst_londonround.moc"
