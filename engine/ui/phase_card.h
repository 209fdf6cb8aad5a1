// The phase card, on the right: the site's name, the current phase's title,
// date and text, and the project's sourced figures (budget, funding shares as
// a pie, partners, surfaces, indicators), each with its source in small text,
// and the note that the geometry is illustrative. In compare mode the card is
// about the two phases on screen instead: A's and B's titles and dates, with
// the side badges of the overlay, and the layers that differ between them.
//
//   ui::phaseCard(scenario, timeline.nearestPhase(), compare, language, {.bottomMargin = h});
#pragma once

#include <string>

#include "scene/compare.h"
#include "scene/locale.h"
#include "scene/scenario.h"

namespace friche::ui {

struct CardLayout {
    float bottomMargin = 0.0f;  // window points kept free at the bottom (the timeline)
    // An exhibition's card: the phase's own figures, sources by their labels,
    // below the operator's corner.
    bool visitor = false;
};

// `phase`: the timeline's, shown when `compare` is off.
void phaseCard(const scene::Scenario& scenario, int phase, const scene::Compare& compare,
               scene::Language language, const CardLayout& layout);

// "source: 004_f8d13bee….txt": a seed file name shortened to read at a glance.
std::string sourceLine(const std::string& source, scene::Language language);

}  // namespace friche::ui
