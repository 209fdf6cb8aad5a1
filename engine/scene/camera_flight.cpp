#include "scene/camera_flight.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>

#include "scene/timeline.h"

namespace friche::scene {

namespace {

constexpr float kHighestArcPitch = glm::radians(80.0f);

float lerp(float a, float b, float t) {
    return a + (b - a) * t;
}

// The difference b - a in (-pi, pi]: turning the short way round.
float angleDelta(float a, float b) {
    const float twoPi = glm::two_pi<float>();
    float d = std::fmod(b - a, twoPi);
    if (d > glm::pi<float>()) d -= twoPi;
    if (d <= -glm::pi<float>()) d += twoPi;
    return d;
}

}  // namespace

OrbitCamera blendOrbit(const OrbitCamera& a, const OrbitCamera& b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    OrbitCamera out = b;
    out.target = glm::mix(a.target, b.target, t);
    out.yaw = a.yaw + angleDelta(a.yaw, b.yaw) * t;
    out.pitch = lerp(a.pitch, b.pitch, t);
    out.fovY = lerp(a.fovY, b.fovY, t);
    if (a.distance > 0.0f && b.distance > 0.0f)
        out.distance = a.distance * std::pow(b.distance / a.distance, t);
    return out;
}

OrbitCamera arcedFlight(const OrbitCamera& a, const OrbitCamera& b, float t, float arc) {
    const float eased = ease(Easing::CubicInOut, std::clamp(t, 0.0f, 1.0f));
    OrbitCamera c = blendOrbit(a, b, eased);
    // Pitch is negative looking down: the arc raises the eye over the target.
    c.pitch = std::max(c.pitch - arc * std::sin(glm::pi<float>() * eased), -kHighestArcPitch);
    return c;
}

void CameraFlight::start(const OrbitCamera& from, double seconds, float arc) {
    from_ = from;
    arc_ = arc;
    duration_ = std::max(seconds, 1e-3);
    elapsed_ = 0.0;
    active_ = true;
}

void CameraFlight::advance(double seconds) {
    if (!active_) return;
    elapsed_ += std::max(seconds, 0.0);
    if (elapsed_ >= duration_) active_ = false;
}

OrbitCamera CameraFlight::toward(const OrbitCamera& to) const {
    if (!active_) return to;
    const float t = static_cast<float>(std::min(elapsed_ / duration_, 1.0));
    return arcedFlight(from_, to, t, arc_);
}

}  // namespace friche::scene
