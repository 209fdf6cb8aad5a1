#version 410 core
// The landscape's terrain: rings of quads around the site out to 40 km, from
// gl_VertexID alone (no buffers), their radii growing as the cube of their
// index so the grid is fine near the site and coarse where haze hides it.
#include "bindings.h"
#include "landscape.glsl"

uniform mat4 u_viewProjection;

out vec3 v_worldPosition;
out vec3 v_normal;
out vec3 v_albedo;  // unused: the terrain's colour is the fragment shader's
out vec3 v_facade;  // unused: the terrain has none

const float REACH = 40000.0;

void main() {
    const ivec2 corners[6] = ivec2[](ivec2(0, 0), ivec2(0, 1), ivec2(1, 1), ivec2(0, 0), ivec2(1, 1),
                                     ivec2(1, 0));
    int quad = gl_VertexID / 6;
    ivec2 c = corners[gl_VertexID % 6];
    float t = float(quad / FRICHE_LANDSCAPE_SEGMENTS + c.x) / float(FRICHE_LANDSCAPE_RINGS);
    float angle = 6.2831853 * float(quad % FRICHE_LANDSCAPE_SEGMENTS + c.y) /
                  float(FRICHE_LANDSCAPE_SEGMENTS);
    float r = REACH * t * t * t;
    vec2 xz = u_siteCenter.xz + r * vec2(cos(angle), sin(angle));
    float h = terrainHeight(xz);
    // The slope from two neighbours a grid step or so away.
    float e = max(10.0, 0.02 * r);
    float hx = terrainHeight(xz + vec2(e, 0.0)), hz = terrainHeight(xz + vec2(0.0, e));
    v_normal = normalize(vec3(h - hx, e, h - hz));
    v_worldPosition = vec3(xz.x, h, xz.y);
    v_albedo = vec3(0.0);
    v_facade = vec3(0.0, 0.0, -1.0);
    gl_Position = u_viewProjection * vec4(v_worldPosition, 1.0);
}
