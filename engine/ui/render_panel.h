// The "Light" panel: the sky (clear or overcast), the place on Earth the sun
// follows (the day and hour are the Sun panel's, ui/sun_panel.h), exposure and tone mapping, the
// debug views, and whether what moves by itself goes on moving at rest; and, over the frame, the
// compiler's messages when a shader reload failed.
//
//   ui::RenderSettings settings;                 // view state, owned by the viewer
//   ui::renderPanel(settings);                   // each frame, inside ImGui's frame
//   if (settings.reloadRequested) ...;           // the "Reload shaders" button
//   ui::shaderErrorOverlay(message);             // empty: nothing is drawn
#pragma once

#include <string>

#include "render/renderer.h"

namespace friche::ui {

struct RenderSettings {
    render::Lighting lighting;
    render::DebugView debugView = render::DebugView::None;
    // A view at rest goes on drawing what the clock moves (water, smoke,
    // trees, traffic) where the machine holds the frame budget; off: it is
    // drawn once and waits, which spares a laptop's battery.
    bool livingAtRest = true;
    bool reloadRequested = false;  // set by the panel for one frame
};

void renderPanel(RenderSettings& settings);

void shaderErrorOverlay(const std::string& message);

}  // namespace friche::ui
