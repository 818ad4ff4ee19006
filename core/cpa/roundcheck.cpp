#include "core/cpa/roundcheck.h"

#include "core/cpa/boundaries.h"
#include "core/needs/indicators.h"

#include <QCoreApplication>
#include <QList>
#include <QMutex>
#include <QMutexLocker>

namespace CoCommission {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CoCommission::RoundCheck", text);
}

/** The last few boundary files parsed, most recent first. */
class BoundaryCache
{
public:
    static constexpr int kCapacity = 4;

    std::shared_ptr<const BoundarySet> find(const QString &key)
    {
        const QMutexLocker lock(&m_mutex);
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (m_entries[i].first == key) {
                m_entries.move(i, 0);
                return m_entries.first().second;
            }
        }
        return {};
    }

    void insert(const QString &key, std::shared_ptr<const BoundarySet> set)
    {
        const QMutexLocker lock(&m_mutex);
        m_entries.removeIf([&](const auto &entry) { return entry.first == key; });
        m_entries.prepend({key, std::move(set)});
        while (m_entries.size() > kCapacity)
            m_entries.removeLast();
    }

private:
    QMutex m_mutex;
    QList<std::pair<QString, std::shared_ptr<const BoundarySet>>> m_entries;
};

BoundaryCache &cache()
{
    static BoundaryCache instance;
    return instance;
}

QString cacheKey(const BoundaryFile &file)
{
    // The SHA-256 is written with the bytes in one transaction; the size guards against a row
    // edited outside the program, which `cocommission verify` reports.
    return QStringLiteral("%1/%2/%3").arg(file.sha256, file.codeProperty).arg(file.geoJson.size());
}

} // namespace

AdjacencySource adjacencySource(const Round &round)
{
    return round.boundaries.isEmpty() ? AdjacencySource::LondonReference
                                      : AdjacencySource::ImportedBoundaries;
}

QString adjacencySourcePhrase(const Round &round)
{
    if (adjacencySource(round) == AdjacencySource::LondonReference)
        return tr("neighbours from the built-in London boundaries");
    return tr("neighbours from the imported boundaries (%1): areas sharing a stretch of "
              "boundary, whichever rule is chosen")
        .arg(round.boundaries.fileName);
}

Result<std::shared_ptr<const BoundarySet>> roundBoundaries(const Round &round)
{
    if (round.boundaries.isEmpty())
        return std::shared_ptr<const BoundarySet>();
    const QString key = cacheKey(round.boundaries);
    if (std::shared_ptr<const BoundarySet> cached = cache().find(key))
        return cached;
    // Parsed outside the lock: two threads may both parse a new file once, which is harmless.
    Result<BoundarySet> parsed = BoundarySet::fromGeoJson(
        round.boundaries.geoJson, round.boundaries.fileName, round.boundaries.codeProperty);
    if (!parsed)
        return Error{tr("The boundaries stored in the round (%1) cannot be read: %2")
                         .arg(round.boundaries.fileName, parsed.errorMessage())};
    auto set = std::make_shared<const BoundarySet>(std::move(*parsed));
    cache().insert(key, set);
    return std::shared_ptr<const BoundarySet>(std::move(set));
}

void rememberBoundaries(const BoundaryFile &file, BoundarySet parsed)
{
    if (!file.isEmpty())
        cache().insert(cacheKey(file), std::make_shared<const BoundarySet>(std::move(parsed)));
}

Result<Adjacency> roundAdjacency(const Round &round)
{
    if (round.boundaries.isEmpty())
        return Adjacency::london();
    const Result<std::shared_ptr<const BoundarySet>> set = roundBoundaries(round);
    if (!set)
        return set.error();
    return (*set)->adjacency();
}

Result<BalanceValues> balanceValues(const Round &round, const QString &indicator)
{
    const Indicators indicators(round);
    const IndicatorInfo *info = indicators.find(indicator);
    if (!info)
        return Error{tr("The round has no indicator \"%1\": run \"cocommission indicators\" to "
                        "list them.")
                         .arg(indicator)};
    if (!info->isCount())
        return Error{tr("\"%1\" is a ratio or a rate: balance is measured on a count, such as "
                        "the claimant count.")
                         .arg(info->name)};
    if (info->dates.isEmpty())
        return Error{tr("\"%1\" has no figures.").arg(info->name)};
    BalanceValues balance;
    balance.indicator = info->id;
    balance.date = info->dates.last();
    balance.label = QStringLiteral("%1 (%2)").arg(info->name, balance.date);
    balance.values = indicators.authorityValues(info->id, balance.date);
    return balance;
}

Result<PlanCheckOptions> checkOptionsFor(const Round &round, const CpaPlan &plan)
{
    PlanCheckOptions options;
    options.rule = plan.rule;
    options.minimumSize = plan.minimumSize;
    if (!plan.balanceIndicator.isEmpty()) {
        Result<BalanceValues> balance = balanceValues(round, plan.balanceIndicator);
        if (!balance)
            return Error{tr("The balance indicator of the plan \"%1\": %2")
                             .arg(plan.name, balance.errorMessage())};
        options.values = std::move(balance->values);
        options.indicatorName = balance->label;
    }
    return options;
}

Result<PlanCheck> checkRoundPlan(const Round &round, const CpaPlan &plan)
{
    const Result<Adjacency> adjacency = roundAdjacency(round);
    if (!adjacency)
        return adjacency.error();
    const Result<PlanCheckOptions> options = checkOptionsFor(round, plan);
    if (!options)
        return options.error();
    return checkPlan(round, plan, *adjacency, *options);
}

} // namespace CoCommission
