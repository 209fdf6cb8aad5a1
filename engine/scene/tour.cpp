#include "scene/tour.h"

#include <cmath>

namespace friche::scene {

const Tour& TourRun::definition(const Scenario& scenario) const {
    return scenario.tours[static_cast<std::size_t>(tour)];
}

const TourStep& TourRun::step(const Scenario& scenario) const {
    return definition(scenario).steps[static_cast<std::size_t>(index)];
}

int TourRun::count(const Scenario& scenario) const {
    return static_cast<int>(definition(scenario).steps.size());
}

bool TourRun::go(const Scenario& scenario, int to) {
    if (to < 0 || to >= count(scenario) || to == index) return false;
    index = to;
    return true;
}

int stepPhase(double position) {
    return position == std::floor(position) ? static_cast<int>(position) : -1;
}

void showStep(Story& story, const TourStep& step, float aspect, Motion motion) {
    // A step without compare keeps the compare panel's phases for the facilitator.
    if (step.compare.mode == CompareMode::Off)
        story.compare().mode = CompareMode::Off;
    else
        story.compare() = step.compare;
    if (const int phase = stepPhase(step.position); phase >= 0)
        story.setVariant(phase, step.variant);
    story.goTo(step.position, step.view, aspect, motion == Motion::Animated);
}

}  // namespace friche::scene
