#include "sitegen/textures.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <map>

#include <stb_image_write.h>
#include <glm/glm.hpp>

#include "glbkit/random.h"

namespace sitegen {
namespace {

// What one point of a surface is made of. u and v are in [0, 1) across the
// tile, v upward as the geometry's UVs run (the image is flipped to match).
struct Texel {
    glm::vec3 albedo{0.5f};
    float height = 0.5f;  // for the normal map, 0..1
    float roughness = 0.9f;
    float metallic = 0.0f;
    float occlusion = 1.0f;
};

float fl(int i) {
    return static_cast<float>(i);
}

float fract(float x) {
    return x - std::floor(x);
}

// A lattice value in [0, 1), wrapping every `period` cells so tiles repeat.
float lattice(int x, int y, int period, std::uint32_t seed) {
    const int wx = ((x % period) + period) % period, wy = ((y % period) + period) % period;
    return glbkit::unitHash((std::uint64_t(seed) << 32) + std::uint64_t(wy * period + wx));
}

// Smoothly interpolated value noise with `period` cells across the tile.
float noise(float u, float v, int period, std::uint32_t seed) {
    const float x = u * fl(period), y = v * fl(period);
    const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(y));
    const float fx = glm::smoothstep(0.0f, 1.0f, x - fl(x0));
    const float fy = glm::smoothstep(0.0f, 1.0f, y - fl(y0));
    const float a = glm::mix(lattice(x0, y0, period, seed), lattice(x0 + 1, y0, period, seed), fx);
    const float b =
        glm::mix(lattice(x0, y0 + 1, period, seed), lattice(x0 + 1, y0 + 1, period, seed), fx);
    return glm::mix(a, b, fy);
}

}  // namespace

float fbm(float u, float v, int period, int octaves, std::uint32_t seed) {
    float sum = 0, weight = 0, amplitude = 1;
    for (int o = 0; o < octaves; ++o) {
        sum += amplitude * noise(u, v, period << o, seed + static_cast<std::uint32_t>(o));
        weight += amplitude;
        amplitude *= 0.5f;
    }
    return sum / weight;
}

