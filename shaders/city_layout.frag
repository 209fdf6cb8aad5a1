#version 410 core
// A town's or a city's buildings around a site (Lighting::setting), laid
// out: one texel a building, FRICHE_CITY_WINGS texels a block of the grid of
// streets (landscape.glsl, cityGrid) along x, a row of blocks along y. On
// each block a building along each of its four sides around a yard, their
// heights and colours hashes of the block, and two trees in the yard; now
// and then a park, and in a city a tower. They thin out and lower with the
// city, and stand clear of the site, its river and its roads. city.vert
// draws them (render/city_layout.h).
#include "bindings.h"
#include "landscape.glsl"

layout(location = 0) out vec4 o_place;  // the footprint's centre (x, z) and half size
// Ground level, height (0: none), wall and roof colours; a tree's crown's
// colour and turn.
layout(location = 1) out vec4 o_look;

const float kStorey = 3.2;

void main() {
    o_place = vec4(0.0);
    o_look = vec4(0.0);
    ivec2 texel = ivec2(gl_FragCoord.xy);
    int wing = texel.x % FRICHE_CITY_WINGS;
    vec2 cell = vec2(texel.x / FRICHE_CITY_WINGS, texel.y) - float(FRICHE_CITY_CELLS / 2);
    // The site holds the blocks within its bounds.
    if (all(lessThan(abs(cell + 0.5), cityInnerBlocks()))) return;
    vec2 a = cityPoint(cell), b = cityPoint(cell + 1.0);
    float front = 0.5 * cityStreet() + cityPavement();
    vec2 lo = min(a, b) + front, hi = max(a, b) - front;
    vec2 middle = 0.5 * (lo + hi);
    float city = urban(middle);
    float kind = cityBlockKind(cell);
    float w1 = hash12(cell + vec2(float(wing), 2.9)), w2 = hash12(cell + vec2(float(wing), 6.3));
    // Fewer blocks built, and fewer of their sides, where the city thins out;
    // a park has trees only.
    bool town = inTown(), tree = wing >= FRICHE_CITY_SIDES, park = kind < kCityParks;
    bool tower = kind < kCityTowers && city > 0.9 && !town;
    if ((park && !tree) || hash12(cell + 8.8) > 1.3 * city || w1 > 2.0 * city ||
        (tower && wing != 0))
        return;
    // A town's terraces: two or three storeys, and 8 to 11 m deep, under a
    // pitched roof (city.vert); a city's blocks: four to eight storeys.
    vec2 depths = cityDepths();
    float deepest = depths.y, depth = mix(depths.x, depths.y, w2);
    vec2 from, to;
    float height;
    if (tree) {
        // Most yards have a tree or two, clear of the buildings around them;
        // a park has its two anywhere.
        float radius = town ? 2.5 + 1.5 * w2 : 3.0 + 2.0 * w2;
        float margin = radius + (park ? 1.0 : deepest + 2.0);
        vec2 yardLo = lo + margin, yardHi = hi - margin;
        if (any(greaterThan(yardLo, yardHi)) ||
            hash12(cell + vec2(float(wing), 1.3)) > (town ? 0.9 : 0.7))
            return;
        vec2 spot = mix(yardLo, yardHi, vec2(hash12(cell + vec2(float(wing), 5.5)),
                                             hash12(cell + vec2(float(wing), 7.1))));
        from = spot - radius;
        to = spot + radius;
        height = 2.6 * radius + 2.0 * hash12(cell + vec2(float(wing), 3.7));
    } else if (tower) {
        vec2 side = vec2(11.0 + 5.0 * w1, 10.0 + 5.0 * w2);
        from = middle - side;
        to = middle + side;
        height = 40.0 + 35.0 * hash12(cell + 3.3);
    } else {
        // North and south run the block's width; west and east, set back
        // from its corners, run into them: no two faces share a plane.
        float floors = town ? 1.0 + floor(city * (1.0 + 1.4 * w1) + 0.5)
                            : 2.0 + floor(city * (2.0 + 4.0 * w1) + 0.5);
        height = floors * kStorey + (wing >= 2 ? 0.6 : 0.0);
        if (wing == 0) {
            from = vec2(lo.x, hi.y - depth);
            to = hi;
        } else if (wing == 1) {
            from = lo;
            to = vec2(hi.x, lo.y + depth);
        } else if (wing == 2) {
            from = vec2(lo.x + 0.4, lo.y + depth - 1.0);
            to = vec2(lo.x + 0.4 + depth, hi.y - depth + 1.0);
        } else {
            from = vec2(hi.x - 0.4 - depth, lo.y + depth - 1.0);
            to = vec2(hi.x - 0.4, hi.y - depth + 1.0);
        }
        // A town's terrace leaves a gap at either end, now and then, for a
        // lane or a garden.
        if (town) {
            int lengthwise = wing < 2 ? 0 : 1;
            float span = to[lengthwise] - from[lengthwise];
            vec2 gaps = step(0.5, vec2(hash12(cell + vec2(float(wing), 7.7)),
                                       hash12(cell + vec2(float(wing), 9.1)))) *
                        (0.1 + 0.2 * vec2(w1, w2)) * span;
            from[lengthwise] += gaps.x;
            to[lengthwise] -= gaps.y;
        }
    }
    vec2 centre = 0.5 * (from + to), halfSize = 0.5 * (to - from);
    // Clear of the river, and of every road the landscape carries on.
    if (fromRiver(centre) < u_riverHalfWidth + length(halfSize) + 5.0) return;
    // A road that bends beside a long building may meet it off its middle:
    // five points along it are checked, against the road's width and the
    // building's half depth across it.
    vec2 valley = valleyDirection();
    bool alongX = halfSize.x > halfSize.y;
    vec2 lengthwise = alongX ? vec2(halfSize.x, 0.0) : vec2(0.0, halfSize.y);
    for (int k = -2; k <= 2; ++k) {
        vec2 p = centre + 0.5 * float(k) * lengthwise;
        float bend = valleyBend(p);
        for (int i = 0; i < u_roadCount; ++i) {
            vec2 road = againstRoad(i, p, valley, bend);
            vec2 d = u_roadLine[i].zw;
            // The building's reach across the road from p: its depth, and a
            // quarter of its length either way.
            vec2 part = alongX ? vec2(0.25 * halfSize.x, halfSize.y)
                               : vec2(halfSize.x, 0.25 * halfSize.y);
            float reach = abs(d.y) * part.x + abs(d.x) * part.y;
            if (road.y > 0.0 && abs(road.x) < u_roadSpan[i].w + reach + 4.0) return;
        }
    }
    o_place = vec4(centre, halfSize);
    // A building's walls of its own, its roof the block's: where two wings
    // meet, their roofs are one. A tree's crown: one of three greens, turned
    // by a share of a turn.
    o_look = tree ? vec4(terrainHeight(centre), height, floor(w2 * 2.99),
                         hash12(cell + vec2(float(wing), 4.7)))
                  : vec4(terrainHeight(centre), height, floor(w2 * 4.99),
                         floor(hash12(cell + 4.7) * 2.99));
}
