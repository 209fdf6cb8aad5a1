#include "ui/story_panels.h"

#include "ui/hotspots.h"
#include "ui/phase_card.h"
#include "ui/timeline_panel.h"

namespace friche::ui {

bool storyPanels(const scene::Scenario& scenario, scene::Timeline& timeline,
                 scene::Language language, const glm::mat4& viewProjection, glm::vec2 windowSize,
                 bool labels) {
    if (labels) hotspotLabels(scenario, timeline.position(), language, viewProjection, windowSize);
    const bool dragging = timelinePanel(scenario, timeline, language);
    phaseCard(scenario, timeline.nearestPhase(), language, timelinePanelHeight());
    return dragging;
}

}  // namespace friche::ui
