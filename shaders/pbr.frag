#version 410 core
// A first, honest glTF PBR: the metallic-roughness BRDF lit by the sun, the
// file's KHR_lights_punctual lights and a sky hemisphere; normal, occlusion and
// emissive maps; alpha mask and blend; unlit materials; tone mapping.
#include "bindings.h"
#include "brdf.glsl"
#include "sky.glsl"
#include "color.glsl"

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
uniform bool u_hasNormalTexture;
uniform int u_texCoord[FRICHE_SLOT_COUNT];        // which UV set each slot reads
uniform mat3 u_uvTransform[FRICHE_SLOT_COUNT];    // KHR_texture_transform per slot
uniform sampler2D u_baseColorTexture;
uniform sampler2D u_metalRoughTexture;
uniform sampler2D u_normalTexture;
uniform sampler2D u_occlusionTexture;
uniform sampler2D u_emissiveTexture;

// The frame.
uniform vec3 u_eye;
uniform float u_ambientIntensity;
uniform int u_lightCount;
uniform int u_lightType[FRICHE_MAX_LIGHTS];
uniform vec3 u_lightPosition[FRICHE_MAX_LIGHTS];
uniform vec3 u_lightDirection[FRICHE_MAX_LIGHTS];  // where the light travels
uniform vec3 u_lightColor[FRICHE_MAX_LIGHTS];      // colour x intensity
uniform float u_lightRange[FRICHE_MAX_LIGHTS];     // 0: infinite
uniform float u_lightConeScale[FRICHE_MAX_LIGHTS];
uniform float u_lightConeOffset[FRICHE_MAX_LIGHTS];

out vec4 o_color;

vec2 slotUv(int slot) {
    vec2 uv = u_texCoord[slot] == 1 ? v_uv1 : v_uv0;
    return (u_uvTransform[slot] * vec3(uv, 1.0)).xy;
}

// The shading normal: the interpolated one, bent by the normal map, facing the
// viewer on the back of double-sided surfaces (culling hides the others').
vec3 shadingNormal(vec3 geometric) {
    vec3 n = normalize(geometric);
    if (!u_hasNormalTexture) return gl_FrontFacing ? n : -n;
    vec2 uv = slotUv(FRICHE_SLOT_NORMAL);
    vec3 t, b;
    if (v_tangent.w != 0.0) {
        t = normalize(v_tangent.xyz - n * dot(n, v_tangent.xyz));
        b = cross(n, t) * sign(v_tangent.w);
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
    if (!gl_FrontFacing) {
        t = -t;
        b = -b;
        n = -n;
    }
    vec3 m = texture(u_normalTexture, uv).xyz * 2.0 - 1.0;
    m.xy *= u_normalScale;
    return normalize(mat3(t, b, n) * m);
}

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

vec3 directLight(SurfaceBrdf s, vec3 n, vec3 v) {
    vec3 sum = vec3(0.0);
    for (int i = 0; i < u_lightCount; ++i) {
        vec3 toLight = u_lightType[i] == FRICHE_LIGHT_DIRECTIONAL ? -u_lightDirection[i]
                                                                 : u_lightPosition[i] - v_worldPosition;
        vec3 l = normalize(toLight);
        if (dot(n, l) <= 0.0) continue;
        sum += brdfLight(s, n, v, l, u_lightColor[i] * lightAttenuation(i, toLight));
    }
    return sum;
}

vec3 ambientLight(SurfaceBrdf s, vec3 n, vec3 v, float roughness) {
    float NdotV = clamp(abs(dot(n, v)), 1e-4, 1.0);
    vec3 irradiance = skyIrradiance(n);
    // Rough surfaces reflect the whole hemisphere, smooth ones the sky along r.
    vec3 reflected = mix(skyRadiance(reflect(-v, n)), irradiance, roughness);
    vec2 ab = environmentBrdf(NdotV, roughness);
    return (s.diffuseColor * irradiance + reflected * (s.f0 * ab.x + ab.y)) * u_ambientIntensity;
}

void main() {
    vec4 base = u_baseColorFactor * v_color * texture(u_baseColorTexture, slotUv(FRICHE_SLOT_BASE_COLOR));
    if (u_alphaMode == FRICHE_ALPHA_MASK && base.a < u_alphaCutoff) discard;
    float alpha = u_alphaMode == FRICHE_ALPHA_BLEND ? base.a : 1.0;
    // Unlit materials, and points and lines without normals, show their colour as it is.
    if (u_unlit || dot(v_normal, v_normal) < 1e-12) {
        o_color = outputColor(base.rgb, alpha);
        return;
    }
    vec4 mr = texture(u_metalRoughTexture, slotUv(FRICHE_SLOT_METAL_ROUGH));
    float metallic = clamp(u_metallicFactor * mr.b, 0.0, 1.0);
    float roughness = clamp(u_roughnessFactor * mr.g, 0.0, 1.0);
    float ao = texture(u_occlusionTexture, slotUv(FRICHE_SLOT_OCCLUSION)).r;
    float occlusion = 1.0 + u_occlusionStrength * (ao - 1.0);
    vec3 emissive = u_emissive * texture(u_emissiveTexture, slotUv(FRICHE_SLOT_EMISSIVE)).rgb;

    SurfaceBrdf s = surfaceBrdf(base.rgb, metallic, roughness);
    vec3 n = shadingNormal(v_normal);
    vec3 v = normalize(u_eye - v_worldPosition);
    // Occlusion darkens indirect light only, as the glTF specification says.
    vec3 color = directLight(s, n, v) + ambientLight(s, n, v, roughness) * occlusion + emissive;
    o_color = outputColor(toneMapPbrNeutral(color), alpha);
}
