// The colour grade of a site's frame, by the hour: what a photographer does to
// a day's pictures so that each reads as its time. Noon crisp and a little
// richer; the low sun warmer, with more contrast and a little less light; dusk
// cooler and dimmer, its shadows blue. The automatic exposure alone would show
// every hour as bright as noon. CPU only; the post pass applies it.
//
//   const render::Grade g = render::gradeFor(sky.kind, sunElevationDegrees);
#pragma once

#include <glm/glm.hpp>

#include "scene/sky.h"

namespace friche::render {

struct Grade {
    float exposureStops = 0.0f;  // added to the automatic exposure
    glm::vec3 balance{1.0f};     // white balance: the exposed light, before the tone curve
    float saturation = 1.0f;     // after the tone curve: 1 as is, 0 grey
    float contrast = 0.0f;       // a smooth S curve's share: 0 none, 1 smoothstep
    glm::vec3 shadowTint{0.0f};  // added to the darkest tones, fading out to the brightest
};

// The grade of a frame lit by `sky` with the sun `elevation` degrees above the
// horizon (below it: dusk's). A Uniform sky (the furnace test) has none.
Grade gradeFor(scene::SkyKind sky, double elevation);

}  // namespace friche::render
