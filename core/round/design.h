#pragma once

// Stage 3, the design of services: value types only. The rules that check a design live in
// core/design/designcheck.h, the cost and Monte Carlo model in core/design/financialmodel.h.

#include "core/common/ids.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** How a minimum service standard's target is met. */
enum class StandardDirection {
    AtMost,   ///< the measured value must not exceed the target (first contact within N days)
    AtLeast,  ///< the measured value must reach the target (in-work support for N months)
    Required, ///< yes or no (a named key worker); the target is 1
};

/** "at_most", "at_least", "required". */
QString directionKey(StandardDirection direction);
std::optional<StandardDirection> directionFromKey(const QString &key);
/** Translated, e.g. "At most". */
QString directionName(StandardDirection direction);

/**
 * A minimum service standard every provider must meet, with a measurable target that
 * monitoring (stage 6) checks: e.g. first contact within 5 working days of referral. Keys are
 * unique in the design; the target is finite and not negative (1 for Required).
 */
struct ServiceStandard
{
    QString key; ///< stable, e.g. "first_contact"
    QString name;
    QString description;
    double target = 0;
    QString unit; ///< e.g. "working days", "weeks", "participants", "months"; empty for Required
    StandardDirection direction = StandardDirection::AtMost;

    bool operator==(const ServiceStandard &) const = default;
};

/** What a directive condition asks of the provider. */
enum class ConditionKind {
    GroupShare,    ///< at least percent of starts come from a priority group
    PlacePresence, ///< a delivery presence in a priority place
};

/** "group_share", "place_presence". */
QString conditionKindKey(ConditionKind kind);
std::optional<ConditionKind> conditionKindFromKey(const QString &key);
/** Translated, e.g. "Share of starts from a priority group". */
QString conditionKindName(ConditionKind kind);

/** A key with its translated name, for the short fixed lists of stage 3. */
struct KeyName
{
    QString key;
    QString name;
};

/** Eligibility categories: benefit (history), household, age, disadvantage. */
QList<KeyName> eligibilityCategories();
/** Referral sources: jobcentre_plus, health, local_services, self. */
QList<KeyName> referralSources();
/**
 * The local services a statement of intent can commit (seed 000): public_health,
 * drug_alcohol, homelessness, adult_social_care, childcare, troubled_families,
 * discretionary_housing, council_tax_support, skills, european_funds.
 */
QList<KeyName> contributionServices();
/** The name of \a key in \a list, or \a key itself when the list does not hold it. */
QString nameOfKey(const QList<KeyName> &list, const QString &key);

/**
 * A directive condition for the priority groups and places agreed at stage 2. \a subject is a
 * priority group key (GroupShare) or an authority's GSS code that is a priority place
 * (PlacePresence); \a cpa limits it to one CPA of the adopted plan (0: every CPA).
 */
struct DirectiveCondition
{
    ConditionKind kind = ConditionKind::GroupShare;
    QString subject;
    CpaId cpa;
    double minimumPercent = 0; ///< GroupShare only, 0 to 100
    QString note;

    bool operator==(const DirectiveCondition &) const = default;
};

/** One eligibility rule, e.g. "Claimed JSA for 12 months or more" under "benefit history". */
struct EligibilityRule
{
    QString category; ///< "benefit", "household", "age" or "disadvantage"
    QString text;

    bool operator==(const EligibilityRule &) const = default;
};

/** A route by which people are referred, e.g. Jobcentre Plus work coaches. */
struct ReferralRoute
{
    QString source; ///< "jobcentre_plus", "health", "local_services" or "self"
    QString description;

    bool operator==(const ReferralRoute &) const = default;
};

/**
 * A payment group: people paid for at the same tariff, e.g. ESA WRAG. Its eligible volume per
 * CPA is the stage 1 figure \a measure summed over the CPA's authorities times
 * eligibleSharePercent; the referrals expected per year are that times takeUpPercent, unless a
 * ReferralVolume states them for the CPA.
 */
struct PaymentGroup
{
    QString key; ///< stable, e.g. "esa_wrag"
    QString name;
    QString measure; ///< a measure key or ratio key of the round's figures; empty: stated only
    double eligibleSharePercent = 100; ///< of those the measure counts, 0 to 100
    double takeUpPercent = 10;         ///< of the eligible, referred each year, 0 to 100

    bool operator==(const PaymentGroup &) const = default;
};

/** The referrals per year stated for one payment group in one CPA, in place of the estimate. */
struct ReferralVolume
{
    QString group;
    CpaId cpa;
    double referralsPerYear = 0;

    bool operator==(const ReferralVolume &) const = default;
};

/**
 * What a scenario pays for one payment group (in one CPA, or every CPA when cpa is 0, a
 * CPA's own tariff taking precedence) and what it assumes of outcomes. Money in pounds;
 * rates in percent.
 */
