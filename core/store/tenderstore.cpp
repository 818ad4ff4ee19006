#include "core/store/tenderstore.h"

#include "core/store/roundstore.h"
#include "core/store/sql.h"

#include <QCoreApplication>

namespace CoCommission::TenderStore {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::TenderStore", text);
}

using Sql::joinLines;
using Sql::splitLines;
using Sql::text;

QString timestamp(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QDateTime fromTimestamp(const QString &value)
{
    return QDateTime::fromString(value, Qt::ISODateWithMs);
}

Error readError(const QSqlQuery &query, const QString &what)
{
    return Error{Sql::describe(query, tr("Could not read the %1 of the tender").arg(what))};
}

Error damaged(const QString &what)
{
    return Error{tr("The tender's %1 holds a value this version does not know; the file may "
                    "have been altered outside CoCommission.")
                     .arg(what)};
}

Status insertBid(QSqlDatabase &db, const TenderBid &bid, int position)
{
    Status s = Sql::exec(db,
                         QStringLiteral("INSERT INTO bids (id, bidder, cpa_id, price, "
                                        "integration_plan, position) VALUES (?, ?, ?, ?, ?, ?)"),
                         {bid.id, text(bid.bidder), bid.lot.value(), bid.price,
                          text(bid.integrationPlan), position});
    for (int i = 0; s && i < bid.supplyChain.size(); ++i) {
        const Subcontractor &sub = bid.supplyChain[i];
        s = Sql::exec(db,
                      QStringLiteral("INSERT INTO subcontractors (bid_id, position, name, sector, "
                                     "sme, specialisms) VALUES (?, ?, ?, ?, ?, ?)"),
                      {bid.id, i, text(sub.name), sectorKey(sub.sector), sub.sme ? 1 : 0,
                       joinLines(sub.specialisms)});
    }
    for (int i = 0; s && i < bid.integration.size(); ++i) {
        const IntegrationEvidence &e = bid.integration[i];
        s = Sql::exec(db,
                      QStringLiteral("INSERT INTO integration_evidence (bid_id, position, service, "
                                     "strength, note) VALUES (?, ?, ?, ?, ?)"),
                      {bid.id, i, e.service, evidenceKey(e.strength), text(e.note)});
    }
    return s;
}

} // namespace

Status setSettings(QSqlDatabase &db, const Tender &tender)
{
    Status s = RoundStore::setMeta(db, QStringLiteral("tender_price_formula"),
                                   priceFormulaKey(tender.priceFormula));
    if (s)
        s = RoundStore::setMeta(db, QStringLiteral("tender_abnormally_low_percent"),
                                QString::number(tender.abnormallyLowPercent, 'g', 17));
    if (s)
        s = RoundStore::setMeta(db, QStringLiteral("tender_bids_opened_at"),
                                timestamp(tender.bidsOpenedAt));
    if (s)
        s = RoundStore::setMeta(db, QStringLiteral("tender_moderation_opened_at"),
                                timestamp(tender.moderationOpenedAt));
    if (s)
        s = RoundStore::setMeta(db, QStringLiteral("tender_illustrative"),
                                tender.illustrative ? QStringLiteral("1") : QStringLiteral("0"));
    return s;
}

Status setCriteria(QSqlDatabase &db, const QList<Criterion> &criteria)
{
    Status s = Sql::exec(db, QStringLiteral("DELETE FROM criteria"));
    for (int i = 0; s && i < criteria.size(); ++i) {
        const Criterion &c = criteria[i];
        s = Sql::exec(db,
                      QStringLiteral("INSERT INTO criteria (id, parent_id, name, weight, type, "
                                     "max_score, descriptors, position) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {c.id, text(c.parentId), text(c.name), c.weightPercent,
                       criterionTypeKey(c.type), c.scale.maxScore, joinLines(c.scale.descriptors),
                       i});
    }
    return s;
}

Status insertCriteriaChange(QSqlDatabase &db, const CriteriaChange &change)
{
    return Sql::exec(db,
                     QStringLiteral("INSERT INTO criteria_changes (changed_at, actor, reason, "
                                    "summary) VALUES (?, ?, ?, ?)"),
                     {timestamp(change.changedAt), text(change.actor), text(change.reason),
                      text(change.summary)});
}

Status setBids(QSqlDatabase &db, const QList<TenderBid> &bids)
{
    // Subcontractors and evidence go with their bid (ON DELETE CASCADE).
    Status s = Sql::exec(db, QStringLiteral("DELETE FROM bids"));
    for (int i = 0; s && i < bids.size(); ++i)
        s = insertBid(db, bids[i], i);
    return s;
}

Status setPanel(QSqlDatabase &db, const QList<Assessor> &panel)
{
    Status s = Sql::exec(db, QStringLiteral("DELETE FROM assessors"));
    for (int i = 0; s && i < panel.size(); ++i) {
        s = Sql::exec(db,
                      QStringLiteral("INSERT INTO assessors (name, organisation, role, position) "
                                     "VALUES (?, ?, ?, ?)"),
                      {panel[i].name, text(panel[i].organisation), text(panel[i].role), i});
    }
    return s;
}

