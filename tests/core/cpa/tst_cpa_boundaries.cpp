#include "core/cpa/boundaries.h"
#include "core/cpa/plancheck.h"
#include "tests/support/testsupport.h"

#include <QTest>

using namespace CoCommission;

class TestCpaBoundaries : public QObject
{
    Q_OBJECT

private slots:
    void edgeNeighboursButNotCornerNeighbours();
    void aCpaJoinedOnlyAtACornerIsNotContiguous();
    void codePropertyIsFound_data();
    void codePropertyIsFound();
    void ringsAndBoundsForDrawing();
    void multiPolygonWithHoleAndPartialSharedEdge();
    void importListsUnknownAndMissingCodes();
    void restrictedTo();
    void badInput_data();
    void badInput();
    void missingFile();

private:
    static QString fixture(const QString &name)
    {
        return TestSupport::dataDir() + QStringLiteral("/cpa/geojson/") + name;
    }
};

void TestCpaBoundaries::edgeNeighboursButNotCornerNeighbours()
{
    const Result<BoundarySet> set =
        BoundarySet::readGeoJson(fixture(QStringLiteral("squares_2x2.geojson")));
    QVERIFY2(set.ok(), qPrintable(set.errorMessage()));
    const Adjacency &adjacency = set->adjacency();
    QCOMPARE(adjacency.unitCount(), 4);
    const auto neighbours = [&](const char *a, const char *b) {
        return adjacency.areNeighbours(QString::fromLatin1(a), QString::fromLatin1(b),
                                       AdjacencyRule::LandContactOnly);
    };
    // A B on the bottom row, C D on the top row.
    QVERIFY(neighbours("A", "B"));
    QVERIFY(neighbours("A", "C"));
    QVERIFY(neighbours("B", "D"));
    QVERIFY(neighbours("C", "D"));
    QVERIFY(!neighbours("A", "D")); // only the centre point
    QVERIFY(!neighbours("B", "C"));
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LegalBoundary), 4);
    QCOMPARE(adjacency.edgeCount(AdjacencyRule::LandContactOnly), 4);
}

void TestCpaBoundaries::aCpaJoinedOnlyAtACornerIsNotContiguous()
{
    const BoundarySet set =
        *BoundarySet::readGeoJson(fixture(QStringLiteral("squares_2x2.geojson")));
    QList<Authority> authorities;
    for (const QString &code : set.codes())
        authorities.append({code, QStringLiteral("Area ") + code});
    CpaPlan plan;
    plan.name = QStringLiteral("Diagonals");
    plan.cpas = {Cpa{CpaId(1),
                     QStringLiteral("AD"),
                     QStringLiteral("#000000"),
                     {QStringLiteral("A"), QStringLiteral("D")}},
                 Cpa{CpaId(2),
                     QStringLiteral("BC"),
                     QStringLiteral("#000000"),
                     {QStringLiteral("B"), QStringLiteral("C")}}};
    const PlanCheck check = checkPlan(authorities, {}, plan, set.adjacency());
    QCOMPARE(check.cpas[0].components, 2);
    QCOMPARE(check.cpas[1].components, 2);
    QVERIFY(!check.ok());

    plan.cpas[0].members = {QStringLiteral("A"), QStringLiteral("B")};
    plan.cpas[1].members = {QStringLiteral("C"), QStringLiteral("D")};
    QVERIFY(checkPlan(authorities, {}, plan, set.adjacency()).ok());
}

void TestCpaBoundaries::codePropertyIsFound_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("asked");
    QTest::addColumn<QString>("used");
    QTest::newRow("LAD23CD found") << "squares_2x2.geojson"
                                   << ""
                                   << "LAD23CD";
    QTest::newRow("lad19cd found ignoring case") << "squares_lowercase_property.geojson"
                                                 << ""
                                                 << "lad19cd";
    QTest::newRow("named by the caller") << "squares_custom_property.geojson"
                                         << "borough_id"
                                         << "borough_id";
    QTest::newRow("named ignoring case") << "squares_custom_property.geojson"
                                         << "BOROUGH_ID"
                                         << "borough_id";
    QTest::newRow("named over a candidate") << "squares_2x2.geojson"
                                            << "LAD23NM"
                                            << "LAD23NM";
    QTest::newRow("code") << "multipolygon.geojson"
                          << ""
                          << "code";
}

