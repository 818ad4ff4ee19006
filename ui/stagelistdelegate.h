#pragma once

#include <QStyledItemDelegate>

namespace CoCommission {

/**
 * Draws a StageListModel row on two lines: the status dot and the title, then the summary
 * ("In progress · 3 things still needed") in a smaller, secondary but still AA-contrast colour.
 * On a selected row the dot sits on a patch of the base colour, because no status colour
 * reaches 4.5:1 on a mid-blue selection, and the selection is darkened until its text does.
 */
class StageListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /** Where the status dot of a row in \a option.rect is drawn. */
    static QRect iconRect(const QStyleOptionViewItem &option);
    /**
     * The selection colour of \a palette's \a group, darkened where needed so that its
     * highlighted text and the summary's secondary colour on it keep 4.5:1 (WCAG AA): Fusion's
     * own #308cc6 gives white only 3.7:1.
     */
    static QColor selectionColour(const QPalette &palette, QPalette::ColorGroup group);

    /** Mixes \a foreground into \a background; at 0.7 the result keeps AA contrast. */
    static QColor secondaryColour(const QColor &foreground, const QColor &background);
};

} // namespace CoCommission
