#include "app/still.h"

#include <algorithm>

#include <imgui.h>

#include "render/story_frame.h"
#include "scene/compare.h"
#include "ui/scale_bar.h"
#include "ui/site_picker.h"
#include "ui/story_panels.h"
#include "ui/sun_panel.h"

namespace friche::app {

namespace {

// The dark line between the two halves of a comparison, in pixels.
constexpr int kDividerWidth = 2;

void drawDivider(std::vector<std::uint8_t>& rgb, int width, int height, int seam) {
    for (int y = 0; y < height; ++y) {
        for (int x = std::max(0, seam - kDividerWidth / 2);
             x < std::min(width, seam + kDividerWidth / 2); ++x) {
            const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                            static_cast<std::size_t>(x)) *
                           3;
            std::fill_n(rgb.begin() + static_cast<std::ptrdiff_t>(i), 3, std::uint8_t{20});
        }
    }
}

// The story's panels as the viewer shows them; a kiosk's visitor panels add
// the site panel (this site alone in its picker) with "back to start".
void storyStillPanels(scene::Story& story, glm::vec2 size, bool kiosk) {
    ui::storyPanels(story, size, {.kiosk = kiosk});
    ui::northArrow(story, size);
    ui::scaleBar(story, size);
    if (!kiosk) return;
    const std::vector<scene::LocalText> names{story.scenario().site.name};
    ui::sitePanel({names, 0, {}, true}, story.scenario().views, story.language(),
                  ImGui::GetFontSize() * 0.6f);
}

}  // namespace

void drawStillPanels(int width, int height, const UiLook& look,
                     const std::function<void()>& panels) {
    core::Problems problems;
    OffscreenImGui ui(width, height, look, problems);
    core::printProblems("friche still", problems);
    ui.draw(panels);
}

std::vector<std::uint8_t> drawStoryStill(render::Renderer& renderer, const render::GpuModel& gpu,
                                         const render::OffscreenTarget& target, scene::Story& story,
                                         const StillOptions& options) {
    const int width = target.width(), height = target.height();
    target.bind();
    StillStats* stats = options.stats;
    if (stats) stats->start();
    render::drawStory(
        renderer, gpu, story, width, height, options.look, options.maxTile,
        stats ? std::function<void()>([&] { stats->add(renderer); }) : std::function<void()>());
    if (stats) stats->stop();
    if (options.panels || options.overlay) {
        target.bind();
        const glm::vec2 size(static_cast<float>(width), static_cast<float>(height));
        UiLook look;
        look.kiosk = options.kiosk;
        look.texts = {options.scenarioText};
        drawStillPanels(width, height, look, [&] {
            if (options.panels) storyStillPanels(story, size, options.kiosk);
            if (options.overlay) options.overlay(size);
        });
    }
    std::vector<std::uint8_t> rgb = target.readRgb();
    if (!options.panels && story.compare().mode != scene::CompareMode::Off)
        drawDivider(rgb, width, height,
                    scene::compareViewports(story.compare(), width, height).b.x);
    return rgb;
}

}  // namespace friche::app
