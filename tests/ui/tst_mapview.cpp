#include "ui/cpa/mapview.h"

#include "core/cpa/boundaries.h"
#include "core/cpa/tilegrid.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <memory>

using namespace CoCommission;

namespace {

const QString kWestminster = QStringLiteral("E09000033");
const QString kCity = QStringLiteral("E09000001");
const QString kCamden = QStringLiteral("E09000007");
const QString kKensington = QStringLiteral("E09000020");
// Row 3 of the London tile grid, from the west.
const QString kHounslow = QStringLiteral("E09000018");
const QString kHammersmith = QStringLiteral("E09000013");

/** A square of one unit (degree) at \a x, \a y, as a GeoJSON feature with a "code". */
QByteArray square(const QString &code, double x, double y)
{
    return QStringLiteral(R"({"type": "Feature", "properties": {"code": "%1"},
        "geometry": {"type": "Polygon", "coordinates": [[[%2, %3], [%4, %3], [%4, %5],
        [%2, %5], [%2, %3]]]}})")
        .arg(code)
        .arg(x)
        .arg(y)
        .arg(x + 1)
        .arg(y + 1)
        .toUtf8();
}

BoundarySet boundariesOf(const QList<QByteArray> &features)
{
    const QByteArray data =
        "{\"type\": \"FeatureCollection\", \"features\": [" + features.join(',') + "]}";
    Result<BoundarySet> set = BoundarySet::fromGeoJson(data, QStringLiteral("squares.geojson"));
    if (!set)
        qFatal("%s", qPrintable(set.errorMessage()));
    return *set;
}

/** Whether \a c is the highlight's red, not a red of some CPA (#d62728 and the like). */
bool isHighlightRed(QColor c)
{
    return c.red() > 170 && c.green() < 20 && c.blue() < 20;
}

} // namespace

class TestMapView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void codeAtFindsTheTileAtItsGridPlace_data();
    void codeAtFindsTheTileAtItsGridPlace();
    void dragPaintsEachAuthorityEnteredOnceInOrder();
    void escapeCancelsTheStroke();
    void withoutPaintingAClickOnlySelects();
    void arrowKeysFollowTheTileGrid_data();
    void arrowKeysFollowTheTileGrid();
    void enterAndSpacePaintTheCurrentAuthority();
    void digitsEmitTheirNumber();
    void hoverNamesTheAuthority();
    void currentAuthorityIsAnnounced();

    void boundaryModeFallsBackToTilesWithoutBoundaries();
    void boundaryModeMapsPointsToAreas();
    void boundaryModeKeepsTheAspect();
    void longitudeIsScaledByTheCosineOfLatitude();
    void arrowKeysInBoundaryModeGoToTheNearestArea();

    void paintMapFillsAndHighlights();
    void labelsContrastWithTheirFill();

private:
    /** A shown map of London's 33 authorities with 60-pixel tiles, painting enabled. */
    std::unique_ptr<MapView> londonMap() const;
    static QPoint tileCentre(const MapView &view, int column, int row);
    static void dragTo(MapView &view, const QPoint &position);

    QList<Authority> m_authorities;
    TileGrid m_grid;
};

void TestMapView::initTestCase()
{
    const Result<Round> round = LondonRound::blank(QStringLiteral("Test"));
    QVERIFY2(round.ok(), qPrintable(round.errorMessage()));
    m_authorities = round->authorities;
    QCOMPARE(m_authorities.size(), 33);
    const Result<TileGrid> grid = TileGrid::london();
    QVERIFY2(grid.ok(), qPrintable(grid.errorMessage()));
    m_grid = *grid;
}

std::unique_ptr<MapView> TestMapView::londonMap() const
{
    auto view = std::make_unique<MapView>();
    view->setAuthorities(m_authorities);
    view->setTileGrid(m_grid);
    view->setPaintingEnabled(true);
    view->resize(8 * 60 + 6, 7 * 60 + 6);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        qWarning("The map was not exposed");
    return view;
}

