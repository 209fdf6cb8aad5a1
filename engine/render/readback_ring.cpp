#include "render/readback_ring.h"

#include <algorithm>

namespace friche::render {

ReadbackRing::ReadbackRing(int width, int height, int depth)
    : width_(std::max(width, 0)),
      height_(std::max(height, 0)),
      frameBytes_(static_cast<std::size_t>(width_) * 3 * static_cast<std::size_t>(height_)) {
    slots_.resize(static_cast<std::size_t>(std::max(depth, 1)));
    for (Slot& slot : slots_)
        slot.pixels = gfx::Buffer::create(
            {.size = frameBytes_, .usage = GL_STREAM_READ, .label = "video read-back"});
}

ReadbackRing::~ReadbackRing() {
    unmap();
}

bool ReadbackRing::submit(const OffscreenTarget& target) {
    if (target.width() != width_ || target.height() != height_ || pending_ == depth()) return false;
    // The free slot may be the one the last take() mapped: it is read by now.
    unmap();
    Slot& slot = slots_[static_cast<std::size_t>((oldest_ + pending_) % depth())];

    // The same read as OffscreenTarget::readRgb(), so the bytes are the same:
    // tightly packed RGB rows (a row of an odd width is not a multiple of 4).
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target.framebuffer().id());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, slot.pixels.id());
    // With a pack buffer bound, the last argument is an offset into it.
    glReadPixels(0, 0, width_, height_, GL_RGB, GL_UNSIGNED_BYTE, nullptr);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    slot.written = gfx::Fence::insert();
    // Hands this frame's commands to the driver now, so they run while we
    // encode older frames instead of when we come to map this one.
    glFlush();
    ++pending_;
    return true;
}

std::optional<std::span<const std::uint8_t>> ReadbackRing::take() {
    if (pending_ < depth()) return std::nullopt;
    return takeOldest();
}

std::optional<std::span<const std::uint8_t>> ReadbackRing::takeRemaining() {
    if (pending_ == 0) {
        unmap();  // the previous frame's bytes are no longer needed
        return std::nullopt;
    }
    return takeOldest();
}

std::span<const std::uint8_t> ReadbackRing::takeOldest() {
    unmap();
    const int index = oldest_;
    Slot& slot = slots_[static_cast<std::size_t>(index)];
    oldest_ = (oldest_ + 1) % depth();
    --pending_;
    // A failed wait is no reason to lose the frame: mapping waits for the
    // buffer's pending writes anyway, the fence only makes that explicit.
    slot.written.wait();
    slot.written.reset();

    glBindBuffer(GL_PIXEL_PACK_BUFFER, slot.pixels.id());
    const auto* bytes = static_cast<const std::uint8_t*>(glMapBufferRange(
        GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(frameBytes_), GL_MAP_READ_BIT));
    if (bytes) {
        mapped_ = index;
    } else {
        // Out of address space, say: copy instead, which needs no mapping.
        copy_.resize(frameBytes_);
        glGetBufferSubData(GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(frameBytes_),
                           copy_.data());
        bytes = copy_.data();
    }
    // Unbound while mapped, which GL allows: a pack buffer left bound would turn
    // every later glReadPixels (readRgb's too) into a write into it.
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    return {bytes, frameBytes_};
}

void ReadbackRing::unmap() {
    if (mapped_ < 0) return;
    glBindBuffer(GL_PIXEL_PACK_BUFFER, slots_[static_cast<std::size_t>(mapped_)].pixels.id());
    glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    mapped_ = -1;
}

}  // namespace friche::render
