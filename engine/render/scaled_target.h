// Dynamic resolution's canvas: a frame drawn smaller than its viewport (its
// post pass encoding display values into plain RGBA8), then stretched over
// the viewport with bilinear filtering. The bytes are copied as they are: no
// sRGB conversion on the way, whatever the output's encoding.
//
//   scaled.ensure({960, 540});  scaled.bind();  ... draw at {0, 0, 960, 540} ...
//   scaled.stretchTo(output, viewport, scissor);
#pragma once

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "gfx/texture.h"

namespace friche::render {

class ScaledTarget {
public:
    // Reallocates only to grow.
    void ensure(glm::ivec2 size);
    void bind() const;
    // Onto `viewport` of framebuffer `output` (left bound), through `scissor`
    // when its width is not 0; what was drawn fills the viewport.
    void stretchTo(unsigned output, const glm::ivec4& viewport, const glm::ivec4& scissor) const;

private:
    glm::ivec2 allocated_{0}, used_{0};
    gfx::Image color_;
    gfx::Framebuffer fbo_;
};

// The size a `viewport` of `size` is drawn at for `scale` (0 < scale <= 1),
// at least 1x1 and never larger than the viewport.
glm::ivec2 scaledSize(glm::ivec2 size, float scale);

// Where `scissor` (framebuffer pixels, over a viewport at `origin` of `full`
// pixels) falls in a canvas of `canvas` pixels, grown by a pixel each way for
// the bilinear filter's reach; width 0 stays 0 (no scissor).
glm::ivec4 scaledScissor(const glm::ivec4& scissor, glm::ivec2 origin, glm::ivec2 full,
                         glm::ivec2 canvas);

}  // namespace friche::render
