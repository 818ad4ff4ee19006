#include "core/cpa/tilegrid.h"
#include "core/round/londonround.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace CoCommission;

class TestCpaTileGrid : public QObject
{
    Q_OBJECT

private slots:
    void londonHasOneTilePerAuthority();
    void londonMatchesTheSharedReferenceData();
    void londonLabelsAreShortAndDistinct();
    void labelFallback_data();
    void labelFallback();
    void arrowKeysMoveToTheNearestTile_data();
    void arrowKeysMoveToTheNearestTile();
    void badCsv_data();
    void badCsv();
};

void TestCpaTileGrid::londonHasOneTilePerAuthority()
{
    const Result<TileGrid> grid = TileGrid::london();
    QVERIFY2(grid.ok(), qPrintable(grid.errorMessage()));
    QCOMPARE(grid->tiles().size(), 33);
    QCOMPARE(grid->columnCount(), 8);
    QCOMPARE(grid->rowCount(), 7);
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    for (const Authority &a : round.authorities)
        QVERIFY2(grid->contains(a.gssCode), qPrintable(a.gssCode));
    QCOMPARE(grid->codeAt(4, 0), QStringLiteral("E09000010")); // Enfield at the top
    QCOMPARE(grid->codeAt(3, 6), QStringLiteral("E09000029")); // Sutton at the bottom
    QCOMPARE(grid->codeAt(0, 0), QString());
    QCOMPARE(grid->tile(QStringLiteral("E09000001"))->column, 4);
    QCOMPARE(grid->tile(QStringLiteral("E09000001"))->row, 3);
    QCOMPARE(grid->tile(QStringLiteral("E09000099")), nullptr);
}

void TestCpaTileGrid::londonMatchesTheSharedReferenceData()
{
    const QString shared = TestSupport::sharedDir();
    if (shared.isEmpty())
        QSKIP("../shared is not beside this checkout: the reference data cannot be compared");
    QFile file(shared + QStringLiteral("/data/london/tile_grid.csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Result<TileGrid> fromShared = TileGrid::fromCsv(file.readAll(), file.fileName());
    QVERIFY2(fromShared.ok(), qPrintable(fromShared.errorMessage()));
    QCOMPARE(*TileGrid::london(), *fromShared);
}

void TestCpaTileGrid::londonLabelsAreShortAndDistinct()
{
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    QSet<QString> labels;
    for (const Authority &a : round.authorities) {
        const QString label = tileLabel(a.gssCode, a.name);
        QVERIFY2(!label.isEmpty() && label.size() <= 5, qPrintable(label));
        labels.insert(label);
    }
    QCOMPARE(labels.size(), 33);
    QCOMPARE(tileLabel(QStringLiteral("E09000001"), QString()), QStringLiteral("City"));
    QCOMPARE(tileLabel(QStringLiteral("E09000020"), QString()), QStringLiteral("K&C"));
    QCOMPARE(tileLabel(QStringLiteral("E09000002"), QString()), QStringLiteral("B&D"));
    QCOMPARE(tileLabel(QStringLiteral("E09000013"), QString()), QStringLiteral("H&F"));
}

void TestCpaTileGrid::labelFallback_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::newRow("one word") << "Manchester"
                              << "Manc";
    QTest::newRow("several words") << "Kingston upon Hull"
                                   << "KH";
    QTest::newRow("and is skipped") << "Brighton and Hove"
                                    << "BH";
    QTest::newRow("long name") << "North East Lincolnshire Coast Area"
                               << "NELC";
    QTest::newRow("no name") << ""
                             << "0001";
}

void TestCpaTileGrid::labelFallback()
{
    QFETCH(QString, name);
    QFETCH(QString, label);
    QCOMPARE(tileLabel(QStringLiteral("E06000001"), name), label);
}

void TestCpaTileGrid::arrowKeysMoveToTheNearestTile_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("direction"); // TileGrid::Direction
    QTest::addColumn<QString>("to");
    using D = TileGrid::Direction;
    QTest::newRow("City left to Westminster") << "E09000001" << int(D::Left) << "E09000033";
    QTest::newRow("City right to Tower Hamlets") << "E09000001" << int(D::Right) << "E09000030";
    QTest::newRow("City up to Islington") << "E09000001" << int(D::Up) << "E09000019";
    QTest::newRow("City down to Southwark") << "E09000001" << int(D::Down) << "E09000028";
    QTest::newRow("Enfield up: edge") << "E09000010" << int(D::Up) << "";
    QTest::newRow("Havering right: edge") << "E09000016" << int(D::Right) << "";
    QTest::newRow("Enfield left: Barnet, one row down")
        << "E09000010" << int(D::Left) << "E09000003";
    QTest::newRow("unknown code") << "E09000099" << int(D::Left) << "";
}

void TestCpaTileGrid::arrowKeysMoveToTheNearestTile()
{
    QFETCH(QString, from);
    QFETCH(int, direction);
    QFETCH(QString, to);
    QCOMPARE(TileGrid::london()->next(from, TileGrid::Direction(direction)), to);
}

void TestCpaTileGrid::badCsv_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong header") << QByteArray("code,x,y\n") << "grid.csv, line 1: the header";
    QTest::newRow("not a number") << QByteArray("gss_code,column,row\nA,one,2\n")
                                  << "grid.csv, line 2, field column: “one”";
    QTest::newRow("negative row") << QByteArray("gss_code,column,row\nA,1,-2\n")
                                  << "grid.csv, line 2, field row";
    QTest::newRow("same tile") << QByteArray("gss_code,column,row\nA,1,2\nB,1,2\n")
                               << "grid.csv, line 3: A and B are on the same tile";
    QTest::newRow("code twice") << QByteArray("gss_code,column,row\nA,1,2\nA,2,2\n")
                                << "grid.csv, line 3, field gss_code: A has a tile already";
}

void TestCpaTileGrid::badCsv()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, expected);
    const Result<TileGrid> grid = TileGrid::fromCsv(csv, QStringLiteral("grid.csv"));
    QVERIFY(!grid.ok());
    QVERIFY2(grid.errorMessage().contains(expected), qPrintable(grid.errorMessage()));
}

QTEST_GUILESS_MAIN(TestCpaTileGrid)
#include "tst_cpa_tilegrid.moc"
