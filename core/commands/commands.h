#pragma once

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/devolutionmodel.h"
#include "core/round/stage.h"

#include <QString>

namespace CoCommission {
class RoundDocument;
}

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

} // namespace CoCommission::Commands
