#include "core/commands/designcommands.h"

#include "core/commands/commandids.h"
#include "core/commands/documentcommand.h"
#include "core/round/rounddocument.h"

namespace CoCommission {

namespace {

/**
 * Replaces one whole part of the round (the design or the supply market) through \a set;
 * undo puts the old value back. Merges with the next command of the same part and merge key.
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
    void redo() override { record((m_document->*m_set)(m_after, text())); }
    void undo() override
    {
        record((m_document->*m_set)(m_before, QStringLiteral("Undo: %1").arg(text())));
    }
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
    Setter m_set;
    Value m_before;
    Value m_after;
    QString m_mergeKey;
};

using DesignCommand = ReplaceCommand<ServiceDesign, CommandId::SetDesign>;
using SupplyCommand = ReplaceCommand<SupplyMarket, CommandId::SetSupply>;

} // namespace

Status Commands::setDesign(RoundDocument *document, const ServiceDesign &design,
                           const QString &text, const QString &mergeKey)
{
    if (design == document->round().design)
        return {};
    return pushCommand(document,
                       new DesignCommand(document, &RoundDocument::setDesign,
                                         document->round().design, design, text, mergeKey));
}

Status Commands::setSupply(RoundDocument *document, const SupplyMarket &supply, const QString &text,
                           const QString &mergeKey)
{
    if (supply == document->round().supply)
        return {};
    return pushCommand(document,
                       new SupplyCommand(document, &RoundDocument::setSupply,
                                         document->round().supply, supply, text, mergeKey));
}

} // namespace CoCommission
