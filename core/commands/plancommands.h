#pragma once

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/adjacencyrule.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {
class RoundDocument;
struct AssignmentImportSummary;
struct CpaPlan;
struct BoundaryImportSummary;
} // namespace CoCommission

/**
 * The undoable edits of the CPA editor, as the GUI calls them (the rest of the facade is in
 * commands.h). Each pushes one command onto the document's undo stack unless nothing would
 * change or the change is refused (read-only round, frozen adopted plan, bad input), and
 * returns why not; a refused edit leaves the stack unchanged.
 *
 * Undo restores exactly what was there before, including the stage 2 records that go with a
 * removed CPA; redo brings back the same ids, so later steps on the stack still find what they
 * refer to.
 */
namespace CoCommission::Commands {

Result<PlanId> addPlan(RoundDocument *document, const QString &name);
Result<PlanId> duplicatePlan(RoundDocument *document, PlanId plan, const QString &newName);
/**
 * Adds \a plan as a new plan after the others, holding its name, CPAs (names, colours,
 * members, in order) and settings, as one undo step; its ids and adoption are ignored (the
 * new plan is not adopted). Used for a suggested plan. Refused, with nothing changed, when the
 * name is taken or the CPAs cannot be stored.
 */
Result<PlanId> addPlanWithContents(RoundDocument *document, const CpaPlan &plan);
Status renamePlan(RoundDocument *document, PlanId plan, const QString &name);
Status removePlan(RoundDocument *document, PlanId plan);

/** Adds an empty CPA; an empty \a colour takes the plan's next unused default colour. */
Result<CpaId> addCpa(RoundDocument *document, PlanId plan, const QString &name,
                     const QString &colour = {});
Status renameCpa(RoundDocument *document, CpaId cpa, const QString &name);
Status recolourCpa(RoundDocument *document, CpaId cpa, const QString &colour);
Status removeCpa(RoundDocument *document, CpaId cpa);

/**
 * Paints \a codes into \a target (invalid: into no CPA). Calls with the same non-zero
 * \a stroke, one after the other, merge into one undo step: give each press-drag-release of
 * the mouse its own number and pass it with every authority the drag reaches. A stroke that
 * ends where it began leaves no step.
 */
Status assignAuthorities(RoundDocument *document, PlanId plan, const QStringList &codes,
                         CpaId target, int stroke = 0);

/**
 * Sets the plan's adjacency rule, balance indicator and minimum size. Consecutive changes of
 * the minimum size alone (a spin box) merge into one step.
 */
Status setPlanSettings(RoundDocument *document, PlanId plan, AdjacencyRule rule,
                       const QString &balanceIndicator, std::optional<double> minimumSize);

/** Imports a gss_code,cpa file into the plan called \a planName (made when missing). */
Result<AssignmentImportSummary> importAssignment(RoundDocument *document, const QString &planName,
                                                 const QString &csvPath);

/** Imports a GeoJSON boundary file; undo brings back the boundaries there were, or none. */
Result<BoundaryImportSummary> importBoundaries(RoundDocument *document, const QString &path,
                                               const QString &codeProperty = {});
Status removeBoundaries(RoundDocument *document);

} // namespace CoCommission::Commands
