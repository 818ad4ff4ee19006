#pragma once

#include "core/common/result.h"
#include "core/cpa/adjacency.h"
#include "core/round/round.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace CoCommission {

/**
 * The boundary of one area as drawn: its rings (the outer rings of its polygons and their
 * holes) in the file's coordinates, x east and y north. Fill them with Qt::OddEvenFill so that
 * holes stay open; a view flips y, and for longitude/latitude scales x by cos(latitude), to keep
 * the aspect.
 */
struct BoundaryArea
{
    QString code;
    QList<QPolygonF> rings;
    QRectF bounds;

    /** The rings as one path with Qt::OddEvenFill. */
    QPainterPath path() const;

    bool operator==(const BoundaryArea &) const = default;
};

/**
 * The areas of a GeoJSON boundary file and the adjacency they define.
 *
 * Made only by fromGeoJson(), which refuses a file unless every feature has a unique code and
 * a valid, non-empty Polygon or MultiPolygon (validity as GEOS defines it). Two areas are
 * neighbours when their boundaries share a stretch of positive length; touching at a point is
 * not enough. Every such contact counts as land contact: a boundary file cannot tell a river
 * boundary from a land one.
 */
class BoundarySet
{
    Q_DECLARE_TR_FUNCTIONS(BoundarySet)

public:
    BoundarySet() = default;

    /**
     * Reads a GeoJSON FeatureCollection from \a data. The code of each feature is taken from
     * the property \a codeProperty (matched exactly, else ignoring case) or, when that is
     * empty, from the first of codePropertyCandidates() that the first feature has. Errors
     * name \a fileName and the feature (its number, from 1, and its code when known).
     */
    static Result<BoundarySet> fromGeoJson(const QByteArray &data, const QString &fileName,
                                           const QString &codeProperty = {});
    /** fromGeoJson() on the file at \a path. */
    static Result<BoundarySet> readGeoJson(const QString &path, const QString &codeProperty = {});

    /** The property names searched for a code, in order (matched ignoring case). */
    static QStringList codePropertyCandidates();

    /** The property the codes were read from, as the file spells it. */
    QString codeProperty() const { return m_codeProperty; }
    const QList<BoundaryArea> &areas() const { return m_areas; }
    /** The area with \a code, or nullptr. */
    const BoundaryArea *area(const QString &code) const;
    QStringList codes() const;
    /** The bounds of all areas. */
    QRectF bounds() const { return m_bounds; }
    /** Whether the coordinates look like longitude and latitude (within ±180, ±90). */
    bool isGeographic() const;
    /** Neighbours by shared boundary; every edge is a land contact. */
    const Adjacency &adjacency() const { return m_adjacency; }

    /** This set with only the areas in \a codes (and the adjacency among them). */
    BoundarySet restrictedTo(const QStringList &codes) const;

    bool operator==(const BoundarySet &other) const
    {
        return m_codeProperty == other.m_codeProperty && m_areas == other.m_areas &&
               m_adjacency == other.m_adjacency;
    }

private:
    QString m_codeProperty;
    QList<BoundaryArea> m_areas;
    QHash<QString, int> m_index;
    QRectF m_bounds;
    Adjacency m_adjacency;
};

/** Boundaries read for a round, with how their codes match the round's authorities. */
struct BoundaryImport
{
    BoundarySet boundaries;   ///< every area of the file, including unknown codes
    QStringList unknownCodes; ///< codes in the file that are not the round's, in file order
    QStringList missingCodes; ///< the round's authorities without an area, in round order
};

/**
 * Reads a boundary file for a round with \a authorities. Codes the round does not know and
 * authorities the file lacks are listed, not errors: the caller decides whether to go on (an
 * authority without a boundary has no neighbours, so a CPA holding it is not contiguous).
 */
Result<BoundaryImport> importBoundaries(const QByteArray &data, const QString &fileName,
                                        const QList<Authority> &authorities,
                                        const QString &codeProperty = {});
Result<BoundaryImport> importBoundaries(const QString &path, const QList<Authority> &authorities,
                                        const QString &codeProperty = {});

} // namespace CoCommission
