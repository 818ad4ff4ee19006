#include "ui/stagelistdelegate.h"

#include "ui/models/stagelistmodel.h"

#include <QApplication>
#include <QPainter>

namespace CoCommission {

namespace {
constexpr int kMargin = 8;
constexpr int kIconSize = 16;
constexpr int kSpacing = 8;
constexpr int kLineGap = 2;

QFont summaryFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}
} // namespace

QColor StageListDelegate::secondaryColour(const QColor &foreground, const QColor &background)
{
    constexpr qreal kWeight = 0.7;
    return QColor::fromRgbF(
        float(foreground.redF() * kWeight + background.redF() * (1 - kWeight)),
        float(foreground.greenF() * kWeight + background.greenF() * (1 - kWeight)),
        float(foreground.blueF() * kWeight + background.blueF() * (1 - kWeight)));
}

void StageListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // Background, selection and focus from the style; the text is drawn below.
    const QString display = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled)
            ? ((opt.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive)
            : QPalette::Disabled;
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background =
        opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);

    const QRect area = opt.rect.adjusted(kMargin, kMargin / 2 + 2, -kMargin, -(kMargin / 2 + 2));
    const QFontMetrics titleMetrics(opt.font);
    const QFont small = summaryFont(opt.font);
    const QFontMetrics smallMetrics(small);

    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    const int textLeft = area.left() + kIconSize + kSpacing;
    if (!icon.isNull()) {
        const QRect iconRect(area.left(), area.top() + (titleMetrics.height() - kIconSize) / 2,
                             kIconSize, kIconSize);
        icon.paint(painter, iconRect);
    }

    painter->save();
    QFont titleFont = opt.font;
    if (index.data(StageListModel::IsOverviewRole).toBool() ||
        index.data(StageListModel::IsCpaRole).toBool())
        titleFont.setBold(true);
    painter->setFont(titleFont);
    painter->setPen(text);
    const QRect titleRect(textLeft, area.top(), area.right() - textLeft, titleMetrics.height());
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(titleFont).elidedText(display, Qt::ElideRight, titleRect.width()));

    painter->setFont(small);
    painter->setPen(secondaryColour(text, background));
    const QString summary = index.data(StageListModel::SummaryRole).toString();
    const QRect summaryRect(textLeft, titleRect.bottom() + 1 + kLineGap, titleRect.width(),
                            smallMetrics.height());
    painter->drawText(summaryRect, Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(summary, Qt::ElideRight, summaryRect.width()));
    painter->restore();
}

QSize StageListDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics titleMetrics(opt.font);
    const QFontMetrics smallMetrics(summaryFont(opt.font));
    const QString summary = index.data(StageListModel::SummaryRole).toString();
    QFont bold = opt.font;
    bold.setBold(true);
    const int width = kMargin * 2 + kIconSize + kSpacing +
                      qMax(QFontMetrics(bold).horizontalAdvance(opt.text),
                           smallMetrics.horizontalAdvance(summary));
    const int height = titleMetrics.height() + kLineGap + smallMetrics.height() + kMargin + 4;
    return {width, height};
}

} // namespace CoCommission
