#include "ui/models/indicatortablemodel.h"

#include "ui/uiutil.h"

#include <algorithm>

namespace CoCommission {

IndicatorTableModel::IndicatorTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nameHeader(tr("Name"))
    , m_valueHeader(tr("Value"))
{}

IndicatorTableModel::~IndicatorTableModel() = default;

QLocale IndicatorTableModel::numberLocale()
{
    return UiUtil::numberLocale();
}

QString IndicatorTableModel::formatValue(double value, int decimals)
{
    return numberLocale().toString(value, 'f', decimals);
}

QString IndicatorTableModel::missingText()
{
    return tr("–");
}

void IndicatorTableModel::setValues(const QList<IndicatorValue> &values, int decimals,
                                    const QString &nameHeader, const QString &valueHeader,
                                    const QString &missingReason)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(values.size());
    for (const IndicatorValue &v : values)
        m_rows.append({v.code, v.name, v.value, std::nullopt});

    // Competition ranking: 1 is the highest value, equal values share a rank (1, 2, 2, 4).
    QList<double> present;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.value)
            present.append(*row.value);
    }
    std::sort(present.begin(), present.end(), std::greater<double>());
    for (Row &row : m_rows) {
        if (!row.value)
            continue;
        const auto first =
            std::lower_bound(present.cbegin(), present.cend(), *row.value, std::greater<double>());
        row.rank = int(first - present.cbegin()) + 1;
    }

    m_decimals = decimals;
    m_nameHeader = nameHeader;
    m_valueHeader = valueHeader;
    m_missingReason = missingReason;
    sortRows();
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void IndicatorTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int IndicatorTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IndicatorTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndicatorTableModel::data(const QModelIndex &index, int role) const
{
    // isValid() first: checkIndex() warns about the invalid index views legitimately ask about.
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return row.name;
        case ValueColumn:
            return row.value ? formatValue(*row.value, m_decimals) : missingText();
        case RankColumn:
            return row.rank ? numberLocale().toString(*row.rank) : missingText();
        }
        break;
    case Qt::AccessibleTextRole:
        if (column != NameColumn && !row.value)
            return tr("No figure");
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (column == NameColumn && row.code != row.name)
            return row.code;
        if (column != NameColumn && !row.value)
            return m_missingReason;
        break;
    case Qt::TextAlignmentRole:
        if (column == NameColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case CodeRole:
        return row.code;
    case ValueRole:
        return row.value ? QVariant(*row.value) : QVariant();
    case RankRole:
        return row.rank ? QVariant(*row.rank) : QVariant();
    }
    return {};
}

QVariant IndicatorTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        switch (section) {
        case NameColumn:
            return m_nameHeader;
        case ValueColumn:
            return m_valueHeader;
        case RankColumn:
            return tr("Rank");
        }
        break;
    case Qt::ToolTipRole:
        if (section == RankColumn)
            return tr("1 is the highest value; equal values share a rank.");
        break;
    case Qt::TextAlignmentRole:
        if (section == NameColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }
    return {};
}

Qt::ItemFlags IndicatorTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

int IndicatorTableModel::rowOf(const QString &code) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).code == code)
            return int(row);
    }
    return -1;
}

QString IndicatorTableModel::codeAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).code : QString();
}

void IndicatorTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList codes;
    codes.reserve(before.size());
    for (const QModelIndex &index : before)
        codes.append(m_rows.at(index.row()).code);
    sortRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(codes.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void IndicatorTableModel::sortRows()
{
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    auto byName = [](const Row &a, const Row &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    };
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        if (m_sortColumn == NameColumn)
            return ascending ? byName(a, b) : byName(b, a);
        // Rows without a value go last whichever way the user sorts; among them, by name.
        if (!a.value || !b.value) {
            if (a.value || b.value)
                return bool(a.value);
            return byName(a, b);
        }
        // Rank ascending is value descending; ties by name so the order is stable to read.
        const double av = m_sortColumn == RankColumn ? -*a.value : *a.value;
        const double bv = m_sortColumn == RankColumn ? -*b.value : *b.value;
        if (av != bv)
            return ascending ? av < bv : bv < av;
        return byName(a, b);
    });
}

} // namespace CoCommission
