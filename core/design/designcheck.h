#pragma once

// The rules a design of services (stage 3) must meet before it is stored, as pure functions.
// Each returns the first problem as a translated message that names the part and the field,
// e.g. Scenario “30% fee”, tariff for ESA WRAG: a job outcome rate of 140% is outside 0 to
// 100%. Every number must be finite (NaN and infinity are always refused).

#include "core/common/result.h"

#include <QCoreApplication>

namespace CoCommission {

struct PaymentScenario;
struct Round;
struct ServiceDesign;

/** The limits of the design's figures; a figure beyond them is refused as absurd. */
namespace DesignLimits {
constexpr double kMaxStandardTarget = 1'000'000;
constexpr double kMaxMoneyPerPerson = 1'000'000;          ///< any fee, payment or cost, pounds
constexpr double kMaxReferralsPerYear = 10'000'000;       ///< a stated volume
constexpr double kMaxContributionPerYear = 1'000'000'000; ///< a local contribution, pounds
constexpr int kMaxSustainmentPayments = 52;
constexpr int kMaxSustainmentIntervalMonths = 24;
constexpr int kMaxContractYears = 15;
constexpr int kMaxMonthsToJob = 60;
constexpr int kMaxPaymentLagMonths = 36;
constexpr double kMaxRateUncertaintyPoints = 50;
constexpr double kMaxVolumeUncertaintyPercent = 200;
constexpr int kMinDraws = 100;
constexpr int kMaxDraws = 1'000'000;
} // namespace DesignLimits

/** The tr() context of the design check's messages. */
class DesignCheck
{
    Q_DECLARE_TR_FUNCTIONS(DesignCheck)
};

/**
 * Checks \a design against \a round before it is stored: the first problem is returned as a
 * translated message naming the part and field. What RoundDocument::setDesign() runs.
 *
 * Standards: key non-empty and unique, name non-empty, target 0 to kMaxStandardTarget (1 when
 * Required). Conditions: a GroupShare subject is a priority group of the round, a
 * PlacePresence subject a priority place; the CPA is 0 or one of the adopted plan; the
 * minimum share 0 to 100%. Eligibility: a known category and some text. Referral routes: a
 * known source. Payment groups and stated volumes: see checkPaymentGroups(). Scenarios: names
 * non-empty and unique, each as checkScenario(). Contributions: an authority of the round, a
 * service of contributionServices(), a value per year 0 to kMaxContributionPerYear.
 */
Status checkDesign(const Round &round, const ServiceDesign &design);

/**
 * The payment groups and stated volumes of \a design: group keys non-empty and unique, names
 * non-empty, the measure empty or an indicator of the round, the shares 0 to 100%; a stated
 * volume is for a group of the design and a CPA of the adopted plan, once per group and CPA,
 * 0 to kMaxReferralsPerYear referrals a year.
 */
Status checkPaymentGroups(const Round &round, const ServiceDesign &design);

/**
 * One payment scenario of \a design (its name is not compared with the others'): a name,
 * contract 1 to 15 years, 0 to 60 months to a job, a lag of 0 to 36 months, rate uncertainty
 * 0 to 50 points, volume uncertainty 0 to 200%, 100 to 1,000,000 draws, the model 2 and 3
 * figures (money 0 to kMaxMoneyPerPerson, shares 0 to 100%), and each tariff: a group of the
 * design, the CPA 0 or one of the adopted plan, one tariff per group and CPA, money 0 to
 * kMaxMoneyPerPerson, rates 0 to 100%, 0 to 52 sustainment payments 1 to 24 months apart.
 */
Status checkScenario(const Round &round, const ServiceDesign &design,
                     const PaymentScenario &scenario);

} // namespace CoCommission
