#version 410 core
// The sky behind everything, from the same cube map that lights the model,
// with the sun's disc on top and, over a site's landscape, a layer of fair-
// weather cumulus (compiled in with FRICHE_CLOUDS: a bare model's sky does
// without their noise). Linear HDR radiance; the post pass exposes it.
#include "bindings.h"
#include "lighting.glsl"
#include "landscape.glsl"

in vec3 v_direction;  // sky.vert

uniform samplerCube u_sky;
uniform vec3 u_sunRadiance;  // on the disc; 0 when there is no sun
uniform float u_sunCosRadius;
uniform float u_time;  // seconds (ViewParams::time)

layout(location = 0) out vec4 o_color;
layout(location = 1) out float o_asIs;  // always 0: tone mapped

// Half floats end at 65504: the sun's disc is clamped to stay a number.
const float HALF_MAX = 60000.0;
#ifdef FRICHE_CLOUDS
// The clouds' base, metres above the site.
const float CLOUD_BASE = 1800.0;

// How much of the sky the cumulus hides along dir, 0..1, and how thick it is
// there (for its shaded base).
vec2 cloudCover(vec3 dir) {
    if (dir.y <= 0.0) return vec2(0.0);
    vec2 at = u_eye.xz + dir.xz * (CLOUD_BASE - (u_eye.y - u_siteCenter.y)) / dir.y;
    // A breeze of 6 m/s carries the layer along.
    float n = fbm((at - vec2(6.0, 2.0) * u_time) / 2400.0 + vec2(17.0, 5.0));
    // Low in the sky the layer is seen edge-on: it thins into the haze there.
    float cover = smoothstep(0.5, 0.7, n) * smoothstep(0.03, 0.3, dir.y);
    return vec2(cover, smoothstep(0.55, 0.9, n));
}
#endif

void main() {
    vec3 dir = normalize(v_direction);
    // The cube's 128 texels a face are magnified on any screen: its first level only.
    vec3 radiance = textureLod(u_sky, dir, 0.0).rgb;
    // A soft limb a tenth of the radius wide, so the disc is round at any size.
    float disc = smoothstep(u_sunCosRadius - (1.0 - u_sunCosRadius) * 0.2, u_sunCosRadius, dot(dir, u_toSun));
#ifndef FRICHE_CLOUDS
    radiance += u_sunRadiance * disc;
#else
    vec2 cloud = cloudCover(dir);
    radiance += u_sunRadiance * disc * (1.0 - cloud.x);
    if (cloud.x > 0.0) {
        // White where the sun lights it (brighter towards the sun), grey at its thick base.
        const vec3 up = vec3(0.0, 1.0, 0.0);
        float forward = pow(max(dot(dir, u_toSun), 0.0), 8.0);
        vec3 lit = 0.8 * u_sunIlluminance * max(u_toSun.y, 0.1) * (1.0 + 2.0 * forward) / PI +
                   skyIrradiance(up);
        vec3 cloudColour = mix(lit, lit * 0.5 + skyIrradiance(-up) * 0.5, cloud.y);
        // The far clouds sink into the haze of the horizon.
        vec3 haze = textureLod(u_sky, normalize(vec3(dir.x, 0.02, dir.z)), 0.0).rgb;
        cloudColour = mix(cloudColour, haze, exp(-dir.y * 12.0));
        radiance = mix(radiance, cloudColour, cloud.x);
    }
#endif
    o_color = vec4(min(radiance, vec3(HALF_MAX)), 1.0);
    o_asIs = 0.0;
}
