#include "core/round/round.h"
#include "core/supply/coverage.h"

#include <QTest>

using namespace CoCommission;

/**
 * The coverage matrix (supplyCoverage()) on a small round worked by hand: which rows it shows,
 * the counts and names in each cell, where the gaps are (priorities from a decision, an
 * agreement or the whole catalogue), and each CPA's voluntary and community and SME shares.
 */
class TestCoverage : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreTheChosenGroupsInCatalogueOrder();
    void cells_data();
    void cells();
    void gaps();
    void shares();
    void wholeCatalogueWhenNothingIsChosen();
    void decisionWithoutAnOrderFallsBackToTheAgreement();
    void groupMissingFromTheCatalogue();
    void withoutAnAdoptedPlan();
};

namespace {

const CpaId kNorth(1); // decision: homelessness, esa_wrag (overrides its agreement)
const CpaId kSouth(2); // agreement: lone_parents
const CpaId kEast(3);  // neither: the whole catalogue

/*
 * Four authorities A1-A4; North = A1 A2, South = A3, East = A4.
 * Catalogue: esa_wrag, homelessness, care_leavers, lone_parents.
 * Providers (serving):
 *   Hope Housing    VCS, SME   homelessness    A1        North
 *   MindWorks       VCS        mental_health   A2 A3     North, South
 *   Big Training    private    skills          A1 A3 A4  North, South, East
 *   Family Matters  public SME families        A4        East
 *   Nowhere Ltd     private    care_leavers    -         none
 * Rows: the groups chosen by North's decision and South's agreement, in catalogue order:
 * esa_wrag, homelessness, lone_parents (care_leavers is nobody's choice).
 */
Round handRound()
{
    Round r;
    r.authorities = {{"A1", "One"}, {"A2", "Two"}, {"A3", "Three"}, {"A4", "Four"}};
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.name = "Plan";
    plan.adopted = true;
    plan.cpas = {Cpa{kNorth, "North", "#ff0000", {"A1", "A2"}},
                 Cpa{kSouth, "South", "#00ff00", {"A3"}}, Cpa{kEast, "East", "#0000ff", {"A4"}}};
    r.plans = {plan};
    r.priorityGroups = {PriorityGroup{"esa_wrag", "ESA work-related activity group", {}},
                        PriorityGroup{"homelessness", "Homeless people", {}},
                        PriorityGroup{"care_leavers", "Care leavers", {}},
                        PriorityGroup{"lone_parents", "Lone parents", {}}};
    r.decisions = {PriorityDecision{kNorth, {"homelessness", "esa_wrag"}, "Why", {}}};
    r.agreements = {LabourMarketAgreement{kNorth, {}, {}, {"care_leavers"}, {}},
                    LabourMarketAgreement{kSouth, {}, {}, {"lone_parents"}, {}}};
    return r;
}

SupplyMarket handSupply()
{
    SupplyMarket s;
    s.providers = {
        {"Hope Housing", ProviderSector::VoluntaryCommunity, true, {"homelessness"}, {"A1"}, {}},
        {"MindWorks",
         ProviderSector::VoluntaryCommunity,
         false,
         {"mental_health"},
         {"A2", "A3"},
         {}},
        {"Big Training", ProviderSector::Private, false, {"skills"}, {"A1", "A3", "A4"}, {}},
        {"Family Matters", ProviderSector::Public, true, {"families"}, {"A4"}, {}},
        {"Nowhere Ltd", ProviderSector::Private, false, {"care_leavers"}, {}, {}},
    };
    return s;
}

QStringList keys(const QList<PriorityGroup> &groups)
{
    QStringList out;
    for (const PriorityGroup &g : groups)
        out << g.key;
    return out;
}

} // namespace

