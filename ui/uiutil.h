#pragma once

#include <QLocale>
#include <QString>

class QLabel;
class QLayout;
class QScrollArea;
class QVBoxLayout;
class QWidget;

namespace CoCommission::UiUtil {

/** Removes every item of \a layout and deletes them, their layouts and (later) widgets. */
void clearLayout(QLayout *layout);

/**
 * Sets \a page up as a scrolling page of the main window: a frameless, resizable scroll area
 * whose content widget gets the returned column layout with the pages' margins and spacing.
 */
QVBoxLayout *pageLayout(QScrollArea *page);

/** A bold heading label, \a scale times the base font size. */
QLabel *headingLabel(const QString &text, qreal scale, QWidget *parent);

/** The user's locale for numbers, always with thousands separators (the C locale omits them). */
QLocale numberLocale();

/** Gives \a label the secondary text colour (still at least 4.5:1 against the window). */
void makeSecondary(QLabel *label);

} // namespace CoCommission::UiUtil
