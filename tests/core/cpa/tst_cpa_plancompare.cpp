#include "core/cpa/plancompare.h"
#include "core/round/londonround.h"

#include <QTest>

using namespace CoCommission;

class TestCpaPlanCompare : public QObject
{
    Q_OBJECT

private slots:
    void movedAuthoritiesAndBothChecks();
    void identicalPlansMoveNothing();
};

void TestCpaPlanCompare::movedAuthoritiesAndBothChecks()
{
    const Round round = *LondonRound::demo();
    const CpaPlan first = *round.adoptedPlan();
    CpaPlan second = first;
    second.name = QStringLiteral("South of the river together");
    // Southwark from CLF to SLP; Bexley out of every CPA.
    second.cpas[0].members.removeAll(QStringLiteral("E09000028"));
    second.cpas[3].members.append(QStringLiteral("E09000028"));
    second.cpas[1].members.removeAll(QStringLiteral("E09000004"));

    PlanCheckOptions options;
    options.values = latestValues(round, QStringLiteral("claimant_count"));
    const PlanComparison comparison = comparePlans(round.authorities, round.partnerships, first,
                                                   second, *Adjacency::london(), options);

    QCOMPARE(comparison.moved.size(), 2);
    // In the round's order: Bexley (E09000004) before Southwark (E09000028).
    QCOMPARE(comparison.moved[0],
             (AuthorityMove{QStringLiteral("E09000004"), QStringLiteral("Bexley"),
                            QStringLiteral("Local London"), QString()}));
    QCOMPARE(comparison.moved[1],
             (AuthorityMove{QStringLiteral("E09000028"), QStringLiteral("Southwark"),
                            QStringLiteral("Central London Forward"),
                            QStringLiteral("South London Partnership")}));
    QCOMPARE(comparison.first.planName, first.name);
    QCOMPARE(comparison.second.planName, second.name);
    QVERIFY(comparison.first.ok());
    QVERIFY(!comparison.second.ok());
    QCOMPARE(comparison.second.unassigned, QStringList{QStringLiteral("E09000004")});
    const double southwark = options.values.value(QStringLiteral("E09000028"));
    QCOMPARE(*comparison.second.cpas[3].total, *comparison.first.cpas[3].total + southwark);
}

void TestCpaPlanCompare::identicalPlansMoveNothing()
{
    const Round round = *LondonRound::demo();
    const PlanComparison comparison =
        comparePlans(round.authorities, round.partnerships, *round.adoptedPlan(),
                     *round.adoptedPlan(), *Adjacency::london());
    QVERIFY(comparison.moved.isEmpty());
    QCOMPARE(comparison.first, comparison.second);
}

QTEST_GUILESS_MAIN(TestCpaPlanCompare)
#include "tst_cpa_plancompare.moc"
