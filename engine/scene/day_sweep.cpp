#include "scene/day_sweep.h"

#include <algorithm>

namespace friche::scene {

void DaySweep::start(SiteTime& t) {
    const std::optional<Daylight> day = sunriseAndSunset(t);
    from_ = day ? day->sunrise : 0.0;
    to_ = day ? day->sunset : 24.0;
    t.hour = from_;
    playing_ = true;
}

void DaySweep::advance(SiteTime& t, double seconds) {
    if (!playing_) return;
    t.hour = std::min(to_, t.hour + seconds * (to_ - from_) / kDaySweepSeconds);
    playing_ = t.hour < to_;
}

}  // namespace friche::scene
