#pragma once

#include <QString>

#include <optional>

namespace CoCommission {

/** How partners' rankings of the priority groups are combined into the joint ranking. */
enum class RankingMethod {
    Borda,     ///< n - rank points per partner, summed (n groups; rank 1 gets n - 1)
    PointsSum, ///< the points each partner gave, summed
};

/** The method's stable key for files and the command line: "borda" or "points". */
QString rankingMethodKey(RankingMethod method);
/** The method for \a key ("borda" or "points", case-insensitive), or nullopt. */
std::optional<RankingMethod> rankingMethodFromKey(const QString &key);

} // namespace CoCommission
