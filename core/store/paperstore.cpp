#include "core/store/paperstore.h"

#include "core/store/sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace CoCommission::PaperStore {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::PaperStore", text);
}

QString jsonList(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

std::optional<QStringList> fromJsonList(const QString &value)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : document.array()) {
        if (!item.isString())
            return std::nullopt;
        list.append(item.toString());
    }
    return list;
}

QString stageList(const QList<StageId> &stages)
{
    QStringList keys;
    for (StageId stage : stages)
        keys.append(stageKey(stage));
    return keys.join(QLatin1Char(','));
}

std::optional<QList<StageId>> stagesFrom(const QString &value)
{
    QList<StageId> stages;
    for (const QString &key : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto stage = stageFromKey(key);
        if (!stage)
            return std::nullopt;
        stages.append(*stage);
    }
    return stages;
}

Error damaged(qint64 id, const QString &field, const QString &value)
{
    return Error{tr("Board paper %1 holds \"%2\" in %3, a value this version does not know; the "
                    "file may have been altered outside CoCommission.")
                     .arg(id)
                     .arg(value.left(80), field)};
}

const QString kColumns = QStringLiteral(
    "id, meeting, stages, board, item_number, title, report_by, job_title, contact_officer, "
    "email, telephone, not_for_publication, summary, recommendations, background, options, "
    "financial, legal, equalities, background_papers, exempt_sections, disclosure_threshold, "
    "disclosure_rounding, disclosure_enabled, updated_at");

} // namespace

Result<QList<BoardPaper>> load(QSqlDatabase &db)
{
    QList<BoardPaper> papers;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM board_papers ORDER BY id").arg(kColumns)))
        return Error{Sql::describe(q, tr("Could not read the board papers"))};
    while (q.next()) {
        BoardPaper p;
        p.id = q.value(0).toLongLong();
        p.meeting = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        const auto stages = stagesFrom(q.value(2).toString());
        if (!stages || !p.meeting.isValid())
            return damaged(p.id, !stages ? QStringLiteral("stages") : QStringLiteral("meeting"),
                           q.value(!stages ? 2 : 1).toString());
        p.stages = *stages;
        p.board = q.value(3).toString();
        p.itemNumber = q.value(4).toString();
        p.title = q.value(5).toString();
        p.reportBy = q.value(6).toString();
        p.jobTitle = q.value(7).toString();
        p.contactOfficer = q.value(8).toString();
        p.email = q.value(9).toString();
        p.telephone = q.value(10).toString();
        p.notForPublication = q.value(11).toInt() != 0;
        p.summary = q.value(12).toString();
        p.background = q.value(14).toString();
        p.options = q.value(15).toString();
        p.financial = q.value(16).toString();
        p.legal = q.value(17).toString();
        p.equalities = q.value(18).toString();
        const struct
        {
            int column;
            const char *field;
            QStringList *list;
        } lists[] = {{13, "recommendations", &p.recommendations},
                     {19, "background_papers", &p.backgroundPapers},
                     {20, "exempt_sections", &p.exemptSections}};
        for (const auto &l : lists) {
            const auto list = fromJsonList(q.value(l.column).toString());
            if (!list)
                return damaged(p.id, QString::fromLatin1(l.field), q.value(l.column).toString());
            *l.list = *list;
        }
        p.disclosure.threshold = q.value(21).toInt();
        p.disclosure.rounding = q.value(22).toInt();
        p.disclosure.enabled = q.value(23).toInt() != 0;
        p.updatedAt = QDateTime::fromString(q.value(24).toString(), Qt::ISODateWithMs);
        papers.append(p);
    }
    return papers;
}

Status upsert(QSqlDatabase &db, const BoardPaper &p)
{
    using Sql::text;
    const Status s =
        Sql::exec(db,
                  QStringLiteral(
                      "INSERT OR REPLACE INTO board_papers (%1) VALUES "
                      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(kColumns),
                  {p.id,
                   p.meeting.toString(Qt::ISODate),
                   stageList(p.stages),
                   text(p.board),
                   text(p.itemNumber),
                   text(p.title),
                   text(p.reportBy),
                   text(p.jobTitle),
                   text(p.contactOfficer),
                   text(p.email),
                   text(p.telephone),
                   p.notForPublication ? 1 : 0,
                   text(p.summary),
                   jsonList(p.recommendations),
                   text(p.background),
                   text(p.options),
                   text(p.financial),
                   text(p.legal),
                   text(p.equalities),
                   jsonList(p.backgroundPapers),
                   jsonList(p.exemptSections),
                   p.disclosure.threshold,
                   p.disclosure.rounding,
                   p.disclosure.enabled ? 1 : 0,
                   text(p.updatedAt.isValid() ? p.updatedAt.toUTC().toString(Qt::ISODateWithMs)
                                              : QString())});
    if (!s)
        return Error{tr("Could not write board paper %1: %2").arg(p.id).arg(s.error().message)};
    return {};
}

Status remove(QSqlDatabase &db, qint64 id)
{
    return Sql::exec(db, QStringLiteral("DELETE FROM board_papers WHERE id = ?"), {id});
}

Status insertAll(QSqlDatabase &db, const QList<BoardPaper> &papers)
{
    for (const BoardPaper &p : papers) {
        if (Status s = upsert(db, p); !s)
            return s;
    }
    return {};
}

} // namespace CoCommission::PaperStore
