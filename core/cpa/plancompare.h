#pragma once

#include "core/cpa/plancheck.h"

#include <QList>
#include <QString>

namespace CoCommission {

/** An authority that is in a different CPA in the second plan than in the first. */
struct AuthorityMove
{
    QString code;
    QString name;
    QString fromCpa; ///< its CPA in the first plan; empty when in none
    QString toCpa;   ///< its CPA in the second plan; empty when in none

    bool operator==(const AuthorityMove &) const = default;
};

/**
 * Two plans side by side: the authorities that moved and each plan's check.
 *
 * CPAs are matched by name, since each plan has CPAs of its own: an authority moved when the
 * name of its CPA differs between the plans (a CPA renamed in a copy of a plan therefore moves
 * all its members). A code listed twice counts in the first CPA, as in the checks.
 */
struct PlanComparison
{
    QList<AuthorityMove> moved; ///< in the round's order
    PlanCheck first;
    PlanCheck second;

    bool operator==(const PlanComparison &) const = default;
};

PlanComparison comparePlans(const QList<Authority> &authorities,
                            const QList<Partnership> &partnerships, const CpaPlan &first,
                            const CpaPlan &second, const Adjacency &adjacency,
                            const PlanCheckOptions &options = {});

} // namespace CoCommission
