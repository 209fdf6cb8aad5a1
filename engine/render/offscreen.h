// An offscreen target for stills: multisampled colour and depth, resolved into
// a single-sampled image and read back as RGB rows, top row first.
//
//   auto target = render::OffscreenTarget::create(1920, 1080, 4, problems);
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
    // nullopt with a problem if the context cannot make it (too large, no MSAA).
    // `samples` is clamped to what the context offers.
    static std::optional<OffscreenTarget> create(int width, int height, int samples,
                                                 core::Problems& problems);

    // Binds the multisampled framebuffer for drawing.
    void bind() const;
    // Resolves and reads back: width*height*3 bytes, sRGB-encoded, top row first.
    std::vector<std::uint8_t> readRgb() const;

    int width() const { return width_; }
    int height() const { return height_; }

  private:
    int width_ = 0, height_ = 0;
    gfx::Renderbuffer color_, depth_, resolved_;
    gfx::Framebuffer drawFbo_, resolveFbo_;
};

}  // namespace friche::render
