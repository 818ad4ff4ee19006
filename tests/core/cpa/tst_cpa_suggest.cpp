#include "core/cpa/plancheck.h"
#include "core/cpa/suggest.h"
#include "core/round/londonround.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <cmath>
#include <functional>

using namespace CoCommission;

namespace {

/** A small round for the brute-force comparisons. */
struct Graph
{
    QList<Authority> authorities;
    QList<Partnership> partnerships;
    Adjacency adjacency;
    QHash<QString, double> values;

    QString add(double value)
    {
        const QString code = QStringLiteral("U%1").arg(authorities.size(), 2, 10, QLatin1Char('0'));
        authorities.append({code, QStringLiteral("Unit ") + code});
        adjacency.addUnit(code);
        values.insert(code, value);
        return code;
    }
    void link(int a, int b, bool land = true)
    {
        adjacency.addEdge(authorities[a].gssCode, authorities[b].gssCode, land);
    }
    void group(const QList<int> &members)
    {
        Partnership p;
        p.id = PartnershipId(partnerships.size() + 1);
        p.name = QStringLiteral("P%1").arg(partnerships.size() + 1);
        for (const int m : members)
            p.members.append(authorities[m].gssCode);
        partnerships.append(p);
    }
};

Graph grid(int columns, int rows, quint32 seed)
{
    Graph g;
    QRandomGenerator random(seed);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x) {
            g.add(1 + random.bounded(100));
            const int i = y * columns + x;
            if (x > 0)
                g.link(i - 1, i);
            if (y > 0)
                g.link(i - columns, i);
        }
    }
    return g;
}

Graph path(int n)
{
    Graph g;
    for (int i = 0; i < n; ++i) {
        g.add(10 + 7 * ((i * 5) % n)); // uneven but fixed
        if (i > 0)
            g.link(i - 1, i);
    }
    return g;
}

Graph star(int leaves)
{
    Graph g;
    g.add(40);
    for (int i = 1; i <= leaves; ++i) {
        g.add(5 * i);
        g.link(0, i);
    }
    return g;
}

Graph twoIslands()
{
    Graph g;
    for (const double v : {10.0, 20.0, 30.0, 15.0, 25.0, 30.0})
        g.add(v);
    g.link(0, 1);
    g.link(1, 2);
    g.link(3, 4);
    g.link(4, 5);
    return g;
}

/** A random connected graph: a random tree plus extra edges, some across water. */
Graph randomGraph(int n, quint32 seed)
{
    Graph g;
    QRandomGenerator random(seed);
    for (int i = 0; i < n; ++i) {
        g.add(1 + random.bounded(50));
        if (i > 0)
            g.link(int(random.bounded(i)), i, true);
    }
    for (int e = 0; e < n / 2; ++e) {
        const int a = int(random.bounded(n));
        const int b = int(random.bounded(n));
        if (a != b)
            g.link(a, b, random.bounded(3) != 0);
    }
    return g;
}

/**
 * Every plan of exactly k non-empty contiguous CPAs, by brute force, as its largest deviation
 * in %, sorted. Units are authorities, or the partnerships (and lone authorities) when
 * \a keepPartnerships; contiguity is always checked on the authorities.
 */
