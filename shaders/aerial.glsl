// Aerial perspective: the air between the eye and a far surface veils it in
// the colour of the sky's haze at the horizon behind it, as hills fade blue in
// the distance. What a frame sees of a site's landscape is kilometres deep.
#ifndef FRICHE_AERIAL_GLSL
#define FRICHE_AERIAL_GLSL
#include "lighting.glsl"

uniform samplerCube u_sky;
// The distance over which the air dims what lies behind it to 1/e; 0: none
// (a bare model, seen close, through clear air).
uniform float u_fogDistance = 0.0;

vec3 aerialPerspective(vec3 color, vec3 p) {
    if (u_fogDistance <= 0.0) return color;
    vec3 ray = p - u_eye;
    float d = length(ray);
    vec3 dir = ray / max(d, 1e-6);
    // The haze is the sky just above the horizon in the ray's direction.
    vec3 haze = texture(u_sky, normalize(vec3(dir.x, max(dir.y, 0.02), dir.z))).rgb;
    return mix(haze, color, exp(-d / u_fogDistance));
}

#endif
