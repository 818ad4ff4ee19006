#include "core/store/roundstore.h"

#include "core/store/designstore.h"
#include "core/store/monitoringstore.h"
#include "core/store/paperstore.h"
#include "core/store/sql.h"
#include "core/store/tenderstore.h"

#include <QCoreApplication>
#include <QUuid>

namespace CoCommission::RoundStore {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CoCommission::RoundStore", text, disambiguation, n);
}

QString timestamp(const QDateTime &at)
{
    // No time is stored as empty text: a null QString would bind as NULL.
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime fromTimestamp(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

Error readError(const QSqlQuery &query, const QString &what)
{
    return Error{Sql::describe(query, tr("Could not read the %1 of the round").arg(what))};
}

} // namespace

Status setMeta(QSqlDatabase &db, const QString &key, const QString &value)
{
    // A null QString binds as SQL NULL, which meta.value refuses: store empty text instead.
    return Sql::exec(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                     {key, value.isNull() ? QStringLiteral("") : value});
}

using Sql::joinLines;
using Sql::splitLines;

Result<qint64> insertDataset(QSqlDatabase &db, NeedsDataset &d)
{
    QSqlQuery count(db);
    if (!count.exec(QStringLiteral("SELECT COALESCE(MAX(position), -1) + 1 FROM datasets")) ||
        !count.next())
        return Error{Sql::describe(count, tr("Could not store the figures"))};
    // An id given is kept (a redo restores the dataset it undid); 0 lets SQLite choose.
    const Result<qint64> id = Sql::insert(
        db,
        QStringLiteral("INSERT INTO datasets (id, name, source, illustrative, position, file_name, "
                       "sha256, row_count, imported_at, dimensions) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {d.id > 0 ? QVariant(d.id) : QVariant(QMetaType::fromType<qint64>()), d.name, d.source,
         d.illustrative ? 1 : 0, count.value(0),
         d.fileName.isNull() ? QStringLiteral("") : d.fileName,
         d.sha256.isNull() ? QStringLiteral("") : d.sha256, d.rowCount,
         d.importedAt.isValid() ? timestamp(d.importedAt) : QStringLiteral(""),
         joinLines(d.dimensions)});
    if (!id)
        return id.error();
    d.id = *id;
    if (Status r = insertMeasures(db, d.id, d.measures); !r)
        return r.error();
    return id;
}

Status insertMeasures(QSqlDatabase &db, qint64 datasetId, const QList<Measure> &measures)
{
    int position = 0;
    for (const Measure &m : measures) {
        if (Status r =
                Sql::exec(db,
                          QStringLiteral("INSERT INTO measures (key, dataset_id, label, "
                                         "dimension_values, position) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                          {m.key, datasetId, m.label, joinLines(m.dimensionValues), position++});
            !r)
            return r;
    }
    return {};
}

Status insertObservations(QSqlDatabase &db, qint64 datasetId,
                          const QList<Observation> &observations)
{
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO observations (dataset_id, gss_code, measure, "
                                  "date, value) VALUES (?, ?, ?, ?, ?)"));
    for (const Observation &o : observations) {
        insert.bindValue(0, datasetId);
        insert.bindValue(1, o.gssCode);
        insert.bindValue(2, o.measure);
        insert.bindValue(3, o.date);
        insert.bindValue(4, o.value);
        if (!insert.exec())
            return Error{Sql::describe(insert, tr("Could not store the figures"))};
    }
    return {};
}

Result<qint64> insertRatio(QSqlDatabase &db, const RatioIndicator &ratio)
{
    return Sql::insert(db,
                       QStringLiteral("INSERT INTO ratio_indicators (id, name, numerator, "
                                      "denominator, scale) VALUES (?, ?, ?, ?, ?)"),
                       {ratio.id > 0 ? QVariant(ratio.id) : QVariant(QMetaType::fromType<qint64>()),
                        ratio.name, ratio.numerator, ratio.denominator, ratio.scale});
}

static QString joinNumbers(const QList<double> &numbers)
{
    QStringList parts;
    parts.reserve(numbers.size());
    for (double n : numbers)
        parts.append(QString::number(n, 'g', 17));
    return joinLines(parts);
}

static std::optional<QList<double>> splitNumbers(const QString &text)
{
    QList<double> numbers;
    for (const QString &part : splitLines(text)) {
        bool ok = false;
        numbers.append(part.toDouble(&ok));
        if (!ok)
            return std::nullopt;
    }
    return numbers;
}

static QVariant optionalNumber(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

static QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

Status insertPlan(QSqlDatabase &db, CpaPlan &plan, int position)
{
    const Result<qint64> planId =
        Sql::insert(db,
                    QStringLiteral("INSERT INTO cpa_plans (id, name, adopted, position, "
                                   "adjacency_rule, balance_indicator, minimum_size) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {idOrNull(plan.id.value()), plan.name, plan.adopted ? 1 : 0, position,
                     adjacencyRuleKey(plan.rule),
                     plan.balanceIndicator.isNull() ? QStringLiteral("") : plan.balanceIndicator,
                     optionalNumber(plan.minimumSize)});
    if (!planId)
        return planId.error();
    plan.id = PlanId(*planId);
    int cpaPosition = 0;
    for (Cpa &cpa : plan.cpas) {
        if (Status s = insertCpa(db, plan.id, cpa, cpaPosition++); !s)
            return s;
    }
    return {};
}

Status insertCpa(QSqlDatabase &db, PlanId plan, Cpa &cpa, int position)
{
    const Result<qint64> cpaId =
        Sql::insert(db,
                    QStringLiteral("INSERT INTO cpas (id, plan_id, name, colour, position) "
                                   "VALUES (?, ?, ?, ?, ?)"),
                    {idOrNull(cpa.id.value()), plan.value(), cpa.name, cpa.colour, position});
    if (!cpaId)
        return cpaId.error();
    cpa.id = CpaId(*cpaId);
    return setCpaMembers(db, cpa.id, cpa.members);
}

Status setCpaMembers(QSqlDatabase &db, CpaId cpa, const QStringList &members)
{
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM cpa_members WHERE cpa_id = ?"),
                             {cpa.value()});
        !s)
        return s;
    int position = 0;
    for (const QString &code : members) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO cpa_members (cpa_id, gss_code, "
                                                "position) VALUES (?, ?, ?)"),
                                 {cpa.value(), code, position++});
            !s)
            return s;
    }
    return {};
}

