#version 410 core
// The background of a still or a frame: a calm vertical gradient, a pale
// sky-blue above, a warm light grey below, whatever the camera does, so a
// model stands out from it in any view. Not tone-mapped: these are the colours.
#include "color.glsl"

in float v_height;
out vec4 o_color;

const vec3 BACKDROP_TOP = vec3(0.34, 0.46, 0.57);     // sRGB #9eb4c6
const vec3 BACKDROP_BOTTOM = vec3(0.79, 0.77, 0.73);  // sRGB #e6e4de

void main() {
    o_color = outputColor(mix(BACKDROP_BOTTOM, BACKDROP_TOP, smoothstep(0.0, 1.0, v_height)), 1.0);
}
