// RoundDocument: stage 6, monitoring and evaluating provision.
//
// The programme board and the contract profile are changed whole, like the stage 3 and 4
// parts: checked against the round, written in one transaction with the audit entry, then
// made live. Performance returns are only ever added: a correction is a later return whose
// figures supersede the earlier ones, which stay on record.

#include "core/round/rounddocument.h"
#include "core/round/rounddocument_p.h"

#include "core/monitoring/monitoringcheck.h"
#include "core/store/monitoringstore.h"

#include <algorithm>

namespace CoCommission {

namespace {

using DocumentText::lines;

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

/** The parts of \a board that differ from \a other (all of it when \a other is null). */
QString describeBoard(const ProgrammeBoard &board, const ProgrammeBoard *other)
{
    QStringList parts;
    const auto add = [&](bool changed, const QString &name, const QString &text) {
        if (!other || changed)
            parts << name + QStringLiteral(":\n") + text;
    };
    add(other && board.members != other->members, QStringLiteral("members"),
        lines(board.members, [](const BoardMember &m) {
            return QStringLiteral("%1 (%2, %3)%4")
                .arg(m.name, boardRoleKey(m.role), m.organisation,
                     m.voting ? QString() : QStringLiteral(" advisory"));
        }));
    add(other && board.quorum != other->quorum, QStringLiteral("quorum"),
        QString::number(board.quorum));
    add(other && board.meetings != other->meetings, QStringLiteral("meetings"),
        lines(board.meetings, [](const BoardMeeting &m) {
            return QStringLiteral("%1 %2 %3: %4")
                .arg(m.id)
                .arg(m.date.toString(Qt::ISODate), m.title, m.attendees.join(QStringLiteral(", ")));
        }));
    add(other && board.actions != other->actions, QStringLiteral("actions and issues"),
        lines(board.actions, [](const BoardAction &a) {
            return QStringLiteral("%1 %2 (meeting %3) %4, owner %5, due %6, %7")
                .arg(a.id)
                .arg(actionKindKey(a.kind))
                .arg(a.meeting)
                .arg(a.text, a.owner, a.due.toString(Qt::ISODate), actionStatusKey(a.status));
        }));
    add(other && board.reports != other->reports, QStringLiteral("reports"),
        lines(board.reports, [](const ContractManagerReport &r) {
            QStringList text{periodKey(r.period)};
            for (ReportMatter matter : reportMatters())
                text << QStringLiteral("  %1: %2").arg(reportMatterKey(matter), r.on(matter));
            return text.join(QLatin1Char('\n'));
        }));
    add(other && (board.greenPercent != other->greenPercent ||
                  board.amberPercent != other->amberPercent),
        QStringLiteral("RAG thresholds"),
        QStringLiteral("green from %1%, amber from %2%")
            .arg(number(board.greenPercent), number(board.amberPercent)));
    add(other && board.illustrative != other->illustrative, QStringLiteral("illustrative"),
        board.illustrative ? QStringLiteral("yes") : QStringLiteral("no"));
    return parts.join(QLatin1Char('\n'));
}

/** A profile in one line: its period, source and size (the figures are in the file). */
QString describeProfile(const ContractProfile &profile)
{
    if (profile.isEmpty())
        return QStringLiteral("none");
    double total = 0;
    for (const MonitoringFigure &f : profile.figures)
        total += f.value;
    return QStringLiteral("%1 for %2 months, %3 figures totalling %4; %5%6")
        .arg(periodKey(profile.start))
        .arg(profile.months)
        .arg(profile.figures.size())
        .arg(number(total), profile.source,
             profile.illustrative ? QStringLiteral(" (illustrative)") : QString());
}

QString describeReturn(const PerformanceReturn &r)
{
    return QStringLiteral("return %1 from %2 (sha256 %3), received %4: %5 figures, %6 service "
                          "standard figures%7%8")
        .arg(r.id)
        .arg(r.source, r.sha256.isEmpty() ? QStringLiteral("none") : r.sha256,
             r.receivedAt.toUTC().toString(Qt::ISODate))
        .arg(r.figures.size())
        .arg(r.standards.size())
        .arg(r.note.isEmpty() ? QString() : QStringLiteral("; note: ") + r.note,
             r.illustrative ? QStringLiteral(" (illustrative)") : QString());
}

} // namespace

QString RoundDocument::whyMonitoringFrozen() const
{
    if (const QString why = whyNotEditable(); !why.isEmpty())
        return why;
    return DocumentText::whyStageFrozen(
        m_round.stage(StageId::Monitoring).status,
        tr("Stage 6 is ready for sign-off: withdraw it from sign-off to change the board's "
           "record, the contract profile or the returns."),
        tr("Stage 6 is signed off: the monitoring record is final."));
}

Status RoundDocument::setBoard(const ProgrammeBoard &board, const QString &what)
{
    if (const QString why = whyMonitoringFrozen(); !why.isEmpty())
        return fail(why);
    if (board == m_round.monitoring.board)
        return {};
    if (Status s = checkBoard(board); !s)
        return fail(s.errorMessage());
    const ProgrammeBoard &current = m_round.monitoring.board;
    if (Status s = write(
            QStringLiteral("set_board"), what.isEmpty() ? tr("Programme board changed") : what,
            describeBoard(current, &board), describeBoard(board, &current),
            [&](QSqlDatabase &db) { return MonitoringStore::replaceBoard(db, board); });
        !s)
        return s;
    m_round.monitoring.board = board;
    emit monitoringChanged();
    emit roundChanged();
    return {};
}

Status RoundDocument::setProfile(const ContractProfile &profile, const QString &what)
{
    if (const QString why = whyMonitoringFrozen(); !why.isEmpty())
        return fail(why);
    if (profile == m_round.monitoring.profile)
        return {};
    if (Status s = checkProfile(m_round, profile); !s)
        return fail(s.errorMessage());
    for (const PerformanceReturn &r : m_round.monitoring.returns) {
        const auto outside = [&](const QDate &period) {
            return !profile.contains(period);
        };
        const auto figure =
            std::find_if(r.figures.begin(), r.figures.end(),
                         [&](const MonitoringFigure &f) { return outside(f.period); });
        const auto standard =
            std::find_if(r.standards.begin(), r.standards.end(),
                         [&](const StandardFigure &f) { return outside(f.period); });
        if (figure != r.figures.end() || standard != r.standards.end()) {
            const QDate period = figure != r.figures.end() ? figure->period : standard->period;
            return fail(tr("The return from \"%1\" reports %2, which would be outside the "
                           "contract period: the returns received must stay in the contract.")
                            .arg(r.source, periodKey(period)));
        }
    }
    if (Status s = write(
            QStringLiteral("set_profile"), what.isEmpty() ? tr("Contract profile changed") : what,
            describeProfile(m_round.monitoring.profile), describeProfile(profile),
            [&](QSqlDatabase &db) { return MonitoringStore::replaceProfile(db, profile); });
        !s)
        return s;
    m_round.monitoring.profile = profile;
    emit monitoringChanged();
    emit roundChanged();
    return {};
}

Result<qint64> RoundDocument::addReturn(const PerformanceReturn &performanceReturn)
{
    if (const QString why = whyMonitoringFrozen(); !why.isEmpty())
        return Error{fail(why).errorMessage()};
    QList<PerformanceReturn> &returns = m_round.monitoring.returns;
    PerformanceReturn received = performanceReturn;
    if (received.id == 0) {
        for (const PerformanceReturn &r : returns)
            received.id = std::max(received.id, r.id);
        ++received.id;
    } else if (received.id < 0 || m_round.monitoring.performanceReturn(received.id)) {
        return Error{fail(tr("A return numbered %1 has been received already.").arg(received.id))
                         .errorMessage()};
    }
    if (!received.illustrative &&
        std::any_of(returns.begin(), returns.end(),
                    [](const PerformanceReturn &r) { return r.illustrative; }))
        return Error{fail(tr("The round holds the demo's illustrative returns: remove them "
                             "before receiving a real return, so that real and invented figures "
                             "never mix."))
                         .errorMessage()};
    if (!received.sha256.isEmpty()) {
        for (const PerformanceReturn &r : returns) {
            if (r.sha256 == received.sha256)
                return Error{fail(tr("This file was received already, as the return from "
                                     "\"%1\" on %2.")
                                      .arg(r.source, r.receivedAt.date().toString(Qt::ISODate)))
                                 .errorMessage()};
        }
    }
    if (!received.receivedAt.isValid())
        received.receivedAt = QDateTime::currentDateTimeUtc();
    if (Status s = checkReturn(m_round, received); !s)
        return Error{fail(s.errorMessage()).errorMessage()};
    if (Status s =
            write(QStringLiteral("add_return"),
                  tr("Performance return received from \"%1\"").arg(received.source), QString(),
                  describeReturn(received),
                  [&](QSqlDatabase &db) { return MonitoringStore::insertReturn(db, received); });
        !s)
        return s.error();
    const auto at =
        std::upper_bound(returns.begin(), returns.end(), received.id,
                         [](qint64 id, const PerformanceReturn &r) { return id < r.id; });
    returns.insert(at, received);
    emit monitoringChanged();
    emit roundChanged();
    return received.id;
}

Status RoundDocument::removeReturn(qint64 id)
{
    if (const QString why = whyMonitoringFrozen(); !why.isEmpty())
        return fail(why);
    QList<PerformanceReturn> &returns = m_round.monitoring.returns;
    const auto it = std::find_if(returns.begin(), returns.end(),
                                 [&](const PerformanceReturn &r) { return r.id == id; });
    if (it == returns.end())
        return fail(tr("The round has no return numbered %1.").arg(id));
    if (!it->illustrative && std::next(it) != returns.end())
        return fail(tr("The return from \"%1\" is kept on record: to change its figures, receive "
                       "a correction, which supersedes them.")
                        .arg(it->source));
    const PerformanceReturn removed = *it;
    if (Status s = write(QStringLiteral("remove_return"),
                         tr("Performance return from \"%1\" removed").arg(removed.source),
                         describeReturn(removed), QString(),
                         [&](QSqlDatabase &db) { return MonitoringStore::removeReturn(db, id); });
        !s)
        return s;
    returns.erase(std::find_if(returns.begin(), returns.end(),
                               [&](const PerformanceReturn &r) { return r.id == id; }));
    emit monitoringChanged();
    emit roundChanged();
    return {};
}

} // namespace CoCommission
