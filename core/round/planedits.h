#pragma once

#include "core/common/ids.h"
#include "core/round/round.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace CoCommission {

/**
 * The rows of stages 1 and 2 that belong to CPAs: partner rankings, priority decisions and
 * labour market agreements. The project file deletes them with their CPA, so an edit that
 * removes CPAs keeps them here and its undo gives them back. Each row carries its index in the
 * round's list so that the restored round is exactly the earlier one.
 */
struct CpaRecords
{
    QList<std::pair<qsizetype, PartnerRankingRecord>> rankings;
    QList<std::pair<qsizetype, PriorityDecision>> decisions;
    QList<std::pair<qsizetype, LabourMarketAgreement>> agreements;

    bool isEmpty() const
    {
        return rankings.isEmpty() && decisions.isEmpty() && agreements.isEmpty();
    }
    bool operator==(const CpaRecords &) const = default;
};

/** The records of \a round that belong to any of \a cpas. */
CpaRecords cpaRecords(const Round &round, const QList<CpaId> &cpas);

/** Each CPA's members in \a plan: what a painting stroke changes and its undo restores. */
QHash<CpaId, QStringList> planMembers(const CpaPlan &plan);

/**
 * The members of \a plan's CPAs once \a codes are moved into \a target (an invalid id: into no
 * CPA). The target's members follow the order of \a round's authorities; the other CPAs keep
 * their order.
 */
QHash<CpaId, QStringList> membersAfterAssigning(const Round &round, const CpaPlan &plan,
                                                const QStringList &codes, CpaId target);

/** What importing a CPA assignment file into a plan did. */
struct AssignmentImportSummary
{
    PlanId plan;
    QString planName;
    bool newPlan = false;    ///< the plan did not exist and was made
    int authorities = 0;     ///< rows of the file, one per authority
    QStringList cpas;        ///< the plan's CPAs now, in the file's order
    QStringList keptCpas;    ///< CPAs matched by name: id, colour and stage 2 records kept
    QStringList removedCpas; ///< CPAs of the earlier plan that the file does not name
    QStringList moved;       ///< codes whose CPA changed (empty for a new plan)
};

/** What importing a boundary file did. */
struct BoundaryImportSummary
{
    QString fileName;
    QString sha256;
    QString codeProperty; ///< the feature property the codes were read from
    int areas = 0;
    /** The round's authorities without an area, in the round's order. */
    QStringList missingCodes;
    /** Translated sentences on what the import means, e.g. what a missing area implies. */
    QStringList notes;
};

} // namespace CoCommission
