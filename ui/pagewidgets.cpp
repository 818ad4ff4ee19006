#include "ui/pagewidgets.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QHash>
#include <QLayout>
#include <QPointer>
#include <QStackedWidget>
#include <QTabBar>
#include <QToolButton>
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
    Q_OBJECT

public:
    using QTabBar::QTabBar;

protected:
    void wheelEvent(QWheelEvent *event) override { event->ignore(); }
};

/** One tab of a PageTabBar as assistive technology sees it: named by its text, pressed to show. */
class AccessiblePageTab : public QAccessibleInterface, public QAccessibleActionInterface
{
public:
    AccessiblePageTab(QTabBar *bar, int index)
        : m_bar(bar)
        , m_index(index)
    {}

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        return type == QAccessible::ActionInterface
                   ? static_cast<QAccessibleActionInterface *>(this)
                   : nullptr;
    }
    bool isValid() const override { return m_bar && m_index < m_bar->count(); }
    QObject *object() const override { return nullptr; }
    QAccessibleInterface *parent() const override
    {
        return QAccessible::queryAccessibleInterface(m_bar.data());
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessible::Role role() const override { return QAccessible::PageTab; }

    QAccessible::State state() const override
    {
        QAccessible::State state;
        if (!isValid()) {
            state.invalid = true;
            return state;
        }
        state = parent()->state();
        state.focused = m_index == m_bar->currentIndex();
        return state;
    }

    QRect rect() const override
    {
        if (!isValid())
            return {};
        return m_bar->tabRect(m_index).translated(m_bar->mapToGlobal(QPoint(0, 0)));
    }

    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return {};
        switch (t) {
        case QAccessible::Name: {
            const QString name = m_bar->accessibleTabName(m_index);
            return name.isEmpty() ? m_bar->tabText(m_index).remove(QLatin1Char('&')) : name;
        }
        case QAccessible::Description:
            return m_bar->tabToolTip(m_index);
        case QAccessible::Help:
            return m_bar->tabWhatsThis(m_index);
        default:
            return {};
        }
    }
    void setText(QAccessible::Text, const QString &) override {}

    QStringList actionNames() const override { return {pressAction()}; }
    void doAction(const QString &actionName) override
    {
        if (isValid() && actionName == pressAction())
            m_bar->setCurrentIndex(m_index);
    }
    QStringList keyBindingsForAction(const QString &) const override { return {}; }

private:
    QPointer<QTabBar> m_bar;
    int m_index;
};

/**
 * A PageTabBar as assistive technology sees it: Qt's own tab bar interface, which offers no
 * description, with the tab bar's accessible name and description added. Its children are
 * the tabs, then the scroll buttons.
 */
class AccessiblePageTabBar : public QAccessibleWidget
{
public:
    explicit AccessiblePageTabBar(QTabBar *bar)
        : QAccessibleWidget(bar, QAccessible::PageTabList)
    {}

    ~AccessiblePageTabBar() override
    {
        for (const QAccessible::Id id : std::as_const(m_tabs))
            QAccessible::deleteAccessibleInterface(id);
    }

    QAccessibleInterface *focusChild() const override
    {
        const int current = tabBar()->currentIndex();
        return current >= 0 ? child(current) : nullptr;
    }

    QAccessibleInterface *child(int index) const override
    {
        if (index < 0)
            return nullptr;
        if (index < tabBar()->count()) {
            if (const QAccessible::Id id = m_tabs.value(index))
                return QAccessible::accessibleInterface(id);
            auto *tab = new AccessiblePageTab(tabBar(), index);
            m_tabs.insert(index, QAccessible::registerAccessibleInterface(tab));
            return tab;
        }
        const QList<QToolButton *> buttons = scrollButtons();
        index -= tabBar()->count();
        return index < buttons.size() ? QAccessible::queryAccessibleInterface(buttons.at(index))
                                      : nullptr;
    }

    int childCount() const override { return tabBar()->count() + int(scrollButtons().size()); }

    int indexOfChild(const QAccessibleInterface *child) const override
    {
        if (!child)
            return -1;
        if (auto *button = qobject_cast<QToolButton *>(child->object())) {
            const int at = int(scrollButtons().indexOf(button));
            return at < 0 ? -1 : tabBar()->count() + at;
        }
        for (auto it = m_tabs.cbegin(); it != m_tabs.cend(); ++it) {
            if (QAccessible::accessibleInterface(it.value()) == child)
                return it.key();
        }
        return -1;
    }

    QString text(QAccessible::Text t) const override
    {
        const int current = tabBar()->currentIndex();
        if (t == QAccessible::Name && widget()->accessibleName().isEmpty())
            return current < 0 ? QString() : tabBar()->tabText(current).remove(QLatin1Char('&'));
        return QAccessibleWidget::text(t); // description: the accessible one, else the tool tip
    }

private:
    QTabBar *tabBar() const { return static_cast<QTabBar *>(widget()); }
    QList<QToolButton *> scrollButtons() const
    {
        return tabBar()->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
    }

    mutable QHash<int, QAccessible::Id> m_tabs;
};

QAccessibleInterface *pageTabBarInterface(const QString &className, QObject *object)
{
    if (className != QLatin1String(PageTabBar::staticMetaObject.className()))
        return nullptr;
    auto *bar = qobject_cast<PageTabBar *>(object);
    return bar ? new AccessiblePageTabBar(bar) : nullptr;
}

} // namespace

PageTabWidget::PageTabWidget(QWidget *parent)
    : QTabWidget(parent)
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(&pageTabBarInterface);
        return true;
    }();
    Q_UNUSED(factoryInstalled)
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

void PageTabWidget::tabInserted(int index)
{
    QTabWidget::tabInserted(index);
    describeTabBar();
}

void PageTabWidget::tabRemoved(int index)
{
    QTabWidget::tabRemoved(index);
    describeTabBar();
}

void PageTabWidget::describeTabBar()
{
    QStringList names;
    for (int i = 0; i < count(); ++i)
        names << tabText(i).remove(QLatin1Char('&'));
    const QString description = tr("Tabs: %1. The arrow keys or Ctrl+Tab move between them.")
                                    .arg(names.join(QStringLiteral(", ")));
    // The tab widget takes Tab focus too (and hands it to the tab bar): it gets the same
    // description unless its owner has given it one of its own.
    if (accessibleDescription().isEmpty() ||
        accessibleDescription() == tabBar()->accessibleDescription())
        setAccessibleDescription(description);
    tabBar()->setAccessibleName(accessibleName());
    tabBar()->setAccessibleDescription(description);
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

#include "pagewidgets.moc"
