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

} // namespace CoCommission::Paper::Detail
