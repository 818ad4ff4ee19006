#pragma once

#include "core/common/result.h"
#include "core/cpa/adjacency.h"
#include "core/cpa/plancheck.h"
#include "core/round/round.h"

#include <QHash>
#include <QString>

#include <memory>

/**
 * What every screen and command needs to check a round's CPA plan: the round's adjacency (from
 * its imported boundaries when it has them, else London's built-in neighbours), the plan's
 * check options from its stored settings, and the check itself.
 *
 * Parsing a boundary file is slow (GEOS builds every shared edge), so the parsed BoundarySet is
 * kept in a small process-wide cache keyed by the file's SHA-256 and code property: the last
 * few files parsed, shared read-only between threads and documents. A document holds no parsed
 * geometry of its own, and a second window or command on the same round parses nothing again.
 */
namespace CoCommission {

class BoundarySet;

/** Where a round's neighbours come from. */
enum class AdjacencySource {
    LondonReference,   ///< the built-in London adjacency (legal boundaries and land contact)
    ImportedBoundaries ///< the boundary file imported into the round (shared edges only)
};

AdjacencySource adjacencySource(const Round &round);

/**
 * A translated phrase saying where the neighbours of \a round come from, for checks and
 * papers: "neighbours from the built-in London boundaries" or "neighbours from the imported
 * boundaries (london.geojson): a shared boundary counts under either rule".
 */
QString adjacencySourcePhrase(const Round &round);

/**
 * The round's imported boundaries, parsed (from the cache when the same file was parsed
 * before); a null pointer when the round has none. An error when the stored file no longer
 * parses.
 */
Result<std::shared_ptr<const BoundarySet>> roundBoundaries(const Round &round);

/** The adjacency of \a round: from its imported boundaries when present, else London's. */
Result<Adjacency> roundAdjacency(const Round &round);

/** The values of a balance indicator at its latest date, with its name for messages. */
struct BalanceValues
{
    QString indicator;             ///< the indicator's id
    QString date;                  ///< its latest date
    QString label;                 ///< "Claimant count (2024-05)"
    QHash<QString, double> values; ///< per GSS code; authorities without a figure are left out
};

/**
 * The values of \a indicator (a measure's id or name) at its latest date. Refused for an
 * unknown indicator, a ratio (a CPA total of rates means nothing) or one without figures.
 */
Result<BalanceValues> balanceValues(const Round &round, const QString &indicator);

/**
 * The options \a plan is checked with: its adjacency rule, its balance indicator's values at
 * their latest date (none when the plan has no indicator) and its minimum size.
 */
Result<PlanCheckOptions> checkOptionsFor(const Round &round, const CpaPlan &plan);

/**
 * Checks \a plan with its stored settings on the round's adjacency. Say where the neighbours
 * came from with adjacencySourcePhrase().
 */
Result<PlanCheck> checkRoundPlan(const Round &round, const CpaPlan &plan);

/**
 * Puts \a parsed in the cache for \a file, so that the next roundBoundaries() on it parses
 * nothing (RoundDocument::importBoundaries() parsed the file already).
 */
void rememberBoundaries(const BoundaryFile &file, BoundarySet parsed);

} // namespace CoCommission
