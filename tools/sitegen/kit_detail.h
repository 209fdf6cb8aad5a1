// Small helpers shared by the kit's source files (not part of its interface).
#pragma once

#include "glbkit/geometry.h"
#include "sitegen/site.h"

namespace sitegen::detail {

constexpr float kPi = 3.14159265f;

// Four vertical walls of an sx x sz footprint, facing out, from y0 to y1.
void walls(glbkit::Geometry& g, float sx, float sz, float y0, float y1);
// Replaces UVs with a top-down projection (x, z): ground-like surfaces.
void planarUv(glbkit::Geometry& g);
// A frame at `a` whose +X runs horizontally towards `b` (+Y stays up) and
// the length of a->b on the ground: for galleries, wagons, rails.
glm::mat4 groundFrame(glm::vec3 a, glm::vec3 b, float& length);
// A deterministic value in [lo, hi) for `seed` and `i`.
float pick(std::uint32_t seed, int i, float lo, float hi);

}  // namespace sitegen::detail
