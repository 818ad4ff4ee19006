#include "core/commands/roundcommands.h"

#include "core/round/rounddocument.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Undo Commands", text, disambiguation, n);
}
} // namespace

SetRoundText::SetRoundText(RoundDocument *document, Field field, const QString &text)
    : DocumentCommand(document)
    , m_field(field)
    , m_old(field == Field::Title ? document->round().title : document->round().programme)
    , m_new(text)
{
    setText(field == Field::Title ? tr("Change round title") : tr("Change programme"));
}

Status SetRoundText::apply(const QString &text)
{
    return m_field == Field::Title ? m_document->setTitle(text) : m_document->setProgramme(text);
}

void SetRoundText::redo()
{
    record(apply(m_new));
}

void SetRoundText::undo()
{
    record(apply(m_old));
}

int SetRoundText::id() const
{
    return m_field == Field::Title ? CommandId::SetRoundTitle : CommandId::SetRoundProgramme;
}

bool SetRoundText::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const SetRoundText *>(other);
    if (o->m_document != m_document || o->m_field != m_field)
        return false;
    m_new = o->m_new;
    setObsolete(m_new.trimmed() == m_old.trimmed());
    return true;
}

SetDevolutionModel::SetDevolutionModel(RoundDocument *document, DevolutionModel model)
    : DocumentCommand(document)
    , m_old(document->round().model)
    , m_new(model)
{
    setText(tr("Change devolution model"));
}

void SetDevolutionModel::redo()
{
    record(m_document->setModel(m_new));
}

void SetDevolutionModel::undo()
{
    record(m_document->setModel(m_old));
}

SetStageStatus::SetStageStatus(RoundDocument *document, StageId stage, StageStatus status)
    : DocumentCommand(document)
    , m_stage(stage)
    , m_old(document->round().stage(stage).status)
    , m_new(status)
{
    setText(
        status == StageStatus::ReadyForSignOff
            ? tr("Mark stage %1 ready for sign-off").arg(stageNumber(stage))
            : tr("Set stage %1 to %2").arg(stageNumber(stage)).arg(statusName(status).toLower()));
}

void SetStageStatus::redo()
{
    record(m_document->setStageStatus(m_stage, m_new));
}

void SetStageStatus::undo()
{
    record(m_document->setStageStatus(m_stage, m_old));
}

AdoptPlan::AdoptPlan(RoundDocument *document, PlanId plan, const QString &reason)
    : DocumentCommand(document)
    , m_old(document->round().adoptedPlan() ? document->round().adoptedPlan()->id : PlanId())
    , m_new(plan)
    , m_reason(reason)
{
    setText(tr("Adopt CPA plan"));
}

void AdoptPlan::redo()
{
    record(m_document->adoptPlan(m_new, m_reason));
}

void AdoptPlan::undo()
{
    if (!m_old.isValid()) {
        // Before this command no plan was adopted; there is no "unadopt" in the domain.
        record(Error{tr("No plan was adopted before; adopt another plan instead.")});
        return;
    }
    record(m_document->adoptPlan(m_old, m_reason));
}

} // namespace CoCommission
