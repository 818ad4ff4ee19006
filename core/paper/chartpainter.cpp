// Charts of a paper, painted with QPainter: vector paths and real text on a PDF page, pixels on
// an image for ODT and HTML. Sizes are in "units" of the rect given, which the writers make
// points; text sizes follow the device's resolution so a unit stays a unit on any painter.

#include "core/paper/paperwriter.h"
#include "core/paper/paperwriter_p.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QLocale>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace CoCommission::Paper {

namespace {

constexpr qreal kBarHeight = 9;
constexpr qreal kBarGap = 1;
constexpr qreal kGroupGap = 6;
constexpr qreal kLegendRow = 14;
constexpr qreal kLinesHeight = 200;
constexpr qreal kMaxTile = 34;

/** A font \a units tall in the painter's units, whatever the device's resolution. */
QFont chartFont(const QPainter &painter, qreal units, bool bold = false)
{
    QFont font;
    font.setFamilies(Detail::fontFamilies());
    const int dpi = painter.device() ? painter.device()->logicalDpiY() : 72;
    font.setPointSizeF(units * 72.0 / (dpi > 0 ? dpi : 72));
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping); // no ligatures: labels stay searchable
    return font;
}

QString valueText(double value)
{
    const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    if (std::abs(value - std::round(value)) < 1e-9)
        return locale.toString(qint64(std::llround(value)));
    return locale.toString(value, 'f', 1);
}

bool isSuppressed(const Series &series, int index)
{
    return index < series.suppressed.size() && series.suppressed.at(index);
}

/** A round step for about \a parts ticks up to \a max: 1, 2 or 5 times a power of ten. */
double niceStep(double max, int parts)
{
    if (max <= 0)
        return 1;
    const double raw = max / parts;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw)
            return m * power;
    }
    return 10 * power;
}

/** Draws the legend of \a entries (colour, dashed, name) from \a top; returns its height. */
qreal drawLegend(QPainter &painter, const QRectF &rect, qreal top,
                 const QList<std::tuple<QColor, bool, QString>> &entries, bool lines = false)
{
    painter.setFont(chartFont(painter, 7.5));
    const QFontMetricsF metrics(painter.font());
    qreal x = rect.left();
    qreal y = top;
    for (const auto &[colour, dashed, name] : entries) {
        const qreal w = 14 + 4 + metrics.horizontalAdvance(name) + 12;
        if (x + w > rect.right() && x > rect.left()) {
            x = rect.left();
            y += kLegendRow;
        }
        if (lines) {
            QPen pen(colour, 1.6, dashed ? Qt::DashLine : Qt::SolidLine);
            painter.setPen(pen);
            painter.drawLine(QPointF(x, y + 6), QPointF(x + 14, y + 6));
        } else {
            painter.setPen(QPen(Qt::black, 0.4));
            painter.setBrush(colour);
            painter.drawRect(QRectF(x, y + 1.5, 14, 9));
        }
        painter.setPen(Qt::black);
        painter.drawText(QRectF(x + 18, y, w, 12), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += w;
    }
    return y + kLegendRow - top;
}

qreal legendHeight(const QStringList &names, qreal width)
{
    // An estimate good enough for sizing: 5.5 units a character.
    qreal x = 0;
    int rows = 1;
    for (const QString &name : names) {
        const qreal w = 30 + name.size() * 4.2;
        if (x + w > width && x > 0) {
            x = 0;
            ++rows;
        }
        x += w;
    }
    return rows * kLegendRow;
}

void paintBars(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    const int seriesCount = int(chart.series.size());
    painter.setFont(chartFont(painter, 8));
    const QFontMetricsF metrics(painter.font());
    qreal labelWidth = 0;
    for (const QString &category : chart.categories)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(category));
    labelWidth = std::min(labelWidth + 6, rect.width() * 0.4);
    double max = 0;
    for (const Series &series : chart.series) {
        for (int i = 0; i < series.values.size(); ++i) {
            if (!isSuppressed(series, i))
                max = std::max(max, series.values.at(i));
        }
    }
    const qreal x0 = rect.left() + labelWidth;
    const qreal plotWidth = std::max<qreal>(20, rect.right() - x0 - 44);
    const qreal scale = max > 0 ? plotWidth / max : 0;
    const qreal groupHeight = seriesCount * (kBarHeight + kBarGap) + kGroupGap;

    qreal y = rect.top() + 2;
    for (int c = 0; c < chart.categories.size(); ++c) {
        painter.setFont(chartFont(painter, 8));
        painter.setPen(Qt::black);
        // A label longer than its column is shortened at its end, never cut at its start.
        painter.drawText(QRectF(rect.left(), y, labelWidth - 6, groupHeight - kGroupGap),
                         Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                         QFontMetricsF(painter.font())
                             .elidedText(chart.categories.at(c), Qt::ElideRight, labelWidth - 6));
        for (int s = 0; s < seriesCount; ++s) {
            const Series &series = chart.series.at(s);
            const qreal barTop = y + s * (kBarHeight + kBarGap);
            painter.setFont(chartFont(painter, 7));
            if (c >= series.values.size())
                continue;
            if (isSuppressed(series, c)) {
                painter.setPen(Qt::black);
                painter.drawText(QRectF(x0 + 3, barTop, 60, kBarHeight),
                                 Qt::AlignLeft | Qt::AlignVCenter, Paper::Detail::tr("[c]"));
                continue;
            }
            const double value = series.values.at(c);
            const qreal w = std::max<qreal>(0, value * scale);
            painter.setPen(QPen(Qt::black, 0.3));
            painter.setBrush(Detail::seriesColour(series, s));
            painter.drawRect(QRectF(x0, barTop, w, kBarHeight));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(x0 + w + 3, barTop, 60, kBarHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, valueText(value));
        }
        y += groupHeight;
    }
    painter.setPen(QPen(Qt::black, 0.6));
    painter.drawLine(QPointF(x0, rect.top()), QPointF(x0, y - kGroupGap + 2));
    painter.setFont(chartFont(painter, 7.5));
    painter.setPen(QColor(60, 60, 60));
    painter.drawText(QRectF(x0, y, plotWidth, 12), Qt::AlignLeft | Qt::AlignVCenter,
                     chart.valueLabel);
    y += 14;
    if (seriesCount > 1) {
        QList<std::tuple<QColor, bool, QString>> entries;
        for (int s = 0; s < seriesCount; ++s)
            entries.append(
                {Detail::seriesColour(chart.series.at(s), s), false, chart.series.at(s).name});
        drawLegend(painter, rect, y, entries);
    }
}

