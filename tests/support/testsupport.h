#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace CoCommission {
class RoundDocument;
struct Round;
} // namespace CoCommission

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

/** Makes a round file at \a path holding \a round (actor "tester"); empty with a warning when
 * that fails. */
QString createRoundFile(const QString &path, const Round &round);
/** Opens the round at \a path for writing (actor "tester"); null with a warning when it fails. */
std::unique_ptr<RoundDocument> openRoundFile(const QString &path);

} // namespace CoCommission::TestSupport
