#pragma once

// The GUI tests' check that every interactive control has an accessible name.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

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

} // namespace CoCommission::TestSupport
