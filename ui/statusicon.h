#pragma once

#include "core/round/stage.h"

#include <QColor>
#include <QIcon>

namespace CoCommission {

/**
 * The colour of a stage status. Each has at least 4.5:1 contrast against white (WCAG AA for
 * text, and well above the 3:1 asked of graphics): not started grey, in progress blue, ready
 * for sign-off dark amber, signed off green.
 */
QColor statusColour(StageStatus status);

/**
 * A small status dot. Colour is never the only cue: not started is a ring, in progress half
 * filled, ready for sign-off filled, signed off filled with a tick.
 */
QIcon statusIcon(StageStatus status);

/** A tick (met) or an empty ring (still needed), for requirement lists. */
QIcon requirementIcon(bool met);

} // namespace CoCommission
