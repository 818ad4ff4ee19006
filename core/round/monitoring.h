#pragma once

// Stage 6, monitoring and evaluating provision: value types only. The checks live in
// core/monitoring/monitoringcheck.h, the returns' CSV format in core/monitoring/returncsv.h,
// the contract profile's derivation in core/monitoring/profile.h and the analysis in
// core/monitoring/performance.h.
//
// Periods are months, held as the QDate of the month's first day and written "YYYY-MM".

#include "core/common/ids.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace CoCommission {

/** The place of a member on the sub-regional programme board (seed 001, Appendix A). */
enum class BoardRole {
    PoliticalLead,
    BusinessRepresentative,
    SkillsProvider,
    JobcentrePlus,
    DwpContractManager,
    Officer,
};

/**
 * "political_lead", "business_representative", "skills_provider", "jobcentre_plus",
 * "dwp_contract_manager", "officer".
 */
QString boardRoleKey(BoardRole role);
std::optional<BoardRole> boardRoleFromKey(const QString &key);
/** Translated, e.g. "Political lead". */
QString boardRoleName(BoardRole role);
/** Every role, in order. */
QList<BoardRole> boardRoles();

/** A member of the programme board. Names are unique on the board (compared without case). */
struct BoardMember
{
    QString name;
    BoardRole role = BoardRole::Officer;
    QString organisation;
    bool voting = true; ///< false: an advisory member, not counted for the quorum

    bool operator==(const BoardMember &) const = default;
};

/** A meeting of the board: who attended decides whether it was quorate. */
struct BoardMeeting
{
    int id = 0; ///< unique on the board, above 0; actions name the meeting that raised them
    QDate date;
    QString title;         ///< e.g. "Quarterly performance review"
    QStringList attendees; ///< names of board members
    QString notes;

    bool operator==(const BoardMeeting &) const = default;
};

enum class ActionKind { Action, Issue };
enum class ActionStatus { Open, InProgress, Done, Withdrawn };

/** "action", "issue". */
QString actionKindKey(ActionKind kind);
std::optional<ActionKind> actionKindFromKey(const QString &key);
QString actionKindName(ActionKind kind);
/** "open", "in_progress", "done", "withdrawn". */
QString actionStatusKey(ActionStatus status);
std::optional<ActionStatus> actionStatusFromKey(const QString &key);
QString actionStatusName(ActionStatus status);
QList<ActionStatus> actionStatuses();

/** An entry of the board's actions and issues log. */
struct BoardAction
{
    int id = 0; ///< unique in the log, above 0
    ActionKind kind = ActionKind::Action;
    QString text;
    int meeting = 0; ///< the id of the meeting that raised it; 0: raised between meetings
    QString owner;
    QDate due; ///< invalid: no due date
    ActionStatus status = ActionStatus::Open;
    QString note;

    bool operator==(const BoardAction &) const = default;

    /** Open or in progress with a due date before \a today. */
    bool isOverdue(const QDate &today) const;
};

/** The four matters the board reports on to the DWP contract manager (seed 001). */
enum class ReportMatter { LocalIntegration, LocalPriorities, BestPractice, OperationalDelivery };

/** "local_integration", "local_priorities", "best_practice", "operational_delivery". */
QString reportMatterKey(ReportMatter matter);
/** Translated, e.g. "Local integration". */
QString reportMatterName(ReportMatter matter);
/** Every matter, in the order the report gives them. */
QList<ReportMatter> reportMatters();

/** What the board says on each matter in its report for one period. */
struct ContractManagerReport
{
    QDate period;                      ///< the month reported to, unique in the board's reports
    std::array<QString, 4> commentary; ///< by ReportMatter

    bool operator==(const ContractManagerReport &) const = default;

    const QString &on(ReportMatter matter) const { return commentary[size_t(matter)]; }
    QString &on(ReportMatter matter) { return commentary[size_t(matter)]; }
};

/**
 * The sub-regional programme board (stage 6): members, meetings, the actions and issues log,
 * its reports to the DWP contract manager and the thresholds of its RAG ratings. Changed whole
 * through RoundDocument::setBoard(), which checks it first (checkBoard()).
 */
struct ProgrammeBoard
{
    QList<BoardMember> members;
    /** Voting members who must attend for a meeting to be quorate; 0: more than half of them. */
    int quorum = 0;
    QList<BoardMeeting> meetings;
    QList<BoardAction> actions;
    QList<ContractManagerReport> reports;
    double greenPercent = 95;  ///< of profile, or better: green
    double amberPercent = 85;  ///< of profile, or better (and below green): amber; below: red
    bool illustrative = false; ///< invented people and meetings: every view must say so

    bool operator==(const ProgrammeBoard &) const = default;

