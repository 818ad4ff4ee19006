#pragma once

// Helpers the three tabs of the stage 4 screen share for their tables.

#include <QList>
#include <QObject>
#include <QVariant>

#include <functional>

class QTableWidget;
class QTableWidgetItem;

namespace CoCommission::SupplyTables {

/** Rows a table shows before it scrolls inside the page: a register may hold hundreds. */
inline constexpr int kMaxVisibleRows = 15;

/**
 * Makes \a table as tall as its header and rows (UiUtil::fitTableHeight()) up to
 * \a maxRows rows; a longer table keeps that height and scrolls.
 */
void fitHeight(QTableWidget *table, int maxRows = kMaxVisibleRows);

/**
 * Lets the cells of \a table wrap onto more lines, each row as tall as its tallest cell, and
 * keeps it so as the columns change width (after the resize, once the header has settled). Call
 * fitWrappedRows() after filling the table.
 */
void wrapRows(QTableWidget *table, int maxRows = kMaxVisibleRows);
/** Sets each row of a wrapRows() table to its text's height, then fitHeight(). */
void fitWrappedRows(QTableWidget *table, int maxRows = kMaxVisibleRows);

/**
 * Shares the width of \a table among its columns in proportion to \a weights (one per column),
 * again whenever the table is resized: for tables whose columns all hold text of some length,
 * so that none takes the room the others need.
 */
void shareColumns(QTableWidget *table, const QList<int> &weights);
/** Column \a column of a wrapRows() table stays on one line, elided (e-mail addresses). */
void keepOnOneLine(QTableWidget *table, int column);

/** A read-only, selectable cell; \a sortKey (when valid) orders it instead of its text. */
QTableWidgetItem *cell(const QString &text, const QVariant &sortKey = {});

/**
 * Gives a table the keys of a list of records: Enter and Return edit the current row, Delete
 * and Backspace remove it, and a double click edits. Delete is taken before any shortcut of
 * the window, so that it reaches the table that has the focus.
 */
class RowKeys : public QObject
{
    Q_OBJECT

public:
    RowKeys(QTableWidget *table, std::function<void()> edit, std::function<void()> remove);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableWidget *m_table;
    std::function<void()> m_edit;
    std::function<void()> m_remove;
};

} // namespace CoCommission::SupplyTables
