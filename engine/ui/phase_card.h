// The phase card, on the right: the site's name, the current phase's title,
// date and text, and the project's sourced figures (budget, funding shares as
// a pie, partners, surfaces, indicators), each with its source in small text,
// and the note that the geometry is illustrative. In compare mode the card is
// about the two phases on screen instead: A's and B's titles and dates, with
// the side badges of the overlay, and the layers that differ between them.
//
//   ui::phaseCard(scenario, timeline.nearestPhase(), compare, language, bottomMargin);
#pragma once

#include <string>

#include "scene/compare.h"
#include "scene/locale.h"
#include "scene/scenario.h"

namespace friche::ui {

// `phase`: the timeline's, shown when `compare` is off. `bottomMargin`: window
// points kept free at the bottom (the timeline).
void phaseCard(const scene::Scenario& scenario, int phase, const scene::Compare& compare,
               scene::Language language, float bottomMargin);

// "source: 004_f8d13bee….txt": a seed file name shortened to read at a glance.
std::string sourceLine(const std::string& source, scene::Language language);

}  // namespace friche::ui
