// Compare mode's controls and overlays. The panel, bottom left above the
// timeline: off / swipe / side by side, and the two phases compared (A left,
// B right), all finger-sized. The overlays: each side's phase title over it,
// and the swipe divider's line and handle. Each side has a colour and a
// lettered badge, shared with the phase card's compare view so the two agree.
//
//   ui::comparePanel(scenario, compare, language, timelinePanelHeight());
//   if (compare.mode != scene::CompareMode::Off) ui::compareOverlay(scenario, compare, language);
#pragma once

#include <imgui.h>

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

enum class CompareSide { A, B };

// A's colour (left) and B's (right).
ImU32 compareSideColour(CompareSide side);

// The side's letter on a square of its colour, `size` points high, drawn with
// its top left corner at `at`.
void compareBadge(ImDrawList* draw, ImVec2 at, float size, CompareSide side);

// The width of the divider's grab zone in window points: a fingertip, at least.
float dividerHitWidth();

}  // namespace friche::ui
