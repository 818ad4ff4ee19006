#include "ui/design/tariffmodel.h"

#include "core/commands/designcommands.h"
#include "core/design/designcheck.h"
#include "core/round/design.h"
#include "core/round/rounddocument.h"
#include "ui/design/designtab.h"
#include "ui/editrunner.h"
#include "ui/uiutil.h"

#include <QDoubleSpinBox>
#include <QFont>
#include <QKeyEvent>

#include <cmath>

namespace CoCommission {

namespace {

bool isMoney(int column)
{
    return column == TariffModel::FeeColumn || column == TariffModel::JobPaymentColumn ||
           column == TariffModel::EachPaymentColumn || column == TariffModel::CostColumn;
}

bool isRate(int column)
{
    return column == TariffModel::JobRateColumn || column == TariffModel::SustainedRateColumn;
}

/** Sets \a column of \a tariff to \a value (rounded for the whole-number columns). */
void setFigure(GroupTariff &tariff, int column, double value)
{
    switch (column) {
    case TariffModel::FeeColumn:
        tariff.attachmentFee = value;
        break;
    case TariffModel::JobPaymentColumn:
        tariff.jobOutcomePayment = value;
        break;
    case TariffModel::PaymentsColumn:
        tariff.sustainmentPayments = int(std::lround(value));
        break;
    case TariffModel::EachPaymentColumn:
        tariff.sustainmentPayment = value;
        break;
    case TariffModel::IntervalColumn:
        tariff.sustainmentIntervalMonths = int(std::lround(value));
        break;
    case TariffModel::JobRateColumn:
        tariff.jobOutcomeRatePercent = value;
        break;
    case TariffModel::SustainedRateColumn:
        tariff.sustainmentRatePercent = value;
        break;
    case TariffModel::CostColumn:
        tariff.deliveryCostPerStart = value;
        break;
    default:
        break;
    }
}

} // namespace

TariffModel::TariffModel(EditRunner *edits, QObject *parent)
    : QAbstractTableModel(parent)
    , m_edits(edits)
{}

TariffModel::~TariffModel() = default;

void TariffModel::setDocument(RoundDocument *document)
{
    beginResetModel();
    m_document = document;
    m_rows = rowsOf();
    endResetModel();
}

RoundDocument *TariffModel::document() const
{
    return m_document;
}

void TariffModel::setScenario(const QString &name)
{
    if (name == m_scenario)
        return;
    beginResetModel();
    m_scenario = name;
    m_rows = rowsOf();
    endResetModel();
}

void TariffModel::refresh()
{
    const QList<Row> rows = rowsOf();
    if (rows == m_rows) {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

const PaymentScenario *TariffModel::shownScenario() const
{
    return m_document ? m_document->round().design.scenario(m_scenario) : nullptr;
}

QList<TariffModel::Row> TariffModel::rowsOf() const
{
    QList<Row> rows;
    const PaymentScenario *scenario = shownScenario();
    if (!scenario)
        return rows;
    const Round &round = m_document->round();
    for (const PaymentGroup &g : round.design.paymentGroups)
        rows.append({g.key, CpaId()});
    if (const CpaPlan *plan = round.adoptedPlan()) {
        for (const PaymentGroup &g : round.design.paymentGroups) {
            for (const Cpa &cpa : plan->cpas) {
                if (std::any_of(
                        scenario->tariffs.cbegin(), scenario->tariffs.cend(),
                        [&](const GroupTariff &t) { return t.group == g.key && t.cpa == cpa.id; }))
                    rows.append({g.key, cpa.id});
            }
        }
    }
    return rows;
}

const GroupTariff *TariffModel::tariffAt(int row) const
{
    const PaymentScenario *scenario = shownScenario();
    if (!scenario || row < 0 || row >= m_rows.size())
        return nullptr;
    const Row &r = m_rows[row];
    for (const GroupTariff &t : scenario->tariffs) {
        if (t.group == r.group && t.cpa == r.cpa)
            return &t;
    }
    return nullptr;
}

int TariffModel::rowOf(const QString &group, CpaId cpa) const
{
    return int(m_rows.indexOf(Row{group, cpa}));
}

int TariffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TariffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<double> TariffModel::figure(const GroupTariff &tariff, int column)
{
    switch (column) {
    case FeeColumn:
        return tariff.attachmentFee;
    case JobPaymentColumn:
        return tariff.jobOutcomePayment;
    case PaymentsColumn:
        return double(tariff.sustainmentPayments);
    case EachPaymentColumn:
        return tariff.sustainmentPayment;
    case IntervalColumn:
        return double(tariff.sustainmentIntervalMonths);
    case JobRateColumn:
        return tariff.jobOutcomeRatePercent;
    case SustainedRateColumn:
        return tariff.sustainmentRatePercent;
    case CostColumn:
        return tariff.deliveryCostPerStart;
    default:
        return std::nullopt;
    }
}

std::tuple<double, double, int> TariffModel::range(int column)
{
    using namespace DesignLimits;
    if (isMoney(column))
        return {0.0, kMaxMoneyPerPerson, 0};
    if (isRate(column))
        return {0.0, 100.0, 1};
    if (column == PaymentsColumn)
        return {0.0, double(kMaxSustainmentPayments), 0};
    if (column == IntervalColumn)
        return {1.0, double(kMaxSustainmentIntervalMonths), 0};
    return {0.0, 0.0, 0};
}

QString TariffModel::figureText(int column, double value) const
{
    if (isMoney(column))
        return DesignFormat::money(value);
    if (isRate(column))
        return DesignFormat::percent(value);
    return DesignFormat::number(value, 0);
}

QVariant TariffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || !m_document)
        return {};
    const Row &row = m_rows[index.row()];
    const GroupTariff *tariff = tariffAt(index.row());
    const int column = index.column();
    const Round &round = m_document->round();

    switch (role) {
    case GroupKeyRole:
        return row.group;
    case CpaIdRole:
        return row.cpa.value();
    case HasTariffRole:
        return tariff != nullptr;
    case ValueRole:
        if (tariff) {
            if (const std::optional<double> value = figure(*tariff, column))
                return *value;
        }
        return {};
    case Qt::EditRole:
        if (const std::optional<double> value = tariff ? figure(*tariff, column) : std::nullopt)
            return *value;
        if (column >= FeeColumn)
            return column == IntervalColumn ? 1.0 : 0.0;
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (column == GroupColumn) {
            const PaymentGroup *g = round.design.paymentGroup(row.group);
            return g ? g->name : row.group;
        }
        if (column == CpaColumn) {
            if (!row.cpa.isValid())
                return tariff ? tr("All CPAs") : tr("All CPAs: no tariff yet");
            const Cpa *cpa = round.adoptedCpa(row.cpa);
            return cpa ? tr("%1 only").arg(cpa->name) : QString::number(row.cpa.value());
        }
        if (!tariff)
            return role == Qt::AccessibleTextRole ? tr("Not set") : QStringLiteral("\u2014");
        if (const std::optional<double> value = figure(*tariff, column))
            return figureText(column, *value);
        return {};
    case Qt::ToolTipRole:
        if (!tariff)
            return tr("This scenario pays nothing for this group yet: enter a figure to set its "
                      "tariff.");
        if (row.cpa.isValid())
            return tr("This CPA's own tariff, in place of the one for all CPAs.");
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((column >= FeeColumn ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    case Qt::FontRole:
        if (!tariff) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    default:
        return {};
    }
}

bool TariffModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= m_rows.size() ||
        index.column() < FeeColumn || !m_document)
        return false;
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok)
        return false;

