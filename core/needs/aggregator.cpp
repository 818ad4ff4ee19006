#include "core/needs/aggregator.h"

#include <algorithm>

namespace CoCommission {

AuthorityAggregator::AuthorityAggregator(const QStringList &authorities,
                                         const QHash<QString, QString> &lookup)
    : m_authorities(authorities)
    , m_lookup(lookup)
{
    for (int i = 0; i < authorities.size(); ++i)
        m_authorityIndex.insert(authorities.at(i), i);
}

AuthorityAggregator::Target AuthorityAggregator::target(const QString &code) const
{
    if (const auto it = m_authorityIndex.constFind(code); it != m_authorityIndex.constEnd())
        return {it.value(), true};
    if (const auto parent = m_lookup.constFind(code); parent != m_lookup.constEnd()) {
        if (const auto it = m_authorityIndex.constFind(parent.value());
            it != m_authorityIndex.constEnd())
            return {it.value(), false};
    }
    return {};
}

bool AuthorityAggregator::add(Target target, int series, int date, std::optional<double> value)
{
    if (target.authority < 0)
        return true;
    Sum &sum = m_sums[key(series, target.authority, date)];
    if (target.isAuthority) {
        if (sum.hasOwn)
            return false;
        sum.hasOwn = true;
        sum.ownMissing = !value;
        sum.own = value.value_or(0);
    } else {
        sum.partMissing = sum.partMissing || !value;
        sum.parts += value.value_or(0);
    }
    return true;
}

QList<Observation> AuthorityAggregator::observations(const QStringList &measureKeys,
                                                     const QStringList &dates) const
{
    QList<Observation> result;
    result.reserve(m_sums.size());
    for (auto it = m_sums.constBegin(); it != m_sums.constEnd(); ++it) {
        const Sum &sum = it.value();
        std::optional<double> value;
        if (sum.hasOwn)
            value = sum.ownMissing ? std::nullopt : std::optional<double>(sum.own);
        else if (!sum.partMissing)
            value = sum.parts;
        if (!value)
            continue;
        const int series = int(it.key() >> 40);
        const int authority = int((it.key() >> 24) & 0xFFFF);
        const int date = int(it.key() & 0xFFFFFF);
        result.append(
            {m_authorities.at(authority), measureKeys.at(series), dates.at(date), *value});
    }
    std::sort(result.begin(), result.end(), [](const Observation &a, const Observation &b) {
        return std::tie(a.measure, a.gssCode, a.date) < std::tie(b.measure, b.gssCode, b.date);
    });
    return result;
}

} // namespace CoCommission
