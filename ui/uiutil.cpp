#include "ui/uiutil.h"

#include "ui/stagelistdelegate.h"

#include <QFrame>
#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QVBoxLayout>

namespace CoCommission::UiUtil {

QVBoxLayout *pageLayout(QScrollArea *page)
{
    page->setWidgetResizable(true);
    page->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(page);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    page->setWidget(content);
    return layout;
}

void clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            // Later, not now: the widget may be the sender of the signal that led here
            // (an Adopt button whose click rebuilt the list).
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        }
        if (QLayout *child = item->layout()) {
            clearLayout(child);
            delete child;
        } else {
            delete item;
        }
    }
}

QLabel *headingLabel(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLocale numberLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

void makeSecondary(QLabel *label)
{
    QPalette palette = label->palette();
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(
            group, QPalette::WindowText,
            StageListDelegate::secondaryColour(palette.color(group, QPalette::WindowText),
                                               palette.color(group, QPalette::Window)));
    }
    label->setPalette(palette);
}

} // namespace CoCommission::UiUtil
