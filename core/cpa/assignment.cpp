#include "core/cpa/assignment.h"

#include <QSet>

namespace CoCommission {

QString CpaAssignment::cpaNameOf(const QString &code) const
{
    const int index = cpaOf.value(code, -1);
    return index >= 0 ? cpaNames.at(index) : QString();
}

CpaAssignment CpaAssignment::fromPlan(const CpaPlan &plan)
{
    CpaAssignment assignment;
    for (const Cpa &cpa : plan.cpas) {
        const int index = int(assignment.cpaNames.size());
        assignment.cpaNames.append(cpa.name);
        for (const QString &code : cpa.members) {
            if (!assignment.cpaOf.contains(code))
                assignment.cpaOf.insert(code, index);
        }
    }
    return assignment;
}

CpaPlan CpaAssignment::toPlan(const CpaPlan &base, const QList<Authority> &authorities) const
{
    CpaPlan plan;
    plan.id = base.id;
    plan.name = base.name;
    plan.adopted = base.adopted;

    QSet<QString> coloursKept;
    for (const QString &name : cpaNames) {
        for (const Cpa &old : base.cpas) {
            if (old.name == name)
                coloursKept.insert(old.colour);
        }
    }
    int nextColour = 0;
    for (const QString &name : cpaNames) {
        Cpa cpa;
        cpa.name = name;
        const auto old = std::find_if(base.cpas.cbegin(), base.cpas.cend(),
                                      [&](const Cpa &c) { return c.name == name; });
        if (old != base.cpas.cend()) {
            cpa.id = old->id;
            cpa.colour = old->colour;
        } else {
            do {
                cpa.colour = defaultCpaColour(nextColour++);
            } while (coloursKept.contains(cpa.colour) && nextColour < 64);
            coloursKept.insert(cpa.colour);
        }
        plan.cpas.append(cpa);
    }

    QSet<QString> placed;
    for (const Authority &authority : authorities) {
        const int index = cpaOf.value(authority.gssCode, -1);
        if (index >= 0) {
            plan.cpas[index].members.append(authority.gssCode);
            placed.insert(authority.gssCode);
        }
    }
    // Codes the authorities do not hold (a caller's choice to keep them) go last, sorted.
    QStringList rest;
    for (auto it = cpaOf.cbegin(); it != cpaOf.cend(); ++it) {
        if (!placed.contains(it.key()))
            rest.append(it.key());
    }
    rest.sort();
    for (const QString &code : std::as_const(rest))
        plan.cpas[cpaOf.value(code)].members.append(code);
    return plan;
}

QString defaultCpaColour(int index)
{
    // The first four are the demo round's; the rest from a qualitative palette, darkened
    // where needed so that white labels stay readable.
    static const char *const kColours[] = {"#1f6fb4", "#c0392b", "#2e8b57", "#8e44ad",
                                           "#d35400", "#16a085", "#7f6000", "#c2185b",
                                           "#34495e", "#5d6d1e", "#6d4c41", "#00838f"};
    constexpr int count = int(sizeof(kColours) / sizeof(kColours[0]));
    return QString::fromLatin1(kColours[((index % count) + count) % count]);
}

} // namespace CoCommission
