#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPoint>
#include <QString>

namespace CoCommission {

/**
 * A square-tile map: one tile per authority at a column and row (0-based, row 0 at the top),
 * the layout London's data community uses. It needs no boundary file.
 *
 * Invariants: codes are unique, and no two tiles share a cell.
 */
class TileGrid
{
    Q_DECLARE_TR_FUNCTIONS(TileGrid)

public:
    struct Tile
    {
        QString code;
        int column = 0;
        int row = 0;

        bool operator==(const Tile &) const = default;
    };

    enum class Direction { Left, Right, Up, Down };

    TileGrid() = default;

    /** "London Squared": London's 33 authorities on 8 columns and 7 rows. */
    static Result<TileGrid> london();

    /** Reads a CSV with the header gss_code,column,row; errors name the file, line and field. */
    static Result<TileGrid> fromCsv(const QByteArray &data, const QString &fileName);

    const QList<Tile> &tiles() const { return m_tiles; }
    bool contains(const QString &code) const { return m_index.contains(code); }
    /** The tile of \a code, or nullptr. */
    const Tile *tile(const QString &code) const;
    /** The code on the tile at \a column, \a row, or an empty string. */
    QString codeAt(int column, int row) const;
    int columnCount() const { return m_columns; }
    int rowCount() const { return m_rows; }

    /**
     * The authority a keyboard user reaches from \a code with an arrow key: the nearest tile in
     * \a direction, preferring the same row (or column); an empty string at the edge.
     */
    QString next(const QString &code, Direction direction) const;

    bool operator==(const TileGrid &other) const { return m_tiles == other.m_tiles; }

private:
    QList<Tile> m_tiles;
    QHash<QString, int> m_index;
    int m_columns = 0;
    int m_rows = 0;
};

/**
 * A label of up to five characters for an authority's tile: a fixed one for the 33 London
 * authorities ("City", "Camd", "K&C", ...), else one made from \a name (the initials of a name
 * of several words, or its first four letters).
 */
QString tileLabel(const QString &gssCode, const QString &name);

} // namespace CoCommission
