#include "fuzz/fuzzsupport.h"

#include "core/round/londonround.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace CoCommission::Fuzz {

void ensureApplication()
{
    static int argc = 1;
    static char name[] = "cocommission-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

QString scratchDir()
{
    ensureApplication();
    static QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot make a scratch folder: %s\n", qPrintable(dir.errorString()));
        std::abort();
    }
    return dir.path();
}

QString writeScratchFile(const QString &name, const QByteArray &data)
{
    const QString path = scratchDir() + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

const Round &demoRound()
{
    ensureApplication();
    static const Round round = [] {
        Result<Round> demo = LondonRound::demo();
        if (!demo) {
            std::fprintf(stderr, "cannot make the demo round: %s\n",
                         qPrintable(demo.errorMessage()));
            std::abort();
        }
        return *demo;
    }();
    return round;
}

} // namespace CoCommission::Fuzz
