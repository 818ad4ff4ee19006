// Stage 6 on the command line. Not written yet.

#include "core/cli/cliutil.h"

#include <QTextStream>

namespace CoCommission::CommandLine {

int runMonitoring(const QStringList &, QTextStream &, QTextStream &err)
{
    err << tr("The monitoring commands are not built yet.") << '\n';
    return UsageError;
}

} // namespace CoCommission::CommandLine
