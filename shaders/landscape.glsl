// The landscape around a site: procedural, illustrative terrain that carries
// the site's ground out to the horizon. Flat under and just around the site's
// bounds, it rises into the hills of a river valley, with fields, woods and,
// on the valley floor, the blocks of distant towns. The valley runs along the
// site's river where the model names one (node extras friche.river: the
// Meuse, at three seed sites), which flows on beyond the site, level and
// meandering; else along world x through the site. Heights and colours are
// functions of position alone: every frame, tile and still agrees.
#ifndef FRICHE_LANDSCAPE_GLSL
#define FRICHE_LANDSCAPE_GLSL

uniform vec3 u_siteCenter;    // the site's ground level, under the middle of its bounds
uniform vec2 u_siteHalfSize;  // half the bounds' extent along x and z, metres
uniform vec2 u_riverFrom;     // the site's river, its water's axis (x, z) across the site
uniform vec2 u_riverTo;
uniform float u_riverHalfWidth;  // 0: the site has none
// The site's roads that run on beyond it (node extras friche.roads) and that
// this phase shows: u_roadCount of them.
uniform int u_roadCount;
uniform vec4 u_roadLine[FRICHE_MAX_ROADS];   // its axis: from (x, z), its unit direction (x, z)
uniform vec4 u_roadSpan[FRICHE_MAX_ROADS];   // length, runs on beyond from, beyond to (1 or 0), half width
uniform vec4 u_roadColor[FRICHE_MAX_ROADS];  // linear albedo, and how much of it a phase shows
uniform int u_setting;  // what lies around the site: FRICHE_SETTING_* (Lighting::setting)

float hash12(vec2 p) {
    vec3 q = fract(vec3(p.xyx) * 0.1031);
    q += dot(q, q.yzx + 33.33);
    return fract((q.x + q.y) * q.z);
}

float valueNoise(vec2 p) {
    vec2 i = floor(p), f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = hash12(i), b = hash12(i + vec2(1.0, 0.0));
    float c = hash12(i + vec2(0.0, 1.0)), d = hash12(i + vec2(1.0, 1.0));
    return mix(mix(a, b, u.x), mix(c, d, u.x), u.y);
}

// Four octaves, each turned against the last so no grid shows: 0..1.
float fbm(vec2 p) {
    const mat2 turn = mat2(1.6, 1.2, -1.2, 1.6);
    float sum = 0.0, amplitude = 0.5;
    for (int i = 0; i < 4; ++i) {
        sum += amplitude * valueNoise(p);
        p = turn * p;
        amplitude *= 0.5;
    }
    return sum / 0.9375;
}

// How far (x, z) lies outside the site's bounds, metres.
float outsideSite(vec2 xz) {
    return length(max(abs(xz - u_siteCenter.xz) - u_siteHalfSize, 0.0));
}

// 0 on the site and around it, 1 where the open country begins.
float countryside(vec2 xz) {
    return smoothstep(80.0, 1400.0, outsideSite(xz));
}

// A town or a city around the site: a grid of streets square to the site's
// bounds. The first street runs along each of the site's edges, just outside
// it, and blocks (street middle to street middle) follow it out; the streets
// beside the site, across its span, divide it in whole blocks.
// FRICHE_CITY_CELLS blocks a side at most. A town's blocks and streets are
// smaller than a city's.
bool inTown() {
    return u_setting == FRICHE_SETTING_TOWN;
}
vec2 cityBlock() {
    return inTown() ? vec2(84.0, 66.0) : vec2(120.0, 100.0);
}
float cityStreet() {  // wide, kerb to kerb
    return inTown() ? 10.0 : 14.0;
}
float cityPavement() {  // along each side of a street, before the buildings
    return inTown() ? 2.0 : 3.0;
}

// Whether a town's or a city's streets run at (x, z), 0 to 1, from urban(x, z):
// they end, raggedly, a little beyond the last blocks built.
float streetsAt(float urban) {
    return smoothstep(0.06, 0.1, urban);
}