Status setConflict(QSqlDatabase &db, const ConflictDeclaration &d)
{
    // An upsert keeps the row (and so its place in the list) when a declaration is revised.
    return Sql::exec(
        db,
        QStringLiteral("INSERT INTO conflict_declarations (assessor, bidder, "
                       "conflicted, note, declared_at) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (assessor, bidder) DO UPDATE SET "
                       "conflicted = excluded.conflicted, note = excluded.note, "
                       "declared_at = excluded.declared_at"),
        {d.assessor, d.bidder, d.conflicted ? 1 : 0, text(d.note), timestamp(d.declaredAt)});
}

Status removeConflict(QSqlDatabase &db, const QString &assessor, const QString &bidder)
{
    return Sql::exec(
        db, QStringLiteral("DELETE FROM conflict_declarations WHERE assessor = ? AND bidder = ?"),
        {assessor, bidder});
}

Status setScore(QSqlDatabase &db, const IndividualScore &s)
{
    return Sql::exec(
        db,
        QStringLiteral("INSERT INTO individual_scores (assessor, bid_id, "
                       "criterion_id, score, comment, scored_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (assessor, bid_id, criterion_id) DO UPDATE SET "
                       "score = excluded.score, comment = excluded.comment, "
                       "scored_at = excluded.scored_at"),
        {s.assessor, s.bidId, s.criterionId, s.score, text(s.comment), timestamp(s.scoredAt)});
}

Status removeScore(QSqlDatabase &db, const QString &assessor, const QString &bidId,
                   const QString &criterionId)
{
    return Sql::exec(db,
                     QStringLiteral("DELETE FROM individual_scores WHERE assessor = ? AND "
                                    "bid_id = ? AND criterion_id = ?"),
                     {assessor, bidId, criterionId});
}

Status setConsensus(QSqlDatabase &db, const ModeratedScore &m)
{
    return Sql::exec(db,
                     QStringLiteral("INSERT INTO consensus_scores (bid_id, criterion_id, score, "
                                    "rationale, agreed_at) VALUES (?, ?, ?, ?, ?) "
                                    "ON CONFLICT (bid_id, criterion_id) DO UPDATE SET "
                                    "score = excluded.score, rationale = excluded.rationale, "
                                    "agreed_at = excluded.agreed_at"),
                     {m.bidId, m.criterionId, m.score, text(m.rationale), timestamp(m.agreedAt)});
}

Status removeConsensus(QSqlDatabase &db, const QString &bidId, const QString &criterionId)
{
    return Sql::exec(
        db, QStringLiteral("DELETE FROM consensus_scores WHERE bid_id = ? AND criterion_id = ?"),
        {bidId, criterionId});
}

Status insertAwardSignature(QSqlDatabase &db, const AwardSignature &a)
{
    return Sql::exec(db,
                     QStringLiteral("INSERT INTO award_signatures (cpa_id, party, name, role, "
                                    "rationale, winner, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {a.lot.value(), a.party, text(a.name), text(a.role), text(a.rationale),
                      text(a.winner), timestamp(a.signedAt)});
}

