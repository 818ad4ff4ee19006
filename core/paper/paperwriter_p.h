#pragma once

// Shared by the paper writers (paperwriter.cpp, paperlayout.cpp, paperodt.cpp, paperhtml.cpp,
// chartpainter.cpp); not part of the API.

#include "core/paper/paperdocument.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSizeF>
#include <QString>

#include <functional>

class QFont;
class QImage;
class QPaintDevice;

namespace CoCommission::Paper::Detail {

/** User text of the writers, translated in the context "Paper". */
inline QString tr(const char *text)
{
    return QCoreApplication::translate("Paper", text);
}

/** A date as a council report prints it: "3 March 2015". */
QString longDate(const QDate &date);

/** The label / value rows of the header block after the board, item and title. */
QList<QPair<QString, QString>> headerRows(const Header &header);

/** "Item 7" or an empty string when the item has no number. */
QString itemLabel(const Header &header);

/** The colour of series \a index: its own, or one from a palette readable in grey. */
QColor seriesColour(const Series &series, int index);
/** The colour of tile group \a index when a tile has none. */
QColor groupColour(int index);

/** The size in points (width \a width) that a chart takes on the page. */
QSizeF chartSizePoints(const Chart &chart, qreal width);
/** The chart as PNG bytes, drawn at twice its size in points (for ODT and HTML). */
QByteArray chartPng(const Chart &chart, qreal widthPoints = 453);

/** The fonts the paper asks for, in order (Arial on council desktops; free look-alikes). */
QStringList fontFamilies();

/** A paint device of 72 dots an inch, on which text lays out in points. */
QImage pointsDevice();

/** How wide text is, in points: its longest word, and all of it on one line. */
struct Extent
{
    qreal shortest = 0;
    qreal natural = 0;
};

/** The extent of \a text set in \a font on \a device (pointsDevice()). */
Extent textExtent(const QString &text, const QFont &font, QPaintDevice *device);

/**
 * The extent of each column of \a table, its header in \a font (true: bold) and its cells in
 * \a font (false, or true for a total row), each plus \a padding points.
 */
QList<Extent> columnExtents(const Table &table, const std::function<QFont(bool bold)> &font,
                            qreal padding, QPaintDevice *device);

/**
 * Widths for columns of \a extents sharing \a available points, much as a browser lays out an
 * automatic table. A column whose whole content is no wider than an even share of the room
 * left gets all it needs ("All CPAs" on one line); the others get at least their longest word
 * and share the rest in proportion to how much more each would take to fit on one line.
 * Empty when the longest words do not fit side by side.
 */
QList<qreal> shareWidth(const QList<Extent> &extents, qreal available);

} // namespace CoCommission::Paper::Detail
