#pragma once

#include "core/common/ids.h"
#include "core/common/result.h"

#include <optional>

namespace CoCommission {
class RoundDocument;
struct LabourMarketAgreement;
} // namespace CoCommission

/** The undoable stage 1 edits of the Local Labour Market Agreements, as the GUI calls them. */
namespace CoCommission::Commands {

/**
 * Records the agreement for \a cpa of the adopted plan, or with nullopt removes it, as one
 * undo step. An agreement equal to the one recorded (apart from its time) changes nothing.
 */
Status setAgreement(RoundDocument *document, CpaId cpa,
                    const std::optional<LabourMarketAgreement> &agreement);

} // namespace CoCommission::Commands
