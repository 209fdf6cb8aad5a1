// Bloom: what the exposed frame holds past white (the sun's disc and glints on
// glass and water, a transition's glowing edge) spreads a soft glow around it,
// as light scatters in an eye or a lens. A chain of ever smaller images from
// half size down (shaders/bloom.glsl): the bright part of the frame, each image
// a smooth half of the one before, then each smaller image's blur added back
// onto the larger one. The post pass adds the first image, the sum of all, to
// the exposed frame before its tone curve.
//
//   bloom.compute(programs, hdr, viewport, bloomLevels(height), exposure);
//   bloom.result().bind(FRICHE_UNIT_BLOOM);  // at (p + bias()) * scale(), p from the viewport
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "gfx/texture.h"
#include "render/hdr_target.h"
#include "render/programs.h"

namespace friche::render {

// How many images the chain has for an image `height` pixels high: its
// smallest is 17 to 34 texels high, so the glow covers as much of any screen.
int bloomLevels(int height);
// How far, in pixels, a bright pixel's glow reaches with `levels` images (each
// image's filter reads 1.5 of the larger one's texels around, the gathering
// back one of the smaller one's, the post pass one of the first's): what is
// drawn must reach that far beyond what is written (a tile's guard band, a
// swipe's scissor).
int bloomReach(int levels);

class Bloom {
public:
    // From the first sample of `hdr`, drawn at `viewport` of the output
    // framebuffer, exposed by `exposure`. Changes the bound framebuffer,
    // viewport, blending and program; draws with the bound vertex array.
    void compute(const Programs& programs, const HdrTarget& hdr, glm::ivec4 viewport, int levels,
                 float exposure);
    const gfx::Image& result() const { return levels_.front().image; }
    // Where the frame's pixel p (from the viewport's corner) reads the result:
    // at (p + bias()) * scale(), in texture coordinates.
    glm::vec2 bias() const { return bias_; }
    glm::vec2 scale() const { return scale_; }
    // The sum of `levels` images (result() holds their sum, not their mean).
    int levels() const { return used_; }

private:
    struct Level {
        glm::ivec2 allocated{0};
        gfx::Image image;
        gfx::Framebuffer fbo;
        glm::ivec2 origin{0}, count{0};  // the grid's texels this frame's viewport meets
    };
    void ensure(Level& level, glm::ivec2 count, int index);

    std::vector<Level> levels_;
    int used_ = 0;
    glm::vec2 bias_{0.0f}, scale_{1.0f};
};

}  // namespace friche::render
