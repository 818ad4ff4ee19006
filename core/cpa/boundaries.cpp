#include "core/cpa/boundaries.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <memory>
#include <vector>

// Only the reentrant C API, and only in this file: no GEOS type reaches a header of ours.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

namespace CoCommission {

namespace {

/** One GEOS context for one import, collecting the last error GEOS reports. */
class GeosContext
{
public:
    GeosContext()
        : m_handle(GEOS_init_r())
    {
        GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, this);
    }
    ~GeosContext() { GEOS_finish_r(m_handle); }
    GeosContext(const GeosContext &) = delete;
    GeosContext &operator=(const GeosContext &) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    /** The last error GEOS reported, and forgets it. */
    QString takeError()
    {
        QString e = m_lastError;
        m_lastError.clear();
        return e;
    }

private:
    static void onError(const char *message, void *userData)
    {
        static_cast<GeosContext *>(userData)->m_lastError = QString::fromUtf8(message);
    }

    GEOSContextHandle_t m_handle;
    QString m_lastError;
};

struct GeometryDeleter
{
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry *geometry) const { GEOSGeom_destroy_r(handle, geometry); }
};
using GeometryPtr = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

/** A string GEOS allocated, freed with GEOSFree_r. */
QString takeGeosString(GEOSContextHandle_t handle, char *text)
{
    if (!text)
        return {};
    const QString result = QString::fromUtf8(text);
    GEOSFree_r(handle, text);
    return result;
}

// One translation context for the whole file: the class's.
QString tr(const char *text)
{
    return BoundarySet::tr(text);
}

/** "feature 3" or "feature 3 (E09000007)", for messages. */
QString featureLabel(qsizetype index, const QString &code)
{
    return code.isEmpty() ? tr("feature %1").arg(index + 1)
                          : tr("feature %1 (%2)").arg(index + 1).arg(code);
}

/** Rings of one polygon read from GeoJSON coordinates, before they become GEOS geometry. */
using Rings = QList<QPolygonF>;

/**
 * Reads the rings of a GeoJSON Polygon. Returns an empty string on success, else what is wrong;
 * a polygon without rings or with an empty outer ring comes back as no rings.
 */
QString readPolygon(const QJsonValue &value, Rings &rings)
{
    if (!value.isArray())
        return tr("its coordinates are not a list of rings");
    const QJsonArray ringArray = value.toArray();
    for (qsizetype r = 0; r < ringArray.size(); ++r) {
        if (!ringArray[r].isArray())
            return tr("ring %1 is not a list of positions").arg(r + 1);
        const QJsonArray positions = ringArray[r].toArray();
        if (positions.isEmpty()) {
            if (r == 0)
                return {}; // an empty polygon; the caller reports empty geometry
            return tr("ring %1 has no positions").arg(r + 1);
        }
        QPolygonF ring;
        ring.reserve(positions.size());
        for (qsizetype p = 0; p < positions.size(); ++p) {
            const QJsonArray position = positions[p].toArray();
            if (position.size() < 2 || !position[0].isDouble() || !position[1].isDouble())
                return tr("position %1 of ring %2 is not a pair of numbers").arg(p + 1).arg(r + 1);
            const double x = position[0].toDouble();
            const double y = position[1].toDouble();
            if (!std::isfinite(x) || !std::isfinite(y))
                return tr("position %1 of ring %2 is not finite").arg(p + 1).arg(r + 1);
            ring.append(QPointF(x, y));
        }
        if (ring.size() < 4)
            return tr("ring %1 has %2 positions; a ring needs at least 4")
                .arg(r + 1)
                .arg(ring.size());
        if (ring.first() != ring.last())
            return tr("ring %1 is not closed: its last position differs from its first").arg(r + 1);
        rings.append(ring);
    }
    return {};
}

GEOSGeometry *makeRing(GEOSContextHandle_t handle, const QPolygonF &ring)
{
    GEOSCoordSequence *sequence = GEOSCoordSeq_create_r(handle, unsigned(ring.size()), 2);
    if (!sequence)
        return nullptr;
    for (qsizetype i = 0; i < ring.size(); ++i)
        GEOSCoordSeq_setXY_r(handle, sequence, unsigned(i), ring[i].x(), ring[i].y());
    return GEOSGeom_createLinearRing_r(handle, sequence); // takes the sequence
}

