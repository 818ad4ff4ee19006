#include "core/store/auditlog.h"

#include "core/store/sql.h"

#include <QCryptographicHash>

namespace CoCommission::AuditLog {

namespace {

const QString kHeadKey = QStringLiteral("audit_head");

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::AuditLog", text, disambiguation, n);
}

QString timestamp(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

void addField(QCryptographicHash &hash, const QString &field)
{
    // Length-prefixed, so that no two different entries give the same byte stream.
    const QByteArray bytes = field.toUtf8();
    hash.addData(QByteArray::number(bytes.size()));
    hash.addData(QByteArrayView(":"));
    hash.addData(bytes);
}

QString describeEntry(const AuditEntry &e)
{
    return tr("Audit entry %1 (%2, %3 by %4)")
        .arg(e.seq)
        .arg(e.at.toUTC().toString(Qt::ISODate), e.action, e.actor);
}

} // namespace

QString genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString hashOf(const AuditEntry &e)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QString::number(e.seq));
    addField(hash, timestamp(e.at));
    addField(hash, e.actor);
    addField(hash, e.action);
    addField(hash, e.subject);
    addField(hash, e.before);
    addField(hash, e.after);
    addField(hash, e.previousHash);
    return QString::fromLatin1(hash.result().toHex());
}

static Result<QString> head(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(kHeadKey);
    if (!query.exec())
        return Error{Sql::describe(query, tr("Could not read the audit log"))};
    return query.next() ? query.value(0).toString() : genesisHash();
}

Status append(QSqlDatabase &db, AuditEntry entry)
{
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit_log")) || !last.next())
        return Error{Sql::describe(last, tr("Could not read the audit log"))};
    entry.seq = last.value(0).toLongLong() + 1;
    const Result<QString> previous = head(db);
    if (!previous)
        return previous.error();
    entry.previousHash = *previous;
    entry.at = entry.at.toUTC();
    // SQLite's NOT NULL would refuse a null QString: store empty text instead.
    for (QString *field :
         {&entry.actor, &entry.action, &entry.subject, &entry.before, &entry.after}) {
        if (field->isNull())
            *field = QStringLiteral("");
    }
    entry.hash = hashOf(entry);

    if (Status s =
            Sql::exec(db,
                      QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, "
                                     "subject, before, after, prev_hash, hash) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {entry.seq, timestamp(entry.at), entry.actor, entry.action, entry.subject,
                       entry.before, entry.after, entry.previousHash, entry.hash});
        !s)
        return s;
    return Sql::exec(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                     {kHeadKey, entry.hash});
}

Result<QList<AuditEntry>> entries(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT seq, at, actor, action, subject, before, after, "
                                   "prev_hash, hash FROM audit_log ORDER BY seq")))
        return Error{Sql::describe(query, tr("Could not read the audit log"))};
    QList<AuditEntry> result;
    while (query.next()) {
        AuditEntry e;
        e.seq = query.value(0).toLongLong();
        e.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        e.actor = query.value(2).toString();
        e.action = query.value(3).toString();
        e.subject = query.value(4).toString();
        e.before = query.value(5).toString();
        e.after = query.value(6).toString();
        e.previousHash = query.value(7).toString();
        e.hash = query.value(8).toString();
        result.append(e);
    }
    return result;
}

QStringList verify(QSqlDatabase &db)
{
    const Result<QList<AuditEntry>> all = entries(db);
    if (!all)
        return {all.errorMessage()};
    QStringList problems;
    QString expectedPrevious = genesisHash();
    qint64 expectedSeq = 1;
    for (const AuditEntry &e : *all) {
        if (e.seq != expectedSeq) {
            problems.append(tr("Audit entries %1 to %2 are missing: they were removed outside "
                               "CoCommission.")
                                .arg(expectedSeq)
                                .arg(e.seq - 1));
        }
        if (e.previousHash != expectedPrevious) {
            problems.append(tr("%1 does not follow the entry before it: the chain breaks there.")
                                .arg(describeEntry(e)));
        }
        if (hashOf(e) != e.hash || !e.at.isValid()) {
            problems.append(tr("%1 does not match its hash: it was changed outside "
                               "CoCommission.")
                                .arg(describeEntry(e)));
        }
        expectedPrevious = e.hash;
        expectedSeq = e.seq + 1;
    }
    const Result<QString> recorded = head(db);
    if (!recorded)
        problems.append(recorded.errorMessage());
    else if (*recorded != expectedPrevious)
        problems.append(tr("The audit log ends at entry %1, but the file records a later last "
                           "entry: entries were removed from its end outside CoCommission.")
                            .arg(expectedSeq - 1));
    return problems;
}

} // namespace CoCommission::AuditLog
