// Stage 6 on the command line: the performance report and the report to the DWP contract
// manager. Not written yet.

#include "core/cli/cliutil.h"

#include <QTextStream>

namespace CoCommission::CommandLine {

int runMonitoringReport(const QStringList &, QTextStream &, QTextStream &err)
{
    err << tr("The monitoring report is not built yet.") << '\n';
    return UsageError;
}

int runMonitoringDwpReport(const QStringList &, QTextStream &, QTextStream &err)
{
    err << tr("The report to the DWP contract manager is not built yet.") << '\n';
    return UsageError;
}

} // namespace CoCommission::CommandLine
