#include "ui/stagelistdelegate.h"

#include "ui/models/stagelistmodel.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QPainter>

namespace CoCommission {

namespace {
constexpr int kMargin = 8;
constexpr int kIconSize = 16;
constexpr int kSpacing = 8;
constexpr int kLineGap = 2;
constexpr int kPatchMargin = 2;
constexpr double kTextContrast = 4.5;

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

QRect StageListDelegate::iconRect(const QStyleOptionViewItem &option)
{
    const QRect area = option.rect.adjusted(kMargin, kMargin / 2 + 2, -kMargin, -(kMargin / 2 + 2));
    const QFontMetrics titleMetrics(option.font);
    return {area.left(), area.top() + (titleMetrics.height() - kIconSize) / 2, kIconSize,
            kIconSize};
}

QColor StageListDelegate::selectionColour(const QPalette &palette, QPalette::ColorGroup group)
{
    const QColor text = palette.color(group, QPalette::HighlightedText);
    QColor selection = palette.color(group, QPalette::Highlight);
    // Darker (or, under a dark text, lighter) in small steps until both lines read at AA.
    const bool lightText = UiUtil::relativeLuminance(text) > UiUtil::relativeLuminance(selection);
    for (int step = 0; step < 40; ++step) {
        if (UiUtil::contrastRatio(text, selection) >= kTextContrast &&
            UiUtil::contrastRatio(secondaryColour(text, selection), selection) >= kTextContrast)
            break;
        selection = lightText ? selection.darker(108) : selection.lighter(108);
    }
    return selection;
}

void StageListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled)
            ? ((opt.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive)
            : QPalette::Disabled;
    if (selected)
        opt.palette.setColor(group, QPalette::Highlight, selectionColour(opt.palette, group));

    // Background, selection and focus from the style; the text is drawn below.
    const QString display = opt.text;
    opt.text.clear();
    opt.icon = QIcon();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
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
        const QRect dot = iconRect(opt);
        if (selected) {
            painter->save();
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(opt.palette.color(group, QPalette::Base));
            painter->drawRoundedRect(
                QRectF(dot).adjusted(-kPatchMargin, -kPatchMargin, kPatchMargin, kPatchMargin), 4,
                4);
            painter->restore();
        }
        icon.paint(painter, dot);
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
