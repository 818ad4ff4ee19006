#include "ui/cpa/cpalegendmodel.h"

#include "ui/uiutil.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace CoCommission {

namespace {

/** A square of \a colour with a dark outline; a dashed grey one for "in no CPA". */
QIcon swatch(const QColor &colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    if (colour.isValid()) {
        painter.setPen(QColor(0x50, 0x50, 0x50));
        painter.setBrush(colour);
    } else {
        // As the map draws an authority in no CPA.
        painter.setPen(QPen(QColor(0x70, 0x70, 0x70), 1, Qt::DashLine));
        painter.setBrush(QColor(0xe3, 0xe3, 0xe3));
    }
    painter.drawRect(QRectF(0.5, 0.5, 14, 14));
    return QIcon(pixmap);
}

// The text of a figure that breaks a rule: dark red, 6.5:1 on white, and always with words.
const QColor kProblemText(0xa4, 0x10, 0x10);

} // namespace

CpaLegendModel::CpaLegendModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

CpaLegendModel::~CpaLegendModel() = default;

void CpaLegendModel::setPlan(const CpaPlan &plan, const PlanCheck &check,
                             const QHash<QString, QString> &names)
{
    QList<Cpa> cpas;
    for (const Cpa &cpa : plan.cpas)
        cpas.append({cpa.id, cpa.name, cpa.colour, {}});
    const auto sameRows = [&] {
        if (!m_shown || cpas.size() != m_cpas.size())
            return false;
        for (qsizetype i = 0; i < cpas.size(); ++i) {
            if (cpas[i].id != m_cpas[i].id)
                return false;
        }
        return true;
    }();
    if (!sameRows)
        beginResetModel();
    m_shown = true;
    m_cpas = cpas;
    m_figures = check.cpas;
    // The check lists the plan's CPAs in plan order; keep the two aligned whatever happens.
    m_figures.resize(m_cpas.size());
    m_unassigned = check.unassigned;
    m_hasValues = check.hasValues;
    m_indicatorName = check.indicatorName;
    m_names = names;
    if (!sameRows) {
        endResetModel();
        return;
    }
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void CpaLegendModel::clear()
{
    if (!m_shown)
        return;
    beginResetModel();
    m_shown = false;
    m_cpas.clear();
    m_figures.clear();
    m_unassigned.clear();
    m_hasValues = false;
    m_indicatorName.clear();
    endResetModel();
}

int CpaLegendModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_shown)
        return 0;
    return int(m_cpas.size()) + 1;
}

int CpaLegendModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int CpaLegendModel::rowOf(CpaId cpa) const
{
    if (!m_shown)
        return -1;
    if (!cpa.isValid())
        return eraserRow();
    for (qsizetype i = 0; i < m_cpas.size(); ++i) {
        if (m_cpas[i].id == cpa)
            return int(i);
    }
    return -1;
}

CpaId CpaLegendModel::cpaAt(int row) const
{
    if (row < 0 || row >= m_cpas.size())
        return CpaId();
    return m_cpas[row].id;
}

QString CpaLegendModel::signedPercent(double value)
{
    const QLocale locale = UiUtil::numberLocale();
    const double rounded = std::round(value * 10) / 10;
    if (rounded == 0)
        return tr("%1%").arg(locale.toString(0.0, 'f', 1));
    const QString magnitude = locale.toString(std::abs(rounded), 'f', 1);
    return rounded > 0 ? tr("+%1%").arg(magnitude) : tr("\u2212%1%").arg(magnitude);
}

QString CpaLegendModel::formatValue(double value)
{
    const QLocale locale = UiUtil::numberLocale();
    if (std::abs(value - std::round(value)) < 1e-9)
        return locale.toString(value, 'f', 0);
    return locale.toString(value, 'f', 1);
}

QString CpaLegendModel::memberNames(const QStringList &codes) const
{
    QStringList names;
    for (const QString &code : codes)
        names.append(m_names.value(code, code));
    return names.join(tr(", "));
}

QVariant CpaLegendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (isEraserRow(index.row()))
        return eraserData(index.column(), role);
    return cpaData(index.row(), index.column(), role);
}

