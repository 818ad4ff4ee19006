// RoundDocument: board papers. What the officer writes for a paper is stored whole, one paper
// at a time, checked first and written in one transaction with its audit entry. The audit
// entry holds the fields that changed, so that the log shows what a paper said.

#include "core/round/rounddocument.h"

#include "core/paper/composer.h"
#include "core/store/paperstore.h"

#include <algorithm>

namespace CoCommission {

namespace {

QString stageKeys(const QList<StageId> &stages)
{
    QStringList keys;
    for (StageId stage : stages)
        keys.append(stageKey(stage));
    return keys.join(QStringLiteral(", "));
}

/** The fields of \a paper that differ from \a other (all of them when \a other is null). */
QString describePaper(const BoardPaper &paper, const BoardPaper *other)
{
    QStringList parts;
    const auto add = [&](const char *name, const QString &text, const QString &otherText) {
        if (!other || text != otherText)
            parts << QString::fromLatin1(name) + QStringLiteral(": ") + text;
    };
    const auto list = [](const QStringList &items) {
        return items.join(QStringLiteral("\n"));
    };
    const BoardPaper none;
    const BoardPaper &o = other ? *other : none;
    add("meeting", paper.meeting.toString(Qt::ISODate), o.meeting.toString(Qt::ISODate));
    add("stages", stageKeys(paper.stages), stageKeys(o.stages));
    add("board", paper.board, o.board);
    add("item", paper.itemNumber, o.itemNumber);
    add("title", paper.title, o.title);
    add("report by", paper.reportBy, o.reportBy);
    add("job title", paper.jobTitle, o.jobTitle);
    add("contact officer", paper.contactOfficer, o.contactOfficer);
    add("email", paper.email, o.email);
    add("telephone", paper.telephone, o.telephone);
    add("not for publication",
        paper.notForPublication ? QStringLiteral("yes") : QStringLiteral("no"),
        o.notForPublication ? QStringLiteral("yes") : QStringLiteral("no"));
    add("summary", paper.summary, o.summary);
    add("recommendations", list(paper.recommendations), list(o.recommendations));
    add("background", paper.background, o.background);
    add("options", paper.options, o.options);
    add("financial", paper.financial, o.financial);
    add("legal", paper.legal, o.legal);
    add("equalities", paper.equalities, o.equalities);
    add("background papers", list(paper.backgroundPapers), list(o.backgroundPapers));
    add("exempt sections", paper.exemptSections.join(QStringLiteral(", ")),
        o.exemptSections.join(QStringLiteral(", ")));
    const auto rule = [](const DisclosureRule &r) {
        return QStringLiteral("threshold %1, rounding %2%3")
            .arg(r.threshold)
            .arg(r.rounding)
            .arg(r.enabled ? QString() : QStringLiteral(", off"));
    };
    add("disclosure control", rule(paper.disclosure), rule(o.disclosure));
    return parts.join(QLatin1Char('\n'));
}

} // namespace

QString RoundDocument::whyPapersFrozen() const
{
    return whyNotEditable();
}

Result<qint64> RoundDocument::savePaper(const BoardPaper &paper)
{
    if (const QString why = whyPapersFrozen(); !why.isEmpty())
        return Error{fail(why).errorMessage()};
    if (paper.id < 0)
        return Error{fail(tr("A board paper's number must be above 0.")).errorMessage()};
    if (const QString problem = Paper::checkPaper(paper); !problem.isEmpty())
        return Error{fail(problem).errorMessage()};
    QList<BoardPaper> &papers = m_round.papers;
    BoardPaper stored = paper;
    const BoardPaper *current = stored.id > 0 ? m_round.paper(stored.id) : nullptr;
    if (current) {
        stored.updatedAt = current->updatedAt;
        if (stored == *current)
            return stored.id;
    }
    if (stored.id == 0) {
        for (const BoardPaper &p : papers)
            stored.id = std::max(stored.id, p.id);
        ++stored.id;
    }
    stored.updatedAt = QDateTime::currentDateTimeUtc();
    const QString subject = current
                                ? tr("Board paper %1 changed: %2").arg(stored.id).arg(stored.title)
                                : tr("Board paper %1 written: %2").arg(stored.id).arg(stored.title);
    if (Status s = write(current ? QStringLiteral("edit_paper") : QStringLiteral("add_paper"),
                         subject, current ? describePaper(*current, &stored) : QString(),
                         describePaper(stored, current),
                         [&](QSqlDatabase &db) { return PaperStore::upsert(db, stored); });
        !s)
        return s.error();
    if (current) {
        *std::find_if(papers.begin(), papers.end(),
                      [&](const BoardPaper &p) { return p.id == stored.id; }) = stored;
    } else {
        const auto at = std::upper_bound(papers.begin(), papers.end(), stored.id,
                                         [](qint64 id, const BoardPaper &p) { return id < p.id; });
        papers.insert(at, stored);
    }
    emit papersChanged();
    emit roundChanged();
    return stored.id;
}

Status RoundDocument::removePaper(qint64 id)
{
    if (const QString why = whyPapersFrozen(); !why.isEmpty())
        return fail(why);
    QList<BoardPaper> &papers = m_round.papers;
    const auto it =
        std::find_if(papers.begin(), papers.end(), [&](const BoardPaper &p) { return p.id == id; });
    if (it == papers.end())
        return fail(tr("The round has no board paper numbered %1.").arg(id));
    const BoardPaper removed = *it;
    if (Status s = write(QStringLiteral("remove_paper"),
                         tr("Board paper %1 removed: %2").arg(id).arg(removed.title),
                         describePaper(removed, nullptr), QString(),
                         [&](QSqlDatabase &db) { return PaperStore::remove(db, id); });
        !s)
        return s;
    papers.erase(std::find_if(papers.begin(), papers.end(),
                              [&](const BoardPaper &p) { return p.id == id; }));
    emit papersChanged();
    emit roundChanged();
    return {};
}

} // namespace CoCommission
