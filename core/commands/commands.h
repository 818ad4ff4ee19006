#pragma once

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/devolutionmodel.h"
#include "core/round/stage.h"

#include <QString>

#include <functional>

namespace CoCommission {
class RoundDocument;
struct NomisImportSummary;
struct LookupImportSummary;
} // namespace CoCommission

/**
 * The undoable edits, as the GUI calls them. Each pushes one command onto the document's undo
 * stack unless nothing would change or the change is not allowed, and returns why not.
 */
namespace CoCommission::Commands {

Status setTitle(RoundDocument *document, const QString &title);
Status setProgramme(RoundDocument *document, const QString &programme);
Status setModel(RoundDocument *document, DevolutionModel model);
Status setStageStatus(RoundDocument *document, StageId stage, StageStatus status);
Status adoptPlan(RoundDocument *document, PlanId plan, const QString &reason = {});

/** Imports a NOMIS CSV (see RoundDocument::importNomis) as one undo step. */
Result<NomisImportSummary> importNomis(RoundDocument *document, const QString &path,
                                       const QString &datasetName = {},
                                       const std::function<bool(qint64, qint64)> &progress = {});
/** Imports a lookup of smaller areas as one undo step. */
Result<LookupImportSummary> importLookup(RoundDocument *document, const QString &path);
/** Defines a ratio indicator as one undo step; returns its id. */
Result<QString> addRatio(RoundDocument *document, const QString &name, const QString &numerator,
                         const QString &denominator, double scale = 100);

} // namespace CoCommission::Commands
