#include "render/hdr_target.h"

#include <algorithm>

namespace friche::render {

void HdrTarget::ensure(int width, int height, int samples, GLenum depthFormat, bool asIs) {
    samples = std::clamp(samples, 1, gfx::maxSamples());
    usedWidth_ = width;
    usedHeight_ = height;
    // Grows only: compare mode draws two viewports of different sizes each
    // frame, and reallocating for each would cost more than the memory kept.
    const bool fits = fbo_ && width <= width_ && height <= height_ && samples == samples_ &&
                      depthFormat == depthFormat_;
    const auto multisampled = [&](GLenum format, const char* label) {
        return gfx::Image::create({.target = GL_TEXTURE_2D_MULTISAMPLE,
                                   .width = width_,
                                   .height = height_,
                                   .samples = samples_,
                                   .format = format,
                                   .label = label});
    };
    if (!fits || (asIs && !asIs_)) {
        if (!fits) {
            width_ = std::max(width, width_);
            height_ = std::max(height, height_);
            samples_ = samples;
            depthFormat_ = depthFormat;
            color_ = multisampled(GL_RGBA16F, "hdr colour");
            depth_ = multisampled(depthFormat, "hdr depth");
            asIs_ = {};
        }
        if (asIs) asIs_ = multisampled(GL_R8, "hdr as is");
        fbo_ = gfx::Framebuffer::create("hdr");
        fbo_.attach(GL_COLOR_ATTACHMENT0, color_);
        if (asIs_) fbo_.attach(GL_COLOR_ATTACHMENT1, asIs_);
        fbo_.attach(GL_DEPTH_ATTACHMENT, depth_);
        writesAsIs_ = false;  // a new framebuffer draws to its first attachment only
    }
    // Weights kept from an earlier model are written only while a frame needs them.
    if (asIs != writesAsIs_) {
        fbo_.bind();
        const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
        glDrawBuffers(asIs ? 2 : 1, buffers);
        writesAsIs_ = asIs;
    }
}

void HdrTarget::bind() const {
    fbo_.bind();
    glViewport(0, 0, usedWidth_, usedHeight_);
}

}  // namespace friche::render
