// Labels pinned to the hotspots' 3D anchors, drawn over the 3D view (behind
// the panels). A label whose anchor is off-screen is dimmed and kept at the
// window's edge; one behind the camera is not drawn; one whose anchor is
// hidden by a building is dimmed (StoryView::occluded). A label clear of the
// panels sits above its anchor on a stem, or moves aside or below it so that
// no panel cuts it and no other label covers it; one whose anchor is under a
// panel is not drawn.
//
//   ui::hotspotLabels(scenario, timeline.position(), language, storyView);
#pragma once

#include <optional>
#include <span>

#include <glm/glm.hpp>

#include "scene/locale.h"
#include "scene/scenario.h"
#include "ui/story_panels.h"

namespace friche::ui {

// A rectangle of the window, in points, y down: its corners min and max.
struct ScreenRect {
    glm::vec2 min{0.0f}, max{0.0f};
};

// Where the box of a label (`box`: its size, padding included) goes for an
// anchor at `anchor`: above it at `stem` from it, inside the window
// (`display`), shifted sideways as far as its stem still meets it to clear
// the `panels` and what the labels placed before took (`taken`: their boxes
// and stems), else below it alike; else above or below those labels, on a
// longer stem that crosses none of them. nullopt: nowhere clear, or the anchor
// is under a panel. CPU only.
std::optional<ScreenRect> placeLabel(glm::vec2 anchor, glm::vec2 box, float stem, float margin,
                                     glm::vec2 display, std::span<const ScreenRect> panels,
                                     std::span<const ScreenRect> taken = {});

void hotspotLabels(const scene::Scenario& scenario, double position, scene::Language language,
                   const StoryView& view);

}  // namespace friche::ui
