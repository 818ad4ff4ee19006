#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace CoCommission {

/** A lookup from smaller areas to authorities, as read from a file. */
struct LookupFile
{
    QHash<QString, QString> childToAuthority;
    QStringList unknownAuthorities; ///< authority codes the round does not know
    qint64 rows = 0;
};

/**
 * Reads a lookup CSV `child_code,authority_code` (a header line naming both columns, in any
 * order; other columns are ignored). Errors name the file, line and column: a missing column,
 * an empty code, a ragged row, a child given two different authorities.
 */
class LookupImport
{
    Q_DECLARE_TR_FUNCTIONS(LookupImport)

public:
    static Result<LookupFile> read(const QString &path, const QStringList &authorities);
};

} // namespace CoCommission
