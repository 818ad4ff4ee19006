#pragma once

#include "core/common/result.h"

#include <QString>

namespace CoCommission {
class RoundDocument;
struct ContractProfile;
struct PerformanceReturn;
struct ProgrammeBoard;
} // namespace CoCommission

/**
 * The undoable stage 6 edits. The board and the profile are changed whole, like the stage 3
 * and 4 parts (see designcommands.h: \a text names the change, edits with the same non-empty
 * \a mergeKey merge). Receiving a return is undone by removing it again; the illustrative
 * returns are removed in one step that undo brings back.
 */
namespace CoCommission::Commands {

Status setBoard(RoundDocument *document, const ProgrammeBoard &board, const QString &text,
                const QString &mergeKey = {});
Status setProfile(RoundDocument *document, const ContractProfile &profile, const QString &text);
/** Receives \a performanceReturn (RoundDocument::addReturn()) and gives its id. */
Result<qint64> receiveReturn(RoundDocument *document, const PerformanceReturn &performanceReturn);
/** Removes every illustrative return; nothing when there is none. */
Status removeIllustrativeReturns(RoundDocument *document);

} // namespace CoCommission::Commands
