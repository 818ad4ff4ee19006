#pragma once

#include "core/commands/documentcommand.h"
#include "core/common/result.h"
#include "core/round/rounddocument.h"

#include <utility>

namespace CoCommission {

/**
 * Replaces one whole part of the round (the design, the supply market, the programme board,
 * the contract profile) through \a set; undo puts the old value back. Merges with the next
 * command of the same part and merge key.
 */
template<class Value, int Id>
class ReplaceCommand : public DocumentCommand
{
public:
    using Setter = Status (RoundDocument::*)(const Value &, const QString &);

    ReplaceCommand(RoundDocument *document, Setter set, Value before, Value after,
                   const QString &text, const QString &mergeKey)
        : DocumentCommand(document)
        , m_set(set)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(mergeKey)
    {
        setText(text);
    }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : Id; }
    void redo() override { record(apply(m_after, text())); }
    void undo() override { record(apply(m_before, QStringLiteral("Undo: %1").arg(text()))); }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ReplaceCommand *>(other);
        if (next->m_mergeKey != m_mergeKey)
            return false;
        m_after = next->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    Status apply(const Value &value, const QString &text)
    {
        // Through a local pointer, not "m_document->*m_set": GCC 12's vptr sanitizer checks
        // "this" for that call through a register that only the virtual-function branch sets,
        // so the sanitizer build aborted on a false type mismatch.
        RoundDocument *document = m_document;
        return (document->*m_set)(value, text);
    }

    Setter m_set;
    Value m_before;
    Value m_after;
    QString m_mergeKey;
};

/** Pushes a ReplaceCommand from \a current to \a value; nothing when they are equal. */
template<int Id, class Value>
Status
pushReplace(RoundDocument *document, Status (RoundDocument::*set)(const Value &, const QString &),
            const Value &current, const Value &value, const QString &text, const QString &mergeKey)
{
    if (value == current)
        return {};
    return pushCommand(
        document, new ReplaceCommand<Value, Id>(document, set, current, value, text, mergeKey));
}

} // namespace CoCommission
