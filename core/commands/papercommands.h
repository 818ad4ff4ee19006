#pragma once

#include "core/common/result.h"

#include <QString>

namespace CoCommission {
class RoundDocument;
struct BoardPaper;
} // namespace CoCommission

/**
 * The undoable board-paper edits. Saving a new paper is undone by removing it; saving over a
 * stored paper is undone by putting the earlier text back. Edits with the same non-empty
 * \a mergeKey merge (typing in one field is one undo step).
 */
namespace CoCommission::Commands {

/** Stores \a paper (RoundDocument::savePaper()) and gives its id. */
Result<qint64> savePaper(RoundDocument *document, const BoardPaper &paper, const QString &text,
                         const QString &mergeKey = {});
/** Removes the paper \a id; undo brings it back with the same id. */
Status removePaper(RoundDocument *document, qint64 id);

} // namespace CoCommission::Commands
