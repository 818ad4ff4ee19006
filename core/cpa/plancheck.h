#pragma once

#include "core/cpa/adjacency.h"
#include "core/round/round.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

/** What a plan is checked against besides the plan itself. */
struct PlanCheckOptions
{
    AdjacencyRule rule = AdjacencyRule::LegalBoundary;
    /**
     * The balance indicator per GSS code, e.g. the claimant count. An authority missing here
     * has an unknown value (counted as 0 in totals and reported). Empty: no balance figures.
     */
    QHash<QString, double> values;
    /** The indicator's name for messages, e.g. "claimant count"; may be empty. */
    QString indicatorName;
    /** A CPA whose total of the indicator is below this breaks the minimum size rule. */
    std::optional<double> minimumSize;
};

/** The figures of one CPA of a checked plan. */
struct CpaCheck
{
    QString name;
    QStringList members;                ///< codes of the round's authorities, in the round's order
    int components = 0;                 ///< connected parts under the rule; 0 for an empty CPA
    std::optional<double> total;        ///< sum of the members' known values; none without values
    QStringList unknownValues;          ///< members without a value
    std::optional<double> sharePercent; ///< of the plan's total
    std::optional<double> deviationPercent; ///< (total - mean) / mean * 100
    bool belowMinimum = false;
    QStringList splitPartnerships; ///< names of the partnerships this CPA cuts, in round order

    bool isEmpty() const { return members.isEmpty(); }
    bool isContiguous() const { return components == 1; }
    int partnershipsSplit() const { return int(splitPartnerships.size()); }

    bool operator==(const CpaCheck &) const = default;
};

/** How one partnership is spread over a plan's CPAs. */
struct PartnershipSpread
{
    QString name;
    QStringList cpas;       ///< names of the CPAs holding its members, in plan order
    QStringList unassigned; ///< its members in no CPA

    int cpaCount() const { return int(cpas.size()); }
    bool isSplit() const { return cpas.size() + (unassigned.isEmpty() ? 0 : 1) > 1; }

    bool operator==(const PartnershipSpread &) const = default;
};

/** One finding of a plan check, with a translated sentence and what to highlight on the map. */
struct PlanProblem
{
    enum class Kind {
        Unassigned,       ///< authorities in no CPA
        Duplicated,       ///< authorities in more than one CPA
        UnknownCode,      ///< codes that are not authorities of the round
        EmptyCpa,         ///< a CPA without members
        NotContiguous,    ///< a CPA in more than one part under the rule
        BelowMinimum,     ///< a CPA below the minimum size
        PartnershipSplit, ///< a CPA cutting partnerships (a finding, not a broken rule)
        UnknownValues     ///< members without a value (a finding, not a broken rule)
    };

    Kind kind = Kind::Unassigned;
    int cpa = -1;      ///< index into PlanCheck::cpas, or -1 for the plan as a whole
    QStringList codes; ///< the authorities concerned
    QString text;      ///< a translated sentence naming the CPA (and the rule, for contiguity)

    /** Whether this breaks one of the rules a plan must keep (coverage, contiguity, size). */
    bool breaksRule() const
    {
        return kind != Kind::PartnershipSplit && kind != Kind::UnknownValues;
    }

    bool operator==(const PlanProblem &) const = default;
};

/**
 * The result of checking a CPA plan: coverage, contiguity under the chosen adjacency rule,
 * balance on an indicator, minimum size and partnership splits, with the problems as
 * sentences.
 *
 * A code the plan lists in more than one CPA counts in the first of them only (and is reported
 * as duplicated); codes that are not the round's authorities are reported and otherwise
 * ignored. Balance figures are present only when values were given.
 */
struct PlanCheck
{
    QString planName;
    AdjacencyRule rule = AdjacencyRule::LegalBoundary;
    QStringList unassigned; ///< in the round's order
    QStringList duplicated; ///< in the round's order
    QStringList unknown;    ///< in the order the plan lists them
    QList<CpaCheck> cpas;   ///< in plan order
    QList<PartnershipSpread> partnerships;

    bool hasValues = false;
    QString indicatorName;
    std::optional<double> total;       ///< of all CPAs
    std::optional<double> mean;        ///< per CPA
    std::optional<double> maxMinRatio; ///< largest CPA total over smallest; none when that is 0
    std::optional<double> largestDeviationPercent; ///< largest |deviation| over the CPAs
    std::optional<double> minimumSize;

    QList<PlanProblem> problems;

    /** Whether the plan keeps every rule: full coverage, contiguous and non-empty CPAs, size. */
    bool ok() const;
    bool isComplete() const
    {
        return unassigned.isEmpty() && duplicated.isEmpty() && unknown.isEmpty();
    }
    bool isContiguous() const;
    /** The problem sentences, optionally only those that break a rule. */
    QStringList problemTexts(bool rulesOnly = false) const;
    /** The index of the CPA named \a name, or -1. */
    int indexOfCpa(const QString &name) const;

    bool operator==(const PlanCheck &) const = default;
};

/**
 * Checks \a plan of a round with \a authorities and \a partnerships, contiguity by
 * \a adjacency under options.rule. An authority that \a adjacency does not hold has no
 * neighbours. For repeated checks while painting, use PlanChecker.
 */
PlanCheck checkPlan(const QList<Authority> &authorities, const QList<Partnership> &partnerships,
                    const CpaPlan &plan, const Adjacency &adjacency,
                    const PlanCheckOptions &options = {});

/** checkPlan() on a round's own authorities and partnerships. */
PlanCheck checkPlan(const Round &round, const CpaPlan &plan, const Adjacency &adjacency,
                    const PlanCheckOptions &options = {});

/**
 * The values of \a measure for each of \a round's authorities at the latest date any dataset
 * holds (Round::latestValue); authorities without one are left out.
 */
QHash<QString, double> latestValues(const Round &round, const QString &measure);

} // namespace CoCommission
