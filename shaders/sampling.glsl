// Low-discrepancy samples of the GGX distribution, for baking the split-sum
// image-based lighting (prefiltered sky and BRDF lookup table).
#ifndef FRICHE_SAMPLING_GLSL
#define FRICHE_SAMPLING_GLSL
#include "brdf.glsl"

// Van der Corput's radical inverse in base 2, by reversing the bits.
float radicalInverse(uint bits) {
    bits = (bits << 16u) | (bits >> 16u);
    bits = ((bits & 0x55555555u) << 1u) | ((bits & 0xAAAAAAAAu) >> 1u);
    bits = ((bits & 0x33333333u) << 2u) | ((bits & 0xCCCCCCCCu) >> 2u);
    bits = ((bits & 0x0F0F0F0Fu) << 4u) | ((bits & 0xF0F0F0F0u) >> 4u);
    bits = ((bits & 0x00FF00FFu) << 8u) | ((bits & 0xFF00FF00u) >> 8u);
    return float(bits) * 2.3283064365386963e-10;
}

vec2 hammersley(int i, int count) {
    return vec2(float(i) / float(count), radicalInverse(uint(i)));
}

// A half vector around n, distributed as D_GGX(h) (n.h).
vec3 importanceSampleGgx(vec2 xi, vec3 n, float alpha) {
    float phi = 2.0 * PI * xi.x;
    float cosTheta = sqrt((1.0 - xi.y) / (1.0 + (alpha * alpha - 1.0) * xi.y));
    float sinTheta = sqrt(1.0 - cosTheta * cosTheta);
    vec3 up = abs(n.z) < 0.999 ? vec3(0.0, 0.0, 1.0) : vec3(1.0, 0.0, 0.0);
    vec3 t = normalize(cross(up, n));
    vec3 b = cross(n, t);
    return normalize(t * (sinTheta * cos(phi)) + b * (sinTheta * sin(phi)) + n * cosTheta);
}

#endif
