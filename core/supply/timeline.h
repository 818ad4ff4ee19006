#pragma once

// The market engagement timeline of stage 4: the board's rules (TimelineRule) checked against
// the milestones, and what a Gantt chart of them needs. Pure functions of a SupplyMarket.

#include "core/round/supply.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

/**
 * The rules a new round starts with, each a minimum the board may change:
 *
 * - supply-chain formation lasts at least 56 days (8 weeks): specialist and voluntary and
 *   community organisations need time to find a prime, agree terms and get their own boards'
 *   approval before they can join a supply chain, and small ones have no bid team; eight weeks
 *   is a starting point for the board, not a figure the regulations set;
 * - at least 30 days from the tender notice to the bid deadline: the open procedure's minimum
 *   under the Public Contracts Regulations 2015 (regulation 27: 35 days, 30 when bids are sent
 *   electronically). Employment support falls under the light-touch regime, which sets no
 *   minimum, so this is the prudent floor rather than a legal one;
 * - the standstill lasts at least 10 days: the standstill period before a contract is entered
 *   into when the award decision is sent electronically (regulation 87);
 * - at least 35 days from the prior information notice to the tender notice: a prior
 *   information notice published at least 35 days before the tender notice is what lets the
 *   tender period be shortened (regulation 27), and it gives the market time to prepare.
 */
QList<TimelineRule> defaultTimelineRules();

/**
 * The rule in words: "Supply-chain formation lasts at least 8 weeks" when from == to, else
 * "At least 30 days from the tender notice to the bid deadline". Translated.
 */
QString timelineRuleDescription(const TimelineRule &rule);

/** \a days as read aloud: "8 weeks" when divisible by 7 (and not 0), else "30 days". */
QString durationText(int days);

/** How a timeline meets one rule. */
struct TimelineCheck
{
    TimelineRule rule;
    QString description; ///< timelineRuleDescription()
    /**
     * Days from the start of the first milestone of kind rule.from to the end of the last
     * milestone of kind rule.to (QDate::daysTo(), so 1 to 8 March is 7 days); nullopt when
     * either kind has no milestone.
     */
    std::optional<int> days;
    QDate start; ///< where the measure starts, when days is set
    QDate end;   ///< where it ends, when days is set
    bool met = false;
    QString explanation; ///< a translated sentence saying what was measured or what is missing
};

/**
 * Checks \a milestones against \a rule. "First" and "last" are by date: the earliest start
 * among the milestones of kind rule.from, the latest end among those of kind rule.to.
 * Milestones with an invalid date are left out (checkSupply() refuses them).
 */
TimelineCheck checkTimelineRule(const QList<Milestone> &milestones, const TimelineRule &rule);

/** checkTimelineRule() for each rule of \a supply, in order. */
QList<TimelineCheck> checkTimeline(const SupplyMarket &supply);

/** The span of a timeline, for the axis of a Gantt chart. */
struct TimelineSpan
{
    QDate start; ///< the earliest start of a milestone; invalid when there is none
    QDate end;   ///< the latest end

    bool isValid() const { return start.isValid() && end.isValid(); }
    /** Days from start to end (0 for a single day); 0 when not valid. */
    int days() const { return isValid() ? int(start.daysTo(end)) : 0; }
};

/** The span of \a milestones; invalid dates are left out. */
TimelineSpan timelineSpan(const QList<Milestone> &milestones);

} // namespace CoCommission
