#pragma once

// Stage 6: the analysis of performance returns against the contract profile.
//
// Figures in force: of the figures the returns hold for the same period, CPA, group and
// measure (or period, CPA and standard), the one of the latest return (highest id) is in
// force; the earlier ones are superseded and kept as its history.
//
// A performance report is cumulative: from the contract's first month to its period
// (inclusive) it sums the figures in force (actual) and the profile's figures (profile) of
// each CPA × group × measure, and of each CPA's total over its groups. percent of profile =
// actual / profile × 100, none when the profile is 0. RAG, with the board's thresholds:
// green when percent >= greenPercent, amber when percent >= amberPercent, red below; none
// when there is no percent.
//
// Conversion rates (cumulative, per CPA and for all CPAs): starts per referral, job outcomes
// per start, sustained job outcomes per job outcome, each actual and in the profile, in
// percent; none when the divisor is 0.
//
// Local priorities: for every GroupShare directive condition (stage 3) and each CPA it
// applies to (its own, or every CPA of the adopted plan), the group's share of the CPA's
// starts to date against the condition's minimum: met when share >= minimum; none when the
// CPA has no starts. A PlacePresence condition is listed as not measured by returns.
//
// Service standards: for each standard of the design and each CPA, the latest figure in
// force up to the period; met by its direction (AtMost: value <= target; AtLeast: value >=
// target; Required: value >= 1); none when nothing was reported.

#include "core/common/ids.h"
#include "core/common/result.h"
#include "core/round/design.h"
#include "core/round/monitoring.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

struct Round;

enum class Rag { Green, Amber, Red };
/** "green", "amber", "red". */
QString ragKey(Rag rag);
/** Translated, e.g. "Green". */
QString ragName(Rag rag);
/** The rating of \a percent of profile under \a board's thresholds; none without a percent. */
std::optional<Rag> ragFor(std::optional<double> percent, const ProgrammeBoard &board);

/** One value a figure has had, oldest first: the return that gave it and whether it is in force. */
struct FigureVersion
{
    qint64 returnId = 0;
    QString source;
    QDateTime receivedAt;
    QString note;
    double value = 0;
    bool inForce = false;
};

/** The figures in force, ordered by period, then CPA id, group and measure. */
QList<MonitoringFigure> figuresInForce(const Monitoring &monitoring);
/** The standard figures in force, ordered by period, then CPA id and standard key. */
QList<StandardFigure> standardsInForce(const Monitoring &monitoring);
/** Every value the returns hold for one figure, oldest first; empty when none reports it. */
QList<FigureVersion> figureHistory(const Monitoring &monitoring, const QDate &period, CpaId cpa,
                                   const QString &group, MonitoringMeasure measure);

/** What one return did: its figures, how many correct earlier ones, how many were corrected. */
struct ReturnSummary
{
    int figures = 0;     ///< count and standard figures
    int corrections = 0; ///< of them, how many supersede a figure of an earlier return
    int superseded = 0;  ///< of them, how many a later return supersedes
    QDate firstPeriod;
    QDate lastPeriod;
};
ReturnSummary summariseReturn(const Monitoring &monitoring, qint64 returnId);

/**
 * Warnings about the figures in force once \a incoming is added (nullptr: as they are): for
 * each CPA and group, a month where job outcomes to date exceed starts to date, or sustained
 * job outcomes to date exceed job outcomes to date. Translated sentences naming the CPA, group
 * and month; each CPA and group at most once per kind.
 */
QStringList performanceWarnings(const Round &round, const PerformanceReturn *incoming = nullptr);

/** One row of the report: cumulative to the period. group empty: the CPA's total. */
struct PerformanceRow
{
    CpaId cpa;
    QString cpaName;
    QString group; ///< a key of monitoringGroups(), or empty for the CPA's total
    MonitoringMeasure measure = MonitoringMeasure::Referrals;
    double actual = 0;
    double profile = 0;
    std::optional<double> percentOfProfile;
    std::optional<Rag> rag;
};

/** A conversion rate, actual and in the profile, in percent. cpa invalid: all CPAs. */
struct ConversionRate
{
    CpaId cpa;
    QString key;  ///< "starts_per_referral", "job_outcomes_per_start", "sustained_per_job_outcome"
    QString name; ///< translated
    std::optional<double> actualPercent;
    std::optional<double> profilePercent;
};

/** A directive condition checked in one CPA. */
struct PriorityShare
{
    int condition = 0; ///< index in round.design.conditions
    CpaId cpa;
    QString group;          ///< GroupShare: the priority group; PlacePresence: the place's GSS code
    bool measurable = true; ///< false for PlacePresence: returns do not measure it
    double minimumPercent = 0;
    double groupStarts = 0;
    double totalStarts = 0;
    std::optional<double> sharePercent;
    std::optional<bool> met;
};

/** A service standard checked in one CPA. */
struct StandardCheck
{
    QString standard; ///< key
    CpaId cpa;
    std::optional<double> value; ///< the latest reported up to the period
    QDate reportedFor;           ///< the month of that figure
    std::optional<bool> met;
};

/** The report for one period. */
struct PerformanceReport
{
    QDate from;   ///< the contract's first month
    QDate period; ///< figures are cumulative to this month, inclusive
    /**
     * CPAs in plan order; within a CPA, each group with a profile or an actual figure (in
     * monitoringGroups() order) × the four measures, then the CPA's total × the four measures.
     */
    QList<PerformanceRow> rows;
    QList<PerformanceRow> totals;      ///< all CPAs together (cpa invalid), one per measure
    QList<ConversionRate> conversions; ///< per CPA in plan order, then all CPAs
    QList<PriorityShare> priorities;
    QList<StandardCheck> standards;
    QStringList warnings; ///< performanceWarnings() up to the period
};

/**
 * The report to \a period (nullopt: the latest month any figure in force reports). An error
 * when no contract period is set, the period is outside the contract, or no period is given
 * and no return has been received.
 */
Result<PerformanceReport> performanceReport(const Round &round,
                                            std::optional<QDate> period = std::nullopt);

/** One month of a trend: the month's figures and the running totals. */
struct TrendPoint
{
    QDate period;
    double actual = 0;
    double profile = 0;
    double cumulativeActual = 0;
    double cumulativeProfile = 0;
    bool reported = false; ///< a figure in force covers the month
};

/**
 * The trend of \a measure from the contract's first month to \a to (inclusive; invalid: the
 * contract's last month) for \a cpa (invalid: all CPAs) and \a group (empty: all groups).
 * Empty without a contract period.
 */
QList<TrendPoint> performanceTrend(const Round &round, CpaId cpa, const QString &group,
                                   MonitoringMeasure measure, const QDate &to = {});

} // namespace CoCommission
