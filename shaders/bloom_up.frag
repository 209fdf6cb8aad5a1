#version 410 core
#include "bloom.glsl"

// The smaller image at this texel's place, through four bilinear taps half a
// texel around it (a 3x3 tent over its texels); blending adds it onto what this
// image holds.
void main() {
    vec2 c = (vec2(ivec2(gl_FragCoord.xy) + u_dstOrigin) + 0.5) * 0.5;
    o_color = 0.25 * (tap(c + vec2(-0.5, -0.5)) + tap(c + vec2(0.5, -0.5)) +
                      tap(c + vec2(-0.5, 0.5)) + tap(c + vec2(0.5, 0.5)));
}
