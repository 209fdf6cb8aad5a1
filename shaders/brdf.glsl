// The glTF 2.0 metallic-roughness BRDF, as in the specification's appendix B:
// Trowbridge-Reitz (GGX) distribution, the height-correlated Smith visibility,
// Schlick's Fresnel, Lambertian diffuse.
#ifndef FRICHE_BRDF_GLSL
#define FRICHE_BRDF_GLSL

const float PI = 3.14159265358979;

vec3 fresnelSchlick(vec3 f0, float VdotH) {
    return f0 + (vec3(1.0) - f0) * pow(clamp(1.0 - VdotH, 0.0, 1.0), 5.0);
}

// V = G / (4 |N.L| |N.V|), folded together as the specification writes it.
float visibilitySmithGgx(float NdotL, float NdotV, float alpha) {
    float a2 = alpha * alpha;
    float ggxV = NdotL * sqrt(NdotV * NdotV * (1.0 - a2) + a2);
    float ggxL = NdotV * sqrt(NdotL * NdotL * (1.0 - a2) + a2);
    float ggx = ggxV + ggxL;
    return ggx > 0.0 ? 0.5 / ggx : 0.0;
}

float distributionGgx(float NdotH, float alpha) {
    float a2 = alpha * alpha;
    float f = NdotH * NdotH * (a2 - 1.0) + 1.0;
    return a2 / (PI * f * f);
}

struct SurfaceBrdf {
    vec3 diffuseColor;  // c_diff: base colour, black for metals
    vec3 f0;            // reflectance at normal incidence
    float alpha;        // perceptual roughness squared
};

SurfaceBrdf surfaceBrdf(vec3 baseColor, float metallic, float roughness) {
    SurfaceBrdf s;
    s.diffuseColor = mix(baseColor, vec3(0.0), metallic);
    s.f0 = mix(vec3(0.04), baseColor, metallic);
    s.alpha = roughness * roughness;
    return s;
}

// Reflected radiance for irradiance `lightIntensity` arriving from `l`.
vec3 brdfLight(SurfaceBrdf s, vec3 n, vec3 v, vec3 l, vec3 lightIntensity) {
    vec3 h = normalize(l + v);
    float NdotL = clamp(dot(n, l), 0.0, 1.0);
    float NdotV = clamp(abs(dot(n, v)), 1e-4, 1.0);
    float NdotH = clamp(dot(n, h), 0.0, 1.0);
    float VdotH = clamp(dot(v, h), 0.0, 1.0);
    vec3 F = fresnelSchlick(s.f0, VdotH);
    vec3 diffuse = (vec3(1.0) - F) * s.diffuseColor / PI;
    vec3 specular = F * visibilitySmithGgx(NdotL, NdotV, s.alpha) * distributionGgx(NdotH, s.alpha);
    return (diffuse + specular) * lightIntensity * NdotL;
}

#endif
