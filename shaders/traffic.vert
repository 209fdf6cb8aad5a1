#version 410 core
// A town's or a city's traffic (Lighting::setting): cars along the streets of
// its grid (landscape.glsl, cityGrid), each on the right of its street,
// driving on as the site's clock runs; a body and a cabin, from gl_VertexID
// and gl_InstanceID alone. Where the streets end, within the site, and over
// the river but on a bridge (landscape.frag, bridgeDeck), a car folds to a
// point.
//
// No two cars meet. Along a lane all drive at one pace, two blocks apart give
// or take a tenth of one: none catches up with the one ahead. At the
// junctions, the streets along x and those along z take turns, as if their
// lights were green in turn. Every car crosses a block in the same time T
// (those along z go slower, as their blocks are shorter), so each is at a
// junction (a whole number of blocks along its street: cityGrid) once every
// T, around the same moments as every other car of its axis: around
// t = 0 (mod T) along x, a tenth of T either side, and half a period later
// along z. A car is in a junction while within (street + car) / 2 of its
// middle: in a town 15.4 / 2 m of a block of 84 x 66 m, or of one of the
// site's blocks, which are never less than three quarters of those: at most
// 0.16 of T. So x's turns (0 +- 0.26) and z's (0.5 +- 0.26) never overlap
// (in a city, 0.13 +- 0.1 of blocks of 120 x 100 m).
#include "bindings.h"
#include "box.glsl"
#include "landscape.glsl"

uniform mat4 u_viewProjection;
uniform float u_time;  // the site's seconds

out vec3 v_worldPosition;
out vec3 v_normal;
out vec3 v_albedo;
out vec3 v_facade;  // none: a car is not a building

void main() {
    const int kStreets = FRICHE_CITY_CELLS + 1;
    const float kHalf = float(FRICHE_CITY_CELLS / 2);
    int car = gl_InstanceID;
    int axis = car % 2;                          // 0: a street along x, 1: along z
    float street = float((car / 2) % kStreets) - kHalf;  // the grid's street, in blocks
    float dir = (car / (2 * kStreets)) % 2 == 0 ? 1.0 : -1.0;
    int slot = car / (4 * kStreets);
    float id = float(car);
    float h2 = hash12(vec2(id, 2.9)), h3 = hash12(vec2(id, 8.1));
    // A block every T seconds: 8.4 s in a town (10 m/s along x), 12 s in a city.
    float blocksASecond = inTown() ? 1.0 / 8.4 : 1.0 / 12.0;
    // Two blocks apart down the lane (FRICHE_CITY_CELLS / FRICHE_CITY_CARS_A_LANE),
    // each up to a tenth of a block off its place; along z half a block on.
    float place = float(slot * (FRICHE_CITY_CELLS / FRICHE_CITY_CARS_A_LANE)) +
                  0.2 * (h2 - 0.5) + 0.5 * float(axis);
    float along = mod(place + dir * u_time * blocksASecond + kHalf, 2.0 * kHalf) - kHalf;
    vec2 middle = cityPoint(axis == 0 ? vec2(along, street) : vec2(street, along));
    // On the right: heading along +x, that is +z; along +z, -x.
    vec2 heading = axis == 0 ? vec2(dir, 0.0) : vec2(0.0, dir);
    vec2 right = vec2(-heading.y, heading.x);
    vec2 centre = middle + right * 0.25 * cityStreet();

    vec3 n;
    int faceAxis;
    bool cabin = gl_VertexID >= 36;
    vec3 unit = boxCorner(gl_VertexID, n, faceAxis);
    // Metres along the car, across it and up from the road: a body 4.4 m
    // long on its wheels, a cabin over its back two thirds.
    vec3 size = cabin ? vec3(1.3, 0.8, 0.27) : vec3(2.2, 0.9, 0.35);
    vec3 from = cabin ? vec3(-0.4, 0.0, 1.27) : vec3(0.0, 0.0, 0.65);
    vec3 local = from + vec3(unit.x, unit.z, unit.y) * size;
    vec2 xz = centre + heading * local.x + right * local.y;
    float ground = terrainHeight(centre);
    v_worldPosition = vec3(xz.x, ground + local.z, xz.y);
    vec2 nxz = heading * n.x + right * n.z;
    v_normal = vec3(nxz.x, n.y, nxz.y);
    const vec3 paints[6] = vec3[](vec3(0.7, 0.7, 0.68), vec3(0.35, 0.36, 0.37),
                                  vec3(0.03, 0.03, 0.035), vec3(0.05, 0.09, 0.2),
                                  vec3(0.45, 0.05, 0.04), vec3(0.2, 0.21, 0.2));
    vec3 paint = paints[int(h3 * 5.99)];
    // Glass all round the cabin, under its roof.
    v_albedo = cabin && n.y < 0.5 ? vec3(0.03, 0.04, 0.05) : paint;
    v_facade = vec3(0.0, 0.0, -1.0);
    gl_Position = u_viewProjection * vec4(v_worldPosition, 1.0);
    // Where there is no street to drive on.
    bool onBridge = riverCrossedAtX() == (axis == 1) && bridged(street);
    bool wet = fromRiver(centre) < u_riverHalfWidth + 3.0;
    if (streetsAt(urban(centre)) < 1.0 || outsideSite(centre) < 1.0 || (wet && !onBridge))
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
}
