#version 410 core
// One cell of a sun shadow layer summed up: the nearest and the farthest depth
// among its texels and those within the reach of a lookup's taps around it
// (render/shadows.h). A depth texel is read raw here: the unit's sampler
// object has no comparison.
#include "bindings.h"

uniform sampler2DArray u_shadowDepth;
uniform int u_layer;

layout(location = 0) out vec2 o_range;

void main() {
    ivec2 size = textureSize(u_shadowDepth, 0).xy;
    vec2 texel = 1.0 / vec2(size);
    ivec2 first = ivec2(gl_FragCoord.xy) * FRICHE_SHADOW_CELL - FRICHE_SHADOW_REACH;
    const int kSpan = FRICHE_SHADOW_CELL + 2 * FRICHE_SHADOW_REACH;
    float nearest = 1.0, farthest = 0.0;
    // Two texels by two a gather, at the corner they share: clamped to the
    // layer, the pairs at its edge read some texels twice.
    for (int y = 0; y < kSpan; y += 2) {
        for (int x = 0; x < kSpan; x += 2) {
            ivec2 t = clamp(first + ivec2(x, y), ivec2(0), size - 2);
            vec4 d = textureGather(u_shadowDepth, vec3((vec2(t) + 1.0) * texel, float(u_layer)));
            nearest = min(nearest, min(min(d.x, d.y), min(d.z, d.w)));
            farthest = max(farthest, max(max(d.x, d.y), max(d.z, d.w)));
        }
    }
    o_range = vec2(nearest, farthest);
}
