#version 410 core
// The split-sum BRDF table (Karis 2013): for n.v across and roughness up, the
// scale and bias on f0 that integrate the specular BRDF over the hemisphere,
// with the glTF specification's height-correlated Smith visibility.
#include "sampling.glsl"

in vec2 v_ndc;

uniform int u_sampleCount;

out vec4 o_color;

void main() {
    vec2 uv = v_ndc * 0.5 + 0.5;
    float NdotV = max(uv.x, 1e-3);
    float alpha = uv.y * uv.y;
    vec3 n = vec3(0.0, 0.0, 1.0);
    vec3 v = vec3(sqrt(1.0 - NdotV * NdotV), 0.0, NdotV);
    vec2 sum = vec2(0.0);
    for (int i = 0; i < u_sampleCount; ++i) {
        vec3 h = importanceSampleGgx(hammersley(i, u_sampleCount), n, alpha);
        vec3 l = 2.0 * dot(v, h) * h - v;
        float NdotL = l.z;
        if (NdotL <= 0.0) continue;
        float NdotH = max(h.z, 0.0);
        float VdotH = max(dot(v, h), 0.0);
        // BRDF x cos / pdf, with F factored out: V * 4 (n.l) (v.h) / (n.h).
        float g = visibilitySmithGgx(NdotL, NdotV, alpha) * 4.0 * NdotL * VdotH / max(NdotH, 1e-4);
        float fc = pow(1.0 - VdotH, 5.0);
        sum += vec2(1.0 - fc, fc) * g;
    }
    o_color = vec4(sum / float(u_sampleCount), 0.0, 1.0);
}
