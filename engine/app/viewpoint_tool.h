// The viewer's Viewpoints panel and what it does (ui/viewpoints_panel.h asks,
// this does): the scenario's viewpoints read from and saved to the user's
// config folder (io/viewpoints.h), flights to them, their export into a copy
// of the scenario, and stills of the view now (app/still.h).
//
//   app::ViewpointTool tool;
//   tool.open(story);                                     // a scenario was opened
//   each frame:  tool.panel(story, scenarioFile, orbitNow, aspect, hook);
//   after the frame is shown:  if (tool.stillAsked()) tool.takeStill(renderer, gpu, story, base);
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "app/still.h"
#include "render/gpu_model.h"
#include "render/renderer.h"
#include "scene/orbit_camera.h"
#include "scene/story.h"
#include "ui/viewpoints_panel.h"

namespace friche::app {

// Sees each frame's request before it is done (tests ask there what a click would).
using ViewpointsHook = std::function<void(ui::ViewpointsPanel&, ui::ViewpointsRequest&)>;

class ViewpointTool {
public:
    // Reads `story`'s viewpoints from the user's config folder; a broken file
    // is said on the panel (its problems at their JSON pointers) and kept aside.
    void open(const scene::Story& story);
    // The panel, inside ImGui's frame, and what it asked but the still: `now`
    // is the camera a viewpoint saves, `aspect` the window's.
    void panel(scene::Story& story, const std::filesystem::path& scenario,
               const scene::OrbitCamera& now, float aspect, const ViewpointsHook& hook);
    bool stillAsked() const { return stillAsked_; }
    // The view now as the panel's PNG at its size, with its choice of panels;
    // the rest of the still (the look, tiles, the font's texts) from `base`.
    void takeStill(render::Renderer& renderer, const render::GpuModel& gpu, scene::Story& story,
                   StillOptions base);

private:
    void write(scene::Language language);

    std::optional<std::filesystem::path> file_;  // none: no config folder ($HOME unset)
    std::vector<scene::View> views_;
    bool canSave_ = true;  // false while a broken file could not be moved aside
    ui::ViewpointsPanel panel_;
    bool stillAsked_ = false;
};

}  // namespace friche::app
