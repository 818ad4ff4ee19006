#include "core/cpa/adjacency.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QTest>

using namespace CoCommission;

class TestCpaAdjacency : public QObject
{
    Q_OBJECT

private slots:
    void londonHasItsNeighbours();
    void londonMatchesTheSharedReferenceData();
    void neighbours_data();
    void neighbours();
    void ruleKeys();
    void addEdgeKeepsOneEdgeAndLandContactWins();
    void graphIsReindexedByTheGivenCodes();
    void restrictedToKeepsOnlyEdgesAmongTheCodes();
    void badCsv_data();
    void badCsv();
};

void TestCpaAdjacency::londonHasItsNeighbours()
{
    const Result<Adjacency> london = Adjacency::london();
    QVERIFY2(london.ok(), qPrintable(london.errorMessage()));
    QCOMPARE(london->unitCount(), 33);
    QCOMPARE(london->edgeCount(AdjacencyRule::LegalBoundary), 82);
    QCOMPARE(london->edgeCount(AdjacencyRule::LandContactOnly), 82 - 14);
    for (int i = 0; i < london->unitCount(); ++i)
        QVERIFY(!london->neighbourIndices(i, AdjacencyRule::LegalBoundary).isEmpty());
}

void TestCpaAdjacency::londonMatchesTheSharedReferenceData()
{
    const QString shared = TestSupport::sharedDir();
    if (shared.isEmpty())
        QSKIP("../shared is not beside this checkout: the reference data cannot be compared");
    QFile file(shared + QStringLiteral("/data/london/adjacency.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<Adjacency> fromShared = Adjacency::fromCsv(file.readAll(), file.fileName());
    QVERIFY2(fromShared.ok(), qPrintable(fromShared.errorMessage()));
    QCOMPARE(*Adjacency::london(), *fromShared);
}

void TestCpaAdjacency::neighbours_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("legal");
    QTest::addColumn<bool>("land");

    QTest::newRow("City and Westminster, on land") << "E09000001"
                                                   << "E09000033" << true << true;
    QTest::newRow("City and Southwark, across the Thames") << "E09000001"
                                                           << "E09000028" << true << false;
    QTest::newRow("Southwark and City, either way round") << "E09000028"
                                                          << "E09000001" << true << false;
    QTest::newRow("Havering and Bexley, across the Thames") << "E09000016"
                                                            << "E09000004" << true << false;
    QTest::newRow("Barnet and Bromley, far apart") << "E09000003"
                                                   << "E09000006" << false << false;
    QTest::newRow("unknown code") << "E09000099"
                                  << "E09000001" << false << false;
}

void TestCpaAdjacency::neighbours()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, legal);
    QFETCH(bool, land);

    const Adjacency london = *Adjacency::london();
    QCOMPARE(london.areNeighbours(a, b, AdjacencyRule::LegalBoundary), legal);
    QCOMPARE(london.areNeighbours(a, b, AdjacencyRule::LandContactOnly), land);
    QCOMPARE(london.neighbours(a, AdjacencyRule::LegalBoundary).contains(b), legal);
    QCOMPARE(london.neighbours(a, AdjacencyRule::LandContactOnly).contains(b), land);
}

void TestCpaAdjacency::ruleKeys()
{
    for (const AdjacencyRule rule : {AdjacencyRule::LegalBoundary, AdjacencyRule::LandContactOnly})
        QCOMPARE(adjacencyRuleFromKey(adjacencyRuleKey(rule)), rule);
    QCOMPARE(adjacencyRuleFromKey(QStringLiteral(" LAND ")), AdjacencyRule::LandContactOnly);
    QCOMPARE(adjacencyRuleFromKey(QStringLiteral("river")), std::nullopt);
    QVERIFY(adjacencyRulePhrase(AdjacencyRule::LegalBoundary).contains(u"legal boundaries"));
    QVERIFY(adjacencyRulePhrase(AdjacencyRule::LandContactOnly).contains(u"land contact only"));
}

