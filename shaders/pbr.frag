#version 410 core
// glTF 2.0 metallic-roughness surfaces: the specification's BRDF lit by the
// sun (with cascaded shadows), the sky (image-based, split-sum) and the file's
// KHR_lights_punctual lights; normal, occlusion and emissive maps; vertex
// colours; alpha mask and blend; unlit materials; debug views. Writes linear
// HDR radiance; the post pass exposes and tone maps it.
//
// Compiled for each set of features the draws ask for (render/programs.h):
// what a draw does not use is left out with #ifdef FRICHE_*, not branched
// around, since a software rasteriser computes both sides of a branch
// everywhere (llvmpipe skips only the texture fetches no pixel of a block asks for).
#include "bindings.h"
#include "brdf.glsl"
#include "lighting.glsl"
#include "aerial.glsl"
#include "transition.glsl"

in vec3 v_worldPosition;
in vec3 v_normal;
in vec4 v_tangent;
in vec2 v_uv0;
in vec2 v_uv1;
in vec4 v_color;

// The material.
uniform vec4 u_baseColorFactor;
uniform float u_metallicFactor;
uniform float u_roughnessFactor;
uniform vec3 u_emissive;  // emissiveFactor x KHR_materials_emissive_strength
uniform float u_normalScale;
uniform float u_occlusionStrength;
uniform int u_alphaMode;
uniform float u_alphaCutoff;
uniform bool u_unlit;
uniform int u_texCoord[FRICHE_SLOT_COUNT];        // which UV set each slot reads
uniform mat3 u_uvTransform[FRICHE_SLOT_COUNT];    // KHR_texture_transform per slot
uniform sampler2D u_baseColorTexture;
uniform sampler2D u_metalRoughTexture;
uniform sampler2D u_normalTexture;
uniform sampler2D u_occlusionTexture;
uniform sampler2D u_emissiveTexture;

// The frame.
uniform float u_time;  // seconds: what moves by itself (ViewParams::time)
uniform float u_inverseExposure;  // emissive 1 and unlit colours show as they are
uniform int u_debugView;
uniform int u_lightCount;
uniform int u_lightType[FRICHE_MAX_LIGHTS];
uniform vec3 u_lightPosition[FRICHE_MAX_LIGHTS];
uniform vec3 u_lightDirection[FRICHE_MAX_LIGHTS];  // where the light travels
uniform vec3 u_lightColor[FRICHE_MAX_LIGHTS];      // colour x intensity, in klux / kcd
uniform float u_lightRange[FRICHE_MAX_LIGHTS];     // 0: infinite
uniform float u_lightConeScale[FRICHE_MAX_LIGHTS];
uniform float u_lightConeOffset[FRICHE_MAX_LIGHTS];

layout(location = 0) out vec4 o_color;
layout(location = 1) out float o_asIs;  // 1: the post pass shows this colour untouched

// Where a slot's texture is read. Most materials read every texture through
// the first UV set as it is: they skip the choice and the transform.
vec2 slotUv(int slot) {
#ifdef FRICHE_UV_SETS
    vec2 uv = u_texCoord[slot] == 1 ? v_uv1 : v_uv0;
    return (u_uvTransform[slot] * vec3(uv, 1.0)).xy;
#else
    return v_uv0;
#endif
}

// A slot's texture, or what an empty slot holds (white: the factors alone).
vec4 slotTexture(sampler2D t, int slot, bool present) {
    return present ? texture(t, slotUv(slot)) : vec4(1.0);
}

#ifdef FRICHE_BASE_COLOR_MAP
const bool kBaseColorMap = true;
#else
const bool kBaseColorMap = false;
#endif
#ifdef FRICHE_METAL_ROUGH_MAP
const bool kMetalRoughMap = true;
#else
const bool kMetalRoughMap = false;
#endif
#ifdef FRICHE_OCCLUSION_MAP
const bool kOcclusionMap = true;
#else
const bool kOcclusionMap = false;
#endif
#ifdef FRICHE_EMISSIVE_MAP
const bool kEmissiveMap = true;
#else
const bool kEmissiveMap = false;
#endif