Status replace(QSqlDatabase &db, const Tender &tender)
{
    Status s = setSettings(db, tender);
    if (s)
        s = setCriteria(db, tender.criteria);
    for (const char *table : {"individual_scores", "consensus_scores", "conflict_declarations"}) {
        if (s)
            s = Sql::exec(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
    }
    if (s)
        s = setBids(db, tender.bids);
    if (s)
        s = setPanel(db, tender.panel);
    for (qsizetype i = 0; s && i < tender.conflicts.size(); ++i)
        s = setConflict(db, tender.conflicts[i]);
    for (qsizetype i = 0; s && i < tender.scores.size(); ++i)
        s = setScore(db, tender.scores[i]);
    for (qsizetype i = 0; s && i < tender.consensus.size(); ++i)
        s = setConsensus(db, tender.consensus[i]);
    return s;
}

Result<Tender> load(QSqlDatabase &db)
{
    Tender tender;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key LIKE 'tender_%'")))
        return readError(q, tr("settings"));
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == QLatin1String("tender_price_formula")) {
            const auto formula = priceFormulaFromKey(value);
            if (!formula)
                return damaged(tr("price formula"));
            tender.priceFormula = *formula;
        } else if (key == QLatin1String("tender_abnormally_low_percent")) {
            bool ok = false;
            tender.abnormallyLowPercent = value.toDouble(&ok);
            if (!ok)
                return damaged(tr("abnormally low threshold"));
        } else if (key == QLatin1String("tender_bids_opened_at")) {
            tender.bidsOpenedAt = fromTimestamp(value);
        } else if (key == QLatin1String("tender_moderation_opened_at")) {
            tender.moderationOpenedAt = fromTimestamp(value);
        } else if (key == QLatin1String("tender_illustrative")) {
            tender.illustrative = value == QLatin1String("1");
        }
    }

    if (!q.exec(QStringLiteral("SELECT id, parent_id, name, weight, type, max_score, descriptors "
                               "FROM criteria ORDER BY position")))
        return readError(q, tr("criteria"));
    while (q.next()) {
        Criterion c;
        c.id = q.value(0).toString();
        c.parentId = q.value(1).toString();
        c.name = q.value(2).toString();
        c.weightPercent = q.value(3).toDouble();
        const auto type = criterionTypeFromKey(q.value(4).toString());
        if (!type)
            return damaged(tr("criteria"));
        c.type = *type;
        c.scale.maxScore = q.value(5).toInt();
        c.scale.descriptors = splitLines(q.value(6).toString());
        tender.criteria.append(c);
    }

    if (!q.exec(QStringLiteral("SELECT changed_at, actor, reason, summary FROM criteria_changes "
                               "ORDER BY id")))
        return readError(q, tr("criteria changes"));
    while (q.next())
        tender.criteriaChanges.append({fromTimestamp(q.value(0).toString()), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString()});

    if (!q.exec(QStringLiteral("SELECT id, bidder, cpa_id, price, integration_plan FROM bids "
                               "ORDER BY position")))
        return readError(q, tr("bids"));
    QHash<QString, qsizetype> bidIndex;
    while (q.next()) {
        TenderBid bid;
        bid.id = q.value(0).toString();
        bid.bidder = q.value(1).toString();
        bid.lot = CpaId(q.value(2).toLongLong());
        bid.price = q.value(3).toDouble();
        bid.integrationPlan = q.value(4).toString();
        bidIndex.insert(bid.id, tender.bids.size());
        tender.bids.append(bid);
    }
    if (!q.exec(QStringLiteral("SELECT bid_id, name, sector, sme, specialisms FROM "
                               "subcontractors ORDER BY bid_id, position")))
        return readError(q, tr("supply chains"));
    while (q.next()) {
        const auto sector = sectorFromKey(q.value(2).toString());
        const auto index = bidIndex.find(q.value(0).toString());
        if (!sector || index == bidIndex.end())
            return damaged(tr("supply chains"));
        tender.bids[*index].supplyChain.append({q.value(1).toString(), *sector,
                                                q.value(3).toInt() != 0,
                                                splitLines(q.value(4).toString())});
    }
    if (!q.exec(QStringLiteral("SELECT bid_id, service, strength, note FROM integration_evidence "
                               "ORDER BY bid_id, position")))
        return readError(q, tr("integration evidence"));
    while (q.next()) {
        const auto strength = evidenceFromKey(q.value(2).toString());
        const auto index = bidIndex.find(q.value(0).toString());
        if (!strength || index == bidIndex.end())
            return damaged(tr("integration evidence"));
        tender.bids[*index].integration.append(
            {q.value(1).toString(), *strength, q.value(3).toString()});
    }

    if (!q.exec(QStringLiteral("SELECT name, organisation, role FROM assessors "
                               "ORDER BY position")))
        return readError(q, tr("panel"));
    while (q.next())
        tender.panel.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});

    if (!q.exec(QStringLiteral("SELECT assessor, bidder, conflicted, note, declared_at FROM "
                               "conflict_declarations ORDER BY rowid")))
        return readError(q, tr("declarations of interest"));
    while (q.next())
        tender.conflicts.append({q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toInt() != 0, q.value(3).toString(),
                                 fromTimestamp(q.value(4).toString())});

    if (!q.exec(QStringLiteral("SELECT assessor, bid_id, criterion_id, score, comment, scored_at "
                               "FROM individual_scores ORDER BY rowid")))
        return readError(q, tr("scores"));
    while (q.next())
        tender.scores.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toDouble(), q.value(4).toString(),
                              fromTimestamp(q.value(5).toString())});

    if (!q.exec(QStringLiteral("SELECT bid_id, criterion_id, score, rationale, agreed_at FROM "
                               "consensus_scores ORDER BY rowid")))
        return readError(q, tr("moderated scores"));
    while (q.next())
        tender.consensus.append({q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toDouble(), q.value(3).toString(),
                                 fromTimestamp(q.value(4).toString())});

    if (!q.exec(QStringLiteral("SELECT cpa_id, party, name, role, rationale, winner, signed_at "
                               "FROM award_signatures ORDER BY id")))
        return readError(q, tr("award signatures"));
    while (q.next())
        tender.awardSignatures.append({CpaId(q.value(0).toLongLong()), q.value(1).toString(),
                                       q.value(2).toString(), q.value(3).toString(),
                                       q.value(4).toString(), q.value(5).toString(),
                                       fromTimestamp(q.value(6).toString())});
    return tender;
}

} // namespace CoCommission::TenderStore
