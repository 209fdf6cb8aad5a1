// The 3D view of a frame at rest, copied aside with what it was drawn from: a
// frame that changes only the panels over it (a hover, a list opened, a card
// scrolled, a tap that moved nothing) copies it back instead of drawing it
// again. At full quality a frame at rest is the dearest of all: at 4K on a
// weak GPU (or llvmpipe) each touch of a panel would otherwise cost one.
//
//   const render::FrameInputs inputs{gpu.serial, {w, h}, views};
//   if (kept.holds(inputs)) kept.restore();
//   else { render::drawViews(renderer, gpu, views);
//          if (worldWaitsAtRest) kept.keep(inputs); else kept.forget(); }
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "gfx/framebuffer.h"
#include "render/story_frame.h"

namespace friche::render {

// What a frame's 3D view is drawn from: the model's upload (GpuModel::serial),
// the framebuffer's size and each draw's view. Equal inputs draw equal pixels
// at the same time, with the same programs (a reload of the shaders forgets
// what was kept).
struct FrameInputs {
    std::uint64_t model = 0;
    glm::ivec2 size{0};
    std::vector<PartView> views;
    bool operator==(const FrameInputs&) const = default;
};

// The time is not compared: the caller keeps a frame only where what lives
// in it waits for a touch at rest, and forgets it whenever it draws a view it
// does not keep, so that what is kept is always the last view drawn.
class KeptFrame {
public:
    // Whether the image kept is what `inputs` draw, their time aside.
    bool holds(const FrameInputs& inputs) const;
    // Copies the bound draw framebuffer's pixels (inputs.size) aside, as
    // they are (8 bits a channel, or 16 where the framebuffer has more), as
    // what `inputs` draw. Reallocates only to grow.
    void keep(FrameInputs inputs);
    // Copies the image kept back into the bound draw framebuffer, as it was.
    void restore() const;
    // Nothing is kept: the next frame is drawn.
    void forget() { inputs_.reset(); }

private:
    std::optional<FrameInputs> inputs_;  // their time 0 (timeless)
    glm::ivec2 allocated_{0};
    gfx::Renderbuffer color_;
    gfx::Framebuffer fbo_;
};

}  // namespace friche::render