GEOSGeometry *makePolygon(GEOSContextHandle_t handle, const Rings &rings)
{
    GEOSGeometry *shell = makeRing(handle, rings.first());
    if (!shell)
        return nullptr;
    std::vector<GEOSGeometry *> holes;
    for (qsizetype i = 1; i < rings.size(); ++i) {
        GEOSGeometry *hole = makeRing(handle, rings[i]);
        if (!hole) {
            GEOSGeom_destroy_r(handle, shell);
            for (GEOSGeometry *h : holes)
                GEOSGeom_destroy_r(handle, h);
            return nullptr;
        }
        holes.push_back(hole);
    }
    return GEOSGeom_createPolygon_r(handle, shell, holes.data(), unsigned(holes.size()));
}

/** Bounds that also meet when two rectangles only touch, unlike QRectF::intersects(). */
bool boundsMeet(const QRectF &a, const QRectF &b)
{
    return a.left() <= b.right() && b.left() <= a.right() && a.top() <= b.bottom() &&
           b.top() <= a.bottom();
}

QString findProperty(const QJsonObject &properties, const QString &wanted)
{
    if (properties.contains(wanted))
        return wanted;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (it.key().compare(wanted, Qt::CaseInsensitive) == 0)
            return it.key();
    }
    return {};
}

} // namespace

QPainterPath BoundaryArea::path() const
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF &ring : rings)
        path.addPolygon(ring);
    return path;
}

QStringList BoundarySet::codePropertyCandidates()
{
    return {QStringLiteral("code"),      QStringLiteral("gss_code"),  QStringLiteral("LAD24CD"),
            QStringLiteral("LAD23CD"),   QStringLiteral("LAD22CD"),   QStringLiteral("LAD21CD"),
            QStringLiteral("LAD20CD"),   QStringLiteral("LAD19CD"),   QStringLiteral("CTYUA24CD"),
            QStringLiteral("CTYUA23CD"), QStringLiteral("CTYUA22CD"), QStringLiteral("CTYUA21CD"),
            QStringLiteral("CTYUA20CD"), QStringLiteral("CTYUA19CD")};
}

Result<BoundarySet> BoundarySet::readGeoJson(const QString &path, const QString &codeProperty)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot open %1: %2").arg(path, file.errorString())};
    return fromGeoJson(file.readAll(), path, codeProperty);
}

