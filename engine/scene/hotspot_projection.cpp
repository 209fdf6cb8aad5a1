#include "scene/hotspot_projection.h"

#include <algorithm>
#include <cmath>

#include "scene/timeline.h"

namespace friche::scene {

namespace {

// Closer than this in front of the eye a projection divides by almost zero.
constexpr float kMinDepth = 1e-4f;

}  // namespace

ScreenAnchor projectAnchor(const glm::mat4& viewProjection, glm::vec3 anchor, glm::vec2 size) {
    const glm::vec4 clip = viewProjection * glm::vec4(anchor, 1.0f);
    ScreenAnchor out;
    out.depth = clip.w;
    if (clip.w < kMinDepth) {
        out.behind = true;
        return out;
    }
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    const glm::vec2 point{(ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y};
    out.onScreen = point.x >= 0.0f && point.y >= 0.0f && point.x <= size.x && point.y <= size.y;
    out.point = glm::clamp(point, glm::vec2(0.0f), size);
    return out;
}

bool hotspotShown(const Scenario& scenario, const Hotspot& hotspot, double position) {
    const int count = static_cast<int>(scenario.phases.size());
    if (count == 0) return false;
    const int phase = std::clamp(static_cast<int>(std::lround(position)), 0, count - 1);
    if (!shownIn(hotspot.phases, phase)) return false;
    if (hotspot.layer < 0) return true;
    const auto& layers = scenario.phases[static_cast<std::size_t>(phase)].layers;
    return layers[static_cast<std::size_t>(hotspot.layer)].state != LayerState::Absent;
}

}  // namespace friche::scene