Status updateCpa(QSqlDatabase &db, const Cpa &cpa, int position)
{
    return Sql::exec(
        db, QStringLiteral("UPDATE cpas SET name = ?, colour = ?, position = ? WHERE id = ?"),
        {cpa.name, cpa.colour, position, cpa.id.value()});
}

Status removeCpa(QSqlDatabase &db, CpaId cpa)
{
    return Sql::exec(db, QStringLiteral("DELETE FROM cpas WHERE id = ?"), {cpa.value()});
}

Status renamePlan(QSqlDatabase &db, PlanId plan, const QString &name)
{
    return Sql::exec(db, QStringLiteral("UPDATE cpa_plans SET name = ? WHERE id = ?"),
                     {name, plan.value()});
}

Status removePlan(QSqlDatabase &db, PlanId plan)
{
    return Sql::exec(db, QStringLiteral("DELETE FROM cpa_plans WHERE id = ?"), {plan.value()});
}

Status setPlanOrder(QSqlDatabase &db, const QList<CpaPlan> &plans)
{
    for (qsizetype i = 0; i < plans.size(); ++i) {
        if (Status s =
                Sql::exec(db, QStringLiteral("UPDATE cpa_plans SET position = ? WHERE id = ?"),
                          {int(i), plans[i].id.value()});
            !s)
            return s;
    }
    return {};
}

Status setCpaOrder(QSqlDatabase &db, const CpaPlan &plan)
{
    for (qsizetype i = 0; i < plan.cpas.size(); ++i) {
        if (Status s = Sql::exec(db, QStringLiteral("UPDATE cpas SET position = ? WHERE id = ?"),
                                 {int(i), plan.cpas[i].id.value()});
            !s)
            return s;
    }
    return {};
}

Status setPlanSettings(QSqlDatabase &db, const CpaPlan &plan)
{
    return Sql::exec(db,
                     QStringLiteral("UPDATE cpa_plans SET adjacency_rule = ?, "
                                    "balance_indicator = ?, minimum_size = ? WHERE id = ?"),
                     {adjacencyRuleKey(plan.rule),
                      plan.balanceIndicator.isNull() ? QStringLiteral("") : plan.balanceIndicator,
                      optionalNumber(plan.minimumSize), plan.id.value()});
}

