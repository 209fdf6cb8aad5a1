// "Play the day": the sun's hour sweeps from sunrise to sunset in a fixed
// time, so that the shadows sweep across the site. View state: the Sun panel
// starts it, the viewer advances it by each frame's seconds.
//
//   scene::DaySweep sweep;
//   sweep.start(site);                // the hour jumps to sunrise
//   sweep.advance(site, frameSeconds); // each frame while sweep.playing()
#pragma once

#include "scene/sun.h"

namespace friche::scene {

// Sunrise to sunset in 20 seconds: a winter day (8 hours) and a summer day
// (16 hours) both play long enough to follow a shadow, short enough to watch whole.
inline constexpr double kDaySweepSeconds = 20.0;

class DaySweep {
public:
    // From sunrise on t's day to its sunset; on a polar day or night, the whole clock day.
    void start(SiteTime& t);
    void stop() { playing_ = false; }
    bool playing() const { return playing_; }
    // Moves t's hour on by `seconds` of playing; at sunset it stops there.
    void advance(SiteTime& t, double seconds);

private:
    bool playing_ = false;
    double from_ = 0.0;
    double to_ = 24.0;
};

}  // namespace friche::scene
