#include "core/commands/papercommands.h"

#include "core/commands/commandids.h"
#include "core/commands/documentcommand.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>

#include <optional>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}

/**
 * Moves one paper from \a before to \a after: nullopt on one side is a paper that does not
 * exist there (a new paper, or a removed one). The paper keeps its id both ways, so a redo
 * brings back the very paper an undo took away.
 */
class PaperCommand : public DocumentCommand
{
public:
    PaperCommand(RoundDocument *document, std::optional<BoardPaper> before,
                 std::optional<BoardPaper> after, const QString &text, const QString &mergeKey)
        : DocumentCommand(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(mergeKey)
    {
        setText(text);
    }

    int id() const override { return m_mergeKey.isEmpty() ? -1 : CommandId::SavePaper; }
    void redo() override { record(move(m_before, m_after)); }
    void undo() override { record(move(m_after, m_before)); }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const PaperCommand *>(other);
        if (next->m_mergeKey != m_mergeKey || !m_after || !next->m_after ||
            next->m_after->id != m_after->id)
            return false;
        m_after = next->m_after;
        setObsolete(m_before && sameText(*m_before, *m_after));
        return true;
    }

    qint64 paperId() const { return m_after ? m_after->id : 0; }

private:
    static bool sameText(BoardPaper a, const BoardPaper &b)
    {
        a.updatedAt = b.updatedAt;
        return a == b;
    }

    Status move(const std::optional<BoardPaper> &from, std::optional<BoardPaper> &to)
    {
        if (!to)
            return m_document->removePaper(from->id);
        Result<qint64> id = m_document->savePaper(*to);
        if (!id)
            return id.error();
        // Keep the id given to a new paper, so that undo and redo name the same paper.
        to->id = *id;
        return {};
    }

    std::optional<BoardPaper> m_before;
    std::optional<BoardPaper> m_after;
    QString m_mergeKey;
};

} // namespace

Result<qint64> Commands::savePaper(RoundDocument *document, const BoardPaper &paper,
                                   const QString &text, const QString &mergeKey)
{
    std::optional<BoardPaper> before;
    if (const BoardPaper *current = paper.id > 0 ? document->round().paper(paper.id) : nullptr) {
        BoardPaper unchanged = paper;
        unchanged.updatedAt = current->updatedAt;
        if (unchanged == *current)
            return paper.id;
        before = *current;
    }
    auto *command = new PaperCommand(document, before, paper,
                                     text.isEmpty() ? tr("Edit board paper") : text, mergeKey);
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    // A new paper gets the next id; a stored one keeps its own.
    if (paper.id > 0)
        return paper.id;
    qint64 id = 0;
    for (const BoardPaper &p : document->round().papers)
        id = std::max(id, p.id);
    return id;
}

Status Commands::removePaper(RoundDocument *document, qint64 id)
{
    const BoardPaper *current = document->round().paper(id);
    if (!current)
        return Error{tr("The round has no board paper numbered %1.").arg(id)};
    return pushCommand(
        document, new PaperCommand(document, *current, std::nullopt,
                                   tr("Remove board paper \"%1\"").arg(current->title), QString()));
}

} // namespace CoCommission
