#pragma once

// Helpers the stage 6 tabs for the board, the actions log, the profile and the returns share:
// the formatting of dates and counts, and the marks that say "good" or "needs attention" in
// words and in a colour that keeps its contrast whatever the desktop theme.

#include <QString>

class QAbstractButton;
class QDate;
class QDateTime;
class QTableWidget;
class QTableWidgetItem;

namespace CoCommission::BoardTables {

/** "5 Mar 2018". */
QString dayText(const QDate &date);
/** "5 Mar 2018, 14:20", in local time. */
QString dateTimeText(const QDateTime &dateTime);
/** A count with thousands separators, rounded to a whole number ("1,235"). */
QString countText(double value);
/** A figure with thousands separators and at most \a decimals decimals, zeros dropped. */
QString figureText(double value, int decimals = 1);

/** Dark green text (7:1 on white): a meeting that was quorate, a figure in force. */
void markGood(QTableWidgetItem *item);
/** Dark red text on a light red ground (7:1): not quorate, overdue, superseded. */
void markAttention(QTableWidgetItem *item);

/**
 * After a row was removed from \a table: selects the row now at \a row (or the last one),
 * with the current cell in \a column, so that the keyboard stays where it was.
 */
void selectNear(QTableWidget *table, int row, int column);

/**
 * Enables \a button when \a on, with \a what (what it does) as its tool tip; otherwise
 * disables it with the reason as its tool tip: \a why (the stage cannot change now) when it is
 * not empty, else \a otherwise. The button is so always described.
 */
void enable(QAbstractButton *button, bool on, const QString &what, const QString &why,
            const QString &otherwise = {});

} // namespace CoCommission::BoardTables
