// Screen-space ambient occlusion of a frame, at half its resolution: from the
// HDR target's depth, a noisy visibility (shaders/ao.frag), then smoothed
// without crossing silhouettes (shaders/ao_blur.frag). The post pass darkens
// the frame by it.
//
//   occlusion.compute(programs, hdr.depth(), size, depthProjection, toNdc, farDepth, 3.0f, 1.0f);
//   occlusion.result().bind(FRICHE_UNIT_AO);   // RG16F: visibility, view depth
#pragma once

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "gfx/texture.h"
#include "render/programs.h"

namespace friche::render {

// How far from a pixel, in pixels, the occlusion reads depth: its taps' 80 at
// most (shaders/ao.frag), then its blur's 8. What is drawn must reach that far
// beyond what is written (a tile's guard band, a swipe's scissor).
inline constexpr int kOcclusionReach = 96;

class AmbientOcclusion {
public:
    // `depth`: multisampled, the `size` of `viewport` of it used; `projection`: what drew it, with
    // depth d at ndc z = d * toNdc.x + toNdc.y and the sky at `farDepth`;
    // `radius`: how far, in metres, surfaces shade each other; `shownScale`:
    // the frame's size against the size it is shown at (1 but under dynamic
    // resolution), by which the reach's cap in pixels shrinks, so that the
    // occlusion covers as much of the screen. Changes the bound framebuffer,
    // viewport and program; draws with the bound vertex array.
    void compute(const Programs& programs, const gfx::Image& depth, glm::ivec4 viewport,
                 const glm::mat4& projection, glm::vec2 toNdc, float farDepth, float radius,
                 float shownScale);
    const gfx::Image& result() const { return smooth_; }
    // Where the frame's pixel p (from the viewport's corner) reads the result:
    // at (p + parity() + 0.5) * scale(). Texels pair the whole image's pixels,
    // even to odd, so a tile's pixels read what the whole image's would.
    glm::vec2 scale() const { return 0.5f / glm::vec2(allocated_); }
    glm::ivec2 parity() const { return parity_; }

private:
    void ensure(glm::ivec2 half);

    glm::ivec2 allocated_{0};
    glm::ivec2 parity_{0};
    gfx::Image noisy_, smooth_;
    gfx::Framebuffer noisyFbo_, smoothFbo_;
};

}  // namespace friche::render
