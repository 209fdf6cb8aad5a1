// The sun study, in the story's language: the "Sun" panel sets the day and the
// site's clock time the sun follows, says sunrise and sunset and where the sun
// stands, and plays the day (scene::DaySweep); the north arrow shows, over the
// 3D view, where the site's true north lies as the camera looks.
//
//   ui::sunPanel(sweep, lighting.site, language);     // each frame, inside ImGui's frame
//   if (sweep.playing()) ...;                         // keep drawing: the shadows move
//   ui::northArrow(camera.view, site.northDegrees);    // the compass, bottom right
#pragma once

#include <glm/glm.hpp>

#include "scene/day_sweep.h"
#include "scene/locale.h"
#include "scene/story.h"
#include "scene/sun.h"

namespace friche::ui {

// Edits `t`'s date and hour; a playing `sweep` moves the hour on by the frame's time first.
void sunPanel(scene::DaySweep& sweep, scene::SiteTime& t, scene::Language language);

// A compass in the view's bottom right corner, above the timeline: its needle points to true north
// (`northDegrees` clockwise from the world's -Z) as seen through `view`.
void northArrow(const glm::mat4& view, double northDegrees);
// The same for a still or a video frame of `story`, `size` points wide and high.
void northArrow(const scene::Story& story, glm::vec2 size);

}  // namespace friche::ui
