// An offscreen target for stills: one sRGB colour image the renderer's post
// pass writes into (the renderer multisamples and depth-tests in its own HDR
// target), read back as RGB rows, top row first.
//
//   auto target = render::OffscreenTarget::create(1920, 1080, problems);
//   target->bind();  renderer.draw(gpu, view);
//   std::vector<std::uint8_t> rgb = target->readRgb();
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/problem.h"
#include "gfx/framebuffer.h"

namespace friche::render {

class OffscreenTarget {
public:
    // nullopt with a problem if the context cannot make it (too large, say).
    static std::optional<OffscreenTarget> create(int width, int height, core::Problems& problems);

    // Binds the framebuffer for drawing.
    void bind() const;
    // Reads back width*height*3 bytes, sRGB-encoded, top row first.
    std::vector<std::uint8_t> readRgb() const;

    int width() const { return width_; }
    int height() const { return height_; }
    // For reads other than readRgb(), such as ReadbackRing's into pixel buffers.
    const gfx::Framebuffer& framebuffer() const { return fbo_; }

private:
    int width_ = 0, height_ = 0;
    gfx::Renderbuffer color_;
    gfx::Framebuffer fbo_;
};

// Reads back `framebuffer` (0: the window's) as width*height*3 bytes, top row
// first; leaves framebuffer 0 bound.
std::vector<std::uint8_t> readFramebufferRgb(unsigned framebuffer, int width, int height);

}  // namespace friche::render
