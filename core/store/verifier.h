#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace CoCommission {

/** One check that verify ran, and the problems it found (none when it passed). */
struct VerifyCheck
{
    QString name;
    QString detail; ///< what was checked, e.g. "42 entries"
    QStringList problems;

    bool passed() const { return problems.isEmpty(); }
};

struct VerifyReport
{
    QString path;
    QList<VerifyCheck> checks;

    bool passed() const;
};

/**
 * Checks a round file without changing it: SQLite's integrity check, the round's content, the
 * audit log's hash chain, and every stage-gate snapshot against its SHA-256 and its sign-offs.
 * Returns an Error only when the file cannot be opened as a round at all.
 */
Result<VerifyReport> verifyRoundFile(const QString &path);

} // namespace CoCommission
