#pragma once

// Stage 6: the board's report to the DWP contract manager on the four matters the source
// papers name (seed 001): local integration, performance against local priorities, best
// practice and operational delivery. Each matter has findings drawn from the round and the
// board's own commentary (ProgrammeBoard::reports).
//
// Findings:
// - local integration: the statements of intent (stage 3) by status with their value a year,
//   the referral routes, and the share of referrals to date against the profile;
// - local priorities: each directive condition in each CPA, met or not (PriorityShare);
// - best practice: the CPA with the highest job outcomes per start, and each CPA × group
//   whose job outcomes are green;
// - operational delivery: the CPAs' RAG ratings by measure, red rows named, service
//   standards not met, meetings held and whether quorate, overdue actions and open issues.

#include "core/common/result.h"
#include "core/monitoring/performance.h"
#include "core/round/monitoring.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission {

struct Round;

/** One matter of the report. */
struct ReportSection
{
    ReportMatter matter = ReportMatter::LocalIntegration;
    QString title;        ///< reportMatterName()
    QStringList findings; ///< translated sentences drawn from the round
    QString commentary;   ///< the board's, "" when it has written none
};

/** The report for one period. */
struct ContractManagerPaper
{
    QString round; ///< the round's title
    QDate period;
    QDate today;                   ///< the date overdue actions are judged on
    bool illustrative = false;     ///< any of stage 6 invented: the report must say so
    QList<ReportSection> sections; ///< in reportMatters() order
    PerformanceReport performance;

    /** Plain text: a title line, then each section's title, findings ("- ...") and commentary. */
    QString toText() const;
    /** The same as an HTML document with real headings and lists, lang="en-GB". */
    QString toHtml() const;
};

/**
 * The report to \a period (nullopt: as performanceReport()), judging overdue actions on
 * \a today (invalid: the current date). Errors as performanceReport().
 */
Result<ContractManagerPaper> contractManagerPaper(const Round &round,
                                                  std::optional<QDate> period = std::nullopt,
                                                  const QDate &today = {});

} // namespace CoCommission
