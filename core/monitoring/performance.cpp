#include "core/monitoring/performance.h"

// Not written yet: see the header.
