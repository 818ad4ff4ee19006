#pragma once

#include <QString>
#include <QStringList>

namespace CoCommission::TestSupport {

/** tests/data in the source tree, found through a compile definition, never the working dir. */
QString dataDir();
/** The shared/ folder beside the checkout (reference data), or empty when absent. */
QString sharedDir();
/** The cocommission executable built with the tests. */
QString binaryPath();

/** The result of running the command line in-process. */
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList &arguments);

/** SHA-256 of a file's bytes, to prove that a refused file was left untouched. */
QByteArray fileHash(const QString &path);

} // namespace CoCommission::TestSupport
