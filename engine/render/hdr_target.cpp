#include "render/hdr_target.h"

#include <algorithm>

namespace friche::render {

void HdrTarget::ensure(int width, int height, int samples, GLenum depthFormat) {
    samples = std::clamp(samples, 1, gfx::maxSamples());
    usedWidth_ = width;
    usedHeight_ = height;
    // Grows only: compare mode draws two viewports of different sizes each
    // frame, and reallocating for each would cost more than the memory kept.
    if (fbo_ && width <= width_ && height <= height_ && samples == samples_ &&
        depthFormat == depthFormat_)
        return;
    width = std::max(width, width_);
    height = std::max(height, height_);
    width_ = width;
    height_ = height;
    samples_ = samples;
    depthFormat_ = depthFormat;
    const auto multisampled = [&](GLenum format, const char* label) {
        return gfx::Image::create({.target = GL_TEXTURE_2D_MULTISAMPLE,
                                   .width = width,
                                   .height = height,
                                   .samples = samples,
                                   .format = format,
                                   .label = label});
    };
    color_ = multisampled(GL_RGBA16F, "hdr colour");
    asIs_ = multisampled(GL_R8, "hdr as is");
    depth_ = multisampled(depthFormat, "hdr depth");
    fbo_ = gfx::Framebuffer::create("hdr");
    fbo_.attach(GL_COLOR_ATTACHMENT0, color_);
    fbo_.attach(GL_COLOR_ATTACHMENT1, asIs_);
    fbo_.attach(GL_DEPTH_ATTACHMENT, depth_);
    const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
}

void HdrTarget::bind() const {
    fbo_.bind();
    glViewport(0, 0, usedWidth_, usedHeight_);
}

}  // namespace friche::render
