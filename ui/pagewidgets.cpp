#include "ui/pagewidgets.h"

#include <QLayout>
#include <QStackedWidget>
#include <QTabBar>
#include <QWheelEvent>

#include <algorithm>

namespace CoCommission {

PageComboBox::PageComboBox(QWidget *parent)
    : QComboBox(parent)
{
    setFocusPolicy(Qt::StrongFocus); // not Qt::WheelFocus
}

void PageComboBox::wheelEvent(QWheelEvent *event)
{
    if (hasFocus())
        QComboBox::wheelEvent(event);
    else
        event->ignore(); // on to the scroll area
}

PageSpinBox::PageSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

void PageSpinBox::wheelEvent(QWheelEvent *event)
{
    if (hasFocus())
        QDoubleSpinBox::wheelEvent(event);
    else
        event->ignore();
}

namespace {

/** A tab bar that leaves the mouse wheel to the page. */
class PageTabBar : public QTabBar
{
public:
    using QTabBar::QTabBar;

protected:
    void wheelEvent(QWheelEvent *event) override { event->ignore(); }
};

} // namespace

PageTabWidget::PageTabWidget(QWidget *parent)
    : QTabWidget(parent)
{
    setTabBar(new PageTabBar(this));
    connect(this, &QTabWidget::currentChanged, this, &PageTabWidget::fitTabs);
}

int PageTabWidget::heightForWidth(int width) const
{
    const int all = QTabWidget::heightForWidth(width);
    const QWidget *shown = currentWidget();
    const auto *stack =
        shown ? qobject_cast<const QStackedWidget *>(shown->parentWidget()) : nullptr;
    if (all < 0 || !stack || !stack->layout())
        return all;
    // With tabs above the pages the stack gets the whole width (as QTabWidget does); the frame
    // and tab bar around it do not depend on the pages, so swap the tallest for the one shown.
    const int floor = stack->layout()->minimumSize().height();
    int tallest = floor;
    for (int i = 0; i < count(); ++i)
        tallest = std::max(tallest, widget(i)->heightForWidth(width));
    const int current = std::max(floor, shown->heightForWidth(width));
    return all - tallest + current;
}

void PageTabWidget::fitTabs()
{
    for (int i = 0; i < count(); ++i) {
        const auto policy = i == currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        widget(i)->setSizePolicy(policy, policy);
    }
    updateGeometry();
}

} // namespace CoCommission
