#pragma once

// Stage 6: the contract profile derived from the stage 3 payment model.
//
// For each payment group g and CPA c of the adopted plan, with R[g,c] referrals a year
// (core/design/volumes.h) and the scenario's tariff for g in c (a missing tariff or volume
// is an error naming the scenario, group and CPA): in each month m of 0 .. 12 × contractYears
// − 1 from the start, R / 12 referrals and R / 12 starts (the payment model assumes every
// referral starts); job outcomes R / 12 × job outcome rate in month m + monthsToJob; sustained
// job outcomes that × sustainment rate in month m + monthsToJob + sustainmentPayments ×
// sustainmentIntervalMonths (none when the tariff has no sustainment payment). The contract
// runs from the start to the last month holding a figure. Figures of 0 are left out.

#include "core/common/result.h"
#include "core/round/monitoring.h"

#include <QDate>
#include <QString>

namespace CoCommission {

struct Round;

/**
 * The contract's first month by default: the month of the stage 4 go-live milestone; invalid
 * when the timeline has none.
 */
QDate defaultContractStart(const Round &round);

/**
 * The profile of payment scenario \a scenario (by name) from \a start (its month; invalid:
 * defaultContractStart(), an error when that is invalid too). The source names the scenario.
 */
Result<ContractProfile> deriveProfile(const Round &round, const QString &scenario,
                                      const QDate &start = {});

} // namespace CoCommission