void TestCpaBoundaries::codePropertyIsFound()
{
    QFETCH(QString, file);
    QFETCH(QString, asked);
    QFETCH(QString, used);
    const Result<BoundarySet> set = BoundarySet::readGeoJson(fixture(file), asked);
    QVERIFY2(set.ok(), qPrintable(set.errorMessage()));
    QCOMPARE(set->codeProperty(), used);
    if (used == QLatin1String("LAD23NM"))
        QCOMPARE(set->codes().first(), QStringLiteral("Area A"));
}

void TestCpaBoundaries::ringsAndBoundsForDrawing()
{
    const BoundarySet set =
        *BoundarySet::readGeoJson(fixture(QStringLiteral("squares_2x2.geojson")));
    QCOMPARE(set.codes(), (QStringList{QStringLiteral("A"), QStringLiteral("B"),
                                       QStringLiteral("C"), QStringLiteral("D")}));
    const BoundaryArea *d = set.area(QStringLiteral("D"));
    QVERIFY(d);
    QCOMPARE(d->rings.size(), 1);
    QCOMPARE(d->rings.first().size(), 5);
    QCOMPARE(d->bounds, QRectF(1, 1, 1, 1));
    QCOMPARE(set.bounds(), QRectF(0, 0, 2, 2));
    QVERIFY(set.isGeographic());
    QVERIFY(d->path().contains(QPointF(1.5, 1.5)));
    QVERIFY(!d->path().contains(QPointF(0.5, 0.5)));
    QCOMPARE(set.area(QStringLiteral("Z")), nullptr);
}

void TestCpaBoundaries::multiPolygonWithHoleAndPartialSharedEdge()
{
    const Result<BoundarySet> set =
        BoundarySet::readGeoJson(fixture(QStringLiteral("multipolygon.geojson")));
    QVERIFY2(set.ok(), qPrintable(set.errorMessage()));
    const BoundaryArea *m = set->area(QStringLiteral("M"));
    QCOMPARE(m->rings.size(), 3); // outer ring, its hole, the second polygon
    QCOMPARE(m->bounds, QRectF(0, 0, 12, 4));
    QVERIFY(!m->path().contains(QPointF(1.5, 1.5))); // in the hole
    QVERIFY(m->path().contains(QPointF(3, 3)));
    QVERIFY(m->path().contains(QPointF(11, 1)));
    QVERIFY(set->adjacency().areNeighbours(QStringLiteral("M"), QStringLiteral("N"),
                                           AdjacencyRule::LegalBoundary));
    QVERIFY(
        set->adjacency().neighbours(QStringLiteral("P"), AdjacencyRule::LegalBoundary).isEmpty());
    QVERIFY(!set->isGeographic() || set->bounds().right() <= 180);
}

void TestCpaBoundaries::importListsUnknownAndMissingCodes()
{
    const QList<Authority> authorities = {{QStringLiteral("A"), QStringLiteral("Area A")},
                                          {QStringLiteral("B"), QStringLiteral("Area B")},
                                          {QStringLiteral("E"), QStringLiteral("Area E")}};
    const Result<BoundaryImport> import =
        importBoundaries(fixture(QStringLiteral("squares_2x2.geojson")), authorities);
    QVERIFY2(import.ok(), qPrintable(import.errorMessage()));
    QCOMPARE(import->unknownCodes, (QStringList{QStringLiteral("C"), QStringLiteral("D")}));
    QCOMPARE(import->missingCodes, QStringList{QStringLiteral("E")});
    QCOMPARE(import->boundaries.areas().size(), 4);
}

