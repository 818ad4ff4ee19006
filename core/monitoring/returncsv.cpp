#include "core/monitoring/returncsv.h"

// Not written yet: see the header.
