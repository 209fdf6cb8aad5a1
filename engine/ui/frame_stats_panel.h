// F3's overlay, in the viewer's top-right corner: what a frame costs. The
// CPU's wall time per frame (smoothed), the GPU's time for each pass
// (render::FrameStats::gpu: the newest frame the GPU has finished, a frame or
// two late), the draw calls, the drawable's resolution, the quality tier
// the last frame was drawn at (render/quality.h), and whether the view lives at rest.
//
//   smoothedMs = ui::smoothFrameMs(smoothedMs, frameMs);   // after each frame
//   if (showStats) ui::frameStatsPanel({smoothedMs, renderer.stats(), {w, h}});
#pragma once

#include <glm/glm.hpp>

#include "render/quality.h"
#include "render/renderer.h"

namespace friche::ui {

// An exponential average over about ten frames; `previous` 0: `latest` itself.
float smoothFrameMs(float previous, float latest);

struct FrameStatsData {
    float frameMs = 0.0f;  // CPU wall time per frame, smoothed
    const render::FrameStats& stats;
    glm::ivec2 resolution{0, 0};                // the drawable, in pixels
    const render::QualityTier* tier = nullptr;  // the last frame's; nullptr: not shown
    // What a view at rest does with what moves by itself in it (water, smoke,
    // traffic: render::FrameStats::living), and why; nullptr: nothing moves.
    const char* atRest = nullptr;
    // The 3D view is the last frame at rest's, copied back: only the panels
    // changed (render/kept_frame.h); the figures below are that frame's.
    bool kept = false;
};

void frameStatsPanel(const FrameStatsData& data);

}  // namespace friche::ui