    const Row row = m_rows[index.row()];
    ServiceDesign design = m_document->round().design;
    PaymentScenario *scenario = nullptr;
    for (PaymentScenario &s : design.scenarios) {
        if (s.name == m_scenario)
            scenario = &s;
    }
    if (!scenario)
        return false;
    GroupTariff *tariff = nullptr;
    for (GroupTariff &t : scenario->tariffs) {
        if (t.group == row.group && t.cpa == row.cpa)
            tariff = &t;
    }
    if (!tariff) {
        GroupTariff added;
        added.group = row.group;
        added.cpa = row.cpa;
        scenario->tariffs.append(added);
        tariff = &scenario->tariffs.last();
    }
    setFigure(*tariff, index.column(), number);

    static const char *const texts[ColumnCount] = {
        nullptr,
        nullptr,
        QT_TR_NOOP("Change the delivery fee"),
        QT_TR_NOOP("Change the job outcome payment"),
        QT_TR_NOOP("Change the number of sustainment payments"),
        QT_TR_NOOP("Change the sustainment payment"),
        QT_TR_NOOP("Change the months between sustainment payments"),
        QT_TR_NOOP("Change the job outcome rate"),
        QT_TR_NOOP("Change the sustainment rate"),
        QT_TR_NOOP("Change the delivery cost per start"),
    };
    const QString text = tr(texts[index.column()]);
    RoundDocument *document = m_document;
    const bool done = m_edits->run(tr("The design was not changed"),
                                   [&] { return Commands::setDesign(document, design, text); });
    if (!done) {
        // The stored value stands: every view of the cell shows it again.
        emit dataChanged(index, index);
        return false;
    }
    return true; // dataChanged follows from the document's roundChanged() through refresh()
}

