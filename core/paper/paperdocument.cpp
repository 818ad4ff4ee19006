#include "core/paper/paperdocument.h"

#include <QLocale>

namespace CoCommission::Paper {

Cell Cell::count(double value)
{
    return {QLocale(QLocale::English, QLocale::UnitedKingdom).toString(qRound64(value)), value,
            CellKind::Count};
}

Block Block::paragraph(const QString &text)
{
    Block block;
    block.kind = Kind::Paragraph;
    block.text = text;
    return block;
}

Block Block::note(const QString &text)
{
    Block block;
    block.kind = Kind::Note;
    block.text = text;
    return block;
}

Block Block::bullets(const QStringList &items)
{
    Block block;
    block.kind = Kind::Bullets;
    block.items = items;
    return block;
}

Block Block::numbered(const QStringList &items)
{
    Block block;
    block.kind = Kind::Numbered;
    block.items = items;
    return block;
}

Block Block::tableBlock(const Paper::Table &table)
{
    Block block;
    block.kind = Kind::Table;
    block.table = table;
    return block;
}

Block Block::chartBlock(const Paper::Chart &chart)
{
    Block block;
    block.kind = Kind::Chart;
    block.chart = chart;
    return block;
}

} // namespace CoCommission::Paper
