// `friche [PATH]`: the interactive viewer in a window; `friche --kiosk
// [CONFIG.json | PATH...]`: the same as a locked exhibition screen (app/kiosk.h).
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <optional>

#include "app/cli.h"
#include "app/environment.h"
#include "app/viewpoint_tool.h"
#include "render/quality.h"
#include "ui/render_panel.h"

namespace friche::app {

// For tests: the clock the viewer runs on instead of the steady clock, and a
// function called at the start of each turn of its loop (it may push SDL
// events; the loop then never sleeps waiting for events).
struct ViewerHooks {
    std::function<double()> clock;
    std::function<void(int turn)> beforeTurn;
    // Called after the Viewpoints panel each frame with what it asked: a test
    // asks there what a click would (save, fly, a still) and reads the status.
    ViewpointsHook viewpoints;
    // Called after the Light panel each frame with its settings: a test
    // changes there what a click would.
    std::function<void(ui::RenderSettings&)> light;
    // After each frame's 3D view, before its panels, with the quality tier it
    // was drawn at, and whether it was the last frame at rest's, copied back
    // (render/kept_frame.h).
    std::function<void(const render::QualityTier& tier, bool kept)> frameDrawn;
    // The window's size in pixels, where a test need not draw the default's
    // (WindowDesc): what it checks is the same in fewer pixels, drawn sooner.
    std::optional<std::array<int, 2>> windowSize;
};

int runViewer(const ViewerCommand& cmd, const ViewerHooks& hooks = {});

// What `friche` with no PATH opens: $FRICHE_DEFAULT_SCENARIO if set, else
// the Seraing scenario, scenes/seraing.json, found beside the executable's
// folder (an installed tree, or <repo>/build) or in the source tree; nullopt
// when there is none.
std::optional<std::filesystem::path> defaultScenarioPath(const Environment& env);

}  // namespace friche::app