// The shading normal: the interpolated one, bent by the normal map, facing the
// viewer on the back of double-sided surfaces (culling hides the others').
vec3 shadingNormal(vec3 n) {
#ifndef FRICHE_NORMAL_MAP
    return n;
#else
    vec2 uv = slotUv(FRICHE_SLOT_NORMAL);
    vec3 t, b;
    if (v_tangent.w != 0.0) {
        t = normalize(v_tangent.xyz - n * dot(n, v_tangent.xyz));
        b = cross(n, t) * sign(v_tangent.w);
        if (!gl_FrontFacing) {
            t = -t;
            b = -b;
        }
    } else {
        // No tangents: derive them from screen-space derivatives of position and UV.
        vec3 dp1 = dFdx(v_worldPosition), dp2 = dFdy(v_worldPosition);
        vec2 duv1 = dFdx(uv), duv2 = dFdy(uv);
        vec3 dp2perp = cross(dp2, n), dp1perp = cross(n, dp1);
        t = dp2perp * duv1.x + dp1perp * duv2.x;
        b = dp2perp * duv1.y + dp1perp * duv2.y;
        float scale = inversesqrt(max(max(dot(t, t), dot(b, b)), 1e-20));
        t *= scale;
        b *= scale;
    }
    vec3 m = texture(u_normalTexture, uv).xyz * 2.0 - 1.0;
    m.xy *= u_normalScale;
    return normalize(mat3(t, b, n) * m);
#endif
}

// Water's surface: two trains of wind ripples, a few metres and under a metre
// long, drifting across each other and changing as they go; smoothed flat
// where a pixel spans several ripples, so far water does not sparkle at random.
#ifdef FRICHE_WATER
float ripples(vec2 xz) {
    vec2 wind = vec2(0.6, 0.25) * u_time;
    return valueNoise(vec3(xz / 2.2 + wind * 0.4, u_time * 0.5)) +
           0.45 * valueNoise(vec3(xz / 0.8 - wind.yx, u_time * 0.9));
}

vec3 waterNormal(vec3 p, vec3 up) {
    const float e = 0.05;
    float h = ripples(p.xz);
    vec2 slope = vec2(ripples(p.xz + vec2(e, 0.0)) - h, ripples(p.xz + vec2(0.0, e)) - h) / e;
    vec2 footprint = fwidth(p.xz);
    slope *= 0.12 * (1.0 - smoothstep(0.2, 0.8, max(footprint.x, footprint.y)));
    return normalize(up - vec3(slope.x, 0.0, slope.y));
}
#endif

// Smoke: how much a puff hides behind it, thin at its rim (where a sphere is
// seen edge-on) and in the gaps of a noise that rises through it as it drifts.
#ifdef FRICHE_SMOKE
float smokeDensity(vec3 p, vec3 n, vec3 v) {
    float facing = abs(dot(n, v));
    vec3 rise = vec3(0.3, 1.0, 0.1) * u_time;
    float billow = 0.6 * valueNoise(p / 7.0 - rise * 0.25) + 0.4 * valueNoise(p / 2.5 - rise * 0.6);
    return smoothstep(0.1, 0.9, facing) * smoothstep(0.25, 0.65, billow);
}
#endif

float lightAttenuation(int i, vec3 toLight) {
    if (u_lightType[i] == FRICHE_LIGHT_DIRECTIONAL) return 1.0;
    float d2 = max(dot(toLight, toLight), 1e-8);
    float attenuation = 1.0 / d2;
    if (u_lightRange[i] > 0.0) {
        // KHR_lights_punctual's recommended window: reaches zero at the range.
        float r = sqrt(d2) / u_lightRange[i];
        attenuation *= clamp(1.0 - r * r * r * r, 0.0, 1.0);
    }
    if (u_lightType[i] == FRICHE_LIGHT_SPOT) {
        float cd = dot(u_lightDirection[i], -normalize(toLight));
        float cone = clamp(cd * u_lightConeScale[i] + u_lightConeOffset[i], 0.0, 1.0);
        attenuation *= cone * cone;
    }
    return attenuation;
}

vec3 punctualLights(SurfaceBrdf s, vec3 n, vec3 v) {
    vec3 sum = vec3(0.0);
#ifdef FRICHE_PUNCTUAL_LIGHTS
    for (int i = 0; i < u_lightCount; ++i) {
        vec3 toLight = u_lightType[i] == FRICHE_LIGHT_DIRECTIONAL ? -u_lightDirection[i]
                                                                 : u_lightPosition[i] - v_worldPosition;
        vec3 l = normalize(toLight);
        if (dot(n, l) <= 0.0) continue;
        sum += brdfLight(s, n, v, l, u_lightColor[i] * lightAttenuation(i, toLight));
    }
#endif
    return sum;
}

#ifdef FRICHE_DEBUG_VIEWS
vec3 cascadeColour(vec3 p) {
    const vec3 colours[FRICHE_MAX_CASCADES] = vec3[](vec3(1.0, 0.3, 0.3), vec3(0.3, 1.0, 0.3),
                                                     vec3(0.3, 0.4, 1.0), vec3(1.0, 1.0, 0.3));
    int c = cascadeAt(p);
    return c < 0 ? vec3(0.5) : colours[c];
}