Result<BoundarySet> BoundarySet::fromGeoJson(const QByteArray &data, const QString &fileName,
                                             const QString &codeProperty)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{tr("%1 is not JSON: %2 at character %3.")
                         .arg(fileName, parseError.errorString())
                         .arg(parseError.offset)};
    }
    const QJsonObject root = document.object();
    const QString rootType = root.value(QLatin1String("type")).toString();
    if (!document.isObject() || rootType != QLatin1String("FeatureCollection")) {
        return Error{tr("%1 is not a GeoJSON FeatureCollection (its type is “%2”).")
                         .arg(fileName, document.isObject() ? rootType : tr("not an object"))};
    }
    if (!root.value(QLatin1String("features")).isArray())
        return Error{tr("%1: the FeatureCollection has no list of features.").arg(fileName)};
    const QJsonArray features = root.value(QLatin1String("features")).toArray();
    if (features.isEmpty())
        return Error{tr("%1 holds no features.").arg(fileName)};

    // The code property, from the first feature.
    const QJsonObject firstProperties =
        features.first().toObject().value(QLatin1String("properties")).toObject();
    QString property;
    if (!codeProperty.isEmpty()) {
        property = findProperty(firstProperties, codeProperty);
        if (property.isEmpty()) {
            return Error{tr("%1: the first feature has no property “%2” (it has: %3).")
                             .arg(fileName, codeProperty,
                                  firstProperties.keys().join(QStringLiteral(", ")))};
        }
    } else {
        for (const QString &candidate : codePropertyCandidates()) {
            property = findProperty(firstProperties, candidate);
            if (!property.isEmpty())
                break;
        }
        if (property.isEmpty()) {
            return Error{tr("%1: no property of the first feature looks like a GSS code (looked "
                            "for %2; it has: %3). Name the property to use.")
                             .arg(fileName, codePropertyCandidates().join(QStringLiteral(", ")),
                                  firstProperties.keys().join(QStringLiteral(", ")))};
        }
    }

    GeosContext geos;
    const GEOSContextHandle_t handle = geos.handle();
    BoundarySet set;
    set.m_codeProperty = property;
    std::vector<GeometryPtr> geometries;
    QHash<QString, qsizetype> featureOf;

    for (qsizetype i = 0; i < features.size(); ++i) {
        const QJsonObject feature = features[i].toObject();
        if (!features[i].isObject() ||
            feature.value(QLatin1String("type")).toString() != QLatin1String("Feature")) {
            return Error{tr("%1, %2: not a GeoJSON Feature.").arg(fileName, featureLabel(i, {}))};
        }
        const QJsonObject properties = feature.value(QLatin1String("properties")).toObject();
        const QJsonValue codeValue = properties.value(findProperty(properties, property));
        const QString code = codeValue.toString().trimmed();
        if (code.isEmpty()) {
            return Error{tr("%1, %2 has no code: its property “%3” is missing, empty or not text.")
                             .arg(fileName, featureLabel(i, {}), property)};
        }
        const QString label = featureLabel(i, code);
        if (const auto earlier = featureOf.constFind(code); earlier != featureOf.cend()) {
            return Error{tr("%1, %2: the code is also on feature %3.")
                             .arg(fileName, label)
                             .arg(*earlier + 1)};
        }
        featureOf.insert(code, i);

        const QJsonValue geometryValue = feature.value(QLatin1String("geometry"));
        if (!geometryValue.isObject())
            return Error{tr("%1, %2 has no geometry.").arg(fileName, label)};
        const QJsonObject geometry = geometryValue.toObject();
        const QString type = geometry.value(QLatin1String("type")).toString();
        const QJsonValue coordinates = geometry.value(QLatin1String("coordinates"));

        QList<Rings> polygons;
        QString problem;
        if (type == QLatin1String("Polygon")) {
            Rings rings;
            problem = readPolygon(coordinates, rings);
            if (!rings.isEmpty())
                polygons.append(rings);
        } else if (type == QLatin1String("MultiPolygon")) {
            if (!coordinates.isArray()) {
                problem = tr("its coordinates are not a list of polygons");
            } else {
                const QJsonArray list = coordinates.toArray();
                for (qsizetype p = 0; p < list.size() && problem.isEmpty(); ++p) {
                    Rings rings;
                    problem = readPolygon(list[p], rings);
                    if (!problem.isEmpty())
                        problem = tr("polygon %1: %2").arg(p + 1).arg(problem);
                    else if (!rings.isEmpty())
                        polygons.append(rings);
                }
            }
        } else {
            return Error{tr("%1, %2: the geometry type “%3” is not supported; use Polygon or "
                            "MultiPolygon.")
                             .arg(fileName, label, type)};
        }
        if (!problem.isEmpty())
            return Error{tr("%1, %2: %3.").arg(fileName, label, problem)};
        if (polygons.isEmpty())
            return Error{tr("%1, %2 has an empty geometry.").arg(fileName, label)};

        // GEOS geometry: a Polygon, or a MultiPolygon when the feature has several.
        GeometryPtr built(nullptr, GeometryDeleter{handle});
        if (type == QLatin1String("Polygon")) {
            built.reset(makePolygon(handle, polygons.first()));
        } else {
            std::vector<GEOSGeometry *> parts;
            bool failed = false;
            for (const Rings &rings : std::as_const(polygons)) {
                GEOSGeometry *part = makePolygon(handle, rings);
                if (!part) {
                    failed = true;
                    break;
                }
                parts.push_back(part);
            }
            if (failed) {
                for (GEOSGeometry *part : parts)
                    GEOSGeom_destroy_r(handle, part);
            } else {
                built.reset(GEOSGeom_createCollection_r(handle, GEOS_MULTIPOLYGON, parts.data(),
                                                        unsigned(parts.size())));
            }
        }
        if (!built) {
            return Error{tr("%1, %2: the geometry cannot be built: %3.")
                             .arg(fileName, label, geos.takeError())};
        }
        if (GEOSisEmpty_r(handle, built.get()) == 1)
            return Error{tr("%1, %2 has an empty geometry.").arg(fileName, label)};
        const char valid = GEOSisValid_r(handle, built.get());
        if (valid != 1) {
            const QString reason =
                valid == 0 ? takeGeosString(handle, GEOSisValidReason_r(handle, built.get()))
                           : geos.takeError();
            return Error{tr("%1, %2: the geometry is not valid: %3.").arg(fileName, label, reason)};
        }

        BoundaryArea area;
        area.code = code;
        for (const Rings &rings : std::as_const(polygons)) {
            for (const QPolygonF &ring : rings) {
                area.rings.append(ring);
                area.bounds = area.bounds.isNull() ? ring.boundingRect()
                                                   : area.bounds.united(ring.boundingRect());
            }
        }
        set.m_bounds = set.m_areas.isEmpty() ? area.bounds : set.m_bounds.united(area.bounds);
        set.m_index.insert(code, int(set.m_areas.size()));
        set.m_areas.append(area);
        set.m_adjacency.addUnit(code);
        geometries.push_back(std::move(built));
    }

    // Neighbours: the boundaries' intersection has dimension 1 (DE-9IM boundary/boundary
    // entry), i.e. they share a stretch of positive length, not just points.
    for (qsizetype a = 0; a < set.m_areas.size(); ++a) {
        for (qsizetype b = a + 1; b < set.m_areas.size(); ++b) {
            if (!boundsMeet(set.m_areas[a].bounds, set.m_areas[b].bounds))
                continue;
            const char shared = GEOSRelatePattern_r(handle, geometries[size_t(a)].get(),
                                                    geometries[size_t(b)].get(), "****1****");
            if (shared == 2) {
                return Error{tr("%1: cannot compare %2 with %3: %4.")
                                 .arg(fileName, featureLabel(a, set.m_areas[a].code),
                                      featureLabel(b, set.m_areas[b].code), geos.takeError())};
            }
            if (shared == 1)
                set.m_adjacency.addEdge(int(a), int(b), true);
        }
    }
    return set;
}

