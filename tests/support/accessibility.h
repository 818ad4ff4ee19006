#pragma once

// The GUI tests' check that every interactive control has an accessible name.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QColor>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSet>
#include <QStringList>
#include <QTabBar>
#include <QTextEdit>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <functional>

namespace CoCommission::TestSupport {

/**
 * The interactive widgets under \a root without an accessible name, as "objectName Class":
 * buttons, combo boxes, item views, text and line edits, spin boxes, and whatever
 * \a alsoInteractive adds; never the parts inside a view, combo box or spin box, nor what
 * \a skip leaves out.
 */
inline QStringList unnamedControls(QWidget *root,
                                   const std::function<bool(QWidget *)> &alsoInteractive = {},
                                   const std::function<bool(QWidget *)> &skip = {})
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive =
            qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
            qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w) ||
            (alsoInteractive && alsoInteractive(w));
        bool part = false;
        for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget())
            part = part || qobject_cast<QAbstractItemView *>(p) || qobject_cast<QComboBox *>(p) ||
                   qobject_cast<QAbstractSpinBox *>(p) || p->inherits("QComboBoxPrivateContainer");
        if (!interactive || part || (skip && skip(w)))
            continue;
        if (w->accessibleName().isEmpty())
            unnamed << w->objectName() + QLatin1Char(' ') + w->metaObject()->className();
    }
    return unnamed;
}

/** Tab bars, tool buttons and calendars: named by Qt or by their owner, not checked. */
inline bool isTabToolOrCalendar(QWidget *w)
{
    return w->inherits("QTabBar") || w->inherits("QToolButton") || w->inherits("QCalendarWidget");
}

/**
 * The WCAG 2.1 relative luminance of \a colour (0 black, 1 white), from its sRGB channels.
 */
inline double relativeLuminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    const auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

/** The WCAG 2.1 contrast ratio of two colours, 1 to 21; AA asks 4.5 of body text. */
inline double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/**
 * Whether \a w is a part of a compound control under \a root rather than a control of its
 * own: the editor, list or calendar of a combo box, spin box or item view, a tab bar's scroll
 * buttons, a scroll area's scroll bars and viewport.
 */
inline bool isPartOfControl(QWidget *w, QWidget *root)
{
    if (qobject_cast<QScrollBar *>(w) || w->inherits("QComboBoxPrivateContainer"))
        return true;
    if (auto *area = qobject_cast<QAbstractScrollArea *>(w->parentWidget());
        area && area->viewport() == w)
        return true;
    for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
        if (qobject_cast<QAbstractItemView *>(p) || qobject_cast<QComboBox *>(p) ||
            qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QTabBar *>(p) ||
            p->inherits("QComboBoxPrivateContainer") || p->inherits("QCalendarWidget"))
            return true;
        if (p->isWindow())
            return true; // a popup or dialog of its own, walked on its own
    }
    return false;
}

/**
 * Whether \a w is a control keyboard and screen-reader users operate: buttons, check and radio
 * boxes, combo boxes, line and text edits, spin and date boxes, sliders, item views, tab bars,
 * labels that take focus (links), and any other widget that takes focus by Tab (a custom
 * control such as the map, or a scrolling page).
 */
inline bool isInteractiveControl(QWidget *w)
{
    return qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
           qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
           qobject_cast<QTextEdit *>(w) || qobject_cast<QLineEdit *>(w) ||
           qobject_cast<QAbstractSpinBox *>(w) ||
           (qobject_cast<QAbstractSlider *>(w) && !qobject_cast<QScrollBar *>(w)) ||
           qobject_cast<QTabBar *>(w) || (w->focusPolicy() & Qt::TabFocus);
}

/** The widgets Tab can stop at in \a root's window: its focus chain, proxies resolved. */
inline QSet<QWidget *> focusChain(QWidget *root)
{
    QSet<QWidget *> chain;
    QWidget *window = root->window();
    QWidget *w = window;
    do {
        chain.insert(w);
        w = w->nextInFocusChain();
    } while (w && w != window && chain.size() < 100000);
    return chain;
}

/**
 * The accessibility faults of the interactive controls \a root shows, one line per control as
 * "page › objectName Class: what is missing": an accessible name and an accessible description
 * as assistive technology reads them (QAccessible, so a buddy label or a button's text names
 * a control, and a tool tip describes it), Tab focus, a place in the window's focus chain, for
 * a disabled control with a tool tip (which says why) that same text as its description, and
 * for an editable text box, Tab moving on rather than typing a tab. Controls hidden under
 * \a root and those \a skip leaves out are not checked.
 */
inline QStringList accessibilityFaults(QWidget *root, const QString &page,
                                       const std::function<bool(QWidget *)> &skip = {})
{
    QStringList faults;
    const QSet<QWidget *> chain = focusChain(root);
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        if (w->isWindow() && w != root)
            continue;
        if (!isInteractiveControl(w) || isPartOfControl(w, root) || (skip && skip(w)))
            continue;
        QStringList missing;
        QAccessibleInterface *face = QAccessible::queryAccessibleInterface(w);
        if (!face || face->text(QAccessible::Name).trimmed().isEmpty())
            missing << QStringLiteral("name");
        if (!face || face->text(QAccessible::Description).trimmed().isEmpty())
            missing << QStringLiteral("description");
        // A control disabled for a reason gives the reason in its tool tip; a screen reader,
        // which cannot hover, must hear the same reason as its description.
        if (face && w->testAttribute(Qt::WA_Disabled) && !w->toolTip().isEmpty() &&
            face->text(QAccessible::Description) != w->toolTip())
            missing << QStringLiteral("the reason it is disabled (\"%1\") in its description")
                           .arg(w->toolTip());
        QWidget *target = w->focusProxy() ? w->focusProxy() : w;
        if (!(target->focusPolicy() & Qt::TabFocus))
            missing << QStringLiteral("Tab focus");
        if (!chain.contains(target))
            missing << QStringLiteral("focus chain");
        const auto *plain = qobject_cast<QPlainTextEdit *>(w);
        const auto *rich = qobject_cast<QTextEdit *>(w);
        if ((plain && !plain->isReadOnly() && !plain->tabChangesFocus()) ||
            (rich && !rich->isReadOnly() && !rich->tabChangesFocus()))
            missing << QStringLiteral("Tab moving on");
        if (!missing.isEmpty())
            faults << QStringLiteral("%1 \u203a %2 %3: %4")
                          .arg(page, w->objectName(), QLatin1String(w->metaObject()->className()),
                               missing.join(QStringLiteral(", ")));
    }
    return faults;
}

} // namespace CoCommission::TestSupport
