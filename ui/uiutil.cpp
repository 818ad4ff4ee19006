#include "ui/uiutil.h"

#include "ui/stagelistdelegate.h"

#include <QChart>
#include <QChartView>
#include <QColor>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

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

double relativeLuminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    const auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
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

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Columns fit the width; a table that may be wider than the page asks for a scroll bar.
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

void fitTableHeight(QTableWidget *table)
{
    int height = 2 * table->frameWidth();
    if (!table->horizontalHeader()->isHidden())
        height += table->horizontalHeader()->sizeHint().height();
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    // Room for the horizontal scroll bar a wide table may need.
    if (table->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
        height += table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(height);
}

QLabel *makeText(QWidget *parent, bool secondary)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (secondary)
        makeSecondary(label);
    return label;
}

QPushButton *makeButton(const QString &text, const QString &accessibleName,
                        const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setAccessibleName(accessibleName);
    button->setObjectName(objectName);
    return button;
}

QHBoxLayout *buttonRow(std::initializer_list<QWidget *> left,
                       std::initializer_list<QWidget *> right)
{
    auto *row = new QHBoxLayout;
    for (QWidget *widget : left)
        row->addWidget(widget);
    row->addStretch(1);
    for (QWidget *widget : right)
        row->addWidget(widget);
    return row;
}

QChartView *makeChartView(QChart *chart, QWidget *parent, qreal titleScale)
{
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 12, 4));
    chart->setLocalizeNumbers(true);
    chart->setLocale(numberLocale());
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * titleScale);
    chart->setTitleFont(titleFont);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::NoFocus);
    view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return view;
}

void setAvailable(QWidget *widget, bool on, const QString &what, const QString &whyNot)
{
    // What the widget does, as it was described when made, kept for when \a what is empty.
    static constexpr char kWhat[] = "cocommissionWhat";
    QVariant made = widget->property(kWhat);
    if (!made.isValid()) {
        made = !widget->accessibleDescription().isEmpty() ? widget->accessibleDescription()
                                                          : widget->toolTip();
        widget->setProperty(kWhat, made);
    }
    const QString text =
        on || whyNot.isEmpty() ? (what.isEmpty() ? made.toString() : what) : whyNot;
    widget->setEnabled(on);
    widget->setToolTip(text);
    widget->setAccessibleDescription(text);
}

QPushButton *addAcceptButton(QDialogButtonBox *buttons, const QString &text,
                             const QString &accessibleName, const QString &description,
                             const QString &namePrefix, const QString &cancelDescription)
{
    QPushButton *ok = buttons->addButton(text, QDialogButtonBox::AcceptRole);
    ok->setObjectName(namePrefix + QStringLiteral("OkButton"));
    ok->setAccessibleName(accessibleName);
    ok->setAccessibleDescription(description);
    ok->setDefault(true);
    if (QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel)) {
        cancel->setObjectName(namePrefix + QStringLiteral("CancelButton"));
        cancel->setAccessibleName(QCoreApplication::translate("UiUtil", "Cancel"));
        cancel->setAccessibleDescription(cancelDescription);
    }
    return ok;
}

} // namespace CoCommission::UiUtil
