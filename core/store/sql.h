#pragma once

#include "core/common/result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>

namespace CoCommission::Sql {

/** "<what>: <driver message>", for errors that name what was being done. */
QString describe(const QSqlDatabase &db, const QString &what);
QString describe(const QSqlQuery &query, const QString &what);

/** Executes one statement without parameters. */
Status exec(QSqlDatabase &db, const QString &statement);

/** Prepares \a statement, binds \a values positionally and executes it. */
Status exec(QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> values);

/** Text columns are NOT NULL: a null QString would bind as NULL, so this binds "" instead. */
QString text(const QString &value);
/** A list of strings as one text column, one per line ("" for none). */
QString joinLines(const QStringList &list);
QStringList splitLines(const QString &value);

/** "Could not read the <what>: <driver message>". */
Error readError(const QSqlQuery &query, const QString &what);
/** A stored value this version does not know: the file was altered outside CoCommission. */
Error damaged(const QString &what, const QString &value);
/** yyyy-MM-dd, or "" for an invalid date (text columns are NOT NULL). */
QString isoDate(const QDate &date);
/** The value stored under \a key in the meta table, or "" when there is none. */
Result<QString> meta(QSqlDatabase &db, const QString &key);

/** Like exec(), returning the new row's id. */
Result<qint64> insert(QSqlDatabase &db, const QString &statement,
                      std::initializer_list<QVariant> values);

} // namespace CoCommission::Sql
