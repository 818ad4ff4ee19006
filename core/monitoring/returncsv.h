#pragma once

// Stage 6: performance returns and contract profiles as CSV files.
//
// Columns (a header row naming them, in any order; other columns are refused):
//   period,cpa,priority_group,measure,value
// period "YYYY-MM"; cpa the name of a CPA of the adopted plan (without case); priority_group
// a key of monitoringGroups(); measure referrals | starts | job_outcomes |
// sustained_job_outcomes; value a number. In a return, a row whose measure is the key of a
// minimum service standard (stage 3) with an empty priority_group is that standard's measured
// value for the CPA and month. Errors name the file, line and field (CsvProblems); nothing is
// applied unless the whole file is good.

#include "core/common/result.h"
#include "core/round/monitoring.h"

#include <QString>
#include <QStringList>

namespace CoCommission {

struct Round;

/** A return read from a file, checked and ready for RoundDocument::addReturn(). */
struct ReturnImport
{
    PerformanceReturn performanceReturn; ///< id 0; source, sha256 and receivedAt set
    int rows = 0;
    int corrections = 0;  ///< figures that supersede a figure in force
    QStringList warnings; ///< performanceWarnings() with this return added
};

/**
 * Reads a performance return: every row checked (checkFigures() with whole numbers,
 * checkStandardFigures(), each problem mapped to its line); refused when the round has no
 * contract period, when the file is empty or when a return with the same SHA-256 was received.
 */
Result<ReturnImport> readReturnCsv(const Round &round, const QString &path,
                                   const QString &note = {});

/**
 * Reads a contract profile. The contract period is \a round's when set, else from the file's
 * first month to its last. Figures may be fractions. The source says the file's name.
 */
Result<ContractProfile> readProfileCsv(const Round &round, const QString &path);

/** Writes \a profile in the same columns (CPAs by name), figures in profile order. */
Status writeProfileCsv(const Round &round, const ContractProfile &profile, const QString &path);

} // namespace CoCommission
