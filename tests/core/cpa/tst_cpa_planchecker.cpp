#include "core/cpa/planchecker.h"
#include "core/round/londonround.h"

#include <QRandomGenerator>
#include <QTest>

using namespace CoCommission;

class TestCpaPlanChecker : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithTheFullCheckAfterRandomMoves_data();
    void agreesWithTheFullCheckAfterRandomMoves();
    void movesAndFigures();
    void duplicatesAndUnknownCodesFromThePlan();

private:
    struct Case
    {
        QList<Authority> authorities;
        QList<Partnership> partnerships;
        Adjacency adjacency;
        CpaPlan plan;
        QHash<QString, double> values;
    };
    static Case london();
    static Case grid(int columns, int rows, int cpas);
};

TestCpaPlanChecker::Case TestCpaPlanChecker::london()
{
    const Round round = *LondonRound::demo();
    return {round.authorities, round.partnerships, *Adjacency::london(), *round.adoptedPlan(),
            latestValues(round, QStringLiteral("claimant_count"))};
}

TestCpaPlanChecker::Case TestCpaPlanChecker::grid(int columns, int rows, int cpas)
{
    Case c;
    QRandomGenerator random(7);
    const auto code = [&](int x, int y) {
        return QStringLiteral("G%1").arg(y * columns + x, 4, 10, QLatin1Char('0'));
    };
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x) {
            c.authorities.append({code(x, y), QStringLiteral("Cell %1,%2").arg(x).arg(y)});
            c.adjacency.addUnit(code(x, y));
            if (x > 0)
                c.adjacency.addEdge(code(x - 1, y), code(x, y), random.bounded(4) != 0);
            if (y > 0)
                c.adjacency.addEdge(code(x, y - 1), code(x, y), random.bounded(4) != 0);
            c.values.insert(code(x, y), random.bounded(1000));
        }
    }
    c.values.remove(code(1, 1)); // one unknown value
    for (int p = 0; p < 5; ++p) {
        Partnership partnership;
        partnership.id = PartnershipId(p + 1);
        partnership.name = QStringLiteral("Partnership %1").arg(p + 1);
        for (int i = p; i < c.authorities.size(); i += 5)
            partnership.members.append(c.authorities[i].gssCode);
        c.partnerships.append(partnership);
    }
    c.plan.name = QStringLiteral("Stripes");
    for (int k = 0; k < cpas; ++k)
        c.plan.cpas.append(Cpa{
            CpaId(k + 1), QStringLiteral("Stripe %1").arg(k + 1), QStringLiteral("#000000"), {}});
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x)
            c.plan.cpas[x * cpas / columns].members.append(code(x, y));
    }
    return c;
}

void TestCpaPlanChecker::agreesWithTheFullCheckAfterRandomMoves_data()
{
    QTest::addColumn<bool>("londonCase");
    QTest::addColumn<int>("rule"); // AdjacencyRule
    QTest::addColumn<quint32>("seed");

    QTest::newRow("London, legal boundaries") << true << int(AdjacencyRule::LegalBoundary) << 1u;
    QTest::newRow("London, land contact only") << true << int(AdjacencyRule::LandContactOnly) << 2u;
    QTest::newRow("12 x 10 grid, legal boundaries")
        << false << int(AdjacencyRule::LegalBoundary) << 3u;
    QTest::newRow("12 x 10 grid, land contact only")
        << false << int(AdjacencyRule::LandContactOnly) << 4u;
}

void TestCpaPlanChecker::agreesWithTheFullCheckAfterRandomMoves()
{
    QFETCH(bool, londonCase);
    QFETCH(int, rule);
    QFETCH(quint32, seed);

    const Case c = londonCase ? london() : grid(12, 10, 6);
    PlanCheckOptions options;
    options.rule = AdjacencyRule(rule);
    options.values = c.values;
    options.indicatorName = QStringLiteral("claimant count");
    options.minimumSize = londonCase ? 60000 : 9000;

    PlanChecker checker(c.authorities, c.partnerships, c.adjacency, options);
    checker.setPlan(c.plan);
    QCOMPARE(checker.result(),
             checkPlan(c.authorities, c.partnerships, c.plan, c.adjacency, options));

    // The test keeps its own assignment, so that the comparison does not rely on plan() alone.
    QHash<QString, int> cpaOf;
    for (qsizetype k = 0; k < c.plan.cpas.size(); ++k) {
        for (const QString &code : c.plan.cpas[k].members)
            cpaOf.insert(code, int(k));
    }
    QRandomGenerator random(seed);
    const int cpas = int(c.plan.cpas.size());
    for (int i = 0; i < 400; ++i) {
        const int authority = int(random.bounded(checker.authorityCount()));
        const int to = int(random.bounded(cpas + 1)) - 1; // -1: into no CPA
        const QString code = checker.code(authority);
        const bool changes = cpaOf.value(code, -1) != to;
        QCOMPARE(checker.move(authority, to), changes);
        if (to < 0)
            cpaOf.remove(code);
        else
            cpaOf.insert(code, to);

        CpaPlan expected = c.plan;
        for (Cpa &cpa : expected.cpas)
            cpa.members.clear();
        for (const Authority &a : c.authorities) {
            if (cpaOf.contains(a.gssCode))
                expected.cpas[cpaOf.value(a.gssCode)].members.append(a.gssCode);
        }
        QCOMPARE(checker.plan(), expected);
        const PlanCheck full =
            checkPlan(c.authorities, c.partnerships, expected, c.adjacency, options);
        const PlanCheck incremental = checker.result();
        if (incremental != full) {
            qWarning() << "after move" << i << incremental.problemTexts() << full.problemTexts();
            QFAIL("the incremental check disagrees with checkPlan()");
        }
        for (int k = 0; k < cpas; ++k) {
            QCOMPARE(checker.componentCount(k), full.cpas[k].components);
            QCOMPARE(checker.memberCount(k), int(full.cpas[k].members.size()));
            QCOMPARE(checker.total(k), full.cpas[k].total.value_or(0));
        }
    }
}

