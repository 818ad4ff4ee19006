#pragma once

#include "core/common/result.h"
#include "core/round/design.h"
#include "core/round/supply.h"

class QSqlDatabase;

namespace CoCommission {

/**
 * Reads and writes stages 3 and 4 (schema version 6): the service design and the supply
 * market. Each is small and changed whole, so a write replaces every row of its tables. Like
 * RoundStore, the writers expect to run inside a ProjectFile::transaction() and leave the
 * audit log to RoundDocument. Lists keep their order (a position column).
 */
namespace DesignStore {

Result<ServiceDesign> loadDesign(QSqlDatabase &db);
Status replaceDesign(QSqlDatabase &db, const ServiceDesign &design);

Result<SupplyMarket> loadSupply(QSqlDatabase &db);
Status replaceSupply(QSqlDatabase &db, const SupplyMarket &supply);

} // namespace DesignStore
} // namespace CoCommission
