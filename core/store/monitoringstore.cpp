#include "core/store/monitoringstore.h"

#include "core/store/roundstore.h"
#include "core/store/sql.h"

#include <QCoreApplication>

namespace CoCommission::MonitoringStore {

namespace {

using Sql::damaged;
using Sql::isoDate;
using Sql::joinLines;
using Sql::meta;
using Sql::readError;
using Sql::splitLines;
using Sql::text;

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::MonitoringStore", text);
}

Error writeError(const QSqlQuery &query, const QString &what)
{
    return Error{Sql::describe(query, tr("Could not write the %1").arg(what))};
}

QDate fromIsoDate(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QString timestamp(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("");
}

QString flag(bool value)
{
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

/** Executes \a q (prepared) with \a values bound in order. */
bool run(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    return q.exec();
}

Status insertFigures(QSqlDatabase &db, const QString &table, qint64 returnId,
                     const QList<MonitoringFigure> &figures)
{
    QSqlQuery q(db);
    const bool inReturn = returnId != 0;
    q.prepare(inReturn ? QStringLiteral("INSERT INTO %1 (return_id, position, period, cpa_id, "
                                        "group_key, measure, value) VALUES (?, ?, ?, ?, ?, ?, ?)")
                             .arg(table)
                       : QStringLiteral("INSERT INTO %1 (position, period, cpa_id, group_key, "
                                        "measure, value) VALUES (?, ?, ?, ?, ?, ?)")
                             .arg(table));
    int position = 0;
    for (const MonitoringFigure &f : figures) {
        const bool ok = inReturn ? run(q, {returnId, position++, periodKey(f.period), f.cpa.value(),
                                           f.group, monitoringMeasureKey(f.measure), f.value})
                                 : run(q, {position++, periodKey(f.period), f.cpa.value(), f.group,
                                           monitoringMeasureKey(f.measure), f.value});
        if (!ok)
            return writeError(q, table);
    }
    return {};
}

/** Reads figures of \a query (period, cpa_id, group_key, measure, value from column \a at). */
Status readFigure(const QSqlQuery &q, int at, const QString &what, MonitoringFigure &figure)
{
    const auto period = periodFromKey(q.value(at).toString());
    const auto measure = monitoringMeasureFromKey(q.value(at + 3).toString());
    if (!period)
        return damaged(what, q.value(at).toString());
    if (!measure)
        return damaged(what, q.value(at + 3).toString());
    figure = {*period, CpaId(q.value(at + 1).toLongLong()), q.value(at + 2).toString(), *measure,
              q.value(at + 4).toDouble()};
    return {};
}

} // namespace

Status replaceBoard(QSqlDatabase &db, const ProgrammeBoard &board)
{
    for (const char *table : {"board_members", "board_meetings", "board_actions", "dwp_reports"}) {
        if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
            !s)
            return s;
    }
    int position = 0;
    for (const BoardMember &m : board.members) {
        if (Status s = Sql::exec(
                db,
                QStringLiteral("INSERT INTO board_members (position, name, role, "
                               "organisation, voting) VALUES (?, ?, ?, ?, ?)"),
                {position++, m.name, boardRoleKey(m.role), text(m.organisation), m.voting ? 1 : 0});
            !s)
            return s;
    }
    position = 0;
    for (const BoardMeeting &m : board.meetings) {
        if (Status s = Sql::exec(db,
                                 QStringLiteral("INSERT INTO board_meetings (position, id, "
                                                "meeting_date, title, attendees, notes) VALUES "
                                                "(?, ?, ?, ?, ?, ?)"),
                                 {position++, m.id, isoDate(m.date), text(m.title),
                                  joinLines(m.attendees), text(m.notes)});
            !s)
            return s;
    }
    position = 0;
    for (const BoardAction &a : board.actions) {
        if (Status s =
                Sql::exec(db,
                          QStringLiteral("INSERT INTO board_actions (position, id, kind, "
                                         "text, meeting, owner, due, status, note) VALUES "
                                         "(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                          {position++, a.id, actionKindKey(a.kind), text(a.text), a.meeting,
                           text(a.owner), isoDate(a.due), actionStatusKey(a.status), text(a.note)});
            !s)
            return s;
    }
    position = 0;
    for (const ContractManagerReport &r : board.reports) {
        if (Status s =
                Sql::exec(db,
                          QStringLiteral("INSERT INTO dwp_reports (position, period, "
                                         "local_integration, local_priorities, "
                                         "best_practice, operational_delivery) VALUES "
                                         "(?, ?, ?, ?, ?, ?)"),
                          {position++, periodKey(r.period), text(r.commentary[0]),
                           text(r.commentary[1]), text(r.commentary[2]), text(r.commentary[3])});
            !s)
            return s;
    }
    const std::pair<const char *, QString> metas[] = {
        {"board_quorum", QString::number(board.quorum)},
        {"rag_green", QString::number(board.greenPercent, 'g', 17)},
        {"rag_amber", QString::number(board.amberPercent, 'g', 17)},
        {"board_illustrative", flag(board.illustrative)},
    };
    for (const auto &[key, value] : metas) {
        if (Status s = RoundStore::setMeta(db, QLatin1String(key), value); !s)
            return s;
    }
    return {};
}

Status replaceProfile(QSqlDatabase &db, const ContractProfile &profile)
{
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM profile_figures")); !s)
        return s;
    if (Status s = insertFigures(db, QStringLiteral("profile_figures"), 0, profile.figures); !s)
        return s;
    const std::pair<const char *, QString> metas[] = {
        {"contract_start", periodKey(profile.start)},
        {"contract_months", QString::number(profile.months)},
        {"profile_source", text(profile.source)},
        {"profile_illustrative", flag(profile.illustrative)},
    };
    for (const auto &[key, value] : metas) {
        if (Status s = RoundStore::setMeta(db, QLatin1String(key), value); !s)
            return s;
    }
    return {};
}

Status insertReturn(QSqlDatabase &db, const PerformanceReturn &r)
{
    if (Status s = Sql::exec(db,
                             QStringLiteral("INSERT INTO performance_returns (id, source, sha256, "
                                            "received_at, note, illustrative) VALUES "
                                            "(?, ?, ?, ?, ?, ?)"),
                             {r.id, text(r.source), text(r.sha256), timestamp(r.receivedAt),
                              text(r.note), r.illustrative ? 1 : 0});
        !s)
        return s;
    if (Status s = insertFigures(db, QStringLiteral("return_figures"), r.id, r.figures); !s)
        return s;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO return_standards (return_id, position, period, cpa_id, "
                             "standard, value) VALUES (?, ?, ?, ?, ?, ?)"));
    int position = 0;
    for (const StandardFigure &f : r.standards) {
        if (!run(q, {r.id, position++, periodKey(f.period), f.cpa.value(), f.standard, f.value}))
            return writeError(q, tr("service standard figures"));
    }
    return {};
}

