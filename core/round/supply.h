#pragma once

// Stage 4, shaping the structure of supply: value types only. The coverage matrix, the
// timeline checks and the register's CSV format live in core/supply/.

#include "core/round/tender.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/**
 * An organisation in the provider register. Names are unique in the register (compared
 * without case). \a areas are GSS codes of authorities of the round; a provider serving a CPA
 * lists its authorities. Specialisms are keys of specialisms() (core/evaluation/supplychain.h).
 */
struct Provider
{
    QString name;
    ProviderSector sector = ProviderSector::Private;
    bool sme = false;
    QStringList specialisms;
    QStringList areas;
    QString contact;

    bool operator==(const Provider &) const = default;
};

/** A milestone of market engagement and procurement, in the order they normally come. */
enum class MilestoneKind {
    PriorInformationNotice,
    EngagementEvent,
    SupplyChainFormation,
    TenderNotice,
    BidDeadline,
    Evaluation,
    Award,
    Standstill,
    GoLive,
};

/**
 * "prior_information_notice", "engagement_event", "supply_chain_formation", "tender_notice",
 * "bid_deadline", "evaluation", "award", "standstill", "go_live".
 */
QString milestoneKey(MilestoneKind kind);
std::optional<MilestoneKind> milestoneFromKey(const QString &key);
/** Translated, e.g. "Prior information notice". */
QString milestoneName(MilestoneKind kind);
/** Every kind, in order. */
QList<MilestoneKind> milestoneKinds();

/**
 * One milestone: a day (start == end) or a period. end is never before start, and a milestone
 * never starts before the first milestone of an earlier kind starts; a kind held more than
 * once (engagement events) may carry on while later stages run.
 */
struct Milestone
{
    MilestoneKind kind = MilestoneKind::PriorInformationNotice;
    QString name; ///< e.g. "Provider event, Camden"; empty shows the kind's name
    QDate start;
    QDate end;

    bool operator==(const Milestone &) const = default;
};

/**
 * A rule the board sets for the timeline: from the start of the first milestone of kind
 * \a from to the end of the last milestone of kind \a to must be at least minimumDays. With
 * from == to it is the length of that milestone (supply-chain formation at least 8 weeks).
 */
struct TimelineRule
{
    MilestoneKind from = MilestoneKind::SupplyChainFormation;
    MilestoneKind to = MilestoneKind::SupplyChainFormation;
    int minimumDays = 56;

    bool operator==(const TimelineRule &) const = default;
};

/**
 * The structure of supply (stage 4): the provider register and the market engagement timeline
 * with the board's rules. Changed whole through RoundDocument::setSupply(), which checks it
 * (SupplyCheck) before anything is written.
 */
struct SupplyMarket
{
    QList<Provider> providers;
    QList<Milestone> milestones;
    QList<TimelineRule> rules;
    bool illustrativeProviders = false; ///< invented organisations: every view must say so
    bool illustrativeTimeline = false;  ///< invented dates: every view must say so

    bool operator==(const SupplyMarket &) const = default;

    const Provider *provider(const QString &name) const;
    bool isEmpty() const { return *this == SupplyMarket{}; }
    bool isIllustrative() const { return illustrativeProviders || illustrativeTimeline; }
};

} // namespace CoCommission