namespace {

// 1 inside a band [lo, hi] of x, with soft edges `soft` wide.
float band(float x, float lo, float hi, float soft) {
    return glm::smoothstep(lo - soft, lo, x) * (1 - glm::smoothstep(hi, hi + soft, x));
}

// A sky-like reflection baked into glass: dark near the ground, pale above.
glm::vec3 glassReflection(float v, glm::vec3 tint, float n) {
    return glm::mix(tint * 0.6f, tint + glm::vec3(0.25f, 0.3f, 0.32f), v) * (0.9f + 0.2f * n);
}

// Where (u, v) falls in a running bond of `across` units by `rows` courses a
// tile, every other course shifted by half a unit: its course, its unit along
// the course, and where within that unit (0 to 1 each way).
struct Bond {
    int row, col;
    float fu, fv;
};

Bond runningBond(float u, float v, int across, int rows) {
    const int row = static_cast<int>(v * fl(rows));
    const float shifted = u * fl(across) + (row % 2 ? 0.5f : 0.0f);
    return {row, static_cast<int>(shifted) % across, fract(shifted), fract(v * fl(rows))};
}

// 8 bricks by 24 courses per tile, stretcher bond, soot-darkened in patches.
Texel brick(float u, float v) {
    const auto [row, col, fu, fv] = runningBond(u, v, 8, 24);
    const float mortar =
        std::max(1 - band(fu, 0.06f, 1.0f, 0.02f), 1 - band(fv, 0.16f, 1.0f, 0.04f));
    const float pick = glbkit::unitHash(std::uint64_t(row * 8 + col) + 7);
    const glm::vec3 fired =
        glm::mix(glm::vec3(0.46f, 0.17f, 0.1f), glm::vec3(0.56f, 0.27f, 0.16f), pick);
    const glm::vec3 burnt(0.24f, 0.11f, 0.08f);
    glm::vec3 c = pick > 0.88f ? burnt : fired;
    c *= 0.85f + 0.3f * fbm(u, v, 32, 2, 11);
    c = glm::mix(c, glm::vec3(0.58f, 0.55f, 0.5f), mortar);
    c *= 0.75f + 0.25f * fbm(u, v, 3, 3, 12);  // soot
    return {c, 0.8f * (1 - mortar) + 0.1f * fbm(u, v, 64, 1, 13), 0.85f + 0.1f * mortar, 0,
            1 - 0.35f * mortar};
}

// Galvanised sheet with 16 vertical ribs per tile and runs of rust.
Texel corrugated(float u, float v) {
    const float rib = 0.5f + 0.5f * std::sin(u * 16 * 6.2831853f);
    // Thin runs of rust down the ribs (cells four times taller than wide, and
    // seamless), spread evenly: more at the foot of the tile would show as a
    // band every tile up the wall.
    const float rust = glm::smoothstep(0.58f, 0.75f, fbm(u * 4, v, 8, 3, 21));
    const glm::vec3 steel = glm::vec3(0.6f, 0.62f, 0.64f) * (0.9f + 0.2f * fbm(u, v, 8, 2, 22));
    const glm::vec3 c = glm::mix(steel, glm::vec3(0.42f, 0.2f, 0.09f), rust);
    return {c * (0.85f + 0.15f * rib), rib, glm::mix(0.4f, 0.85f, rust), glm::mix(0.6f, 0.1f, rust),
            0.8f + 0.2f * rib};
}

// A shipping container's wall: steel painted near white, for its material to
// tint, pressed in trapezoidal ribs (8 a tile of 2.4 m, one every 30 cm)
// between its top and bottom rails (a tile is a container high); grime run
// down from the top, and rust where the paint has chipped along the rails.
Texel container(float u, float v) {
    // From the middle of a rib's outer face: the face, a slope, the inner face.
    const float t = std::abs(fract(u * 8 + 0.3f) - 0.5f);
    const float rib = 1 - glm::clamp((t - 0.15f) / 0.15f, 0.0f, 1.0f);
    const float rail = 1 - band(v, 0.045f, 0.955f, 0.005f);
    const float nearRail =
        std::max(1 - glm::smoothstep(0.04f, 0.14f, v), glm::smoothstep(0.86f, 0.96f, v));
    const float chips = std::max(nearRail * glm::smoothstep(0.6f, 0.68f, fbm(u, v, 32, 3, 61)),
                                 glm::smoothstep(0.76f, 0.8f, fbm(u, v, 64, 2, 62)));
    const float grime = glm::smoothstep(0.5f, 0.8f, fbm(u * 4, v, 8, 3, 63)) * (0.4f + 0.6f * v);
    glm::vec3 c = glm::vec3(0.86f) * (0.93f + 0.1f * fbm(u, v, 8, 3, 64)) * (1 - 0.18f * grime);
    c *= 0.92f + 0.08f * glm::mix(rib, 1.0f, rail);
    c = glm::mix(c, glm::vec3(0.36f, 0.17f, 0.08f), chips);
    return {c, glm::mix(0.15f + 0.7f * rib, 1.0f, rail), glm::mix(0.45f, 0.9f, chips), 0,
            glm::mix(0.85f + 0.15f * rib, 1.0f, rail)};
}

// Weathered steel: mottled brown and orange with flakes of old grey paint, all
// of them small: blotches a metre across would repeat with the tile, in rows
// of spots along a roof.
Texel rust(float u, float v) {
    const float n = fbm(u, v, 32, 3, 31);
    const float paint = glm::smoothstep(0.66f, 0.7f, fbm(u, v, 32, 3, 32));
    glm::vec3 c = glm::mix(glm::vec3(0.16f, 0.07f, 0.035f), glm::vec3(0.42f, 0.18f, 0.07f), n);
    c = glm::mix(c, glm::vec3(0.22f, 0.23f, 0.24f), paint);
    return {c, 0.5f * n + 0.4f * paint, glm::mix(0.85f, 0.55f, paint), glm::mix(0.2f, 0.5f, paint)};
}

// Cast concrete with formwork joints and rain stains.
Texel concrete(float u, float v) {
    const float joint = std::max(1 - band(u, 0.006f, 0.994f, 0.004f),
                                 1 - band(fract(v * 2), 0.006f, 0.994f, 0.004f));
    const float stain = glm::smoothstep(0.55f, 0.8f, fbm(u, v * 0.3f, 8, 3, 41));
    glm::vec3 c = glm::vec3(0.62f, 0.6f, 0.57f) * (0.85f + 0.2f * fbm(u, v, 16, 4, 42));
    c *= 1 - 0.25f * stain - 0.3f * joint;
    return {c, 0.6f - 0.4f * joint + 0.1f * noise(u, v, 128, 43), 0.92f, 0, 1 - 0.3f * joint};
}

// Two by two panes in slim steel frames.
Texel glazing(float u, float v) {
    const float frame = std::max(1 - band(fract(u * 2), 0.03f, 0.97f, 0.01f),
                                 1 - band(fract(v * 2), 0.03f, 0.97f, 0.01f));
    const glm::vec3 pane = glassReflection(fract(v * 2), {0.12f, 0.2f, 0.24f}, noise(u, v, 4, 51));
    return {glm::mix(pane, glm::vec3(0.16f, 0.17f, 0.18f), frame), frame,
            glm::mix(0.06f, 0.45f, frame), glm::mix(0.1f, 0.7f, frame)};
}

// Tufts and blades only: patches a metre or more across would repeat with the
// tile, in a grid a visitor sees from afar. The slab's wear varies the lawn.
Texel grass(float u, float v) {
    const float tufts = fbm(u, v, 24, 3, 61), blades = noise(u, v, 128, 62);
    glm::vec3 c = glm::mix(glm::vec3(0.2f, 0.33f, 0.1f), glm::vec3(0.3f, 0.39f, 0.13f), tufts);
    c *= 0.8f + 0.4f * blades;
    return {c, blades * 0.6f + tufts * 0.4f, 0.95f, 0, 0.85f + 0.15f * blades};
}

Texel asphalt(float u, float v) {
    const float grain = noise(u, v, 128, 71), wear = fbm(u, v, 16, 3, 72);
    const glm::vec3 c = glm::vec3(0.17f, 0.17f, 0.18f) * (0.8f + 0.35f * grain + 0.3f * wear);
    return {c, grain, 0.8f + 0.1f * wear};
}

Texel water(float u, float v) {
    const float ripples = fbm(u, v, 8, 4, 81);
    const glm::vec3 c = glm::mix(glm::vec3(0.07f, 0.16f, 0.18f), glm::vec3(0.1f, 0.2f, 0.22f),
                                 fbm(u, v, 32, 2, 82));
    return {c, ripples, 0.07f};
}

Texel soil(float u, float v) {
    const float clods = fbm(u, v, 16, 4, 91),
                ruts = band(fract(u * 4 + 0.1f * noise(u, v, 4, 92)), 0.45f, 0.55f, 0.05f);
    glm::vec3 c = glm::mix(glm::vec3(0.24f, 0.17f, 0.11f), glm::vec3(0.45f, 0.34f, 0.22f), clods);
    c *= 1 - 0.2f * ruts;
    return {c, clods - 0.3f * ruts, 1.0f};
}

// Crushed stone: a cellular look from fine noise, grey to brown.
Texel gravel(float u, float v) {
    const float stones = noise(u, v, 96, 101), tone = noise(u, v, 48, 102);
    const glm::vec3 c =
        glm::mix(glm::vec3(0.32f, 0.31f, 0.3f), glm::vec3(0.46f, 0.42f, 0.37f), tone);
    return {c * (0.7f + 0.45f * stones), stones, 0.9f, 0, 0.75f + 0.25f * stones};
}

// Ballast with one timber sleeper per tile; u runs across the track.
Texel track(float u, float v) {
    Texel t = gravel(u, v);
    const float sleeper = band(u, 0.08f, 0.92f, 0.01f) * band(v, 0.32f, 0.68f, 0.02f);
    const glm::vec3 wood = glm::vec3(0.2f, 0.14f, 0.09f) * (0.8f + 0.4f * fbm(u * 4, v, 8, 2, 111));
    t.albedo = glm::mix(t.albedo, wood, sleeper);
    t.height = glm::mix(t.height * 0.5f, 1.0f, sleeper);
    return t;
}

// One storey and one bay of a rendered housing façade: a window in a dark
// frame, split by a transom and a mullion, over a stone sill and under a
// shadowed lintel, a floor band at the slab. The wall is near white so the
// material's colour tints it.
Texel facade(float u, float v) {
    const float opening = band(u, 0.2f, 0.8f, 0.004f) * band(v, 0.27f, 0.87f, 0.004f);
    const float glass = band(u, 0.24f, 0.76f, 0.004f) * band(v, 0.31f, 0.83f, 0.004f);
    const float bars = std::max(band(u, 0.485f, 0.515f, 0.004f), band(v, 0.66f, 0.685f, 0.004f));
    const float sill = band(u, 0.17f, 0.83f, 0.004f) * band(v, 0.23f, 0.27f, 0.004f);
    const float lintel = band(u, 0.2f, 0.8f, 0.004f) * band(v, 0.87f, 0.9f, 0.004f);
    const float slab = 1 - band(v, 0.04f, 1.0f, 0.01f);
    glm::vec3 c = glm::vec3(0.92f, 0.9f, 0.86f) * (0.92f + 0.1f * fbm(u, v, 8, 3, 121));
    c *= 1 - 0.12f * glm::smoothstep(0.6f, 0.9f, fbm(u, v * 0.4f, 8, 3, 123));  // rain streaks
    c = glm::mix(c, glm::vec3(0.62f, 0.6f, 0.57f), slab * 0.7f);
    c = glm::mix(c, c * 0.55f, lintel);
    c = glm::mix(c, glm::vec3(0.8f, 0.78f, 0.74f), sill);
    const float pane = glass * (1 - bars);
    const glm::vec3 frame(0.2f, 0.21f, 0.22f);
    c = glm::mix(c, frame, opening * (1 - pane));
    c = glm::mix(c, glassReflection(v, {0.09f, 0.12f, 0.15f}, noise(u, v, 8, 122)), pane);
    return {c, 0.6f + 0.3f * sill - 0.5f * opening + 0.2f * (opening - pane),
            glm::mix(0.85f, 0.06f, pane), 0.5f * (opening - pane), 1 - 0.45f * (opening - glass)};
}

// One bay of a ground floor: a shop front or an entrance, full-height glass in
// dark aluminium between rendered piers, on a stone riser, under a fascia.
Texel shopfront(float u, float v) {
    const float pier = 1 - band(u, 0.06f, 0.94f, 0.004f);
    const float riser = 1 - band(v, 0.12f, 1.0f, 0.004f);
    const float fascia = band(v, 0.8f, 0.95f, 0.004f);
    const float glass = band(u, 0.09f, 0.91f, 0.004f) * band(v, 0.15f, 0.77f, 0.004f);
    const float mullion = band(u, 0.49f, 0.51f, 0.003f) + band(v, 0.6f, 0.62f, 0.003f);
    const float pane = glass * (1 - glm::clamp(mullion, 0.0f, 1.0f));
    glm::vec3 c(0.18f, 0.19f, 0.2f);  // frames
    c = glm::mix(c, glm::vec3(0.85f, 0.83f, 0.78f) * (0.9f + 0.15f * fbm(u, v, 8, 2, 161)),
                 std::max(pier, 1 - band(v, 0.0f, 0.95f, 0.004f)));
    c = glm::mix(c, glm::vec3(0.3f, 0.29f, 0.28f), riser * (1 - pier));
    c = glm::mix(c, glm::vec3(0.14f, 0.16f, 0.17f), fascia * (1 - pier));
    // Lit interiors behind the glass, warm and uneven from bay to bay.
    const glm::vec3 inside = glm::mix(glm::vec3(0.35f, 0.28f, 0.2f), glm::vec3(0.12f, 0.14f, 0.16f),
                                      fbm(u, v, 4, 2, 162));
    const glm::vec3 reflect = glassReflection((v - 0.15f) / 0.62f, {0.1f, 0.14f, 0.17f}, 0.5f);
    c = glm::mix(c, glm::mix(inside, reflect, 0.45f + 0.3f * v), pane);
    return {c, 0.7f - 0.5f * glass + 0.2f * (pier + riser), glm::mix(0.8f, 0.05f, pane),
            glm::mix(0.0f, 0.6f, glass - pane), 1 - 0.4f * (glass - pane)};
}

// Vertical boards, 8 per tile, with open joints and grain: near-neutral so a
// material tints it timber, charcoal or larch.
Texel cladding(float u, float v) {
    const int board = static_cast<int>(u * 8);
    const float fu = fract(u * 8);
    const float joint = 1 - band(fu, 0.05f, 0.95f, 0.03f);
    const float tone = glbkit::unitHash(std::uint64_t(board) + 171);
    const float grain = fbm(u * 8 + 0.3f * tone, v * 0.5f, 16, 3, 172);
    glm::vec3 c = glm::vec3(0.8f, 0.76f, 0.7f) * (0.8f + 0.25f * tone) * (0.85f + 0.3f * grain);
    c *= 1 - 0.7f * joint;
    return {c, 0.8f - 0.7f * joint + 0.1f * grain, 0.85f, 0, 1 - 0.5f * joint};
}

// Roof tiles, 10 across by 10 courses a tile, v running up the slope: each
// course's lower edge laps over the one below and shades its top, every tile a
// shade of its own, weathered in patches; near-neutral so a material tints it
// clay or slate.
Texel tiles(float u, float v) {
    const auto [course, col, fu, fv] = runningBond(u, v, 10, 10);
    const float joint = 1 - band(fu, 0.04f, 0.96f, 0.02f);
    const float shade = glm::smoothstep(0.75f, 1.0f, fv);  // under the next course's lip
    const float tone = glbkit::unitHash(std::uint64_t(course * 10 + col) + 181);
    glm::vec3 c = glm::vec3(0.78f, 0.76f, 0.74f) * (0.75f + 0.35f * tone) *
                  (0.85f + 0.3f * fbm(u, v, 16, 3, 182)) * (0.8f + 0.25f * fbm(u, v, 3, 3, 183));
    c *= (1 - 0.55f * shade) * (1 - 0.5f * joint);
    return {c, 0.9f - 0.6f * fv - 0.3f * joint, 0.8f, 0, 1 - 0.4f * std::max(shade, joint)};
}

// An office curtain wall: a storey-high pane over a dark spandrel, aluminium mullions.
Texel curtainWall(float u, float v) {
    const float mullion = std::max(1 - band(u, 0.03f, 0.97f, 0.005f), band(v, 0.2f, 0.23f, 0.005f));
    const float spandrel = 1 - band(v, 0.2f, 1.0f, 0.005f);
    glm::vec3 c = glassReflection((v - 0.2f) / 0.8f, {0.14f, 0.24f, 0.28f}, noise(u, v, 4, 131));
    c = glm::mix(c, glm::vec3(0.12f, 0.13f, 0.14f), spandrel);
    c = glm::mix(c, glm::vec3(0.7f, 0.72f, 0.74f), mullion);
    return {c, 0.4f + 0.5f * mullion, glm::mix(0.05f, 0.35f, std::max(mullion, spandrel)),
            glm::mix(0.15f, 0.8f, mullion)};
}

// One photovoltaic panel: 6 by 10 cells in an aluminium frame.
Texel solar(float u, float v) {
    const float frame = 1 - band(u, 0.03f, 0.97f, 0.005f) * band(v, 0.02f, 0.98f, 0.005f);
    const float grid = std::max(1 - band(fract(u * 6), 0.04f, 0.96f, 0.01f),
                                1 - band(fract(v * 10), 0.04f, 0.96f, 0.01f));
    glm::vec3 c = glm::vec3(0.04f, 0.07f, 0.18f) * (0.9f + 0.2f * noise(u, v, 16, 141));
    c = glm::mix(c, glm::vec3(0.5f, 0.52f, 0.56f), std::max(frame, grid * 0.5f));
    return {c, 0.5f + 0.5f * frame, glm::mix(0.18f, 0.4f, frame), glm::mix(0.3f, 0.8f, frame)};
}

// Stone slabs, 4 by 4 per tile, each a slightly different shade.
Texel paving(float u, float v) {
    const int i = static_cast<int>(u * 4), j = static_cast<int>(v * 4);
    const float joint = std::max(1 - band(fract(u * 4), 0.02f, 0.98f, 0.01f),
                                 1 - band(fract(v * 4), 0.02f, 0.98f, 0.01f));
    const float shade = glbkit::unitHash(std::uint64_t(j * 4 + i) + 151);
    glm::vec3 c = glm::mix(glm::vec3(0.6f, 0.58f, 0.54f), glm::vec3(0.68f, 0.66f, 0.61f), shade);
    c *= (0.9f + 0.15f * fbm(u, v, 16, 3, 152)) * (1 - 0.25f * joint);
    return {c, 0.8f - 0.6f * joint, 0.8f, 0, 1 - 0.3f * joint};
}

struct SurfaceDef {
    const char* name;
    Texel (*sample)(float u, float v);
    float bump;  // normal-map strength: height units per texel step
};

const SurfaceDef& def(Surface s) {
    static const std::array<SurfaceDef, 19> defs = {{
        {"brick", brick, 2.5f},
        {"corrugated", corrugated, 3.0f},
        {"rust", rust, 1.5f},
        {"concrete", concrete, 1.0f},
        {"glazing", glazing, 1.5f},
        {"grass", grass, 1.5f},
        {"asphalt", asphalt, 0.8f},
        {"water", water, 1.2f},
        {"soil", soil, 2.0f},
        {"gravel", gravel, 2.0f},
        {"track", track, 2.5f},
        {"facade", facade, 1.5f},
        {"curtain-wall", curtainWall, 1.0f},
        {"solar", solar, 1.0f},
        {"paving", paving, 1.5f},
        {"shopfront", shopfront, 1.5f},
        {"cladding", cladding, 2.0f},
        {"tiles", tiles, 2.0f},
        {"container", container, 2.5f},
    }};
    return defs[static_cast<std::size_t>(s)];
}

unsigned char byte(float x) {
    return static_cast<unsigned char>(std::lround(glm::clamp(x, 0.0f, 1.0f) * 255.0f));
}

// Our colours are chosen in linear light; glTF base colour images are sRGB.
float toSrgb(float x) {
    return x <= 0.0031308f ? 12.92f * x : 1.055f * std::pow(x, 1 / 2.4f) - 0.055f;
}

std::vector<unsigned char> encodePng(const std::vector<unsigned char>& rgb, int n) {
    std::vector<unsigned char> png;
    const auto sink = [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<unsigned char>*>(context);
        const auto* bytes = static_cast<const unsigned char*>(data);
        out->insert(out->end(), bytes, bytes + size);
    };
    stbi_write_png_to_func(sink, &png, n, n, 3, rgb.data(), n * 3);
    return png;
}

// The surface sampled at pixel centres of an n x n image, rows top down.
std::vector<Texel> sampleTile(const SurfaceDef& d, int n) {
    std::vector<Texel> texels(std::size_t(n) * n);
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col) {
            const float u = (fl(col) + 0.5f) / fl(n), v = 1 - (fl(row) + 0.5f) / fl(n);
            texels[std::size_t(row) * n + col] = d.sample(u, v);
        }
    }
    return texels;
}