QList<double> bruteForce(const Graph &g, int k, AdjacencyRule rule, bool keepPartnerships)
{
    const int n = int(g.authorities.size());
    QStringList codes;
    for (const Authority &a : g.authorities)
        codes.append(a.gssCode);
    const QList<QList<int>> graph = g.adjacency.graph(codes, rule);

    QList<int> unitOf(n, -1);
    int units = 0;
    if (keepPartnerships) {
        for (const Partnership &p : g.partnerships) {
            for (const QString &code : p.members)
                unitOf[codes.indexOf(code)] = units;
            ++units;
        }
    }
    for (int a = 0; a < n; ++a) {
        if (unitOf[a] < 0)
            unitOf[a] = units++;
    }
    double total = 0;
    for (const double v : g.values)
        total += v;
    const double mean = total / k;

    QList<double> deviations;
    QList<int> label(units, 0);
    std::function<void(int, int)> assign = [&](int u, int used) {
        if (u == units) {
            if (used != k)
                return;
            QList<double> sums(k, 0.0);
            QList<int> sizes(k, 0);
            for (int a = 0; a < n; ++a) {
                sums[label[unitOf[a]]] += g.values.value(codes[a]);
                ++sizes[label[unitOf[a]]];
            }
            for (int part = 0; part < k; ++part) {
                QList<char> seen(n, 0);
                int start = -1;
                for (int a = 0; a < n && start < 0; ++a) {
                    if (label[unitOf[a]] == part)
                        start = a;
                }
                QList<int> stack{start};
                seen[start] = 1;
                int reached = 0;
                while (!stack.isEmpty()) {
                    const int a = stack.takeLast();
                    ++reached;
                    for (const int b : graph[a]) {
                        if (!seen[b] && label[unitOf[b]] == part) {
                            seen[b] = 1;
                            stack.append(b);
                        }
                    }
                }
                if (reached != sizes[part])
                    return;
            }
            double largest = 0;
            for (const double s : std::as_const(sums))
                largest = std::max(largest, std::abs(s - mean) / mean * 100.0);
            deviations.append(largest);
            return;
        }
        // Restricted growth: each partition is labelled once.
        for (int l = 0; l <= std::min(used, k - 1); ++l) {
            label[u] = l;
            assign(u + 1, std::max(used, l + 1));
        }
    };
    assign(0, 0);
    std::sort(deviations.begin(), deviations.end());
    return deviations;
}

} // namespace

class TestCpaSuggest : public QObject
{
    Q_OBJECT

private slots:
    void matchesBruteForce_data();
    void matchesBruteForce();
    void matchesBruteForceOnRandomGraphs_data();
    void matchesBruteForceOnRandomGraphs();
    void londonIntoFourIsContiguousAndBetterThanThePartnerships();
    void londonKeepingPartnershipsWhole_data();
    void londonKeepingPartnershipsWhole();
    void anytimeOnALargeGridReturnsAPlan();
    void cancelStopsTheSearch();
    void refusesWhatCannotBeSearched_data();
    void refusesWhatCannotBeSearched();
    void suggestedPlanAsACpaPlan();

private:
    static void compareWithBruteForce(const Graph &g, int k, AdjacencyRule rule,
                                      bool keepPartnerships, int maxPlans);
};

void TestCpaSuggest::compareWithBruteForce(const Graph &g, int k, AdjacencyRule rule,
                                           bool keepPartnerships, int maxPlans)
{
    SuggestOptions options;
    options.cpaCount = k;
    options.rule = rule;
    options.keepPartnershipsWhole = keepPartnerships;
    options.maxPlans = maxPlans;
    options.deadline = QDeadlineTimer(60000);
    const Result<Suggestion> suggestion =
        suggestPlans(g.authorities, g.partnerships, g.values, g.adjacency, options);
    QVERIFY2(suggestion.ok(), qPrintable(suggestion.errorMessage()));
    QVERIFY(suggestion->exhaustive);

    const QList<double> expected = bruteForce(g, k, rule, keepPartnerships);
    const qsizetype count = std::min<qsizetype>(maxPlans, expected.size());
    QCOMPARE(suggestion->plans.size(), count);
    QSet<QString> distinct;
    PlanCheckOptions checkOptions;
    checkOptions.rule = rule;
    checkOptions.values = g.values;
    for (qsizetype i = 0; i < count; ++i) {
        const SuggestedPlan &plan = suggestion->plans[i];
        if (std::abs(plan.largestDeviationPercent - expected[i]) > 1e-9) {
            qWarning() << "plan" << i << "deviation" << plan.largestDeviationPercent
                       << "brute force" << expected.mid(0, count);
            QFAIL("the suggestion is not the brute-force optimum");
        }
        // Every suggested plan keeps the rules, with exactly k CPAs.
        const PlanCheck check =
            checkPlan(g.authorities, g.partnerships, plan.toPlan(QStringLiteral("s")), g.adjacency,
                      checkOptions);
        QVERIFY2(check.ok(), qPrintable(check.problemTexts().join(u'\n')));
        QCOMPARE(check.cpas.size(), qsizetype(k));
        QVERIFY(std::abs(*check.largestDeviationPercent - plan.largestDeviationPercent) < 1e-9);
        if (keepPartnerships) {
            for (const CpaCheck &cpa : check.cpas)
                QCOMPARE(cpa.partnershipsSplit(), 0);
        }
        QStringList key;
        for (const QStringList &members : plan.cpas)
            key.append(members.join(u','));
        distinct.insert(key.join(u'|'));
    }
    QCOMPARE(distinct.size(), count);
}

