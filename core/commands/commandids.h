#pragma once

namespace CoCommission::CommandId {

/** QUndoCommand::id() values of the commands that merge. One list, so that no two collide. */
enum : int {
    SetRoundTitle = 1,
    SetRoundProgramme,
    AssignAuthorities,
    SetPlanMinimumSize,
    SetDesign,
    SetSupply,
    SetBoard,
    SetProfile,
    SavePaper,
};

} // namespace CoCommission::CommandId
