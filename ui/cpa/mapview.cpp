#include "ui/cpa/mapview.h"

#include "core/cpa/boundaries.h"
#include "core/round/round.h"

#include <QFocusEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QToolTip>
#include <QTransform>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace CoCommission {

namespace {

/** The tile size sizeHint() asks for. */
constexpr int kPreferredTile = 56;
constexpr int kMinimumTile = 24;
/** Room around the map in the widget, for the focus ring of an edge tile. */
constexpr qreal kWidgetMargin = 3;
/** Labels smaller than this many pixels are left out: they could not be read. */
constexpr qreal kMinimumLabelPixels = 6;

const QColor kUnfilled(0xe3, 0xe3, 0xe3);
const QColor kUnfilledOutline(0x70, 0x70, 0x70);
const QColor kHighlight(0xd0, 0x00, 0x00);

/** WCAG relative luminance of \a colour, 0 (black) to 1 (white). */
qreal luminance(const QColor &colour)
{
    const auto channel = [](qreal c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

/** Black or white, whichever contrasts more with \a background. */
QColor textColourOn(const QColor &background)
{
    // 0.179 is where the contrast ratios with black and with white are equal.
    return luminance(background) > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

/** The stroke of \a shape with \a pen, kept inside \a shape so neighbours are not touched. */
void strokeInside(QPainter &painter, const QPainterPath &shape, QPen pen)
{
    painter.save();
    painter.setClipPath(shape, Qt::IntersectClip);
    pen.setWidthF(pen.widthF() * 2);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(shape);
    painter.restore();
}

} // namespace

MapView::MapView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Map of authorities"));
    setAccessibleDescription(usage());
}

MapView::~MapView() = default;

void MapView::setAuthorities(const QList<Authority> &authorities)
{
    m_codes.clear();
    m_names.clear();
    for (const Authority &authority : authorities) {
        m_codes.append(authority.gssCode);
        m_names.insert(authority.gssCode, authority.name);
    }
    invalidate();
}

void MapView::setTileGrid(const TileGrid &grid)
{
    m_grid = grid;
    invalidate();
}

void MapView::setBoundaries(const BoundarySet *boundaries)
{
    m_areas.clear();
    if (boundaries) {
        // Longitude and latitude: a degree east is cos(latitude) of a degree north, so x is
        // scaled at the middle latitude; y is flipped since the map's north is up.
        const qreal k = boundaries->isGeographic()
                            ? std::cos(qDegreesToRadians(boundaries->bounds().center().y()))
                            : 1.0;
        const QTransform project(k, 0, 0, -1, 0, 0);
        for (const BoundaryArea &area : boundaries->areas()) {
            const QPainterPath path = project.map(area.path());
            m_areas.append(Area{area.code, path, path.boundingRect()});
        }
    }
    invalidate();
}

bool MapView::hasBoundaries() const
{
    return std::any_of(m_areas.cbegin(), m_areas.cend(),
                       [this](const Area &area) { return isShown(area.code); });
}

void MapView::setMode(Mode mode)
{
    m_requestedMode = mode;
    invalidate();
}

MapView::Mode MapView::mode() const
{
    return m_requestedMode == Mode::Boundaries && hasBoundaries() ? Mode::Boundaries : Mode::Tiles;
}

void MapView::setFill(const QHash<QString, QColor> &fill)
{
    m_fill = fill;
    update();
}

void MapView::setHighlighted(const QStringList &codes)
{
    m_highlighted = codes;
    update();
}

void MapView::setToolTipProvider(ToolTipProvider provider)
{
    m_toolTipProvider = std::move(provider);
}

void MapView::setPaintingEnabled(bool enabled)
{
    if (m_paintingEnabled == enabled)
        return;
    if (!enabled)
        cancelStroke();
    m_paintingEnabled = enabled;
}

void MapView::setBrushColour(const QColor &colour)
{
    m_brushColour = colour;
    if (m_stroking)
        update();
}

void MapView::setCurrentCode(const QString &code)
{
    if (code == m_current || (!code.isEmpty() && !isOnMap(code)))
        return;
    m_current = code;
    // Screen readers announce the change of description.
    setAccessibleDescription(code.isEmpty() ? usage() : describe(code));
    update();
    emit currentChanged(code);
}

QString MapView::codeAt(const QPointF &position) const
{
    const Layout &layout = widgetLayout();
    // Last drawn first, as the eye sees it.
    for (auto it = layout.items.crbegin(); it != layout.items.crend(); ++it) {
        if (!it->hitRect.isNull()) {
            if (it->hitRect.contains(position))
                return it->code;
        } else if (it->rect.contains(position) && it->shape.contains(position)) {
            return it->code;
        }
    }
    return {};
}

QRectF MapView::itemRect(const QString &code) const
{
    const Layout &layout = widgetLayout();
    const qsizetype i = layout.index.value(code, -1);
    return i >= 0 ? layout.items.at(i).rect : QRectF();
}

QStringList MapView::shownCodes() const
{
    QStringList codes;
    for (const Item &item : widgetLayout().items)
        codes.append(item.code);
    return codes;
}

void MapView::paintMap(QPainter &painter, const QRectF &target) const
{
    const Layout layout = computeLayout(target);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    paintLayout(painter, layout, nullptr);
    painter.restore();
}

QSize MapView::sizeHint() const
{
    const int columns = m_grid.columnCount() > 0 ? m_grid.columnCount() : 8;
    const int rows = m_grid.rowCount() > 0 ? m_grid.rowCount() : 7;
    const int margin = int(std::ceil(2 * kWidgetMargin));
    return QSize(columns * kPreferredTile + margin, rows * kPreferredTile + margin);
}

QSize MapView::minimumSizeHint() const
{
    const int columns = m_grid.columnCount() > 0 ? m_grid.columnCount() : 8;
    const int rows = m_grid.rowCount() > 0 ? m_grid.rowCount() : 7;
    return QSize(columns * kMinimumTile, rows * kMinimumTile);
}

bool MapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString code = codeAt(help->pos());
        if (code.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const QString text = m_toolTipProvider ? m_toolTipProvider(code) : describe(code);
        QToolTip::showText(help->globalPos(), text, this, itemRect(code).toAlignedRect());
        return true;
    }
    return QWidget::event(event);
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const Layout &layout = widgetLayout();
    if (layout.items.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No map to show"));
        return;
    }
    Overlay overlay;
    overlay.hovered = m_hovered;
    overlay.focused = hasFocus() ? m_current : QString();
    overlay.stroke = m_stroke;
    overlay.brush = m_brushColour;
    overlay.accent = palette().color(QPalette::Highlight);
    paintLayout(painter, layout, &overlay);
}

void MapView::resizeEvent(QResizeEvent *event)
{
    m_layout.reset();
    QWidget::resizeEvent(event);
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QString code = codeAt(event->position());
    if (!code.isEmpty())
        setCurrentCode(code);
    if (m_paintingEnabled && !code.isEmpty()) {
        m_stroke.clear();
        m_stroking = true;
        extendStroke(code);
    }
    event->accept();
}

void MapView::mouseMoveEvent(QMouseEvent *event)
{
    const QString code = codeAt(event->position());
    setHovered(code);
    if (m_stroking && (event->buttons() & Qt::LeftButton) && !code.isEmpty())
        extendStroke(code);
    event->accept();
}

void MapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_stroking) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QStringList codes = m_stroke;
    m_stroking = false;
    m_stroke.clear();
    update();
    emit strokeFinished(codes);
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key == Qt::Key_Escape && m_stroking) {
        cancelStroke();
        event->accept();
        return;
    }

    std::optional<TileGrid::Direction> direction;
    switch (key) {
    case Qt::Key_Left:
        direction = TileGrid::Direction::Left;
        break;
    case Qt::Key_Right:
        direction = TileGrid::Direction::Right;
        break;
    case Qt::Key_Up:
        direction = TileGrid::Direction::Up;
        break;
    case Qt::Key_Down:
        direction = TileGrid::Direction::Down;
        break;
    default:
        break;
    }
    if (direction) {
        if (m_current.isEmpty()) {
            setCurrentCode(firstCode());
        } else {
            const QString next = neighbour(m_current, *direction);
            if (!next.isEmpty())
                setCurrentCode(next);
        }
        event->accept(); // also at the edge: the arrow keys stay with the map
        return;
    }

    if (m_paintingEnabled && !m_current.isEmpty() && !m_stroking) {
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space) {
            emit strokeFinished({m_current});
            event->accept();
            return;
        }
        if (key >= Qt::Key_1 && key <= Qt::Key_9) {
            emit numberPressed(key - Qt::Key_0, m_current);
            event->accept();
            return;
        }
    }
    QWidget::keyPressEvent(event);
}

