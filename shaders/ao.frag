#version 410 core
// Screen-space ambient occlusion, at half resolution: how much of the
// hemisphere over each surface nearby geometry hides, from the depth buffer
// alone (eight taps on a spiral turned per pixel, an obscurance estimate in
// the manner of McGuire et al.'s "Alchemy" AO). It grounds buildings where
// they meet the ground and darkens the corners between walls. Writes the
// visibility (1: open) and the view depth the blur weighs neighbours by.
#include "bindings.h"

uniform sampler2DMS u_sceneDepth;
uniform mat4 u_inverseProjection;  // the depth pass's projection, inverted
uniform vec2 u_depthToNdc;         // ndc z = depth * x + y
uniform float u_farDepth;          // the depth the sky is at
uniform ivec2 u_size;              // the full-resolution viewport
uniform vec2 u_origin;             // its corner in the whole image (a tile's differs)
uniform ivec2 u_parity;            // that corner's oddness: texels pair the whole image's pixels
uniform float u_radius;            // view-space metres the taps reach
uniform float u_pixelsPerMetre;    // at 1 m from the eye, full resolution
uniform float u_shownScale;        // this frame's size against the size it is shown at

layout(location = 0) out vec2 o_ao;

const int TAPS = 8;

vec3 viewAt(ivec2 p, out bool sky) {
    p = clamp(p, ivec2(0), u_size - 1);
    float d = texelFetch(u_sceneDepth, p, 0).r;
    sky = d == u_farDepth;
    vec2 ndc = (vec2(p) + 0.5) / vec2(u_size) * 2.0 - 1.0;
    vec4 v = u_inverseProjection * vec4(ndc, d * u_depthToNdc.x + u_depthToNdc.y, 1.0);
    return v.xyz / v.w;
}

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy) * 2 - u_parity;
    bool sky;
    vec3 c = viewAt(p, sky);
    if (sky) {
        o_ao = vec2(1.0, 1e9);
        return;
    }
    // The normal from the nearer neighbour on each axis (not across an edge).
    bool s0, s1, s2, s3;
    vec3 r = viewAt(p + ivec2(2, 0), s0) - c, l = c - viewAt(p - ivec2(2, 0), s1);
    vec3 u = viewAt(p + ivec2(0, 2), s2) - c, d = c - viewAt(p - ivec2(0, 2), s3);
    vec3 dx = dot(r, r) < dot(l, l) ? r : l, dy = dot(u, u) < dot(d, d) ? u : d;
    vec3 n = normalize(cross(dx, dy));
    if (dot(n, c) > 0.0) n = -n;
    // Capped (and cut off) in the pixels of the screen, not of this frame.
    float reach = min(u_radius * u_pixelsPerMetre / max(-c.z, 1e-3), 80.0 * u_shownScale);
    if (reach < 2.0 * u_shownScale) {
        o_ao = vec2(1.0, -c.z);
        return;
    }
    // The spiral turns from texel to texel, one of 16 ways, each once in every
    // 4x4 texels (a Bayer matrix's order), which ao_blur.frag averages over:
    // what few taps miss averages out, and no pattern is left (a hash of the
    // pixel left diagonal streaks on a wall near the eye). Counted in the
    // whole image's texels, so that tiles agree.
    const int kOrder[16] = int[](0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5);
    ivec2 cell = ((p + ivec2(u_origin)) / 2) & 3;
    float turn = 6.2831853 * (float(kOrder[cell.y * 4 + cell.x]) + 0.5) / 16.0;
    float hidden = 0.0;
    for (int i = 0; i < TAPS; ++i) {
        float t = (float(i) + 0.5) / float(TAPS);
        float a = turn + 2.3999632 * float(i);
        bool tapSky;
        vec3 v = viewAt(p + ivec2(vec2(cos(a), sin(a)) * t * reach), tapSky) - c;
        if (tapSky) continue;
        float vv = dot(v, v);
        float falloff = 1.0 - smoothstep(0.5, 1.0, sqrt(vv) / u_radius);
        hidden += max(dot(v, n) - 0.002 * -c.z, 0.0) / (vv + 0.01 * u_radius * u_radius) * falloff;
    }
    float open = clamp(1.0 - 2.0 * u_radius * hidden / float(TAPS), 0.0, 1.0);
    o_ao = vec2(open, -c.z);
}
