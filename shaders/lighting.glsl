// The light every surface shares: the sun with its cascaded shadows, the sky's
// irradiance (nine spherical-harmonic coefficients) and its prefiltered
// reflections with the split-sum BRDF table.
#ifndef FRICHE_LIGHTING_GLSL
#define FRICHE_LIGHTING_GLSL
#include "bindings.h"
#include "brdf.glsl"
#include "octahedral.glsl"

uniform vec3 u_eye;
uniform vec3 u_viewForward;  // unit, for the view depth that picks a cascade
uniform vec3 u_toSun;        // unit
uniform vec3 u_sunIlluminance;  // on a surface facing the sun; 0 under cloud
uniform vec3 u_skySh[9];        // irradiance / pi, see scene/sky.h
uniform sampler2D u_specularEnv;  // octahedral, a level a roughness
uniform sampler2D u_brdfLut;
uniform sampler2DArrayShadow u_shadowMap;
uniform sampler2DArray u_shadowRange;  // a cell's nearest and farthest depth, a layer a cascade
uniform int u_cascadeCount;  // 0: no shadows
uniform mat4 u_shadowMatrix[FRICHE_MAX_CASCADES];   // world -> [0,1]^3 of a layer
uniform float u_cascadeEnd[FRICHE_MAX_CASCADES];    // view depth where each ends
uniform float u_cascadeTexel[FRICHE_MAX_CASCADES];  // world size of a shadow texel

// Reflected radiance of a white Lambertian surface facing n, sun excluded.
vec3 skyIrradiance(vec3 n) {
    vec3 e = u_skySh[0] * 0.282095
           + u_skySh[1] * (0.488603 * n.y) + u_skySh[2] * (0.488603 * n.z)
           + u_skySh[3] * (0.488603 * n.x) + u_skySh[4] * (1.092548 * n.x * n.y)
           + u_skySh[5] * (1.092548 * n.y * n.z) + u_skySh[6] * (0.315392 * (3.0 * n.z * n.z - 1.0))
           + u_skySh[7] * (1.092548 * n.x * n.z) + u_skySh[8] * (0.546274 * (n.x * n.x - n.y * n.y));
    return max(e, vec3(0.0));
}

int cascadeAt(vec3 p) {
    float depth = dot(p - u_eye, u_viewForward);
    for (int i = 0; i < u_cascadeCount; ++i) {
        if (depth < u_cascadeEnd[i]) return i;
    }
    return -1;
}

// How much of the sun reaches p: 1 lit, 0 in shadow. The point moves along the
// geometric normal by a texel and a half (normal-offset bias), then four
// bilinear comparisons a texel either side (a 4x4 tent of texels) soften the
// edge: nine were a fifth of a big site's frame on llvmpipe, for little more.
float sunVisibility(vec3 p, vec3 geometricNormal) {
    int c = cascadeAt(p);
    if (c < 0) return 1.0;
    vec3 offset = geometricNormal * u_cascadeTexel[c] * 1.5;
    vec3 s = (u_shadowMatrix[c] * vec4(p + offset, 1.0)).xyz;
    // Outside the layer's square the clamped edge texels would smear a caster
    // across the ground: nothing casts there, by construction of the cascades.
    if (s.z >= 1.0 || any(lessThan(s.xy, vec2(0.0))) || any(greaterThan(s.xy, vec2(1.0)))) return 1.0;
    // Nearer the sun than every texel the taps below read, p is lit; farther
    // than all, in shadow: the same result without them, in most of the
    // picture (two steps of 24-bit depth to spare, for how a GPU rounds).
    ivec2 size = textureSize(u_shadowMap, 0).xy;
    ivec2 cell = min(ivec2(s.xy * vec2(size)), size - 1) / FRICHE_SHADOW_CELL;
    vec2 range = texelFetch(u_shadowRange, ivec3(cell, c), 0).rg;
    const float kDepthSteps = 2.0 / 16777215.0;
    if (s.z < range.x - kDepthSteps) return 1.0;
    if (s.z > range.y + kDepthSteps) return 0.0;
    vec2 texel = 1.0 / vec2(size);
    float lit = 0.0;
    for (int i = 0; i < 4; ++i) {
        vec2 offset = vec2((i & 1) == 0 ? -1.0 : 1.0, i < 2 ? -1.0 : 1.0) * texel;
        lit += texture(u_shadowMap, vec4(s.xy + offset, float(c), s.z));
    }
    return lit * 0.25;
}

// Image-based light: the glTF BRDF's diffuse and specular lobes over the sky.
// The dielectric's diffuse gets what its specular reflection leaves (the
// specification's fresnel_mix), so a white furnace stays white.
vec3 skyLight(SurfaceBrdf s, vec3 n, vec3 v, float roughness) {
    float NdotV = clamp(abs(dot(n, v)), 1e-4, 1.0);
    vec2 ab = texture(u_brdfLut, vec2(NdotV, roughness)).rg;
    vec3 specularAlbedo = s.f0 * ab.x + ab.y;
    float dielectricSpecular = 0.04 * ab.x + ab.y;
    float level = roughness * float(FRICHE_SPECULAR_LEVELS - 1);
    vec2 at = octahedralEncode(reflect(-v, n)) * 0.5 + 0.5;
    vec3 reflected = textureLod(u_specularEnv, at, level).rgb;
    return s.diffuseColor * skyIrradiance(n) * (1.0 - dielectricSpecular) + reflected * specularAlbedo;
}

#endif
