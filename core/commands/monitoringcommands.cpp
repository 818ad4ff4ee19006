#include "core/commands/monitoringcommands.h"

#include "core/commands/commandids.h"
#include "core/commands/replacecommand.h"
#include "core/round/rounddocument.h"

#include <QCoreApplication>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Undo Commands", text);
}

/**
 * Receives returns (redo) and removes them again (undo), or the other way round when
 * \a remove: the removal of illustrative returns. Ids are kept, so a redo brings back the
 * very returns an undo took away.
 */
class ReturnsCommand : public DocumentCommand
{
public:
    ReturnsCommand(RoundDocument *document, QList<PerformanceReturn> returns, bool remove,
                   const QString &text)
        : DocumentCommand(document)
        , m_returns(std::move(returns))
        , m_remove(remove)
    {
        setText(text);
    }

    void redo() override { record(m_remove ? removeAll() : addAll()); }
    void undo() override { record(m_remove ? addAll() : removeAll()); }

    qint64 firstId() const { return m_returns.isEmpty() ? 0 : m_returns.constFirst().id; }

private:
    Status addAll()
    {
        for (PerformanceReturn &r : m_returns) {
            Result<qint64> id = m_document->addReturn(r);
            if (!id)
                return id.error();
            // Keep the return as received (its id and time), so a redo brings back that one.
            r = *m_document->round().monitoring.performanceReturn(*id);
        }
        return {};
    }
    Status removeAll()
    {
        for (auto it = m_returns.crbegin(); it != m_returns.crend(); ++it) {
            if (Status s = m_document->removeReturn(it->id); !s)
                return s;
        }
        return {};
    }

    QList<PerformanceReturn> m_returns;
    bool m_remove;
};

} // namespace

Status Commands::setBoard(RoundDocument *document, const ProgrammeBoard &board, const QString &text,
                          const QString &mergeKey)
{
    return pushReplace<CommandId::SetBoard>(document, &RoundDocument::setBoard,
                                            document->round().monitoring.board, board, text,
                                            mergeKey);
}

Status Commands::setProfile(RoundDocument *document, const ContractProfile &profile,
                            const QString &text)
{
    return pushReplace<CommandId::SetProfile>(document, &RoundDocument::setProfile,
                                              document->round().monitoring.profile, profile, text,
                                              QString());
}

Result<qint64> Commands::receiveReturn(RoundDocument *document,
                                       const PerformanceReturn &performanceReturn)
{
    auto *command =
        new ReturnsCommand(document, {performanceReturn}, false,
                           tr("Receive the return from \"%1\"").arg(performanceReturn.source));
    // A command that failed is deleted by the stack; one that succeeded lives on it and holds
    // the id its redo() was given.
    if (Status s = pushCommand(document, command); !s)
        return s.error();
    return command->firstId();
}

Status Commands::removeIllustrativeReturns(RoundDocument *document)
{
    QList<PerformanceReturn> illustrative;
    for (const PerformanceReturn &r : document->round().monitoring.returns) {
        if (r.illustrative)
            illustrative.append(r);
    }
    if (illustrative.isEmpty())
        return {};
    return pushCommand(document, new ReturnsCommand(document, illustrative, true,
                                                    tr("Remove the illustrative returns")));
}

} // namespace CoCommission
