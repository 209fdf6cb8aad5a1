// What a visitor reads over a site, in the order it is drawn: the hotspot
// labels (first, so the panels cover them) or, in compare mode, each side's
// title; the timeline along the bottom; the current phase's card; the compare
// panel. The viewer, `friche render --ui` and `friche video --ui` all call
// this on their scene::Story, so a still shows the panels as the viewer does.
//
//   bool dragging = ui::storyPanels(story, windowSize);
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "scene/story.h"

namespace friche::ui {

// How the 3D view under the panels is seen.
struct StoryView {
    glm::mat4 viewProjection{1.0f};
    glm::vec2 windowSize{0.0f};
    // One per scenario hotspot: something drawn stands between the eye and its
    // anchor (scene::SightLines). Empty: every anchor is in sight.
    std::vector<bool> occluded;
};

struct StoryPanelOptions {
    // An exhibition's visitor panels: the card written for visitors, the
    // operator's corner left free.
    bool kiosk = false;
    // What a workshop's tour step shows (scene::TourStep): the phase's card, the labels.
    bool card = true;
    bool labels = true;
};

// Draws every panel over a window of `windowSize` points that shows the story
// through its camera; the timeline and compare panels edit the story's
// timeline and compare mode. Returns whether the timeline's handle is dragged.
bool storyPanels(scene::Story& story, glm::vec2 windowSize, StoryPanelOptions options = {});

}  // namespace friche::ui
