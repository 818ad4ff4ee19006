#pragma once

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QTabWidget>

class QWheelEvent;

namespace CoCommission {

/**
 * A combo box that leaves the mouse wheel to the page unless it has the focus: the views live
 * on scrolling pages, and scrolling past a picker must not change what it shows.
 */
class PageComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit PageComboBox(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

/** A spin box that, like PageComboBox, leaves the mouse wheel to the page unless focused. */
class PageSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit PageSpinBox(QWidget *parent = nullptr);

protected:
    void wheelEvent(QWheelEvent *event) override;
};

/**
 * A tab widget for a scrolling page, as the stage 3, 4 and 5 screens have: as tall as the tab
 * shown (the page scrolls as a whole, so the tabs not shown do not count towards its size),
 * and its tab bar, like PageComboBox, leaves the mouse wheel to the page so that scrolling past
 * the tabs does not switch them.
 *
 * The tabs not shown are left out of the size hints by an Ignored size policy (fitTabs(),
 * called when the current tab changes and to be called after tabs are added) and out of the
 * height for a width, which QStackedLayout takes from every page whatever its policy.
 *
 * Its tab bar, the part that takes the focus, is named as the tab widget is (set the tab
 * widget's accessible name before adding tabs) and described by the tabs it offers; so is the
 * tab widget, unless its owner gives it a description of its own. Qt's own accessible tab bar
 * reports no description, so the tab bar has an accessible interface of its own.
 */
class PageTabWidget : public QTabWidget
{
    Q_OBJECT

public:
    explicit PageTabWidget(QWidget *parent = nullptr);

    int heightForWidth(int width) const override;
    /** Gives the tab shown a Preferred size policy and the others an Ignored one. */
    void fitTabs();

protected:
    void tabInserted(int index) override;
    void tabRemoved(int index) override;

private:
    void describeTabBar();
};

} // namespace CoCommission
