#version 410 core
// The shadows a town's or a city's buildings and trees (city_layout.frag)
// cast on the ground, seen from above over the grid (onCityShadows)
// into an image that the landscape reads (render/city_layout.h): once for a
// layout and a sun, not a pixel of the ground at a time. A building's shadow
// is its footprint swept away from the sun as far as its top reaches, less
// the footprint: the quads its two sides facing away from the sun sweep, 12
// vertices; a tree's, the ellipse its crown throws, on a quad, its first six.
// Each falls on a level plane through the ground under it. Where it falls
// within another building's footprint, it shades that building's walls
// (landscape.frag).
#include "bindings.h"
#include "box.glsl"
#include "landscape.glsl"

uniform sampler2D u_cityPlaces;
uniform sampler2D u_cityLooks;
uniform vec3 u_toSun;  // unit, above the horizon

out vec2 v_disc;  // a tree's: where in its ellipse, radius 1; a building's: 0

void main() {
    const int kRow = FRICHE_CITY_CELLS * FRICHE_CITY_WINGS;
    ivec2 texel = ivec2(gl_InstanceID % kRow, gl_InstanceID / kRow);
    vec4 place = texelFetch(u_cityPlaces, texel, 0), look = texelFetch(u_cityLooks, texel, 0);
    bool tree = texel.x % FRICHE_CITY_WINGS >= FRICHE_CITY_SIDES;
    vec2 away = awayFromSun(u_toSun);
    const ivec3 quad[2] = ivec3[](ivec3(0, 1, 2), ivec3(0, 2, 3));
    int corner = quad[(gl_VertexID % 6) / 3][gl_VertexID % 3];
    vec2 unit = vec2(corner == 1 || corner == 2 ? 1.0 : -1.0, corner >= 2 ? 1.0 : -1.0);
    vec2 xz;
    v_disc = vec2(0.0);
    if (tree) {
        // city.vert's crown: an ellipsoid `radius` wide and, roughly,
        // `tall` high from its middle; its shadow an ellipse, longer along
        // the sun's way.
        vec3 shape = treeShape(look.y, int(look.z));
        float middle = shape.x + shape.z * shape.y, radius = place.z, tall = 0.5 * shape.y;
        float reach = length(away);
        vec2 along = reach > 1e-4 ? away / reach : vec2(1.0, 0.0);
        vec2 semi = vec2(sqrt(radius * radius + tall * tall * reach * reach), radius);
        xz = place.xy + away * middle + along * unit.x * semi.x + vec2(-along.y, along.x) * unit.y * semi.y;
        v_disc = unit;
    } else {
        // A town's pitched roof, as if its top were half way up it. The two
        // sides facing away from the sun, swept: whatever the footprint
        // sweeps beyond itself.
        float top = look.y + (u_setting == FRICHE_SETTING_TOWN ? 0.5 * roofRise(place.zw) : 0.0);
        vec2 side = vec2(away.x >= 0.0 ? 1.0 : -1.0, away.y >= 0.0 ? 1.0 : -1.0);
        float along = corner == 1 || corner == 2 ? 1.0 : -1.0;  // corners 2 and 3 moved
        vec2 from = gl_VertexID < 6 ? vec2(side.x, along) : vec2(along, side.y);
        xz = place.xy + from * place.zw + (corner >= 2 ? away * top : vec2(0.0));
    }
    bool none = look.y <= 0.0 || (tree && gl_VertexID >= 6);
    gl_Position = none ? vec4(2.0, 2.0, 2.0, 1.0) : vec4(onCityShadows(xz), 0.0, 1.0);
}