void TestCpaBoundaries::restrictedTo()
{
    const BoundarySet set =
        *BoundarySet::readGeoJson(fixture(QStringLiteral("squares_2x2.geojson")));
    const BoundarySet part = set.restrictedTo(
        {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("D"), QStringLiteral("Z")});
    QCOMPARE(part.codes(),
             (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("D")}));
    QCOMPARE(part.adjacency().edgeCount(AdjacencyRule::LegalBoundary), 2);
    QCOMPARE(part.bounds(), QRectF(0, 0, 2, 2));
}

void TestCpaBoundaries::badInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("not JSON") << "not_json.geojson" << QStringList{"not_json.geojson is not JSON"};
    QTest::newRow("a Feature, not a FeatureCollection")
        << "not_collection.geojson"
        << QStringList{"not_collection.geojson is not a GeoJSON FeatureCollection", "“Feature”"};
    QTest::newRow("no features") << "no_features.geojson"
                                 << QStringList{"no_features.geojson holds no features"};
    QTest::newRow("feature without a code")
        << "no_code.geojson" << QStringList{"no_code.geojson, feature 2 has no code", "“code”"};
    QTest::newRow("duplicate code")
        << "duplicate_code.geojson"
        << QStringList{"duplicate_code.geojson, feature 3 (A): the code is also on feature 1"};
    QTest::newRow("empty geometry")
        << "empty_geometry.geojson" << QStringList{"feature 2 (E) has an empty geometry"};
    QTest::newRow("null geometry")
        << "null_geometry.geojson" << QStringList{"feature 2 (E) has no geometry"};
    QTest::newRow("self-intersecting")
        << "self_intersecting.geojson"
        << QStringList{"feature 1 (BOW): the geometry is not valid", "Self-intersection"};
    QTest::newRow("unsupported type")
        << "unsupported_type.geojson"
        << QStringList{"feature 2 (PT): the geometry type “Point” is not supported"};
    QTest::newRow("unclosed ring")
        << "unclosed_ring.geojson" << QStringList{"feature 1 (U): ring 1 is not closed"};
    QTest::newRow("ring too short")
        << "short_ring.geojson" << QStringList{"feature 1 (S): ring 1 has 3 positions"};
    QTest::newRow("no code property")
        << "no_code_property.geojson"
        << QStringList{"no property of the first feature looks like a GSS code", "it has: name"};
    QTest::newRow("bad coordinates")
        << "bad_coordinates.geojson"
        << QStringList{"feature 1 (A): position 2 of ring 1 is not a pair of numbers"};
}

void TestCpaBoundaries::badInput()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Result<BoundarySet> set = BoundarySet::readGeoJson(fixture(file));
    QVERIFY(!set.ok());
    QVERIFY2(set.errorMessage().contains(fixture(file)), qPrintable(set.errorMessage()));
    for (const QString &fragment : expected)
        QVERIFY2(set.errorMessage().contains(fragment), qPrintable(set.errorMessage()));
    // The function taking the round's authorities refuses the same way.
    const Result<BoundaryImport> import = importBoundaries(fixture(file), {});
    QCOMPARE(import.errorMessage(), set.errorMessage());
}

void TestCpaBoundaries::missingFile()
{
    const Result<BoundarySet> set =
        BoundarySet::readGeoJson(fixture(QStringLiteral("absent.geojson")));
    QVERIFY(!set.ok());
    QVERIFY(set.errorMessage().contains(u"absent.geojson"));
    const Result<BoundarySet> named = BoundarySet::readGeoJson(
        fixture(QStringLiteral("squares_2x2.geojson")), QStringLiteral("ward"));
    QVERIFY(!named.ok());
    QVERIFY2(named.errorMessage().contains(u"no property “ward”"),
             qPrintable(named.errorMessage()));
}

QTEST_GUILESS_MAIN(TestCpaBoundaries)
#include "tst_cpa_boundaries.moc"
