#include "core/commands/designcommands.h"

#include "core/commands/commandids.h"
#include "core/commands/replacecommand.h"
#include "core/round/rounddocument.h"

namespace CoCommission {

Status Commands::setDesign(RoundDocument *document, const ServiceDesign &design,
                           const QString &text, const QString &mergeKey)
{
    return pushReplace<CommandId::SetDesign>(document, &RoundDocument::setDesign,
                                             document->round().design, design, text, mergeKey);
}

Status Commands::setSupply(RoundDocument *document, const SupplyMarket &supply, const QString &text,
                           const QString &mergeKey)
{
    return pushReplace<CommandId::SetSupply>(document, &RoundDocument::setSupply,
                                             document->round().supply, supply, text, mergeKey);
}

} // namespace CoCommission
