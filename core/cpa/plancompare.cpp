#include "core/cpa/plancompare.h"

#include "core/cpa/assignment.h"

namespace CoCommission {

PlanComparison comparePlans(const QList<Authority> &authorities,
                            const QList<Partnership> &partnerships, const CpaPlan &first,
                            const CpaPlan &second, const Adjacency &adjacency,
                            const PlanCheckOptions &options)
{
    PlanComparison comparison;
    const CpaAssignment a = CpaAssignment::fromPlan(first);
    const CpaAssignment b = CpaAssignment::fromPlan(second);
    for (const Authority &authority : authorities) {
        const QString from = a.cpaNameOf(authority.gssCode);
        const QString to = b.cpaNameOf(authority.gssCode);
        if (from != to)
            comparison.moved.append({authority.gssCode, authority.name, from, to});
    }
    comparison.first = checkPlan(authorities, partnerships, first, adjacency, options);
    comparison.second = checkPlan(authorities, partnerships, second, adjacency, options);
    return comparison;
}

} // namespace CoCommission
