#pragma once

#include "core/monitoring/performance.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

struct KeyName;

/**
 * How the stage 6 tabs write figures and mark ratings. A rating is always written as a word
 * (Green, Amber, Red; Met, Not met) and coloured as well, never by colour alone; each colour
 * pair is fixed, whatever the desktop theme, and keeps at least 4.5:1 (WCAG AA) for its text.
 */
namespace PerformanceFormat {
/** A count: whole numbers as "1,234", a profile's fractions with one decimal ("10.5"). */
QString count(double value);
/** "92.3%", "100.0%": one decimal; an em dash when there is no percentage. */
QString percent(std::optional<double> value);
QColor ragBackground(Rag rag);
QColor ragForeground(Rag rag);
/** The contrast ratio of two colours under WCAG 2 (1 to 21). */
double contrastRatio(const QColor &a, const QColor &b);
/**
 * The months a report can be made to: those of the contract that a return reports a figure
 * for (a count or a service standard), in order; the months of \a extra in the contract too.
 */
QList<QDate> reportMonths(const Monitoring &monitoring, const QList<QDate> &extra = {});
} // namespace PerformanceFormat

/**
 * The rows of a PerformanceReport as a read-only table, one row per CPA × group × measure,
 * cumulative to the report's period: CPA, group, measure, actual, profile, percent of profile
 * and RAG. A CPA's total over its groups ("All groups") and the total of all CPAs are bold.
 *
 * The model only shows what core computed (performanceReport()); it holds a copy of the rows
 * of the CPA it is filtered to (or of every CPA, then the totals of all CPAs) and is filled
 * again whole by setReport().
 */
class PerformanceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CpaColumn,
        GroupColumn,
        MeasureColumn,
        ActualColumn,
        ProfileColumn,
        PercentColumn,
        RagColumn,
        ColumnCount
    };

    enum Role {
        ValueRole = Qt::UserRole + 1, ///< double of a figure column; invalid when there is none
        RagRole,                      ///< int: the row's Rag, or -1 when it is not rated
        CpaRole,                      ///< qint64: the row's CPA id; 0 for all CPAs
        GroupRole,                    ///< QString: the row's group key; "" for all groups
        MeasureRole,                  ///< int: the row's MonitoringMeasure
        TotalRole                     ///< bool: a total over groups (and perhaps CPAs)
    };

    explicit PerformanceTableModel(QObject *parent = nullptr);
    ~PerformanceTableModel() override;

    /**
     * Shows the rows of \a report for \a cpa (invalid: every CPA, then the totals of all CPAs),
     * naming groups by \a groups (monitoringGroups()).
     */
    void setReport(const PerformanceReport &report, const QList<KeyName> &groups, CpaId cpa);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const PerformanceRow &rowAt(int row) const { return m_rows.at(row); }
    /** The row of \a cpa (invalid: all CPAs), \a group ("": all groups) and \a measure, or -1. */
    int rowOf(CpaId cpa, const QString &group, MonitoringMeasure measure) const;
    /** The group's name as the table shows it: "All groups" for "". */
    QString groupName(const QString &group) const;

private:
    QString text(const PerformanceRow &row, int column) const;
    QString spoken(const PerformanceRow &row) const;

    QList<PerformanceRow> m_rows;
    QHash<QString, QString> m_groupNames;
};

} // namespace CoCommission
