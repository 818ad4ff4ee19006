#include "core/store/migrations.h"

#include "core/priorities/catalogue.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
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

// Version 2: labour-market datasets imported from NOMIS: provenance, dimensions and measures,
// the rows as imported (any geography), lookups from small areas to authorities, and ratio
// indicators. Authority-level figures stay in observations, keyed by measure.
Status addLabourMarketData(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "ALTER TABLE datasets ADD COLUMN file_name TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE datasets ADD COLUMN sha256 TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE datasets ADD COLUMN row_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE datasets ADD COLUMN imported_at TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE datasets ADD COLUMN dimensions TEXT NOT NULL DEFAULT ''",
        "CREATE UNIQUE INDEX datasets_by_sha256 ON datasets(sha256) WHERE sha256 <> ''",
        "CREATE TABLE measures ("
        " key TEXT PRIMARY KEY,"
        " dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
        " label TEXT NOT NULL, dimension_values TEXT NOT NULL, position INTEGER NOT NULL)",
        // The measures of version-1 datasets were plain keys; give the demo's readable labels.
        "INSERT INTO measures (key, dataset_id, label, dimension_values, position)"
        " SELECT measure, dataset_id,"
        "  CASE measure WHEN 'population_16_64' THEN 'Population aged 16-64'"
        "   WHEN 'claimant_count' THEN 'Claimant count'"
        "   WHEN 'claimants_12_months_plus' THEN 'Claimants for 12 months or more'"
        "   WHEN 'esa_claimants' THEN 'ESA claimants' ELSE measure END,"
        "  measure, MIN(rowid) FROM observations GROUP BY dataset_id, measure",
        "UPDATE datasets SET dimensions = 'Measure' WHERE id IN (SELECT dataset_id FROM measures)",
        "CREATE TABLE geographies ("
        " id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
        " type TEXT NOT NULL)",
        // As imported, every geography; no index: it is read whole, only to re-aggregate.
        "CREATE TABLE raw_values ("
        " dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
        " series INTEGER NOT NULL, geography_id INTEGER NOT NULL, date TEXT NOT NULL,"
        " value REAL, status TEXT)",
        "CREATE TABLE lookups (child_code TEXT PRIMARY KEY, authority_code TEXT NOT NULL)",
        "CREATE TABLE ratio_indicators ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, numerator TEXT NOT NULL,"
        " denominator TEXT NOT NULL, scale REAL NOT NULL)",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    return {};
}

// Version 3: stage 2, deciding the priorities: the round's catalogue of priority groups, each
// partner's ranking per CPA, the agreed decision per CPA, and the priority places. Rounds that
// exist already get the first catalogue; a new round brings its own.
Status addPriorities(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "CREATE TABLE priority_groups ("
        " key TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,"
        " position INTEGER NOT NULL)",
        "CREATE TABLE partner_rankings ("
        " cpa_id INTEGER NOT NULL REFERENCES cpas(id) ON DELETE CASCADE,"
        " partner TEXT NOT NULL, group_order TEXT NOT NULL, PRIMARY KEY (cpa_id, partner))",
        "CREATE TABLE priority_decisions ("
        " cpa_id INTEGER PRIMARY KEY REFERENCES cpas(id) ON DELETE CASCADE,"
        " group_order TEXT NOT NULL, rationale TEXT NOT NULL, decided_at TEXT NOT NULL)",
        "CREATE TABLE priority_places ("
        " gss_code TEXT PRIMARY KEY REFERENCES authorities(gss_code),"
        " position INTEGER NOT NULL)",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    QSqlQuery existing(db);
    if (!existing.exec(QStringLiteral("SELECT COUNT(*) FROM authorities")) || !existing.next())
        return Error{existing.lastError().text()};
    if (existing.value(0).toInt() == 0)
        return {};
    int position = 0;
    for (const PriorityGroup &g : PriorityCatalogue::version1()) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO priority_groups (key, name, "
                                                "description, position) VALUES (?, ?, ?, ?)"),
                                 {g.key, g.name,
                                  g.description.isNull() ? QStringLiteral("") : g.description,
                                  position++});
            !s)
            return s;
    }
    return {};
}