// Debug views show one input as it is; the post pass leaves them untouched.
vec3 debugColour(vec3 base, vec3 n, float metallic, float roughness, float occlusion, float lit) {
    if (u_debugView == FRICHE_DEBUG_BASE_COLOR) return base;
    if (u_debugView == FRICHE_DEBUG_NORMALS) return n * 0.5 + 0.5;
    if (u_debugView == FRICHE_DEBUG_METAL_ROUGH) return vec3(0.0, roughness, metallic);
    if (u_debugView == FRICHE_DEBUG_OCCLUSION) return vec3(occlusion);
    return cascadeColour(v_worldPosition) * (0.4 + 0.6 * lit);
}
#endif

void main() {
    vec4 base = u_baseColorFactor * v_color *
                slotTexture(u_baseColorTexture, FRICHE_SLOT_BASE_COLOR, kBaseColorMap);
    if (u_alphaMode == FRICHE_ALPHA_MASK && base.a < u_alphaCutoff) discard;
    float edge = transitionDiscard(v_worldPosition);
    // Lines and points may have no normal: a zero one stays zero.
    base.rgb = constructionAlbedo(base.rgb, v_worldPosition,
                                  v_normal * inversesqrt(max(dot(v_normal, v_normal), 1e-12)));
    float alpha = u_alphaMode == FRICHE_ALPHA_BLEND ? base.a : 1.0;
    // Unlit materials, and points and lines without normals, show their colour as it is.
    if (u_unlit || dot(v_normal, v_normal) < 1e-12) {
        vec3 facing = vec3(0.0, 0.0, 1.0);  // no normal: no fresnel rim
        o_color = transitionColour(base.rgb * u_inverseExposure, alpha, facing, facing,
                                   v_worldPosition, edge, u_inverseExposure);
        o_asIs = 1.0;
        return;
    }
    o_asIs = 0.0;
    vec4 mr = slotTexture(u_metalRoughTexture, FRICHE_SLOT_METAL_ROUGH, kMetalRoughMap);
    float metallic = clamp(u_metallicFactor * mr.b, 0.0, 1.0);
#ifdef FRICHE_WATER
    float roughness = 0.03;
    // Water is dark: what it shows is mostly the sky it mirrors.
    base.rgb *= 0.3;
#else
    float roughness = clamp(u_roughnessFactor * mr.g, 0.0, 1.0);
#endif
#ifdef FRICHE_OCCLUSION_IN_METAL_ROUGH
    float ao = mr.r;  // the same texel, read once: occlusion, roughness, metalness packed
#else
    float ao = slotTexture(u_occlusionTexture, FRICHE_SLOT_OCCLUSION, kOcclusionMap).r;
#endif
    float occlusion = 1.0 + u_occlusionStrength * (ao - 1.0);
    vec3 emissive = u_emissive * slotTexture(u_emissiveTexture, FRICHE_SLOT_EMISSIVE, kEmissiveMap).rgb;

    SurfaceBrdf s = surfaceBrdf(base.rgb, metallic, roughness);
    vec3 geometric = normalize(v_normal) * (gl_FrontFacing ? 1.0 : -1.0);
#ifdef FRICHE_WATER
    vec3 n = waterNormal(v_worldPosition, geometric);
#else
    vec3 n = shadingNormal(geometric);
#endif
    vec3 v = normalize(u_eye - v_worldPosition);
#ifdef FRICHE_SUN_SHADOWS
    float lit = dot(geometric, u_toSun) > 0.0 ? sunVisibility(v_worldPosition, geometric) : 0.0;
#else
    float lit = dot(geometric, u_toSun) > 0.0 ? 1.0 : 0.0;
#endif
#ifdef FRICHE_DEBUG_VIEWS
    o_color = vec4(debugColour(base.rgb, n, metallic, roughness, occlusion, lit), 1.0);
    return;
#endif
    vec3 sun = dot(n, u_toSun) > 0.0 ? brdfLight(s, n, v, u_toSun, u_sunIlluminance * lit) : vec3(0.0);
    // Occlusion darkens indirect light only, as the glTF specification says.
    vec3 color = sun + punctualLights(s, n, v) + skyLight(s, n, v, roughness) * occlusion +
                 emissive * u_inverseExposure;
#ifdef FRICHE_SMOKE
    {
        // Droplets scatter the sun forward and to every side: lit through, never black.
        float wrap = 0.35 + 0.65 * max(dot(geometric, u_toSun), 0.0);
        color = base.rgb * (u_sunIlluminance * wrap * (0.5 + 0.5 * lit) / PI + skyIrradiance(n) * 1.3);
        alpha *= smokeDensity(v_worldPosition, geometric, v);
    }
#endif
#ifdef FRICHE_AERIAL
    color = aerialPerspective(color, v_worldPosition);
#endif
    o_color = transitionColour(color, alpha, n, v, v_worldPosition, edge, u_inverseExposure);
}
