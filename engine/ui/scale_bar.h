// A scale bar over the 3D view: a round length (1, 2 or 5 times a power of
// ten metres, about 8 em long) at the distance the story's camera looks at,
// left of the north arrow (ui/sun_panel.h) above the timeline, in the
// story's language ("50 m", "0,5 m"). Drawn in the viewer and in stills and
// videos with panels.
//
//   ui::scaleBar(story, windowSize);   // inside an ImGui frame
#pragma once

#include <glm/glm.hpp>

#include "scene/story.h"

namespace friche::ui {

void scaleBar(const scene::Story& story, glm::vec2 size);

}  // namespace friche::ui
