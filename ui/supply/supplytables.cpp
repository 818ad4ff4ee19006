#include "ui/supply/supplytables.h"

#include "ui/uiutil.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>

#include <algorithm>

namespace CoCommission::SupplyTables {

namespace {

/** A cell sorted by a key of its own (a date, a number) rather than by its text. */
class SortedItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;

    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant mine = data(Qt::UserRole + 100);
        const QVariant theirs = other.data(Qt::UserRole + 100);
        if (mine.isValid() && theirs.isValid())
            return QVariant::compare(mine, theirs) == QPartialOrdering::Less;
        return QString::localeAwareCompare(text(), other.text()) < 0;
    }
};

/** Draws its column's text on one line, elided, whatever the view's wrapping. */
class OneLineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->features &= ~QStyleOptionViewItem::WrapText;
        option->textElideMode = Qt::ElideRight;
    }
};

/** Sets the columns of a table to shares of its viewport's width as that width changes. */
class ColumnSharer : public QObject
{
public:
    ColumnSharer(QTableWidget *table, const QList<int> &weights)
        : QObject(table)
        , m_table(table)
        , m_weights(weights)
    {
        table->viewport()->installEventFilter(this);
        share();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The type first: while the table is being destroyed its viewport still sends events
        // here, and the table is no longer a table to ask for its viewport (UBSan).
        if (event->type() == QEvent::Resize && watched == m_table->viewport())
            share();
        return QObject::eventFilter(watched, event);
    }

private:
    void share()
    {
        int total = 0;
        for (int weight : std::as_const(m_weights))
            total += weight;
        const int width = m_table->viewport()->width();
        if (total <= 0 || width <= 0)
            return;
        int used = 0;
        const int last = int(std::min<qsizetype>(m_weights.size(), m_table->columnCount())) - 1;
        for (int column = 0; column <= last; ++column) {
            // The last column takes what rounding left over.
            const int w = column == last ? width - used : width * m_weights[column] / total;
            m_table->setColumnWidth(column, std::max(w, 24));
            used += w;
        }
    }

    QTableWidget *m_table;
    QList<int> m_weights;
};

} // namespace

void shareColumns(QTableWidget *table, const QList<int> &weights)
{
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(false);
    new ColumnSharer(table, weights);
}

void keepOnOneLine(QTableWidget *table, int column)
{
    table->setItemDelegateForColumn(column, new OneLineDelegate(table));
}

void fitHeight(QTableWidget *table, int maxRows)
{
    const bool scrolls = table->rowCount() > maxRows;
    table->setVerticalScrollBarPolicy(scrolls ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    UiUtil::fitTableHeight(table);
    if (!scrolls)
        return;
    int height = 2 * table->frameWidth();
    if (!table->horizontalHeader()->isHidden())
        height += table->horizontalHeader()->sizeHint().height();
    for (int row = 0; row < maxRows; ++row)
        height += table->rowHeight(row);
    table->setFixedHeight(height);
}

void wrapRows(QTableWidget *table, int maxRows)
{
    table->setWordWrap(true);
    table->setTextElideMode(Qt::ElideNone);
    // Row heights follow the column widths, which the header settles after a resize: one fit,
    // queued, for however many sections a resize changes.
    auto *timer = new QTimer(table);
    timer->setSingleShot(true);
    timer->setInterval(0);
    QObject::connect(timer, &QTimer::timeout, table,
                     [table, maxRows] { fitWrappedRows(table, maxRows); });
    QObject::connect(table->horizontalHeader(), &QHeaderView::sectionResized, timer,
                     qOverload<>(&QTimer::start));
    // Sorting moves the cells, not the row heights.
    QObject::connect(table->model(), &QAbstractItemModel::layoutChanged, timer,
                     qOverload<>(&QTimer::start));
}

void fitWrappedRows(QTableWidget *table, int maxRows)
{
    const int minimum = table->verticalHeader()->defaultSectionSize();
    const int padding = minimum - table->fontMetrics().height();
    auto *view = static_cast<QAbstractItemView *>(table); // sizeHintForRow() is public there
    for (int row = 0; row < table->rowCount(); ++row)
        table->setRowHeight(row, std::max(minimum, view->sizeHintForRow(row) + padding));
    fitHeight(table, maxRows);
}

QTableWidgetItem *cell(const QString &text, const QVariant &sortKey)
{
    auto *item = new SortedItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (sortKey.isValid())
        item->setData(Qt::UserRole + 100, sortKey);
    return item;
}

RowKeys::RowKeys(QTableWidget *table, std::function<void()> edit, std::function<void()> remove)
    : QObject(table)
    , m_table(table)
    , m_edit(std::move(edit))
    , m_remove(std::move(remove))
{
    table->installEventFilter(this);
    connect(table, &QTableWidget::cellDoubleClicked, this, [this] {
        if (m_edit)
            m_edit();
    });
}

bool RowKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_table ||
        !(event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride))
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return false;
    std::function<void()> action;
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        action = m_edit;
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        action = m_remove;
        break;
    default:
        return false;
    }
    if (!action)
        return false;
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept(); // the key press comes to the table, not to a window shortcut
        return true;
    }
    action();
    return true;
}

} // namespace CoCommission::SupplyTables
