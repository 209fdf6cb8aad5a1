#version 410 core
// The post pass: the multisampled HDR frame to the screen. Each sample is
// exposed and tone mapped before the samples are averaged, so a bright edge
// against a dark one stays anti-aliased (resolving HDR first would not).
// Samples marked "as is" (unlit materials) skip the tone curve and the grade:
// their colour is the file's, exactly. Compiled per set of features
// (render/programs.h): the tone curve, the ambient occlusion, the bloom, the
// colour grade, the sRGB encoding, and whether any surface is unlit.
#include "bindings.h"
#include "color.glsl"

uniform sampler2DMS u_hdr;
uniform sampler2DMS u_asIs;  // 0: tone map, 1: show as is, between: blended (FRICHE_AS_IS)
uniform int u_samples;
uniform float u_exposure;
uniform ivec2 u_origin;     // the viewport's corner in the output
uniform sampler2D u_ao;     // ambient occlusion: visibility, at half resolution
uniform vec2 u_aoScale;     // a pixel's place in it: (p + u_aoParity + 0.5) * u_aoScale
uniform vec2 u_aoParity;
uniform float u_aoStrength;
uniform sampler2D u_bloom;  // light past white, spread (render/bloom.h), exposed
uniform vec2 u_bloomBias;   // a pixel's place in it: (p + u_bloomBias) * u_bloomScale
uniform vec2 u_bloomScale;
uniform float u_bloomStrength;
// The hour's colour grade (render/grade.h).
uniform vec3 u_balance;
uniform float u_saturation;
uniform float u_contrast;
uniform vec3 u_shadowTint;

#if defined(FRICHE_TONE_MAP_ACES)
#define TONE_MAP toneMapAces
#elif defined(FRICHE_TONE_MAP_NONE)
#define TONE_MAP clampUnit
#else
#define TONE_MAP toneMapPbrNeutral
#endif

vec3 clampUnit(vec3 c) {
    return clamp(c, 0.0, 1.0);
}

#ifdef FRICHE_GRADE
const vec3 LUMA = vec3(0.2126, 0.7152, 0.0722);

// On tone mapped, display-linear colour.
vec3 grade(vec3 c) {
    float luma = dot(c, LUMA);
    c = max(mix(vec3(luma), c, u_saturation), 0.0);
    c = mix(c, c * c * (3.0 - 2.0 * c), u_contrast);
    return clamp(c + u_shadowTint * (1.0 - luma) * (1.0 - luma), 0.0, 1.0);
}
#define GRADED(c) grade(TONE_MAP((c) * u_balance))
#else
#define GRADED(c) TONE_MAP(c)
#endif

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
#ifdef FRICHE_SCREEN_AO
    exposure *= mix(1.0, texture(u_ao, (vec2(p) + u_aoParity + 0.5) * u_aoScale).r, u_aoStrength);
#endif
    vec3 glow = vec3(0.0);
#ifdef FRICHE_BLOOM
    glow = texture(u_bloom, (vec2(p) + u_bloomBias) * u_bloomScale).rgb * u_bloomStrength;
#endif
    for (int s = 0; s < samples; ++s) {
        vec3 c = texelFetch(u_hdr, p, s).rgb * exposure;
#ifdef FRICHE_AS_IS
        float asIs = texelFetch(u_asIs, p, s).r;
        sum += mix(GRADED(c + glow), clampUnit(c), asIs);
#else
        sum += GRADED(c + glow);
#endif
    }
    vec3 c = sum / float(samples);
#ifdef FRICHE_ENCODE_SRGB  // the output is not an sRGB framebuffer: encode here
    c = linearToSrgb(c);
#endif
    o_color = vec4(c, 1.0);
}
