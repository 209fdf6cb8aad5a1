// Dynamic resolution's canvas: a frame drawn smaller than its viewport (its
// post pass encoding display values into plain RGBA8), then stretched over
// the viewport with bilinear filtering. The bytes are copied as they are: no
// sRGB conversion on the way, whatever the output's encoding. A frame drawn
// with one sample a pixel has its staircase edges smoothed first, into a
// second canvas (shaders/smooth.frag): the quality tiers trade multisampling
// for that, not for no anti-aliasing at all.
//
//   scaled.ensure({960, 540});  scaled.bind();  ... draw at {0, 0, 960, 540} ...
//   scaled.smooth(programs.smooth, smallScissor);   // drawn with one sample
//   scaled.stretchTo(output, viewport, scissor);
#pragma once

#include <array>

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "gfx/program.h"
#include "gfx/texture.h"

namespace friche::render {

class ScaledTarget {
public:
    // Reallocates only to grow.
    void ensure(glm::ivec2 size);
    void bind();
    // What was drawn since bind(), its edges smoothed by `program` (on
    // fullscreen.vert and smooth.frag, drawn with whatever vertex array is
    // bound) into the second canvas, through `scissor` (canvas pixels; width 0:
    // all of it); stretchTo() then reads that.
    void smooth(const gfx::Program& program, const glm::ivec4& scissor);
    // Onto `viewport` of framebuffer `output` (left bound), through `scissor`
    // when its width is not 0; what was drawn fills the viewport.
    void stretchTo(unsigned output, const glm::ivec4& viewport, const glm::ivec4& scissor) const;

private:
    struct Canvas {
        gfx::Image color;
        gfx::Framebuffer fbo;
    };
    Canvas& canvas(int which);

    glm::ivec2 allocated_{0}, used_{0};
    std::array<Canvas, 2> canvases_;  // drawn, smoothed (allocated at its first use)
    int shown_ = 0;                   // the canvas stretchTo() reads
};

// The size a `viewport` of `size` is drawn at for `scale` (0 < scale <= 1),
// at least 1x1 and never larger than the viewport.
glm::ivec2 scaledSize(glm::ivec2 size, float scale);

// How far around a texel the stretch reads the canvas (the bilinear
// filter's texel), and smooth.frag the frame it smooths (half its REACH along
// an edge, its diagonal taps, their filter).
inline constexpr int kStretchReach = 1, kSmoothingReach = 6;

// Where `scissor` (framebuffer pixels, over a viewport at `origin` of `full`
// pixels) falls in a canvas of `canvas` pixels, grown by `reach` texels each
// way (what is read around it); width 0 stays 0 (no scissor).
glm::ivec4 scaledScissor(const glm::ivec4& scissor, glm::ivec2 origin, glm::ivec2 full,
                         glm::ivec2 canvas, int reach);

}  // namespace friche::render
