#include "render/ambient_occlusion.h"

#include "shaders/bindings.h"

namespace friche::render {

void AmbientOcclusion::ensure(glm::ivec2 half) {
    if (noisyFbo_ && half.x <= allocated_.x && half.y <= allocated_.y) return;
    allocated_ = glm::max(half, allocated_);
    const auto image = [&](const char* label) {
        return gfx::Image::create({.width = allocated_.x,
                                   .height = allocated_.y,
                                   .format = GL_RG16F,
                                   .filter = GL_LINEAR,
                                   .label = label});
    };
    noisy_ = image("ao noisy");
    smooth_ = image("ao");
    noisyFbo_ = gfx::Framebuffer::create("ao noisy");
    noisyFbo_.attach(GL_COLOR_ATTACHMENT0, noisy_);
    smoothFbo_ = gfx::Framebuffer::create("ao");
    smoothFbo_.attach(GL_COLOR_ATTACHMENT0, smooth_);
}

void AmbientOcclusion::compute(const Programs& programs, const gfx::Image& depth,
                               glm::ivec4 viewport, const glm::mat4& projection, glm::vec2 toNdc,
                               float farDepth, float radius, float shownScale) {
    const glm::ivec2 size(viewport.z, viewport.w);
    parity_ = glm::ivec2(viewport.x, viewport.y) & 1;
    const glm::ivec2 half = (size + parity_ + 1) / 2;
    ensure(half);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    // A material's sampler left on a unit would make these one-level images incomplete.
    glBindSampler(FRICHE_UNIT_HDR, 0);
    glBindSampler(FRICHE_UNIT_AO, 0);

    const gfx::Program& ao = programs.ao.get();
    noisyFbo_.bind();
    glViewport(0, 0, half.x, half.y);
    depth.bind(FRICHE_UNIT_HDR);
    ao.set(ao.uniform("u_inverseProjection"), glm::inverse(projection));
    ao.set(ao.uniform("u_depthToNdc"), toNdc);
    ao.set(ao.uniform("u_farDepth"), farDepth);
    glProgramUniform2i(ao.id(), ao.uniform("u_size"), size.x, size.y);
    ao.set(ao.uniform("u_origin"), glm::vec2(viewport.x, viewport.y));
    glProgramUniform2i(ao.id(), ao.uniform("u_parity"), parity_.x, parity_.y);
    ao.set(ao.uniform("u_radius"), radius);
    ao.set(ao.uniform("u_pixelsPerMetre"), projection[1][1] * 0.5f * static_cast<float>(size.y));
    ao.set(ao.uniform("u_shownScale"), shownScale);
    ao.use();
    glDrawArrays(GL_TRIANGLES, 0, 3);

    const gfx::Program& blur = programs.aoBlur.get();
    smoothFbo_.bind();
    noisy_.bind(FRICHE_UNIT_AO);
    blur.use();
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

}  // namespace friche::render
