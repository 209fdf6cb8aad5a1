#version 410 core
// One level of the prefiltered sky, an octahedral map (octahedral.glsl): the
// sky convolved with the GGX lobe of that level's roughness, taking
// n = v = r (split-sum). Samples
// read the sky's mip whose texels match their solid angle (Krivanek and
// Colbert's filtered importance sampling), so few samples give no speckle.
#include "octahedral.glsl"
#include "sampling.glsl"

in vec2 v_ndc;

uniform samplerCube u_sky;
uniform float u_skySize;   // texels a side at the sky's level 0
uniform float u_roughness;
uniform int u_sampleCount;

out vec4 o_color;

void main() {
    vec3 n = octahedralDecode(v_ndc);
    if (u_roughness <= 0.0) {
        o_color = vec4(textureLod(u_sky, n, 0.0).rgb, 1.0);
        return;
    }
    float alpha = u_roughness * u_roughness;
    float texelSolidAngle = 4.0 * PI / (6.0 * u_skySize * u_skySize);
    vec3 sum = vec3(0.0);
    float weight = 0.0;
    for (int i = 0; i < u_sampleCount; ++i) {
        vec3 h = importanceSampleGgx(hammersley(i, u_sampleCount), n, alpha);
        float NdotH = clamp(dot(n, h), 0.0, 1.0);
        vec3 l = 2.0 * NdotH * h - n;
        float NdotL = dot(n, l);
        if (NdotL <= 0.0) continue;
        // pdf of l = D(h) (n.h) / (4 v.h), and v.h = n.h here.
        float pdf = distributionGgx(NdotH, alpha) * 0.25;
        float sampleSolidAngle = 1.0 / (float(u_sampleCount) * pdf + 1e-4);
        float lod = max(0.5 * log2(sampleSolidAngle / texelSolidAngle) + 1.0, 0.0);
        sum += textureLod(u_sky, l, lod).rgb * NdotL;
        weight += NdotL;
    }
    o_color = vec4(sum / max(weight, 1e-4), 1.0);
}
