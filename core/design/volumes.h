#pragma once

// Stage 3: how many people each payment group refers per year in each CPA of the adopted plan,
// estimated from the stage 1 figures or stated in the design (ReferralVolume).

#include "core/common/ids.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace CoCommission {

class Indicators;
struct Cpa;
struct PaymentGroup;
struct Round;

/**
 * The referrals per year of one payment group in one CPA.
 *
 * The estimate: eligible = the group's measure summed over the CPA's authorities at the
 * measure's latest date × eligibleSharePercent / 100; referralsPerYear = eligible ×
 * takeUpPercent / 100. A ReferralVolume stated for the group and CPA replaces the estimate
 * (stated is true; eligible is still given when the figures allow it).
 *
 * When there is neither a figure nor a stated volume, problem says why and referralsPerYear
 * is 0; hasFigure() is false.
 */
struct VolumeEstimate
{
    QString group; ///< the payment group's key
    CpaId cpa;
    std::optional<double> eligible; ///< people eligible, when the figures give a number
    std::optional<double> estimate; ///< eligible × take-up: the estimate, stated or not
    double referralsPerYear = 0;
    bool stated = false;
    QString date;    ///< the date of the figures used, "" when none were
    QString basis;   ///< translated: how the figure was reached
    QString problem; ///< translated: why there is no figure, "" when there is one

    bool hasFigure() const { return problem.isEmpty(); }
};

/** Estimates referral volumes; tr() context for the messages of volumes.cpp. */
class ReferralVolumes
{
    Q_DECLARE_TR_FUNCTIONS(ReferralVolumes)
};

/**
 * The referrals per year of \a group in \a cpa under the round's design (stated volumes come
 * from round.design). An error, naming the group and the CPA, when there is no figure (no
 * measure, or the measure has no value for one of the CPA's authorities) and nothing is
 * stated.
 */
Result<VolumeEstimate> referralVolume(const Round &round, const Indicators &indicators,
                                      const PaymentGroup &group, const Cpa &cpa);

/**
 * The volumes of every payment group of round.design in every CPA of the adopted plan, CPAs
 * in plan order and, within a CPA, groups in design order. A cell without a figure is listed
 * with its problem (VolumeEstimate::hasFigure() false). Empty without an adopted plan.
 */
QList<VolumeEstimate> referralVolumes(const Round &round);

} // namespace CoCommission
