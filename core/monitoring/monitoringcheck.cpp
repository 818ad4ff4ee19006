#include "core/monitoring/monitoringcheck.h"

#include "core/round/round.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <cmath>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return MonitoringCheck::tr(text);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

/** 1,000,000 or 12.5; "nan" and "inf" as they are. */
QString plain(double value)
{
    if (!std::isfinite(value))
        return QString::number(value);
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(value, 'f', QLocale::FloatingPointShortest);
}

QString cpaLabel(const Round &round, CpaId cpa)
{
    const Cpa *found = round.adoptedCpa(cpa);
    return found ? found->name : tr("CPA %1").arg(cpa.value());
}

/** Why \a period is no month of the contract, or "". */
QString periodProblem(const ContractProfile &profile, const QDate &period)
{
    if (!period.isValid() || period.day() != 1)
        return tr("The period is not a month.");
    if (!profile.contains(period))
        return tr("%1 is outside the contract, which runs from %2 to %3.")
            .arg(periodKey(period), periodKey(profile.start), periodKey(profile.end()));
    return {};
}

QString cpaProblem(const Round &round, CpaId cpa)
{
    if (round.adoptedCpa(cpa))
        return {};
    if (!round.adoptedPlan())
        return tr("The round has no adopted CPA plan, so no figure can name a CPA.");
    return tr("CPA %1 is not a CPA of the adopted plan.").arg(cpa.value());
}

/** What makes a figure unique: period, CPA, group (or standard) and measure. */
struct FigureKey
{
    qint64 day = 0;
    qint64 cpa = 0;
    QString group;
    int measure = 0;

    bool operator==(const FigureKey &) const = default;
    friend size_t qHash(const FigureKey &k, size_t seed = 0)
    {
        return qHashMulti(seed, k.day, k.cpa, k.group, k.measure);
    }
};

} // namespace

QList<KeyName> monitoringGroups(const Round &round)
{
    QList<KeyName> groups;
    QSet<QString> keys;
    for (const PriorityGroup &g : round.priorityGroups) {
        groups.append({g.key, g.name});
        keys.insert(g.key);
    }
    for (const PaymentGroup &g : round.design.paymentGroups) {
        if (!keys.contains(g.key)) {
            groups.append({g.key, g.name});
            keys.insert(g.key);
        }
    }
    return groups;
}

QList<FigureProblem> checkFigures(const Round &round, const ContractProfile &profile,
                                  const QList<MonitoringFigure> &figures, bool wholeNumbers)
{
    QList<FigureProblem> problems;
    if (figures.size() > MonitoringLimits::maxFigures) {
        problems.append({-1, QString(),
                         tr("%1 figures are more than the %2 one list may hold.")
                             .arg(figures.size())
                             .arg(MonitoringLimits::maxFigures)});
        return problems;
    }
    QSet<QString> groups;
    for (const KeyName &g : monitoringGroups(round))
        groups.insert(g.key);
    QHash<FigureKey, int> seen;
    seen.reserve(figures.size());
    for (int i = 0; i < figures.size(); ++i) {
        const MonitoringFigure &f = figures.at(i);
        if (QString p = periodProblem(profile, f.period); !p.isEmpty()) {
            problems.append({i, QStringLiteral("period"), p});
            continue;
        }
        if (QString p = cpaProblem(round, f.cpa); !p.isEmpty()) {
            problems.append({i, QStringLiteral("cpa"), p});
            continue;
        }
        if (!groups.contains(f.group)) {
            problems.append({i, QStringLiteral("priority_group"),
                             f.group.isEmpty()
                                 ? tr("The priority group is missing.")
                                 : tr("%1 is neither a priority group of stage 2 nor a payment "
                                      "group of stage 3.")
                                       .arg(quoted(f.group))});
            continue;
        }
        if (!std::isfinite(f.value) || f.value < 0) {
            problems.append(
                {i, QStringLiteral("value"),
                 tr("The count is %1; a count is a number of 0 or more.").arg(plain(f.value))});
            continue;
        }
        if (f.value > MonitoringLimits::maxCount) {
            problems.append({i, QStringLiteral("value"),
                             tr("The count %1 is more than %2, more people than any programme "
                                "serves.")
                                 .arg(plain(f.value), plain(MonitoringLimits::maxCount))});
            continue;
        }
        if (wholeNumbers && f.value != std::floor(f.value)) {
            problems.append(
                {i, QStringLiteral("value"),
                 tr("The count %1 is not a whole number of people.").arg(plain(f.value))});
            continue;
        }
        const FigureKey key{f.period.toJulianDay(), f.cpa.value(), f.group, int(f.measure)};
        if (const auto it = seen.constFind(key); it != seen.constEnd()) {
            problems.append({i, QString(),
                             tr("%1 for %2 in %3 in %4 is given twice.")
                                 .arg(monitoringMeasureName(f.measure), quoted(f.group),
                                      cpaLabel(round, f.cpa), periodKey(f.period))});
            continue;
        }
        seen.insert(key, i);
    }
    return problems;
}

