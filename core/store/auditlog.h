#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace CoCommission {

/** One entry of the append-only audit log: who changed what, when, from what to what. */
struct AuditEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString actor;
    QString action;  ///< stable key, e.g. "set_title", "sign_off"
    QString subject; ///< what was changed, e.g. "round", "stage:needs"
    QString before;
    QString after;
    QString previousHash;
    QString hash;

    bool operator==(const AuditEntry &) const = default;
};

/**
 * The audit log of a round: append-only and hash-chained.
 *
 * Each entry's hash is the SHA-256 of its own fields and the hash of the entry before it, and
 * the newest hash is kept in the meta table too. Changing, removing or inserting an entry
 * outside the program therefore breaks the chain at that entry, and verify() names it.
 */
namespace AuditLog {

/** The hash the first entry chains from. */
QString genesisHash();

/** The hash of \a entry's fields and previousHash. */
QString hashOf(const AuditEntry &entry);

/**
 * Appends an entry inside the caller's open transaction: fills seq, previousHash and hash, and
 * moves the recorded head.
 */
Status append(QSqlDatabase &db, AuditEntry entry);

Result<QList<AuditEntry>> entries(QSqlDatabase &db);

/** Checks the chain; returns one translated sentence per problem, empty when it holds. */
QStringList verify(QSqlDatabase &db);

} // namespace AuditLog
} // namespace CoCommission