void MapView::focusInEvent(QFocusEvent *event)
{
    // A keyboard user gets a visible current authority at once; a click makes its own.
    if (m_current.isEmpty() && event->reason() != Qt::MouseFocusReason)
        setCurrentCode(firstCode());
    update();
    QWidget::focusInEvent(event);
}

void MapView::focusOutEvent(QFocusEvent *event)
{
    cancelStroke();
    update();
    QWidget::focusOutEvent(event);
}

void MapView::leaveEvent(QEvent *event)
{
    setHovered({});
    QWidget::leaveEvent(event);
}

void MapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::EnabledChange && !isEnabled())
        cancelStroke();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        update();
    QWidget::changeEvent(event);
}

MapView::Layout MapView::computeLayout(const QRectF &target) const
{
    Layout layout;
    layout.mode = mode();
    if (target.isEmpty())
        return layout;

    if (layout.mode == Mode::Tiles) {
        const int columns = m_grid.columnCount();
        const int rows = m_grid.rowCount();
        if (columns == 0 || rows == 0)
            return layout;
        const qreal cell = std::min(target.width() / columns, target.height() / rows);
        const QPointF origin(target.center().x() - cell * columns / 2,
                             target.center().y() - cell * rows / 2);
        layout.unit = cell;
        layout.gap = std::max<qreal>(2, cell * 0.06);
        for (const TileGrid::Tile &tile : m_grid.tiles()) {
            if (!isShown(tile.code))
                continue;
            Item item;
            item.code = tile.code;
            item.label = tileLabel(tile.code, nameOf(tile.code));
            item.hitRect =
                QRectF(origin.x() + tile.column * cell, origin.y() + tile.row * cell, cell, cell);
            item.rect = item.hitRect.adjusted(layout.gap / 2, layout.gap / 2, -layout.gap / 2,
                                              -layout.gap / 2);
            const qreal radius = cell * 0.06;
            item.shape.addRoundedRect(item.rect, radius, radius);
            layout.index.insert(item.code, layout.items.size());
            layout.items.append(item);
        }
        return layout;
    }

    QRectF bounds;
    qsizetype count = 0;
    for (const Area &area : m_areas) {
        if (isShown(area.code)) {
            bounds = bounds.united(area.bounds);
            ++count;
        }
    }
    if (bounds.isEmpty())
        return layout;
    const qreal scale =
        std::min(target.width() / bounds.width(), target.height() / bounds.height());
    const QPointF offset(target.center().x() - bounds.width() * scale / 2,
                         target.center().y() - bounds.height() * scale / 2);
    const QTransform fit = QTransform::fromTranslate(-bounds.left(), -bounds.top()) *
                           QTransform::fromScale(scale, scale) *
                           QTransform::fromTranslate(offset.x(), offset.y());
    // As if the map's area were shared out in square tiles.
    layout.unit = std::sqrt(bounds.width() * bounds.height() * scale * scale / qreal(count));
    for (const Area &area : m_areas) {
        if (!isShown(area.code))
            continue;
        Item item;
        item.code = area.code;
        item.label = tileLabel(area.code, nameOf(area.code));
        item.shape = fit.map(area.path);
        item.rect = fit.mapRect(area.bounds);
        layout.index.insert(item.code, layout.items.size());
        layout.items.append(item);
    }
    return layout;
}

