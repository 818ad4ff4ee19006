#include "core/needs/choropleth.h"

#include <algorithm>
#include <cmath>

namespace CoCommission {

namespace {
// ColorBrewer "Blues", five classes.
constexpr QRgb kBlues[] = {0xeff3ff, 0xbdd7e7, 0x6baed6, 0x3182bd, 0x08519c};
constexpr int kMaxClasses = int(std::size(kBlues));
} // namespace

Choropleth Choropleth::equalIntervals(const QList<double> &values, int classCount)
{
    Choropleth result;
    std::optional<double> low;
    std::optional<double> high;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        low = low ? std::min(*low, v) : v;
        high = high ? std::max(*high, v) : v;
    }
    if (!low)
        return result;
    const int count = *high > *low ? std::clamp(classCount, 1, kMaxClasses) : 1;
    const double width = (*high - *low) / count;
    for (int i = 0; i < count; ++i) {
        // With fewer classes, spread them over the scale so that they stay far apart.
        const int shade = count == 1
                              ? kMaxClasses - 1
                              : int(std::lround(double(i) * (kMaxClasses - 1) / (count - 1)));
        result.m_classes.append({*low + width * i, i + 1 == count ? *high : *low + width * (i + 1),
                                 QColor::fromRgb(kBlues[shade])});
    }
    return result;
}

int Choropleth::classOf(double value) const
{
    if (m_classes.isEmpty())
        return -1;
    for (int i = 0; i < m_classes.size() - 1; ++i) {
        if (value < m_classes.at(i).to)
            return i;
    }
    return int(m_classes.size()) - 1;
}

QColor Choropleth::colourOf(double value) const
{
    const int i = classOf(value);
    return i < 0 ? QColor() : m_classes.at(i).colour;
}

} // namespace CoCommission
