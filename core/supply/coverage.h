#pragma once

// The coverage matrix of stage 4: which priority groups the provider register can serve with a
// specialist in each CPA of the adopted plan, and where it cannot (the gaps). A pure function
// of the round and a supply market, recomputed whenever either changes.

#include "core/common/ids.h"
#include "core/round/round.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission {

/** One cell: the register's specialists for one priority group in one CPA. */
struct CoverageCell
{
    /** Providers serving an authority of the CPA with a specialism serving the group. */
    QStringList providers;
    bool priority = false; ///< the group is a priority of the CPA (cpaPriorityGroups())
    bool gap = false;      ///< a priority without any specialist provider

    int count() const { return int(providers.size()); }
};

/**
 * One column: a CPA of the adopted plan and the providers serving it (serving at least one of
 * its authorities), in register order. Shares are 0-1 of those providers, 0 when there are none.
 */
struct CpaSupply
{
    CpaId cpa;
    QString name;
    QStringList providers;
    int voluntaryCommunity = 0;
    double voluntaryCommunityShare = 0;
    int smes = 0;
    double smeShare = 0;
};

/** One gap: a priority group of a CPA that no provider of the register serves there. */
struct CoverageGap
{
    QString group; ///< the group's key
    CpaId cpa;
    QString message; ///< "No specialist provider for ESA work-related activity group in ..."
};

/**
 * The matrix: rows are priority groups, columns the CPAs of the adopted plan (none without an
 * adopted plan). cells[row][column] always has groups.size() rows of cpas.size() cells.
 */
struct CoverageMatrix
{
    /**
     * The rows: every group that a decision or an agreement makes a priority of some CPA
     * (cpaPriorityGroups()), in catalogue order, followed by any such key the catalogue lacks
     * (its name then being the key); the whole catalogue when no CPA has priorities of its own.
     */
    QList<PriorityGroup> groups;
    bool wholeCatalogue = false; ///< no decision or agreement names a priority: all groups count
    QList<CpaSupply> cpas;
    QList<QList<CoverageCell>> cells;
    /** Each gap, by row then column. */
    QList<CoverageGap> gaps;

    const CoverageCell &cell(qsizetype row, qsizetype column) const { return cells[row][column]; }
};

/**
 * The coverage of the adopted plan's CPAs by \a supply's register. A cell is a gap when it has
 * no provider and its group is a priority of its CPA; a CPA without a decision or an agreement
 * takes the whole catalogue as its priorities, as stage 5 does.
 */
CoverageMatrix supplyCoverage(const Round &round, const SupplyMarket &supply);

} // namespace CoCommission
