#include "scene/orbit_camera.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace friche::scene {

// Keeps the camera off the poles, where yaw would be undefined.
static constexpr float kMaxPitch = 1.55f;
// One wheel notch moves 12 % closer: fine enough for a precise wheel,
// few enough notches to cross a site.
static constexpr float kZoomStep = 0.88f;

void OrbitCamera::frame(const Bounds& b, float aspect) {
    if (!b.valid()) return;
    target = b.center();
    // Fit the box's eight corners, not its bounding sphere: the sphere leaves a
    // compact model small on screen. In view space (the target at the origin,
    // the eye at +z `distance`), a corner v stays inside the frustum when
    // |v.x| <= (distance - v.z) * tanX, and likewise for y.
    const glm::mat3 rotation(glm::lookAt(glm::vec3(0.0f), -viewDirection(), glm::vec3(0, 1, 0)));
    const float tanY = std::tan(0.5f * fovY);
    const float tanX = tanY * std::max(aspect, 1e-3f);
    float fit = 1e-4f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                               (i & 4) ? b.max.z : b.min.z);
        const glm::vec3 v = rotation * (corner - target);
        fit = std::max({fit, std::abs(v.x) / tanX + v.z, std::abs(v.y) / tanY + v.z});
    }
    // A margin so the model does not touch the screen's edges.
    distance = fit * 1.08f;
}

void OrbitCamera::orbit(float dYaw, float dPitch) {
    yaw += dYaw;
    pitch = std::clamp(pitch + dPitch, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float dx, float dy) {
    const glm::mat4 inv = glm::inverse(view());
    const glm::vec3 right(inv[0]), up(inv[1]);
    target += (-dx * right + dy * up) * heightAtTarget();
}

void OrbitCamera::zoom(float steps) {
    pinch(std::pow(1.0f / kZoomStep, steps));
}

void OrbitCamera::pinch(float factor) {
    if (!(factor > 0.0f)) return;
    distance = std::max(distance / factor, 1e-4f);
}

glm::vec3 OrbitCamera::viewDirection() const {
    return {std::cos(pitch) * std::sin(yaw), std::sin(pitch), -std::cos(pitch) * std::cos(yaw)};
}

glm::vec3 OrbitCamera::eye() const {
    return target - viewDirection() * distance;
}

glm::mat4 OrbitCamera::view() const {
    return glm::lookAt(eye(), target, glm::vec3(0, 1, 0));
}

float OrbitCamera::heightAtTarget() const {
    return 2.0f * distance * std::tan(0.5f * fovY);
}

glm::mat4 OrbitCamera::projection(float aspect) const {
    return glm::perspective(fovY, std::max(aspect, 1e-3f), nearPlane, farPlane);
}

OrbitCamera keptOnSite(OrbitCamera c, const Bounds& site) {
    if (!site.valid()) return c;
    const float radius = std::max(glm::length(site.max - site.min) * 0.5f, 1e-3f);
    c.target = glm::clamp(c.target, site.min, site.max);
    c.distance = std::clamp(c.distance, radius * 0.04f, radius * 2.5f);
    // The eye stays a little above the lowest ground: sin(-pitch) * distance
    // is its height over the target.
    const float clearance = radius * 0.01f;
    const float need = (site.min.y + clearance - c.target.y) / c.distance;
    if (need > 0.0f) c.pitch = std::min(c.pitch, -std::asin(std::min(need, 1.0f)));
    return c;
}

OrbitCamera keptWidth(OrbitCamera view, float designedAspect, float aspect, float widestFovY,
                      float stepBack) {
    if (!(aspect > 0.0f) || aspect >= designedAspect) return view;
    // The tangent of the vertical half-field that shows the designed width
    // from where the eye is: the width at the target is distance * tan * aspect.
    const float needed = std::tan(0.5f * view.fovY) * designedAspect / aspect;
    const float widened = std::min(needed, std::tan(0.5f * std::max(widestFovY, view.fovY)));
    const float back = std::clamp(needed / widened, 1.0f, std::max(stepBack, 1.0f));
    view.distance *= back;
    view.fovY = 2.0f * std::atan(needed / back);
    return view;
}

}  // namespace friche::scene
