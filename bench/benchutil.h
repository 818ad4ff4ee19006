#pragma once

// What the benchmarks share: the clocks, peak memory, a timing loop, summary statistics of
// timings, the row of their tables, and report(), by which each benchmark hands its headline
// figures to the one table of bench/run-benchmarks.sh.
//
// The records report() writes. When the environment variable COCOMMISSION_BENCH_RESULTS names a
// file, each call appends one line to it (UTF-8, fields separated by one tab, no header, "-"
// for an empty field); otherwise it writes nothing. The fields, always all eleven, in order:
//
//   1 benchmark    the program's name (QCoreApplication::applicationName()), e.g. bench_cpa
//   2 figure       what was measured, e.g. "move + full recheck, 350 authorities"
//   3 value        a number (C locale, e.g. 0.0123 or 1.2e+06), or - when not measured
//   4 unit         e.g. ms, MiB, rows/s, or -
//   5 target of    value, ratio (the target bounds the ratio to the peer), or - (no target)
//   6 comparison   <, <=, > or >= (figure comparison bound), or - (no target)
//   7 bound        the target's number, or - (no target)
//   8 peer         the peer's name, e.g. "sqlite3 .import", or - (no peer)
//   9 peer value   the peer's figure in the same unit, or - (no peer, or peer not measured)
//  10 ratio        value / peer value, or - (no peer value)
//  11 meets        yes, no, or - (no target, or not measured so not judged); the script adds
//                  records of its own with "failed" for a benchmark that did not run
//
// bench/run-benchmarks.sh reads these records; change both together (and the records and
// expected tables under bench/testdata/, which a CTest test compares).

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#include <time.h>
#endif

