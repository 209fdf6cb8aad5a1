#include "render/scaled_target.h"

#include <algorithm>
#include <cmath>

#include "shaders/bindings.h"

namespace friche::render {

namespace {

// Draws only through `scissor` (x, y, width, height); width 0: everywhere.
void scissorBy(const glm::ivec4& scissor) {
    if (scissor.z > 0) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(scissor.x, scissor.y, scissor.z, scissor.w);
    } else {
        glDisable(GL_SCISSOR_TEST);
    }
}

}  // namespace

void ScaledTarget::ensure(glm::ivec2 size) {
    used_ = size;
    if (size.x <= allocated_.x && size.y <= allocated_.y) return;
    allocated_ = glm::max(size, allocated_);
    canvases_ = {};  // reallocated as they are used
}

ScaledTarget::Canvas& ScaledTarget::canvas(int which) {
    Canvas& c = canvases_[static_cast<std::size_t>(which)];
    if (c.fbo) return c;
    const char* label = which == 0 ? "scaled frame" : "scaled frame, smoothed";
    c.color = gfx::Image::create(
        {.width = allocated_.x, .height = allocated_.y, .format = GL_RGBA8, .label = label});
    c.fbo = gfx::Framebuffer::create(label);
    c.fbo.attach(GL_COLOR_ATTACHMENT0, c.color);
    return c;
}

void ScaledTarget::bind() {
    canvas(0).fbo.bind();
    glViewport(0, 0, used_.x, used_.y);
    shown_ = 0;
}

void ScaledTarget::smooth(const gfx::Program& program, const glm::ivec4& scissor) {
    const Canvas& drawn = canvas(0);
    canvas(1).fbo.bind();
    glViewport(0, 0, used_.x, used_.y);
    scissorBy(scissor);
    glDisable(GL_FRAMEBUFFER_SRGB);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    drawn.color.bind(FRICHE_UNIT_HDR);
    glBindSampler(FRICHE_UNIT_HDR, 0);
    program.use();
    program.set(program.uniform("u_extent"), glm::vec2(used_) / glm::vec2(allocated_));
    glDrawArrays(GL_TRIANGLES, 0, 3);
    shown_ = 1;
}

void ScaledTarget::stretchTo(unsigned output, const glm::ivec4& viewport,
                             const glm::ivec4& scissor) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, canvases_[static_cast<std::size_t>(shown_)].fbo.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, output);
    glDisable(GL_FRAMEBUFFER_SRGB);  // display values already: copied as they are
    scissorBy(scissor);
    glBlitFramebuffer(0, 0, used_.x, used_.y, viewport.x, viewport.y, viewport.x + viewport.z,
                      viewport.y + viewport.w, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, output);
}

glm::ivec2 scaledSize(glm::ivec2 size, float scale) {
    const float s = std::clamp(scale, 0.0f, 1.0f);
    return glm::clamp(glm::ivec2(glm::round(glm::vec2(size) * s)), glm::ivec2(1), size);
}

glm::ivec4 scaledScissor(const glm::ivec4& scissor, glm::ivec2 origin, glm::ivec2 full,
                         glm::ivec2 canvas, int reach) {
    if (scissor.z <= 0) return scissor;
    const glm::vec2 ratio = glm::vec2(canvas) / glm::vec2(full);
    const glm::vec2 lo = glm::vec2(scissor.x - origin.x, scissor.y - origin.y) * ratio;
    const glm::vec2 hi =
        glm::vec2(scissor.x + scissor.z - origin.x, scissor.y + scissor.w - origin.y) * ratio;
    const glm::ivec2 a = glm::clamp(glm::ivec2(glm::floor(lo)) - reach, glm::ivec2(0), canvas);
    const glm::ivec2 b = glm::clamp(glm::ivec2(glm::ceil(hi)) + reach, glm::ivec2(0), canvas);
    return {a.x, a.y, std::max(b.x - a.x, 1), std::max(b.y - a.y, 1)};
}

}  // namespace friche::render