struct GroupTariff
{
    QString group;
    CpaId cpa;
    double attachmentFee = 0;          ///< the delivery fee paid per start
    double jobOutcomePayment = 0;      ///< paid when a participant starts work
    double sustainmentPayment = 0;     ///< each sustainment payment
    int sustainmentPayments = 0;       ///< how many
    int sustainmentIntervalMonths = 1; ///< how often, after the job outcome
    double jobOutcomeRatePercent = 0;  ///< of starts, the expected share reaching a job
    double sustainmentRatePercent = 0; ///< of job outcomes, the share earning every sustainment
    double deliveryCostPerStart = 0;   ///< the provider's cost of serving one start

    bool operator==(const GroupTariff &) const = default;
};

/**
 * One way of paying for the programme, e.g. "30% delivery fee" or "all outcome", with the
 * assumptions its financial model runs on. Names are unique in the design.
 *
 * Under model 2 (partnership delivery) a bonus is paid per job outcome above the profile (the
 * expected outcomes) and split between the managing agent and the boroughs; under model 3
 * (full devolution) the authorities get a share of the benefit savings from sustained jobs and
 * bear a share of the savings lost when sustained jobs fall short of the profile.
 */
struct PaymentScenario
{
    QString name;
    QList<GroupTariff> tariffs;
    int contractYears = 5;            ///< years of referrals
    int monthsToJob = 6;              ///< from start to job outcome, on average
    int paymentLagMonths = 2;         ///< from an outcome (or start) to its payment
    double rateUncertaintyPoints = 5; ///< standard deviation of outcome rates, percentage points
    double volumeUncertaintyPercent = 15; ///< coefficient of variation of referrals
    quint32 seed = 2017;
    int draws = 10000;
    double bonusPerExtraJob = 0;             ///< model 2
    double managingAgentBonusPercent = 50;   ///< model 2: the rest goes to the boroughs
    double benefitSavingPerSustainedJob = 0; ///< model 3: a year's benefit saving, pounds
    double savingsReturnedPercent = 7;       ///< model 3: 7p in the pound today
    double liabilityPercent = 0;             ///< model 3: share of shortfall borne locally

    bool operator==(const PaymentScenario &) const = default;
};

/** The form a local contribution takes. */
enum class ContributionForm { Money, StaffTime, PriorityAccess, CoLocation };
/** How far a statement of intent has got. */
enum class ContributionStatus { Proposed, Agreed, Signed };

/** "money", "staff_time", "priority_access", "co_location". */
QString contributionFormKey(ContributionForm form);
std::optional<ContributionForm> contributionFormFromKey(const QString &key);
/** "proposed", "agreed", "signed". */
QString contributionStatusKey(ContributionStatus status);
std::optional<ContributionStatus> contributionStatusFromKey(const QString &key);
QString contributionFormName(ContributionForm form);
QString contributionStatusName(ContributionStatus status);

/**
 * A statement of intent: what one authority commits from one local service, in what form and
 * what it is worth a year. \a service is a key of contributionServices().
 */
struct LocalContribution
{
    QString authority; ///< GSS code
    QString service;
    ContributionForm form = ContributionForm::Money;
    double valuePerYear = 0;
    ContributionStatus status = ContributionStatus::Proposed;
    QString note;

    bool operator==(const LocalContribution &) const = default;
};

/**
 * The design of services (stage 3): standards, directive conditions, eligibility and referral,
 * the payment model with its scenarios, and the local contributions. Changed whole through
 * RoundDocument::setDesign(), which checks it (DesignCheck) before anything is written.
 */
struct ServiceDesign
{
    QList<ServiceStandard> standards;
    QList<DirectiveCondition> conditions;
    QList<EligibilityRule> eligibility;
    QList<ReferralRoute> referralRoutes;
    QList<PaymentGroup> paymentGroups;
    QList<ReferralVolume> volumes;
    QList<PaymentScenario> scenarios;
    QList<LocalContribution> contributions;
    bool illustrative = false; ///< invented figures: every view must say so

    bool operator==(const ServiceDesign &) const = default;

    const PaymentGroup *paymentGroup(const QString &key) const;
    const PaymentScenario *scenario(const QString &name) const;
    /** The tariff \a scenario pays for \a group in \a cpa: the CPA's own, else the all-CPA one. */
    static const GroupTariff *tariff(const PaymentScenario &scenario, const QString &group,
                                     CpaId cpa);
    /** Whether a condition, stated volume or tariff names \a cpa (any CPA when invalid). */
    bool refersTo(CpaId cpa = {}) const;
    /** The referrals per year stated for \a group in \a cpa, or nullptr (then estimated). */
    const ReferralVolume *statedVolume(const QString &group, CpaId cpa) const;
    bool isEmpty() const { return *this == ServiceDesign{}; }
};

} // namespace CoCommission
