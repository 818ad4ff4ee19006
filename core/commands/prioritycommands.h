#pragma once

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/rankingmethod.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {
class RoundDocument;
struct PriorityDecision;
} // namespace CoCommission

/**
 * The undoable stage 2 edits, as the GUI calls them (the rest of the facade is in commands.h).
 * Each pushes one command onto the document's undo stack unless nothing would change or the
 * change is not allowed (the round is read-only, stage 2 is frozen for sign-off, the input is
 * refused by RoundDocument), and returns why not; a refused edit leaves the stack unchanged.
 * Undo restores exactly what was there before, including the absence of a ranking or decision.
 */
namespace CoCommission::Commands {

/**
 * Records \a partner's ranking of the priority groups for \a cpa, with the points given to
 * each group of \a order for the points method (empty: none); nullopt clears the ranking.
 */
Status setPartnerRanking(RoundDocument *document, CpaId cpa, const QString &partner,
                         const std::optional<QStringList> &order, const QList<double> &points = {});

/**
 * Records the partners' decision on \a cpa's priorities; nullopt removes it. A decision with
 * the same order and rationale as the one recorded changes nothing (its time is kept).
 */
Status setPriorityDecision(RoundDocument *document, CpaId cpa,
                           const std::optional<PriorityDecision> &decision);

/** Replaces the round's priority places (GSS codes) with \a codes. */
Status setPriorityPlaces(RoundDocument *document, const QStringList &codes);

/** Sets how the partners' rankings are combined into the joint ranking. */
Status setPriorityMethod(RoundDocument *document, RankingMethod method);

} // namespace CoCommission::Commands
