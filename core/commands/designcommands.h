#pragma once

#include "core/common/result.h"

#include <QString>

namespace CoCommission {
class RoundDocument;
struct ServiceDesign;
struct SupplyMarket;
} // namespace CoCommission

/**
 * The undoable stage 3 and 4 edits. The design and the supply market are changed whole, so
 * one command each serves every edit: the view builds the new value and names the change in
 * \a text ("Change the job outcome payment"). Consecutive edits with the same non-empty
 * \a mergeKey (e.g. "tariff/30% fee/esa_wrag/0/job") merge into one undo step, as a spin box
 * does while its value is stepped; an edit that changes nothing pushes nothing.
 */
namespace CoCommission::Commands {

Status setDesign(RoundDocument *document, const ServiceDesign &design, const QString &text,
                 const QString &mergeKey = {});
Status setSupply(RoundDocument *document, const SupplyMarket &supply, const QString &text,
                 const QString &mergeKey = {});

} // namespace CoCommission::Commands
