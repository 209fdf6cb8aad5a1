// Images larger than the renderer can draw in one pass, drawn in tiles: each
// tile is a window onto the whole image's view (an off-centre sub-frustum of
// its projection), drawn at its own place in the bound framebuffer, so the
// tiles meet without seams. What depends on the whole view (the shadow
// cascades) is fitted to the whole view, not to the tile.
//
//   target.bind();   // width x height: the whole image
//   render::drawInTiles(renderer, gpu, view, render::tileLimit(requested));
//
// One pass is limited by the context (GL_MAX_VIEWPORT_DIMS, GL_MAX_TEXTURE_SIZE
// for the multisampled HDR target) and by that target's memory.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "render/gpu_model.h"
#include "render/renderer.h"

namespace friche::render {

// The largest side of a still (`friche render --size`, the viewer's Still):
// 8K on each side keeps the output image under 1 GiB.
inline constexpr int kMaxStillSide = 8192;

// The largest tile the renderer draws here: what the context allows and the
// memory cap, lowered to `requested` where it is given (x and y > 0; tests
// force tiling with it). Needs a current GL context.
glm::ivec2 tileLimit(glm::ivec2 requested = {0, 0});

// CPU only. Tiles (x, y, width, height, GL's origin bottom left) covering
// width x height, each at most `limit`, in as few rows and columns as that allows.
std::vector<glm::ivec4> tilesFor(int width, int height, glm::ivec2 limit);

// CPU only. `whole` seen through `tile` only: the viewport cut to the tile,
// its projection narrowed to match, the whole projection kept for the
// shadows. `whole` itself when the tile holds its viewport; nullopt when
// they do not meet. `guard` pixels around the tile are drawn too, where the
// viewport has them, but not written: what a pixel's neighbours tell it (the
// ambient occlusion) is then the same as in the whole image.
std::optional<ViewParams> cropView(const ViewParams& whole, const glm::ivec4& tile,
                                   glm::ivec2 guard = {0, 0});

// Draws `whole` into the bound framebuffer, tile by tile where its viewport
// is larger than `limit`; `drawn`, where given, is called after each draw
// (`friche render --stats` sums the tiles' pass times).
void drawInTiles(Renderer& renderer, const GpuModel& gpu, const ViewParams& whole, glm::ivec2 limit,
                 const std::function<void()>& drawn = {});

}  // namespace friche::render
