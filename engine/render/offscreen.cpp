#include "render/offscreen.h"

#include <algorithm>
#include <cstring>

namespace friche::render {

std::optional<OffscreenTarget> OffscreenTarget::create(int width, int height, int samples,
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
    samples = std::clamp(samples, 0, gfx::maxSamples());
    // sRGB colour: blending and the MSAA resolve happen on linear values.
    t.color_ = gfx::Renderbuffer::create({.width = width,
                                          .height = height,
                                          .format = GL_SRGB8_ALPHA8,
                                          .samples = samples,
                                          .label = "still colour"});
    t.depth_ = gfx::Renderbuffer::create({.width = width,
                                          .height = height,
                                          .format = GL_DEPTH_COMPONENT24,
                                          .samples = samples,
                                          .label = "still depth"});
    t.resolved_ = gfx::Renderbuffer::create(
        {.width = width, .height = height, .format = GL_SRGB8_ALPHA8, .label = "still resolved"});
    t.drawFbo_ = gfx::Framebuffer::create("still");
    t.drawFbo_.attach(GL_COLOR_ATTACHMENT0, t.color_);
    t.drawFbo_.attach(GL_DEPTH_ATTACHMENT, t.depth_);
    t.resolveFbo_ = gfx::Framebuffer::create("still resolve");
    t.resolveFbo_.attach(GL_COLOR_ATTACHMENT0, t.resolved_);
    for (const gfx::Framebuffer* fbo : {&t.drawFbo_, &t.resolveFbo_}) {
        if (auto why = fbo->incompleteReason()) {
            problems.error("TARGET_INCOMPLETE", "offscreen", "cannot render offscreen: " + *why);
            return std::nullopt;
        }
    }
    return t;
}

void OffscreenTarget::bind() const {
    drawFbo_.bind();
}

std::vector<std::uint8_t> OffscreenTarget::readRgb() const {
    gfx::resolve(drawFbo_, resolveFbo_, width_, height_);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
    const std::size_t row = static_cast<std::size_t>(width_) * 3;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height_));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // GL's rows run bottom to top; images run top to bottom.
    std::vector<std::uint8_t> swap(row);
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* a = pixels.data() + static_cast<std::size_t>(y) * row;
        std::uint8_t* b = pixels.data() + static_cast<std::size_t>(height_ - 1 - y) * row;
        std::memcpy(swap.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, swap.data(), row);
    }
    return pixels;
}

}  // namespace friche::render
