#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <initializer_list>

class QChart;
class QColor;
class QDialogButtonBox;
class QChartView;
class QHBoxLayout;
class QLabel;
class QLayout;
class QPushButton;
class QScrollArea;
class QTableWidget;
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

/** The WCAG 2.1 relative luminance of \a colour: 0 for black, 1 for white. */
double relativeLuminance(const QColor &colour);
/** The WCAG 2.1 contrast ratio of \a a and \a b, 1 to 21; AA asks 4.5 of text. */
double contrastRatio(const QColor &a, const QColor &b);

/** Gives \a label the secondary text colour (still at least 4.5:1 against the window). */
void makeSecondary(QLabel *label);

/**
 * A read-only table of whole rows: Tab leaves it and arrows move inside it, its columns fit the
 * width and fitTableHeight() gives it its height, so that the page scrolls as one.
 */
QTableWidget *makeTable(const QStringList &headers, QWidget *parent);
/**
 * Makes \a table exactly as tall as its header and rows (and a horizontal scroll bar when it
 * may show one).
 */
void fitTableHeight(QTableWidget *table);

/** A wrapping, selectable text label; \a secondary gives it the secondary text colour. */
QLabel *makeText(QWidget *parent, bool secondary = false);
QPushButton *makeButton(const QString &text, const QString &accessibleName,
                        const QString &objectName, QWidget *parent);

/**
 * Adds the accepting button of a dialog to \a buttons, which hold Cancel: \a text (with its
 * mnemonic), named \a accessibleName, described by \a description, the default button. Cancel is
 * named and described by \a cancelDescription. Their object names are \a namePrefix followed by
 * "OkButton" and "CancelButton".
 */
QPushButton *addAcceptButton(QDialogButtonBox *buttons, const QString &text,
                             const QString &accessibleName, const QString &description,
                             const QString &namePrefix, const QString &cancelDescription);

/**
 * Enables \a widget or not, and tells pointer and screen reader alike why: enabled, its tool tip
 * and accessible description say what it does (\a what, or when that is empty the description
 * it was given when made); disabled, they give \a whyNot.
 */
void setAvailable(QWidget *widget, bool on, const QString &what, const QString &whyNot);

/**
 * A row of \a left widgets (a table's Add, Edit, Remove buttons), a stretch, then the \a right
 * ones (Import, Export).
 */
QHBoxLayout *buttonRow(std::initializer_list<QWidget *> left,
                       std::initializer_list<QWidget *> right = {});

/**
 * A view of \a chart in the pages' style: square, localised numbers, a bold title \a titleScale
 * times the base size, antialiased, not focusable (the tables beside a chart hold its figures
 * for keyboard and screen-reader users), as wide as the page.
 */
QChartView *makeChartView(QChart *chart, QWidget *parent, qreal titleScale);

} // namespace CoCommission::UiUtil
