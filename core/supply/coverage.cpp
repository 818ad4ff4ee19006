#include "core/supply/coverage.h"

#include "core/evaluation/supplychain.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace CoCommission {

namespace {

/**
 * \a name as it reads inside a sentence: "People who are homeless" becomes "people who are
 * homeless"; a name that starts with an acronym or a figure ("ESA work-related activity
 * group", "18-24s ...") is kept.
 */
QString inSentence(const QString &name)
{
    if (name.size() < 2 || !name.at(0).isUpper() || name.at(1).isUpper())
        return name;
    return name.at(0).toLower() + name.mid(1);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::Coverage", text);
}

double share(int count, int total)
{
    return total > 0 ? double(count) / double(total) : 0.0;
}

bool intersects(const QStringList &a, const QStringList &b)
{
    return std::any_of(a.cbegin(), a.cend(), [&](const QString &x) { return b.contains(x); });
}

} // namespace

CoverageMatrix supplyCoverage(const Round &round, const SupplyMarket &supply)
{
    CoverageMatrix out;
    const CpaPlan *plan = round.adoptedPlan();
    const QList<Cpa> cpas = plan ? plan->cpas : QList<Cpa>();

    // Each CPA's priorities by the rule stage 5 uses; the rows are those chosen by a decision or
    // an agreement.
    QList<QStringList> priorities;
    QStringList chosen;
    for (const Cpa &cpa : cpas) {
        PrioritySource source = PrioritySource::Catalogue;
        priorities << cpaPriorityGroups(round, cpa.id, &source);
        if (source == PrioritySource::Catalogue)
            continue;
        for (const QString &key : std::as_const(priorities.last())) {
            if (!chosen.contains(key))
                chosen << key;
        }
    }
    out.wholeCatalogue = chosen.isEmpty();
    for (const PriorityGroup &g : round.priorityGroups) {
        if (out.wholeCatalogue || chosen.contains(g.key))
            out.groups << g;
    }
    for (const QString &key : std::as_const(chosen)) {
        const bool known = std::any_of(out.groups.cbegin(), out.groups.cend(),
                                       [&](const PriorityGroup &g) { return g.key == key; });
        if (!known)
            out.groups << PriorityGroup{key, key, {}};
    }

    QList<QList<const Provider *>> serving; // per CPA, in register order
    for (const Cpa &cpa : cpas) {
        CpaSupply column{cpa.id, cpa.name, {}, 0, 0, 0, 0};
        QList<const Provider *> providers;
        for (const Provider &p : supply.providers) {
            if (!intersects(p.areas, cpa.members))
                continue;
            providers << &p;
            column.providers << p.name;
            if (p.sector == ProviderSector::VoluntaryCommunity)
                ++column.voluntaryCommunity;
            if (p.sme)
                ++column.smes;
        }
        const int n = int(providers.size());
        column.voluntaryCommunityShare = share(column.voluntaryCommunity, n);
        column.smeShare = share(column.smes, n);
        out.cpas << column;
        serving << providers;
    }

    for (const PriorityGroup &group : std::as_const(out.groups)) {
        const QStringList specialisms = specialismsServing(group.key);
        QList<CoverageCell> row;
        for (qsizetype c = 0; c < cpas.size(); ++c) {
            CoverageCell cell;
            for (const Provider *p : std::as_const(serving[c])) {
                if (intersects(p->specialisms, specialisms))
                    cell.providers << p->name;
            }
            cell.priority = priorities[c].contains(group.key);
            cell.gap = cell.priority && cell.providers.isEmpty();
            if (cell.gap)
                out.gaps << CoverageGap{group.key, cpas[c].id,
                                        tr("No specialist provider for %1 in %2.")
                                            .arg(inSentence(group.name), cpas[c].name)};
            row << cell;
        }
        out.cells << row;
    }
    return out;
}

} // namespace CoCommission
