#include "core/cpa/plancheck.h"
#include "core/round/londonround.h"

#include <QTest>

#include <cmath>

using namespace CoCommission;

/**
 * The hand-made round used below: six authorities A-F on two islands and a rock,
 *
 *     A - B - C        D - E        F
 *
 * with values A 10, B 20, C 30, D 40, E 50, F 50 (total 200) and partnerships
 * P1 = {A, B, D}, P2 = {C}, P3 = {E, F}.
 */
class TestCpaPlanCheck : public QObject
{
    Q_OBJECT

private slots:
    void londonPartnershipsUnderBothRules_data();
    void londonPartnershipsUnderBothRules();
    void aCpaOfTwoIslandsIsNotContiguous();
    void coverage_data();
    void coverage();
    void balanceFigures();
    void minimumSize();
    void partnershipSplits();
    void noValuesNoBalance();
    void unknownValuesAreReportedButBreakNoRule();
    void latestValuesOfARound();

private:
    static QList<Authority> authorities();
    static QList<Partnership> partnerships();
    static Adjacency adjacency();
    static QHash<QString, double> values();
    static CpaPlan plan(const QList<QStringList> &members);
};

QList<Authority> TestCpaPlanCheck::authorities()
{
    QList<Authority> result;
    for (const char c : {'A', 'B', 'C', 'D', 'E', 'F'})
        result.append({QString(QLatin1Char(c)), QStringLiteral("Area ") + QLatin1Char(c)});
    return result;
}

QList<Partnership> TestCpaPlanCheck::partnerships()
{
    return {Partnership{PartnershipId(1),
                        QStringLiteral("P1"),
                        {},
                        {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("D")}},
            Partnership{PartnershipId(2), QStringLiteral("P2"), {}, {QStringLiteral("C")}},
            Partnership{PartnershipId(3),
                        QStringLiteral("P3"),
                        {},
                        {QStringLiteral("E"), QStringLiteral("F")}}};
}

Adjacency TestCpaPlanCheck::adjacency()
{
    Adjacency a;
    for (const Authority &authority : authorities())
        a.addUnit(authority.gssCode);
    a.addEdge(QStringLiteral("A"), QStringLiteral("B"));
    a.addEdge(QStringLiteral("B"), QStringLiteral("C"));
    a.addEdge(QStringLiteral("D"), QStringLiteral("E"));
    return a;
}

QHash<QString, double> TestCpaPlanCheck::values()
{
    return {{QStringLiteral("A"), 10}, {QStringLiteral("B"), 20}, {QStringLiteral("C"), 30},
            {QStringLiteral("D"), 40}, {QStringLiteral("E"), 50}, {QStringLiteral("F"), 50}};
}

CpaPlan TestCpaPlanCheck::plan(const QList<QStringList> &members)
{
    CpaPlan p;
    p.name = QStringLiteral("Test plan");
    for (qsizetype i = 0; i < members.size(); ++i) {
        p.cpas.append(Cpa{CpaId(i + 1), QString(QLatin1Char(char('X' + i))),
                          QStringLiteral("#123456"), members[i]});
    }
    return p;
}

void TestCpaPlanCheck::londonPartnershipsUnderBothRules_data()
{
    QTest::addColumn<int>("rule"); // AdjacencyRule
    QTest::addColumn<QList<int>>("components");
    QTest::addColumn<QString>("phrase");

    // CPAs of the demo plan in order: CLF, Local London, WLA, SLP (as the partnerships).
    QTest::newRow("legal boundaries: every partnership contiguous")
        << int(AdjacencyRule::LegalBoundary) << QList<int>{1, 1, 1, 1} << "using legal boundaries";
    QTest::newRow("land contact only: CLF and Local London in two parts")
        << int(AdjacencyRule::LandContactOnly) << QList<int>{2, 2, 1, 1}
        << "using land contact only";
}