Status setBoundaries(QSqlDatabase &db, const BoundaryFile &boundaries)
{
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM boundaries"));
        !s || boundaries.isEmpty())
        return s;
    return Sql::exec(db,
                     QStringLiteral("INSERT INTO boundaries (id, file_name, sha256, code_property, "
                                    "imported_at, geojson) VALUES (1, ?, ?, ?, ?, ?)"),
                     {boundaries.fileName, boundaries.sha256, boundaries.codeProperty,
                      timestamp(boundaries.importedAt), boundaries.geoJson});
}

Status setAgreement(QSqlDatabase &db, CpaId cpa, const LabourMarketAgreement *agreement)
{
    if (!agreement)
        return Sql::exec(db,
                         QStringLiteral("DELETE FROM labour_market_agreements WHERE cpa_id = ?"),
                         {cpa.value()});
    return Sql::exec(db,
                     QStringLiteral("INSERT OR REPLACE INTO labour_market_agreements (cpa_id, "
                                    "headline_indicators, narrative, priority_groups, "
                                    "updated_at) VALUES (?, ?, ?, ?, ?)"),
                     {cpa.value(), joinLines(agreement->headlineIndicators),
                      agreement->narrative.isNull() ? QStringLiteral("") : agreement->narrative,
                      joinLines(agreement->priorityGroups), timestamp(agreement->updatedAt)});
}

Status setPriorityGroups(QSqlDatabase &db, const QList<PriorityGroup> &groups)
{
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM priority_groups")); !s)
        return s;
    int position = 0;
    for (const PriorityGroup &g : groups) {
        if (Status r = Sql::exec(db,
                                 QStringLiteral("INSERT INTO priority_groups (key, name, "
                                                "description, position) VALUES (?, ?, ?, ?)"),
                                 {g.key, g.name,
                                  g.description.isNull() ? QStringLiteral("") : g.description,
                                  position++});
            !r)
            return r;
    }
    return {};
}

Status setPriorityMethod(QSqlDatabase &db, RankingMethod method)
{
    return setMeta(db, QStringLiteral("priority_method"), rankingMethodKey(method));
}

Status insertRound(QSqlDatabase &db, Round &round)
{
    if (round.uuid.isEmpty())
        round.uuid = QUuid::createUuid().toString(QUuid::Id128);
    Status s = setMeta(db, QStringLiteral("round_uuid"), round.uuid);
    if (s)
        s = setMeta(db, QStringLiteral("title"), round.title);
    if (s)
        s = setMeta(db, QStringLiteral("programme"), round.programme);
    if (s)
        s = setMeta(db, QStringLiteral("model"), QString::number(modelNumber(round.model)));
    if (s)
        s = setMeta(db, QStringLiteral("created_at"), timestamp(round.createdAt));
    if (!s)
        return s;

    int position = 0;
    for (const Authority &a : round.authorities) {
        if (Status r = Sql::exec(db,
                                 QStringLiteral("INSERT INTO authorities (gss_code, name, "
                                                "position) VALUES (?, ?, ?)"),
                                 {a.gssCode, a.name, position++});
            !r)
            return r;
    }
    position = 0;
    for (Partnership &p : round.partnerships) {
        const Result<qint64> id = Sql::insert(
            db,
            QStringLiteral(
                "INSERT INTO partnerships (name, lead_authority, position) VALUES (?, ?, ?)"),
            {p.name, p.leadAuthority.isEmpty() ? QVariant() : QVariant(p.leadAuthority),
             position++});
        if (!id)
            return id.error();
        p.id = PartnershipId(*id);
        int member = 0;
        for (const QString &code : p.members) {
            if (Status r = Sql::exec(db,
                                     QStringLiteral("INSERT INTO partnership_members "
                                                    "(partnership_id, gss_code, position) "
                                                    "VALUES (?, ?, ?)"),
                                     {*id, code, member++});
                !r)
                return r;
        }
    }
    position = 0;
    for (CpaPlan &plan : round.plans) {
        if (Status r = insertPlan(db, plan, position++); !r)
            return r;
    }
    for (StageId stage : kAllStages) {
        if (Status r =
                Sql::exec(db, QStringLiteral("INSERT INTO stages (stage, status) VALUES (?, ?)"),
                          {stageKey(stage), statusKey(round.stage(stage).status)});
            !r)
            return r;
    }
    for (NeedsDataset &d : round.datasets) {
        const Result<qint64> id = insertDataset(db, d);
        if (!id)
            return id.error();
        if (Status r = insertObservations(db, *id, d.observations); !r)
            return r;
    }
    if (Status r = setPriorityGroups(db, round.priorityGroups); !r)
        return r;
    for (RatioIndicator &ratio : round.ratios) {
        const Result<qint64> id = insertRatio(db, ratio);
        if (!id)
            return id.error();
        ratio.id = *id;
    }
    for (const PartnerRankingRecord &r : round.rankings) {
        if (Status s = setPartnerRanking(db, r, false); !s)
            return s;
    }
    for (const PriorityDecision &d : round.decisions) {
        if (Status s = setPriorityDecision(db, d.cpa, &d); !s)
            return s;
    }
    if (Status s = setPriorityPlaces(db, round.priorityPlaces); !s)
        return s;
    for (const LabourMarketAgreement &a : round.agreements) {
        if (Status s = setAgreement(db, a.cpa, &a); !s)
            return s;
    }
    if (round.priorityMethod != RankingMethod::Borda) {
        if (Status r = setPriorityMethod(db, round.priorityMethod); !r)
            return r;
    }
    if (Status r = setBoundaries(db, round.boundaries); !r)
        return r;
    if (Status r = DesignStore::replaceDesign(db, round.design); !r)
        return r;
    if (Status r = DesignStore::replaceSupply(db, round.supply); !r)
        return r;
    if (Status r = MonitoringStore::insertAll(db, round.monitoring); !r)
        return r;
    if (Status r = PaperStore::insertAll(db, round.papers); !r)
        return r;
    if (Status r = TenderStore::replace(db, round.tender); !r)
        return r;
    for (const CriteriaChange &change : round.tender.criteriaChanges) {
        if (Status r = TenderStore::insertCriteriaChange(db, change); !r)
            return r;
    }
    for (const AwardSignature &signature : round.tender.awardSignatures) {
        if (Status r = TenderStore::insertAwardSignature(db, signature); !r)
            return r;
    }
    return {};
}

