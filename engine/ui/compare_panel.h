// Compare mode's controls and overlays. The panel, bottom left above the
// timeline: off / swipe / side by side, and the two phases compared (A left,
// B right), all finger-sized. The overlays: each side's phase title over it,
// and the swipe divider's line and handle.
//
//   ui::comparePanel(scenario, compare, language, timelinePanelHeight());
//   if (compare.mode != scene::CompareMode::Off) ui::compareOverlay(scenario, compare, language);
#pragma once

#include "scene/compare.h"
#include "scene/locale.h"
#include "scene/scenario.h"

namespace friche::ui {

// `bottomMargin`: window points kept free at the bottom (the timeline). Edits `compare`.
void comparePanel(const scene::Scenario& scenario, scene::Compare& compare,
                  scene::Language language, float bottomMargin);

// Draws over the 3D view, under the panels.
void compareOverlay(const scene::Scenario& scenario, const scene::Compare& compare,
                    scene::Language language);

// The width of the divider's grab zone in window points: a fingertip, at least.
float dividerHitWidth();

}  // namespace friche::ui
