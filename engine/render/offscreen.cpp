#include "render/offscreen.h"

#include <cstring>

namespace friche::render {

std::optional<OffscreenTarget> OffscreenTarget::create(int width, int height,
                                                       core::Problems& problems) {
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    if (width > maxSize || height > maxSize) {
        problems.error("TARGET_TOO_LARGE", "--size",
                       "this GPU renders at most " + std::to_string(maxSize) + " pixels a side");
        return std::nullopt;
    }
    OffscreenTarget t;
    t.width_ = width;
    t.height_ = height;
    // sRGB: the post pass writes linear values and the hardware encodes them.
    t.color_ = gfx::Renderbuffer::create(
        {.width = width, .height = height, .format = GL_SRGB8_ALPHA8, .label = "still"});
    t.fbo_ = gfx::Framebuffer::create("still");
    t.fbo_.attach(GL_COLOR_ATTACHMENT0, t.color_);
    if (auto why = t.fbo_.incompleteReason()) {
        problems.error("TARGET_INCOMPLETE", "offscreen", "cannot render offscreen: " + *why);
        return std::nullopt;
    }
    return t;
}

void OffscreenTarget::bind() const {
    fbo_.bind();
}

std::vector<std::uint8_t> OffscreenTarget::readRgb() const {
    return readFramebufferRgb(fbo_.id(), width_, height_);
}

std::vector<std::uint8_t> readFramebufferRgb(unsigned framebuffer, int width, int height) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's rows run bottom to top; images run top to bottom.
    std::vector<std::uint8_t> swap(row);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* a = pixels.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* b = pixels.data() + static_cast<std::size_t>(height - 1 - y) * row;
        std::memcpy(swap.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, swap.data(), row);
    }
    return pixels;
}

}  // namespace friche::render
