#version 410 core
// A town's or a city's buildings and trees around a site
// (Lighting::setting), as city_layout.frag laid them out: one instance a
// building or a tree, FRICHE_CITY_VERTICES vertices (a box, and a town's
// pitched roof; a crown and a trunk), from gl_VertexID and the layout's
// texel for gl_InstanceID.
#include "bindings.h"
#include "box.glsl"
#include "wind.glsl"

uniform mat4 u_viewProjection;
uniform sampler2D u_cityPlaces;  // city_layout.frag's o_place
uniform sampler2D u_cityLooks;   // and o_look
uniform vec3 u_eye;
uniform vec3 u_siteCenter;
uniform int u_setting;  // FRICHE_SETTING_* (landscape.glsl)
uniform float u_time;   // the site's seconds: the crowns sway

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
    const float kSunk = 3.0;  // into sloping ground
    float height = look.y;
    vec2 halfSize = place.zw;
    // A town's houses wear a pitched roof, its ridge along their length,
    // rising 0.8 m a metre: the box's top lies under it. A city's roofs are
    // flat. A tree is a crown of leaves, rounded by its normals, on a trunk
    // that rises into it; the crown's lowest point over a quarter of its
    // height.
    bool tree = texel.x % FRICHE_CITY_WINGS >= FRICHE_CITY_SIDES;
    bool town = u_setting == FRICHE_SETTING_TOWN, roof = !tree && gl_VertexID >= 36;
    bool trunk = tree && gl_VertexID >= 36;
    vec3 n, offset;
    float up;
    int axis = 0;
    vec3 shape = treeShape(height, int(look.z));  // a tree's
    float clear = shape.x, crown = shape.y;
    if (trunk) {
        vec3 unit = boxCorner(gl_VertexID - 36, n, axis);
        offset = unit * vec3(0.1 * halfSize.x, 0.0, 0.1 * halfSize.x);
        up = (unit.y * 0.5 + 0.5) * (clear + 0.3 * crown + kSunk) - kSunk;  // into the crown
    } else if (tree) {
        vec3 r = crownCorner(gl_VertexID, 6.2832 * look.w, n);
        float below = shape.z;
        vec3 size = vec3(halfSize.x, (n.y > 0.0 ? 1.0 - below : below) * crown, halfSize.x);
        offset = r * size;
        up = clear + below * crown + offset.y;
        n = normalize(r / size + n / size);  // between the face's and a round crown's
    } else if (roof) {
        vec3 r = roofCorner(gl_VertexID - 36, n);
        if (halfSize.x < halfSize.y) {  // the ridge along z: turned a quarter
            r = vec3(-r.z, r.y, r.x);
            n = vec3(-n.z, n.y, n.x);
        }
        vec3 size = vec3(halfSize.x, roofRise(halfSize), halfSize.y);
        n = normalize(n / size);
        offset = r * size;
        up = height + offset.y;
        axis = abs(n.x) > abs(n.z) ? 0 : 2;
    } else {
        vec3 unit = boxCorner(gl_VertexID, n, axis);
        offset = vec3(unit.x * halfSize.x, 0.0, unit.z * halfSize.y);
        up = (unit.y * 0.5 + 0.5) * (height + kSunk) - kSunk;
    }
    vec2 xz = place.xy + offset.xz;
    if (tree && !trunk) xz += windLean(up, place.xy, u_time).xz;
    v_worldPosition = vec3(xz.x, look.x + up, xz.y);
    v_normal = n;
    // Render, brick and stone; a city's roofs of slate, tiles or gravel, a
    // town's of tiles or slate.
    const vec3 walls[5] = vec3[](vec3(0.5, 0.46, 0.38), vec3(0.33, 0.15, 0.1),
                                 vec3(0.36, 0.35, 0.33), vec3(0.58, 0.56, 0.52),
                                 vec3(0.42, 0.3, 0.22));
    const vec3 roofs[3] = vec3[](vec3(0.08, 0.08, 0.09), vec3(0.2, 0.1, 0.07),
                                 vec3(0.2, 0.2, 0.19));
    const vec3 townRoofs[3] = vec3[](vec3(0.24, 0.09, 0.05), vec3(0.08, 0.08, 0.09),
                                     vec3(0.19, 0.1, 0.07));
    const vec3 crowns[3] = vec3[](vec3(0.07, 0.13, 0.04), vec3(0.05, 0.1, 0.035),
                                  vec3(0.09, 0.14, 0.05));
    int kind = int(look.w);
    v_albedo = trunk      ? vec3(0.12, 0.08, 0.05)
               : tree      ? crowns[int(look.z)]
               : n.y < 0.5 ? walls[int(look.z)]
               : town      ? townRoofs[kind]
                           : roofs[kind];
    // Along the wall, up it, and the building's own number; none on a
    // tree, or on a roof and its gables.
    v_facade = tree || roof ? vec3(0.0, 0.0, -1.0)
                    : vec3(axis == 0 ? xz.y : xz.x, up, float(texel.y * kRow + texel.x));
    // A building that is not there folds to a point outside the view, and so
    // do a city's roofs and the top of a town's box.
    bool none = height <= 0.0 || (!tree && (roof ? !town : town && n.y > 0.99));
    gl_Position = none ? vec4(2.0, 2.0, 2.0, 1.0) : u_viewProjection * vec4(v_worldPosition, 1.0);
}
