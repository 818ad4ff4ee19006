#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/**
 * Whole-file CSV for the CPA engine's small files (assignment files and the reference
 * resources): CsvReader's parsing, plus a UTF-8 check and field quoting for writing.
 */
namespace CoCommission::CsvTable {

/** One record of a CSV file with the line on which it starts (1-based). */
struct Row
{
    int line = 0;
    QStringList fields;
};

/**
 * Parses \a data as UTF-8 CSV: an optional byte-order mark, LF or CRLF line ends, fields in
 * double quotes holding commas, doubled quotes and line breaks. Blank lines are skipped; fields
 * are returned exactly as written (no trimming). Fails on text that is not UTF-8 and on a
 * malformed quoted field, naming \a fileName and the line.
 */
Result<QList<Row>> parse(const QByteArray &data, const QString &fileName);

/** The bytes of the built-in resource \a path, or an error saying the build lacks it. */
Result<QByteArray> readBuiltIn(const QString &path);

/** \a field as a CSV field: quoted when it holds a comma, a quote, a line break or edge spaces. */
QString quoteField(const QString &field);

} // namespace CoCommission::CsvTable
