// bench_startup: how long `cocommission --demo` takes to show its first painted window.
//
// Runs the built program kRuns times with the hidden --startup-benchmark flag, which makes it
// print "startup_ms=<ms> peak_rss_kb=<kB>" once the main window is shown and painted, and exit.
// Two times are reported: the program's own (from process start, see app/main.cpp) and the one
// measured here, from QProcess::start() to the line arriving. The first run creates the demo
// round file and is reported apart as the warm-up. Each run gets a temporary HOME and XDG
// folders, so the user's demo round and settings are never touched.
#include "bench/benchutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace {

constexpr int kRuns = 7;
constexpr qint64 kTargetMs = 400;
constexpr int kTimeoutMs = 60000;

struct Sample
{
    qint64 externalMs = 0;
    qint64 internalMs = 0;
    qint64 peakRssKb = -1;
};

std::optional<Sample> runOnce(const QProcessEnvironment &environment, QString *error)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(COCOMMISSION_BINARY_PATH),
                  {QStringLiteral("--demo"), QStringLiteral("--startup-benchmark")});
    if (!process.waitForStarted(kTimeoutMs)) {
        *error = process.errorString();
        return std::nullopt;
    }
    static const QRegularExpression pattern(
        QStringLiteral("startup_ms=(\\d+) peak_rss_kb=(-?\\d+)"));
    QByteArray output;
    std::optional<Sample> sample;
    while (!sample && timer.elapsed() < kTimeoutMs) {
        if (!process.waitForReadyRead(int(kTimeoutMs - timer.elapsed())))
            break;
        output += process.readAllStandardOutput();
        const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            sample = Sample{timer.elapsed(), match.captured(1).toLongLong(),
                            match.captured(2).toLongLong()};
        }
    }
    if (!process.waitForFinished(kTimeoutMs))
        process.kill();
    if (!sample) {
        *error = QStringLiteral("no startup line; exit code %1; stderr: %2")
                     .arg(process.exitCode())
                     .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("exit code %1").arg(process.exitCode());
        return std::nullopt;
    }
    return sample;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

qint64 best(const QList<qint64> &values)
{
    return *std::min_element(values.begin(), values.end());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QTemporaryDir home;
    if (!home.isValid()) {
        err << "bench_startup: cannot make a temporary folder: " << home.errorString() << '\n';
        return 2;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    const bool display = environment.contains(QStringLiteral("DISPLAY")) ||
                         environment.contains(QStringLiteral("WAYLAND_DISPLAY"));
    if (!display)
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString platform =
        environment.value(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("default"));

    out << "bench_startup: " << COCOMMISSION_BINARY_PATH << " --demo --startup-benchmark\n"
        << "platform: " << platform << ", runs: " << kRuns << " (the first creates the demo "
        << "round and is the warm-up)\n\n";
    out << QStringLiteral("%1  %2  %3  %4\n")
               .arg(QStringLiteral("run"), -8)
               .arg(QStringLiteral("external ms"), 12)
               .arg(QStringLiteral("internal ms"), 12)
               .arg(QStringLiteral("peak RSS kB"), 12);

    QList<qint64> external;
    QList<qint64> internal;
    QList<qint64> rss;
    for (int run = 1; run <= kRuns; ++run) {
        QString error;
        const std::optional<Sample> sample = runOnce(environment, &error);
        if (!sample) {
            err << "bench_startup: run " << run << " failed: " << error << '\n';
            return 2;
        }
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(run == 1 ? QStringLiteral("warm-up") : QString::number(run), -8)
                   .arg(sample->externalMs, 12)
                   .arg(sample->internalMs, 12)
                   .arg(sample->peakRssKb, 12);
        out.flush();
        if (run == 1)
            continue;
        external.append(sample->externalMs);
        internal.append(sample->internalMs);
        rss.append(sample->peakRssKb);
    }

    const qint64 medianExternal = median(external);
    const bool met = medianExternal < kTargetMs;
    out << '\n'
        << QStringLiteral("%1  %2  %3\n")
               .arg(QStringLiteral("over runs 2-%1").arg(kRuns), -22)
               .arg(QStringLiteral("median"), 8)
               .arg(QStringLiteral("best"), 8)
        << QStringLiteral("%1  %2  %3\n")
               .arg(QStringLiteral("startup, external ms"), -22)
               .arg(medianExternal, 8)
               .arg(best(external), 8)
        << QStringLiteral("%1  %2  %3\n")
               .arg(QStringLiteral("startup, internal ms"), -22)
               .arg(median(internal), 8)
               .arg(best(internal), 8)
        << QStringLiteral("%1  %2  %3\n")
               .arg(QStringLiteral("peak RSS kB"), -22)
               .arg(median(rss), 8)
               .arg(best(rss), 8)
        << '\n'
        << "target: median external startup < " << kTargetMs << " ms: " << (met ? "met" : "NOT met")
        << '\n';

    using CoCommission::Bench::Figure;
    using CoCommission::Bench::Target;
    CoCommission::Bench::report(Figure(QStringLiteral("startup to the painted main window "
                                                      "(demo round), from outside"),
                                       double(medianExternal), QStringLiteral("ms"))
                                    .withTarget(Target::below(double(kTargetMs))));
    CoCommission::Bench::report(
        Figure(QStringLiteral("startup, from process start (the program's own clock)"),
               double(median(internal)), QStringLiteral("ms")));
    const qint64 rssKb = median(rss);
    CoCommission::Bench::report(
        Figure(QStringLiteral("peak memory at startup (RSS)"),
               rssKb < 0 ? CoCommission::Bench::kNotMeasured : double(rssKb) / 1024.0,
               QStringLiteral("MiB")));
    return 0;
}
