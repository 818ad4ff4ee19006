#pragma once

// What the benchmarks share: the clocks, peak memory, a timing loop, summary statistics of
// timings and the row of their tables.

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <algorithm>
#include <functional>

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

} // namespace CoCommission::Bench
