#version 410 core
// The landscape's terrain and towns: matte surfaces under the sun (with the
// site's shadows where the cascades reach) and the sky, veiled by the air.
#include "bindings.h"
#include "lighting.glsl"
#include "aerial.glsl"
#include "landscape.glsl"

in vec3 v_worldPosition;
in vec3 v_normal;
in vec3 v_albedo;
in vec3 v_facade;  // a city's wall: metres along it and up it, its building's number; z < 0: none

uniform bool u_town;  // blocks (towns', a city's) carry their colour; the terrain's is made here
uniform bool u_cars;  // a town's or a city's cars (traffic.vert), in its buildings' shadows
uniform sampler2D u_cityShadows;  // where a town's or a city's shadows fall (city_shadow.vert)

// The landscape lies level with a site's lowest point, a few centimetres
// under its ground where heaps and feet sink into it (tools/sitegen), and its
// ground's layers stack up to a third of a metre above that: the landscape
// takes the sun's shadow as the topmost layer would, so that the end of a
// road that runs on casts no line across the road beyond.
const float kGroundLayers = 0.35;  // metres

layout(location = 0) out vec4 o_color;
layout(location = 1) out float o_asIs;  // always 0: tone mapped

// The site's own mown grass around it: lush along the site's edge, as the
// site's lawn is there, and drying in patches tens of metres across farther
// out, as the sites' lawns do within (tools/sitegen: a slab's wear).
vec3 mownGrass(vec2 xz) {
    float worn = smoothstep(0.0, 150.0, outsideSite(xz));
    float dry = worn * smoothstep(0.4, 0.7, fbm(xz / 90.0));
    return vec3(0.2, 0.31, 0.094) * mix(vec3(0.95, 1.0, 1.05), vec3(1.1, 1.0, 0.85), dry) *
           (0.93 + 0.14 * mix(0.5, valueNoise(xz / 23.0), worn));
}

// The share of a pixel's footprint, `footprint` across, around `s` (signed,
// across a line from its middle) that lies within `halfWidth` of the line: a
// road or a street thinner than a pixel is a faint line, not a wide one, and
// one that a pixel's centre misses still shows.
float covered(float s, float halfWidth, float footprint) {
    return clamp((min(s + 0.5 * footprint, halfWidth) - max(s - 0.5 * footprint, -halfWidth)) /
                     footprint,
                 0.0, 1.0);
}

// The share of a pixel's footprint, `footprint` across, around `t` that falls
// on stripes `duty` of every `period` long (the first from 0): a box-filtered
// square wave, which greys out evenly where the stripes get thinner than a pixel.
float stripes(float t, float period, float duty, float footprint) {
    float w = max(footprint, 1e-3) / period;
    vec2 ends = vec2(t / period - 0.5 * w, t / period + 0.5 * w);
    vec2 painted = floor(ends) * duty + min(fract(ends), duty);
    return clamp((painted.y - painted.x) / w, 0.0, 1.0);
}

// White paint on one street of the grid (the other axis's is the same with x
// and z swapped): a dashed line down its middle, and a zebra crossing before
// each junction. `across`: metres from its middle, signed; `toCrossing`:
// metres to the middle of the nearest street across it; `along`: metres
// along it; each with how much of them a pixel spans.
float streetPaint(float across, float toCrossing, float along, vec2 footprint, float kerb) {
    // Not in the junction itself, where the street across runs.
    float outside = clamp((toCrossing - kerb) / footprint.y + 0.5, 0.0, 1.0);
    float zebra = covered(toCrossing - kerb - 2.5, 1.5, footprint.y) *
                  covered(across, kerb - 1.0, footprint.x) *
                  stripes(across + 0.25, 1.0, 0.5, footprint.x);
    float dashes = covered(across, 0.08, footprint.x) * stripes(along, 6.0, 0.5, footprint.y) *
                   clamp((toCrossing - kerb - 4.5) / footprint.y + 0.5, 0.0, 1.0);
    return outside * max(zebra, dashes);
}

// A street's asphalt and its pavements (the city's ground, a bridge's deck).
const vec3 kAsphalt = vec3(0.19, 0.19, 0.2);
const vec3 kPavement = vec3(0.32, 0.31, 0.29);