void paintLines(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    QStringList names;
    for (const Series &series : chart.series)
        names.append(series.name);
    const qreal legend = chart.series.size() > 1 ? legendHeight(names, rect.width()) : 0;
    double min = 0;
    double max = 0;
    for (const Series &series : chart.series) {
        for (int i = 0; i < series.values.size(); ++i) {
            if (isSuppressed(series, i))
                continue;
            max = std::max(max, series.values.at(i));
            min = std::min(min, series.values.at(i));
        }
    }
    const double step = niceStep(max - min, 5);
    const double top = std::ceil(max / step) * step;
    const double bottom = std::floor(min / step) * step;
    const double span = top > bottom ? top - bottom : 1;

    painter.setFont(chartFont(painter, 7.5));
    const QFontMetricsF metrics(painter.font());
    const qreal axisWidth = std::max(metrics.horizontalAdvance(valueText(top)),
                                     metrics.horizontalAdvance(valueText(bottom))) +
                            8;
    const QRectF plot(rect.left() + axisWidth, rect.top() + 14, rect.width() - axisWidth - 6,
                      rect.height() - 14 - 18 - legend);
    const auto yFor = [&](double v) {
        return plot.bottom() - (v - bottom) / span * plot.height();
    };

    // Axis title, grid and ticks.
    painter.setPen(QColor(60, 60, 60));
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), 12),
                     Qt::AlignLeft | Qt::AlignVCenter, chart.valueLabel);
    for (double v = bottom; v <= top + step / 2; v += step) {
        const qreal y = yFor(v);
        painter.setPen(QPen(QColor(200, 200, 200), 0.4));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(rect.left(), y - 6, axisWidth - 4, 12),
                         Qt::AlignRight | Qt::AlignVCenter, valueText(v));
    }
    painter.setPen(QPen(Qt::black, 0.6));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    const int n = int(chart.categories.size());
    const auto xFor = [&](int i) {
        return n > 1 ? plot.left() + plot.width() * i / (n - 1) : plot.center().x();
    };
    qreal widest = 0;
    for (const QString &category : chart.categories)
        widest = std::max(widest, metrics.horizontalAdvance(category));
    const int every =
        n > 1 ? std::max(1, int(std::ceil((widest + 6) * n / std::max<qreal>(1, plot.width()))))
              : 1;
    painter.setPen(Qt::black);
    for (int i = 0; i < n; i += every) {
        const qreal x = xFor(i);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        painter.drawText(QRectF(x - widest / 2 - 3, plot.bottom() + 4, widest + 6, 12),
                         Qt::AlignHCenter | Qt::AlignTop, chart.categories.at(i));
    }

    for (int s = 0; s < chart.series.size(); ++s) {
        const Series &series = chart.series.at(s);
        QPen pen(Detail::seriesColour(series, s), 1.6,
                 series.dashed ? Qt::DashLine : Qt::SolidLine);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        QPainterPath path;
        bool open = false;
        for (int i = 0; i < std::min<int>(n, int(series.values.size())); ++i) {
            if (isSuppressed(series, i)) {
                open = false; // a gap, not a guess
                continue;
            }
            const QPointF point(xFor(i), yFor(series.values.at(i)));
            if (open)
                path.lineTo(point);
            else
                path.moveTo(point);
            open = true;
        }
        painter.drawPath(path);
    }
    if (chart.series.size() > 1) {
        QList<std::tuple<QColor, bool, QString>> entries;
        for (int s = 0; s < chart.series.size(); ++s)
            entries.append({Detail::seriesColour(chart.series.at(s), s), chart.series.at(s).dashed,
                            chart.series.at(s).name});
        drawLegend(painter, rect, plot.bottom() + 18, entries, true);
    }
}