// Version 4: the CPA editor and the Local Labour Market Agreements: each plan's settings
// (adjacency rule, balance indicator, minimum size), the imported boundary file, each
// partner's points for the points method of ranking, and one agreement per CPA. The ranking
// method is a meta key ("priority_method"), absent meaning Borda.
Status addPlansAndAgreements(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "ALTER TABLE cpa_plans ADD COLUMN adjacency_rule TEXT NOT NULL DEFAULT 'legal'",
        "ALTER TABLE cpa_plans ADD COLUMN balance_indicator TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE cpa_plans ADD COLUMN minimum_size REAL",
        "CREATE TABLE boundaries ("
        " id INTEGER PRIMARY KEY CHECK (id = 1), file_name TEXT NOT NULL,"
        " sha256 TEXT NOT NULL, code_property TEXT NOT NULL, imported_at TEXT NOT NULL,"
        " geojson BLOB NOT NULL)",
        "ALTER TABLE partner_rankings ADD COLUMN points TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE labour_market_agreements ("
        " cpa_id INTEGER PRIMARY KEY REFERENCES cpas(id) ON DELETE CASCADE,"
        " headline_indicators TEXT NOT NULL, narrative TEXT NOT NULL,"
        " priority_groups TEXT NOT NULL, updated_at TEXT NOT NULL)",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    return {};
}

// Version 5: stage 5, the tender: award criteria, bids with their supply chains and local
// integration evidence, the assessment panel, declarations of interest, individual and
// moderated scores, criteria changes made after bids were opened, and award signatures. The
// round gains a stable identity (meta "round_uuid") that assessor packs carry. Bids and award
// signatures refer to CPAs without a cascade: a CPA with bids cannot be deleted.
Status addTender(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "CREATE TABLE criteria ("
        " id TEXT PRIMARY KEY, parent_id TEXT NOT NULL, name TEXT NOT NULL,"
        " weight REAL NOT NULL, type TEXT NOT NULL, max_score INTEGER NOT NULL,"
        " descriptors TEXT NOT NULL, position INTEGER NOT NULL)",
        "CREATE TABLE criteria_changes ("
        " id INTEGER PRIMARY KEY, changed_at TEXT NOT NULL, actor TEXT NOT NULL,"
        " reason TEXT NOT NULL, summary TEXT NOT NULL)",
        "CREATE TABLE bids ("
        " id TEXT PRIMARY KEY, bidder TEXT NOT NULL, cpa_id INTEGER NOT NULL REFERENCES cpas(id),"
        " price REAL NOT NULL, integration_plan TEXT NOT NULL, position INTEGER NOT NULL)",
        "CREATE TABLE subcontractors ("
        " bid_id TEXT NOT NULL REFERENCES bids(id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, name TEXT NOT NULL, sector TEXT NOT NULL,"
        " sme INTEGER NOT NULL, specialisms TEXT NOT NULL, PRIMARY KEY (bid_id, position))",
        "CREATE TABLE integration_evidence ("
        " bid_id TEXT NOT NULL REFERENCES bids(id) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, service TEXT NOT NULL, strength TEXT NOT NULL,"
        " note TEXT NOT NULL, PRIMARY KEY (bid_id, position))",
        "CREATE TABLE assessors ("
        " name TEXT PRIMARY KEY, organisation TEXT NOT NULL, role TEXT NOT NULL,"
        " position INTEGER NOT NULL)",
        "CREATE TABLE conflict_declarations ("
        " assessor TEXT NOT NULL, bidder TEXT NOT NULL, conflicted INTEGER NOT NULL,"
        " note TEXT NOT NULL, declared_at TEXT NOT NULL, PRIMARY KEY (assessor, bidder))",
        "CREATE TABLE individual_scores ("
        " assessor TEXT NOT NULL, bid_id TEXT NOT NULL, criterion_id TEXT NOT NULL,"
        " score REAL NOT NULL, comment TEXT NOT NULL, scored_at TEXT NOT NULL,"
        " PRIMARY KEY (assessor, bid_id, criterion_id))",
        "CREATE TABLE consensus_scores ("
        " bid_id TEXT NOT NULL, criterion_id TEXT NOT NULL, score REAL NOT NULL,"
        " rationale TEXT NOT NULL, agreed_at TEXT NOT NULL, PRIMARY KEY (bid_id, criterion_id))",
        "CREATE TABLE award_signatures ("
        " id INTEGER PRIMARY KEY, cpa_id INTEGER NOT NULL REFERENCES cpas(id),"
        " party TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, rationale TEXT NOT NULL,"
        " winner TEXT NOT NULL, signed_at TEXT NOT NULL, UNIQUE (cpa_id, party))",
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('round_uuid', lower(hex(randomblob(16))))",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    return {};
}