Status removeReturn(QSqlDatabase &db, qint64 id)
{
    for (const char *table : {"return_figures", "return_standards"}) {
        if (Status s = Sql::exec(
                db, QStringLiteral("DELETE FROM %1 WHERE return_id = ?").arg(QLatin1String(table)),
                {id});
            !s)
            return s;
    }
    return Sql::exec(db, QStringLiteral("DELETE FROM performance_returns WHERE id = ?"), {id});
}

Status insertAll(QSqlDatabase &db, const Monitoring &monitoring)
{
    if (Status s = replaceBoard(db, monitoring.board); !s)
        return s;
    if (Status s = replaceProfile(db, monitoring.profile); !s)
        return s;
    for (const PerformanceReturn &r : monitoring.returns) {
        if (Status s = insertReturn(db, r); !s)
            return s;
    }
    return {};
}

Result<Monitoring> load(QSqlDatabase &db)
{
    Monitoring m;
    ProgrammeBoard &board = m.board;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT name, role, organisation, voting FROM board_members ORDER BY position")))
        return readError(q, tr("programme board"));
    while (q.next()) {
        const auto role = boardRoleFromKey(q.value(1).toString());
        if (!role)
            return damaged(tr("programme board"), q.value(1).toString());
        board.members.append(
            {q.value(0).toString(), *role, q.value(2).toString(), q.value(3).toInt() != 0});
    }
    if (!q.exec(QStringLiteral("SELECT id, meeting_date, title, attendees, notes FROM "
                               "board_meetings ORDER BY position")))
        return readError(q, tr("board meetings"));
    while (q.next())
        board.meetings.append({q.value(0).toInt(), fromIsoDate(q.value(1)), q.value(2).toString(),
                               splitLines(q.value(3).toString()), q.value(4).toString()});
    if (!q.exec(QStringLiteral("SELECT id, kind, text, meeting, owner, due, status, note FROM "
                               "board_actions ORDER BY position")))
        return readError(q, tr("actions and issues log"));
    while (q.next()) {
        const auto kind = actionKindFromKey(q.value(1).toString());
        const auto status = actionStatusFromKey(q.value(6).toString());
        if (!kind || !status)
            return damaged(tr("actions and issues log"),
                           !kind ? q.value(1).toString() : q.value(6).toString());
        board.actions.append({q.value(0).toInt(), *kind, q.value(2).toString(), q.value(3).toInt(),
                              q.value(4).toString(), fromIsoDate(q.value(5)), *status,
                              q.value(7).toString()});
    }
    if (!q.exec(QStringLiteral("SELECT period, local_integration, local_priorities, "
                               "best_practice, operational_delivery FROM dwp_reports ORDER BY "
                               "position")))
        return readError(q, tr("reports to the DWP contract manager"));
    while (q.next()) {
        const auto period = periodFromKey(q.value(0).toString());
        if (!period)
            return damaged(tr("reports to the DWP contract manager"), q.value(0).toString());
        ContractManagerReport r;
        r.period = *period;
        for (int i = 0; i < 4; ++i)
            r.commentary[size_t(i)] = q.value(i + 1).toString();
        board.reports.append(r);
    }

    QHash<QString, QString> metas;
    for (const char *key :
         {"board_quorum", "rag_green", "rag_amber", "board_illustrative", "contract_start",
          "contract_months", "profile_source", "profile_illustrative"}) {
        Result<QString> value = meta(db, QLatin1String(key));
        if (!value)
            return value.error();
        metas.insert(QLatin1String(key), *value);
    }
    const auto number = [&](const char *key, double fallback) {
        const QString value = metas.value(QLatin1String(key));
        return value.isEmpty() ? fallback : value.toDouble();
    };
    board.quorum = int(number("board_quorum", 0));
    board.greenPercent = number("rag_green", 95);
    board.amberPercent = number("rag_amber", 85);
    board.illustrative = metas.value(QStringLiteral("board_illustrative")) == QLatin1String("1");

    ContractProfile &profile = m.profile;
    if (const QString start = metas.value(QStringLiteral("contract_start")); !start.isEmpty()) {
        const auto period = periodFromKey(start);
        if (!period)
            return damaged(tr("contract period"), start);
        profile.start = *period;
    }
    profile.months = int(number("contract_months", 0));
    profile.source = metas.value(QStringLiteral("profile_source"));
    profile.illustrative =
        metas.value(QStringLiteral("profile_illustrative")) == QLatin1String("1");
    if (!q.exec(QStringLiteral("SELECT period, cpa_id, group_key, measure, value FROM "
                               "profile_figures ORDER BY position")))
        return readError(q, tr("contract profile"));
    while (q.next()) {
        MonitoringFigure f;
        if (Status s = readFigure(q, 0, tr("contract profile"), f); !s)
            return s.error();
        profile.figures.append(f);
    }

    if (!q.exec(QStringLiteral("SELECT id, source, sha256, received_at, note, illustrative FROM "
                               "performance_returns ORDER BY id")))
        return readError(q, tr("performance returns"));
    QHash<qint64, int> index;
    while (q.next()) {
        PerformanceReturn r;
        r.id = q.value(0).toLongLong();
        r.source = q.value(1).toString();
        r.sha256 = q.value(2).toString();
        r.receivedAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        r.note = q.value(4).toString();
        r.illustrative = q.value(5).toInt() != 0;
        index.insert(r.id, int(m.returns.size()));
        m.returns.append(r);
    }
    if (!q.exec(QStringLiteral("SELECT return_id, period, cpa_id, group_key, measure, value FROM "
                               "return_figures ORDER BY return_id, position")))
        return readError(q, tr("performance returns"));
    while (q.next()) {
        const int at = index.value(q.value(0).toLongLong(), -1);
        if (at < 0)
            return damaged(tr("performance returns"), q.value(0).toString());
        MonitoringFigure f;
        if (Status s = readFigure(q, 1, tr("performance returns"), f); !s)
            return s.error();
        m.returns[at].figures.append(f);
    }
    if (!q.exec(QStringLiteral("SELECT return_id, period, cpa_id, standard, value FROM "
                               "return_standards ORDER BY return_id, position")))
        return readError(q, tr("performance returns"));
    while (q.next()) {
        const int at = index.value(q.value(0).toLongLong(), -1);
        const auto period = periodFromKey(q.value(1).toString());
        if (at < 0 || !period)
            return damaged(tr("performance returns"),
                           at < 0 ? q.value(0).toString() : q.value(1).toString());
        m.returns[at].standards.append({*period, CpaId(q.value(2).toLongLong()),
                                        q.value(3).toString(), q.value(4).toDouble()});
    }
    return m;
}

} // namespace CoCommission::MonitoringStore
