#pragma once

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/round.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

class QSqlDatabase;

namespace CoCommission {

/** A stage-gate snapshot as the project file stores it. */
struct StoredSnapshot
{
    SnapshotId id;
    StageId stage = StageId::Needs;
    QDateTime createdAt;
    int formatVersion = 0;
    QByteArray archive;
    QString sha256;
};

/**
 * Reads and writes the round's tables. Functions that write expect to run inside a
 * ProjectFile::transaction(); none of them touches the audit log (RoundDocument does).
 */
namespace RoundStore {

/** Writes a whole new round into an empty file and gives its parts their ids. */
Status insertRound(QSqlDatabase &db, Round &round);
Result<Round> load(QSqlDatabase &db);

/** Inserts \a dataset with its measures (not its observations) and sets its id. */
Result<qint64> insertDataset(QSqlDatabase &db, NeedsDataset &dataset);
Status insertMeasures(QSqlDatabase &db, qint64 datasetId, const QList<Measure> &measures);
Status insertObservations(QSqlDatabase &db, qint64 datasetId,
                          const QList<Observation> &observations);
Result<qint64> insertRatio(QSqlDatabase &db, const RatioIndicator &ratio);

/** Stores (or with \a remove, deletes) one partner's ranking for one CPA. */
Status setPartnerRanking(QSqlDatabase &db, const PartnerRankingRecord &ranking, bool remove);
/** Stores the decision for \a cpa, or deletes it when \a decision is null. */
Status setPriorityDecision(QSqlDatabase &db, CpaId cpa, const PriorityDecision *decision);
Status setPriorityPlaces(QSqlDatabase &db, const QStringList &codes);

/**
 * Inserts \a plan with its settings and CPAs at \a position and gives them ids; ids that are
 * set already are kept (a redo restores what its undo removed).
 */
Status insertPlan(QSqlDatabase &db, CpaPlan &plan, int position);
/** Inserts \a cpa with its members into \a plan at \a position; a set id is kept. */
Status insertCpa(QSqlDatabase &db, PlanId plan, Cpa &cpa, int position);
/** Replaces the members of \a cpa by \a members, in that order. */
Status setCpaMembers(QSqlDatabase &db, CpaId cpa, const QStringList &members);
/** Stores the name, colour and \a position of \a cpa. */
Status updateCpa(QSqlDatabase &db, const Cpa &cpa, int position);
/** Deletes \a cpa; its members and stage 1 and 2 records go with it (cascade). */
Status removeCpa(QSqlDatabase &db, CpaId cpa);
Status renamePlan(QSqlDatabase &db, PlanId plan, const QString &name);
/** Deletes \a plan with its CPAs and their records (cascade). */
Status removePlan(QSqlDatabase &db, PlanId plan);
/** Stores the order of \a plans as their positions. */
Status setPlanOrder(QSqlDatabase &db, const QList<CpaPlan> &plans);
/** Stores the order of \a plan's CPAs as their positions. */
Status setCpaOrder(QSqlDatabase &db, const CpaPlan &plan);
/** Stores \a plan's adjacency rule, balance indicator and minimum size. */
Status setPlanSettings(QSqlDatabase &db, const CpaPlan &plan);
/** Replaces the stored boundary file; an empty one removes it. */
Status setBoundaries(QSqlDatabase &db, const BoundaryFile &boundaries);
/** Stores the agreement for \a cpa, or deletes it when \a agreement is null. */
Status setAgreement(QSqlDatabase &db, CpaId cpa, const LabourMarketAgreement *agreement);
Status setPriorityMethod(QSqlDatabase &db, RankingMethod method);
/** Replaces the catalogue of priority groups by \a groups, in that order. */
Status setPriorityGroups(QSqlDatabase &db, const QList<PriorityGroup> &groups);

Status setMeta(QSqlDatabase &db, const QString &key, const QString &value);
Status setStageStatus(QSqlDatabase &db, StageId stage, StageStatus status);
/** Makes \a plan the one adopted plan. */
Status setAdoptedPlan(QSqlDatabase &db, PlanId plan);

Result<SnapshotId> insertSnapshot(QSqlDatabase &db, const StoredSnapshot &snapshot);
Result<SignOffId> insertSignOff(QSqlDatabase &db, const SignOff &signOff);
Result<StoredSnapshot> snapshot(QSqlDatabase &db, SnapshotId id);
Result<QList<StoredSnapshot>> snapshots(QSqlDatabase &db);

} // namespace RoundStore
} // namespace CoCommission
