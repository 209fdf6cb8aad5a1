// Where a frame is lit before it is shown: linear RGBA16F colour, an "as is"
// weight (R8: 1 where an unlit surface must skip the tone curve) and depth,
// multisampled, at least the viewport's size. The post pass reads its samples;
// the ambient occlusion reads its depth.
//
//   target.ensure(width, height, 4, GL_DEPTH_COMPONENT32F);   // reallocates only to grow
//   target.bind();  ... draw ...;  target.color().bind(unit);
#pragma once

#include "gfx/framebuffer.h"
#include "gfx/texture.h"

namespace friche::render {

class HdrTarget {
public:
    void ensure(int width, int height, int samples, GLenum depthFormat);
    // Binds it for drawing, with the viewport covering the size last ensured.
    void bind() const;
    const gfx::Image& color() const { return color_; }
    const gfx::Image& asIs() const { return asIs_; }
    const gfx::Image& depth() const { return depth_; }
    int samples() const { return samples_; }

private:
    int width_ = 0, height_ = 0, samples_ = 0;  // allocated
    GLenum depthFormat_ = 0;
    int usedWidth_ = 0, usedHeight_ = 0;
    gfx::Image color_, asIs_, depth_;
    gfx::Framebuffer fbo_;
};

}  // namespace friche::render
