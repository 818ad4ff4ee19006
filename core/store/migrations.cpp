#include "core/store/migrations.h"

#include "core/store/sql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace CoCommission::Migrations {

namespace {

// Version 1: the first schema. Kept as released: tests/data/store/schema1.cocom was made by it.
Status createVersion1(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE authorities ("
        " gss_code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL)",
        "CREATE TABLE partnerships ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, lead_authority TEXT,"
        " position INTEGER NOT NULL)",
        "CREATE TABLE partnership_members ("
        " partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,"
        " gss_code TEXT NOT NULL REFERENCES authorities(gss_code),"
        " position INTEGER NOT NULL, PRIMARY KEY (partnership_id, gss_code))",
        "CREATE TABLE cpa_plans ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL, adopted INTEGER NOT NULL DEFAULT 0,"
        " position INTEGER NOT NULL)",
        "CREATE UNIQUE INDEX one_adopted_plan ON cpa_plans(adopted) WHERE adopted = 1",
        "CREATE TABLE cpas ("
        " id INTEGER PRIMARY KEY,"
        " plan_id INTEGER NOT NULL REFERENCES cpa_plans(id) ON DELETE CASCADE,"
        " name TEXT NOT NULL, colour TEXT NOT NULL, position INTEGER NOT NULL)",
        "CREATE TABLE cpa_members ("
        " cpa_id INTEGER NOT NULL REFERENCES cpas(id) ON DELETE CASCADE,"
        " gss_code TEXT NOT NULL REFERENCES authorities(gss_code),"
        " position INTEGER NOT NULL, PRIMARY KEY (cpa_id, gss_code))",
        "CREATE TABLE stages (stage TEXT PRIMARY KEY, status TEXT NOT NULL)",
        "CREATE TABLE snapshots ("
        " id INTEGER PRIMARY KEY, stage TEXT NOT NULL, created_at TEXT NOT NULL,"
        " format_version INTEGER NOT NULL, archive BLOB NOT NULL, sha256 TEXT NOT NULL)",
        "CREATE TABLE sign_offs ("
        " id INTEGER PRIMARY KEY, stage TEXT NOT NULL, party TEXT NOT NULL,"
        " name TEXT NOT NULL, role TEXT NOT NULL, rationale TEXT NOT NULL,"
        " signed_at TEXT NOT NULL,"
        " snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),"
        " UNIQUE (stage, party))",
        "CREATE TABLE datasets ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL, source TEXT NOT NULL,"
        " illustrative INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL)",
        "CREATE TABLE observations ("
        " dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
        " gss_code TEXT NOT NULL, measure TEXT NOT NULL, date TEXT NOT NULL,"
        " value REAL NOT NULL, PRIMARY KEY (dataset_id, gss_code, measure, date))",
        "CREATE TABLE audit_log ("
        " seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,"
        " action TEXT NOT NULL, subject TEXT NOT NULL, before TEXT NOT NULL,"
        " after TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    return Sql::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
}

} // namespace

const QList<Migration> &schemaSteps()
{
    static const QList<Migration> steps = {
        {1, QStringLiteral("first schema"), createVersion1},
    };
    return steps;
}

int latestVersion()
{
    return schemaSteps().constLast().toVersion;
}

Status run(QSqlDatabase &db, int fromVersion, const QList<Migration> &steps)
{
    for (const Migration &step : steps) {
        if (step.toVersion <= fromVersion)
            continue;
        if (!db.transaction())
            return Error{Sql::describe(
                db, QCoreApplication::translate("CoCommission::Migrations",
                                                "Could not start the upgrade to file format %1")
                        .arg(step.toVersion))};
        Status s = step.apply(db);
        if (s)
            s = Sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step.toVersion));
        if (!s || !db.commit()) {
            const QString detail = s ? db.lastError().text() : s.errorMessage();
            db.rollback();
            return Error{
                QCoreApplication::translate("CoCommission::Migrations",
                                            "Upgrading the file to format %1 (%2) failed: %3")
                    .arg(step.toVersion)
                    .arg(step.description, detail)};
        }
    }
    return {};
}

} // namespace CoCommission::Migrations