Result<Round> load(QSqlDatabase &db)
{
    Round round;
    QSqlQuery q(db);

    if (!q.exec(QStringLiteral("SELECT key, value FROM meta")))
        return readError(q, tr("settings"));
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == QLatin1String("title"))
            round.title = value;
        else if (key == QLatin1String("round_uuid"))
            round.uuid = value;
        else if (key == QLatin1String("programme"))
            round.programme = value;
        else if (key == QLatin1String("created_at"))
            round.createdAt = fromTimestamp(value);
        else if (key == QLatin1String("priority_method")) {
            const auto method = rankingMethodFromKey(value);
            if (!method)
                return Error{tr("The round records an unknown ranking method (%1).").arg(value)};
            round.priorityMethod = *method;
        } else if (key == QLatin1String("model")) {
            const auto model = modelFromNumber(value.toInt());
            if (!model)
                return Error{tr("The round records an unknown devolution model (%1).").arg(value)};
            round.model = *model;
        }
    }

    if (!q.exec(QStringLiteral("SELECT gss_code, name FROM authorities ORDER BY position")))
        return readError(q, tr("authorities"));
    while (q.next())
        round.authorities.append({q.value(0).toString(), q.value(1).toString()});

    if (!q.exec(QStringLiteral("SELECT id, name, COALESCE(lead_authority, '') FROM partnerships "
                               "ORDER BY position")))
        return readError(q, tr("partnerships"));
    while (q.next()) {
        Partnership p;
        p.id = PartnershipId(q.value(0).toLongLong());
        p.name = q.value(1).toString();
        p.leadAuthority = q.value(2).toString();
        round.partnerships.append(p);
    }
    if (!q.exec(QStringLiteral("SELECT partnership_id, gss_code FROM partnership_members "
                               "ORDER BY partnership_id, position")))
        return readError(q, tr("partnerships"));
    while (q.next()) {
        const PartnershipId id(q.value(0).toLongLong());
        for (Partnership &p : round.partnerships) {
            if (p.id == id)
                p.members.append(q.value(1).toString());
        }
    }

    if (!q.exec(QStringLiteral("SELECT id, name, adopted, adjacency_rule, balance_indicator, "
                               "minimum_size FROM cpa_plans ORDER BY position")))
        return readError(q, tr("CPA plans"));
    while (q.next()) {
        CpaPlan plan;
        plan.id = PlanId(q.value(0).toLongLong());
        plan.name = q.value(1).toString();
        plan.adopted = q.value(2).toInt() != 0;
        const auto rule = adjacencyRuleFromKey(q.value(3).toString());
        if (!rule)
            return Error{tr("CPA plan \"%1\" records an unknown adjacency rule (%2).")
                             .arg(plan.name, q.value(3).toString())};
        plan.rule = *rule;
        plan.balanceIndicator = q.value(4).toString();
        if (!q.value(5).isNull())
            plan.minimumSize = q.value(5).toDouble();
        round.plans.append(plan);
    }
    if (!q.exec(QStringLiteral("SELECT id, plan_id, name, colour FROM cpas "
                               "ORDER BY plan_id, position")))
        return readError(q, tr("CPAs"));
    while (q.next()) {
        Cpa cpa;
        cpa.id = CpaId(q.value(0).toLongLong());
        cpa.name = q.value(2).toString();
        cpa.colour = q.value(3).toString();
        const PlanId planId(q.value(1).toLongLong());
        for (CpaPlan &plan : round.plans) {
            if (plan.id == planId)
                plan.cpas.append(cpa);
        }
    }
    if (!q.exec(QStringLiteral("SELECT cpa_id, gss_code FROM cpa_members "
                               "ORDER BY cpa_id, position")))
        return readError(q, tr("CPAs"));
    while (q.next()) {
        const CpaId id(q.value(0).toLongLong());
        for (CpaPlan &plan : round.plans) {
            for (Cpa &cpa : plan.cpas) {
                if (cpa.id == id)
                    cpa.members.append(q.value(1).toString());
            }
        }
    }

    if (!q.exec(QStringLiteral("SELECT stage, status FROM stages")))
        return readError(q, tr("stages"));
    while (q.next()) {
        const auto stage = stageFromKey(q.value(0).toString());
        const auto status = statusFromKey(q.value(1).toString());
        if (!stage || !status)
            return Error{tr("The round records an unknown stage or status (%1: %2).")
                             .arg(q.value(0).toString(), q.value(1).toString())};
        round.stage(*stage).status = *status;
    }

    if (!q.exec(QStringLiteral("SELECT s.id, s.stage, s.party, s.name, s.role, s.rationale, "
                               "s.signed_at, s.snapshot_id, COALESCE(n.sha256, '') "
                               "FROM sign_offs s LEFT JOIN snapshots n ON n.id = s.snapshot_id "
                               "ORDER BY s.id")))
        return readError(q, tr("sign-offs"));
    while (q.next()) {
        SignOff s;
        s.id = SignOffId(q.value(0).toLongLong());
        const auto stage = stageFromKey(q.value(1).toString());
        const auto party = partyFromKey(q.value(2).toString());
        if (!stage || !party)
            return Error{tr("Sign-off %1 names an unknown stage or party.").arg(s.id.value())};
        s.stage = *stage;
        s.party = *party;
        s.name = q.value(3).toString();
        s.role = q.value(4).toString();
        s.rationale = q.value(5).toString();
        s.signedAt = fromTimestamp(q.value(6).toString());
        s.snapshot = SnapshotId(q.value(7).toLongLong());
        s.snapshotSha256 = q.value(8).toString();
        round.signOffs.append(s);
    }

    if (!q.exec(QStringLiteral("SELECT id, name, source, illustrative, file_name, sha256, "
                               "row_count, imported_at, dimensions FROM datasets "
                               "ORDER BY position")))
        return readError(q, tr("figures"));
    while (q.next()) {
        NeedsDataset d;
        d.id = q.value(0).toLongLong();
        d.name = q.value(1).toString();
        d.source = q.value(2).toString();
        d.illustrative = q.value(3).toInt() != 0;
        d.fileName = q.value(4).toString();
        d.sha256 = q.value(5).toString();
        d.rowCount = q.value(6).toLongLong();
        d.importedAt = fromTimestamp(q.value(7).toString());
        d.dimensions = splitLines(q.value(8).toString());
        round.datasets.append(d);
    }
    for (NeedsDataset &d : round.datasets) {
        q.prepare(QStringLiteral("SELECT key, label, dimension_values FROM measures "
                                 "WHERE dataset_id = ? ORDER BY position"));
        q.addBindValue(d.id);
        if (!q.exec())
            return readError(q, tr("figures"));
        while (q.next())
            d.measures.append(
                {q.value(0).toString(), q.value(1).toString(), splitLines(q.value(2).toString())});
        q.prepare(QStringLiteral("SELECT gss_code, measure, date, value FROM observations "
                                 "WHERE dataset_id = ? ORDER BY rowid"));
        q.addBindValue(d.id);
        if (!q.exec())
            return readError(q, tr("figures"));
        while (q.next())
            d.observations.append({q.value(0).toString(), q.value(1).toString(),
                                   q.value(2).toString(), q.value(3).toDouble()});
    }
    if (!q.exec(QStringLiteral("SELECT id, name, numerator, denominator, scale "
                               "FROM ratio_indicators ORDER BY id")))
        return readError(q, tr("indicators"));
    while (q.next())
        round.ratios.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toDouble()});
    if (!q.exec(QStringLiteral("SELECT key, name, description FROM priority_groups "
                               "ORDER BY position")))
        return readError(q, tr("priority groups"));
    while (q.next())
        round.priorityGroups.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    if (!q.exec(QStringLiteral("SELECT cpa_id, partner, group_order, points FROM "
                               "partner_rankings ORDER BY cpa_id, rowid")))
        return readError(q, tr("priorities"));
    while (q.next()) {
        const auto points = splitNumbers(q.value(3).toString());
        if (!points)
            return Error{tr("The ranking of %1 records points that are not numbers.")
                             .arg(q.value(1).toString())};
        round.rankings.append({CpaId(q.value(0).toLongLong()), q.value(1).toString(),
                               splitLines(q.value(2).toString()), *points});
    }
    if (!q.exec(QStringLiteral("SELECT cpa_id, group_order, rationale, decided_at FROM "
                               "priority_decisions ORDER BY cpa_id")))
        return readError(q, tr("priorities"));
    while (q.next())
        round.decisions.append({CpaId(q.value(0).toLongLong()), splitLines(q.value(1).toString()),
                                q.value(2).toString(), fromTimestamp(q.value(3).toString())});
    if (!q.exec(QStringLiteral("SELECT gss_code FROM priority_places ORDER BY position")))
        return readError(q, tr("priority places"));
    while (q.next())
        round.priorityPlaces.append(q.value(0).toString());
    if (!q.exec(QStringLiteral("SELECT cpa_id, headline_indicators, narrative, priority_groups, "
                               "updated_at FROM labour_market_agreements ORDER BY cpa_id")))
        return readError(q, tr("labour market agreements"));
    while (q.next())
        round.agreements.append({CpaId(q.value(0).toLongLong()), splitLines(q.value(1).toString()),
                                 q.value(2).toString(), splitLines(q.value(3).toString()),
                                 fromTimestamp(q.value(4).toString())});
    if (!q.exec(QStringLiteral("SELECT file_name, sha256, code_property, imported_at, geojson "
                               "FROM boundaries")))
        return readError(q, tr("boundaries"));
    if (q.next())
        round.boundaries = {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            fromTimestamp(q.value(3).toString()), q.value(4).toByteArray()};
    Result<ServiceDesign> design = DesignStore::loadDesign(db);
    if (!design)
        return design.error();
    round.design = std::move(*design);
    Result<SupplyMarket> supply = DesignStore::loadSupply(db);
    if (!supply)
        return supply.error();
    round.supply = std::move(*supply);
    Result<Monitoring> monitoring = MonitoringStore::load(db);
    if (!monitoring)
        return monitoring.error();
    round.monitoring = std::move(*monitoring);
    Result<QList<BoardPaper>> papers = PaperStore::load(db);
    if (!papers)
        return papers.error();
    round.papers = std::move(*papers);
    Result<Tender> tender = TenderStore::load(db);
    if (!tender)
        return tender.error();
    round.tender = std::move(*tender);
    return round;
}

