// The near and far planes for what is drawn: as tight as the model's bounds
// and the renderer's ground disc allow, so that a 24-bit depth buffer keeps
// apart surfaces a few centimetres above one another (water on a yard, a road
// on the ground). A camera's planes come from here every frame it moves;
// fixed planes (0.01 to 1000 m) turn a site's ground layers into stripes.
//
//   const Bounds site = worldBounds(model, buildDrawList(model, model.defaultScene));
//   const DepthRange r = fitDepthRange(camera.eye(), camera.viewDirection(), site);
//   camera = withDepthRange(camera, site);     // the same, on an orbit camera
#pragma once

#include <glm/glm.hpp>

#include "scene/model.h"
#include "scene/orbit_camera.h"

namespace friche::scene {

// The ground the renderer lays under a model reaches this many of the model's
// half-diagonals from the centre of its bounds: far enough that the model never
// stands at the edge of a void from any orbit, and its rim fades into the haze.
inline constexpr float kGroundReach = 3.0f;

// The renderer's ground under `drawn`: a horizontal disc under the bounds'
// centre, level with their lowest point, where a site's own ground lies. The
// renderer draws it a little farther than it is (renderer.cpp: kGroundPushBack*), so
// that the model's floor wins the depth test against it.
struct GroundDisc {
    glm::vec3 center{0.0f};
    float radius = 0.0f;
};
GroundDisc groundDisc(const Bounds& drawn);

struct DepthRange {
    float nearPlane;
    float farPlane;
};

// The planes for a camera at `eye` looking along `forward` (any length) at
// `drawn`, world bounds of everything drawn, and at the ground disc under it.
// The far plane reaches the farthest corner and the ground's rim. The near
// plane is as far out as nothing drawn can be nearer, but never nearer than
// the far plane over kMaxDepthRatio: from inside the bounds, or close to them,
// the bounds tell nothing about how near a surface is. Assumes the view's
// corner rays are within 60 degrees of `forward` (a vertical field of view up
// to 80 degrees on a 16:9 screen; friche's views use 45). Invalid bounds give
// the OrbitCamera's default planes.
DepthRange fitDepthRange(const glm::vec3& eye, const glm::vec3& forward, const Bounds& drawn);

// `camera` with its planes fitted to `drawn` from where its eye is, the near
// plane never past halfway to the target (a camera zoomed in close).
OrbitCamera withDepthRange(OrbitCamera camera, const Bounds& drawn);

// The widest far-to-near ratio fitDepthRange gives, for a camera inside a
// site's bounds. A 24-bit buffer resolves a step of d^2 / (near * 2^24) at a
// distance d; a site's far plane is 1 to 2 km (its ground's rim), so at 1000
// the near plane stands 1 to 2 m out, nearer than the sites' views come to a
// surface (an orbit zoomed closer than that loses the surface it looks at),
// and the step is under a millimetre at 100 m, about 1 cm at 500 m and 3 to
// 6 cm at 1 km. Ground layers stacked 3 cm apart (tools/sitegen) stay apart:
// seen from a height H, surfaces h apart are h * d / H apart along a ray, more
// than h itself wherever d > H. (At 10 000 the near plane would let the
// viewer come closer, but the step at 1 km would be 30 to 60 cm.)
inline constexpr float kMaxDepthRatio = 1000.0f;

}  // namespace friche::scene
