#pragma once

#include <QString>

#include <optional>

namespace CoCommission {

/**
 * Which contacts between two authorities make them neighbours for contiguity.
 *
 * Legal borough boundaries meet in the middle of the Thames, so some neighbours touch only
 * across the river. The board chooses the rule; every check and paper says which it used.
 */
enum class AdjacencyRule {
    LegalBoundary,  ///< any shared stretch of legal boundary (the default)
    LandContactOnly ///< only boundaries that meet on land
};

/** The rule's stable key for files and the command line: "legal" or "land". */
QString adjacencyRuleKey(AdjacencyRule rule);
/** The rule for \a key ("legal" or "land", case-insensitive), or nullopt. */
std::optional<AdjacencyRule> adjacencyRuleFromKey(const QString &key);

} // namespace CoCommission
