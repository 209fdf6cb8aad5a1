#version 410 core
// The towns of the landscape: FRICHE_TOWNS clusters of plain blocks seen from
// kilometres away, most strung along the valley floor beyond the site, a few
// on its sides. One instance a block, 36 vertices a box, from gl_VertexID and
// gl_InstanceID alone; sizes and colours are hashes of the block's index.
#include "bindings.h"
#include "box.glsl"
#include "landscape.glsl"

uniform mat4 u_viewProjection;

out vec3 v_worldPosition;
out vec3 v_normal;
out vec3 v_albedo;
out vec3 v_facade;  // no façade drawn: a town is seen from kilometres away

vec2 townCentre(int town) {
    float a = hash12(vec2(float(town), 1.7)), b = hash12(vec2(float(town), 9.3));
    // The site's half extent along the valley and across it.
    vec2 d = abs(valleyDirection());
    vec2 extent = vec2(dot(d, u_siteHalfSize), dot(d.yx, u_siteHalfSize));
    vec2 middle = inValley(u_siteCenter.xz);
    float side = town % 2 == 0 ? 1.0 : -1.0;
    // Along the valley, up and down it in turn.
    if (town < FRICHE_TOWNS - 4)
        return valleyPoint(middle.x + side * (extent.x + 1200.0 + a * 7000.0),
                           middle.y + (b - 0.5) * 1400.0);
    // Villages on the valley's sides.
    return valleyPoint(middle.x + (a - 0.5) * 9000.0, middle.y + side * (extent.y + 2600.0 + b * 3000.0));
}

void main() {
    vec3 n;
    int axis;
    vec3 unit = boxCorner(gl_VertexID, n, axis);

    int town = gl_InstanceID / FRICHE_TOWN_BLOCKS;
    float id = float(gl_InstanceID);
    float h1 = hash12(vec2(id, 3.1)), h2 = hash12(vec2(id, 5.9)), h3 = hash12(vec2(id, 8.3));
    float h4 = hash12(vec2(id, 2.2)), h5 = hash12(vec2(id, 7.7)), h6 = hash12(vec2(id, 4.4));
    // The town's streets run at an angle of its own; blocks sit on a 45 m grid.
    float turn = 3.14159 * hash12(vec2(float(town), 4.2));
    mat2 rotation = mat2(cos(turn), sin(turn), -sin(turn), cos(turn));
    float spread = 500.0 * sqrt(h1);
    vec2 offset = round(spread * vec2(cos(6.2832 * h2), sin(6.2832 * h2)) / 45.0) * 45.0;
    vec2 centre = townCentre(town) + rotation * offset;
    vec2 halfSize = vec2(7.0 + 9.0 * h3, 6.0 + 7.0 * h4);
    float height = h5 > 0.97 ? 35.0 + 30.0 * h6 : 6.0 + 16.0 * h5 * h5;
    float base = terrainHeight(centre) - 3.0;  // sunk into sloping ground
    vec2 xz = centre + rotation * (unit.xz * halfSize);
    v_worldPosition = vec3(xz.x, base + (unit.y * 0.5 + 0.5) * (height + 3.0), xz.y);
    v_normal = vec3((rotation * n.xz).x, n.y, (rotation * n.xz).y);
    const vec3 walls[4] = vec3[](vec3(0.42, 0.38, 0.32), vec3(0.3, 0.14, 0.09), vec3(0.3, 0.3, 0.29),
                                 vec3(0.55, 0.53, 0.5));
    vec3 roof = h4 > 0.5 ? vec3(0.07, 0.07, 0.08) : vec3(0.24, 0.09, 0.05);
    v_albedo = n.y > 0.5 ? roof : walls[int(h6 * 3.99)];
    v_facade = vec3(0.0, 0.0, -1.0);
    gl_Position = u_viewProjection * vec4(v_worldPosition, 1.0);
    // No block stands in the river, on a road or in a town's or a city's: its box
    // folds to a point.
    float clear = length(halfSize) + 10.0;
    if (fromRiver(centre) < u_riverHalfWidth + clear || urban(centre) > 0.0)
        gl_Position = vec4(0.0);
    vec2 valley = valleyDirection();
    float bend = valleyBend(centre);
    for (int i = 0; i < u_roadCount; ++i) {
        vec2 road = againstRoad(i, centre, valley, bend);
        if (road.y > 0.0 && abs(road.x) < u_roadSpan[i].w + clear) gl_Position = vec4(0.0);
    }
}