// Version 6: stages 3 and 4, the design of services (minimum service standards, directive
// conditions, eligibility and referral, payment groups, referral volumes, payment scenarios
// with their tariffs, local contributions) and the structure of supply (provider register,
// market engagement milestones, timeline rules). Each is small and written whole, so rows are
// keyed by position. CPA ids are plain numbers: RoundDocument keeps a CPA the design names
// from being removed.
Status addDesignAndSupply(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "CREATE TABLE service_standards ("
        " position INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
        " description TEXT NOT NULL, target REAL NOT NULL, unit TEXT NOT NULL,"
        " direction TEXT NOT NULL)",
        "CREATE TABLE directive_conditions ("
        " position INTEGER PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL,"
        " cpa_id INTEGER NOT NULL, minimum_percent REAL NOT NULL, note TEXT NOT NULL)",
        "CREATE TABLE eligibility_rules ("
        " position INTEGER PRIMARY KEY, category TEXT NOT NULL, text TEXT NOT NULL)",
        "CREATE TABLE referral_routes ("
        " position INTEGER PRIMARY KEY, source TEXT NOT NULL, description TEXT NOT NULL)",
        "CREATE TABLE payment_groups ("
        " position INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
        " measure TEXT NOT NULL, eligible_share REAL NOT NULL, take_up REAL NOT NULL)",
        "CREATE TABLE referral_volumes ("
        " position INTEGER PRIMARY KEY, group_key TEXT NOT NULL, cpa_id INTEGER NOT NULL,"
        " referrals_per_year REAL NOT NULL, UNIQUE (group_key, cpa_id))",
        "CREATE TABLE payment_scenarios ("
        " position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
        " contract_years INTEGER NOT NULL, months_to_job INTEGER NOT NULL,"
        " payment_lag_months INTEGER NOT NULL, rate_uncertainty REAL NOT NULL,"
        " volume_uncertainty REAL NOT NULL, seed INTEGER NOT NULL, draws INTEGER NOT NULL,"
        " bonus_per_extra_job REAL NOT NULL, agent_bonus_percent REAL NOT NULL,"
        " benefit_saving REAL NOT NULL, savings_returned_percent REAL NOT NULL,"
        " liability_percent REAL NOT NULL)",
        "CREATE TABLE group_tariffs ("
        " scenario_position INTEGER NOT NULL"
        "  REFERENCES payment_scenarios(position) ON DELETE CASCADE,"
        " position INTEGER NOT NULL, group_key TEXT NOT NULL, cpa_id INTEGER NOT NULL,"
        " attachment_fee REAL NOT NULL, job_outcome_payment REAL NOT NULL,"
        " sustainment_payment REAL NOT NULL, sustainment_payments INTEGER NOT NULL,"
        " sustainment_interval_months INTEGER NOT NULL, job_outcome_rate REAL NOT NULL,"
        " sustainment_rate REAL NOT NULL, delivery_cost REAL NOT NULL,"
        " PRIMARY KEY (scenario_position, position))",
        "CREATE TABLE local_contributions ("
        " position INTEGER PRIMARY KEY, authority TEXT NOT NULL REFERENCES authorities(gss_code),"
        " service TEXT NOT NULL, form TEXT NOT NULL, value_per_year REAL NOT NULL,"
        " status TEXT NOT NULL, note TEXT NOT NULL)",
        "CREATE TABLE providers ("
        " position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
        " sector TEXT NOT NULL, sme INTEGER NOT NULL, specialisms TEXT NOT NULL,"
        " areas TEXT NOT NULL, contact TEXT NOT NULL)",
        "CREATE TABLE milestones ("
        " position INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
        " start_date TEXT NOT NULL, end_date TEXT NOT NULL)",
        "CREATE TABLE timeline_rules ("
        " position INTEGER PRIMARY KEY, from_kind TEXT NOT NULL, to_kind TEXT NOT NULL,"
        " minimum_days INTEGER NOT NULL)",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    return {};
}

