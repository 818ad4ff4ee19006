#include "core/round/monitoring.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::Monitoring", text);
}

/** The value of \a all whose key is \a key, through \a keyOf. */
template<class T, class KeyOf>
std::optional<T> fromKey(const QList<T> &all, KeyOf keyOf, const QString &key)
{
    for (T value : all) {
        if (keyOf(value) == key)
            return value;
    }
    return std::nullopt;
}

} // namespace

QString boardRoleKey(BoardRole role)
{
    switch (role) {
    case BoardRole::PoliticalLead:
        return QStringLiteral("political_lead");
    case BoardRole::BusinessRepresentative:
        return QStringLiteral("business_representative");
    case BoardRole::SkillsProvider:
        return QStringLiteral("skills_provider");
    case BoardRole::JobcentrePlus:
        return QStringLiteral("jobcentre_plus");
    case BoardRole::DwpContractManager:
        return QStringLiteral("dwp_contract_manager");
    case BoardRole::Officer:
        return QStringLiteral("officer");
    }
    return {};
}

QList<BoardRole> boardRoles()
{
    return {BoardRole::PoliticalLead, BoardRole::BusinessRepresentative, BoardRole::SkillsProvider,
            BoardRole::JobcentrePlus, BoardRole::DwpContractManager,     BoardRole::Officer};
}

std::optional<BoardRole> boardRoleFromKey(const QString &key)
{
    return fromKey(boardRoles(), boardRoleKey, key);
}

QString boardRoleName(BoardRole role)
{
    switch (role) {
    case BoardRole::PoliticalLead:
        return tr("Political lead");
    case BoardRole::BusinessRepresentative:
        return tr("Business representative");
    case BoardRole::SkillsProvider:
        return tr("Skills provider");
    case BoardRole::JobcentrePlus:
        return tr("Jobcentre Plus");
    case BoardRole::DwpContractManager:
        return tr("DWP contract manager");
    case BoardRole::Officer:
        return tr("Officer");
    }
    return {};
}

QString actionKindKey(ActionKind kind)
{
    return kind == ActionKind::Issue ? QStringLiteral("issue") : QStringLiteral("action");
}

std::optional<ActionKind> actionKindFromKey(const QString &key)
{
    return fromKey(QList<ActionKind>{ActionKind::Action, ActionKind::Issue}, actionKindKey, key);
}

QString actionKindName(ActionKind kind)
{
    return kind == ActionKind::Issue ? tr("Issue") : tr("Action");
}

