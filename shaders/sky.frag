#version 410 core
// The sky behind everything, from the same cube map that lights the model,
// with the sun's disc on top. Linear HDR radiance; the post pass exposes it.
#include "bindings.h"

in vec2 v_ndc;

uniform mat4 u_inverseViewProjection;
uniform samplerCube u_sky;
uniform vec3 u_toSun;
uniform vec3 u_sunRadiance;  // on the disc; 0 when there is no sun
uniform float u_sunCosRadius;

layout(location = 0) out vec4 o_color;
layout(location = 1) out float o_asIs;  // always 0: tone mapped

// Half floats end at 65504: the sun's disc is clamped to stay a number.
const float HALF_MAX = 60000.0;

void main() {
    vec4 near = u_inverseViewProjection * vec4(v_ndc, -1.0, 1.0);
    vec4 mid = u_inverseViewProjection * vec4(v_ndc, 0.0, 1.0);
    vec3 dir = normalize(mid.xyz / mid.w - near.xyz / near.w);
    vec3 radiance = texture(u_sky, dir).rgb;
    // A soft limb a tenth of the radius wide, so the disc is round at any size.
    float disc = smoothstep(u_sunCosRadius - (1.0 - u_sunCosRadius) * 0.2, u_sunCosRadius, dot(dir, u_toSun));
    radiance += u_sunRadiance * disc;
    o_color = vec4(min(radiance, vec3(HALF_MAX)), 1.0);
    o_asIs = 0.0;
}
