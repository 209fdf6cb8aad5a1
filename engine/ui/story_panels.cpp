#include "ui/story_panels.h"

#include "ui/compare_panel.h"
#include "ui/hotspots.h"
#include "ui/phase_card.h"
#include "ui/timeline_panel.h"

namespace friche::ui {

bool storyPanels(scene::Story& story, glm::vec2 windowSize, StoryPanelOptions options) {
    const scene::Scenario& scenario = story.scenario();
    scene::Timeline& timeline = story.timeline();
    scene::Compare& compare = story.compare();
    const scene::Language language = story.language();
    const scene::CameraView camera =
        story.camera(windowSize.y > 0.0f ? windowSize.x / windowSize.y : 1.0f);
    const StoryView view{camera.projection * camera.view, windowSize,
                         story.occludedHotspots(camera.eye)};
    // Compare mode shows two phases at once: each side's title instead of one phase's labels.
    if (compare.mode != scene::CompareMode::Off)
        compareOverlay(scenario, compare, language);
    else if (options.labels)
        hotspotLabels(scenario, timeline.position(), language, view);
    const bool dragging = timelinePanel(scenario, timeline, language);
    if (options.card)
        phaseCard(scenario, timeline.nearestPhase(), compare, language,
                  {.bottomMargin = timelinePanelHeight(), .visitor = options.kiosk});
    comparePanel(scenario, compare, language, timelinePanelHeight());
    return dragging;
}

}  // namespace friche::ui