void TestCpaAdjacency::addEdgeKeepsOneEdgeAndLandContactWins()
{
    Adjacency adjacency;
    adjacency.addEdge(QStringLiteral("A"), QStringLiteral("B"), false);
    adjacency.addEdge(QStringLiteral("B"), QStringLiteral("A"), false);
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LegalBoundary), 1);
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LandContactOnly), 0);
    adjacency.addEdge(QStringLiteral("A"), QStringLiteral("B"), true);
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LegalBoundary), 1);
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LandContactOnly), 1);
    QVERIFY(adjacency.areNeighbours(QStringLiteral("B"), QStringLiteral("A"),
                                    AdjacencyRule::LandContactOnly));
    adjacency.addEdge(QStringLiteral("A"), QStringLiteral("A"), true); // ignored
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LegalBoundary), 1);
    QCOMPARE(adjacency.addUnit(QStringLiteral("C")), 2);
    QCOMPARE(adjacency.addUnit(QStringLiteral("A")), 0);
    QCOMPARE(adjacency.unitCount(), 3);
}

void TestCpaAdjacency::graphIsReindexedByTheGivenCodes()
{
    // A - B - C, with B - C across water; D is not in the adjacency.
    Adjacency adjacency;
    adjacency.addEdge(QStringLiteral("A"), QStringLiteral("B"), true);
    adjacency.addEdge(QStringLiteral("B"), QStringLiteral("C"), false);
    const QStringList codes = {QStringLiteral("C"), QStringLiteral("D"), QStringLiteral("B"),
                               QStringLiteral("A")};
    const QList<QList<int>> legal = adjacency.graph(codes, AdjacencyRule::LegalBoundary);
    QCOMPARE(legal, (QList<QList<int>>{{2}, {}, {3, 0}, {2}}));
    const QList<QList<int>> land = adjacency.graph(codes, AdjacencyRule::LandContactOnly);
    QCOMPARE(land, (QList<QList<int>>{{}, {}, {3}, {2}}));
}

void TestCpaAdjacency::restrictedToKeepsOnlyEdgesAmongTheCodes()
{
    const Adjacency london = *Adjacency::london();
    const QStringList clf = {QStringLiteral("E09000001"), QStringLiteral("E09000028"),
                             QStringLiteral("E09000033"), QStringLiteral("E09000099")};
    const Adjacency part = london.restrictedTo(clf);
    QCOMPARE(part.unitCount(), 3);
    QCOMPARE(part.edgeCount(AdjacencyRule::LegalBoundary), 2); // City-Southwark, City-Westminster
    QCOMPARE(part.edgeCount(AdjacencyRule::LandContactOnly), 1);
}

void TestCpaAdjacency::badCsv_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray() << "adj.csv is empty";
    QTest::newRow("wrong header") << QByteArray("a,b,land\nX,Y,yes\n")
                                  << "adj.csv, line 1: the header must be";
    QTest::newRow("ragged row") << QByteArray("gss_code_a,gss_code_b,land_contact\nX,Y\n")
                                << "adj.csv, line 2: expected 3 fields, found 2";
    QTest::newRow("land contact not yes or no")
        << QByteArray("gss_code_a,gss_code_b,land_contact\nX,Y,maybe\n")
        << "adj.csv, line 2, field land_contact: “maybe” is neither yes nor no";
    QTest::newRow("self neighbour")
        << QByteArray("gss_code_a,gss_code_b,land_contact\r\nX,X,yes\r\n")
        << "adj.csv, line 2: X cannot neighbour itself";
    QTest::newRow("empty code") << QByteArray(
                                       "gss_code_a,gss_code_b,land_contact\nX,Y,yes\n,Y,no\n")
                                << "adj.csv, line 3, field gss_code_a: the code is empty";
}

void TestCpaAdjacency::badCsv()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const Result<Adjacency> adjacency = Adjacency::fromCsv(csv, QStringLiteral("adj.csv"));
    QVERIFY(!adjacency.ok());
    QVERIFY2(adjacency.errorMessage().contains(expected), qPrintable(adjacency.errorMessage()));
}

QTEST_GUILESS_MAIN(TestCpaAdjacency)
#include "tst_cpa_adjacency.moc"