/** Where the tile at \a column, \a row should be, from the grid alone. */
QPoint TestMapView::tileCentre(const MapView &view, int column, int row)
{
    return QPoint(int((column + 0.5) * view.width() / 8), int((row + 0.5) * view.height() / 7));
}

void TestMapView::dragTo(MapView &view, const QPoint &position)
{
    // QTest::mouseMove cannot hold a button down.
    QMouseEvent move(QEvent::MouseMove, QPointF(position), view.mapToGlobal(QPointF(position)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
}

void TestMapView::codeAtFindsTheTileAtItsGridPlace_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("row");

    QTest::newRow("Enfield, top") << QStringLiteral("E09000010") << 4 << 0;
    QTest::newRow("Westminster") << kWestminster << 3 << 3;
    QTest::newRow("City") << kCity << 4 << 3;
    QTest::newRow("Havering, east edge") << QStringLiteral("E09000016") << 7 << 2;
    QTest::newRow("Sutton, bottom") << QStringLiteral("E09000029") << 3 << 6;
}

void TestMapView::codeAtFindsTheTileAtItsGridPlace()
{
    QFETCH(QString, code);
    QFETCH(int, column);
    QFETCH(int, row);

    const auto view = londonMap();
    QCOMPARE(view->shownCodes().size(), 33);
    QCOMPARE(view->codeAt(tileCentre(*view, column, row)), code);
    QVERIFY(view->itemRect(code).contains(tileCentre(*view, column, row)));
    // The grid's empty corner shows nothing.
    QCOMPARE(view->codeAt(tileCentre(*view, 0, 0)), QString());
}

void TestMapView::dragPaintsEachAuthorityEnteredOnceInOrder()
{
    const auto view = londonMap();
    QSignalSpy progress(view.get(), &MapView::strokeProgress);
    QSignalSpy finished(view.get(), &MapView::strokeFinished);

    QTest::mousePress(view.get(), Qt::LeftButton, {}, tileCentre(*view, 0, 3)); // Hounslow
    QCOMPARE(progress.size(), 1);
    dragTo(*view, tileCentre(*view, 1, 3) + QPoint(5, 5)); // Hammersmith
    dragTo(*view, tileCentre(*view, 0, 3));                // back on Hounslow: not again
    dragTo(*view, tileCentre(*view, 1, 3));                // Hammersmith again: not again
    dragTo(*view, tileCentre(*view, 2, 3));                // Kensington and Chelsea
    QCOMPARE(view->stroke(), QStringList({kHounslow, kHammersmith, kKensington}));
    QCOMPARE(progress.size(), 3);
    QCOMPARE(finished.size(), 0);

    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, tileCentre(*view, 2, 3));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toStringList(),
             QStringList({kHounslow, kHammersmith, kKensington}));
    QVERIFY(view->stroke().isEmpty());
}

void TestMapView::escapeCancelsTheStroke()
{
    const auto view = londonMap();
    QSignalSpy finished(view.get(), &MapView::strokeFinished);
    QSignalSpy cancelled(view.get(), &MapView::strokeCancelled);

    QTest::mousePress(view.get(), Qt::LeftButton, {}, tileCentre(*view, 0, 3));
    dragTo(*view, tileCentre(*view, 1, 3));
    QTest::keyClick(view.get(), Qt::Key_Escape);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(view->stroke().isEmpty());
    dragTo(*view, tileCentre(*view, 2, 3)); // the button is still down: nothing is added
    QVERIFY(view->stroke().isEmpty());
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, tileCentre(*view, 2, 3));
    QCOMPARE(finished.size(), 0);
}

void TestMapView::withoutPaintingAClickOnlySelects()
{
    const auto view = londonMap();
    view->setPaintingEnabled(false);
    QSignalSpy progress(view.get(), &MapView::strokeProgress);
    QSignalSpy finished(view.get(), &MapView::strokeFinished);
    QSignalSpy numbers(view.get(), &MapView::numberPressed);

    QTest::mousePress(view.get(), Qt::LeftButton, {}, tileCentre(*view, 3, 3));
    dragTo(*view, tileCentre(*view, 4, 3));
    QTest::mouseRelease(view.get(), Qt::LeftButton, {}, tileCentre(*view, 4, 3));
    QTest::keyClick(view.get(), Qt::Key_Return);
    QTest::keyClick(view.get(), Qt::Key_2);

    QCOMPARE(view->currentCode(), kWestminster);
    QCOMPARE(progress.size(), 0);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(numbers.size(), 0);
}

