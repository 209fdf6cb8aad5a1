#version 410 core
// The ground under the model: a matte plane lit by the sun and the sky that
// catches the model's shadow, fading into the sky's horizon haze towards its
// rim so that it has no visible edge and the model never floats in a void.
#include "bindings.h"
#include "lighting.glsl"

in vec3 v_worldPosition;

uniform vec3 u_groundCenter;
uniform float u_groundRadius;
uniform vec3 u_groundAlbedo;
uniform samplerCube u_sky;

layout(location = 0) out vec4 o_color;
layout(location = 1) out float o_asIs;  // always 0: tone mapped

void main() {
    float r = length(v_worldPosition.xz - u_groundCenter.xz) / u_groundRadius;
    if (r > 1.0) discard;
    const vec3 up = vec3(0.0, 1.0, 0.0);
    float lit = sunVisibility(v_worldPosition, up);
    vec3 sun = u_sunIlluminance * max(u_toSun.y, 0.0) * lit / PI;
    vec3 lambert = u_groundAlbedo * (sun + skyIrradiance(up));
    // Past half its radius the ground gives way to what the sky shows below the
    // horizon: looked up only there (llvmpipe skips a fetch no pixel of a block
    // asks for), in the cube's first level (magnified on any screen).
    vec3 colour = lambert;
    if (r > 0.45) {
        vec3 haze = textureLod(u_sky, normalize(v_worldPosition - u_eye), 0.0).rgb;
        colour = mix(lambert, haze, smoothstep(0.45, 1.0, r));
    }
    o_color = vec4(colour, 1.0);
    o_asIs = 0.0;
}