// How deep a block's buildings are, the shallowest and the deepest: a town's
// terraces, a city's blocks.
vec2 cityDepths() {
    return inTown() ? vec2(8.0, 11.0) : vec2(11.0, 16.0);
}

// Where the first street's middle runs, half a street outside the site,
// metres from its centre along x and z; and how many blocks it lies out.
vec2 cityInnerHalf() {
    return u_siteHalfSize + 0.5 * cityStreet();
}
vec2 cityInnerBlocks() {
    return max(round(cityInnerHalf() / cityBlock()), 1.0);
}

// (x, z) in blocks from the site's centre, signed: whole numbers are the
// streets' middles.
vec2 cityGrid(vec2 xz) {
    vec2 d = xz - u_siteCenter.xz, s = abs(d), h = cityInnerHalf(), n = cityInnerBlocks();
    vec2 blocks = mix(n + (s - h) / cityBlock(), s * n / h, lessThan(s, h));
    return sign(d) * blocks;
}

// A block's size at (x, z), street middle to street middle.
vec2 cityBlockSize(vec2 xz) {
    vec2 h = cityInnerHalf();
    return mix(cityBlock(), h / cityInnerBlocks(), lessThan(abs(xz - u_siteCenter.xz), h));
}

// The point `grid` blocks from the site's centre (cityGrid's inverse).
vec2 cityPoint(vec2 grid) {
    vec2 s = abs(grid), h = cityInnerHalf(), n = cityInnerBlocks();
    vec2 metres = mix(h + (s - n) * cityBlock(), s * h / n, lessThan(s, n));
    return u_siteCenter.xz + sign(grid) * metres;
}

// Where (x, z) falls on the image of a town's or a city's shadows seen
// from above (city_shadow.vert): -1 to 1 across the grid, along x and z.
vec2 onCityShadows(vec2 xz) {
    vec2 extent = cityPoint(vec2(float(FRICHE_CITY_CELLS / 2))) - u_siteCenter.xz;
    return (xz - u_siteCenter.xz) / extent;
}

// Metres across the ground that a shadow reaches a metre up, away from the
// sun toward `toSun` (unit); no farther than a sun six degrees up throws it.
vec2 awayFromSun(vec3 toSun) {
    return -toSun.xz / max(toSun.y, 0.1);
}

// How much town or city there is at (x, z): all of a city within 450 m of
// the site, thinning out into the country by 850 m; all of a town within
// 300 m, thinning out by 650 m; along a ragged edge. None in the country, or
// beyond the blocks the grid has: where the grid ends first (a town's small
// blocks around a wide site), the town thins out over its last blocks along
// the same ragged edge, rather than stop along a straight line.
float urban(vec2 xz) {
    vec2 grid = abs(cityGrid(xz));
    float toEnd = float(FRICHE_CITY_CELLS / 2) - max(grid.x, grid.y);  // blocks
    if (u_setting == FRICHE_SETTING_COUNTRY || toEnd < 0.0) return 0.0;
    vec2 reach = inTown() ? vec2(300.0, 650.0) : vec2(450.0, 850.0);
    float ragged = 0.65 * (reach.y - reach.x) * (valueNoise(xz / 600.0) - 0.5);
    // Over the grid's last blocks, a finer raggedness: its end a few blocks across.
    float gridEdge = toEnd + 4.0 * (valueNoise(xz / 250.0) - 0.5);
    return min(1.0 - smoothstep(reach.x, reach.y, outsideSite(xz) + ragged),
               smoothstep(0.5, 3.0, gridEdge));
}

// A hash of block `cell` (floor(cityGrid)) that says what it holds: a park
// below kCityParks, a tower (where a city is dense) below kCityTowers, else
// buildings along its four sides around a yard.
float cityBlockKind(vec2 cell) {
    return hash12(cell + vec2(0.37, 5.1));
}
const float kCityParks = 0.08;
const float kCityTowers = 0.11;