QVariant TariffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case GroupColumn:
            return tr("Payment group");
        case CpaColumn:
            return tr("Applies to");
        case FeeColumn:
            return tr("Delivery fee");
        case JobPaymentColumn:
            return tr("Job outcome");
        case PaymentsColumn:
            return tr("Sustainment\npayments");
        case EachPaymentColumn:
            return tr("Each");
        case IntervalColumn:
            return tr("Every\n(months)");
        case JobRateColumn:
            return tr("Job outcome\nrate");
        case SustainedRateColumn:
            return tr("Sustained");
        case CostColumn:
            return tr("Delivery cost\nper start");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case FeeColumn:
            return tr("The delivery (attachment) fee paid for each start");
        case JobPaymentColumn:
            return tr("The payment when a participant starts work");
        case PaymentsColumn:
            return tr("How many sustainment payments follow a job outcome");
        case EachPaymentColumn:
            return tr("The amount of each sustainment payment");
        case IntervalColumn:
            return tr("The months between sustainment payments");
        case JobRateColumn:
            return tr("The share of starts expected to reach a job");
        case SustainedRateColumn:
            return tr("The share of job outcomes expected to earn every sustainment payment");
        case CostColumn:
            return tr("The provider's cost of serving one start");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section >= FeeColumn ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags TariffModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() >= FeeColumn && m_document && m_document->whyDesignFrozen().isEmpty())
        flags |= Qt::ItemIsEditable;
    return flags;
}

void TariffView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    if (state() != EditingState && current.isValid() && event->modifiers() == Qt::NoModifier) {
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            const QModelIndex cell = current.column() < TariffModel::FeeColumn
                                         ? current.siblingAtColumn(TariffModel::FeeColumn)
                                         : current;
            setCurrentIndex(cell);
            edit(cell);
            return;
        }
        if (event->key() == Qt::Key_Delete) {
            emit removeRequested(current.row());
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

QWidget *TariffDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    if (index.column() < TariffModel::FeeColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *spin = new QDoubleSpinBox(parent);
    const auto [min, max, decimals] = TariffModel::range(index.column());
    spin->setLocale(UiUtil::numberLocale());
    spin->setGroupSeparatorShown(true);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setAlignment(Qt::AlignRight);
    spin->setFrame(false);
    if (isMoney(index.column())) {
        spin->setPrefix(QStringLiteral("\u00a3"));
        spin->setSingleStep(50);
    } else if (isRate(index.column())) {
        spin->setSuffix(QStringLiteral("%"));
    }
    const QString header =
        index.model()->headerData(index.column(), Qt::Horizontal).toString().simplified();
    spin->setAccessibleName(
        tr("%1 for %2")
            .arg(header, index.siblingAtColumn(TariffModel::GroupColumn).data().toString()));
    return spin;
}

void TariffDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *spin = qobject_cast<QDoubleSpinBox *>(editor);
    if (!spin)
        return QStyledItemDelegate::setEditorData(editor, index);
    const double value = index.data(Qt::EditRole).toDouble();
    spin->setValue(value);
    spin->setProperty("initialValue", spin->value());
}

void TariffDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const
{
    auto *spin = qobject_cast<QDoubleSpinBox *>(editor);
    if (!spin)
        return QStyledItemDelegate::setModelData(editor, model, index);
    spin->interpretText();
    // Leaving a cell unchanged must not give a row without a tariff an empty one.
    if (!index.data(TariffModel::HasTariffRole).toBool() &&
        spin->value() == spin->property("initialValue").toDouble())
        return;
    model->setData(index, spin->value(), Qt::EditRole);
}

} // namespace CoCommission
