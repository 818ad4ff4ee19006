#include "core/round/supply.h"

#include <QCoreApplication>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::SupplyMarket", text);
}

} // namespace

QString milestoneKey(MilestoneKind kind)
{
    switch (kind) {
    case MilestoneKind::PriorInformationNotice:
        return QStringLiteral("prior_information_notice");
    case MilestoneKind::EngagementEvent:
        return QStringLiteral("engagement_event");
    case MilestoneKind::SupplyChainFormation:
        return QStringLiteral("supply_chain_formation");
    case MilestoneKind::TenderNotice:
        return QStringLiteral("tender_notice");
    case MilestoneKind::BidDeadline:
        return QStringLiteral("bid_deadline");
    case MilestoneKind::Evaluation:
        return QStringLiteral("evaluation");
    case MilestoneKind::Award:
        return QStringLiteral("award");
    case MilestoneKind::Standstill:
        return QStringLiteral("standstill");
    case MilestoneKind::GoLive:
        return QStringLiteral("go_live");
    }
    return {};
}

QList<MilestoneKind> milestoneKinds()
{
    return {MilestoneKind::PriorInformationNotice,
            MilestoneKind::EngagementEvent,
            MilestoneKind::SupplyChainFormation,
            MilestoneKind::TenderNotice,
            MilestoneKind::BidDeadline,
            MilestoneKind::Evaluation,
            MilestoneKind::Award,
            MilestoneKind::Standstill,
            MilestoneKind::GoLive};
}

std::optional<MilestoneKind> milestoneFromKey(const QString &key)
{
    for (MilestoneKind kind : milestoneKinds()) {
        if (milestoneKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString milestoneName(MilestoneKind kind)
{
    switch (kind) {
    case MilestoneKind::PriorInformationNotice:
        return tr("Prior information notice");
    case MilestoneKind::EngagementEvent:
        return tr("Market engagement event");
    case MilestoneKind::SupplyChainFormation:
        return tr("Supply-chain formation");
    case MilestoneKind::TenderNotice:
        return tr("Tender notice");
    case MilestoneKind::BidDeadline:
        return tr("Bid deadline");
    case MilestoneKind::Evaluation:
        return tr("Evaluation");
    case MilestoneKind::Award:
        return tr("Award");
    case MilestoneKind::Standstill:
        return tr("Standstill");
    case MilestoneKind::GoLive:
        return tr("Go-live");
    }
    return {};
}

const Provider *SupplyMarket::provider(const QString &name) const
{
    const auto it = std::find_if(providers.cbegin(), providers.cend(), [&](const Provider &p) {
        return p.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    return it == providers.cend() ? nullptr : &*it;
}

} // namespace CoCommission