QVariant CpaLegendModel::cpaData(int row, int column, int role) const
{
    const Cpa &cpa = m_cpas[row];
    const CpaCheck &figures = m_figures[row];
    switch (role) {
    case CpaIdRole:
        return cpa.id.value();
    case IsEraserRole:
        return false;
    case ColourRole:
        return QColor(cpa.colour);
    default:
        break;
    }

    const int members = int(figures.members.size());
    switch (column) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
            return cpa.name;
        case Qt::DecorationRole:
            return swatch(QColor(cpa.colour));
        case Qt::ToolTipRole:
            return tr("%1. Select it to paint authorities into it.").arg(cpa.name);
        case Qt::AccessibleTextRole:
            return tr("%1, colour %2").arg(cpa.name, cpa.colour);
        }
        break;
    case MembersColumn:
        switch (role) {
        case Qt::DisplayRole:
            return UiUtil::numberLocale().toString(members);
        case ValueRole:
            return double(members);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ToolTipRole:
            return members == 0 ? tr("No authorities") : memberNames(figures.members);
        }
        break;
    case TotalColumn:
        switch (role) {
        case Qt::DisplayRole:
            return figures.total ? formatValue(*figures.total) : tr("–");
        case ValueRole:
            return figures.total ? QVariant(*figures.total) : QVariant();
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            return figures.belowMinimum ? QVariant(QBrush(kProblemText)) : QVariant();
        case Qt::ToolTipRole:
            if (figures.belowMinimum)
                return tr("Below the minimum size");
            if (!figures.unknownValues.isEmpty())
                return tr("Members without a figure: %1").arg(memberNames(figures.unknownValues));
            return {};
        }
        break;
    case ShareColumn:
        switch (role) {
        case Qt::DisplayRole:
            return figures.sharePercent ? tr("%1%").arg(UiUtil::numberLocale().toString(
                                              *figures.sharePercent, 'f', 1))
                                        : tr("–");
        case ValueRole:
            return figures.sharePercent ? QVariant(*figures.sharePercent) : QVariant();
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case DeviationColumn:
        switch (role) {
        case Qt::DisplayRole:
            return figures.deviationPercent ? signedPercent(*figures.deviationPercent) : tr("–");
        case ValueRole:
            return figures.deviationPercent ? QVariant(*figures.deviationPercent) : QVariant();
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case ContiguousColumn:
        switch (role) {
        case Qt::DisplayRole:
            if (figures.isEmpty())
                return tr("Empty");
            return figures.isContiguous() ? tr("Yes") : tr("No — %1 parts").arg(figures.components);
        case ValueRole:
            return figures.components;
        case Qt::ForegroundRole:
            return figures.isContiguous() ? QVariant() : QVariant(QBrush(kProblemText));
        }
        break;
    case PartnershipsColumn:
        switch (role) {
        case Qt::DisplayRole:
            return UiUtil::numberLocale().toString(figures.partnershipsSplit());
        case ValueRole:
            return double(figures.partnershipsSplit());
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ToolTipRole:
            return figures.splitPartnerships.isEmpty()
                       ? tr("Splits no partnership")
                       : tr("Splits %1").arg(figures.splitPartnerships.join(tr(", ")));
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant CpaLegendModel::eraserData(int column, int role) const
{
    switch (role) {
    case CpaIdRole:
        return qint64(0);
    case IsEraserRole:
        return true;
    case ColourRole:
        return QColor();
    default:
        break;
    }
    const int unassigned = int(m_unassigned.size());
    switch (column) {
    case NameColumn:
        switch (role) {
        case Qt::DisplayRole:
            return tr("In no CPA (eraser)");
        case Qt::DecorationRole:
            return swatch(QColor());
        case Qt::ToolTipRole:
        case Qt::AccessibleTextRole:
            return tr("In no CPA: select it to take authorities out of their CPA.");
        }
        break;
    case MembersColumn:
        switch (role) {
        case Qt::DisplayRole:
            return UiUtil::numberLocale().toString(unassigned);
        case ValueRole:
            return double(unassigned);
        case Qt::TextAlignmentRole:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            return unassigned > 0 ? QVariant(QBrush(kProblemText)) : QVariant();
        case Qt::ToolTipRole:
            return unassigned == 0 ? tr("Every authority is in a CPA") : memberNames(m_unassigned);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant CpaLegendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("CPA");
        case MembersColumn:
            return tr("Members");
        case TotalColumn:
            return tr("Total");
        case ShareColumn:
            return tr("Share");
        case DeviationColumn:
            return tr("Deviation");
        case ContiguousColumn:
            return tr("Contiguous");
        case PartnershipsColumn:
            return tr("Splits");
        }
    }
    if (role == Qt::ToolTipRole) {
        const QString indicator =
            m_indicatorName.isEmpty() ? tr("the balance indicator") : m_indicatorName;
        switch (section) {
        case NameColumn:
            return tr("The CPA and its colour on the map; the selected row is the brush");
        case MembersColumn:
            return tr("Number of authorities in the CPA");
        case TotalColumn:
            return m_hasValues ? tr("Total of %1").arg(indicator)
                               : tr("Choose a balance indicator to see totals");
        case ShareColumn:
            return tr("Share of the plan's total of %1").arg(indicator);
        case DeviationColumn:
            return tr("How far the CPA's total is from the mean of all CPAs");
        case ContiguousColumn:
            return tr("Whether the CPA's authorities form one connected area");
        case PartnershipsColumn:
            return tr("Number of partnerships the CPA splits");
        }
    }
    if (role == Qt::TextAlignmentRole && section != NameColumn && section != ContiguousColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags CpaLegendModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> CpaLegendModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CpaIdRole, "cpaId");
    names.insert(IsEraserRole, "isEraser");
    names.insert(ColourRole, "colour");
    names.insert(ValueRole, "value");
    return names;
}

} // namespace CoCommission
