#include "ui/story_panels.h"

#include "ui/compare_panel.h"
#include "ui/hotspots.h"
#include "ui/phase_card.h"
#include "ui/timeline_panel.h"

namespace friche::ui {

bool storyPanels(const scene::Scenario& scenario, scene::Timeline& timeline,
                 scene::Compare& compare, scene::Language language, const StoryView& view) {
    // Compare mode shows two phases at once: each side's title instead of one phase's labels.
    if (compare.mode != scene::CompareMode::Off)
        compareOverlay(scenario, compare, language);
    else
        hotspotLabels(scenario, timeline.position(), language, view);
    const bool dragging = timelinePanel(scenario, timeline, language);
    phaseCard(scenario, timeline.nearestPhase(), compare, language, timelinePanelHeight());
    comparePanel(scenario, compare, language, timelinePanelHeight());
    return dragging;
}

}  // namespace friche::ui