void TestCpaPlanCheck::londonPartnershipsUnderBothRules()
{
    QFETCH(int, rule);
    QFETCH(QList<int>, components);
    QFETCH(QString, phrase);

    const Round round = *LondonRound::demo();
    const CpaPlan &demo = *round.adoptedPlan();
    QCOMPARE(demo.cpas.size(), 4);
    PlanCheckOptions options;
    options.rule = AdjacencyRule(rule);
    options.values = latestValues(round, QStringLiteral("claimant_count"));
    const PlanCheck check = checkPlan(round, demo, *Adjacency::london(), options);

    QCOMPARE(check.rule, AdjacencyRule(rule));
    QVERIFY(check.isComplete());
    QStringList notContiguous;
    for (qsizetype i = 0; i < check.cpas.size(); ++i) {
        QCOMPARE(check.cpas[i].components, components[i]);
        QCOMPARE(check.cpas[i].partnershipsSplit(), 0); // the CPAs are the partnerships
        if (components[i] > 1)
            notContiguous.append(check.cpas[i].name);
    }
    QCOMPARE(check.ok(), notContiguous.isEmpty());
    QCOMPARE(check.problemTexts(true).size(), notContiguous.size());
    for (const QString &name : std::as_const(notContiguous)) {
        const QString expected =
            QStringLiteral("%1 is not contiguous %2: it falls into 2 parts.").arg(name, phrase);
        QVERIFY2(check.problemTexts().contains(expected),
                 qPrintable(check.problemTexts().join(u'\n')));
    }
    if (AdjacencyRule(rule) == AdjacencyRule::LandContactOnly) {
        QCOMPARE(notContiguous, (QStringList{QStringLiteral("Central London Forward"),
                                             QStringLiteral("Local London")}));
    }
    for (const PartnershipSpread &spread : check.partnerships)
        QCOMPARE(spread.cpaCount(), 1);
}

void TestCpaPlanCheck::aCpaOfTwoIslandsIsNotContiguous()
{
    const CpaPlan p = plan({{QStringLiteral("A"), QStringLiteral("D")},
                            {QStringLiteral("B"), QStringLiteral("C")},
                            {QStringLiteral("E"), QStringLiteral("F")}});
    for (const AdjacencyRule rule :
         {AdjacencyRule::LegalBoundary, AdjacencyRule::LandContactOnly}) {
        PlanCheckOptions options;
        options.rule = rule;
        const PlanCheck check = checkPlan(authorities(), partnerships(), p, adjacency(), options);
        QCOMPARE(check.cpas[0].components, 2);
        QCOMPARE(check.cpas[1].components, 1);
        QCOMPARE(check.cpas[2].components, 2); // F is a rock of its own
        QVERIFY(!check.ok());
        QVERIFY(!check.isContiguous());
        QCOMPARE(check.problems[0].kind, PlanProblem::Kind::NotContiguous);
        QCOMPARE(check.problems[0].cpa, 0);
        QCOMPARE(check.problems[0].codes, (QStringList{QStringLiteral("A"), QStringLiteral("D")}));
        QVERIFY(check.problems[0].text.startsWith(QStringLiteral("X is not contiguous ") +
                                                  adjacencyRulePhrase(rule)));
    }
}

void TestCpaPlanCheck::coverage_data()
{
    QTest::addColumn<QList<QStringList>>("members");
    QTest::addColumn<QStringList>("unassigned");
    QTest::addColumn<QStringList>("duplicated");
    QTest::addColumn<QStringList>("unknown");
    QTest::addColumn<QStringList>("firstMembers");
    QTest::addColumn<QString>("problem");

    const QStringList abc = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
    QTest::newRow("complete") << QList<QStringList>{abc, {"D", "E"}, {"F"}} << QStringList()
                              << QStringList() << QStringList() << abc << "";
    QTest::newRow("unassigned") << QList<QStringList>{abc, {"D"}, {"F"}} << QStringList{"E"}
                                << QStringList() << QStringList() << abc
                                << "Not in any CPA: Area E.";
    QTest::newRow("duplicated, counted in the first CPA")
        << QList<QStringList>{{"A", "B", "C", "D"}, {"D", "E"}, {"F", "A"}} << QStringList()
        << QStringList{"A", "D"} << QStringList() << QStringList{"A", "B", "C", "D"}
        << "In more than one CPA: Area A, Area D.";
    QTest::newRow("unknown code") << QList<QStringList>{{"C", "Q9", "B", "A"}, {"D", "E"}, {"F"}}
                                  << QStringList() << QStringList() << QStringList{"Q9"} << abc
                                  << "Not authorities of this round: Q9.";
    QTest::newRow("empty CPA") << QList<QStringList>{abc, {"D", "E", "F"}, {}} << QStringList()
                               << QStringList() << QStringList() << abc << "Z has no authorities.";
}