const MapView::Layout &MapView::widgetLayout() const
{
    if (!m_layout) {
        const QRectF target =
            QRectF(contentsRect())
                .adjusted(kWidgetMargin, kWidgetMargin, -kWidgetMargin, -kWidgetMargin);
        m_layout = std::make_unique<Layout>(computeLayout(target));
    }
    return *m_layout;
}

void MapView::invalidate()
{
    cancelStroke();
    m_layout.reset();
    if (!m_current.isEmpty() && !isOnMap(m_current))
        setCurrentCode({});
    if (!m_hovered.isEmpty() && !isOnMap(m_hovered))
        setHovered({});
    updateGeometry();
    update();
}

void MapView::paintLayout(QPainter &painter, const Layout &layout, const Overlay *overlay) const
{
    const bool tiles = layout.mode == Mode::Tiles;
    const qreal unit = layout.unit;
    const QSet<QString> stroke =
        overlay ? QSet<QString>(overlay->stroke.cbegin(), overlay->stroke.cend()) : QSet<QString>();

    QFont font = painter.font();
    font.setWeight(QFont::DemiBold);
    qreal labelPixels = tiles ? unit * 0.27 : unit * 0.17;
    if (tiles && labelPixels >= kMinimumLabelPixels) {
        // One size for every tile, small enough for the longest label: shrunk, never cut.
        font.setPixelSize(qRound(labelPixels));
        const QFontMetricsF metrics(font, painter.device());
        qreal widest = 0;
        for (const Item &item : layout.items)
            widest = std::max(widest, metrics.horizontalAdvance(item.label));
        const qreal room = unit - layout.gap - unit * 0.12;
        if (widest > room)
            labelPixels = std::floor(labelPixels * room / widest);
    }
    const bool labelled = labelPixels >= kMinimumLabelPixels;
    font.setPixelSize(std::max(1, qRound(labelPixels)));
    const QFontMetricsF metrics(font, painter.device());
    painter.setFont(font);

    for (const Item &item : layout.items) {
        QColor fill = m_fill.value(item.code);
        const bool previewed = stroke.contains(item.code);
        if (previewed && overlay->brush.isValid())
            fill = overlay->brush;
        const bool filled = fill.isValid();
        if (!filled)
            fill = kUnfilled;

        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPath(item.shape);
        if (previewed && !overlay->brush.isValid()) {
            QColor veil = overlay->accent;
            veil.setAlphaF(0.45);
            painter.setBrush(veil);
            painter.drawPath(item.shape);
            fill = veil; // for the label's colour: close enough over any fill
        }

        if (!filled) {
            QPen dashed(kUnfilledOutline, std::max<qreal>(1, unit * 0.02), Qt::DashLine);
            strokeInside(painter, item.shape, dashed);
        } else if (!tiles) {
            // Neighbours of one colour still show their common border.
            painter.setPen(QPen(Qt::white, std::max<qreal>(0.75, unit * 0.012)));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(item.shape);
        }

        if (!labelled || item.label.isEmpty())
            continue;
        QRectF box(0, 0, metrics.horizontalAdvance(item.label), metrics.height());
        box.moveCenter(item.rect.center());
        if (!tiles && !item.shape.contains(box))
            continue; // too small an area: the tooltip still names it
        painter.setPen(textColourOn(fill));
        painter.drawText(box, Qt::AlignCenter, item.label);
    }

    // Over every fill, so that no neighbour covers them.
    const qreal highlightWidth = std::max<qreal>(2.5, unit * 0.075);
    for (const QString &code : m_highlighted) {
        const qsizetype i = layout.index.value(code, -1);
        if (i < 0)
            continue;
        const Item &item = layout.items.at(i);
        // A white line inside the red keeps it apart from a red fill.
        strokeInside(painter, item.shape, QPen(Qt::white, highlightWidth + unit * 0.03));
        strokeInside(painter, item.shape, QPen(kHighlight, highlightWidth));
    }

    if (!overlay)
        return;
    const qreal lineWidth = std::max<qreal>(1.5, unit * 0.035);
    if (const qsizetype i = layout.index.value(overlay->hovered, -1); i >= 0) {
        QColor shade = palette().color(QPalette::WindowText);
        shade.setAlphaF(0.6);
        strokeInside(painter, layout.items.at(i).shape, QPen(shade, lineWidth));
    }
    if (const qsizetype i = layout.index.value(overlay->focused, -1); i >= 0) {
        // Black with white inside: visible on every fill; solid, unlike the dashed outline of
        // an authority in no CPA, and unlike the red highlight.
        const Item &item = layout.items.at(i);
        QPainterPath ring;
        if (tiles) {
            const qreal inset = highlightWidth + lineWidth;
            const QRectF r = item.rect.adjusted(inset, inset, -inset, -inset);
            ring.addRoundedRect(r, unit * 0.04, unit * 0.04);
        } else {
            ring = item.shape;
        }
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, lineWidth * 2.5));
        painter.drawPath(ring);
        painter.setPen(QPen(Qt::black, lineWidth * 1.25));
        painter.drawPath(ring);
    }
}