void TestCpaSuggest::matchesBruteForce_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("maxPlans");

    QTest::newRow("3 x 3 grid into 2") << "grid3x3" << 2 << 5;
    QTest::newRow("3 x 3 grid into 3") << "grid3x3" << 3 << 5;
    QTest::newRow("3 x 3 grid into 4, best 12") << "grid3x3" << 4 << 12;
    QTest::newRow("3 x 3 grid into 1") << "grid3x3" << 1 << 5;
    QTest::newRow("3 x 3 grid into 9") << "grid3x3" << 9 << 5;
    QTest::newRow("4 x 3 grid into 3, best 1") << "grid4x3" << 3 << 1;
    QTest::newRow("4 x 3 grid into 4") << "grid4x3" << 4 << 5;
    QTest::newRow("path of 8 into 3") << "path" << 3 << 5;
    QTest::newRow("path of 8 into 3, all of them") << "path" << 3 << 100;
    QTest::newRow("star of 7 leaves into 3") << "star" << 3 << 5;
    QTest::newRow("star of 7 leaves into 3, all of them") << "star" << 3 << 100;
    QTest::newRow("two islands into 2: the islands") << "islands" << 2 << 5;
    QTest::newRow("two islands into 3") << "islands" << 3 << 5;
    QTest::newRow("two islands into 1: no plan") << "islands" << 1 << 5;
}

void TestCpaSuggest::matchesBruteForce()
{
    QFETCH(QString, shape);
    QFETCH(int, k);
    QFETCH(int, maxPlans);
    const Graph g = shape == QLatin1String("grid3x3")   ? grid(3, 3, 11)
                    : shape == QLatin1String("grid4x3") ? grid(4, 3, 12)
                    : shape == QLatin1String("path")    ? path(8)
                    : shape == QLatin1String("star")    ? star(7)
                                                        : twoIslands();
    compareWithBruteForce(g, k, AdjacencyRule::LegalBoundary, false, maxPlans);
}

void TestCpaSuggest::matchesBruteForceOnRandomGraphs_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("rule"); // AdjacencyRule
    QTest::addColumn<bool>("keepPartnerships");

    for (quint32 seed = 1; seed <= 12; ++seed) {
        const bool land = seed % 2 == 0;
        const bool keep = seed % 3 == 0;
        QTest::addRow("seed %u%s%s", seed, land ? ", land contact only" : "",
                      keep ? ", partnerships whole" : "")
            << seed << int(land ? AdjacencyRule::LandContactOnly : AdjacencyRule::LegalBoundary)
            << keep;
    }
}

void TestCpaSuggest::matchesBruteForceOnRandomGraphs()
{
    QFETCH(quint32, seed);
    QFETCH(int, rule);
    QFETCH(bool, keepPartnerships);

    Graph g = randomGraph(keepPartnerships ? 12 : 10, seed);
    if (keepPartnerships) {
        // Groups of two or three; under land contact some fall into pieces.
        g.group({0, 1, 2});
        g.group({3, 4});
        g.group({5, 6, 7});
        g.group({8, 11});
    }
    for (int k = 1; k <= 4; ++k)
        compareWithBruteForce(g, k, AdjacencyRule(rule), keepPartnerships, 5);
}