void TestCpaPlanCheck::coverage()
{
    QFETCH(QList<QStringList>, members);
    QFETCH(QStringList, unassigned);
    QFETCH(QStringList, duplicated);
    QFETCH(QStringList, unknown);
    QFETCH(QStringList, firstMembers);
    QFETCH(QString, problem);

    const PlanCheck check = checkPlan(authorities(), partnerships(), plan(members), adjacency());
    QCOMPARE(check.unassigned, unassigned);
    QCOMPARE(check.duplicated, duplicated);
    QCOMPARE(check.unknown, unknown);
    QCOMPARE(check.cpas[0].members, firstMembers); // in the round's order, known codes only
    QCOMPARE(check.isComplete(), unassigned.isEmpty() && duplicated.isEmpty() && unknown.isEmpty());
    if (problem.isEmpty()) {
        QVERIFY2(check.problemTexts(true).isEmpty() ||
                     check.problems.first().kind == PlanProblem::Kind::NotContiguous,
                 qPrintable(check.problemTexts().join(u'\n')));
    } else {
        QVERIFY(!check.ok());
        QVERIFY2(check.problemTexts().contains(problem),
                 qPrintable(check.problemTexts().join(u'\n')));
    }
}

void TestCpaPlanCheck::balanceFigures()
{
    PlanCheckOptions options;
    options.values = values();
    const PlanCheck check =
        checkPlan(authorities(), partnerships(),
                  plan({{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")},
                        {QStringLiteral("D"), QStringLiteral("E")},
                        {QStringLiteral("F")}}),
                  adjacency(), options);
    // Totals 60, 90, 50 of 200; mean 66.67; deviations -10 %, +35 %, -25 %.
    QVERIFY(check.hasValues);
    QCOMPARE(*check.total, 200.0);
    QCOMPARE(*check.mean, 200.0 / 3);
    const QList<double> totals = {60, 90, 50};
    const QList<double> shares = {30, 45, 25};
    const QList<double> deviations = {-10, 35, -25};
    for (qsizetype i = 0; i < 3; ++i) {
        QCOMPARE(*check.cpas[i].total, totals[i]);
        QCOMPARE(*check.cpas[i].sharePercent, shares[i]);
        QVERIFY(std::abs(*check.cpas[i].deviationPercent - deviations[i]) < 1e-9);
        QVERIFY(check.cpas[i].isContiguous());
    }
    QCOMPARE(*check.maxMinRatio, 1.8);
    QVERIFY(std::abs(*check.largestDeviationPercent - 35) < 1e-9);
    QVERIFY(check.ok());
}

void TestCpaPlanCheck::minimumSize()
{
    PlanCheckOptions options;
    options.values = values();
    options.indicatorName = QStringLiteral("claimant count");
    options.minimumSize = 55;
    const PlanCheck check =
        checkPlan(authorities(), partnerships(),
                  plan({{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")},
                        {QStringLiteral("D"), QStringLiteral("E")},
                        {QStringLiteral("F")}}),
                  adjacency(), options);
    QCOMPARE(check.cpas[0].belowMinimum, false);
    QCOMPARE(check.cpas[2].belowMinimum, true);
    QVERIFY(!check.ok());
    QCOMPARE(check.problemTexts(true),
             QStringList{QStringLiteral(
                 "Z is below the minimum size: 50 of claimant count against a minimum of 55.")});
    QCOMPARE(*check.minimumSize, 55.0);
}

void TestCpaPlanCheck::partnershipSplits()
{
    const PlanCheck check =
        checkPlan(authorities(), partnerships(),
                  plan({{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")},
                        {QStringLiteral("D"), QStringLiteral("E")},
                        {QStringLiteral("F")}}),
                  adjacency());
    // X cuts P1 (D is outside) but holds P2 whole; Y cuts P1 and P3; Z cuts P3.
    QCOMPARE(check.cpas[0].splitPartnerships, QStringList{QStringLiteral("P1")});
    QCOMPARE(check.cpas[1].splitPartnerships,
             (QStringList{QStringLiteral("P1"), QStringLiteral("P3")}));
    QCOMPARE(check.cpas[2].splitPartnerships, QStringList{QStringLiteral("P3")});
    QCOMPARE(check.cpas[1].partnershipsSplit(), 2);
    QCOMPARE(check.partnerships.size(), 3);
    QCOMPARE(check.partnerships[0].cpas, (QStringList{QStringLiteral("X"), QStringLiteral("Y")}));
    QCOMPARE(check.partnerships[1].cpas, QStringList{QStringLiteral("X")});
    QCOMPARE(check.partnerships[2].cpas, (QStringList{QStringLiteral("Y"), QStringLiteral("Z")}));
    QVERIFY(check.partnerships[0].isSplit());
    QVERIFY(!check.partnerships[1].isSplit());
    // Splits are findings, not broken rules.
    QVERIFY(check.ok());
    QVERIFY(check.problemTexts().contains(QStringLiteral("Y splits these partnerships: P1, P3.")));

    // A partnership with a member in no CPA is cut by the CPA holding the rest.
    const PlanCheck partial =
        checkPlan(authorities(), partnerships(),
                  plan({{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"),
                         QStringLiteral("D"), QStringLiteral("E")}}),
                  adjacency());
    QCOMPARE(partial.cpas[0].splitPartnerships, QStringList{QStringLiteral("P3")});
    QCOMPARE(partial.partnerships[2].unassigned, QStringList{QStringLiteral("F")});
    QVERIFY(partial.partnerships[2].isSplit());
}

void TestCpaPlanCheck::noValuesNoBalance()
{
    const PlanCheck check =
        checkPlan(authorities(), partnerships(),
                  plan({{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")},
                        {QStringLiteral("D"), QStringLiteral("E")},
                        {QStringLiteral("F")}}),
                  adjacency());
    QVERIFY(!check.hasValues);
    QCOMPARE(check.total, std::nullopt);
    QCOMPARE(check.mean, std::nullopt);
    QCOMPARE(check.largestDeviationPercent, std::nullopt);
    QCOMPARE(check.maxMinRatio, std::nullopt);
    QCOMPARE(check.cpas[0].total, std::nullopt);
    QCOMPARE(check.cpas[0].deviationPercent, std::nullopt);
}

void TestCpaPlanCheck::unknownValuesAreReportedButBreakNoRule()
{
    PlanCheckOptions options;
    options.values = values();
    options.values.remove(QStringLiteral("B"));
    options.indicatorName = QStringLiteral("claimant count");
    const PlanCheck check =
        checkPlan(authorities(), {},
                  plan({{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")},
                        {QStringLiteral("D"), QStringLiteral("E"), QStringLiteral("F")}}),
                  adjacency(), options);
    QCOMPARE(*check.cpas[0].total, 40.0);
    QCOMPARE(check.cpas[0].unknownValues, QStringList{QStringLiteral("B")});
    QVERIFY(check.problemTexts().contains(
        QStringLiteral("X has members without a figure for claimant count: Area B.")));
    // Y's F is a rock of its own: the only broken rule.
    QCOMPARE(check.problemTexts(true).size(), 1);
    QCOMPARE(*check.maxMinRatio, 140.0 / 40.0);
}

void TestCpaPlanCheck::latestValuesOfARound()
{
    const Round round = *LondonRound::demo();
    const QHash<QString, double> claimants = latestValues(round, QStringLiteral("claimant_count"));
    QCOMPARE(claimants.size(), 33);
    QCOMPARE(claimants.value(QStringLiteral("E09000001")), 273.0);
    QVERIFY(latestValues(round, QStringLiteral("no_such_measure")).isEmpty());
}

QTEST_GUILESS_MAIN(TestCpaPlanCheck)
#include "tst_cpa_plancheck.moc"
