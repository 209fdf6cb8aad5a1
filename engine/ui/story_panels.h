// What a visitor reads over a site, in the order it is drawn: the hotspot
// labels (first, so the panels cover them) or, in compare mode, each side's
// title; the timeline along the bottom; the current phase's card; the compare
// panel. The viewer and `friche render --ui` both call this, so a still shows
// the panels as the viewer does.
//
//   ui::StoryView view{projection * view, size, occluded};
//   bool dragging = ui::storyPanels(scenario, timeline, compare, language, view);
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "scene/compare.h"
#include "scene/locale.h"
#include "scene/scenario.h"
#include "scene/timeline.h"

namespace friche::ui {

// How the 3D view under the panels is seen.
struct StoryView {
    glm::mat4 viewProjection{1.0f};
    glm::vec2 windowSize{0.0f};
    // One per scenario hotspot: something drawn stands between the eye and its
    // anchor (scene::SightLines). Empty: every anchor is in sight.
    std::vector<bool> occluded;
};

// Draws every panel; the timeline and compare panel edit `timeline` and
// `compare`. Returns whether the timeline's handle is being dragged.
bool storyPanels(const scene::Scenario& scenario, scene::Timeline& timeline,
                 scene::Compare& compare, scene::Language language, const StoryView& view);

}  // namespace friche::ui
