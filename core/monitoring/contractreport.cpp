#include "core/monitoring/contractreport.h"

// Not written yet: see the header.