void TestMapView::arrowKeysFollowTheTileGrid_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("key");
    QTest::addColumn<TileGrid::Direction>("direction");

    QTest::newRow("right") << kWestminster << int(Qt::Key_Right) << TileGrid::Direction::Right;
    QTest::newRow("left") << kWestminster << int(Qt::Key_Left) << TileGrid::Direction::Left;
    QTest::newRow("up") << kWestminster << int(Qt::Key_Up) << TileGrid::Direction::Up;
    QTest::newRow("down") << kWestminster << int(Qt::Key_Down) << TileGrid::Direction::Down;
    QTest::newRow("up from Barnet, past the gap")
        << QStringLiteral("E09000003") << int(Qt::Key_Up) << TileGrid::Direction::Up;
}

void TestMapView::arrowKeysFollowTheTileGrid()
{
    QFETCH(QString, from);
    QFETCH(int, key);
    QFETCH(TileGrid::Direction, direction);

    const auto view = londonMap();
    view->setCurrentCode(from);
    QCOMPARE(view->currentCode(), from);
    QSignalSpy changed(view.get(), &MapView::currentChanged);

    const QString expected = m_grid.next(from, direction);
    QTest::keyClick(view.get(), Qt::Key(key));
    QCOMPARE(view->currentCode(), expected.isEmpty() ? from : expected);
    QCOMPARE(changed.size(), expected.isEmpty() ? 0 : 1);
}

void TestMapView::enterAndSpacePaintTheCurrentAuthority()
{
    const auto view = londonMap();
    QSignalSpy finished(view.get(), &MapView::strokeFinished);

    view->setCurrentCode(QString());
    QTest::keyClick(view.get(), Qt::Key_Down); // no current yet: the first in reading order
    QCOMPARE(view->currentCode(), QStringLiteral("E09000010"));

    view->setCurrentCode(kWestminster);
    QTest::keyClick(view.get(), Qt::Key_Return);
    QTest::keyClick(view.get(), Qt::Key_Right);
    QTest::keyClick(view.get(), Qt::Key_Space);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).first().toStringList(), QStringList{kWestminster});
    QCOMPARE(finished.at(1).first().toStringList(), QStringList{kCity});
}

void TestMapView::digitsEmitTheirNumber()
{
    const auto view = londonMap();
    view->setCurrentCode(kCamden);
    QSignalSpy numbers(view.get(), &MapView::numberPressed);

    QTest::keyClick(view.get(), Qt::Key_3);
    QTest::keyClick(view.get(), Qt::Key_0); // not a CPA number
    QTest::keyClick(view.get(), Qt::Key_9);
    QCOMPARE(numbers.size(), 2);
    QCOMPARE(numbers.at(0).at(0).toInt(), 3);
    QCOMPARE(numbers.at(0).at(1).toString(), kCamden);
    QCOMPARE(numbers.at(1).at(0).toInt(), 9);
}

