#include "ui/models/stagelistmodel.h"

#include "core/cpa/roundcheck.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "ui/statusicon.h"

#include <algorithm>

namespace CoCommission {

StageListModel::StageListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

StageListModel::~StageListModel() = default;

void StageListModel::setDocument(RoundDocument *document)
{
    if (m_document == document)
        return;
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &RoundDocument::roundChanged, this, &StageListModel::refresh);
        // A document deleted without setDocument(nullptr) takes its rows with it.
        connect(m_document, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_populated = false;
            m_rows = {};
            endResetModel();
        });
        for (int row = 0; row < kRowCount; ++row)
            m_rows[size_t(row)] = computeRow(row);
    } else {
        m_rows = {};
    }
    m_populated = m_document != nullptr;
    endResetModel();
}

RoundDocument *StageListModel::document() const
{
    return m_document;
}

int StageListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_populated)
        return 0;
    return kRowCount;
}

std::optional<StageId> StageListModel::stageAt(int row)
{
    if (row < 1 || row > int(kAllStages.size()))
        return std::nullopt;
    return kAllStages[size_t(row - 1)];
}

QVariant StageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const bool overview = index.row() == kOverviewRow;
    const bool notStage = overview || index.row() == kCpaRow;
    switch (role) {
    case Qt::DisplayRole:
        return row.display;
    case Qt::ToolTipRole:
        return row.toolTip;
    case Qt::AccessibleTextRole:
        return row.display + QStringLiteral(". ") + row.summary;
    case Qt::DecorationRole:
        if (notStage)
            return {};
        return statusIcon(StageStatus(row.status));
    case StageRole:
        return notStage ? -1 : int(*stageAt(index.row()));
    case StatusRole:
        if (notStage)
            return {};
        return row.status;
    case SummaryRole:
        return row.summary;
    case OutstandingCountRole:
        return row.outstanding;
    case IsOverviewRole:
        return overview;
    case IsCpaRole:
        return index.row() == kCpaRow;
    default:
        return {};
    }
}

Qt::ItemFlags StageListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> StageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(StageRole, "stage");
    names.insert(StatusRole, "status");
    names.insert(SummaryRole, "summary");
    names.insert(OutstandingCountRole, "outstandingCount");
    names.insert(IsOverviewRole, "isOverview");
    names.insert(IsCpaRole, "isCpa");
    return names;
}

QString StageListModel::summaryText(const Round &round, StageId stage)
{
    const StageStatus status = round.stage(stage).status;
    if (status == StageStatus::SignedOff)
        return statusName(status);
    const int count = int(StageRules::outstanding(round, stage).size());
    // Two source strings rather than "thing(s)": English reads right without a translation.
    const QString needed = count == 1 ? tr("%n thing still needed", nullptr, count)
                                      : tr("%n things still needed", nullptr, count);
    return tr("%1 · %2").arg(statusName(status), needed);
}

QString StageListModel::outstandingText(const Round &round, StageId stage)
{
    const QStringList outstanding = StageRules::outstanding(round, stage);
    if (outstanding.isEmpty())
        return tr("Stage %1 is signed off: nothing more is needed.").arg(stageNumber(stage));
    QString text = tr("Stage %1 still needs:").arg(stageNumber(stage));
    for (const QString &item : outstanding)
        text += QLatin1Char('\n') + tr("• %1").arg(item);
    return text;
}

StageListModel::Row StageListModel::computeRow(int row) const
{
    Row result;
    if (!m_document)
        return result;
    const Round &round = m_document->round();
    if (const std::optional<StageId> stage = stageAt(row)) {
        result.display = tr("%1. %2").arg(stageNumber(*stage)).arg(stageTitle(*stage));
        result.status = int(round.stage(*stage).status);
        result.outstanding = int(StageRules::outstanding(round, *stage).size());
        result.summary = summaryText(round, *stage);
        result.toolTip = outstandingText(round, *stage);
        return result;
    }
    if (row == kCpaRow) {
        result.display = tr("Contract Package Areas");
        const CpaPlan *adopted = round.adoptedPlan();
        const int count = int(round.plans.size());
        const QString plans =
            count == 1 ? tr("%n plan", nullptr, count) : tr("%n plans", nullptr, count);
        if (!adopted) {
            result.summary = tr("%1 · none adopted").arg(plans);
        } else {
            const Result<PlanCheck> check = checkRoundPlan(round, *adopted);
            const int broken =
                check ? int(std::count_if(check->problems.begin(), check->problems.end(),
                                          [](const PlanProblem &p) { return p.breaksRule(); }))
                      : 0;
            result.summary = !check   ? tr("%1 · adopted plan not checked").arg(plans)
                             : broken ? tr("%1 · adopted plan breaks a rule").arg(plans)
                                      : tr("%1 · adopted plan keeps every rule").arg(plans);
        }
        result.toolTip = tr("Draw, check, compare and suggest the areas the contracts cover "
                            "(Ctrl+7)");
        return result;
    }
    int signedOff = 0;
    for (StageId stage : kAllStages) {
        if (round.stage(stage).status == StageStatus::SignedOff)
            ++signedOff;
    }
    result.display = tr("Round overview");
    result.summary = tr("%1 of %2 stages signed off").arg(signedOff).arg(int(kAllStages.size()));
    result.toolTip = tr("The round's title, devolution model, partnerships, CPA plans and stage "
                        "progress");
    return result;
}

void StageListModel::refresh()
{
    if (!m_populated)
        return;
    for (int row = 0; row < kRowCount; ++row) {
        Row updated = computeRow(row);
        if (updated == m_rows[size_t(row)])
            continue;
        m_rows[size_t(row)] = std::move(updated);
        const QModelIndex changed = index(row);
        emit dataChanged(changed, changed);
    }
}

} // namespace CoCommission