QStringList tileGroups(const Chart &chart)
{
    QStringList groups;
    for (const Tile &tile : chart.tiles) {
        if (!tile.group.isEmpty() && !groups.contains(tile.group))
            groups.append(tile.group);
    }
    return groups;
}

QColor tileColour(const Chart &chart, const Tile &tile)
{
    if (tile.colour.isValid())
        return tile.colour;
    return Detail::groupColour(int(tileGroups(chart).indexOf(tile.group)));
}

qreal tileSize(const Chart &chart, qreal width)
{
    int columns = 1;
    for (const Tile &tile : chart.tiles)
        columns = std::max(columns, tile.column + 1);
    return std::min(kMaxTile, width / columns);
}

int tileRows(const Chart &chart)
{
    int rows = 1;
    for (const Tile &tile : chart.tiles)
        rows = std::max(rows, tile.row + 1);
    return rows;
}

void paintTileMap(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    const qreal size = tileSize(chart, rect.width());
    int columns = 1;
    for (const Tile &tile : chart.tiles)
        columns = std::max(columns, tile.column + 1);
    const qreal left = rect.left() + (rect.width() - columns * size) / 2;
    painter.setFont(chartFont(painter, std::min<qreal>(7, size / 4)));
    for (const Tile &tile : chart.tiles) {
        const QRectF square(left + tile.column * size + 1, rect.top() + tile.row * size + 1,
                            size - 2, size - 2);
        const QColor colour = tileColour(chart, tile);
        painter.setPen(QPen(Qt::black, 0.4));
        painter.setBrush(colour);
        painter.drawRect(square);
        painter.setPen(colour.lightnessF() < 0.55 ? Qt::white : Qt::black);
        painter.drawText(square, Qt::AlignCenter | Qt::TextWordWrap, tile.label);
    }
    QList<std::tuple<QColor, bool, QString>> entries;
    for (const QString &group : tileGroups(chart)) {
        for (const Tile &tile : chart.tiles) {
            if (tile.group == group) {
                entries.append({tileColour(chart, tile), false, group});
                break;
            }
        }
    }
    drawLegend(painter, rect, rect.top() + tileRows(chart) * size + 8, entries);
}

} // namespace

namespace Detail {

QColor seriesColour(const Series &series, int index)
{
    if (series.colour.isValid())
        return series.colour;
    // Alternating dark and light so neighbours stay apart when printed in grey.
    static const QColor palette[] = {QColor(0x1F, 0x4E, 0x79), QColor(0xF4, 0xB1, 0x83),
                                     QColor(0x2E, 0x8B, 0x57), QColor(0xBD, 0xD7, 0xEE),
                                     QColor(0x7F, 0x3F, 0x98), QColor(0xFF, 0xD9, 0x66)};
    return palette[std::max(0, index) % 6];
}

QColor groupColour(int index)
{
    static const QColor palette[] = {QColor(0x9D, 0xC3, 0xE6), QColor(0xF8, 0xCB, 0xAD),
                                     QColor(0xC5, 0xE0, 0xB4), QColor(0xFF, 0xE6, 0x99),
                                     QColor(0xD9, 0xC3, 0xE9), QColor(0xD0, 0xD0, 0xD0)};
    return palette[std::max(0, index) % 6];
}

QSizeF chartSizePoints(const Chart &chart, qreal width)
{
    QStringList names;
    for (const Series &series : chart.series)
        names.append(series.name);
    switch (chart.kind) {
    case Chart::Kind::Bars: {
        const qreal group = chart.series.size() * (kBarHeight + kBarGap) + kGroupGap;
        const qreal legend = chart.series.size() > 1 ? legendHeight(names, width) : 0;
        return {width, 4 + chart.categories.size() * group + 14 + legend};
    }
    case Chart::Kind::Lines:
        return {width, kLinesHeight + (chart.series.size() > 1 ? legendHeight(names, width) : 0)};
    case Chart::Kind::TileMap:
        return {width, tileRows(chart) * tileSize(chart, width) + 8 +
                           legendHeight(tileGroups(chart), width) + 4};
    }
    return {width, kLinesHeight};
}

QByteArray chartPng(const Chart &chart, qreal widthPoints)
{
    const QSizeF points = chartSizePoints(chart, widthPoints);
    const QImage image = chartImage(chart, (points * 2).toSize());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace Detail

void paintChart(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    switch (chart.kind) {
    case Chart::Kind::Bars:
        paintBars(painter, rect, chart);
        break;
    case Chart::Kind::Lines:
        paintLines(painter, rect, chart);
        break;
    case Chart::Kind::TileMap:
        paintTileMap(painter, rect, chart);
        break;
    }
    painter.restore();
}

QImage chartImage(const Chart &chart, const QSize &size)
{
    if (size.isEmpty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    // Drawn in points at the page width, scaled to the image, so text keeps its proportions.
    const qreal width = 453;
    const qreal scale = size.width() / width;
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintChart(painter, QRectF(0, 0, width, size.height() / scale), chart);
    return image;
}

} // namespace CoCommission::Paper
