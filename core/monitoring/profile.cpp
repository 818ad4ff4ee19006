#include "core/monitoring/profile.h"

// Not written yet: see the header.
