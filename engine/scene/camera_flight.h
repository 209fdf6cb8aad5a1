// A smooth camera move between two orbit cameras (flying to a phase's or a
// bookmark's view). View state, CPU only.
//
//   CameraFlight flight;
//   flight.start(current, destination);     // on a phase change or a view button
//   if (flight.active()) camera = flight.update(dt);   // each frame
//   flight.cancel();                         // the user grabbed the camera
#pragma once

#include "scene/orbit_camera.h"

namespace friche::scene {

// The camera a fraction `t` in [0,1] of the way from `a` to `b`: the target
// and angles interpolate (yaw the short way round), the distance geometrically
// so that a zoom feels even. Near and far planes are `b`'s.
OrbitCamera blendOrbit(const OrbitCamera& a, const OrbitCamera& b, float t);

class CameraFlight {
public:
    // Long enough to follow where the camera goes, short enough not to wait.
    static constexpr double kDefaultSeconds = 1.6;

    void start(const OrbitCamera& from, const OrbitCamera& to, double seconds = kDefaultSeconds);
    void cancel() { active_ = false; }
    bool active() const { return active_; }
    // Advances by `seconds` and returns the camera there (eased); the last call returns `to`.
    OrbitCamera update(double seconds);

private:
    OrbitCamera from_, to_;
    double duration_ = kDefaultSeconds;
    double elapsed_ = 0.0;
    bool active_ = false;
};

}  // namespace friche::scene
