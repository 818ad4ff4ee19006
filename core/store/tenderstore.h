#pragma once

#include "core/common/result.h"
#include "core/round/tender.h"

class QSqlDatabase;

namespace CoCommission {

/**
 * Reads and writes stage 5's tables (schema version 5). Like RoundStore, the writers expect to
 * run inside a ProjectFile::transaction() and leave the audit log to RoundDocument. Lists keep
 * their order: rows are read back in the order they were first written, and an update keeps a
 * row where it was.
 */
namespace TenderStore {

Result<Tender> load(QSqlDatabase &db);
/** Replaces everything stage 5 stores except criteria changes and award signatures. */
Status replace(QSqlDatabase &db, const Tender &tender);

/** Price formula, abnormally-low threshold, opening times and the illustrative flag. */
Status setSettings(QSqlDatabase &db, const Tender &tender);
Status setCriteria(QSqlDatabase &db, const QList<Criterion> &criteria);
Status insertCriteriaChange(QSqlDatabase &db, const CriteriaChange &change);
/** Stores \a bids, in that order, in place of the stored ones (which must have no scores). */
Status setBids(QSqlDatabase &db, const QList<TenderBid> &bids);
Status setPanel(QSqlDatabase &db, const QList<Assessor> &panel);
Status setConflict(QSqlDatabase &db, const ConflictDeclaration &declaration);
Status removeConflict(QSqlDatabase &db, const QString &assessor, const QString &bidder);
Status setScore(QSqlDatabase &db, const IndividualScore &score);
Status removeScore(QSqlDatabase &db, const QString &assessor, const QString &bidId,
                   const QString &criterionId);
Status setConsensus(QSqlDatabase &db, const ModeratedScore &consensus);
Status removeConsensus(QSqlDatabase &db, const QString &bidId, const QString &criterionId);
Status insertAwardSignature(QSqlDatabase &db, const AwardSignature &signature);

} // namespace TenderStore
} // namespace CoCommission