// A town's or a city's ground (landscape.glsl, cityGrid): asphalt streets, pavements
// along them, and each block's yard, paved or a garden, or the block a park.
// Where the city thins out, its yards give way to `country`, and its streets
// end; `city`: urban(xz).
vec3 cityGround(vec2 xz, vec3 country, float city) {
    vec2 grid = cityGrid(xz), size = cityBlockSize(xz);
    // Metres to the nearest street's middle along x and along z, and how
    // much of them a pixel spans. Far off, where a pixel spans a good part of
    // a block, the streets and yards blur into their share of it, rather
    // than shimmer.
    // (The footprint is taken on the grid itself, which runs on where the
    // distance to a street folds back: a quad of pixels across a fold would
    // see little change.)
    vec2 fromStreet = (grid - round(grid)) * size;  // signed
    vec2 toStreet = abs(fromStreet);
    vec2 footprint = max(fwidth(grid) * size, 1e-3);
    vec2 far = smoothstep(0.1, 0.4, footprint / size);
    float kerb = 0.5 * cityStreet(), front = kerb + cityPavement();
    vec2 onAsphalt = mix(vec2(covered(toStreet.x, kerb, footprint.x),
                              covered(toStreet.y, kerb, footprint.y)),
                         2.0 * kerb / size, far);
    vec2 onPavement = mix(vec2(covered(toStreet.x, front, footprint.x),
                               covered(toStreet.y, front, footprint.y)),
                          2.0 * front / size, far);
    float asphalt = 1.0 - (1.0 - onAsphalt.x) * (1.0 - onAsphalt.y);
    float pavement = 1.0 - (1.0 - onPavement.x) * (1.0 - onPavement.y);
    vec2 cell = floor(grid);
    float kind = cityBlockKind(cell);
    vec3 paved = vec3(0.26, 0.25, 0.23) * (0.85 + 0.3 * hash12(cell + 1.9));
    vec3 garden = vec3(0.13, 0.2, 0.07) * (0.8 + 0.4 * valueNoise(xz / 6.0));
    // A town's yards are mostly gardens; a city's mostly paved.
    float gardens = inTown() ? 0.75 : 0.4;
    vec3 yard = kind < kCityParks ? garden
                                  : mix(paved, garden, step(1.0 - gardens, hash12(cell + 4.1)));
    yard = mix(yard, mix(vec3(0.26, 0.25, 0.23), vec3(0.13, 0.2, 0.07), gardens),
               max(far.x, far.y));
    vec3 ground = mix(country, yard, smoothstep(0.2, 0.6, city));
    float streets = streetsAt(city);
    ground = mix(ground, kPavement, pavement * streets);
    ground = mix(ground, kAsphalt, asphalt * streets);
    // Worn white paint on the asphalt, gone where the streets blur.
    float paint = max(streetPaint(fromStreet.x, toStreet.y, xz.y, footprint, kerb),
                      streetPaint(fromStreet.y, toStreet.x, xz.x, footprint.yx, kerb));
    return mix(ground, vec3(0.6, 0.6, 0.57), paint * streets * (1.0 - max(far.x, far.y)));
}

// Fields in parcels of a couple of hundred metres, woods on the slopes and in
// patches, and the mown grass around the site.
// `city`: urban(xz).
vec3 terrainAlbedo(vec2 xz, vec3 n, float city) {
    const mat2 turn = mat2(0.8, 0.6, -0.6, 0.8);
    vec2 q = turn * xz / 230.0 + (valueNoise(xz / 650.0) - 0.5) * 0.9;
    float parcel = hash12(floor(q));
    vec3 field = parcel < 0.4    ? vec3(0.16, 0.26, 0.07)   // meadow
                 : parcel < 0.65 ? vec3(0.12, 0.21, 0.06)   // pasture
                 : parcel < 0.85 ? vec3(0.34, 0.29, 0.13)   // ripe crop
                                 : vec3(0.2, 0.14, 0.09);   // ploughed
    // Far off the parcels blur into their average, rather than shimmer.
    vec2 w = fwidth(q);
    field = mix(field, vec3(0.17, 0.23, 0.08), smoothstep(0.2, 0.7, max(w.x, w.y)));
    float slope = 1.0 - n.y;
    float wood = smoothstep(0.56, 0.64, fbm(xz / 1100.0 + 3.0) + slope * 0.8);
    vec3 canopy = vec3(0.045, 0.085, 0.03) * (0.75 + 0.5 * valueNoise(xz / 14.0));
    vec3 country = mix(field, canopy, wood);
    float open = countryside(xz);
    vec3 around = open < 1.0 ? mix(mownGrass(xz), country, open) : country;
    return city > 0.0 ? cityGround(xz, around, city) : around;
}