QList<FigureProblem> checkStandardFigures(const Round &round, const ContractProfile &profile,
                                          const QList<StandardFigure> &figures)
{
    QList<FigureProblem> problems;
    QHash<QString, const ServiceStandard *> standards;
    for (const ServiceStandard &s : round.design.standards)
        standards.insert(s.key, &s);
    QSet<FigureKey> seen;
    for (int i = 0; i < figures.size(); ++i) {
        const StandardFigure &f = figures.at(i);
        if (QString p = periodProblem(profile, f.period); !p.isEmpty()) {
            problems.append({i, QStringLiteral("period"), p});
            continue;
        }
        if (QString p = cpaProblem(round, f.cpa); !p.isEmpty()) {
            problems.append({i, QStringLiteral("cpa"), p});
            continue;
        }
        const ServiceStandard *standard = standards.value(f.standard);
        if (!standard) {
            problems.append(
                {i, QStringLiteral("measure"),
                 tr("%1 is not a minimum service standard of stage 3.").arg(quoted(f.standard))});
            continue;
        }
        if (!std::isfinite(f.value) || f.value < 0 ||
            f.value > MonitoringLimits::maxStandardValue) {
            problems.append({i, QStringLiteral("value"),
                             tr("The value %1 of %2 must be from 0 to %3.")
                                 .arg(plain(f.value), quoted(standard->name),
                                      plain(MonitoringLimits::maxStandardValue))});
            continue;
        }
        if (standard->direction == StandardDirection::Required && f.value != 0 && f.value != 1) {
            problems.append({i, QStringLiteral("value"),
                             tr("%1 is met (1) or not (0); %2 is neither.")
                                 .arg(quoted(standard->name), plain(f.value))});
            continue;
        }
        const FigureKey key{f.period.toJulianDay(), f.cpa.value(), f.standard, -1};
        if (seen.contains(key)) {
            problems.append(
                {i, QString(),
                 tr("%1 for %2 in %3 is given twice.")
                     .arg(quoted(standard->name), cpaLabel(round, f.cpa), periodKey(f.period))});
            continue;
        }
        seen.insert(key);
    }
    return problems;
}

