#pragma once

#include <QStyledItemDelegate>

namespace CoCommission {

/**
 * Draws a StageListModel row on two lines: the status dot and the title, then the summary
 * ("In progress · 3 things still needed") in a smaller, secondary but still AA-contrast colour.
 */
class StageListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /** Mixes \a foreground into \a background; at 0.7 the result keeps AA contrast. */
    static QColor secondaryColour(const QColor &foreground, const QColor &background);
};

} // namespace CoCommission
