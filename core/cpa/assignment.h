#pragma once

#include "core/round/round.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission {

/**
 * Which CPA each authority is in, by CPA name: what an assignment file holds and what painting
 * edits.
 *
 * Invariants: every index in cpaOf is a valid index into cpaNames; names are unique and
 * non-empty. A name may be held by no code (an empty CPA).
 */
struct CpaAssignment
{
    QStringList cpaNames;      ///< in order of first appearance
    QHash<QString, int> cpaOf; ///< GSS code → index into cpaNames

    bool operator==(const CpaAssignment &) const = default;

    /** The name of the CPA holding \a code, or an empty string. */
    QString cpaNameOf(const QString &code) const;

    /**
     * The assignment a plan makes. A code that the plan lists in more than one CPA is taken to be
     * in the first, as the plan checks do.
     */
    static CpaAssignment fromPlan(const CpaPlan &plan);

    /**
     * A plan with this assignment: one CPA per name, in order, members in the order of
     * \a authorities. A CPA of \a base with the same name keeps its id and colour; the others
     * get no id (the document gives one) and a colour from defaultCpaColour() that no kept CPA
     * uses. The plan's id, name and adoption come from \a base.
     */
    CpaPlan toPlan(const CpaPlan &base, const QList<Authority> &authorities) const;
};

/** A colour for the \a index-th CPA: distinct neighbours, good contrast with white text. */
QString defaultCpaColour(int index);

} // namespace CoCommission
