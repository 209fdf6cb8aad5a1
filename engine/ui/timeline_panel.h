// The timeline along the bottom of the window: a marker per phase with its
// date and short title, a handle dragged by mouse or finger to scrub
// continuously, previous / play / next buttons, and the keys ← → (step a
// phase, animated), Page Up / Page Down (a presentation clicker), space
// (play / pause), Home and End. It edits only the Timeline it is given.
//
//   bool dragging = ui::timelinePanel(scenario, timeline, language);  // each frame
//   float h = ui::timelinePanelHeight();  // to keep other panels above it
#pragma once

#include <string>
#include "scene/locale.h"
#include "scene/scenario.h"

#include "scene/timeline.h"

namespace friche::ui {

// Draws the panel; true while the handle is being dragged.
bool timelinePanel(const scene::Scenario& scenario, scene::Timeline& timeline,
                   scene::Language language);

// The panel's height in window points.
float timelinePanelHeight();

// `text` shortened with an ellipsis to fit `width` points, cut between whole
// UTF-8 characters; empty when not even "…" fits.
std::string fitText(const std::string& text, float width);

}  // namespace friche::ui
