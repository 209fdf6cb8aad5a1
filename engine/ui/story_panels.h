// What a visitor reads over a site, in the order it is drawn: the hotspot
// labels (first, so the panels cover them), the timeline along the bottom and
// the current phase's card. The viewer and `friche render --ui` both call this,
// so a still shows the panels as the viewer does.
//
//   bool dragging = ui::storyPanels(scenario, timeline, language, projection * view, size, true);
#pragma once

#include <glm/glm.hpp>

#include "scene/locale.h"
#include "scene/scenario.h"
#include "scene/timeline.h"

namespace friche::ui {

// `labels` false leaves the hotspot labels out (compare mode titles its two
// sides instead). Returns whether the timeline's handle is being dragged.
bool storyPanels(const scene::Scenario& scenario, scene::Timeline& timeline,
                 scene::Language language, const glm::mat4& viewProjection, glm::vec2 windowSize,
                 bool labels);

}  // namespace friche::ui
