#version 410 core
#include "bloom.glsl"

// Five bilinear taps over 4x4 source texels, the centre's four weighed most
// (Bjørge, "Bandwidth-efficient rendering", SIGGRAPH 2015): a smooth half-size
// image, without the shimmer of a 2x2 average, at a software rasteriser's cost.
void main() {
    vec2 c = vec2(2 * (ivec2(gl_FragCoord.xy) + u_dstOrigin) + 1);
    vec3 corners = tap(c + vec2(-1, -1)) + tap(c + vec2(1, -1)) + tap(c + vec2(-1, 1)) +
                   tap(c + vec2(1, 1));
    o_color = 0.5 * tap(c) + 0.125 * corners;
}
