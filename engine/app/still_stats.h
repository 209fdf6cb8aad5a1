// What a still cost, for `friche render --stats`: the GPU's time per pass
// (render/pass_timers.h) and the draw calls, summed over the still's draws
// (its tiles, compare mode's two sides), and the wall time of the whole frame.
//
//   StillStats stats;
//   stats.start();
//   render::drawStory(renderer, gpu, story, w, h, look, limit, [&] { stats.add(renderer); });
//   stats.stop();
//   printStillStats(stdout, stats, w, h);
#pragma once

#include <chrono>
#include <cstdio>

#include "render/pass_timers.h"
#include "render/renderer.h"

namespace friche::app {

struct StillStats {
    render::PassTimes gpu;  // summed over the draws
    int drawCalls = 0;
    int shadowDrawCalls = 0;
    int shadowsKept = 0;  // draws that kept the last one's cascades
    int prepassed = 0;    // draws that laid depth first (render::Renderer::setDepthPrepass)
    int draws = 0;        // tiles and sides drawn
    double wallMs = 0.0;

    void start();
    // Adds the draw just made, waiting for the GPU to finish it.
    void add(render::Renderer& renderer);
    // The wall time since start(), once the GPU has finished.
    void stop();

private:
    std::chrono::steady_clock::time_point started_;
};

// One line per pass ("gpu shadows 12.345 ms"), then the GPU's total, the draw
// calls, the draws, the wall time and whether malloc's large blocks are in huge
// pages (app/huge_pages.h): a name, a number and its unit on each line.
void printStillStats(std::FILE* out, const StillStats& stats, int width, int height);

}  // namespace friche::app
