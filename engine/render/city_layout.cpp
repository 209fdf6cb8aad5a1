#include "render/city_layout.h"

#include "shaders/bindings.h"

namespace friche::render {

namespace {

constexpr int kWidth = FRICHE_CITY_CELLS * FRICHE_CITY_WINGS;  // a row of blocks
constexpr int kHeight = FRICHE_CITY_CELLS;
// The shadows' image: a texel 0.7 m across a city's grid, 0.5 m a town's.
constexpr int kShadowSide = 4096;
constexpr int kShadowLevels = 13;  // down to a texel

// Binds `fbo`, `width` by `height`, for a pass over it that draws with no
// depth, blending, scissor or culling.
void beginPass(const gfx::Framebuffer& fbo, int width, int height) {
    fbo.bind();
    glViewport(0, 0, width, height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_CULL_FACE);
}

}  // namespace

void CityLayout::compute(const gfx::Program& program) {
    if (!fbo_) {
        // Metres, as they are: nothing filtered, read with texelFetch.
        for (gfx::Image* image : {&places_, &looks_})
            *image = gfx::Image::create({.width = kWidth,
                                         .height = kHeight,
                                         .format = GL_RGBA32F,
                                         .filter = GL_NEAREST,
                                         .label = "city layout"});
        fbo_ = gfx::Framebuffer::create("city layout");
        fbo_.attach(GL_COLOR_ATTACHMENT0, places_);
        fbo_.attach(GL_COLOR_ATTACHMENT1, looks_);
        const GLenum both[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
        glDrawBuffers(2, both);
    }
    beginPass(fbo_, kWidth, kHeight);
    program.use();
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

void CityLayout::cast(const gfx::Program& program) {
    if (!shadowFbo_) {
        shadows_ = gfx::Image::create({.width = kShadowSide,
                                       .height = kShadowSide,
                                       .levels = kShadowLevels,
                                       .format = GL_R8,
                                       .label = "city shadows"});
        shadowFbo_ = gfx::Framebuffer::create("city shadows");
        shadowFbo_.attach(GL_COLOR_ATTACHMENT0, shadows_);
    }
    beginPass(shadowFbo_, kShadowSide, kShadowSide);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    program.use();
    bindLayout();
    glDrawArraysInstanced(GL_TRIANGLES, 0, 12, kWidth * kHeight);
    shadows_.bind(FRICHE_UNIT_CITY_SHADOWS);
    glGenerateMipmap(GL_TEXTURE_2D);
}

void CityLayout::bindLayout() const {
    for (GLuint unit : {FRICHE_UNIT_CITY_PLACES, FRICHE_UNIT_CITY_LOOKS})
        glBindSampler(unit, 0);  // a material's, left there, would filter
    places_.bind(FRICHE_UNIT_CITY_PLACES);
    looks_.bind(FRICHE_UNIT_CITY_LOOKS);
}

void CityLayout::bind() const {
    bindLayout();
    glBindSampler(FRICHE_UNIT_CITY_SHADOWS, 0);
    shadows_.bind(FRICHE_UNIT_CITY_SHADOWS);
}

}  // namespace friche::render