Status setPartnerRanking(QSqlDatabase &db, const PartnerRankingRecord &ranking, bool remove)
{
    if (remove)
        return Sql::exec(db,
                         QStringLiteral("DELETE FROM partner_rankings WHERE cpa_id = ? AND "
                                        "partner = ?"),
                         {ranking.cpa.value(), ranking.partner});
    return Sql::exec(db,
                     QStringLiteral("INSERT OR REPLACE INTO partner_rankings (cpa_id, partner, "
                                    "group_order, points) VALUES (?, ?, ?, ?)"),
                     {ranking.cpa.value(), ranking.partner, joinLines(ranking.order),
                      joinNumbers(ranking.points)});
}

Status setPriorityDecision(QSqlDatabase &db, CpaId cpa, const PriorityDecision *decision)
{
    if (!decision)
        return Sql::exec(db, QStringLiteral("DELETE FROM priority_decisions WHERE cpa_id = ?"),
                         {cpa.value()});
    return Sql::exec(db,
                     QStringLiteral("INSERT OR REPLACE INTO priority_decisions (cpa_id, "
                                    "group_order, rationale, decided_at) VALUES (?, ?, ?, ?)"),
                     {cpa.value(), joinLines(decision->order), decision->rationale,
                      timestamp(decision->decidedAt)});
}

