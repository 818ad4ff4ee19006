#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace CoCommission::PriorityPlaces {

/** The authorities in the top quartile of an indicator, and where the quartile starts. */
struct TopQuartile
{
    double threshold = 0; ///< the 75th percentile of the values
    QStringList codes;    ///< at or above the threshold: highest value first, ties by code
};

/**
 * The \a p-th percentile (0..100) of \a values, by linear interpolation between the closest
 * ranks: sorted ascending, the value at position (n - 1) × p / 100, interpolated between the
 * two values either side when that position is not whole. This is the usual "inclusive"
 * definition (Excel's PERCENTILE.INC, R's type 7); the 0th is the smallest value and the
 * 100th the largest. Empty when \a values is empty.
 */
std::optional<double> percentile(QList<double> values, double p);

/**
 * The authorities whose value (GSS code -> value) is at or above the 75th percentile of all
 * the values: the top quartile, as proposed priority places (stage 2).
 *
 * Ties are never broken: every authority whose value equals the threshold is in, so the
 * selection can hold more than a quarter of the authorities when values repeat. Authorities
 * without a value are not in \a values and so never selected. Empty when \a values is.
 */
std::optional<TopQuartile> topQuartile(const QHash<QString, double> &values);

} // namespace CoCommission::PriorityPlaces
