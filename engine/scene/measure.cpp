#include "scene/measure.h"

#include <cmath>
#include <optional>

namespace friche::scene {

namespace {

glm::vec3 nearestOnSegment(glm::vec3 p, glm::vec3 a, glm::vec3 b) {
    const glm::vec3 ab = b - a;
    const float length2 = glm::dot(ab, ab);
    if (length2 <= 0.0f) return a;
    return a + glm::clamp(glm::dot(p - a, ab) / length2, 0.0f, 1.0f) * ab;
}

// How far apart two world points look on screen; infinite when one is behind the eye.
float screenDistance(const ToScreen& toScreen, glm::vec3 a, glm::vec3 b) {
    const auto sa = toScreen(a), sb = toScreen(b);
    return sa && sb ? glm::distance(*sa, *sb) : INFINITY;
}

}  // namespace

MeasurePoint snap(const SurfaceHit& hit, const ToScreen& toScreen, float pixels) {
    MeasurePoint best{hit.point, SnapKind::Face};
    float bestPixels = pixels;
    for (const glm::vec3& corner : hit.triangle) {
        const float d = screenDistance(toScreen, hit.point, corner);
        if (d <= bestPixels) {
            best = {corner, SnapKind::Vertex};
            bestPixels = d;
        }
    }
    if (best.kind == SnapKind::Vertex) return best;
    for (std::size_t e = 0; e < 3; ++e) {
        if (!hit.outline[e]) continue;  // a diagonal inside the face
        const glm::vec3 onEdge =
            nearestOnSegment(hit.point, hit.triangle[e], hit.triangle[(e + 1) % 3]);
        const float d = screenDistance(toScreen, hit.point, onEdge);
        if (d <= bestPixels) {
            best = {onEdge, SnapKind::Edge};
            bestPixels = d;
        }
    }
    return best;
}

double heightAboveGround(const SightLines& sight, glm::vec3 point,
                         const std::vector<NodeLook>& looks, float groundY) {
    // Down through every surface under the point (bounded: a stack of floors),
    // keeping the lowest one that faces up.
    constexpr int kMaxSurfaces = 256;
    constexpr float kStep = 1e-3f;  // past the surface just hit
    const glm::vec3 down(0.0f, -1.0f, 0.0f);
    std::optional<float> ground;
    glm::vec3 from = point + down * kStep;
    for (int i = 0; i < kMaxSurfaces; ++i) {
        const auto hit = sight.pick(from, down, looks);
        if (!hit) break;
        if (hit->normal.y > 0.0f) ground = hit->point.y;
        from = hit->point + down * kStep;
    }
    return static_cast<double>(point.y) - static_cast<double>(ground.value_or(groundY));
}

double groundArea(const std::vector<glm::vec3>& polygon) {
    double twice = 0.0;
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const glm::vec3& a = polygon[i];
        const glm::vec3& b = polygon[(i + 1) % polygon.size()];
        twice += static_cast<double>(a.x) * b.z - static_cast<double>(b.x) * a.z;
    }
    return std::abs(twice) * 0.5;
}

Ray rayThrough(glm::vec2 pixel, glm::vec2 size, const glm::mat4& viewProjection) {
    const glm::mat4 inverse = glm::inverse(viewProjection);
    const glm::vec2 ndc(2.0f * pixel.x / size.x - 1.0f, 1.0f - 2.0f * pixel.y / size.y);
    glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    nearPoint /= nearPoint.w;
    farPoint /= farPoint.w;
    return {glm::vec3(nearPoint), glm::normalize(glm::vec3(farPoint - nearPoint))};
}

}  // namespace friche::scene
