#pragma once

#include "core/needs/indicators.h"

#include <QAbstractTableModel>
#include <QList>
#include <QLocale>

#include <optional>

namespace CoCommission {

/**
 * The values of one indicator for a list of authorities or groups at one date, one row each:
 * the name, the value and its rank (1 = the highest value; equal values share a rank).
 *
 * A row without a value (a member authority has no figure) shows "–", never 0, has no rank and
 * sorts last in both orders. The model sorts itself (sort() is what a QTableView with sorting
 * enabled calls) and keeps its sort order when the values are replaced, so a view shows the
 * new figures the way the user last sorted them.
 */
class IndicatorTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ValueColumn, RankColumn, ColumnCount };

    enum Role {
        CodeRole = Qt::UserRole + 1, ///< QString: GSS code, or the group's name
        ValueRole,                   ///< double, or invalid when the row has no value
        RankRole,                    ///< int (1 = highest value), or invalid without a value
    };

    explicit IndicatorTableModel(QObject *parent = nullptr);
    ~IndicatorTableModel() override;

    /**
     * Replaces the rows. \a decimals is how many decimals values show; \a nameHeader and
     * \a valueHeader title the first two columns; \a missingReason is the tooltip of "–".
     */
    void setValues(const QList<IndicatorValue> &values, int decimals, const QString &nameHeader,
                   const QString &valueHeader, const QString &missingReason);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    int decimals() const { return m_decimals; }

    /** The row of \a code (GSS code or group name), or -1. */
    int rowOf(const QString &code) const;
    QString codeAt(int row) const;

    /** The locale numbers are shown in: the user's, always with thousands separators. */
    static QLocale numberLocale();
    /** \a value with \a decimals decimals and thousands separators, e.g. "12,345" or "3.9". */
    static QString formatValue(double value, int decimals);
    /** What a missing value shows: an en dash, never 0. */
    static QString missingText();

private:
    struct Row
    {
        QString code;
        QString name;
        std::optional<double> value;
        std::optional<int> rank;
    };

    /** Sorts m_rows by the current sort column and order; missing values last. */
    void sortRows();

    QList<Row> m_rows;
    int m_decimals = 0;
    QString m_nameHeader;
    QString m_valueHeader;
    QString m_missingReason;
    int m_sortColumn = RankColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace CoCommission
