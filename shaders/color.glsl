// Tone mapping and output encoding, for the post pass.
#ifndef FRICHE_COLOR_GLSL
#define FRICHE_COLOR_GLSL
#include "bindings.h"

const float NEUTRAL_START = 0.8 - 0.04;
const float NEUTRAL_DESATURATION = 0.15;

// Khronos PBR Neutral (2024): leaves base colours below 0.8 almost untouched,
// compresses highlights smoothly; meant for product-like renders as ours.
vec3 toneMapPbrNeutral(vec3 color) {
    float x = min(color.r, min(color.g, color.b));
    float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
    color -= offset;
    float peak = max(color.r, max(color.g, color.b));
    if (peak < NEUTRAL_START) return color;
    const float d = 1.0 - NEUTRAL_START;
    float newPeak = 1.0 - d * d / (peak + d - NEUTRAL_START);
    color *= newPeak / peak;
    float g = 1.0 - 1.0 / (NEUTRAL_DESATURATION * (peak - newPeak) + 1.0);
    return mix(color, vec3(newPeak), g);
}

// ACES filmic, Stephen Hill's fit of the RRT and ODT, as the Khronos sample
// viewer applies it (with its 1/0.6 exposure bias).
const mat3 ACES_INPUT = mat3(0.59719, 0.07600, 0.02840, 0.35458, 0.90834, 0.13383, 0.04823,
                             0.01566, 0.83777);
const mat3 ACES_OUTPUT = mat3(1.60475, -0.10208, -0.00327, -0.53108, 1.10813, -0.07276, -0.07367,
                              -0.00605, 1.07602);

vec3 toneMapAces(vec3 color) {
    vec3 v = ACES_INPUT * (color / 0.6);
    vec3 a = v * (v + 0.0245786) - 0.000090537;
    vec3 b = v * (0.983729 * v + 0.4329510) + 0.238081;
    return clamp(ACES_OUTPUT * (a / b), 0.0, 1.0);
}

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

#endif