const BoundaryArea *BoundarySet::area(const QString &code) const
{
    const int index = m_index.value(code, -1);
    return index >= 0 ? &m_areas.at(index) : nullptr;
}

QStringList BoundarySet::codes() const
{
    QStringList result;
    for (const BoundaryArea &area : m_areas)
        result.append(area.code);
    return result;
}

bool BoundarySet::isGeographic() const
{
    return !m_areas.isEmpty() && m_bounds.left() >= -180 && m_bounds.right() <= 180 &&
           m_bounds.top() >= -90 && m_bounds.bottom() <= 90;
}

BoundarySet BoundarySet::restrictedTo(const QStringList &codes) const
{
    const QSet<QString> keep(codes.cbegin(), codes.cend());
    BoundarySet result;
    result.m_codeProperty = m_codeProperty;
    QStringList kept;
    for (const BoundaryArea &area : m_areas) {
        if (!keep.contains(area.code))
            continue;
        result.m_bounds =
            result.m_areas.isEmpty() ? area.bounds : result.m_bounds.united(area.bounds);
        result.m_index.insert(area.code, int(result.m_areas.size()));
        result.m_areas.append(area);
        kept.append(area.code);
    }
    result.m_adjacency = m_adjacency.restrictedTo(kept);
    return result;
}

Result<BoundaryImport> importBoundaries(const QByteArray &data, const QString &fileName,
                                        const QList<Authority> &authorities,
                                        const QString &codeProperty)
{
    Result<BoundarySet> set = BoundarySet::fromGeoJson(data, fileName, codeProperty);
    if (!set)
        return set.error();
    BoundaryImport import;
    import.boundaries = std::move(*set);
    QSet<QString> known;
    for (const Authority &a : authorities) {
        known.insert(a.gssCode);
        if (!import.boundaries.area(a.gssCode))
            import.missingCodes.append(a.gssCode);
    }
    for (const BoundaryArea &area : import.boundaries.areas()) {
        if (!known.contains(area.code))
            import.unknownCodes.append(area.code);
    }
    return import;
}

Result<BoundaryImport> importBoundaries(const QString &path, const QList<Authority> &authorities,
                                        const QString &codeProperty)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{BoundarySet::tr("Cannot open %1: %2").arg(path, file.errorString())};
    return importBoundaries(file.readAll(), path, authorities, codeProperty);
}

} // namespace CoCommission
