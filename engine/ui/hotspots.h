// Labels pinned to the hotspots' 3D anchors, drawn over the 3D view (behind
// the panels). A label whose anchor is off-screen is dimmed and kept at the
// window's edge; one behind the camera is not drawn. Not occlusion-tested:
// a label shows through a building in front of its anchor.
//
//   ui::hotspotLabels(scenario, timeline.position(), language, projection * view, windowSize);
#pragma once

#include <glm/glm.hpp>

#include "scene/locale.h"
#include "scene/scenario.h"
#include "ui/story_panels.h"

namespace friche::ui {

void hotspotLabels(const scene::Scenario& scenario, double position, scene::Language language,
                   const StoryView& view);

}  // namespace friche::ui