// Version 7: stage 6, monitoring. The programme board (members, meetings, the actions and
// issues log, reports to the DWP contract manager) and the contract profile are small or
// derived and written whole; performance returns are only ever added, so that a correction
// supersedes a figure without overwriting it. Settings (quorum, RAG thresholds, the contract
// period, illustrative flags) live in meta.
Status addMonitoring(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "CREATE TABLE board_members ("
        " position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
        " role TEXT NOT NULL, organisation TEXT NOT NULL, voting INTEGER NOT NULL)",
        "CREATE TABLE board_meetings ("
        " position INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, meeting_date TEXT NOT NULL,"
        " title TEXT NOT NULL, attendees TEXT NOT NULL, notes TEXT NOT NULL)",
        "CREATE TABLE board_actions ("
        " position INTEGER PRIMARY KEY, id INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL,"
        " text TEXT NOT NULL, meeting INTEGER NOT NULL, owner TEXT NOT NULL, due TEXT NOT NULL,"
        " status TEXT NOT NULL, note TEXT NOT NULL)",
        "CREATE TABLE dwp_reports ("
        " position INTEGER PRIMARY KEY, period TEXT NOT NULL UNIQUE,"
        " local_integration TEXT NOT NULL, local_priorities TEXT NOT NULL,"
        " best_practice TEXT NOT NULL, operational_delivery TEXT NOT NULL)",
        "CREATE TABLE profile_figures ("
        " position INTEGER PRIMARY KEY, period TEXT NOT NULL, cpa_id INTEGER NOT NULL,"
        " group_key TEXT NOT NULL, measure TEXT NOT NULL, value REAL NOT NULL,"
        " UNIQUE (period, cpa_id, group_key, measure))",
        "CREATE TABLE performance_returns ("
        " id INTEGER PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL,"
        " received_at TEXT NOT NULL, note TEXT NOT NULL, illustrative INTEGER NOT NULL)",
        "CREATE TABLE return_figures ("
        " return_id INTEGER NOT NULL REFERENCES performance_returns(id),"
        " position INTEGER NOT NULL, period TEXT NOT NULL, cpa_id INTEGER NOT NULL,"
        " group_key TEXT NOT NULL, measure TEXT NOT NULL, value REAL NOT NULL,"
        " PRIMARY KEY (return_id, position), UNIQUE (return_id, period, cpa_id, group_key,"
        " measure))",
        "CREATE TABLE return_standards ("
        " return_id INTEGER NOT NULL REFERENCES performance_returns(id),"
        " position INTEGER NOT NULL, period TEXT NOT NULL, cpa_id INTEGER NOT NULL,"
        " standard TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (return_id, position),"
        " UNIQUE (return_id, period, cpa_id, standard))",
    };
    for (const char *statement : statements) {
        if (Status s = Sql::exec(db, QString::fromLatin1(statement)); !s)
            return s;
    }
    return {};
}

// Version 8: board papers. What the officer writes for a paper (the header block, the texts,
// the recommendations, the exempt sections and the disclosure rule), one row per paper; lists
// are JSON arrays, since a recommendation may run over several lines.
Status addBoardPapers(QSqlDatabase &db)
{
    return Sql::exec(
        db, QStringLiteral(
                "CREATE TABLE board_papers ("
                " id INTEGER PRIMARY KEY, meeting TEXT NOT NULL, stages TEXT NOT NULL,"
                " board TEXT NOT NULL, item_number TEXT NOT NULL, title TEXT NOT NULL,"
                " report_by TEXT NOT NULL, job_title TEXT NOT NULL,"
                " contact_officer TEXT NOT NULL, email TEXT NOT NULL, telephone TEXT NOT NULL,"
                " not_for_publication INTEGER NOT NULL, summary TEXT NOT NULL,"
                " recommendations TEXT NOT NULL, background TEXT NOT NULL,"
                " options TEXT NOT NULL, financial TEXT NOT NULL, legal TEXT NOT NULL,"
                " equalities TEXT NOT NULL, background_papers TEXT NOT NULL,"
                " exempt_sections TEXT NOT NULL, disclosure_threshold INTEGER NOT NULL,"
                " disclosure_rounding INTEGER NOT NULL, disclosure_enabled INTEGER NOT NULL,"
                " updated_at TEXT NOT NULL)"));
}

} // namespace

const QList<Migration> &schemaSteps()
{
    static const QList<Migration> steps = {
        {1, QStringLiteral("first schema"), createVersion1},
        {2, QStringLiteral("labour-market data"), addLabourMarketData},
        {3, QStringLiteral("priorities"), addPriorities},
        {4, QStringLiteral("CPA plans and labour market agreements"), addPlansAndAgreements},
        {5, QStringLiteral("the tender and its evaluation"), addTender},
        {6, QStringLiteral("service design and supply"), addDesignAndSupply},
        {7, QStringLiteral("monitoring"), addMonitoring},
        {8, QStringLiteral("board papers"), addBoardPapers},
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
