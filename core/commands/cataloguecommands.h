#pragma once

#include "core/common/result.h"

#include <QString>

namespace CoCommission {
class RoundDocument;
}

/** The undoable edits of the catalogue of priority groups, as the GUI calls them. */
namespace CoCommission::Commands {

/** Adds a priority group as one undo step and returns its key. */
Result<QString> addPriorityGroup(RoundDocument *document, const QString &name,
                                 const QString &description);
Status editPriorityGroup(RoundDocument *document, const QString &key, const QString &name,
                         const QString &description);
/** Removes a priority group as one undo step; undo puts it back in its place. */
Status removePriorityGroup(RoundDocument *document, const QString &key);

} // namespace CoCommission::Commands