QString MapView::nameOf(const QString &code) const
{
    return m_names.value(code);
}

QString MapView::describe(const QString &code) const
{
    const QString name = nameOf(code);
    return name.isEmpty() ? code : tr("%1 (%2)").arg(name, code);
}

QString MapView::usage()
{
    return tr("The arrow keys move from authority to authority; while painting is on, Enter or "
              "Space paints the current one, and a digit from 1 to 9 paints it into that CPA.");
}

bool MapView::isShown(const QString &code) const
{
    return m_names.isEmpty() || m_names.contains(code);
}

bool MapView::isOnMap(const QString &code) const
{
    if (!isShown(code))
        return false;
    if (mode() == Mode::Tiles)
        return m_grid.contains(code);
    return std::any_of(m_areas.cbegin(), m_areas.cend(),
                       [&code](const Area &area) { return area.code == code; });
}

QString MapView::firstCode() const
{
    // In reading order: the top row first, then from the left.
    QString best;
    QPointF bestPlace;
    const auto consider = [&](const QString &code, const QPointF &place) {
        if (!isShown(code))
            return;
        if (best.isEmpty() || place.y() < bestPlace.y() ||
            (place.y() == bestPlace.y() && place.x() < bestPlace.x())) {
            best = code;
            bestPlace = place;
        }
    };
    if (mode() == Mode::Tiles) {
        for (const TileGrid::Tile &tile : m_grid.tiles())
            consider(tile.code, QPointF(tile.column, tile.row));
    } else {
        for (const Area &area : m_areas)
            consider(area.code, area.bounds.center());
    }
    return best;
}