void TestMapView::hoverNamesTheAuthority()
{
    const auto view = londonMap();
    QSignalSpy hovered(view.get(), &MapView::hovered);
    view->setToolTipProvider(
        [](const QString &code) { return QStringLiteral("Tip for %1").arg(code); });

    const QPoint westminster = tileCentre(*view, 3, 3);
    QMouseEvent move(QEvent::MouseMove, QPointF(westminster),
                     view->mapToGlobal(QPointF(westminster)), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(view.get(), &move);
    QCOMPARE(hovered.size(), 1);
    QCOMPARE(hovered.first().first().toString(), kWestminster);

    QHelpEvent help(QEvent::ToolTip, westminster, view->mapToGlobal(westminster));
    QApplication::sendEvent(view.get(), &help);
    QTRY_COMPARE(QToolTip::text(), QStringLiteral("Tip for %1").arg(kWestminster));
    QToolTip::hideText();
}

void TestMapView::currentAuthorityIsAnnounced()
{
    const auto view = londonMap();
    QCOMPARE(view->accessibleName(), QStringLiteral("Map of authorities"));
    QCOMPARE(view->focusPolicy(), Qt::StrongFocus);
    view->setCurrentCode(kWestminster);
    QCOMPARE(view->accessibleDescription(), QStringLiteral("Westminster (E09000033)"));
    view->setCurrentCode(QStringLiteral("E99999999")); // not on the map: ignored
    QCOMPARE(view->currentCode(), kWestminster);
}

void TestMapView::boundaryModeFallsBackToTilesWithoutBoundaries()
{
    MapView view;
    view.setTileGrid(m_grid);
    view.setMode(MapView::Mode::Boundaries);
    QVERIFY(!view.hasBoundaries());
    QCOMPARE(view.mode(), MapView::Mode::Tiles);

    const BoundarySet set = boundariesOf({square(QStringLiteral("A"), 0, 0)});
    view.setBoundaries(&set);
    QVERIFY(view.hasBoundaries());
    QCOMPARE(view.mode(), MapView::Mode::Boundaries);

    view.setBoundaries(nullptr);
    QCOMPARE(view.mode(), MapView::Mode::Tiles);
}

void TestMapView::boundaryModeMapsPointsToAreas()
{
    // North is up: A and B are the northern squares.
    const BoundarySet set = boundariesOf({
        square(QStringLiteral("A"), 0, 1),
        square(QStringLiteral("B"), 1, 1),
        square(QStringLiteral("C"), 0, 0),
        square(QStringLiteral("D"), 1, 0),
    });
    MapView view;
    view.setBoundaries(&set);
    view.setMode(MapView::Mode::Boundaries);
    view.resize(206, 206);

    QCOMPARE(view.codeAt(QPointF(50, 50)), QStringLiteral("A"));
    QCOMPARE(view.codeAt(QPointF(150, 50)), QStringLiteral("B"));
    QCOMPARE(view.codeAt(QPointF(50, 150)), QStringLiteral("C"));
    QCOMPARE(view.codeAt(QPointF(150, 150)), QStringLiteral("D"));
    QCOMPARE(view.codeAt(QPointF(1, 1)), QString()); // the margin
}

void TestMapView::boundaryModeKeepsTheAspect()
{
    const BoundarySet set = boundariesOf({
        square(QStringLiteral("W"), 0, 0),
        square(QStringLiteral("E"), 1, 0),
    });
    MapView view;
    view.setBoundaries(&set);
    view.setMode(MapView::Mode::Boundaries);
    view.resize(206, 206);

    // Two squares side by side in a square widget: a band above and below stays empty.
    QCOMPARE(view.codeAt(QPointF(50, 103)), QStringLiteral("W"));
    QCOMPARE(view.codeAt(QPointF(150, 103)), QStringLiteral("E"));
    QCOMPARE(view.codeAt(QPointF(50, 30)), QString());
    QCOMPARE(view.codeAt(QPointF(150, 176)), QString());
    const QRectF west = view.itemRect(QStringLiteral("W"));
    QVERIFY(qAbs(west.width() - west.height()) < 1);
}

void TestMapView::longitudeIsScaledByTheCosineOfLatitude()
{
    // At 60° north a degree east is half a degree north: two squares of a degree draw square.
    const BoundarySet set = boundariesOf({
        square(QStringLiteral("W"), 0, 60),
        square(QStringLiteral("E"), 1, 60),
    });
    MapView view;
    view.setBoundaries(&set);
    view.setMode(MapView::Mode::Boundaries);
    view.resize(206, 206);

    const QRectF west = view.itemRect(QStringLiteral("W"));
    QVERIFY2(qAbs(west.height() / west.width() - 1 / std::cos(qDegreesToRadians(60.5))) < 0.01,
             qPrintable(QStringLiteral("%1 x %2").arg(west.width()).arg(west.height())));
    QCOMPARE(view.codeAt(QPointF(50, 20)), QStringLiteral("W"));
}

void TestMapView::arrowKeysInBoundaryModeGoToTheNearestArea()
{
    const BoundarySet set = boundariesOf({
        square(QStringLiteral("A"), 0, 1),
        square(QStringLiteral("B"), 1, 1),
        square(QStringLiteral("C"), 0, 0),
        square(QStringLiteral("D"), 1, 0),
    });
    MapView view;
    view.setBoundaries(&set);
    view.setMode(MapView::Mode::Boundaries);
    view.resize(206, 206);

    view.setCurrentCode(QStringLiteral("A"));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentCode(), QStringLiteral("B"));
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.currentCode(), QStringLiteral("D"));
    QTest::keyClick(&view, Qt::Key_Down); // the edge
    QCOMPARE(view.currentCode(), QStringLiteral("D"));
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.currentCode(), QStringLiteral("C"));
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.currentCode(), QStringLiteral("A"));
}

