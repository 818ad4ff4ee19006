#include "core/commands/commands.h"

#include "core/commands/figurecommands.h"
#include "core/commands/roundcommands.h"
#include "core/io/nomisimport.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace CoCommission {

Status pushCommand(RoundDocument *document, DocumentCommand *command)
{
    const std::shared_ptr<Status> outcome = command->outcome();
    document->undoStack()->push(command);
    return *outcome;
}

} // namespace CoCommission

namespace CoCommission::Commands {

namespace {

Status push(RoundDocument *document, DocumentCommand *command)
{
    return pushCommand(document, command);
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

Result<NomisImportSummary> importNomis(RoundDocument *document, const QString &path,
                                       const QString &datasetName,
                                       const std::function<bool(qint64, qint64)> &progress)
{
    Result<NomisImportSummary> summary = document->importNomis(path, datasetName, progress);
    if (summary)
        document->undoStack()->push(new ImportDataset(document, summary->dataset, path));
    return summary;
}

Result<LookupImportSummary> importLookup(RoundDocument *document, const QString &path)
{
    const Result<QHash<QString, QString>> before = document->lookups();
    if (!before)
        return before.error();
    Result<LookupImportSummary> summary = document->importLookup(path);
    if (!summary)
        return summary;
    const Result<QHash<QString, QString>> after = document->lookups();
    if (after)
        document->undoStack()->push(new ChangeLookups(document, *before, *after));
    return summary;
}

Result<QString> addRatio(RoundDocument *document, const QString &name, const QString &numerator,
                         const QString &denominator, double scale)
{
    Result<QString> id = document->addRatio(name, numerator, denominator, scale);
    if (id) {
        const auto &ratios = document->round().ratios;
        const auto it = std::find_if(ratios.begin(), ratios.end(),
                                     [&](const RatioIndicator &r) { return r.key() == *id; });
        if (it != ratios.end())
            document->undoStack()->push(new AddRatioIndicator(document, *it));
    }
    return id;
}

} // namespace CoCommission::Commands
