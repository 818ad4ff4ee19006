#pragma once

#include "core/common/result.h"
#include "core/cpa/assignment.h"
#include "core/round/round.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

/**
 * CPA assignment files: CSV with the header gss_code,cpa and one row per authority, like a
 * redistricting block-assignment file. Codes stay text (leading zeros and letters kept).
 *
 * Reading is all or nothing: a file with any problem gives an Error that lists the problems by
 * file, line and field, and no assignment.
 */
namespace CoCommission::AssignmentCsv {

/**
 * Parses an assignment of \a authorities from \a data (UTF-8, optional byte-order mark, LF or
 * CRLF, quoted fields). The header must name the columns gss_code and cpa (any case, any order;
 * other columns are ignored). Every row needs as many fields as the header, a code of one of
 * \a authorities not assigned on an earlier line, and a non-empty CPA name; every authority
 * must be assigned. Codes and names are trimmed of surrounding spaces.
 */
Result<CpaAssignment> parse(const QByteArray &data, const QString &fileName,
                            const QList<Authority> &authorities);

/** parse() on the file at \a path. */
Result<CpaAssignment> read(const QString &path, const QList<Authority> &authorities);

struct WriteOptions
{
    /** Starts the file with a UTF-8 byte-order mark, which Excel needs to read non-ASCII text. */
    bool byteOrderMark = false;
};

/**
 * The CSV text of \a assignment: the header gss_code,cpa and one row per assigned authority in
 * the order of \a authorities, CRLF line ends (RFC 4180). Codes \a authorities does not hold
 * follow, sorted. A CPA without members cannot be written in this format.
 */
QByteArray toCsv(const CpaAssignment &assignment, const QList<Authority> &authorities,
                 WriteOptions options = {});
QByteArray toCsv(const CpaPlan &plan, const QList<Authority> &authorities,
                 WriteOptions options = {});

/** Writes toCsv() to \a device (e.g. a QSaveFile the caller commits). */
Status write(QIODevice *device, const CpaPlan &plan, const QList<Authority> &authorities,
             WriteOptions options = {});

} // namespace CoCommission::AssignmentCsv
