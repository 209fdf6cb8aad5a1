// A story's frame as every output draws it: the viewer's window, a still and
// a video frame all call drawStory, so they cannot disagree on the camera,
// the looks or compare mode's sides.
//
//   render::ViewParams base;  base.lighting = ...;   // lighting, debug view, scene, variant
//   target.bind();  render::drawStory(renderer, gpu, story, width, height, base);
#pragma once

#include <functional>

#include "render/gpu_model.h"
#include "render/renderer.h"
#include "scene/story.h"

namespace friche::render {

// Draws each of story.parts(width, height) into the bound framebuffer with
// its camera, looks, viewport and scissor; the rest comes from `base`. A part
// larger than one pass allows is drawn in tiles (render/tiles.h), at most
// `tileLimit` where it is given. `drawn`: as drawInTiles's, after each draw.
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
