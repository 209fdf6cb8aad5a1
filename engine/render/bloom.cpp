#include "render/bloom.h"

#include <algorithm>
#include <cmath>

#include "shaders/bindings.h"

namespace friche::render {

namespace {

// Texels [origin, origin + count) of a grid of `factor`-pixel texels that
// pixels [lo, lo + size) meet.
void gridSpan(glm::ivec2 lo, glm::ivec2 size, int factor, glm::ivec2& origin, glm::ivec2& count) {
    const auto floorDiv = [&](int a) {
        return a >= 0 ? a / factor : -((-a + factor - 1) / factor);
    };
    const glm::ivec2 hi = lo + size;
    origin = {floorDiv(lo.x), floorDiv(lo.y)};
    count = glm::ivec2(floorDiv(hi.x + factor - 1), floorDiv(hi.y + factor - 1)) - origin;
}

void setGrid(const gfx::Program& p, const char* name, glm::ivec2 v) {
    glProgramUniform2i(p.id(), p.uniform(name), v.x, v.y);
}

}  // namespace

int bloomLevels(int height) {
    const int levels = static_cast<int>(std::floor(std::log2(std::max(height, 1) / 17.0)));
    return std::clamp(levels, 1, 8);
}

int bloomReach(int levels) {
    return (7 << levels) / 2 + 2;
}

void Bloom::ensure(Level& level, glm::ivec2 count, int index) {
    if (level.fbo && count.x <= level.allocated.x && count.y <= level.allocated.y) return;
    level.allocated = glm::max(count, level.allocated);
    // Light past white, no alpha: 4 bytes a texel.
    level.image = gfx::Image::create({.width = level.allocated.x,
                                      .height = level.allocated.y,
                                      .format = GL_R11F_G11F_B10F,
                                      .filter = GL_LINEAR,
                                      .label = index == 0 ? "bloom" : "bloom level"});
    level.fbo = gfx::Framebuffer::create("bloom");
    level.fbo.attach(GL_COLOR_ATTACHMENT0, level.image);
}

void Bloom::compute(const Programs& programs, const HdrTarget& hdr, glm::ivec4 viewport, int levels,
                    float exposure) {
    if (static_cast<int>(levels_.size()) < levels) levels_.resize(static_cast<std::size_t>(levels));
    used_ = levels;
    // Each image's texels on the output's grid, from the viewport's pixels.
    glm::ivec2 lo(viewport.x, viewport.y), size(viewport.z, viewport.w);
    for (int k = 0; k < levels; ++k) {
        Level& l = levels_[static_cast<std::size_t>(k)];
        gridSpan(lo, size, 2, l.origin, l.count);
        ensure(l, l.count, k);
        lo = l.origin;
        size = l.count;
    }
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    // A material's sampler left on a unit would make these one-level images incomplete.
    for (GLuint unit : {FRICHE_UNIT_HDR, FRICHE_UNIT_BLOOM}) glBindSampler(unit, 0);

    const auto target = [&](const Level& l, const gfx::Program& p) {
        l.fbo.bind();
        glViewport(0, 0, l.count.x, l.count.y);
        setGrid(p, "u_dstOrigin", l.origin);
        p.use();
    };
    const auto source = [&](const Level& l, const gfx::Program& p) {
        l.image.bind(FRICHE_UNIT_BLOOM);
        setGrid(p, "u_srcOrigin", l.origin);
        setGrid(p, "u_srcCount", l.count);
    };

    const gfx::Program& bright = programs.bloomBright.get();
    hdr.color().bind(FRICHE_UNIT_HDR);
    setGrid(bright, "u_origin", {viewport.x, viewport.y});
    setGrid(bright, "u_size", {viewport.z, viewport.w});
    bright.set(bright.uniform("u_exposure"), exposure);
    target(levels_[0], bright);
    glDrawArrays(GL_TRIANGLES, 0, 3);

    for (int k = 1; k < levels; ++k) {
        const gfx::Program& down = programs.bloomDown.get();
        source(levels_[static_cast<std::size_t>(k - 1)], down);
        target(levels_[static_cast<std::size_t>(k)], down);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    for (int k = levels - 2; k >= 0; --k) {
        const gfx::Program& up = programs.bloomUp.get();
        source(levels_[static_cast<std::size_t>(k + 1)], up);
        target(levels_[static_cast<std::size_t>(k)], up);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    glDisable(GL_BLEND);

    // Pixel p of the viewport is at grid position (p + corner + 0.5) / 2 of the first image.
    const Level& first = levels_.front();
    bias_ = glm::vec2(viewport.x, viewport.y) + 0.5f - 2.0f * glm::vec2(first.origin);
    scale_ = 0.5f / glm::vec2(first.allocated);
}

}  // namespace friche::render
