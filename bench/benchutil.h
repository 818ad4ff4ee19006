#pragma once

// What the benchmarks share: summary statistics of timings and the row of their tables.

#include <QList>
#include <QString>

#include <algorithm>

namespace CoCommission::Bench {

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