void TestCpaSuggest::londonIntoFourIsContiguousAndBetterThanThePartnerships()
{
    const Round round = *LondonRound::demo();
    const Adjacency london = *Adjacency::london();
    const QHash<QString, double> claimants = latestValues(round, QStringLiteral("claimant_count"));
    for (const AdjacencyRule rule :
         {AdjacencyRule::LegalBoundary, AdjacencyRule::LandContactOnly}) {
        SuggestOptions options;
        options.cpaCount = 4;
        options.rule = rule;
        options.deadline = QDeadlineTimer(60000);
        const Result<Suggestion> suggestion =
            suggestPlans(round.authorities, round.partnerships, claimants, london, options);
        QVERIFY2(suggestion.ok(), qPrintable(suggestion.errorMessage()));
        QVERIFY(suggestion->exhaustive);
        QCOMPARE(suggestion->unitCount, 33);
        QCOMPARE(suggestion->plans.size(), 5);
        PlanCheckOptions checkOptions;
        checkOptions.rule = rule;
        checkOptions.values = claimants;
        double previous = 0;
        for (const SuggestedPlan &plan : suggestion->plans) {
            const PlanCheck check =
                checkPlan(round, plan.toPlan(QStringLiteral("Suggested")), london, checkOptions);
            QVERIFY2(check.ok(), qPrintable(check.problemTexts().join(u'\n')));
            QVERIFY(plan.largestDeviationPercent >= previous);
            previous = plan.largestDeviationPercent;
        }
        const PlanCheck demo = checkPlan(round, *round.adoptedPlan(), london, checkOptions);
        QVERIFY(*suggestion->bestDeviationPercent() < *demo.largestDeviationPercent);
        QCOMPARE(suggestion->mean, suggestion->total / 4);
    }
}

void TestCpaSuggest::londonKeepingPartnershipsWhole_data()
{
    QTest::addColumn<int>("rule"); // AdjacencyRule
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("plans");

    // Four partnerships into four CPAs: only the partnership plan, and under land contact
    // not even that, since CLF and Local London each fall into two parts.
    QTest::newRow("legal boundaries, 4") << int(AdjacencyRule::LegalBoundary) << 4 << 1;
    QTest::newRow("land contact only, 4") << int(AdjacencyRule::LandContactOnly) << 4 << 0;
    QTest::newRow("legal boundaries, 2") << int(AdjacencyRule::LegalBoundary) << 2 << -1;
    QTest::newRow("land contact only, 2") << int(AdjacencyRule::LandContactOnly) << 2 << -1;
}

void TestCpaSuggest::londonKeepingPartnershipsWhole()
{
    QFETCH(int, rule);
    QFETCH(int, k);
    QFETCH(int, plans);

    const Round round = *LondonRound::demo();
    const Adjacency london = *Adjacency::london();
    const QHash<QString, double> claimants = latestValues(round, QStringLiteral("claimant_count"));
    SuggestOptions options;
    options.cpaCount = k;
    options.rule = AdjacencyRule(rule);
    options.keepPartnershipsWhole = true;
    const Result<Suggestion> suggestion =
        suggestPlans(round.authorities, round.partnerships, claimants, london, options);
    QVERIFY2(suggestion.ok(), qPrintable(suggestion.errorMessage()));
    QVERIFY(suggestion->exhaustive);
    QCOMPARE(suggestion->unitCount, 4);
    if (plans >= 0)
        QCOMPARE(suggestion->plans.size(), plans);

    PlanCheckOptions checkOptions;
    checkOptions.rule = AdjacencyRule(rule);
    checkOptions.values = claimants;
    for (const SuggestedPlan &plan : suggestion->plans) {
        const PlanCheck check =
            checkPlan(round, plan.toPlan(QStringLiteral("s")), london, checkOptions);
        QVERIFY2(check.ok(), qPrintable(check.problemTexts().join(u'\n')));
        for (const CpaCheck &cpa : check.cpas)
            QCOMPARE(cpa.partnershipsSplit(), 0);
    }
    if (k == 4 && plans == 1) {
        const PlanCheck demo = checkPlan(round, *round.adoptedPlan(), london, checkOptions);
        QCOMPARE(suggestion->plans[0].cpas.size(), 4);
        QVERIFY(std::abs(suggestion->plans[0].largestDeviationPercent -
                         *demo.largestDeviationPercent) < 1e-9);
    }
}

