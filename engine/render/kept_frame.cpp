#include "render/kept_frame.h"

namespace friche::render {

namespace {

// The inputs at time 0, compared without their time (see KeptFrame).
FrameInputs timeless(FrameInputs inputs) {
    for (PartView& part : inputs.views) part.params.time = 0.0f;
    return inputs;
}

using gfx::boundDrawFramebuffer;

// A format that holds the colour of the bound draw framebuffer's pixels as
// they are: 8 bits a channel, or 16 where it has more (a 30-bit screen's 10).
GLenum boundFormat() {
    return gfx::drawColorParameter(GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE) > 8 ? GL_RGBA16 : GL_RGBA8;
}

// Copies `size` pixels from framebuffer `from` to `to`, the bytes as they are
// (no sRGB conversion either way); the framebuffer bound stays bound.
void copy(GLuint from, GLuint to, glm::ivec2 size) {
    const GLuint bound = boundDrawFramebuffer();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glDisable(GL_SCISSOR_TEST);
    glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, bound);
}

}  // namespace

bool KeptFrame::holds(const FrameInputs& inputs) const {
    return inputs_ && *inputs_ == timeless(inputs);
}

void KeptFrame::keep(FrameInputs inputs) {
    const GLuint output = boundDrawFramebuffer();
    if (inputs.size.x > allocated_.x || inputs.size.y > allocated_.y) {
        allocated_ = glm::max(allocated_, inputs.size);
        color_ = gfx::Renderbuffer::create({.width = allocated_.x,
                                            .height = allocated_.y,
                                            .format = boundFormat(),
                                            .label = "kept frame"});
        fbo_ = gfx::Framebuffer::create("kept frame");
        fbo_.attach(GL_COLOR_ATTACHMENT0, color_);  // which binds it
        glBindFramebuffer(GL_FRAMEBUFFER, output);
    }
    copy(output, fbo_.id(), inputs.size);
    inputs_ = timeless(std::move(inputs));
}

void KeptFrame::restore() const {
    copy(fbo_.id(), boundDrawFramebuffer(), inputs_->size);
}

}  // namespace friche::render
