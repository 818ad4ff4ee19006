#include "core/cpa/tilegrid.h"

#include "core/cpa/csvtable.h"

#include <QSet>
#include <QStringList>

#include <cstdlib>
#include <limits>

namespace CoCommission {

Result<TileGrid> TileGrid::london()
{
    const QString path = QStringLiteral(":/reference/tile_grid.csv");
    const Result<QByteArray> data = CsvTable::readBuiltIn(path);
    if (!data)
        return data.error();
    return fromCsv(*data, path);
}

Result<TileGrid> TileGrid::fromCsv(const QByteArray &data, const QString &fileName)
{
    Result<QList<CsvTable::Row>> rows = CsvTable::parse(data, fileName);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{tr("%1 is empty: it needs the header gss_code,column,row.").arg(fileName)};
    const CsvTable::Row header = rows->takeFirst();
    const QStringList expected = {QStringLiteral("gss_code"), QStringLiteral("column"),
                                  QStringLiteral("row")};
    QStringList found;
    for (const QString &f : header.fields)
        found.append(f.trimmed().toLower());
    if (found != expected) {
        return Error{tr("%1, line %2: the header must be gss_code,column,row.")
                         .arg(fileName)
                         .arg(header.line)};
    }

    TileGrid grid;
    QHash<QPoint, QString> cells;
    for (const CsvTable::Row &row : std::as_const(*rows)) {
        if (row.fields.size() != 3) {
            return Error{tr("%1, line %2: expected 3 fields, found %3.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(row.fields.size())};
        }
        Tile tile;
        tile.code = row.fields[0].trimmed();
        if (tile.code.isEmpty()) {
            return Error{
                tr("%1, line %2, field gss_code: the code is empty.").arg(fileName).arg(row.line)};
        }
        if (grid.m_index.contains(tile.code)) {
            return Error{tr("%1, line %2, field gss_code: %3 has a tile already.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(tile.code)};
        }
        bool okColumn = false;
        bool okRow = false;
        tile.column = row.fields[1].trimmed().toInt(&okColumn);
        tile.row = row.fields[2].trimmed().toInt(&okRow);
        if (!okColumn || !okRow || tile.column < 0 || tile.row < 0) {
            return Error{tr("%1, line %2, field %3: “%4” is not a column or row number.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(!okColumn || tile.column < 0 ? expected[1] : expected[2])
                             .arg(!okColumn || tile.column < 0 ? row.fields[1] : row.fields[2])};
        }
        const QPoint cell(tile.column, tile.row);
        if (cells.contains(cell)) {
            return Error{tr("%1, line %2: %3 and %4 are on the same tile.")
                             .arg(fileName)
                             .arg(row.line)
                             .arg(cells.value(cell), tile.code)};
        }
        cells.insert(cell, tile.code);
        grid.m_index.insert(tile.code, int(grid.m_tiles.size()));
        grid.m_tiles.append(tile);
        grid.m_columns = std::max(grid.m_columns, tile.column + 1);
        grid.m_rows = std::max(grid.m_rows, tile.row + 1);
    }
    return grid;
}

const TileGrid::Tile *TileGrid::tile(const QString &code) const
{
    const int index = m_index.value(code, -1);
    return index >= 0 ? &m_tiles.at(index) : nullptr;
}

QString TileGrid::codeAt(int column, int row) const
{
    for (const Tile &t : m_tiles) {
        if (t.column == column && t.row == row)
            return t.code;
    }
    return {};
}

QString TileGrid::next(const QString &code, Direction direction) const
{
    const Tile *from = tile(code);
    if (!from)
        return {};
    // Distance along the direction first, then sideways drift: the tile straight ahead wins,
    // and a gap in the row is jumped rather than left for a tile on another row.
    QString best;
    int bestAhead = std::numeric_limits<int>::max();
    int bestAside = std::numeric_limits<int>::max();
    for (const Tile &t : m_tiles) {
        int ahead = 0;
        int aside = 0;
        switch (direction) {
        case Direction::Left:
            ahead = from->column - t.column;
            aside = std::abs(t.row - from->row);
            break;
        case Direction::Right:
            ahead = t.column - from->column;
            aside = std::abs(t.row - from->row);
            break;
        case Direction::Up:
            ahead = from->row - t.row;
            aside = std::abs(t.column - from->column);
            break;
        case Direction::Down:
            ahead = t.row - from->row;
            aside = std::abs(t.column - from->column);
            break;
        }
        if (ahead <= 0)
            continue;
        if (aside < bestAside || (aside == bestAside && ahead < bestAhead)) {
            best = t.code;
            bestAhead = ahead;
            bestAside = aside;
        }
    }
    return best;
}

QString tileLabel(const QString &gssCode, const QString &name)
{
    // Place names, not translated.
    static const QHash<QString, QString> kLondon = {
        {QStringLiteral("E09000001"), QStringLiteral("City")},
        {QStringLiteral("E09000002"), QStringLiteral("B&D")},
        {QStringLiteral("E09000003"), QStringLiteral("Barn")},
        {QStringLiteral("E09000004"), QStringLiteral("Bexl")},
        {QStringLiteral("E09000005"), QStringLiteral("Brnt")},
        {QStringLiteral("E09000006"), QStringLiteral("Brom")},
        {QStringLiteral("E09000007"), QStringLiteral("Camd")},
        {QStringLiteral("E09000008"), QStringLiteral("Croy")},
        {QStringLiteral("E09000009"), QStringLiteral("Ealn")},
        {QStringLiteral("E09000010"), QStringLiteral("Enfi")},
        {QStringLiteral("E09000011"), QStringLiteral("Gwch")},
        {QStringLiteral("E09000012"), QStringLiteral("Hack")},
        {QStringLiteral("E09000013"), QStringLiteral("H&F")},
        {QStringLiteral("E09000014"), QStringLiteral("Hgey")},
        {QStringLiteral("E09000015"), QStringLiteral("Harr")},
        {QStringLiteral("E09000016"), QStringLiteral("Havg")},
        {QStringLiteral("E09000017"), QStringLiteral("Hill")},
        {QStringLiteral("E09000018"), QStringLiteral("Houn")},
        {QStringLiteral("E09000019"), QStringLiteral("Isli")},
        {QStringLiteral("E09000020"), QStringLiteral("K&C")},
        {QStringLiteral("E09000021"), QStringLiteral("Kings")},
        {QStringLiteral("E09000022"), QStringLiteral("Lamb")},
        {QStringLiteral("E09000023"), QStringLiteral("Lewi")},
        {QStringLiteral("E09000024"), QStringLiteral("Mert")},
        {QStringLiteral("E09000025"), QStringLiteral("Newm")},
        {QStringLiteral("E09000026"), QStringLiteral("Redb")},
        {QStringLiteral("E09000027"), QStringLiteral("Rich")},
        {QStringLiteral("E09000028"), QStringLiteral("Sthk")},
        {QStringLiteral("E09000029"), QStringLiteral("Sutt")},
        {QStringLiteral("E09000030"), QStringLiteral("TwrH")},
        {QStringLiteral("E09000031"), QStringLiteral("WaFo")},
        {QStringLiteral("E09000032"), QStringLiteral("Wand")},
        {QStringLiteral("E09000033"), QStringLiteral("Wstm")},
    };
    if (const auto it = kLondon.constFind(gssCode); it != kLondon.cend())
        return *it;

    static const QSet<QString> kMinorWords = {QStringLiteral("and"),  QStringLiteral("of"),
                                              QStringLiteral("the"),  QStringLiteral("upon"),
                                              QStringLiteral("on"),   QStringLiteral("in"),
                                              QStringLiteral("with"), QStringLiteral("under")};
    QStringList words;
    for (const QString &word : name.split(u' ', Qt::SkipEmptyParts)) {
        if (!kMinorWords.contains(word.toLower()))
            words.append(word);
    }
    if (words.isEmpty())
        return gssCode.right(4);
    if (words.size() == 1)
        return words.first().left(4);
    QString initials;
    for (const QString &word : std::as_const(words)) {
        if (initials.size() < 4)
            initials.append(word.at(0).toUpper());
    }
    return initials;
}

} // namespace CoCommission
