// A story's still as `friche render` and the viewer's Still button both take
// it: the frame at the still's size (in tiles where one pass of the GPU cannot
// hold it, render/tiles.h), then the story's panels drawn over it at that size,
// or without them compare mode's divider.
//
//   auto target = render::OffscreenTarget::create(w, h, problems);   // a GL context is current
//   std::vector<std::uint8_t> rgb = app::drawStoryStill(renderer, gpu, *target, story, options);
//   app::writePng(path, w, h, rgb, error);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/imgui_layer.h"
#include "app/still_stats.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "scene/story.h"

namespace friche::app {

struct StillOptions {
    render::ViewParams look;   // lighting, debug view, scene and variant
    glm::ivec2 maxTile{0, 0};  // 0: what the context allows (FRICHE_MAX_TILE)
    bool panels = false;       // the story's panels, as the viewer shows them
    bool kiosk = false;        // with panels: the exhibition's visitor panels
    std::string scenarioText;  // the scenario file's text: its glyphs are in the panels' font
    // Drawn over the still with or without the panels, inside their ImGui frame of
    // `size` pixels: the architect's measurements and scale bar (app/review_tools.h).
    std::function<void(glm::vec2 size)> overlay{};
    // Where given, what drawing the frame cost (`friche render --stats`): each
    // draw waits for the GPU to finish it.
    StillStats* stats = nullptr;
};

// Draws `story` now into `target` (the still's size) and reads it back, rows top first.
std::vector<std::uint8_t> drawStoryStill(render::Renderer& renderer, const render::GpuModel& gpu,
                                         const render::OffscreenTarget& target, scene::Story& story,
                                         const StillOptions& options);

// Runs `panels` inside an ImGui frame of width x height and draws them into
// the bound framebuffer (OffscreenImGui, with `look`); prints its problems.
void drawStillPanels(int width, int height, const UiLook& look,
                     const std::function<void()>& panels);

}  // namespace friche::app
