#include "render/kept_frame.h"

namespace friche::render {

namespace {

// The inputs at time 0: where nothing drawn moves with the clock, the time
// a frame is drawn at changes none of its pixels.
FrameInputs timeless(FrameInputs inputs) {
    for (PartView& part : inputs.views) part.params.time = 0.0f;
    return inputs;
}

GLuint boundDrawFramebuffer() {
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    return static_cast<GLuint>(bound);
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
                                            .format = GL_RGBA8,
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