QString MapView::neighbour(const QString &code, TileGrid::Direction direction) const
{
    if (mode() == Mode::Tiles) {
        // Skip tiles of authorities that are not shown.
        QString next = m_grid.next(code, direction);
        while (!next.isEmpty() && !isShown(next))
            next = m_grid.next(next, direction);
        return next;
    }

    // The nearest area centre ahead, sideways distance counting double, so that the area
    // straight ahead wins over a nearer one off to the side.
    QPointF from;
    for (const Area &area : m_areas) {
        if (area.code == code)
            from = area.bounds.center();
    }
    QString best;
    qreal bestScore = std::numeric_limits<qreal>::max();
    for (const Area &area : m_areas) {
        if (area.code == code || !isShown(area.code))
            continue;
        const QPointF d = area.bounds.center() - from;
        qreal ahead = 0;
        qreal aside = 0;
        switch (direction) {
        case TileGrid::Direction::Left:
            ahead = -d.x();
            aside = d.y();
            break;
        case TileGrid::Direction::Right:
            ahead = d.x();
            aside = d.y();
            break;
        case TileGrid::Direction::Up:
            ahead = -d.y();
            aside = d.x();
            break;
        case TileGrid::Direction::Down:
            ahead = d.y();
            aside = d.x();
            break;
        }
        if (ahead <= 0)
            continue;
        const qreal score = ahead + 2 * std::abs(aside);
        if (score < bestScore) {
            best = area.code;
            bestScore = score;
        }
    }
    return best;
}

void MapView::setHovered(const QString &code)
{
    if (code == m_hovered)
        return;
    m_hovered = code;
    update();
    emit hovered(code);
}

void MapView::extendStroke(const QString &code)
{
    if (m_stroke.contains(code))
        return;
    m_stroke.append(code);
    update();
    emit strokeProgress(m_stroke);
}

void MapView::cancelStroke()
{
    if (!m_stroking)
        return;
    m_stroking = false;
    m_stroke.clear();
    update();
    emit strokeCancelled();
}

} // namespace CoCommission