namespace CoCommission::Bench {

/** This thread's CPU time in nanoseconds: the machine may be busy with other work. */
inline qint64 threadCpuNs()
{
#ifdef Q_OS_UNIX
    timespec t = {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
#else
    return 0;
#endif
}

/** The process's peak resident set in KiB, or -1 where getrusage() is not available. */
inline qint64 peakRssKb()
{
#ifdef Q_OS_UNIX
    struct rusage usage = {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
#ifdef Q_OS_MACOS
    return qint64(usage.ru_maxrss) / 1024; // bytes on macOS
#else
    return qint64(usage.ru_maxrss); // KiB on Linux
#endif
#else
    return -1;
#endif
}

/** Wall-clock and CPU milliseconds of the runs of some work. */
struct Timing
{
    QList<double> wallMs;
    QList<double> cpuMs;
};

/** Times \a runs calls of \a work after one warm-up call. */
inline Timing time(int runs, const std::function<void()> &work)
{
    Timing t;
    QElapsedTimer timer;
    for (int i = 0; i <= runs; ++i) {
        const qint64 cpu = threadCpuNs();
        timer.start();
        work();
        const qint64 wall = timer.nsecsElapsed();
        const qint64 cpuDone = threadCpuNs();
        if (i == 0)
            continue; // warm-up
        t.wallMs.append(double(wall) / 1e6);
        t.cpuMs.append(double(cpuDone - cpu) / 1e6);
    }
    return t;
}

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

/** The value below which a share \a p (0..1) of \a values falls (nearest rank). */
inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

/** One line of a timing table: measure, median, p95 or max, target, result. */
inline QString row(const QString &what, double medianMs, double otherMs, const QString &target,
                   const QString &verdict)
{
    return QStringLiteral("%1  %2  %3  %4  %5\n")
        .arg(what, -38)
        .arg(medianMs, 10, 'f', 3)
        .arg(otherMs, 10, 'f', 3)
        .arg(target, 8)
        .arg(verdict);
}

/** What a figure must be to meet its target: its value, or its ratio to the peer, against a bound.
 */
struct Target
{
    enum class Of { None, Value, Ratio };
    enum class Comparison { Below, AtMost, Above, AtLeast };

    Of of = Of::None;
    Comparison comparison = Comparison::Below;
    double bound = 0;

    static Target none() { return {}; }
    static Target below(double bound) { return {Of::Value, Comparison::Below, bound}; }
    static Target atMost(double bound) { return {Of::Value, Comparison::AtMost, bound}; }
    static Target above(double bound) { return {Of::Value, Comparison::Above, bound}; }
    static Target atLeast(double bound) { return {Of::Value, Comparison::AtLeast, bound}; }
    static Target ratioAtMost(double bound) { return {Of::Ratio, Comparison::AtMost, bound}; }
};

constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

/**
 * One headline figure of a benchmark, as report() records it:
 *
 *     report(Figure(QStringLiteral("move + recheck"), ms, QStringLiteral("ms"))
 *                .withTarget(Target::below(2)));
 *
 * A NaN value or peer value (kNotMeasured) means not measured: the figure is then not judged
 * against a target that needs it. The ratio is value / peerValue, so below 1 means less than the
 * peer (faster, for a time). \a complete is false when the work did not finish as the target
 * requires (say a search cut short by its deadline): the figure then does not meet its target,
 * whatever its value.
 */
struct Figure
{
    Figure() = default;
    Figure(const QString &name, double value, const QString &unit)
        : name(name)
        , value(value)
        , unit(unit)
    {}

    Figure &withTarget(const Target &bound)
    {
        target = bound;
        return *this;
    }
    /** \a peerValue is in this figure's unit, or kNotMeasured. */
    Figure &withPeer(const QString &peerName, double peerFigure)
    {
        peer = peerName;
        peerValue = peerFigure;
        return *this;
    }
    Figure &withComplete(bool isComplete)
    {
        complete = isComplete;
        return *this;
    }

    QString name;
    double value = kNotMeasured;
    QString unit;
    Target target;
    QString peer;
    double peerValue = kNotMeasured;
    bool complete = true;
};

namespace Detail {

inline QString recordField(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '))
        .replace(QLatin1Char('\n'), QLatin1Char(' '))
        .replace(QLatin1Char('\r'), QLatin1Char(' '));
    text = text.trimmed();
    return text.isEmpty() ? QStringLiteral("-") : text;
}

inline QString recordNumber(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 10) : QStringLiteral("-");
}

} // namespace Detail

/** Whether \a figure meets its target: "yes", "no", or "-" (no target, or not measured). */
inline QString meets(const Figure &figure)
{
    const double ratio = figure.value / figure.peerValue;
    const double judged = figure.target.of == Target::Of::Ratio ? ratio : figure.value;
    if (figure.target.of == Target::Of::None || !std::isfinite(judged))
        return QStringLiteral("-");
    if (!figure.complete)
        return QStringLiteral("no");
    const double bound = figure.target.bound;
    bool met = false;
    switch (figure.target.comparison) {
    case Target::Comparison::Below:
        met = judged < bound;
        break;
    case Target::Comparison::AtMost:
        met = judged <= bound;
        break;
    case Target::Comparison::Above:
        met = judged > bound;
        break;
    case Target::Comparison::AtLeast:
        met = judged >= bound;
        break;
    }
    return met ? QStringLiteral("yes") : QStringLiteral("no");
}

/** \a figure as one record line (with its newline), in the field order described at the top. */
inline QByteArray record(const QString &benchmark, const Figure &figure)
{
    using Detail::recordField;
    using Detail::recordNumber;
    static const char *const comparisons[] = {"<", "<=", ">", ">="};
    const bool hasTarget = figure.target.of != Target::Of::None;
    const bool hasPeer = !figure.peer.isEmpty();
    const QStringList fields = {
        recordField(benchmark),
        recordField(figure.name),
        recordNumber(figure.value),
        recordField(figure.unit),
        !hasTarget                              ? QStringLiteral("-")
        : figure.target.of == Target::Of::Ratio ? QStringLiteral("ratio")
                                                : QStringLiteral("value"),
        hasTarget ? QString::fromLatin1(comparisons[int(figure.target.comparison)])
                  : QStringLiteral("-"),
        hasTarget ? recordNumber(figure.target.bound) : QStringLiteral("-"),
        recordField(figure.peer),
        hasPeer ? recordNumber(figure.peerValue) : QStringLiteral("-"),
        hasPeer && figure.peerValue != 0 ? recordNumber(figure.value / figure.peerValue)
                                         : QStringLiteral("-"),
        meets(figure),
    };
    return fields.join(QLatin1Char('\t')).toUtf8() + '\n';
}

/**
 * Reports one headline figure of this benchmark for the table of bench/run-benchmarks.sh:
 * appends its record to the file named by COCOMMISSION_BENCH_RESULTS, or does nothing when that
 * is not set. The benchmark's own printed output is not affected.
 */
inline void report(const Figure &figure)
{
    const QString path = qEnvironmentVariable("COCOMMISSION_BENCH_RESULTS");
    if (path.isEmpty())
        return;
    QFile file(path);
    // Binary mode: one \n per record on every platform, as the script expects.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) ||
        file.write(record(QCoreApplication::applicationName(), figure)) < 0) {
        qWarning("%s: cannot write the benchmark record to %s: %s",
                 qPrintable(QCoreApplication::applicationName()), qPrintable(path),
                 qPrintable(file.errorString()));
    }
}

} // namespace CoCommission::Bench
