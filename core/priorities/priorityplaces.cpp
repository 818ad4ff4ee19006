#include "core/priorities/priorityplaces.h"

#include <algorithm>
#include <cmath>

namespace CoCommission::PriorityPlaces {

std::optional<double> percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double position = double(values.size() - 1) * std::clamp(p, 0.0, 100.0) / 100.0;
    const auto lower = qsizetype(std::floor(position));
    const auto upper = std::min(lower + 1, values.size() - 1);
    const double fraction = position - double(lower);
    // Written so that a whole position gives the value itself, with no rounding error.
    return values[lower] + fraction * (values[upper] - values[lower]);
}

std::optional<TopQuartile> topQuartile(const QHash<QString, double> &values)
{
    const std::optional<double> threshold = percentile(values.values(), 75);
    if (!threshold)
        return std::nullopt;
    TopQuartile result;
    result.threshold = *threshold;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (it.value() >= *threshold)
            result.codes.append(it.key());
    }
    std::sort(result.codes.begin(), result.codes.end(), [&](const QString &a, const QString &b) {
        const double va = values.value(a);
        const double vb = values.value(b);
        return va != vb ? va > vb : a < b;
    });
    return result;
}

} // namespace CoCommission::PriorityPlaces
