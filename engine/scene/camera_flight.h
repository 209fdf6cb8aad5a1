// A smooth camera move from one orbit camera to another (flying to a
// bookmark's view, or back into a story whose camera moves on meanwhile).
// View state, CPU only.
//
//   CameraFlight flight;
//   flight.start(current);                   // on a view button
//   flight.advance(dt);                      // each frame
//   camera = flight.toward(destination);     // the destination may move
//   flight.cancel();                         // the user grabbed the camera
#pragma once

#include "scene/orbit_camera.h"

namespace friche::scene {

// The camera a fraction `t` in [0,1] of the way from `a` to `b`: the target
// and angles interpolate (yaw the short way round), the distance geometrically
// so that a zoom feels even. Near and far planes are `b`'s.
OrbitCamera blendOrbit(const OrbitCamera& a, const OrbitCamera& b, float t);

// A flight's camera a fraction `t` in [0,1] of its time from `a` to `b`:
// blended, eased in and out, its eye raised over the target by `arc` radians
// of pitch at the middle (none at the two ends), never steeper than 80
// degrees down.
OrbitCamera arcedFlight(const OrbitCamera& a, const OrbitCamera& b, float t, float arc);

class CameraFlight {
public:
    // Long enough to follow where the camera goes, short enough not to wait.
    static constexpr double kDefaultSeconds = 1.6;

    // `arc`: how far the eye rises over the way (arcedFlight).
    void start(const OrbitCamera& from, double seconds = kDefaultSeconds, float arc = 0.0f);
    void cancel() { active_ = false; }
    bool active() const { return active_; }
    // Advances by `seconds`; the flight ends when its time is up.
    void advance(double seconds);
    // The camera this far along the way (eased) from the start to `to`; `to` once ended.
    OrbitCamera toward(const OrbitCamera& to) const;

private:
    OrbitCamera from_;
    double duration_ = kDefaultSeconds;
    double elapsed_ = 0.0;
    float arc_ = 0.0f;
    bool active_ = false;
};

}  // namespace friche::scene
