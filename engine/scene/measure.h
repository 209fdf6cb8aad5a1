// Measuring the site as an architect does: points picked on the drawn
// surfaces, snapped to a corner or an edge near the pointer, and the distances,
// heights and areas between them. CPU only; the viewer draws the results.
//
//   auto hit = sight.pick(ray.origin, ray.direction, looks);
//   scene::MeasurePoint a = scene::snap(*hit, toScreen, 12.0f);   // 12 px
//   double d = glm::distance(a.point, b.point);
//   double h = scene::heightAboveGround(sight, a.point, looks, bounds.min.y);
//   double m2 = scene::groundArea({p0, p1, p2, p3});
#pragma once

#include <functional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/layer_look.h"
#include "scene/sight_lines.h"

namespace friche::scene {

enum class SnapKind { Vertex, Edge, Face };

struct MeasurePoint {
    glm::vec3 point{0.0f};
    SnapKind kind = SnapKind::Face;
};

// World point -> window pixels (nullopt behind the eye).
using ToScreen = std::function<std::optional<glm::vec2>(glm::vec3)>;

// The hit moved to its triangle's nearest corner when that is within
// `pixels` of the hit on screen, else to the nearest point of its nearest
// edge of the face (not a diagonal between two of its triangles) within
// `pixels`, else the hit itself on the face.
MeasurePoint snap(const SurfaceHit& hit, const ToScreen& toScreen, float pixels);

// The point's height above the ground under it: the lowest surface facing up
// straight below it (a terrain's top, not a slab's underside), or `groundY`
// (the renderer's ground plane) where there is none.
double heightAboveGround(const SightLines& sight, glm::vec3 point,
                         const std::vector<NodeLook>& looks, float groundY);

// The area of the polygon the points draw, seen from above (their X and Z),
// in square metres; closed from the last point to the first.
double groundArea(const std::vector<glm::vec3>& polygon);

// A ray from the eye through a window pixel, for pick().
struct Ray {
    glm::vec3 origin{0.0f};
    glm::vec3 direction{0.0f, 0.0f, -1.0f};
};
// `pixel` in window points, origin top left, in a window of `size` points, seen
// through `viewProjection` (the inverse of scene::projectAnchor).
Ray rayThrough(glm::vec2 pixel, glm::vec2 size, const glm::mat4& viewProjection);

}  // namespace friche::scene
