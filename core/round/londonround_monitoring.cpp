// The demo round's illustrative monitoring (stage 6). Not written yet.

#include "core/round/londonround.h"

namespace CoCommission::LondonRound {

Monitoring demoMonitoring(const Round &)
{
    return {};
}

} // namespace CoCommission::LondonRound
