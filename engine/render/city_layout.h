// A town's or a city's buildings around a site (Lighting::setting), laid out
// on the GPU: one texel a building or a tree, in two images
// (shaders/city_layout.frag), which city.vert reads for each of its
// FRICHE_CITY_VERTICES vertices. Laid out a fragment each, where drivers
// shade in parallel, and not in the vertex stage 72 times over: on llvmpipe,
// which shades vertices on one thread, that took a third of a second a frame.
// The renderer lays it out anew only when what it follows changes (the site,
// its river, the roads shown, the setting).
//
// Their shadows on the ground, too, seen from above into an image over the
// grid (shaders/city_shadow.vert), mipmapped so that far off they blur into
// their share of the ground: the landscape reads a texel a pixel where
// testing each building near a pixel took a fifth of a city's frame on
// llvmpipe. Cast anew when the layout or the sun moves.
//
//   layout.compute(programs.cityLayout);   // its landscape uniforms set
//   layout.cast(programs.cityShadows);     // its landscape uniforms and sun set
//   layout.bind();                         // for programs.city and the landscape
#pragma once

#include "gfx/framebuffer.h"
#include "gfx/program.h"
#include "gfx/texture.h"

namespace friche::render {

class CityLayout {
public:
    // Both change the bound framebuffer, viewport, blending and program, and
    // draw with the bound vertex array.
    void compute(const gfx::Program& program);
    void cast(const gfx::Program& program);
    // The two images on FRICHE_UNIT_CITY_PLACES and FRICHE_UNIT_CITY_LOOKS,
    // the shadows on FRICHE_UNIT_CITY_SHADOWS.
    void bind() const;

private:
    void bindLayout() const;  // the two images only

    gfx::Image places_, looks_, shadows_;
    gfx::Framebuffer fbo_, shadowFbo_;
};

}  // namespace friche::render
