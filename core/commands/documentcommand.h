#pragma once

#include "core/common/result.h"

#include <QUndoCommand>

#include <memory>

namespace CoCommission {

class RoundDocument;

/**
 * Base of the undo commands that change a RoundDocument.
 *
 * A command changes the document only through its mutation API. When a write fails (the disk
 * is full, the file went read-only), the document is unchanged, the command makes itself
 * obsolete so that the stack drops it, and the failure is kept for the facade to return.
 */
class DocumentCommand : public QUndoCommand
{
public:
    explicit DocumentCommand(RoundDocument *document, QUndoCommand *parent = nullptr)
        : QUndoCommand(parent)
        , m_document(document)
    {}

    /** The outcome of the latest redo() or undo(); shared so that it outlives the command. */
    std::shared_ptr<Status> outcome() const { return m_outcome; }

protected:
    void record(Status status)
    {
        if (!status)
            setObsolete(true);
        *m_outcome = std::move(status);
    }

    RoundDocument *m_document; // not owned; owns the undo stack, so outlives the command

private:
    std::shared_ptr<Status> m_outcome = std::make_shared<Status>();
};

/**
 * Pushes \a command onto \a document's undo stack (which runs its redo()) and returns the
 * outcome of that redo(). A failed command is obsolete, so the stack drops it.
 */
Status pushCommand(RoundDocument *document, DocumentCommand *command);

} // namespace CoCommission
