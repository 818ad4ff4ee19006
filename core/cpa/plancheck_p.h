#pragma once

// Internal to the CPA engine: the part of a plan check that checkPlan() and PlanChecker share.

#include "core/cpa/plancheck.h"

namespace CoCommission::detail {

/**
 * Completes \a check, whose coverage lists, CPA names, members, components, totals, unknown
 * values, split partnerships and partnership spreads are filled: computes the plan totals,
 * shares, deviations, ratio and minimum size, and writes the problems in a fixed order.
 * \a names maps codes to authority names for the sentences.
 */
void completePlanCheck(PlanCheck &check, const QHash<QString, QString> &names,
                       const PlanCheckOptions &options);

} // namespace CoCommission::detail
