#include "tests/support/testsupport.h"

#include "core/cli/commandline.h"
#include "core/common/plurals.h"
#include "core/round/rounddocument.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTextStream>

namespace CoCommission::TestSupport {

QString dataDir()
{
    return QStringLiteral(COCOMMISSION_TEST_DATA_DIR);
}

QString sharedDir()
{
    const QString dir = QStringLiteral(COCOMMISSION_SOURCE_DIR "/../shared");
    return QDir(dir).exists() ? QDir(dir).canonicalPath() : QString();
}

QString binaryPath()
{
    return qEnvironmentVariable("COCOMMISSION_BINARY");
}

CliRun runCli(const QStringList &arguments)
{
    installTranslations(); // as main() does, so the output is what a user reads
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = CommandLine::run(arguments, out, err);
    out.flush();
    err.flush();
    return run;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QString createRoundFile(const QString &path, const Round &round)
{
    auto created = RoundDocument::create(path, round, QStringLiteral("tester"));
    if (!created) {
        qWarning("%s", qPrintable(created.errorMessage()));
        return {};
    }
    return path;
}

std::unique_ptr<RoundDocument> openRoundFile(const QString &path)
{
    auto opened = RoundDocument::open(path, {}, QStringLiteral("tester"));
    if (!opened) {
        qWarning("%s", qPrintable(opened.errorMessage()));
        return {};
    }
    return std::move(*opened);
}

} // namespace CoCommission::TestSupport
