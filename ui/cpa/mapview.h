#pragma once

#include "core/cpa/tilegrid.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>

namespace CoCommission {

class BoundarySet;
struct Authority;

/**
 * A map of a round's authorities, as a tile grid (always available) or as boundaries (when a
 * boundary file was given), on which the user paints authorities into CPAs.
 *
 * A pure view: it knows no document, no plan and no rule. The owner feeds it the authorities,
 * the map geometry, a fill colour per authority (CPA colours, or a choropleth) and the codes to
 * highlight (a plan check's problems), and reacts to its signals:
 *
 * - Painting (setPaintingEnabled()): pressing the left button on an authority starts a stroke,
 *   dragging adds every authority entered, once each and in order (strokeProgress()), releasing
 *   ends it (strokeFinished()); Escape, losing focus or disabling painting cancels it
 *   (strokeCancelled(), never strokeFinished()). Without painting a click only makes the
 *   authority current.
 * - Keyboard: arrow keys move the current authority, Enter or Space paints it
 *   (strokeFinished() with one code) and the digits 1 to 9 emit numberPressed(); both only while
 *   painting is enabled.
 *
 * Only authorities on the map are shown: tile mode shows those the tile grid holds, boundary
 * mode those the boundary set holds (all of either when no authorities are set). The view keeps
 * its own copy of everything it is given.
 */
class MapView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode {
        Tiles,     ///< one square per authority on the tile grid
        Boundaries ///< the authorities' boundaries, when setBoundaries() gave any
    };
    Q_ENUM(Mode)

    /** Returns the text of the tooltip for an authority's code. */
    using ToolTipProvider = std::function<QString(const QString &code)>;

    explicit MapView(QWidget *parent = nullptr);
    ~MapView() override;

    /** The authorities to show, for their names (labels, tooltips, the accessible text). */
    void setAuthorities(const QList<Authority> &authorities);
    void setTileGrid(const TileGrid &grid);
    /** Copies the areas of \a boundaries; nullptr (or a set without areas) means none. */
    void setBoundaries(const BoundarySet *boundaries);
    /** Whether boundary mode can show anything: some authority has a boundary. */
    bool hasBoundaries() const;

    /** Asks for \a mode; Boundaries falls back to Tiles while hasBoundaries() is false. */
    void setMode(Mode mode);
    /** The mode in effect, which is Tiles when Boundaries was asked for without boundaries. */
    Mode mode() const;

    /**
     * The fill of each authority by code. An authority without a (valid) colour is drawn in a
     * light grey with a dashed outline, meaning "in no CPA". Labels take black or white,
     * whichever contrasts with the fill.
     */
    void setFill(const QHash<QString, QColor> &fill);
    QHash<QString, QColor> fill() const { return m_fill; }

    /** Authorities drawn with a thick red outline, e.g. those a plan problem concerns. */
    void setHighlighted(const QStringList &codes);
    QStringList highlighted() const { return m_highlighted; }

    /** What the tooltip says for an authority; without one it says "Name (code)". */
    void setToolTipProvider(ToolTipProvider provider);

    void setPaintingEnabled(bool enabled);
    bool isPaintingEnabled() const { return m_paintingEnabled; }
    /**
     * The colour the authorities of a stroke in progress are previewed in; an invalid colour
     * previews them with a translucent highlight over their fill.
     */
    void setBrushColour(const QColor &colour);
    QColor brushColour() const { return m_brushColour; }
    /** The authorities of the stroke in progress, in the order entered; empty when none. */
    QStringList stroke() const { return m_stroke; }

    /** The authority keyboard actions apply to; empty when none. */
    QString currentCode() const { return m_current; }
    /** Makes \a code current; ignored unless the map shows \a code (or \a code is empty). */
    void setCurrentCode(const QString &code);

    /** The authority shown at \a position (widget coordinates), or an empty string. */
    QString codeAt(const QPointF &position) const;
    /** The bounding rectangle of \a code on the widget, or a null rectangle when not shown. */
    QRectF itemRect(const QString &code) const;
    /** The codes shown, in the order they are drawn. */
    QStringList shownCodes() const;

    /**
     * Draws the map as the widget shows it, but without hover, focus or stroke preview, fitted
     * into \a target with its aspect kept: for board papers and images. Sizes of lines and
     * labels follow the size of \a target.
     */
    void paintMap(QPainter &painter, const QRectF &target) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /** The current authority changed to \a code (empty when none). */
    void currentChanged(const QString &code);
    /** The pointer moved onto the authority \a code, or off the map (empty). */
    void hovered(const QString &code);
    /** A stroke started or grew; \a codes are its authorities in the order entered. */
    void strokeProgress(const QStringList &codes);
    /** A stroke ended with the button released, or Enter or Space painted one authority. */
    void strokeFinished(const QStringList &codes);
    /** The stroke in progress was abandoned; no strokeFinished() follows. */
    void strokeCancelled();
    /** A digit key \a n (1 to 9) was pressed with \a code current, painting enabled. */
    void numberPressed(int n, const QString &code);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /** An area of the boundary set, projected: x east (scaled for latitude), y down. */
    struct Area
    {
        QString code;
        QPainterPath path;
        QRectF bounds;
    };
    /** One authority as drawn into a target rectangle. */
    struct Item
    {
        QString code;
        QString label;
        QPainterPath shape; ///< what is filled
        QRectF rect;        ///< the tile, or the bounds of the area
        QRectF hitRect;     ///< the whole cell of a tile (gaps included); null for an area
    };
    /** The map fitted into a target rectangle. */
    struct Layout
    {
        Mode mode = Mode::Tiles;
        QList<Item> items;
        QHash<QString, qsizetype> index;
        qreal unit = 0; ///< the size of a typical tile, which lines and labels scale with
        qreal gap = 0;  ///< between tiles
    };
    /** What the widget adds to paintMap(): hover, focus and the stroke preview. */
    struct Overlay
    {
        QString hovered;
        QString focused;
        QStringList stroke;
        QColor brush;
        QColor accent;
    };

    Layout computeLayout(const QRectF &target) const;
    const Layout &widgetLayout() const;
    void invalidate();
    void paintLayout(QPainter &painter, const Layout &layout, const Overlay *overlay) const;
    QString nameOf(const QString &code) const;
    /** "Westminster (E09000033)", or the bare code of an authority without a name. */
    QString describe(const QString &code) const;
    /** How the keyboard works the map: the description while no authority is current. */
    static QString usage();
    /** Whether \a code is one of the authorities (or any code, when none are set). */
    bool isShown(const QString &code) const;
    /** Whether the map in its current mode draws \a code. */
    bool isOnMap(const QString &code) const;
    QString firstCode() const;
    QString neighbour(const QString &code, TileGrid::Direction direction) const;

    void setHovered(const QString &code);
    void extendStroke(const QString &code);
    void cancelStroke();

    QStringList m_codes;             ///< of the authorities, in the order given
    QHash<QString, QString> m_names; ///< by code
    TileGrid m_grid;
    QList<Area> m_areas;
    Mode m_requestedMode = Mode::Tiles;
    QHash<QString, QColor> m_fill;
    QStringList m_highlighted;
    ToolTipProvider m_toolTipProvider;
    bool m_paintingEnabled = false;
    QColor m_brushColour;

    QString m_current;
    QString m_hovered;
    QStringList m_stroke;
    bool m_stroking = false;

    mutable std::unique_ptr<Layout> m_layout; ///< of the widget's rectangle; reset on change
};

} // namespace CoCommission
