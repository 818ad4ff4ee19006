#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace CoCommission {

/** One numbered step of the project file's schema, applied inside a transaction. */
struct Migration
{
    int toVersion = 0;
    QString description;
    std::function<Status(QSqlDatabase &)> apply;
};

/**
 * The project file's schema history and the runner that moves a file forward.
 *
 * The schema version is `PRAGMA user_version`; `PRAGMA application_id` marks a file as a
 * CoCommission round. Step N moves a file from version N-1 to N; a new file is made by running
 * every step from 0. Steps are never edited once released: a change is a new step.
 */
namespace Migrations {

/** "COCM" in ASCII: set as PRAGMA application_id on every round. */
inline constexpr qint32 kApplicationId = 0x434F434D;

/** The schema steps of this version, in order. */
const QList<Migration> &schemaSteps();
/** The version that a file has after every step of schemaSteps(). */
int latestVersion();

/**
 * Applies each of \a steps whose toVersion is above \a fromVersion, in order, each in its own
 * transaction that also sets user_version. Stops at the first failure, which is rolled back and
 * named in the returned error; the steps before it stay applied.
 */
Status run(QSqlDatabase &db, int fromVersion, const QList<Migration> &steps);

} // namespace Migrations
} // namespace CoCommission
