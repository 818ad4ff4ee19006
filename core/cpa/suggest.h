#pragma once

#include "core/common/result.h"
#include "core/cpa/adjacency.h"
#include "core/round/round.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace CoCommission {

/** What to suggest: how many CPAs, under which rule, how hard to look. */
struct SuggestOptions
{
    int cpaCount = 4;
    AdjacencyRule rule = AdjacencyRule::LegalBoundary;
    /** Never split a partnership: the units placed are whole partnerships, not authorities. */
    bool keepPartnershipsWhole = false;
    /** How many of the best plans to return. */
    int maxPlans = 5;
    /** When to stop looking and return the best plans found so far. */
    QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever);
    /** Set by another thread to stop the search early (optional). */
    const std::atomic<bool> *cancel = nullptr;
};

/** One suggested plan: contiguous CPAs and how far the largest strays from the mean. */
struct SuggestedPlan
{
    QList<QStringList> cpas; ///< member codes in the round's order; CPAs in order of first member
    QList<double> totals;    ///< the indicator's total per CPA
    double largestDeviationPercent = 0; ///< largest |total - mean| / mean * 100

    /** As a plan named \a name with CPAs "CPA 1", "CPA 2", ... in default colours. */
    CpaPlan toPlan(const QString &name) const;

    bool operator==(const SuggestedPlan &) const = default;
};

/**
 * The result of a suggestion search. When exhaustive is true the plans are the best there
 * are (ties broken by the order found); otherwise they are the best found before the deadline.
 */
struct Suggestion
{
    QList<SuggestedPlan> plans; ///< best first; empty when no contiguous plan of k CPAs exists
    bool exhaustive = false;
    double total = 0;  ///< of the indicator over all authorities
    double mean = 0;   ///< per CPA: perfect balance
    int unitCount = 0; ///< authorities, or partnership groups with keepPartnershipsWhole
    qint64 nodes = 0;  ///< search steps taken
    qint64 elapsedMs = 0;

    /** How far the best plan is from perfect balance, in %; none when there is no plan. */
    std::optional<double> bestDeviationPercent() const
    {
        return plans.isEmpty() ? std::nullopt
                               : std::optional(plans.first().largestDeviationPercent);
    }
};

/**
 * Finds contiguous plans of exactly options.cpaCount non-empty CPAs that minimise the largest
 * absolute deviation of a CPA's total of \a values from the mean total.
 *
 * The search is exact: a branch and bound over connected partitions, each generated once
 * (every CPA grows from the lowest-numbered unit not yet placed, so CPAs come in the order of
 * their first unit), pruned when a CPA under construction would stray further from the mean
 * than the plans already kept, or when what is left cannot make the remaining CPAs. It runs in
 * passes of widening tolerance, so that the best plans are found first; a quick greedy plan
 * with local improvement starts it, so that even a search cut short by the deadline returns a
 * plan when one exists.
 *
 * With keepPartnershipsWhole, partnerships that share a member are merged and authorities in
 * none stand alone. Fails when a value is missing or negative, when the values add up to 0, or
 * when there are fewer units than CPAs.
 */
Result<Suggestion> suggestPlans(const QList<Authority> &authorities,
                                const QList<Partnership> &partnerships,
                                const QHash<QString, double> &values, const Adjacency &adjacency,
                                const SuggestOptions &options);

} // namespace CoCommission
