#pragma once

#include "core/round/round.h"

namespace CoCommission::PriorityCatalogue {

/**
 * The priority groups the source papers name (seeds 000, 001 and 003), as first released.
 * New rounds start with them and file format 3 seeds them into older rounds; the catalogue
 * of a round is then the round's own to edit. Never change this list: add a new one.
 */
QList<PriorityGroup> version1();

} // namespace CoCommission::PriorityCatalogue
