// A story's frame as every output draws it: the viewer's window, a still and
// a video frame all call drawStory, so they cannot disagree on the camera,
// the looks or compare mode's sides.
//
//   render::ViewParams base;  base.lighting = ...;   // lighting, debug view, scene, variant
//   target.bind();  render::drawStory(renderer, gpu, story, width, height, base);
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "render/gpu_model.h"
#include "render/renderer.h"
#include "scene/story.h"

namespace friche::render {

// One draw of a frame: a view and the looks it shows, kept with it. Equal
// when they draw the same pixels (ViewParams's equality).
struct PartView {
    ViewParams params;  // its looks left empty: view() points them at `looks`
    std::vector<scene::NodeLook> looks;
    ViewParams view() const;
    bool operator==(const PartView&) const = default;
};

// What drawStory draws: each of story.parts(width, height) with its camera,
// looks, viewport and scissor; the rest comes from `base`.
std::vector<PartView> storyViews(const scene::Story& story, int width, int height,
                                 const ViewParams& base);

// Draws each view into the bound framebuffer; one larger than a pass allows
// in tiles (render/tiles.h), at most `tileLimit` where it is given. `drawn`:
// as drawInTiles's, after each draw.
void drawViews(Renderer& renderer, const GpuModel& gpu, std::span<const PartView> views,
               glm::ivec2 tileLimit = {0, 0}, const std::function<void()>& drawn = {});

// drawViews of storyViews.
void drawStory(Renderer& renderer, const GpuModel& gpu, const scene::Story& story, int width,
               int height, const ViewParams& base, glm::ivec2 tileLimit = {0, 0},
               const std::function<void()>& drawn = {});

// Draws one pixel of the story halfway through each of its transitions, so
// that the programs a transition needs are compiled (and, on llvmpipe, their
// code generated) before a hand drags the timeline there: without it the
// first frame of a transition takes half as long again as the others; and
// one at the lightest quality tier (render/quality.h). Writes
// the corner pixel of the bound framebuffer, which the next frame covers.
void warmStory(Renderer& renderer, const GpuModel& gpu, const scene::Story& story, int width,
               int height, const ViewParams& base);

}  // namespace friche::render
