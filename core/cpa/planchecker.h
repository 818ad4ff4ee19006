#pragma once

#include "core/cpa/plancheck.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace CoCommission {

/**
 * Keeps a plan check current while authorities are painted from CPA to CPA.
 *
 * The checker holds the round's authorities, partnerships and adjacency as index arrays; a
 * move updates the figures of the two CPAs it touches (members, total, contiguity, partnership
 * counts) in time linear in the number of authorities, and result() gives the same PlanCheck
 * as checkPlan() on plan(). Each authority is in at most one CPA: a code that the plan given to
 * setPlan() lists twice is taken to be in the first CPA and reported as duplicated until it is
 * moved (plan() keeps such listings until then). Add, remove or rename CPAs by calling
 * setPlan() again with the edited plan.
 */
class PlanChecker
{
public:
    PlanChecker(const QList<Authority> &authorities, const QList<Partnership> &partnerships,
                const Adjacency &adjacency, const PlanCheckOptions &options = {});

    /** Starts from \a plan: its id, name, adoption, CPA ids, names and colours are kept. */
    void setPlan(const CpaPlan &plan);

    int authorityCount() const { return int(m_codes.size()); }
    int cpaCount() const { return int(m_count.size()); }
    /** The index of the authority with \a code, or -1. */
    int indexOfAuthority(const QString &code) const { return m_authorityIndex.value(code, -1); }
    QString code(int authority) const { return m_codes.at(authority); }

    /** The CPA of \a authority, or -1 when it is in none. */
    int cpaOf(int authority) const { return m_cpaOf[size_t(authority)]; }

    /**
     * Moves \a authority to CPA \a cpa (-1: into no CPA). Returns false when nothing changes.
     * Both indices must be in range.
     */
    bool move(int authority, int cpa);
    /** move() by code; false for a code that is not one of the authorities. */
    bool move(const QString &code, int cpa);

    int memberCount(int cpa) const { return m_count[size_t(cpa)]; }
    /** The number of connected parts of \a cpa under the rule; 0 when it is empty. */
    int componentCount(int cpa) const { return m_components[size_t(cpa)]; }
    /** The sum of the known values of \a cpa's members. */
    double total(int cpa) const { return m_total[size_t(cpa)]; }

    /** The full check of the current plan. */
    PlanCheck result() const;
    /** The current plan: setPlan()'s plan with the members as painted, in the round's order. */
    CpaPlan plan() const;

private:
    void recompute(int cpa);

    PlanCheckOptions m_options;
    QStringList m_codes;
    QHash<QString, int> m_authorityIndex;
    QHash<QString, QString> m_names;
    // The adjacency under the rule in compressed rows: the neighbours of authority a are
    // m_adjacent[m_firstAdjacent[a] .. m_firstAdjacent[a + 1]).
    std::vector<int> m_firstAdjacent;
    std::vector<int> m_adjacent;
    std::vector<double> m_value;
    std::vector<char> m_hasValue;

    QStringList m_partnershipNames;
    std::vector<std::vector<int>> m_partnershipMembers; // authority indices, deduplicated
    std::vector<std::vector<int>> m_partnershipsOf;     // per authority

    CpaPlan m_base;
    QList<QStringList> m_unknownCodes; // per CPA, codes the round does not know
    std::vector<int> m_cpaOf;
    std::vector<char> m_duplicated;
    QHash<int, QList<int>> m_alsoListedIn; // duplicated authority → the other CPAs listing it
    std::vector<int> m_count;
    std::vector<double> m_total;
    std::vector<int> m_components;
    std::vector<int> m_inCpa; // [cpa * partnerships + partnership]: members of one in the other

    // Scratch for the contiguity search, kept to avoid allocating on every move.
    mutable std::vector<int> m_visited;
    mutable int m_visitStamp = 0;
    mutable std::vector<int> m_stack;
};

} // namespace CoCommission
