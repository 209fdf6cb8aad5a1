// Where a frame is lit before it is shown: linear RGBA16F colour, depth and,
// for a model with unlit materials, an "as is" weight (R8: 1 where an unlit
// surface must skip the tone curve), multisampled, at least the viewport's
// size. The post pass reads its samples; the ambient occlusion reads its depth.
// llvmpipe zero-fills what it allocates, before the first image: the weights
// cost 8 MB at 1920x1080 and a second write of every fragment, so a frame
// without unlit surfaces neither allocates nor writes them.
//
//   target.ensure(width, height, 4, GL_DEPTH_COMPONENT32F, asIs);   // reallocates only to grow
//   target.bind();  ... draw ...;  target.color().bind(unit);
#pragma once

#include "gfx/framebuffer.h"
#include "gfx/texture.h"

namespace friche::render {

class HdrTarget {
public:
    // `asIs`: this frame draws unlit surfaces, and the post pass reads asIs().
    void ensure(int width, int height, int samples, GLenum depthFormat, bool asIs);
    // Binds it for drawing, with the viewport covering the size last ensured.
    void bind() const;
    const gfx::Image& color() const { return color_; }
    const gfx::Image& asIs() const { return asIs_; }
    const gfx::Image& depth() const { return depth_; }
    int samples() const { return samples_; }

private:
    int width_ = 0, height_ = 0, samples_ = 0;  // allocated
    GLenum depthFormat_ = 0;
    bool writesAsIs_ = false;
    int usedWidth_ = 0, usedHeight_ = 0;
    gfx::Image color_, asIs_, depth_;
    gfx::Framebuffer fbo_;
};

}  // namespace friche::render
