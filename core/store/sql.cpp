#include "core/store/sql.h"

#include <QCoreApplication>

namespace CoCommission::Sql {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::Sql", text);
}
} // namespace

Error readError(const QSqlQuery &query, const QString &what)
{
    return Error{describe(query, tr("Could not read the %1").arg(what))};
}

Error damaged(const QString &what, const QString &value)
{
    return Error{tr("The %1 holds \"%2\", a value this version does not know; the file may "
                    "have been altered outside CoCommission.")
                     .arg(what, value)};
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("");
}

Result<QString> meta(QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return readError(q, key);
    return q.next() ? q.value(0).toString() : QStringLiteral("");
}

QString describe(const QSqlDatabase &db, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, db.lastError().text());
}

QString describe(const QSqlQuery &query, const QString &what)
{
    return QStringLiteral("%1: %2").arg(what, query.lastError().text());
}

Status exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Error{describe(query, statement.section(QLatin1Char(' '), 0, 2))};
    return {};
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString joinLines(const QStringList &list)
{
    return list.isEmpty() ? QStringLiteral("") : list.join(QLatin1Char('\n'));
}

QStringList splitLines(const QString &value)
{
    return value.isEmpty() ? QStringList() : value.split(QLatin1Char('\n'));
}

static bool run(QSqlQuery &query, const QString &statement, std::initializer_list<QVariant> values)
{
    if (!query.prepare(statement))
        return false;
    for (const QVariant &v : values)
        query.addBindValue(v);
    return query.exec();
}

Status exec(QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> values)
{
    QSqlQuery query(db);
    if (!run(query, statement, values))
        return Error{describe(query, statement.section(QLatin1Char(' '), 0, 2))};
    return {};
}

Result<qint64> insert(QSqlDatabase &db, const QString &statement,
                      std::initializer_list<QVariant> values)
{
    QSqlQuery query(db);
    if (!run(query, statement, values))
        return Error{describe(query, statement.section(QLatin1Char(' '), 0, 2))};
    return query.lastInsertId().toLongLong();
}

} // namespace CoCommission::Sql