// A city's wall up close: a row of houses, each 12 m of it in a shade of its
// own, storeys of 3.2 m with a window in each 3.4 m bay, shop fronts on the
// ground floor; far off, where a bay is smaller than a pixel or two, the
// average of it.
vec3 facade(vec3 wall, vec3 f) {
    // (The building's number, interpolated, may stray by a rounding from the
    // whole number every vertex gave; the hash would not forgive it.)
    wall *= 0.85 + 0.3 * hash12(vec2(floor(f.x / 12.0), round(f.z)));
    vec2 bay = vec2(f.x / 3.4, f.y / 3.2);
    vec2 w = fwidth(bay), q = abs(fract(bay) - 0.5);
    vec2 size = f.y < 3.2 ? vec2(0.4, 0.32) : vec2(0.2, 0.25);
    vec2 inside = vec2(1.0) - smoothstep(size - w, size + w, q);
    float glass = inside.x * inside.y * step(0.0, f.y);
    float far = smoothstep(0.3, 0.7, max(w.x, w.y));
    glass = mix(glass, 0.2, far);
    return mix(wall, vec3(0.03, 0.04, 0.05), glass);
}

// How much of the sun a town's or a city's buildings and trees hide at
// (x, z), from their shadows seen from above (city_shadow.vert). Where the
// view grazes the ground, a pixel spans many texels along it and few across:
// the level read is the one between, sharper than the one a pixel's longer
// side picks, which would wash the shadows out down a street (anisotropic
// filtering on llvmpipe took seconds a frame).
float cityShadow(vec2 xz) {
    vec2 uv = 0.5 + 0.5 * onCityShadows(xz);
    vec2 texels = vec2(textureSize(u_cityShadows, 0));
    float dx = length(dFdx(uv) * texels), dy = length(dFdy(uv) * texels);
    return textureLod(u_cityShadows, uv, 0.5 * log2(max(dx * dy, 1e-6))).r;
}

// The site's roads where they run on beyond it, in their colour: each pixel
// covered by the share of its footprint across the road (covered). Most of
// the landscape is far from every road, and skips the rest at once.
vec3 withRoads(vec3 albedo, vec2 xz) {
    if (u_roadCount == 0) return albedo;
    vec2 valley = valleyDirection(), dx = dFdx(xz), dy = dFdy(xz);
    float bend = valleyBend(xz);
    for (int i = 0; i < u_roadCount; ++i) {
        vec2 road = againstRoad(i, xz, valley, bend);
        vec2 across = vec2(-u_roadLine[i].w, u_roadLine[i].z);
        float halfWidth = u_roadSpan[i].w;
        float footprint = max(abs(dot(dx, across)) + abs(dot(dy, across)), 1e-3);
        if (road.y <= 0.0 || abs(road.x) >= halfWidth + footprint) continue;
        albedo = mix(albedo, u_roadColor[i].rgb,
                     covered(road.x, halfWidth, footprint) * u_roadColor[i].a);
    }
    return albedo;
}

// The river beyond the site: dark water under the sky it mirrors, more of it
// the more the view grazes the surface (Schlick's Fresnel term for water, 0.02
// head-on).
vec3 riverColor(vec3 p, vec3 sun) {
    vec3 toEye = normalize(u_eye - p);
    float fresnel = 0.02 + 0.98 * pow(1.0 - max(toEye.y, 0.0), 5.0);
    vec3 mirrored = texture(u_sky, reflect(-toEye, vec3(0.0, 1.0, 0.0))).rgb;
    vec3 body = vec3(0.027, 0.057, 0.066) * (sun + skyIrradiance(vec3(0.0, 1.0, 0.0)));
    return mix(body, mirrored, fresnel);
}

// Over a town's or a city's river, every third street of the grid that
// crosses it runs on as a bridge, its deck 8 m above the water: how much of
// a pixel the deck covers (x), the deck's albedo there (yzw: asphalt between
// kerbs, pavements, a pale parapet along each side), and how much of the
// water the deck shades from the sun (returned apart). Along the banks,
// where the city meets the water, a stone quay: `quay`.
const float kDeckHeight = 8.0;  // metres above the water
const float kDeckEdge = 0.8;    // metres of its side seen beyond each parapet

// Metres from the middle of the nearest street across the river, and its number.
float deckAcross(vec2 grid, vec2 size, out float index) {
    bool atX = riverCrossedAtX();
    float g = atX ? grid.x : grid.y;
    index = round(g);
    return abs(g - index) * (atX ? size.x : size.y);
}

