#include "core/needs/indicators.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace CoCommission {

Indicators::Indicators(const Round &round)
    : m_authorities(round.authorities)
    , m_partnerships(round.partnerships)
    , m_plans(round.plans)
{
    QHash<QString, QSet<QString>> datesOf;
    for (const NeedsDataset &d : round.datasets) {
        for (const Observation &o : d.observations) {
            m_figures[o.measure][o.date].insert(o.gssCode, o.value);
            datesOf[o.measure].insert(o.date);
        }
    }
    auto sortedDates = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.sort();
        return list;
    };
    for (const NeedsDataset &d : round.datasets) {
        for (const Measure &m : d.measures) {
            IndicatorInfo info;
            info.id = m.key;
            info.name = m.label;
            info.kind = IndicatorInfo::Kind::Measure;
            info.dataset = d.name;
            info.source = d.source;
            info.illustrative = d.illustrative;
            info.dimensions = d.dimensions;
            info.dimensionValues = m.dimensionValues;
            info.dates = sortedDates(datesOf.value(m.key));
            std::tie(info.rate, info.percentage) = rateAndPercentage(m.dimensionValues);
            if (info.rate)
                m_rates.insert(info.id);
            m_byId.insert(info.id, m_infos.size());
            m_infos.append(info);
        }
    }
    for (const RatioIndicator &r : round.ratios) {
        IndicatorInfo info;
        info.id = r.key();
        info.name = r.name;
        info.kind = IndicatorInfo::Kind::Ratio;
        info.numerator = r.numerator;
        info.denominator = r.denominator;
        info.scale = r.scale;
        const IndicatorInfo *num = find(r.numerator);
        const IndicatorInfo *den = find(r.denominator);
        if (num && den) {
            info.dataset = num->dataset == den->dataset
                               ? num->dataset
                               : num->dataset + QStringLiteral(" / ") + den->dataset;
            info.source = num->source == den->source
                              ? num->source
                              : num->source + QStringLiteral("; ") + den->source;
            info.illustrative = num->illustrative || den->illustrative;
            const QSet<QString> a(num->dates.begin(), num->dates.end());
            const QSet<QString> b(den->dates.begin(), den->dates.end());
            info.dates = sortedDates(a & b);
        }
        m_ratios.insert(info.id, r);
        m_byId.insert(info.id, m_infos.size());
        m_infos.append(info);
    }
}

std::pair<bool, bool> Indicators::rateAndPercentage(const QStringList &dimensionValues)
{
    // Words NOMIS and the ONS use for figures that are not counts. "Variable" (the estimate of
    // the Annual Population Survey) is a count or a rate by its variable, whose name then
    // carries the "%".
    static const QRegularExpression rateWord(
        QStringLiteral("\\b(rates?|proportions?|ratios?|median|mean|average|confidence)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    bool rate = false;
    bool percentage = false;
    for (const QString &value : dimensionValues) {
        if (value.contains(QLatin1Char('%')) ||
            value.contains(QLatin1String("percent"), Qt::CaseInsensitive)) {
            rate = true;
            percentage = true;
        } else if (value.contains(rateWord)) {
            rate = true;
        }
    }
    return {rate, percentage};
}

const IndicatorInfo *Indicators::find(const QString &idOrName) const
{
    if (const auto it = m_byId.constFind(idOrName); it != m_byId.constEnd())
        return &m_infos.at(it.value());
    for (const IndicatorInfo &info : m_infos) {
        if (info.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &info;
    }
    return nullptr;
}

std::optional<double> Indicators::sum(const QString &measure, const QStringList &codes,
                                      const QString &date) const
{
    const auto byDate = m_figures.constFind(measure);
    if (byDate == m_figures.constEnd() || codes.isEmpty())
        return std::nullopt;
    const auto byCode = byDate->constFind(date);
    if (byCode == byDate->constEnd())
        return std::nullopt;
    double total = 0;
    for (const QString &code : codes) {
        const auto it = byCode->constFind(code);
        if (it == byCode->constEnd())
            return std::nullopt;
        total += it.value();
    }
    return total;
}

std::optional<double> Indicators::value(const QString &id, const QStringList &codes,
                                        const QString &date) const
{
    if (const auto ratio = m_ratios.constFind(id); ratio != m_ratios.constEnd()) {
        const auto num = sum(ratio->numerator, codes, date);
        const auto den = sum(ratio->denominator, codes, date);
        if (!num || !den || *den == 0)
            return std::nullopt;
        return *num / *den * ratio->scale;
    }
    // A rate of one authority is its figure; rates of several do not add up.
    if (m_rates.contains(id) && codes.size() > 1)
        return std::nullopt;
    return sum(id, codes, date);
}

QList<IndicatorValue> Indicators::values(const QString &id, Grouping grouping, const QString &date,
                                         const CpaPlan *plan) const
{
    QList<IndicatorValue> result;
    switch (grouping) {
    case Grouping::Authority:
        for (const Authority &a : m_authorities)
            result.append({a.gssCode, a.name, value(id, {a.gssCode}, date)});
        break;
    case Grouping::Partnership:
        for (const Partnership &p : m_partnerships)
            result.append({p.name, p.name, value(id, p.members, date)});
        break;
    case Grouping::Cpa: {
        if (!plan) {
            const auto adopted = std::find_if(m_plans.begin(), m_plans.end(),
                                              [](const CpaPlan &p) { return p.adopted; });
            plan = adopted == m_plans.end() ? nullptr : &*adopted;
        }
        if (plan) {
            for (const Cpa &c : plan->cpas)
                result.append({c.name, c.name, value(id, c.members, date)});
        }
        break;
    }
    }
    return result;
}

QHash<QString, double> Indicators::authorityValues(const QString &id, const QString &date) const
{
    QHash<QString, double> result;
    for (const Authority &a : m_authorities) {
        if (const auto v = value(id, {a.gssCode}, date))
            result.insert(a.gssCode, *v);
    }
    return result;
}

QList<std::pair<QString, std::optional<double>>> Indicators::series(const QString &id,
                                                                    const QStringList &codes) const
{
    QList<std::pair<QString, std::optional<double>>> result;
    if (const IndicatorInfo *info = find(id)) {
        for (const QString &date : info->dates)
            result.append({date, value(info->id, codes, date)});
    }
    return result;
}

} // namespace CoCommission
