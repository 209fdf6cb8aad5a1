// Screen-space ambient occlusion of a frame, at half its resolution: from the
// HDR target's depth, a noisy visibility (shaders/ao.frag), then smoothed
// without crossing silhouettes (shaders/ao_blur.frag). The post pass darkens
// the frame by it.
//
//   occlusion.compute(programs, hdr.depth(), size, depthProjection, toNdc, farDepth, 3.0f);
//   occlusion.result().bind(FRICHE_UNIT_AO);   // RG16F: visibility, view depth
#pragma once

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "gfx/texture.h"
#include "render/programs.h"

namespace friche::render {

class AmbientOcclusion {
public:
    // `depth`: multisampled, `size` of it used; `projection`: what drew it, with
    // depth d at ndc z = d * toNdc.x + toNdc.y and the sky at `farDepth`;
    // `radius`: how far, in metres, surfaces shade each other. Changes the
    // bound framebuffer, viewport and program; draws with the bound vertex array.
    void compute(const Programs& programs, const gfx::Image& depth, glm::ivec2 size,
                 const glm::mat4& projection, glm::vec2 toNdc, float farDepth, float radius);
    const gfx::Image& result() const { return smooth_; }
    // The result's texel size over the frame's pixel: where a pixel reads it.
    glm::vec2 scale() const { return 0.5f / glm::vec2(allocated_); }

private:
    void ensure(glm::ivec2 half);

    glm::ivec2 allocated_{0};
    gfx::Image noisy_, smooth_;
    gfx::Framebuffer noisyFbo_, smoothFbo_;
};

}  // namespace friche::render
