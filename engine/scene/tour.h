// A guided tour run in a story: the step shown, and the story set as each step
// says (the moment, the variant, the view, compare). What a step's card and
// labels flags hide is the panels' business. CPU only, like the story; it
// holds indices, not pointers, so a story built anew keeps it valid.
//
//   scene::TourRun run{.tour = *scenario.tourIndex("visite")};
//   showStep(story, run.step(scenario), aspect, scene::Motion::Animated);   // step 1
//   if (run.next(scenario)) showStep(story, run.step(scenario), ...);      // the clicker
#pragma once

#include "scene/story.h"

namespace friche::scene {

// How a story goes to a step: flying there (the viewer), or there at once (a still).
enum class Motion { Animated, AtOnce };

struct TourRun {
    int tour = 0;  // index into Scenario::tours
    int index = 0;

    const Tour& definition(const Scenario& scenario) const;
    const TourStep& step(const Scenario& scenario) const;
    int count(const Scenario& scenario) const;
    // Moves to the next, previous or `index`th step; false (and stays) past either end.
    bool next(const Scenario& scenario) { return go(scenario, index + 1); }
    bool previous(const Scenario& scenario) { return go(scenario, index - 1); }
    bool go(const Scenario& scenario, int to);
};

// The phase a step at `position` shows: that phase when it is a whole one, -1 between two.
int stepPhase(double position);

// Sets `story` as `step` says: compare, the phase's variant, the moment and the view.
void showStep(Story& story, const TourStep& step, float aspect, Motion motion);

}  // namespace friche::scene