    const BoardMember *member(const QString &name) const;
    const BoardMeeting *meeting(int id) const;
    const ContractManagerReport *report(const QDate &period) const;
    int votingMembers() const;
    /** The voting members a meeting needs: quorum, or more than half of the voting members. */
    int quorumNeeded() const;
    /** The voting members among \a meeting's attendees. */
    int votingPresent(const BoardMeeting &meeting) const;
    /** Whether \a meeting had its quorum (a board without voting members never has). */
    bool isQuorate(const BoardMeeting &meeting) const;
    /** One above the highest meeting id; one above the highest action id. */
    int nextMeetingId() const;
    int nextActionId() const;
    bool isEmpty() const { return *this == ProgrammeBoard{}; }
};

/** What a contract profile and a performance return count. */
enum class MonitoringMeasure { Referrals, Starts, JobOutcomes, SustainedJobOutcomes };

/** "referrals", "starts", "job_outcomes", "sustained_job_outcomes". */
QString monitoringMeasureKey(MonitoringMeasure measure);
std::optional<MonitoringMeasure> monitoringMeasureFromKey(const QString &key);
/** Translated, e.g. "Job outcomes". */
QString monitoringMeasureName(MonitoringMeasure measure);
/** Every measure, in the order of the programme: referrals first. */
QList<MonitoringMeasure> monitoringMeasures();

/** "YYYY-MM" of \a period; empty when it is invalid. */
QString periodKey(const QDate &period);
/** The first day of the month "YYYY-MM" names, or nullopt when \a key is not such a month. */
std::optional<QDate> periodFromKey(const QString &key);
/** The first day of \a date's month. */
QDate periodOf(const QDate &date);
/** Translated, e.g. "March 2018". */
QString periodName(const QDate &period);

/**
 * One count of one measure for one group in one CPA in one month: expected (in the contract
 * profile) or reported (in a performance return). The group is a priority group of the
 * catalogue (stage 2) or a payment group of the design (stage 3); each participant is counted
 * in one group, so a CPA's total is the sum of its groups.
 */
struct MonitoringFigure
{
    QDate period;
    CpaId cpa;
    QString group;
    MonitoringMeasure measure = MonitoringMeasure::Referrals;
    double value = 0; ///< finite, not negative; whole in a return, fractions in a derived profile

    bool operator==(const MonitoringFigure &) const = default;
};

/**
 * The contract profile: the contract's months and what is expected in each. Returns may only
 * report months of the contract. Changed whole through RoundDocument::setProfile().
 */
struct ContractProfile
{
    QDate start;    ///< the first month of the contract; invalid: no contract period set
    int months = 0; ///< the contract's length in months
    QString source; ///< how the figures were made, e.g. "Derived from the payment scenario ..."
    QList<MonitoringFigure> figures; ///< at most one per period, CPA, group and measure
    bool illustrative = false;

    bool operator==(const ContractProfile &) const = default;

    bool hasPeriod() const { return start.isValid() && months > 0; }
    /** The last month of the contract (invalid without a period). */
    QDate end() const;
    bool contains(const QDate &period) const;
    bool isEmpty() const { return *this == ContractProfile{}; }
};

/** A measured value of a minimum service standard (stage 3) for a CPA in a month. */
struct StandardFigure
{
    QDate period;
    CpaId cpa;
    QString standard; ///< the standard's key
    double value = 0; ///< finite, not negative; 1 or 0 for a Required standard

    bool operator==(const StandardFigure &) const = default;
};

/**
 * One performance return as received, kept with its source and never changed. A figure of a
 * later return for the same period, CPA, group and measure (or period, CPA and standard)
 * supersedes the earlier one: that is how a correction is made, and the history shows both.
 */
struct PerformanceReturn
{
    qint64 id = 0;  ///< unique, increasing with every return received
    QString source; ///< the file's name, or how it was entered
    QString sha256; ///< of the file's bytes; empty when entered
    QDateTime receivedAt;
    QString note; ///< e.g. what a correction corrects
    bool illustrative = false;
    QList<MonitoringFigure> figures;
    QList<StandardFigure> standards;

    bool operator==(const PerformanceReturn &) const = default;
};

/** Stage 6: the programme board, the contract profile and the performance returns. */
struct Monitoring
{
    ProgrammeBoard board;
    ContractProfile profile;
    QList<PerformanceReturn> returns; ///< in the order received

    bool operator==(const Monitoring &) const = default;

    const PerformanceReturn *performanceReturn(qint64 id) const;
    /** Whether the profile or a return names \a cpa (any CPA when invalid). */
    bool refersTo(CpaId cpa = {}) const;
    /** Whether anything of stage 6 is invented. */
    bool isIllustrative() const;
    bool isEmpty() const { return *this == Monitoring{}; }
};

} // namespace CoCommission
