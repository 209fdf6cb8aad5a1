#include "render/city_layout.h"

#include "shaders/bindings.h"

namespace friche::render {

namespace {

constexpr int kWidth = FRICHE_CITY_CELLS * FRICHE_CITY_WINGS;  // a row of blocks
constexpr int kHeight = FRICHE_CITY_CELLS;

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
    fbo_.bind();
    glViewport(0, 0, kWidth, kHeight);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    program.use();
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

void CityLayout::bind() const {
    for (GLuint unit : {FRICHE_UNIT_CITY_PLACES, FRICHE_UNIT_CITY_LOOKS})
        glBindSampler(unit, 0);  // a material's, left there, would filter
    places_.bind(FRICHE_UNIT_CITY_PLACES);
    looks_.bind(FRICHE_UNIT_CITY_LOOKS);
}

}  // namespace friche::render
