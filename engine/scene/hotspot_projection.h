// Where a hotspot's 3D anchor lands on the screen, and whether the hotspot is
// shown at a timeline position. CPU only, so the label placement is tested.
//
//   const glm::mat4 vp = camera.projection * camera.view;
//   ScreenAnchor a = projectAnchor(vp, hotspot.anchor, windowSize);
//   if (!a.behind) drawLabel(a.point, a.onScreen ? 1.0f : 0.4f);
#pragma once

#include <glm/glm.hpp>

#include "scene/scenario.h"

namespace friche::scene {

struct ScreenAnchor {
    glm::vec2 point{0.0f};  // window points, y down; clamped into the window when off it
    float depth = 0.0f;     // distance along the view direction (clip w)
    bool behind = false;    // behind the camera: there is no sensible place for it
    bool onScreen = false;  // inside the window before clamping
};

// Projects `anchor` (world) through `viewProjection` into a window of `size` points.
ScreenAnchor projectAnchor(const glm::mat4& viewProjection, glm::vec3 anchor, glm::vec2 size);

// A hotspot is shown in the phases it names (all when none) nearest to
// `position`, and only while its layer, if it has one, is not absent there.
bool hotspotShown(const Scenario& scenario, const Hotspot& hotspot, double position);

}  // namespace friche::scene
