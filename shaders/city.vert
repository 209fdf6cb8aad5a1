#version 410 core
// A city's buildings around a site (Lighting::city), as city_layout.frag laid
// them out: one instance a building, 36 vertices a box, from gl_VertexID and
// the layout's texel for gl_InstanceID.
#include "bindings.h"
#include "box.glsl"

uniform mat4 u_viewProjection;
uniform sampler2D u_cityPlaces;  // city_layout.frag's o_place
uniform sampler2D u_cityLooks;   // and o_look
uniform vec3 u_eye;
uniform vec3 u_siteCenter;

out vec3 v_worldPosition;
out vec3 v_normal;
out vec3 v_albedo;
out vec3 v_facade;

void main() {
    // Nearer blocks first, roughly, so that the depth test spares the pixels
    // of those they hide: rows of blocks along the axis the eye lies farther
    // out on, from its side.
    const int kRow = FRICHE_CITY_CELLS * FRICHE_CITY_WINGS;
    ivec2 order = ivec2(gl_InstanceID % kRow, gl_InstanceID / kRow);
    vec2 away = u_eye.xz - u_siteCenter.xz;
    if (abs(away.x) > abs(away.y))  // columns of blocks, then
        order = ivec2(order.y * FRICHE_CITY_WINGS + order.x % FRICHE_CITY_WINGS,
                      order.x / FRICHE_CITY_WINGS);
    ivec2 texel = order;
    if (away.x > 0.0) texel.x = kRow - 1 - texel.x;
    if (away.y > 0.0) texel.y = FRICHE_CITY_CELLS - 1 - texel.y;
    vec4 place = texelFetch(u_cityPlaces, texel, 0), look = texelFetch(u_cityLooks, texel, 0);
    vec3 n;
    int axis;
    vec3 unit = boxCorner(gl_VertexID, n, axis);

    const float kSunk = 3.0;  // into sloping ground
    float height = look.y;
    vec2 xz = place.xy + unit.xz * place.zw;
    float up = (unit.y * 0.5 + 0.5) * (height + kSunk) - kSunk;
    v_worldPosition = vec3(xz.x, look.x + up, xz.y);
    v_normal = n;
    // Render, brick and stone; roofs of slate, tiles or gravel.
    const vec3 walls[5] = vec3[](vec3(0.5, 0.46, 0.38), vec3(0.33, 0.15, 0.1),
                                 vec3(0.36, 0.35, 0.33), vec3(0.58, 0.56, 0.52),
                                 vec3(0.42, 0.3, 0.22));
    const vec3 roofs[3] = vec3[](vec3(0.08, 0.08, 0.09), vec3(0.2, 0.1, 0.07),
                                 vec3(0.2, 0.2, 0.19));
    v_albedo = n.y > 0.5 ? roofs[int(look.w)] : walls[int(look.z)];
    // Along the wall, up it, and the building's own number.
    v_facade = vec3(axis == 0 ? xz.y : xz.x, up, float(texel.y * kRow + texel.x));
    // A building that is not there folds to a point outside the view.
    gl_Position = height > 0.0 ? u_viewProjection * vec4(v_worldPosition, 1.0)
                               : vec4(2.0, 2.0, 2.0, 1.0);
}
