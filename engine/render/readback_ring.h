// Asynchronous read-back of an OffscreenTarget, for video. Each frame is copied
// into the next of a ring of pixel-pack buffers (PBOs) and mapped only when the
// ring is full, `depth - 1` frames later, by when the GPU (or llvmpipe's
// threads) has long finished it: the CPU encodes frame k while frames k+1..k+depth-1
// render, instead of stalling in glReadPixels every frame.
//
//   render::ReadbackRing ring(target.width(), target.height(), 3);
//   for (each frame) {
//       target.bind();  renderer.draw(gpu, view);
//       ring.submit(target);
//       if (auto rows = ring.take()) encoder.addFrame(rows->data(), true, problems);
//   }
//   while (auto rows = ring.takeRemaining()) encoder.addFrame(rows->data(), true, problems);
//
// Frames come out in the order they went in, each the bytes readRgb() returns
// but bottom row first (GL's order, which VideoEncoder::addFrame flips for
// free). The GL context must be current for every call, destruction included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "gfx/buffer.h"
#include "gfx/fence.h"
#include "render/offscreen.h"

namespace friche::render {

class ReadbackRing {
public:
    // `depth` buffers of width*height*3 bytes each (at least 1; 1 reads back
    // synchronously, like readRgb()).
    ReadbackRing(int width, int height, int depth = 3);
    ~ReadbackRing();
    ReadbackRing(const ReadbackRing&) = delete;
    ReadbackRing& operator=(const ReadbackRing&) = delete;

    // Starts reading the target's colour into the next free buffer and returns
    // at once. False, reading nothing, if the target's size is not the ring's or
    // every buffer holds a frame not yet taken (take() after each submit()).
    // Leaves GL_READ_FRAMEBUFFER and GL_PIXEL_PACK_BUFFER bound to 0.
    bool submit(const OffscreenTarget& target);

    // Once every buffer holds a frame: the oldest one's RGB rows, width*3 bytes
    // each with no padding, bottom row first; nullopt while the ring fills. The
    // bytes stay valid until the next call on the ring.
    std::optional<std::span<const std::uint8_t>> take();
    // The oldest frame however full the ring is, for the last frames after the
    // last submit(); nullopt when none is left.
    std::optional<std::span<const std::uint8_t>> takeRemaining();

private:
    struct Slot {
        gfx::Buffer pixels;  // GL_STREAM_READ: written by GL, read once by us
        gfx::Fence written;  // passed once glReadPixels into `pixels` is done
    };

    std::span<const std::uint8_t> takeOldest();
    int depth() const { return static_cast<int>(slots_.size()); }
    void unmap();

    int width_ = 0, height_ = 0;
    std::size_t frameBytes_ = 0;
    std::vector<Slot> slots_;
    int oldest_ = 0;                  // the next slot take() returns
    int pending_ = 0;                 // slots from oldest_ on that hold a frame
    int mapped_ = -1;                 // the slot whose bytes the last take() returned, if mapped
    std::vector<std::uint8_t> copy_;  // where they went when mapping failed
};

}  // namespace friche::render