// `d`: fromRiver(xz), and `blur`, how much of it a pixel spans.
vec4 bridgeDeck(vec2 xz, float city, float d, float blur, out float shade, out float quay) {
    float streets = streetsAt(city);
    float kerb = 0.5 * cityStreet(), deck = kerb + cityPavement();
    vec2 size = cityBlockSize(xz);
    float index;
    vec2 grid = cityGrid(xz);
    float across = deckAcross(grid, size, index);
    // How much of it a pixel spans, taken on the grid, which runs on where the
    // distance folds back at the street's middle (as cityGround takes it): a
    // quad of pixels across the fold would see little change, and one a
    // pixel over, in a tile, another.
    vec2 spans = fwidth(grid) * size;
    float footprint = max(riverCrossedAtX() ? spans.x : spans.y, 1e-3);
    float bridge = bridged(index) ? streets : 0.0;
    // Where the deck's shadow falls: the ground the sun sees through it.
    float shadowIndex;
    vec2 under = xz - awayFromSun(u_toSun) * kDeckHeight;
    float shadowAcross = deckAcross(cityGrid(under), size, shadowIndex);
    shade = bridged(shadowIndex) ? streetsAt(urban(under)) * covered(shadowAcross, deck, footprint)
                                 : 0.0;
    // Far off, where a pixel spans the quay and more, it fades into the bank
    // rather than flicker along it.
    quay = streets * covered(d - u_riverHalfWidth - 2.0, 2.0, blur) *
           (1.0 - smoothstep(2.0, 8.0, blur));
    vec3 albedo = mix(kPavement, kAsphalt, covered(across, kerb, footprint));
    albedo = mix(albedo, vec3(0.5, 0.49, 0.46), 1.0 - covered(across, deck - 0.5, footprint));
    // The deck's edge, its side seen from above: a dark band beyond the parapet.
    albedo = mix(albedo, vec3(0.07, 0.07, 0.07), 1.0 - covered(across, deck, footprint));
    return vec4(bridge * covered(across, deck + kDeckEdge, footprint), albedo);
}

void main() {
    vec3 n = normalize(v_normal);
    vec2 xz = v_worldPosition.xz;
    float city = u_town ? 0.0 : urban(xz);             // the terrain's
    bool wall = v_facade.z >= 0.0 && abs(n.y) < 0.5;  // a town's or a city's
    vec3 albedo = !u_town ? withRoads(terrainAlbedo(xz, n, city), xz)
                  : wall  ? facade(v_albedo, v_facade)
                          : v_albedo;
    float lit = sunVisibility(v_worldPosition + vec3(0.0, kGroundLayers, 0.0), n);
    if (city > 0.0) {
        lit *= 1.0 - cityShadow(xz);
    } else if (wall) {
        // A town's or a city's wall: shaded where the sun's ray through it
        // meets the ground in a shadow, as the ray from there passes it on
        // its way to whatever casts it (city_shadow.vert). From a wall in the
        // sun the ray runs down into its own building, whose footprint only
        // others cast on; high up it would leave the building on its far
        // side, into the building's own shadow, before it met the ground: it
        // is followed down no farther than half the shallowest building's
        // depth (the shadows' image blurs their edges by a few texels far
        // off), and above that the wall takes the shade there.
        vec2 away = awayFromSun(u_toSun);
        float inward = max(dot(away, -n.xz), 1e-3);  // metres into the building a metre down
        float down = min(max(v_facade.y, 0.0), 0.5 * cityDepths().x / inward);
        lit *= 1.0 - cityShadow(xz + away * down);
    } else if (u_cars) {
        lit *= 1.0 - cityShadow(xz);  // as the street under it
    }
    vec3 sun = u_sunIlluminance * max(dot(n, u_toSun), 0.0) * lit / PI;
    vec3 sky = skyIrradiance(n);
    vec3 color = albedo * (sun + sky);
    if (!u_town && u_riverHalfWidth > 0.0) {
        float d = fromRiver(xz), blur = fwidth(d);
        float water = 1.0 - smoothstep(u_riverHalfWidth - blur, u_riverHalfWidth + blur, d);
        float shade = 0.0, quay = 0.0;
        vec4 deck = city > 0.0 ? bridgeDeck(xz, city, d, max(blur, 1e-3), shade, quay) : vec4(0.0);
        color = mix(color, vec3(0.42, 0.4, 0.37) * (sun + sky), quay);
        // In the deck's shadow the water loses the sun, and much of the sky it mirrors.
        vec3 river = riverColor(v_worldPosition, sun * (1.0 - shade)) * (1.0 - 0.5 * shade);
        color = mix(color, river, water);
        color = mix(color, deck.yzw * (sun + sky), deck.x * water);
    }
    o_color = vec4(aerialPerspective(color, v_worldPosition), 1.0);
    o_asIs = 0.0;
}