Status setPriorityPlaces(QSqlDatabase &db, const QStringList &codes)
{
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM priority_places")); !s)
        return s;
    int position = 0;
    for (const QString &code : codes) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO priority_places (gss_code, position) "
                                                "VALUES (?, ?)"),
                                 {code, position++});
            !s)
            return s;
    }
    return {};
}

Status setStageStatus(QSqlDatabase &db, StageId stage, StageStatus status)
{
    return Sql::exec(db, QStringLiteral("UPDATE stages SET status = ? WHERE stage = ?"),
                     {statusKey(status), stageKey(stage)});
}

Status setAdoptedPlan(QSqlDatabase &db, PlanId plan)
{
    Status s = Sql::exec(db, QStringLiteral("UPDATE cpa_plans SET adopted = 0 WHERE adopted = 1"));
    if (s && plan.isValid())
        s = Sql::exec(db, QStringLiteral("UPDATE cpa_plans SET adopted = 1 WHERE id = ?"),
                      {plan.value()});
    return s;
}

Result<SnapshotId> insertSnapshot(QSqlDatabase &db, const StoredSnapshot &snapshot)
{
    const Result<qint64> id = Sql::insert(
        db,
        QStringLiteral("INSERT INTO snapshots (stage, created_at, format_version, archive, "
                       "sha256) VALUES (?, ?, ?, ?, ?)"),
        {stageKey(snapshot.stage), timestamp(snapshot.createdAt), snapshot.formatVersion,
         snapshot.archive, snapshot.sha256});
    if (!id)
        return id.error();
    return SnapshotId(*id);
}

