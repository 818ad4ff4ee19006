#pragma once

// The rules a supply market (stage 4) must keep before it is stored. RoundDocument::setSupply()
// calls checkSupply() and stores nothing when it fails; the provider CSV import and the stage 4
// page may call it first to show the problem sooner.

#include "core/common/result.h"
#include "core/round/supply.h"

#include <QString>

namespace CoCommission {

struct Round;

/**
 * Checks \a supply against \a round and returns the first problem, as a translated sentence
 * naming the provider, milestone or rule and the field concerned:
 *
 * - providers: a name that is not empty, has no spaces at its ends and differs from every other
 *   provider's name by more than case; specialisms that are keys of specialisms(), each once;
 *   areas that are GSS codes of round.authorities, each once;
 * - milestones: valid start and end dates, the end not before the start, and no milestone
 *   starting before the first milestone of an earlier kind starts (milestoneKinds() gives the
 *   order). Only the first of a kind counts, so that a kind held many times (engagement
 *   events) may go on while later ones run;
 * - timeline rules: minimumDays from 0 to kMaxRuleDays, and \c to not of an earlier kind than
 *   \c from.
 *
 * Whether the timeline meets its rules is not checked here: an unmet rule is a finding for the
 * board (checkTimeline()), not a reason to refuse the timeline.
 */
Status checkSupply(const Round &round, const SupplyMarket &supply);

/** The longest minimum a timeline rule may ask for: ten years, in days. */
inline constexpr int kMaxRuleDays = 3650;

/**
 * A milestone as sentences name it, with a small first letter: "the bid deadline", or, when it
 * has its own name, "the market engagement event “Provider event, Camden”".
 */
QString milestoneLabel(const Milestone &milestone);

/** \a date as the UK writes it in prose: "3 March 2027". */
QString longDate(const QDate &date);

} // namespace CoCommission