std::vector<unsigned char> colorImage(const std::vector<Texel>& texels) {
    std::vector<unsigned char> rgb;
    for (const Texel& t : texels)
        rgb.insert(rgb.end(),
                   {byte(toSrgb(t.albedo.r)), byte(toSrgb(t.albedo.g)), byte(toSrgb(t.albedo.b))});
    return rgb;
}

std::vector<unsigned char> ormImage(const std::vector<Texel>& texels) {
    std::vector<unsigned char> rgb;
    for (const Texel& t : texels)
        rgb.insert(rgb.end(), {byte(t.occlusion), byte(t.roughness), byte(t.metallic)});
    return rgb;
}

std::vector<unsigned char> normalImage(const std::vector<Texel>& texels, int n, float bump) {
    const auto height = [&](int row, int col) {
        return texels[std::size_t((row + n) % n) * n + std::size_t((col + n) % n)].height;
    };
    // Steps are in pixels of this image; keep the slope of the full-size tile.
    const float strength = bump * fl(n) / fl(kColorSize);
    std::vector<unsigned char> rgb;
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col) {
            // +Y of a glTF normal map points up the image, where rows decrease.
            const float dx = (height(row, col + 1) - height(row, col - 1)) * strength;
            const float dy = (height(row - 1, col) - height(row + 1, col)) * strength;
            const glm::vec3 m = glm::normalize(glm::vec3(-dx, -dy, 1));
            rgb.insert(rgb.end(),
                       {byte(m.x * 0.5f + 0.5f), byte(m.y * 0.5f + 0.5f), byte(m.z * 0.5f + 0.5f)});
        }
    }
    return rgb;
}

TextureSet make(Surface s) {
    const SurfaceDef& d = def(s);
    const std::vector<Texel> fine = sampleTile(d, kColorSize), coarse = sampleTile(d, kDataSize);
    return {encodePng(colorImage(fine), kColorSize), encodePng(ormImage(coarse), kDataSize),
            encodePng(normalImage(coarse, kDataSize, d.bump), kDataSize)};
}

}  // namespace

const TextureSet& textures(Surface s) {
    static std::map<Surface, TextureSet> cache;
    auto it = cache.find(s);
    if (it == cache.end()) it = cache.emplace(s, make(s)).first;
    return it->second;
}

glm::vec3 meanAlbedo(Surface s) {
    glm::vec3 sum(0.0f);
    const std::vector<Texel> texels = sampleTile(def(s), kDataSize);
    for (const Texel& t : texels) sum += t.albedo;
    return sum / fl(static_cast<int>(texels.size()));
}

const char* surfaceName(Surface s) {
    return def(s).name;
}

}  // namespace sitegen
