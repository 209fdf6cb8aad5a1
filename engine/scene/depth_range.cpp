#include "scene/depth_range.h"

#include <algorithm>
#include <cmath>

namespace friche::scene {

namespace {

// A point r from the eye and within 60 degrees of the view axis lies at least
// r * cos(60 deg) along it: the near plane may stand that far out.
constexpr float kOffAxisCos = 0.5f;
// The far plane lies 1 % past the ground's rim: a rim exactly on the far plane
// would be clipped by rounding, or tie with the sky drawn there.
constexpr float kFarMargin = 1.01f;
// Planes for bounds all behind the eye, or a point: nothing drawn is nearer
// than this, and it keeps the projection finite (OrbitCamera's least distance).
constexpr float kMinFar = 1e-4f;
// With nothing drawn, any planes will do: the OrbitCamera's defaults.
constexpr DepthRange kNothingDrawn{0.01f, 1000.0f};

float halfDiagonal(const Bounds& b) {
    return std::max(glm::length(b.size()) * 0.5f, 1e-4f);
}

// Distance from `p` to the box (0 inside it).
float distanceToBox(const glm::vec3& p, const Bounds& b) {
    return glm::length(p - glm::clamp(p, b.min, b.max));
}

// Distance from `p` to the horizontal disc.
float distanceToDisc(const glm::vec3& p, const GroundDisc& g) {
    const float across = glm::length(glm::vec2(p.x - g.center.x, p.z - g.center.z));
    return glm::length(glm::vec2(std::max(across - g.radius, 0.0f), p.y - g.center.y));
}

}  // namespace

GroundDisc groundDisc(const Bounds& drawn) {
    if (!drawn.valid()) return {};
    const float h = halfDiagonal(drawn);
    const glm::vec3 c = drawn.center();
    return {{c.x, drawn.min.y, c.z}, h * kGroundReach};
}

DepthRange fitDepthRange(const glm::vec3& eye, const glm::vec3& forward, const Bounds& drawn) {
    if (!drawn.valid()) return kNothingDrawn;
    const float length = glm::length(forward);
    const glm::vec3 f = length > 0.0f ? forward / length : glm::vec3(0, 0, -1);
    // Depth along the view axis is linear: over a box it is extreme at corners,
    // over a horizontal disc at the ends of the diameter that points along f.
    float nearest = 1e30f, farthest = -1e30f;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? drawn.max.x : drawn.min.x,
                               (i & 2) ? drawn.max.y : drawn.min.y,
                               (i & 4) ? drawn.max.z : drawn.min.z);
        const float d = glm::dot(corner - eye, f);
        nearest = std::min(nearest, d);
        farthest = std::max(farthest, d);
    }
    const GroundDisc ground = groundDisc(drawn);
    const float middle = glm::dot(ground.center - eye, f);
    const float spread = ground.radius * glm::length(glm::vec2(f.x, f.z));
    nearest = std::min(nearest, middle - spread);
    farthest = std::max(farthest, middle + spread);

    const float farPlane = std::max(farthest * kFarMargin, kMinFar);
    // Two lower bounds on the depth of anything drawn and seen: the least depth
    // of the bounds and the ground (positive when both lie wholly ahead), and
    // the distance to the nearest of them, which from outside the bounds holds
    // even for parts behind the eye, since those are not seen.
    const float nearest3d = std::min(distanceToBox(eye, drawn), distanceToDisc(eye, ground));
    float nearPlane = std::max({nearest, nearest3d * kOffAxisCos, farPlane / kMaxDepthRatio});
    if (!(nearPlane < farPlane)) nearPlane = farPlane / kMaxDepthRatio;
    return {nearPlane, farPlane};
}

OrbitCamera withDepthRange(OrbitCamera camera, const Bounds& drawn) {
    const DepthRange depth = fitDepthRange(camera.eye(), camera.viewDirection(), drawn);
    // Zoomed in closer than the near plane the bounds allow, the surface the
    // orbit looks at would be clipped: the near plane stays halfway to the target.
    camera.nearPlane = std::min(depth.nearPlane, camera.distance * 0.5f);
    camera.farPlane = depth.farPlane;
    return camera;
}

}  // namespace friche::scene