Status checkBoard(const ProgrammeBoard &board)
{
    const auto fail = [](const QString &part, const QString &message) {
        return Error{tr("%1: %2").arg(part, message)};
    };
    QSet<QString> names;
    for (const BoardMember &m : board.members) {
        const QString part = tr("Board member %1").arg(quoted(m.name));
        if (m.name.trimmed().isEmpty())
            return fail(tr("Board member"), tr("the name is empty."));
        const QString folded = m.name.trimmed().toCaseFolded();
        if (names.contains(folded))
            return fail(part, tr("the board already has a member of this name."));
        names.insert(folded);
    }
    if (board.quorum < 0 || board.quorum > board.votingMembers())
        return fail(tr("Quorum"), tr("%1 voting members cannot be required when the board has %2.")
                                      .arg(board.quorum)
                                      .arg(board.votingMembers()));
    QSet<int> meetingIds;
    for (const BoardMeeting &m : board.meetings) {
        const QString part =
            tr("Meeting %1").arg(m.title.isEmpty() ? QString::number(m.id) : quoted(m.title));
        if (m.id <= 0 || meetingIds.contains(m.id))
            return fail(part, tr("its number %1 is not unique.").arg(m.id));
        meetingIds.insert(m.id);
        if (!m.date.isValid())
            return fail(part, tr("the date is missing."));
        for (const QString &name : m.attendees) {
            if (!board.member(name))
                return fail(part,
                            tr("%1 attended but is not a member of the board.").arg(quoted(name)));
        }
        if (m.attendees.size() != QSet<QString>(m.attendees.begin(), m.attendees.end()).size())
            return fail(part, tr("an attendee is listed twice."));
    }
    QSet<int> actionIds;
    for (const BoardAction &a : board.actions) {
        const QString part = tr("%1 %2").arg(actionKindName(a.kind)).arg(a.id);
        if (a.id <= 0 || actionIds.contains(a.id))
            return fail(part, tr("its number is not unique."));
        actionIds.insert(a.id);
        if (a.text.trimmed().isEmpty())
            return fail(part, tr("it says nothing."));
        if (a.meeting != 0 && !meetingIds.contains(a.meeting))
            return fail(
                part,
                tr("meeting %1, which raised it, is not on the board's record.").arg(a.meeting));
    }
    QSet<qint64> periods;
    for (const ContractManagerReport &r : board.reports) {
        if (!r.period.isValid() || r.period.day() != 1)
            return fail(tr("Report to the DWP contract manager"), tr("its period is not a month."));
        if (periods.contains(r.period.toJulianDay()))
            return fail(tr("Report to the DWP contract manager"),
                        tr("there are two reports for %1.").arg(periodKey(r.period)));
        periods.insert(r.period.toJulianDay());
    }
    if (!std::isfinite(board.greenPercent) || !std::isfinite(board.amberPercent) ||
        board.amberPercent < 0 || board.greenPercent < board.amberPercent ||
        board.greenPercent > 1000)
        return fail(tr("RAG thresholds"),
                    tr("green from %1% and amber from %2%: amber must be from 0 and green at "
                       "least amber, at most 1000%.")
                        .arg(plain(board.greenPercent), plain(board.amberPercent)));
    return {};
}

namespace {

/** The first of \a problems as one message about \a what. */
Status firstProblem(const QString &what, const QList<FigureProblem> &problems, int count)
{
    if (problems.isEmpty())
        return {};
    const FigureProblem &p = problems.first();
    const QString where = p.index >= 0 ? tr("%1, figure %2").arg(what).arg(p.index + 1) : what;
    QString message = tr("%1: %2").arg(where, p.message);
    if (problems.size() > 1)
        message +=
            QLatin1Char(' ') + tr("(%1 problems in %2 figures.)").arg(problems.size()).arg(count);
    return Error{message};
}

} // namespace

Status checkProfile(const Round &round, const ContractProfile &profile)
{
    if (profile.start.isValid() || profile.months != 0 || !profile.figures.isEmpty()) {
        if (!profile.start.isValid() || profile.start.day() != 1)
            return Error{tr("Contract profile: the contract's first month is not set.")};
        if (profile.months < 1 || profile.months > MonitoringLimits::maxContractMonths)
            return Error{tr("Contract profile: a contract of %1 months; it must run 1 to %2 "
                            "months.")
                             .arg(profile.months)
                             .arg(MonitoringLimits::maxContractMonths)};
    }
    return firstProblem(tr("Contract profile"),
                        checkFigures(round, profile, profile.figures, false),
                        int(profile.figures.size()));
}

Status checkReturn(const Round &round, const PerformanceReturn &performanceReturn)
{
    const ContractProfile &profile = round.monitoring.profile;
    const QString what = tr("Performance return %1").arg(quoted(performanceReturn.source));
    if (!profile.hasPeriod())
        return Error{tr("%1: the contract period is not set. Derive, import or enter the "
                        "contract profile first.")
                         .arg(what)};
    if (performanceReturn.figures.isEmpty() && performanceReturn.standards.isEmpty())
        return Error{tr("%1 holds no figure.").arg(what)};
    if (Status s = firstProblem(what, checkFigures(round, profile, performanceReturn.figures, true),
                                int(performanceReturn.figures.size()));
        !s)
        return s;
    return firstProblem(what + QLatin1Char(' ') + tr("(service standards)"),
                        checkStandardFigures(round, profile, performanceReturn.standards),
                        int(performanceReturn.standards.size()));
}

} // namespace CoCommission
