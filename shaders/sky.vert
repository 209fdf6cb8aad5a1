#version 410 core
// The sky's triangle over the viewport, on the far plane, with the direction
// seen through each of its corners. Across the screen a perspective's (or an
// orthographic view's) ray direction changes linearly, so the fragment shader
// gets it interpolated instead of unprojecting every pixel: two matrix
// products a pixel, about a twentieth of a bare model's frame on llvmpipe.
#include "fullscreen.glsl"

uniform mat4 u_inverseViewProjection;
uniform float u_depth;  // the far plane's: 1, or 0 in the renderer's reversed depth

out vec3 v_direction;  // world space, not unit

void main() {
    vec2 ndc = coveringCorner();
    vec4 near = u_inverseViewProjection * vec4(ndc, -1.0, 1.0);
    vec4 mid = u_inverseViewProjection * vec4(ndc, 0.0, 1.0);
    v_direction = mid.xyz / mid.w - near.xyz / near.w;
    gl_Position = vec4(ndc, u_depth, 1.0);
}