// The valley's axis: a point and a unit direction.
vec2 valleyOrigin() {
    return u_riverHalfWidth > 0.0 ? u_riverFrom : u_siteCenter.xz;
}
vec2 valleyDirection() {
    return u_riverHalfWidth > 0.0 ? normalize(u_riverTo - u_riverFrom) : vec2(1.0, 0.0);
}

// Over the river, every third street of the grid that runs most nearly
// across it goes on as a bridge (landscape.frag draws its deck, traffic.vert
// drives over it): those of constant x (true) or of constant z; and whether
// street `street` (its whole number of blocks) of them is one.
bool riverCrossedAtX() {
    vec2 valley = valleyDirection();
    return abs(valley.x) >= abs(valley.y);
}
bool bridged(float street) {
    return abs(mod(street, 3.0)) < 0.5;
}

// (x, z) as metres along the valley's axis and across it (to its left).
vec2 inValley(vec2 xz) {
    vec2 d = valleyDirection(), p = xz - valleyOrigin();
    return vec2(dot(p, d), dot(p, vec2(-d.y, d.x)));
}

// The point `along` and `across` the valley's axis.
vec2 valleyPoint(float along, float across) {
    vec2 d = valleyDirection();
    return valleyOrigin() + d * along + vec2(-d.y, d.x) * across;
}

// Metres across the valley from its axis.
float acrossValley(vec2 xz) {
    return abs(inValley(xz).y);
}

// How far the river strays from the valley's axis `along` metres down it:
// not at all across the site, and more, up to 350 m either way, the farther
// it flows beyond.
float meander(float along) {
    float beyond = max(max(-along, along - distance(u_riverFrom, u_riverTo)), 0.0);
    return min(0.3 * beyond, 350.0) * sin(beyond / 1100.0);
}

// Metres from the middle of the river's water, which leaves the site along
// its axis and meanders; very far without a river.
float fromRiver(vec2 xz) {
    if (u_riverHalfWidth <= 0.0) return 1e9;
    vec2 v = inValley(xz);
    return abs(v.y - meander(v.x));
}

// How far a road along the valley strays from its course across the site at
// `xz`: it keeps beside the river, as far as the river meanders there.
float valleyBend(vec2 xz) {
    return u_riverHalfWidth > 0.0 ? meander(inValley(xz).x) : 0.0;
}

// Where `xz` lies against road `i`: metres across from its middle (signed),
// and metres beyond the end it runs on past (0 or less: beyond no such end).
// A road along the river's valley bends by `bend` (valleyBend(xz)); any other
// winds gently of its own. `valley`: valleyDirection(), taken once a pixel.
vec2 againstRoad(int i, vec2 xz, vec2 valley, float bend) {
    vec2 d = u_roadLine[i].zw, p = xz - u_roadLine[i].xy;
    float t = dot(p, d);
    float runsOn = t < 0.0 ? u_roadSpan[i].y : u_roadSpan[i].z;
    float beyond = runsOn > 0.0 ? max(-t, t - u_roadSpan[i].x) : -1.0;
    float along = dot(d, valley);
    if (u_riverHalfWidth > 0.0 && abs(along) > 0.96)
        bend *= sign(along);
    else
        bend = min(0.1 * max(beyond, 0.0), 120.0) * sin(max(beyond, 0.0) / 900.0);
    return vec2(dot(p, vec2(-d.y, d.x)) - bend, beyond);
}

float terrainHeight(vec2 xz) {
    float across = acrossValley(xz);
    // The valley's sides, 150 to 250 m above its floor a few kilometres out.
    float sides = smoothstep(700.0, 4000.0, across) * (150.0 + 100.0 * valueNoise(xz / 5000.0));
    // Rolling hills and combes, gentler on the valley floor.
    float hills = (fbm(xz / 2600.0) - 0.35) * 180.0 * (0.2 + 0.8 * smoothstep(400.0, 2500.0, across));
    // The river and its banks lie level with the site's ground.
    float banks = smoothstep(u_riverHalfWidth + 30.0, u_riverHalfWidth + 300.0, fromRiver(xz));
    return u_siteCenter.y + countryside(xz) * banks * max(sides + hills, 0.0);
}

#endif