void TestCoverage::rowsAreTheChosenGroupsInCatalogueOrder()
{
    const CoverageMatrix m = supplyCoverage(handRound(), handSupply());
    QCOMPARE(keys(m.groups), (QStringList{"esa_wrag", "homelessness", "lone_parents"}));
    QVERIFY(!m.wholeCatalogue);
    QCOMPARE(m.cpas.size(), 3);
    QCOMPARE(m.cpas[0].name, QStringLiteral("North"));
    QCOMPARE(m.cpas[2].cpa, kEast);
    QCOMPARE(m.cells.size(), 3);
    for (const QList<CoverageCell> &row : m.cells)
        QCOMPARE(row.size(), 3);
}

void TestCoverage::cells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("providers");
    QTest::addColumn<bool>("priority");
    QTest::addColumn<bool>("gap");

    // esa_wrag is served by health, mental_health, disability: MindWorks, in North and South.
    QTest::newRow("esa_wrag North") << 0 << 0 << QStringList{"MindWorks"} << true << false;
    QTest::newRow("esa_wrag South, not its priority")
        << 0 << 1 << QStringList{"MindWorks"} << false << false;
    QTest::newRow("esa_wrag East, catalogue") << 0 << 2 << QStringList{} << true << true;
    QTest::newRow("homelessness North") << 1 << 0 << QStringList{"Hope Housing"} << true << false;
    QTest::newRow("homelessness South, empty but not a priority")
        << 1 << 1 << QStringList{} << false << false;
    QTest::newRow("homelessness East, catalogue") << 1 << 2 << QStringList{} << true << true;
    // lone_parents is served by lone_parents and families: Family Matters, in East only.
    QTest::newRow("lone_parents North, not its priority")
        << 2 << 0 << QStringList{} << false << false;
    QTest::newRow("lone_parents South, agreement") << 2 << 1 << QStringList{} << true << true;
    QTest::newRow("lone_parents East") << 2 << 2 << QStringList{"Family Matters"} << true << false;
}

void TestCoverage::cells()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QStringList, providers);
    QFETCH(bool, priority);
    QFETCH(bool, gap);

    const CoverageMatrix m = supplyCoverage(handRound(), handSupply());
    const CoverageCell &cell = m.cell(row, column);
    QCOMPARE(cell.providers, providers);
    QCOMPARE(cell.count(), int(providers.size()));
    QCOMPARE(cell.priority, priority);
    QCOMPARE(cell.gap, gap);
}

void TestCoverage::gaps()
{
    Round round = handRound();
    round.plans[0].cpas[0].name = "Central London Forward";
    const CoverageMatrix m = supplyCoverage(round, handSupply());
    QCOMPARE(m.gaps.size(), 3);
    QCOMPARE(m.gaps[0].group, QStringLiteral("esa_wrag"));
    QCOMPARE(m.gaps[0].cpa, kEast);
    QCOMPARE(m.gaps[0].message,
             QStringLiteral("No specialist provider for ESA work-related activity group in East."));
    QCOMPARE(m.gaps[1].message,
             QStringLiteral("No specialist provider for homeless people in East."));
    QCOMPARE(m.gaps[2].message,
             QStringLiteral("No specialist provider for lone parents in South."));

    // Remove MindWorks: North loses its only esa_wrag specialist.
    SupplyMarket s = handSupply();
    s.providers.removeAt(1);
    const CoverageMatrix without = supplyCoverage(round, s);
    QCOMPARE(without.gaps.size(), 4);
    QCOMPARE(without.gaps[0].message,
             QStringLiteral("No specialist provider for ESA work-related activity group in "
                            "Central London Forward."));
}

