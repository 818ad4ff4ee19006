#include "core/commands/commands.h"

#include "core/commands/roundcommands.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace CoCommission::Commands {

namespace {

/** Pushes \a command and returns the outcome of its first redo(). */
Status push(RoundDocument *document, DocumentCommand *command)
{
    const std::shared_ptr<Status> outcome = command->outcome();
    document->undoStack()->push(command);
    return *outcome;
}

Status editable(RoundDocument *document)
{
    if (const QString why = document->whyNotEditable(); !why.isEmpty())
        return Error{why};
    return {};
}

} // namespace

Status setTitle(RoundDocument *document, const QString &title)
{
    if (title.trimmed() == document->round().title)
        return {};
    if (title.trimmed().isEmpty())
        return Error{QCoreApplication::translate("Undo Commands", "A round needs a title.")};
    if (Status s = editable(document); !s)
        return s;
    return push(document, new SetRoundText(document, SetRoundText::Field::Title, title));
}

Status setProgramme(RoundDocument *document, const QString &programme)
{
    if (programme.trimmed() == document->round().programme)
        return {};
    if (Status s = editable(document); !s)
        return s;
    return push(document, new SetRoundText(document, SetRoundText::Field::Programme, programme));
}

Status setModel(RoundDocument *document, DevolutionModel model)
{
    if (model == document->round().model)
        return {};
    if (Status s = editable(document); !s)
        return s;
    return push(document, new SetDevolutionModel(document, model));
}

Status setStageStatus(RoundDocument *document, StageId stage, StageStatus status)
{
    if (status == document->round().stage(stage).status)
        return {};
    if (const auto why = StageRules::whyNotStatus(document->round(), stage, status))
        return Error{*why};
    if (Status s = editable(document); !s)
        return s;
    return push(document, new SetStageStatus(document, stage, status));
}

Status adoptPlan(RoundDocument *document, PlanId plan, const QString &reason)
{
    const CpaPlan *current = document->round().adoptedPlan();
    if (current && current->id == plan)
        return {};
    if (Status s = editable(document); !s)
        return s;
    return push(document, new AdoptPlan(document, plan, reason));
}

} // namespace CoCommission::Commands
