#pragma once

#include "core/common/result.h"
#include "core/round/monitoring.h"

class QSqlDatabase;

namespace CoCommission {

/**
 * Reads and writes stage 6 (schema version 7): the programme board and the contract profile,
 * each changed whole, and the performance returns, which are only ever added (and the latest
 * removed again, the undo of receiving it). Like RoundStore, the writers expect to run inside a
 * ProjectFile::transaction() and leave the audit log to RoundDocument.
 */
namespace MonitoringStore {

Result<Monitoring> load(QSqlDatabase &db);
Status replaceBoard(QSqlDatabase &db, const ProgrammeBoard &board);
Status replaceProfile(QSqlDatabase &db, const ContractProfile &profile);
/** Stores \a performanceReturn with its id (above 0, not yet stored). */
Status insertReturn(QSqlDatabase &db, const PerformanceReturn &performanceReturn);
Status removeReturn(QSqlDatabase &db, qint64 id);
/** Everything of \a monitoring, into tables that are empty: a new round file. */
Status insertAll(QSqlDatabase &db, const Monitoring &monitoring);

} // namespace MonitoringStore
} // namespace CoCommission
