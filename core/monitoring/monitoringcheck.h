#pragma once

// Stage 6: the rules a programme board, a contract profile and a performance return must meet
// before RoundDocument stores them. The CSV readers (returncsv.h) use the same figure checks
// and map each problem's index back to its line.

#include "core/common/result.h"
#include "core/round/design.h"
#include "core/round/monitoring.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace CoCommission {

struct Round;

/** The tr() context of the monitoring checks and engines. */
class MonitoringCheck
{
    Q_DECLARE_TR_FUNCTIONS(MonitoringCheck)
};

/** Limits no real programme reaches: a larger figure is a typing or file error. */
struct MonitoringLimits
{
    static constexpr double maxCount = 10'000'000; ///< people in one figure
    static constexpr double maxStandardValue = 1'000'000;
    static constexpr int maxContractMonths = 600; ///< 50 years
    static constexpr int maxFigures = 5'000'000;  ///< in one profile or return
};

/**
 * The groups monitoring counts in, in order: the priority groups of the catalogue (stage 2),
 * then the payment groups of the design (stage 3) whose keys the catalogue does not hold.
 */
QList<KeyName> monitoringGroups(const Round &round);

/** A problem with one figure (its index in the list checked) or with the whole list (-1). */
struct FigureProblem
{
    int index = -1;
    QString field;   ///< "period", "cpa", "priority_group", "measure" or "value"; or ""
    QString message; ///< translated; names the value at fault
};

/**
 * Checks \a figures against the round and the contract period of \a profile: each period in
 * the contract, each CPA of the adopted plan, each group one of monitoringGroups(), each value
 * finite, not negative, at most MonitoringLimits::maxCount and, with \a wholeNumbers, whole;
 * no two figures for the same period, CPA, group and measure (the later one is at fault).
 * Every problem is listed, in figure order; empty when all is well.
 */
QList<FigureProblem> checkFigures(const Round &round, const ContractProfile &profile,
                                  const QList<MonitoringFigure> &figures, bool wholeNumbers);

/**
 * The same for measured service standards: each period in the contract, each CPA of the
 * adopted plan, each standard a key of round.design.standards, each value finite, not
 * negative and at most MonitoringLimits::maxStandardValue (0 or 1 for a Required standard),
 * no two for the same period, CPA and standard.
 */
QList<FigureProblem> checkStandardFigures(const Round &round, const ContractProfile &profile,
                                          const QList<StandardFigure> &figures);

/**
 * Checks a programme board: members named, names unique without case, quorum 0 to the number
 * of voting members; meetings with unique ids above 0, valid dates and attendees who are
 * members; actions with unique ids above 0, text, a meeting that exists (or 0); reports with
 * unique valid periods (first of the month); thresholds finite with 0 <= amber <= green <=
 * 1000. The error names the part and the field.
 */
Status checkBoard(const ProgrammeBoard &board);

/**
 * Checks a contract profile against the round: a period (start the first of a month, 1 to
 * maxContractMonths months) whenever there are figures, and checkFigures() without whole
 * numbers. The error names the first problem.
 */
Status checkProfile(const Round &round, const ContractProfile &profile);

/**
 * Checks a performance return against the round and its contract profile: the contract period
 * is set, the return holds at least one figure, checkFigures() with whole numbers and
 * checkStandardFigures(). The error names the first problem.
 */
Status checkReturn(const Round &round, const PerformanceReturn &performanceReturn);

} // namespace CoCommission