void TestCpaSuggest::anytimeOnALargeGridReturnsAPlan()
{
    const Graph g = grid(14, 25, 5);
    SuggestOptions options;
    options.cpaCount = 10;
    options.deadline = QDeadlineTimer(300);
    const Result<Suggestion> suggestion =
        suggestPlans(g.authorities, g.partnerships, g.values, g.adjacency, options);
    QVERIFY2(suggestion.ok(), qPrintable(suggestion.errorMessage()));
    QVERIFY(!suggestion->exhaustive);
    QVERIFY(!suggestion->plans.isEmpty());
    QVERIFY2(suggestion->elapsedMs < 20000, qPrintable(QString::number(suggestion->elapsedMs)));
    PlanCheckOptions checkOptions;
    checkOptions.values = g.values;
    for (const SuggestedPlan &plan : suggestion->plans) {
        const PlanCheck check =
            checkPlan(g.authorities, g.partnerships, plan.toPlan(QStringLiteral("s")), g.adjacency,
                      checkOptions);
        QVERIFY2(check.ok(), qPrintable(check.problemTexts().join(u'\n')));
        QCOMPARE(check.cpas.size(), 10);
    }
}

void TestCpaSuggest::cancelStopsTheSearch()
{
    const Graph g = grid(14, 25, 6);
    std::atomic<bool> cancel = true;
    SuggestOptions options;
    options.cpaCount = 10;
    options.cancel = &cancel;
    const Result<Suggestion> suggestion =
        suggestPlans(g.authorities, g.partnerships, g.values, g.adjacency, options);
    QVERIFY(suggestion.ok());
    QVERIFY(!suggestion->exhaustive);
}

void TestCpaSuggest::refusesWhatCannotBeSearched_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("k");
    QTest::addColumn<bool>("keep");
    QTest::addColumn<QString>("expected");

    QTest::newRow("missing value")
        << "missing" << 2 << false << "The balance indicator has no value for: U03.";
    QTest::newRow("negative value") << "negative" << 2 << false << "must not be negative";
    QTest::newRow("all zero") << "zero" << 2 << false << "adds up to 0";
    QTest::newRow("no CPA") << "" << 0 << false << "at least one CPA";
    QTest::newRow("more CPAs than authorities")
        << "" << 7 << false << "Cannot make 7 CPAs from 6 authorities.";
    QTest::newRow("more CPAs than partnership groups")
        << "" << 5 << true << "Cannot make 5 CPAs from 4 partnership groups.";
}

void TestCpaSuggest::refusesWhatCannotBeSearched()
{
    QFETCH(QString, change);
    QFETCH(int, k);
    QFETCH(bool, keep);
    QFETCH(QString, expected);

    Graph g = twoIslands();
    g.group({0, 1});
    g.group({3, 4});
    g.group({2}); // with 5 alone: 4 groups
    if (change == QLatin1String("missing"))
        g.values.remove(QStringLiteral("U03"));
    else if (change == QLatin1String("negative"))
        g.values.insert(QStringLiteral("U02"), -1);
    else if (change == QLatin1String("zero"))
        for (auto it = g.values.begin(); it != g.values.end(); ++it)
            *it = 0;
    SuggestOptions options;
    options.cpaCount = k;
    options.keepPartnershipsWhole = keep;
    const Result<Suggestion> suggestion =
        suggestPlans(g.authorities, g.partnerships, g.values, g.adjacency, options);
    QVERIFY(!suggestion.ok());
    QVERIFY2(suggestion.errorMessage().contains(expected), qPrintable(suggestion.errorMessage()));
}

void TestCpaSuggest::suggestedPlanAsACpaPlan()
{
    SuggestedPlan suggested;
    suggested.cpas = {{QStringLiteral("A"), QStringLiteral("B")}, {QStringLiteral("C")}};
    suggested.totals = {3, 4};
    const CpaPlan plan = suggested.toPlan(QStringLiteral("Suggestion 1"));
    QCOMPARE(plan.name, QStringLiteral("Suggestion 1"));
    QCOMPARE(plan.cpas.size(), 2);
    QCOMPARE(plan.cpas[0].name, QStringLiteral("CPA 1"));
    QCOMPARE(plan.cpas[1].members, QStringList{QStringLiteral("C")});
    QVERIFY(plan.cpas[0].colour != plan.cpas[1].colour);
    QVERIFY(!plan.adopted);
}

QTEST_GUILESS_MAIN(TestCpaSuggest)
#include "tst_cpa_suggest.moc"
