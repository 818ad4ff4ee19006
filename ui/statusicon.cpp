#include "ui/statusicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace CoCommission {

namespace {

// Device pixels; QIcon picks the nearest for the screen's scale.
constexpr int kIconSizes[] = {12, 16, 20, 24, 32, 48, 64};

QPixmap paintDot(StageStatus status, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor colour = statusColour(status);
    const qreal pen = qMax(1.5, size / 8.0);
    const QRectF circle = QRectF(0, 0, size, size).adjusted(pen, pen, -pen, -pen);

    painter.setPen(QPen(colour, pen));
    painter.setBrush(Qt::NoBrush);
    switch (status) {
    case StageStatus::NotStarted:
        painter.drawEllipse(circle);
        break;
    case StageStatus::InProgress: {
        painter.drawEllipse(circle);
        QPainterPath half;
        half.moveTo(circle.center());
        half.arcTo(circle, 90, 180);
        half.closeSubpath();
        painter.fillPath(half, colour);
        break;
    }
    case StageStatus::ReadyForSignOff:
        painter.setBrush(colour);
        painter.drawEllipse(circle);
        break;
    case StageStatus::SignedOff: {
        painter.setBrush(colour);
        painter.drawEllipse(circle);
        QPainterPath tick;
        tick.moveTo(size * 0.28, size * 0.52);
        tick.lineTo(size * 0.44, size * 0.68);
        tick.lineTo(size * 0.73, size * 0.34);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, pen * 1.1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(tick);
        break;
    }
    }
    return pixmap;
}

QPixmap paintRequirement(bool met, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal pen = qMax(1.5, size / 8.0);
    if (met) {
        QPainterPath tick;
        tick.moveTo(size * 0.18, size * 0.52);
        tick.lineTo(size * 0.40, size * 0.74);
        tick.lineTo(size * 0.82, size * 0.26);
        painter.setPen(QPen(statusColour(StageStatus::SignedOff), pen * 1.3, Qt::SolidLine,
                            Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(tick);
    } else {
        const QRectF circle =
            QRectF(0, 0, size, size).adjusted(size * 0.2, size * 0.2, -size * 0.2, -size * 0.2);
        painter.setPen(QPen(statusColour(StageStatus::NotStarted), pen));
        painter.drawEllipse(circle);
    }
    return pixmap;
}

} // namespace

QColor statusColour(StageStatus status)
{
    switch (status) {
    case StageStatus::NotStarted:
        return QColor(0x6b, 0x6b, 0x6b); // 5.3:1 on white
    case StageStatus::InProgress:
        return QColor(0x1f, 0x5f, 0xa8); // 6.6:1
    case StageStatus::ReadyForSignOff:
        return QColor(0x8a, 0x5a, 0x00); // 5.9:1
    case StageStatus::SignedOff:
        return QColor(0x1e, 0x7b, 0x34); // 5.4:1
    }
    return Qt::black;
}

QIcon statusIcon(StageStatus status)
{
    // Icons are cached: the navigator asks for them on every paint.
    static std::array<QIcon, 4> cache;
    QIcon &icon = cache[size_t(status)];
    if (icon.isNull()) {
        for (int size : kIconSizes) {
            icon.addPixmap(paintDot(status, size));
        }
    }
    return icon;
}

QIcon requirementIcon(bool met)
{
    static std::array<QIcon, 2> cache;
    QIcon &icon = cache[met ? 1 : 0];
    if (icon.isNull()) {
        for (int size : kIconSizes) {
            icon.addPixmap(paintRequirement(met, size));
        }
    }
    return icon;
}

} // namespace CoCommission
