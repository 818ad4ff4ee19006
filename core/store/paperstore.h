#pragma once

#include "core/common/result.h"
#include "core/round/paper.h"

#include <QList>

class QSqlDatabase;

namespace CoCommission {

/**
 * Reads and writes the board papers (schema version 8), one row per paper. Like RoundStore,
 * the writers expect to run inside a ProjectFile::transaction() and leave the audit log to
 * RoundDocument.
 */
namespace PaperStore {

Result<QList<BoardPaper>> load(QSqlDatabase &db);
/** Inserts \a paper, or replaces the stored paper with its id. */
Status upsert(QSqlDatabase &db, const BoardPaper &paper);
Status remove(QSqlDatabase &db, qint64 id);
/** Every paper, into a table that is empty: a new round file. */
Status insertAll(QSqlDatabase &db, const QList<BoardPaper> &papers);

} // namespace PaperStore
} // namespace CoCommission