void TestMapView::paintMapFillsAndHighlights()
{
    MapView view;
    view.setAuthorities(m_authorities);
    view.setTileGrid(m_grid);
    const QColor blue(0x1f, 0x77, 0xb4);
    const QColor red(0xd6, 0x27, 0x28);
    view.setFill({{kWestminster, blue}, {kCity, red}, {kKensington, red}});
    view.setHighlighted({kCity});

    const int tile = 80;
    QImage image(8 * tile, 7 * tile, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        view.paintMap(painter, image.rect());
    }

    // Above the label, well inside the tile.
    const auto fillPoint = [&](int column, int row) {
        return QPoint(column * tile + tile / 2, row * tile + tile / 5);
    };
    QCOMPARE(image.pixelColor(fillPoint(3, 3)), blue);
    QCOMPARE(image.pixelColor(fillPoint(4, 3)).rgb(), red.rgb()); // inside the highlight band
    const QColor unfilled = image.pixelColor(fillPoint(3, 2));    // Camden: in no CPA
    QVERIFY(unfilled.red() == unfilled.green() && unfilled.green() == unfilled.blue());
    QVERIFY(unfilled.red() > 200 && unfilled.red() < 250);

    // From a tile's left edge towards its centre: the highlight's red on City only.
    const auto hasHighlightRed = [&](int column, int row) {
        const int y = row * tile + tile / 2;
        for (int x = column * tile; x < column * tile + tile / 4; ++x) {
            if (isHighlightRed(image.pixelColor(x, y)))
                return true;
        }
        return false;
    };
    QVERIFY(hasHighlightRed(4, 3));
    QVERIFY(!hasHighlightRed(2, 3)); // Kensington and Chelsea, same fill, not highlighted
    QVERIFY(!hasHighlightRed(3, 3));
}

void TestMapView::labelsContrastWithTheirFill()
{
    MapView view;
    view.setAuthorities(m_authorities);
    view.setTileGrid(m_grid);
    view.setFill({{kWestminster, QColor(0x00, 0x00, 0x80)}, {kCity, QColor(0xff, 0xff, 0x99)}});

    const int tile = 80;
    QImage image(8 * tile, 7 * tile, QImage::Format_ARGB32);
    image.fill(Qt::gray);
    {
        QPainter painter(&image);
        view.paintMap(painter, image.rect());
    }
    // The label's pixels: the lightest and the darkest in the middle of the tile.
    const auto lightness = [&](int column, int row) {
        int lightest = 0;
        int darkest = 255;
        for (int y = row * tile + tile / 3; y < row * tile + 2 * tile / 3; ++y) {
            for (int x = column * tile + 8; x < column * tile + tile - 8; ++x) {
                const int l = image.pixelColor(x, y).lightness();
                lightest = std::max(lightest, l);
                darkest = std::min(darkest, l);
            }
        }
        return std::pair(lightest, darkest);
    };
    QVERIFY(lightness(3, 3).first > 220); // white on navy
    QVERIFY(lightness(4, 3).second < 40); // black on pale yellow
}

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
