#pragma once

#include "core/commands/commandids.h"
#include "core/commands/documentcommand.h"
#include "core/common/ids.h"
#include "core/round/devolutionmodel.h"
#include "core/round/stage.h"

#include <QString>

namespace CoCommission {

/**
 * Changes the round's title or programme. Consecutive edits of the same field (typing in a line
 * edit) merge into one undo step; a merge back to the original text makes the step obsolete.
 */
class SetRoundText : public DocumentCommand
{
public:
    enum class Field { Title, Programme };

    SetRoundText(RoundDocument *document, Field field, const QString &text);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Status apply(const QString &text);

    Field m_field;
    QString m_old;
    QString m_new;
};

/** Changes the round's devolution model. */
class SetDevolutionModel : public DocumentCommand
{
public:
    SetDevolutionModel(RoundDocument *document, DevolutionModel model);

    void redo() override;
    void undo() override;

private:
    DevolutionModel m_old;
    DevolutionModel m_new;
};

/** Moves a stage between not started, in progress and ready for sign-off. */
class SetStageStatus : public DocumentCommand
{
public:
    SetStageStatus(RoundDocument *document, StageId stage, StageStatus status);

    void redo() override;
    void undo() override;

private:
    StageId m_stage;
    StageStatus m_old;
    StageStatus m_new;
};

/** Adopts another CPA plan. */
class AdoptPlan : public DocumentCommand
{
public:
    AdoptPlan(RoundDocument *document, PlanId plan, const QString &reason);

    void redo() override;
    void undo() override;

private:
    PlanId m_old;
    PlanId m_new;
    QString m_reason;
};

} // namespace CoCommission
