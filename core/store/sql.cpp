#include "core/store/sql.h"

namespace CoCommission::Sql {

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
