#version 410 core
// The post pass: the multisampled HDR frame to the screen. Each sample is
// exposed and tone mapped before the samples are averaged, so a bright edge
// against a dark one stays anti-aliased (resolving HDR first would not).
// Samples marked "as is" (unlit materials) skip the tone curve: their colour
// is the file's, exactly.
#include "bindings.h"
#include "color.glsl"

uniform sampler2DMS u_hdr;
uniform sampler2DMS u_asIs;  // 0: tone map, 1: show as is, between: blended
uniform int u_samples;
uniform float u_exposure;
uniform int u_toneMap;
uniform bool u_encodeSrgb;  // the output is not an sRGB framebuffer: encode here
uniform ivec2 u_origin;     // the viewport's corner in the output
uniform sampler2D u_ao;     // ambient occlusion: visibility, at half resolution
uniform vec2 u_aoScale;     // a pixel's place in it: (p + u_aoParity + 0.5) * u_aoScale
uniform vec2 u_aoParity;
uniform float u_aoStrength; // 0: none

out vec4 o_color;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy) - u_origin;
    vec3 sum = vec3(0.0);
    vec3 first = texelFetch(u_hdr, p, 0).rgb;
    bool edge = false;
    for (int s = 1; s < u_samples; ++s) edge = edge || texelFetch(u_hdr, p, s).rgb != first;
    // Inside a surface every sample is the same: one tone mapping does.
    int samples = edge ? u_samples : 1;
    float exposure = u_exposure;
    if (u_aoStrength > 0.0)
        exposure *= mix(1.0, texture(u_ao, (vec2(p) + u_aoParity + 0.5) * u_aoScale).r, u_aoStrength);
    for (int s = 0; s < samples; ++s) {
        vec3 c = texelFetch(u_hdr, p, s).rgb * exposure;
        float asIs = texelFetch(u_asIs, p, s).r;
        sum += mix(toneMap(c, u_toneMap), clamp(c, 0.0, 1.0), asIs);
    }
    vec3 c = sum / float(samples);
    o_color = vec4(u_encodeSrgb ? linearToSrgb(c) : c, 1.0);
}
