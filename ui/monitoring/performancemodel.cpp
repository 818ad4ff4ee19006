#include "ui/monitoring/performancemodel.h"

#include "ui/uiutil.h"

#include <QFont>

#include <cmath>
#include <set>

namespace CoCommission {

namespace PerformanceFormat {

QString count(double value)
{
    const QLocale locale = UiUtil::numberLocale();
    const double whole = std::round(value);
    // A profile's fractions are shown to one decimal; one that rounds to .0 is shown whole.
    if (std::abs(value - whole) < 0.05)
        return locale.toString(qint64(whole));
    return locale.toString(value, 'f', 1);
}

QString percent(std::optional<double> value)
{
    if (!value)
        return QStringLiteral("\u2014");
    // Always one decimal, so that a column of percentages lines up.
    return UiUtil::numberLocale().toString(*value, 'f', 1) + QLatin1Char('%');
}

// Dark text on amber, white on green and red: each pair 4.5:1 or more (a test measures them).
QColor ragBackground(Rag rag)
{
    switch (rag) {
    case Rag::Green:
        return QColor(0x00, 0x70, 0x3c);
    case Rag::Amber:
        return QColor(0xff, 0xbf, 0x47);
    case Rag::Red:
        return QColor(0xb5, 0x2a, 0x1a);
    }
    return {};
}

QColor ragForeground(Rag rag)
{
    return rag == Rag::Amber ? QColor(0x0b, 0x0c, 0x0c) : QColor(0xff, 0xff, 0xff);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QList<QDate> reportMonths(const Monitoring &monitoring, const QList<QDate> &extra)
{
    std::set<QDate> months;
    const ContractProfile &profile = monitoring.profile;
    const auto add = [&](const QDate &period) {
        if (profile.contains(period))
            months.insert(period);
    };
    for (const PerformanceReturn &r : monitoring.returns) {
        for (const MonitoringFigure &f : r.figures)
            add(f.period);
        for (const StandardFigure &f : r.standards)
            add(f.period);
    }
    for (const QDate &period : extra)
        add(period);
    return QList<QDate>(months.begin(), months.end());
}

} // namespace PerformanceFormat

PerformanceTableModel::PerformanceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

PerformanceTableModel::~PerformanceTableModel() = default;

void PerformanceTableModel::setReport(const PerformanceReport &report, const QList<KeyName> &groups,
                                      CpaId cpa)
{
    beginResetModel();
    m_groupNames.clear();
    for (const KeyName &group : groups)
        m_groupNames.insert(group.key, group.name);
    m_rows.clear();
    for (const PerformanceRow &row : report.rows) {
        if (!cpa.isValid() || row.cpa == cpa)
            m_rows << row;
    }
    if (!cpa.isValid())
        m_rows << report.totals;
    endResetModel();
}

void PerformanceTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int PerformanceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PerformanceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PerformanceTableModel::groupName(const QString &group) const
{
    if (group.isEmpty())
        return tr("All groups");
    return m_groupNames.value(group, group);
}

int PerformanceTableModel::rowOf(CpaId cpa, const QString &group, MonitoringMeasure measure) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const PerformanceRow &r = m_rows[row];
        if (r.cpa == cpa && r.group == group && r.measure == measure)
            return row;
    }
    return -1;
}

QString PerformanceTableModel::text(const PerformanceRow &row, int column) const
{
    switch (column) {
    case CpaColumn:
        return row.cpa.isValid() ? row.cpaName : tr("All CPAs");
    case GroupColumn:
        return groupName(row.group);
    case MeasureColumn:
        return monitoringMeasureName(row.measure);
    case ActualColumn:
        return PerformanceFormat::count(row.actual);
    case ProfileColumn:
        return PerformanceFormat::count(row.profile);
    case PercentColumn:
        return PerformanceFormat::percent(row.percentOfProfile);
    case RagColumn:
        return row.rag ? ragName(*row.rag) : tr("Not rated");
    }
    return {};
}

QString PerformanceTableModel::spoken(const PerformanceRow &row) const
{
    const QString who =
        tr("%1, %2, %3")
            .arg(text(row, CpaColumn), text(row, GroupColumn), text(row, MeasureColumn));
    if (!row.percentOfProfile)
        return tr("%1: %2 with no profile to compare; not rated.")
            .arg(who, text(row, ActualColumn));
    return tr("%1: %2 against a profile of %3, %4 of profile, %5.")
        .arg(who, text(row, ActualColumn), text(row, ProfileColumn), text(row, PercentColumn),
             text(row, RagColumn));
}

QVariant PerformanceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PerformanceRow &row = m_rows[index.row()];
    const int column = index.column();
    const bool total = row.group.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case Qt::ToolTipRole:
        if (column == PercentColumn && !row.percentOfProfile)
            return tr("No profile to compare with");
        return spoken(row);
    case Qt::AccessibleTextRole:
        return column == RagColumn || column == PercentColumn ? spoken(row) : text(row, column);
    case Qt::TextAlignmentRole:
        if (column == ActualColumn || column == ProfileColumn || column == PercentColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (column == RagColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (total || (column == RagColumn && row.rag)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (column == RagColumn && row.rag)
            return PerformanceFormat::ragBackground(*row.rag);
        return {};
    case Qt::ForegroundRole:
        if (column == RagColumn && row.rag)
            return PerformanceFormat::ragForeground(*row.rag);
        return {};
    case ValueRole:
        if (column == ActualColumn)
            return row.actual;
        if (column == ProfileColumn)
            return row.profile;
        if (column == PercentColumn && row.percentOfProfile)
            return *row.percentOfProfile;
        return {};
    case RagRole:
        return row.rag ? int(*row.rag) : -1;
    case CpaRole:
        return row.cpa.value();
    case GroupRole:
        return row.group;
    case MeasureRole:
        return int(row.measure);
    case TotalRole:
        return total;
    }
    return {};
}

QVariant PerformanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (section == ActualColumn || section == ProfileColumn || section == PercentColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CpaColumn:
        return tr("CPA");
    case GroupColumn:
        return tr("Group");
    case MeasureColumn:
        return tr("Measure");
    case ActualColumn:
        return tr("Actual");
    case ProfileColumn:
        return tr("Profile");
    case PercentColumn:
        return tr("% of profile");
    case RagColumn:
        return tr("RAG");
    }
    return {};
}

Qt::ItemFlags PerformanceTableModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

} // namespace CoCommission
