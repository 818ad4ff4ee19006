#include "core/cpa/planchecker.h"

#include "core/cpa/plancheck_p.h"

#include <QSet>

namespace CoCommission {

PlanChecker::PlanChecker(const QList<Authority> &authorities,
                         const QList<Partnership> &partnerships, const Adjacency &adjacency,
                         const PlanCheckOptions &options)
    : m_options(options)
{
    for (const Authority &a : authorities) {
        if (m_authorityIndex.contains(a.gssCode))
            continue;
        m_authorityIndex.insert(a.gssCode, int(m_codes.size()));
        m_codes.append(a.gssCode);
        m_names.insert(a.gssCode, a.name);
    }
    const size_t n = size_t(m_codes.size());

    const QList<QList<int>> graph = adjacency.graph(m_codes, options.rule);
    m_firstAdjacent.reserve(n + 1);
    m_firstAdjacent.push_back(0);
    for (const QList<int> &neighbours : graph) {
        m_adjacent.insert(m_adjacent.end(), neighbours.cbegin(), neighbours.cend());
        m_firstAdjacent.push_back(int(m_adjacent.size()));
    }

    m_value.assign(n, 0.0);
    m_hasValue.assign(n, 0);
    for (size_t a = 0; a < n; ++a) {
        const auto it = options.values.constFind(m_codes[qsizetype(a)]);
        if (it != options.values.cend()) {
            m_value[a] = *it;
            m_hasValue[a] = 1;
        }
    }

    m_partnershipsOf.assign(n, {});
    for (const Partnership &p : partnerships) {
        const int index = int(m_partnershipNames.size());
        m_partnershipNames.append(p.name);
        std::vector<int> members;
        QSet<int> seen;
        for (const QString &code : p.members) {
            const int a = m_authorityIndex.value(code, -1);
            if (a < 0 || seen.contains(a))
                continue;
            seen.insert(a);
            members.push_back(a);
            m_partnershipsOf[size_t(a)].push_back(index);
        }
        m_partnershipMembers.push_back(std::move(members));
    }

    m_cpaOf.assign(n, -1);
    m_duplicated.assign(n, 0);
    m_visited.assign(n, 0);
}

void PlanChecker::setPlan(const CpaPlan &plan)
{
    m_base = plan;
    const size_t n = size_t(m_codes.size());
    const size_t cpas = size_t(plan.cpas.size());
    m_cpaOf.assign(n, -1);
    m_duplicated.assign(n, 0);
    m_alsoListedIn.clear();
    m_unknownCodes.clear();
    for (size_t c = 0; c < cpas; ++c) {
        QStringList unknown;
        for (const QString &code : plan.cpas[qsizetype(c)].members) {
            const int a = m_authorityIndex.value(code, -1);
            if (a < 0)
                unknown.append(code);
            else if (m_cpaOf[size_t(a)] >= 0) {
                m_duplicated[size_t(a)] = 1;
                m_alsoListedIn[a].append(int(c));
            } else
                m_cpaOf[size_t(a)] = int(c);
        }
        m_unknownCodes.append(unknown);
    }

    m_count.assign(cpas, 0);
    m_total.assign(cpas, 0.0);
    m_components.assign(cpas, 0);
    const size_t partnerships = m_partnershipMembers.size();
    m_inCpa.assign(cpas * partnerships, 0);
    for (size_t a = 0; a < n; ++a) {
        const int c = m_cpaOf[a];
        if (c < 0)
            continue;
        for (const int p : m_partnershipsOf[a])
            ++m_inCpa[size_t(c) * partnerships + size_t(p)];
    }
    for (size_t c = 0; c < cpas; ++c)
        recompute(int(c));
}

bool PlanChecker::move(int authority, int cpa)
{
    Q_ASSERT(authority >= 0 && authority < authorityCount());
    Q_ASSERT(cpa >= -1 && cpa < cpaCount());
    const size_t a = size_t(authority);
    const int from = m_cpaOf[a];
    const bool wasDuplicated = m_duplicated[a];
    // Painting an authority settles where it belongs, even into the CPA it is counted in.
    m_duplicated[a] = 0;
    m_alsoListedIn.remove(authority);
    if (from == cpa)
        return wasDuplicated;

    const size_t partnerships = m_partnershipMembers.size();
    for (const int p : m_partnershipsOf[a]) {
        if (from >= 0)
            --m_inCpa[size_t(from) * partnerships + size_t(p)];
        if (cpa >= 0)
            ++m_inCpa[size_t(cpa) * partnerships + size_t(p)];
    }
    m_cpaOf[a] = cpa;
    if (from >= 0)
        recompute(from);
    if (cpa >= 0)
        recompute(cpa);
    return true;
}

bool PlanChecker::move(const QString &code, int cpa)
{
    const int a = indexOfAuthority(code);
    return a >= 0 && move(a, cpa);
}

void PlanChecker::recompute(int cpa)
{
    // Totals are summed in the round's order, as checkPlan() does, so that both agree exactly.
    const size_t n = m_cpaOf.size();
    int count = 0;
    double total = 0;
    int components = 0;
    if (++m_visitStamp == 0) { // wrapped: reset the marks
        std::fill(m_visited.begin(), m_visited.end(), 0);
        m_visitStamp = 1;
    }
    const int stamp = m_visitStamp;
    for (size_t a = 0; a < n; ++a) {
        if (m_cpaOf[a] != cpa)
            continue;
        ++count;
        if (m_hasValue[a])
            total += m_value[a];
        if (m_visited[a] == stamp)
            continue;
        ++components;
        m_visited[a] = stamp;
        m_stack.clear();
        m_stack.push_back(int(a));
        while (!m_stack.empty()) {
            const int u = m_stack.back();
            m_stack.pop_back();
            for (int e = m_firstAdjacent[size_t(u)]; e < m_firstAdjacent[size_t(u) + 1]; ++e) {
                const size_t v = size_t(m_adjacent[size_t(e)]);
                if (m_visited[v] != stamp && m_cpaOf[v] == cpa) {
                    m_visited[v] = stamp;
                    m_stack.push_back(int(v));
                }
            }
        }
    }
    m_count[size_t(cpa)] = count;
    m_total[size_t(cpa)] = total;
    m_components[size_t(cpa)] = components;
}

PlanCheck PlanChecker::result() const
{
    PlanCheck check;
    check.planName = m_base.name;
    const size_t n = m_cpaOf.size();
    const size_t cpas = m_count.size();
    const bool hasValues = !m_options.values.isEmpty();

    check.cpas.resize(qsizetype(cpas));
    for (size_t c = 0; c < cpas; ++c) {
        CpaCheck &cpa = check.cpas[qsizetype(c)];
        cpa.name = m_base.cpas[qsizetype(c)].name;
        cpa.members.reserve(m_count[c]);
        cpa.components = m_components[c];
        if (hasValues)
            cpa.total = m_total[c];
        for (const QString &code : m_unknownCodes[qsizetype(c)]) {
            if (!check.unknown.contains(code))
                check.unknown.append(code);
        }
    }
    for (size_t a = 0; a < n; ++a) {
        const QString &code = m_codes[qsizetype(a)];
        const int c = m_cpaOf[a];
        if (c < 0) {
            check.unassigned.append(code);
        } else {
            CpaCheck &cpa = check.cpas[c];
            cpa.members.append(code);
            if (hasValues && !m_hasValue[a])
                cpa.unknownValues.append(code);
        }
        if (m_duplicated[a])
            check.duplicated.append(code);
    }

    const size_t partnerships = m_partnershipMembers.size();
    for (size_t p = 0; p < partnerships; ++p) {
        PartnershipSpread spread;
        spread.name = m_partnershipNames[qsizetype(p)];
        const int known = int(m_partnershipMembers[p].size());
        for (size_t c = 0; c < cpas; ++c) {
            const int inside = m_inCpa[c * partnerships + p];
            if (inside > 0) {
                spread.cpas.append(check.cpas[qsizetype(c)].name);
                if (inside < known)
                    check.cpas[qsizetype(c)].splitPartnerships.append(spread.name);
            }
        }
        for (const int a : m_partnershipMembers[p]) {
            if (m_cpaOf[size_t(a)] < 0)
                spread.unassigned.append(m_codes[a]);
        }
        check.partnerships.append(spread);
    }

    detail::completePlanCheck(check, m_names, m_options);
    return check;
}

CpaPlan PlanChecker::plan() const
{
    CpaPlan plan = m_base;
    for (qsizetype c = 0; c < plan.cpas.size(); ++c)
        plan.cpas[c].members.clear();
    for (size_t a = 0; a < m_cpaOf.size(); ++a) {
        if (m_cpaOf[a] >= 0)
            plan.cpas[m_cpaOf[a]].members.append(m_codes[qsizetype(a)]);
    }
    for (auto it = m_alsoListedIn.cbegin(); it != m_alsoListedIn.cend(); ++it) {
        for (const int c : it.value())
            plan.cpas[c].members.append(m_codes[it.key()]);
    }
    for (qsizetype c = 0; c < plan.cpas.size(); ++c)
        plan.cpas[c].members.append(m_unknownCodes[c]);
    return plan;
}

} // namespace CoCommission
