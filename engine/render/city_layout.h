// A town's or a city's buildings around a site (Lighting::setting), laid out
// on the GPU: one texel a building or a tree, in two images
// (shaders/city_layout.frag), which city.vert reads for each of its
// FRICHE_CITY_VERTICES vertices. Laid out a fragment each, where drivers
// shade in parallel, and not in the vertex stage 72 times over: on llvmpipe,
// which shades vertices on one thread, that took a third of a second a frame.
// The renderer lays it out anew only when what it follows changes (the site,
// its river, the roads shown, the setting).
//
//   layout.compute(programs.cityLayout);   // its landscape uniforms set
//   layout.bind();                         // for programs.city
#pragma once

#include "gfx/framebuffer.h"
#include "gfx/program.h"
#include "gfx/texture.h"

namespace friche::render {

class CityLayout {
public:
    // Changes the bound framebuffer, viewport, blending and program; draws
    // with the bound vertex array.
    void compute(const gfx::Program& program);
    // The two images on FRICHE_UNIT_CITY_PLACES and FRICHE_UNIT_CITY_LOOKS.
    void bind() const;

private:
    gfx::Image places_, looks_;
    gfx::Framebuffer fbo_;
};

}  // namespace friche::render
