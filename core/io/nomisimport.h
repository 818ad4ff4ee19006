#pragma once

#include "core/common/result.h"
#include "core/round/round.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;

namespace CoCommission {

/** What a NOMIS import read and what the round made of it. */
struct NomisImportSummary
{
    NeedsDataset dataset;          ///< with its id, measures and authority-level figures
    qint64 rows = 0;               ///< data rows read
    qint64 missingValues = 0;      ///< rows whose value was a missing marker ("..", "-", ...)
    qint64 rowsForAuthorities = 0; ///< rows for an authority of the round
    qint64 rowsThroughLookup = 0;  ///< rows for a smaller area summed to its authority
    QStringList unknownCodes;      ///< geography codes neither an authority nor in the lookup
    qint64 unknownRows = 0;        ///< rows of those codes (kept, not used)
};

/**
 * Reads labour-market downloads from NOMIS (the ONS labour-market service) in its CSV format.
 *
 * Columns are found by header name, in any order: GEOGRAPHY_CODE, OBS_VALUE and DATE (or
 * DATE_CODE) are required; GEOGRAPHY_NAME, GEOGRAPHY_TYPE and OBS_STATUS are used when present.
 * Every other variable of the dataset (GENDER, AGE, MEASURES, ...) is a dimension, its value
 * taken from the X_NAME column where there is one. Empty values and the markers "..", "-",
 * "*", ":", "x", "c", "z", "!", "~" are missing, never zero.
 *
 * The rows are stored as imported (any geography) and summed to the round's authorities,
 * directly or through the lookup of smaller areas; an authority's own rows win over the sum of
 * its parts, and a sum with a missing part is left out.
 */
class NomisImport
{
    Q_DECLARE_TR_FUNCTIONS(NomisImport)

public:
    /**
     * Called with bytes read and total bytes, at the start and every 65,536 rows; returning
     * false cancels the import. The last call, with done == total, comes when every row is
     * written and cannot cancel.
     */
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    static bool isMissingMarker(QByteArrayView value);

    /** SHA-256 of the file, for the duplicate check before any row is read. */
    static Result<QString> fileSha256(const QString &path);

    /**
     * Imports \a path into \a db within the caller's transaction. \a authorities are the round's
     * GSS codes; \a lookup maps smaller areas to them. \a measureKeyPrefix makes measure keys
     * unique ("d<id>s<n>" once the dataset has an id). Errors name the file, line and column.
     */
    static Result<NomisImportSummary> run(QSqlDatabase &db, const QString &path,
                                          const QString &datasetName,
                                          const QStringList &authorities,
                                          const QHash<QString, QString> &lookup,
                                          const Progress &progress = {}, qint64 datasetId = 0);
};

} // namespace CoCommission