void TestCpaPlanChecker::movesAndFigures()
{
    const Case c = london();
    PlanCheckOptions options;
    options.rule = AdjacencyRule::LandContactOnly;
    PlanChecker checker(c.authorities, c.partnerships, c.adjacency, options);
    checker.setPlan(c.plan);
    QCOMPARE(checker.cpaCount(), 4);
    QCOMPARE(checker.componentCount(0), 2); // Central London Forward, north and south
    QCOMPARE(checker.componentCount(1), 2); // Local London

    // Southwark, Lambeth, Lewisham and Wandsworth (CLF south of the river) to the South London
    // Partnership: CLF becomes contiguous and the SLP CPA cuts CLF.
    const int slp = 3;
    for (const char *code : {"E09000028", "E09000022", "E09000023", "E09000032"})
        QVERIFY(checker.move(QString::fromLatin1(code), slp));
    QCOMPARE(checker.componentCount(0), 1);
    QCOMPARE(checker.componentCount(slp), 1);
    QVERIFY(!checker.move(QStringLiteral("E09000028"), slp)); // already there
    QVERIFY(!checker.move(QStringLiteral("E09000099"), slp)); // not an authority
    const PlanCheck check = checker.result();
    QCOMPARE(check.cpas[slp].splitPartnerships,
             QStringList{QStringLiteral("Central London Forward")});
    QCOMPARE(check.cpas[0].splitPartnerships,
             QStringList{QStringLiteral("Central London Forward")});
    QCOMPARE(check.partnerships[0].cpas, (QStringList{QStringLiteral("Central London Forward"),
                                                      QStringLiteral("South London Partnership")}));

    QVERIFY(checker.move(QStringLiteral("E09000001"), -1));
    QCOMPARE(checker.cpaOf(checker.indexOfAuthority(QStringLiteral("E09000001"))), -1);
    QCOMPARE(checker.result().unassigned, QStringList{QStringLiteral("E09000001")});
}

void TestCpaPlanChecker::duplicatesAndUnknownCodesFromThePlan()
{
    Case c = london();
    c.plan.cpas[1].members.append(QStringLiteral("E09000001")); // City in Local London too
    c.plan.cpas[2].members.prepend(QStringLiteral("E09000099"));
    PlanCheckOptions options;
    options.values = c.values;
    PlanChecker checker(c.authorities, c.partnerships, c.adjacency, options);
    checker.setPlan(c.plan);
    const PlanCheck initial = checker.result();
    QCOMPARE(initial, checkPlan(c.authorities, c.partnerships, c.plan, c.adjacency, options));
    QCOMPARE(initial.duplicated, QStringList{QStringLiteral("E09000001")});
    QCOMPARE(initial.unknown, QStringList{QStringLiteral("E09000099")});
    QCOMPARE(checker.result(),
             checkPlan(c.authorities, c.partnerships, checker.plan(), c.adjacency, options));

    // Painting the City into the CPA it is counted in settles the duplicate.
    QVERIFY(checker.move(QStringLiteral("E09000001"), 0));
    QVERIFY(checker.result().duplicated.isEmpty());
    QVERIFY(!checker.plan().cpas[1].members.contains(QStringLiteral("E09000001")));
    QCOMPARE(checker.result(),
             checkPlan(c.authorities, c.partnerships, checker.plan(), c.adjacency, options));
    QCOMPARE(checker.result().unknown, QStringList{QStringLiteral("E09000099")});
}

QTEST_GUILESS_MAIN(TestCpaPlanChecker)
#include "tst_cpa_planchecker.moc"
