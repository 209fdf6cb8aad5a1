// Where a frame is lit before it is shown: linear RGBA16F colour, an "as is"
// weight (R8: 1 where an unlit surface must skip the tone curve) and depth,
// multisampled, sized to the viewport. The post pass reads its samples.
//
//   target.ensure(width, height, 4);   // reallocates only when the size changes
//   target.bind();  ... draw ...;  target.color().bind(unit);
#pragma once

#include "gfx/framebuffer.h"
#include "gfx/texture.h"

namespace friche::render {

class HdrTarget {
public:
    void ensure(int width, int height, int samples);
    // Binds it for drawing, with the viewport covering it.
    void bind() const;
    const gfx::Image& color() const { return color_; }
    const gfx::Image& asIs() const { return asIs_; }
    int samples() const { return samples_; }

private:
    int width_ = 0, height_ = 0, samples_ = 0;
    gfx::Image color_, asIs_;
    gfx::Renderbuffer depth_;
    gfx::Framebuffer fbo_;
};

}  // namespace friche::render