QString actionStatusKey(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Open:
        return QStringLiteral("open");
    case ActionStatus::InProgress:
        return QStringLiteral("in_progress");
    case ActionStatus::Done:
        return QStringLiteral("done");
    case ActionStatus::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

QList<ActionStatus> actionStatuses()
{
    return {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done,
            ActionStatus::Withdrawn};
}

std::optional<ActionStatus> actionStatusFromKey(const QString &key)
{
    return fromKey(actionStatuses(), actionStatusKey, key);
}

QString actionStatusName(ActionStatus status)
{
    switch (status) {
    case ActionStatus::Open:
        return tr("Open");
    case ActionStatus::InProgress:
        return tr("In progress");
    case ActionStatus::Done:
        return tr("Done");
    case ActionStatus::Withdrawn:
        return tr("Withdrawn");
    }
    return {};
}

bool BoardAction::isOverdue(const QDate &today) const
{
    return (status == ActionStatus::Open || status == ActionStatus::InProgress) && due.isValid() &&
           due < today;
}

QString reportMatterKey(ReportMatter matter)
{
    switch (matter) {
    case ReportMatter::LocalIntegration:
        return QStringLiteral("local_integration");
    case ReportMatter::LocalPriorities:
        return QStringLiteral("local_priorities");
    case ReportMatter::BestPractice:
        return QStringLiteral("best_practice");
    case ReportMatter::OperationalDelivery:
        return QStringLiteral("operational_delivery");
    }
    return {};
}

QString reportMatterName(ReportMatter matter)
{
    switch (matter) {
    case ReportMatter::LocalIntegration:
        return tr("Local integration");
    case ReportMatter::LocalPriorities:
        return tr("Performance against local priorities");
    case ReportMatter::BestPractice:
        return tr("Best practice");
    case ReportMatter::OperationalDelivery:
        return tr("Operational delivery");
    }
    return {};
}

QList<ReportMatter> reportMatters()
{
    return {ReportMatter::LocalIntegration, ReportMatter::LocalPriorities,
            ReportMatter::BestPractice, ReportMatter::OperationalDelivery};
}

const BoardMember *ProgrammeBoard::member(const QString &name) const
{
    const auto it = std::find_if(members.begin(), members.end(), [&](const BoardMember &m) {
        return m.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    return it == members.end() ? nullptr : &*it;
}

const BoardMeeting *ProgrammeBoard::meeting(int id) const
{
    const auto it = std::find_if(meetings.begin(), meetings.end(),
                                 [&](const BoardMeeting &m) { return m.id == id; });
    return it == meetings.end() ? nullptr : &*it;
}

const ContractManagerReport *ProgrammeBoard::report(const QDate &period) const
{
    const auto it =
        std::find_if(reports.begin(), reports.end(),
                     [&](const ContractManagerReport &r) { return r.period == period; });
    return it == reports.end() ? nullptr : &*it;
}

int ProgrammeBoard::votingMembers() const
{
    return int(std::count_if(members.begin(), members.end(),
                             [](const BoardMember &m) { return m.voting; }));
}

int ProgrammeBoard::quorumNeeded() const
{
    return quorum > 0 ? quorum : votingMembers() / 2 + 1;
}

int ProgrammeBoard::votingPresent(const BoardMeeting &meeting) const
{
    int present = 0;
    for (const QString &name : meeting.attendees) {
        if (const BoardMember *m = member(name); m && m->voting)
            ++present;
    }
    return present;
}

bool ProgrammeBoard::isQuorate(const BoardMeeting &meeting) const
{
    return votingMembers() > 0 && votingPresent(meeting) >= quorumNeeded();
}

int ProgrammeBoard::nextMeetingId() const
{
    int id = 0;
    for (const BoardMeeting &m : meetings)
        id = std::max(id, m.id);
    return id + 1;
}

int ProgrammeBoard::nextActionId() const
{
    int id = 0;
    for (const BoardAction &a : actions)
        id = std::max(id, a.id);
    return id + 1;
}

QString monitoringMeasureKey(MonitoringMeasure measure)
{
    switch (measure) {
    case MonitoringMeasure::Referrals:
        return QStringLiteral("referrals");
    case MonitoringMeasure::Starts:
        return QStringLiteral("starts");
    case MonitoringMeasure::JobOutcomes:
        return QStringLiteral("job_outcomes");
    case MonitoringMeasure::SustainedJobOutcomes:
        return QStringLiteral("sustained_job_outcomes");
    }
    return {};
}

QList<MonitoringMeasure> monitoringMeasures()
{
    return {MonitoringMeasure::Referrals, MonitoringMeasure::Starts, MonitoringMeasure::JobOutcomes,
            MonitoringMeasure::SustainedJobOutcomes};
}

std::optional<MonitoringMeasure> monitoringMeasureFromKey(const QString &key)
{
    return fromKey(monitoringMeasures(), monitoringMeasureKey, key);
}

QString monitoringMeasureName(MonitoringMeasure measure)
{
    switch (measure) {
    case MonitoringMeasure::Referrals:
        return tr("Referrals");
    case MonitoringMeasure::Starts:
        return tr("Starts");
    case MonitoringMeasure::JobOutcomes:
        return tr("Job outcomes");
    case MonitoringMeasure::SustainedJobOutcomes:
        return tr("Sustained job outcomes");
    }
    return {};
}

QString periodKey(const QDate &period)
{
    return period.isValid() ? period.toString(QStringLiteral("yyyy-MM")) : QString();
}

std::optional<QDate> periodFromKey(const QString &key)
{
    // Exactly four digits, a hyphen and two digits: QDate::fromString alone would accept
    // "2018-3" with the "M" format and dates before the year 1000 are no contract's.
    if (key.size() != 7 || key.at(4) != QLatin1Char('-'))
        return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6}) {
        if (!key.at(i).isDigit() || key.at(i).unicode() > 127)
            return std::nullopt;
    }
    const QDate date(key.left(4).toInt(), key.mid(5, 2).toInt(), 1);
    if (!date.isValid() || date.year() < 1900)
        return std::nullopt;
    return date;
}

QDate periodOf(const QDate &date)
{
    return date.isValid() ? QDate(date.year(), date.month(), 1) : QDate();
}

QString periodName(const QDate &period)
{
    return QLocale().toString(period, QStringLiteral("MMMM yyyy"));
}

QDate ContractProfile::end() const
{
    return hasPeriod() ? start.addMonths(months - 1) : QDate();
}

bool ContractProfile::contains(const QDate &period) const
{
    return hasPeriod() && period >= start && period <= end();
}

const PerformanceReturn *Monitoring::performanceReturn(qint64 id) const
{
    const auto it = std::find_if(returns.begin(), returns.end(),
                                 [&](const PerformanceReturn &r) { return r.id == id; });
    return it == returns.end() ? nullptr : &*it;
}

bool Monitoring::refersTo(CpaId cpa) const
{
    const auto names = [&](CpaId id) {
        return !cpa.isValid() || id == cpa;
    };
    const auto anyFigure = [&](const QList<MonitoringFigure> &figures) {
        return std::any_of(figures.begin(), figures.end(),
                           [&](const MonitoringFigure &f) { return names(f.cpa); });
    };
    return anyFigure(profile.figures) ||
           std::any_of(returns.begin(), returns.end(), [&](const PerformanceReturn &r) {
               return anyFigure(r.figures) ||
                      std::any_of(r.standards.begin(), r.standards.end(),
                                  [&](const StandardFigure &f) { return names(f.cpa); });
           });
}

bool Monitoring::isIllustrative() const
{
    return board.illustrative || profile.illustrative ||
           std::any_of(returns.begin(), returns.end(),
                       [](const PerformanceReturn &r) { return r.illustrative; });
}

} // namespace CoCommission