Result<SignOffId> insertSignOff(QSqlDatabase &db, const SignOff &s)
{
    const Result<qint64> id = Sql::insert(
        db,
        QStringLiteral("INSERT INTO sign_offs (stage, party, name, role, rationale, signed_at, "
                       "snapshot_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {stageKey(s.stage), partyKey(s.party), s.name, s.role, s.rationale, timestamp(s.signedAt),
         s.snapshot.value()});
    if (!id)
        return id.error();
    return SignOffId(*id);
}

static StoredSnapshot snapshotFrom(const QSqlQuery &q)
{
    StoredSnapshot s;
    s.id = SnapshotId(q.value(0).toLongLong());
    s.stage = stageFromKey(q.value(1).toString()).value_or(StageId::Needs);
    s.createdAt = fromTimestamp(q.value(2).toString());
    s.formatVersion = q.value(3).toInt();
    s.archive = q.value(4).toByteArray();
    s.sha256 = q.value(5).toString();
    return s;
}

Result<StoredSnapshot> snapshot(QSqlDatabase &db, SnapshotId id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, stage, created_at, format_version, archive, sha256 "
                             "FROM snapshots WHERE id = ?"));
    q.addBindValue(id.value());
    if (!q.exec())
        return readError(q, tr("snapshots"));
    if (!q.next())
        return Error{tr("The round has no snapshot %1.").arg(id.value())};
    return snapshotFrom(q);
}

Result<QList<StoredSnapshot>> snapshots(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id, stage, created_at, format_version, archive, sha256 "
                               "FROM snapshots ORDER BY id")))
        return readError(q, tr("snapshots"));
    QList<StoredSnapshot> result;
    while (q.next())
        result.append(snapshotFrom(q));
    return result;
}

} // namespace CoCommission::RoundStore