void TestCoverage::shares()
{
    const CoverageMatrix m = supplyCoverage(handRound(), handSupply());
    // North: Hope Housing, MindWorks, Big Training: 2 of 3 VCS, 1 of 3 SME.
    const CpaSupply &north = m.cpas[0];
    QCOMPARE(north.providers, (QStringList{"Hope Housing", "MindWorks", "Big Training"}));
    QCOMPARE(north.voluntaryCommunity, 2);
    QCOMPARE(north.voluntaryCommunityShare, 2.0 / 3.0);
    QCOMPARE(north.smes, 1);
    QCOMPARE(north.smeShare, 1.0 / 3.0);
    // South: MindWorks, Big Training: 1 of 2 VCS, no SME.
    const CpaSupply &south = m.cpas[1];
    QCOMPARE(south.providers, (QStringList{"MindWorks", "Big Training"}));
    QCOMPARE(south.voluntaryCommunityShare, 0.5);
    QCOMPARE(south.smeShare, 0.0);
    // East: Big Training, Family Matters: no VCS, 1 of 2 SME.
    const CpaSupply &east = m.cpas[2];
    QCOMPARE(east.providers, (QStringList{"Big Training", "Family Matters"}));
    QCOMPARE(east.voluntaryCommunityShare, 0.0);
    QCOMPARE(east.smeShare, 0.5);

    // A CPA nobody serves has shares of 0, not NaN.
    const CoverageMatrix empty = supplyCoverage(handRound(), SupplyMarket{});
    for (const CpaSupply &c : empty.cpas) {
        QVERIFY(c.providers.isEmpty());
        QCOMPARE(c.voluntaryCommunityShare, 0.0);
        QCOMPARE(c.smeShare, 0.0);
    }
}

void TestCoverage::wholeCatalogueWhenNothingIsChosen()
{
    Round round = handRound();
    round.decisions.clear();
    round.agreements.clear();
    const CoverageMatrix m = supplyCoverage(round, handSupply());
    QVERIFY(m.wholeCatalogue);
    QCOMPARE(keys(m.groups),
             (QStringList{"esa_wrag", "homelessness", "care_leavers", "lone_parents"}));
    // Every group is a priority of every CPA: every empty cell is a gap.
    int gaps = 0;
    for (const QList<CoverageCell> &row : m.cells) {
        for (const CoverageCell &cell : row) {
            QVERIFY(cell.priority);
            QCOMPARE(cell.gap, cell.count() == 0);
            gaps += cell.gap ? 1 : 0;
        }
    }
    // Covered: esa_wrag North and South, homelessness North, lone_parents East; Nowhere Ltd
    // (care_leavers) serves no area, so care_leavers is a gap everywhere.
    QCOMPARE(gaps, 12 - 4);
    QCOMPARE(m.gaps.size(), gaps);
}

void TestCoverage::decisionWithoutAnOrderFallsBackToTheAgreement()
{
    Round round = handRound();
    round.decisions = {PriorityDecision{kNorth, {}, "Not yet ordered", {}}};
    const CoverageMatrix m = supplyCoverage(round, handSupply());
    // North now takes its agreement (care_leavers), South its own (lone_parents).
    QCOMPARE(keys(m.groups), (QStringList{"care_leavers", "lone_parents"}));
    QVERIFY(m.cell(0, 0).gap); // care_leavers North: Nowhere Ltd serves no area
    QVERIFY(!m.cell(0, 1).priority);
    QVERIFY(m.cell(0, 2).gap); // East: the whole catalogue
}

void TestCoverage::groupMissingFromTheCatalogue()
{
    Round round = handRound();
    round.decisions[0].order << "veterans";
    SupplyMarket s = handSupply();
    const CoverageMatrix m = supplyCoverage(round, s);
    QCOMPARE(keys(m.groups), (QStringList{"esa_wrag", "homelessness", "lone_parents", "veterans"}));
    QCOMPARE(m.groups.last().name, QStringLiteral("veterans"));
    QVERIFY(m.cell(3, 0).gap);
    QVERIFY(!m.cell(3, 2).priority); // not in East's catalogue either
}

void TestCoverage::withoutAnAdoptedPlan()
{
    Round round = handRound();
    round.plans[0].adopted = false;
    const CoverageMatrix m = supplyCoverage(round, handSupply());
    QVERIFY(m.cpas.isEmpty());
    QVERIFY(m.gaps.isEmpty());
    QCOMPARE(m.cells.size(), m.groups.size());
    for (const QList<CoverageCell> &row : m.cells)
        QVERIFY(row.isEmpty());
}

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_coverage.moc"
