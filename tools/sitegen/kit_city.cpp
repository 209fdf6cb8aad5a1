// The ground, the reconversion and the planting half of the kit.
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "glbkit/random.h"
#include "sitegen/kit.h"
#include "sitegen/kit_detail.h"

namespace sitegen {

using detail::kPi;
using detail::pick;
using glbkit::addBeam;
using glbkit::addBox;
using glbkit::addLathe;
using glbkit::addPatch;
using glbkit::Geometry;

namespace detail {

void walls(Geometry& g, float sx, float sz, float y0, float y1) {
    const float x = sx / 2, z = sz / 2, h = y1 - y0;
    addPatch(g, {-x, y0, z}, {sx, 0, 0}, {0, h, 0});
    addPatch(g, {x, y0, -z}, {-sx, 0, 0}, {0, h, 0});
    addPatch(g, {x, y0, z}, {0, 0, -sz}, {0, h, 0});
    addPatch(g, {-x, y0, -z}, {0, 0, sz}, {0, h, 0});
}

void planarUv(Geometry& g) {
    for (std::size_t i = 0; i < g.positions.size(); ++i)
        g.uvs[i] = {g.positions[i].x, g.positions[i].z};
}

glm::mat4 groundFrame(glm::vec3 a, glm::vec3 b, float& length) {
    const glm::vec2 d(b.x - a.x, b.z - a.z);
    length = glm::length(d);
    return glm::rotate(glm::translate(glm::mat4(1), a), std::atan2(-d.y, d.x), {0, 1, 0});
}

float pick(std::uint32_t seed, int i, float lo, float hi) {
    return glm::mix(lo, hi, glbkit::unitHash((std::uint64_t(seed) << 20) + std::uint64_t(i)));
}

}  // namespace detail

glm::mat4 place(glm::vec3 at, float yaw) {
    return glm::rotate(glm::translate(glm::mat4(1), at), yaw, {0, 1, 0});
}

namespace {

// A ground's wear varies over tens of metres: the slab's vertices are at most
// this far apart so that its colours can follow. Closer, they would cost more
// to draw than they show: the many small triangles of a ground seen from afar
// are each shaded in blocks of pixels partly outside them.
constexpr float kWearSpacing = 16.0f;
// The coarsest patches of wear, in metres, and how many of them the noise
// spans before it repeats (farther than any site reaches).
constexpr float kWearPatch = 64.0f;
constexpr int kWearPeriod = 32;

// Within this of a slab's edge its wear fades out: a ground meets the next
// one (another slab, the landscape around a site) in its plain colour, a lush
// lawn or a clean yard, not along a straight line through a dry patch.
constexpr float kWearEdge = 48.0f;

// The colour a ground's wear gives at (x, z), `fromEdge` metres inside its
// slab: a lawn between lush and dry, a yard or a road stained darker. Never
// above 1 (glTF vertex colours).
glm::vec3 wearColor(Wear wear, float x, float z, float fromEdge) {
    const float span = kWearPatch * kWearPeriod;
    const float worn = glm::smoothstep(0.0f, kWearEdge, fromEdge);
    const float patches = worn * fbm(x / span, z / span, kWearPeriod, 2, 7001);
    const float mottle = glm::mix(0.5f, fbm(x / span, z / span, kWearPeriod * 2, 1, 7002), worn);
    if (wear == Wear::Lawn) {
        const float dry = glm::smoothstep(0.4f, 0.7f, patches);
        return glm::mix(glm::vec3(0.8f, 0.92f, 0.8f), glm::vec3(1.0f, 0.92f, 0.68f), dry) *
               (0.9f + 0.1f * mottle);
    }
    const float stain = glm::smoothstep(0.4f, 0.75f, patches);
    return glm::vec3(1.0f - 0.22f * stain, 1.0f - 0.24f * stain, 1.0f - 0.27f * stain) *
           (0.9f + 0.1f * mottle);
}

}  // namespace

Parts slab(Mat mat, float sx, float sz, float y) {
    Parts p;
    Geometry& g = p[mat];
    const Wear wear = materialDef(mat).wear;
    const auto cells = [&](float size) {
        return wear == Wear::None ? 1 : static_cast<int>(std::ceil(size / kWearSpacing));
    };
    addPatch(g, {-sx / 2, y, sz / 2}, {sx, 0, 0}, {0, 0, -sz}, cells(sx), cells(sz));
    detail::planarUv(g);
    if (wear != Wear::None) {
        for (const glm::vec3& v : g.positions) {
            const float fromEdge = std::min(sx / 2 - std::abs(v.x), sz / 2 - std::abs(v.z));
            g.colors.push_back(wearColor(wear, v.x, v.z, fromEdge));
        }
    }
    return p;
}

Parts strip(Mat mat, const std::vector<glm::vec2>& line, float width, float y) {
    return strip(mat, line, width, std::vector<float>(line.size(), y));
}

Parts strip(Mat mat, const std::vector<glm::vec2>& line, float width,
            const std::vector<float>& heights) {
    Parts p;
    Geometry& g = p[mat];
    float along = 0;
    const auto segment = [&](std::size_t i) { return glm::normalize(line[i + 1] - line[i]); };
    const std::size_t last = line.size() - 1;
    for (std::size_t i = 0; i < line.size(); ++i) {
        // Mitred joints: offset along the mean of the two segments' sides.
        const glm::vec2 before = segment(i == 0 ? 0 : i - 1),
                        after = segment(i == last ? last - 1 : i);
        const glm::vec2 dir = glm::normalize(before + after);
        const glm::vec2 side =
            glm::vec2(-dir.y, dir.x) * (width / 2 / std::max(0.3f, glm::dot(dir, after)));
        if (i > 0) along += glm::length(line[i] - line[i - 1]);
        for (float s : {-1.0f, 1.0f}) {
            const glm::vec2 q = line[i] + s * side;
            g.positions.push_back({q.x, heights[i], q.y});
            g.normals.push_back({0, 1, 0});
            g.uvs.push_back({(s + 1) / 2 * width, along});
        }
        if (i == 0) continue;
        const auto a = static_cast<std::uint32_t>(g.positions.size() - 4);
        // Counter-clockwise from above whichever way the line turns.
        const glm::vec3 e1 = g.positions[a + 1] - g.positions[a],
                        e2 = g.positions[a + 2] - g.positions[a];
        if (glm::cross(e1, e2).y > 0)
            g.indices.insert(g.indices.end(), {a, a + 1, a + 3, a, a + 3, a + 2});
        else
            g.indices.insert(g.indices.end(), {a, a + 3, a + 1, a, a + 2, a + 3});
    }
    return p;
}

Parts roadLine(const std::vector<glm::vec2>& line, float y, float offset, bool dashed) {
    constexpr float kHalfWidth = 0.075f, kDash = 3.0f, kPeriod = 6.0f;
    Parts p;
    const auto flat = [](glm::vec2 v) { return glm::vec3(v.x, 0, v.y); };
    const glm::vec3 up(0, y + level::kStep / 2, 0);
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const float length = glm::length(line[i + 1] - line[i]);
        const glm::vec2 dir = (line[i + 1] - line[i]) / length, left(dir.y, -dir.x);
        const float step = dashed ? kPeriod : length, run = dashed ? kDash : length;
        // Each dash from its right-hand corner, along then across: facing up.
        for (float t = 0; t < length; t += step)
            glbkit::addPatch(
                p[Mat::Paint], up + flat(line[i] + dir * t + left * (offset - kHalfWidth)),
                flat(dir * (std::min(t + run, length) - t)), flat(left * (2 * kHalfWidth)));
    }
    return p;
}

Parts pond(float rx, float rz) {
    Parts p;
    const glm::mat4 oval = glm::scale(glm::mat4(1), {rx, 1, rz});
    Geometry water, edge;
    // The water at its level, over the lawn or park it is dug into, inside a
    // kerb 15 cm higher.
    const float kerb = level::kWater + 0.15f;
    addLathe(water, {{1, level::kWater}, {0, level::kWater}}, 40);
    addLathe(edge, {{1.04f, 0}, {1.04f, kerb}, {1.0f, kerb}, {1.0f, level::kWater}}, 40);
    p[Mat::Water].append(water, oval);
    p[Mat::Concrete].append(edge, oval);
    detail::planarUv(p[Mat::Water]);
    return p;
}

Parts river(glm::vec2 a, glm::vec2 b, float width) {
    Parts p = strip(Mat::Water, {a, b}, width, level::kWater);
    const glm::vec2 d = glm::normalize(b - a), side(-d.y, d.x);
    for (float s : {-1.0f, 1.0f}) {
        const glm::vec2 off = side * s * (width / 2 + 3);
        merge(p, strip(Mat::Concrete, {a + off, b + off}, 6, level::kOnWater), glm::mat4(1));
    }
    return p;
}

Parts disc(Mat mat, glm::vec2 radii, float cover, float y) {
    Geometry g;
    addLathe(g, {{cover, y}, {0, y}}, 24);
    Parts p;
    p[mat].append(g, glm::scale(glm::mat4(1), {radii.x, 1, radii.y}));
    return p;
}

float ringAngle(int i, int n) {
    return 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
}

namespace {

// `length` cut into `n` lengths, each drawn within a quarter of the mean
// before they are scaled back to the whole.
std::vector<float> cutLengths(float length, int n, std::uint32_t seed, int key) {
    std::vector<float> lengths;
    float sum = 0;
    for (int i = 0; i < n; ++i) sum += lengths.emplace_back(pick(seed, key + i, 0.75f, 1.25f));
    for (float& l : lengths) l *= length / sum;
    return lengths;
}

// Storeys for the `n` buildings of a ring, each abutting the next and the last
// the first: each drawn within a storey of `base` and kept in [lo, hi], then
// moved off a neighbour's height, up or round to the lowest: two blocks of one
// height side by side would lay their cornices over each other in one plane.
// A range of fewer than three heights is left upward.
std::vector<int> ringFloors(int n, int base, int lo, int hi, std::uint32_t seed, int key) {
    std::vector<int> floors;
    for (int i = 0; i < n; ++i) {
        const int drawn = base + static_cast<int>(std::lround(pick(seed, key + i, -1.4f, 1.4f)));
        int f = std::clamp(drawn, lo, hi);
        const auto clash = [&](int v) {
            return i > 0 && (v == floors.back() || (i == n - 1 && v == floors.front()));
        };
        while (clash(f)) f = f < hi || hi - lo < 2 ? f + 1 : lo;
        floors.push_back(f);
    }
    return floors;
}

// The ground of a plot `plot` in plan around `at`: pavement, and where the
// block leaves a courtyard `court`, a lawn in it, the pavement around.
void plotGround(Parts& town, glm::vec2 at, glm::vec2 plot, glm::vec2 court) {
    if (glm::any(glm::lessThanEqual(court, glm::vec2(0)))) {
        merge(town, slab(Mat::Paving, plot.x, plot.y, level::kPath), place({at.x, 0, at.y}));
        return;
    }
    merge(town, slab(Mat::Grass, court.x, court.y, level::kPath), place({at.x, 0, at.y}));
    const glm::vec2 band = (plot - court) / 2.0f;
    for (float s : {-1.0f, 1.0f}) {
        merge(town, slab(Mat::Paving, plot.x, band.y, level::kPath),
              place({at.x, 0, at.y + s * (court.y + band.y) / 2}));
        merge(town, slab(Mat::Paving, band.x, court.y, level::kPath),
              place({at.x + s * (court.x + band.x) / 2, 0, at.y}));
    }
}

// A city block on the plot `plot` around `at`, filling `fp` of it: a row of
// one to three buildings along its south side and along its north, a wing
// across each end, around a courtyard; each building of a façade, a height
// and a roof of its own. Too small for a courtyard of 4 m, one building.
void cityBlock(Parts& town, glm::vec2 at, glm::vec2 plot, glm::vec2 fp, int lo, int hi,
               std::uint32_t seed, int key) {
    static const Mat facades[] = {Mat::FacadeCream, Mat::FacadeTerracotta, Mat::FacadeGrey,
                                  Mat::FacadeWhite, Mat::FacadeBrick};
    struct Building {
        glm::vec2 centre, size;
    };
    std::vector<Building> ring;
    const float wing = std::clamp(0.3f * std::min(fp.x, fp.y), 6.0f, 12.0f);
    glm::vec2 court = fp - 2.0f * wing;
    if (glm::any(glm::lessThan(court, glm::vec2(4)))) {
        ring.push_back({at, fp});
        court = glm::vec2(0);
    } else {
        // The south row west to east, the east wing, the north row east to
        // west, the west wing: each building abuts the next.
        const int n = std::clamp(static_cast<int>(fp.x / 14), 1, 3);
        for (float side : {1.0f, -1.0f}) {
            float x = -side * fp.x / 2;
            for (float l : cutLengths(fp.x, n, seed, key + (side > 0 ? 0 : 4))) {
                ring.push_back(
                    {at + glm::vec2(x + side * l / 2, side * (fp.y - wing) / 2), {l, wing}});
                x += side * l;
            }
            ring.push_back({at + glm::vec2(side * (fp.x - wing) / 2, 0), {wing, court.y}});
        }
    }
    plotGround(town, at, plot, court);
    const int base = static_cast<int>(
        pick(seed, key + 8, static_cast<float>(lo), static_cast<float>(hi) + 0.99f));
    const std::vector<int> floors =
        ringFloors(static_cast<int>(ring.size()), base, lo, hi, seed, key + 9);
    for (std::size_t b = 0; b < ring.size(); ++b) {
        const int k = key + 20 + 2 * static_cast<int>(b);
        const Mat facade = facades[static_cast<int>(pick(seed, k, 0, 4.99f))];
        // Gravel on most roofs, darker on some: roofs redone at other times.
        const Mat cover = pick(seed, k + 1, 0, 1) < 0.35f ? Mat::Slag : Mat::Gravel;
        merge(town,
              block(ring[b].size.x, ring[b].size.y, floors[b], facade, Mat::Concrete, false, cover),
              place({ring[b].centre.x, 0, ring[b].centre.y}));
    }
}

}  // namespace

Parts townBlocks(glm::vec2 centre, glm::vec2 size, glm::vec2 cell, int minFloors, int maxFloors,
                 std::uint32_t seed) {
    const int nx = static_cast<int>(size.x / cell.x), nz = static_cast<int>(size.y / cell.y);
    // Streets between the plots, a quarter of a cell at most; each plot's
    // pavement raised as a kerb, its block filling most of it.
    const glm::vec2 used = cell * glm::vec2(nx, nz), corner = centre - size / 2.0f;
    const glm::vec2 plot = cell - glm::min(glm::vec2(8), 0.25f * cell);
    Parts town;
    merge(town, slab(Mat::Asphalt, used.x, used.y, level::kRoad),
          place({corner.x + used.x / 2, 0, corner.y + used.y / 2}));
    for (int j = 0; j < nz; ++j) {
        for (int i = 0; i < nx; ++i) {
            const int k = 64 * (j * nx + i);
            const glm::vec2 fp = (plot - 2.0f) * pick(seed, k + 63, 0.9f, 1.0f);
            cityBlock(town, corner + cell * (glm::vec2(i, j) + 0.5f), plot, fp, minFloors,
                      maxFloors, seed, k);
        }
    }
    return town;
}

namespace {

// A renovation's 30 cm of roof insulation: its roof covers the old one instead
// of sharing its plane.
constexpr float kRoofInsulation = 0.3f;
constexpr float kStorey = 3.0f, kBay = 3.2f;

// The texture's bays fitted a whole number of times to the wall `length` long
// whose four vertices start at `first`: the UVs stay within a few per cent of
// metres, and no window is cut at a corner.
void fitBays(Geometry& g, std::size_t first, float length) {
    const float bays = std::max(1.0f, std::round(length / kBay));
    for (std::size_t k = first; k < first + 4; ++k) g.uvs[k].x *= bays * kBay / length;
}

// Four walls from y0 to y1, their bays fitted to each.
void baysWalls(Geometry& g, float sx, float sz, float y0, float y1) {
    const std::size_t first = g.uvs.size();
    detail::walls(g, sx, sz, y0, y1);
    for (std::size_t w = 0; w < 4; ++w) fitBays(g, first + 4 * w, w < 2 ? sx : sz);
}

// A wall from `origin` along `u`, `h` high, its bays fitted to it.
void bayWall(Geometry& g, glm::vec3 origin, glm::vec3 u, float h) {
    const std::size_t first = g.uvs.size();
    addPatch(g, origin, u, {0, h, 0});
    fitBays(g, first, glm::length(u));
}

// Balconies on every other bay of the long walls (facing +-Z), from the first
// floor up: a slab and a glass balustrade.
void addBalconies(Parts& p, float sx, float sz, int floors) {
    const int bays = std::max(1, static_cast<int>(std::round(sx / kBay)));
    const float bay = sx / static_cast<float>(bays), w = bay * 0.8f, depth = 1.3f;
    Parts side;
    for (int f = 1; f < floors; ++f) {
        const float y = kStorey * static_cast<float>(f);
        for (int i = 1; i < bays - 1; i += 2) {
            const float x = -sx / 2 + bay * (static_cast<float>(i) + 0.5f);
            // The slab starts inside the wall, so no face lies in its plane.
            addBox(side[Mat::Paint], {x - w / 2, y - 0.2f, sz / 2 - 0.1f},
                   {x + w / 2, y, sz / 2 + depth}, true);
            addPatch(side[Mat::Glazing], {x - w / 2, y, sz / 2 + depth}, {w, 0, 0}, {0, 1.0f, 0});
            addPatch(side[Mat::Glazing], {x + w / 2, y, sz / 2 + depth}, {0, 0, -depth},
                     {0, 1.0f, 0});
            addPatch(side[Mat::Glazing], {x - w / 2, y, sz / 2}, {0, 0, depth}, {0, 1.0f, 0});
        }
    }
    merge(p, side, glm::mat4(1));
    merge(p, side, place({0, 0, 0}, kPi));
}

// Walls up to `h`, a shop-front ground floor, a cornice with the roof slab, a
// parapet around it and a roof of `cover` (gravel) inside.
Parts walledBlock(float sx, float sz, float h, Mat facade, Mat roof, Mat cover) {
    Parts p;
    const float ground = std::min(kStorey, h);
    baysWalls(p[Mat::Shopfront], sx, sz, 0, ground);
    if (h > ground) baysWalls(p[facade], sx, sz, ground, h);
    const float x = sx / 2 + 0.2f, z = sz / 2 + 0.2f, top = h + 0.6f, t = 0.3f;
    addBox(p[roof], {-x, h, -z}, {x, top, z});
    addPatch(p[cover], {-x + t, top + 0.03f, z - t}, {2 * (x - t), 0, 0}, {0, 0, -2 * (z - t)});
    // The parapet stands 5 cm in from the cornice's face: a plane of its own.
    const float parapet = top + 0.7f, px = x - 0.05f, pz = z - 0.05f;
    addBox(p[roof], {-px, top, -pz}, {px, parapet, -pz + t});
    addBox(p[roof], {-px, top, pz - t}, {px, parapet, pz});
    addBox(p[roof], {-px, top, -pz + t}, {-px + t, parapet, pz - t});
    addBox(p[roof], {px - t, top, -pz + t}, {px, parapet, pz - t});
    return p;
}

}  // namespace

Parts block(float sx, float sz, int floors, Mat facade, Mat roof, bool balconies, Mat cover) {
    Parts p = walledBlock(sx, sz, kStorey * static_cast<float>(floors), facade, roof, cover);
    if (balconies) addBalconies(p, sx, sz, floors);
    return p;
}

namespace {

// A terrace of houses `sx` long in all, `sz` deep and `h` to the eaves, the
// front and back of each house of its own wall (`walls`, west to east): a
// pitched roof over the row, its ridge along x, rising 0.8 m a metre (the
// landscape's towns' pitch, shaders/box.glsl roofRise) from eaves 35 cm out;
// a gable at each end; a chimney stack on the ridge over each party wall.
Parts terrace(float sx, float sz, float h, const std::vector<Mat>& walls, Mat roof) {
    Parts p;
    const float x = sx / 2, z = sz / 2, w = sx / static_cast<float>(walls.size());
    const float eaves = 0.35f, low = h - 0.8f * eaves, ridge = h + 0.8f * z;
    for (std::size_t i = 0; i < walls.size(); ++i) {
        const float west = -x + w * static_cast<float>(i);
        bayWall(p[walls[i]], {west, 0, z}, {w, 0, 0}, h);
        bayWall(p[walls[i]], {west + w, 0, -z}, {-w, 0, 0}, h);
        if (i > 0)
            addBox(p[Mat::Brick], {west - 0.35f, ridge - 1.2f, -0.5f},
                   {west + 0.35f, ridge + 1.0f, 0.5f});
    }
    bayWall(p[walls.front()], {-x, 0, -z}, {0, 0, sz}, h);
    glbkit::addTriangle(p[walls.front()], {-x, h, -z}, {-x, h, z}, {-x, ridge, 0});
    bayWall(p[walls.back()], {x, 0, z}, {0, 0, -sz}, h);
    glbkit::addTriangle(p[walls.back()], {x, h, z}, {x, h, -z}, {x, ridge, 0});
    const float rx = x + 0.15f, rz = z + eaves;
    addPatch(p[roof], {-rx, low, rz}, {2 * rx, 0, 0}, {0, ridge - low, -rz});
    addPatch(p[roof], {rx, low, -rz}, {-2 * rx, 0, 0}, {0, ridge - low, rz});
    return p;
}

}  // namespace

Parts townTerraces(glm::vec2 centre, glm::vec2 size, glm::vec2 cell, int minFloors, int maxFloors,
                   std::uint32_t seed) {
    // Brick most, then renders: the streets of the Meuse's and the Alzette's towns.
    static const Mat fronts[] = {Mat::FacadeBrick,     Mat::FacadeBrick, Mat::FacadeBrick,
                                 Mat::FacadeCream,     Mat::FacadeWhite, Mat::FacadeGrey,
                                 Mat::FacadeTerracotta};
    constexpr float kStreet = 8, kCross = 7, kGarden = 3, kHouse = 6.4f;
    const int nx = static_cast<int>(size.x / cell.x), nz = static_cast<int>(size.y / cell.y);
    const glm::vec2 corner = centre - size / 2.0f;
    const float east = corner.x + cell.x * static_cast<float>(nx);
    const float depth = std::clamp(cell.y - kStreet - kGarden - 4, 4.0f, 10.0f);
    Parts town;
    for (int j = 0; j < nz; ++j) {
        const float z = corner.y + cell.y * static_cast<float>(j);
        merge(town,
              strip(Mat::Asphalt, {{corner.x, z + kStreet / 2}, {east, z + kStreet / 2}}, kStreet,
                    level::kRoad),
              glm::mat4(1));
        for (int i = 0; i < nx; ++i) {
            const int k = j * nx + i;
            const float west = corner.x + cell.x * static_cast<float>(i);
            // The cross street along the cell's west side, from the street to its back.
            merge(town,
                  strip(Mat::Asphalt,
                        {{west + kCross / 2, z + kStreet}, {west + kCross / 2, z + cell.y}}, kCross,
                        level::kRoad),
                  glm::mat4(1));
            const float length = cell.x - kCross - 2;
            const int houses = std::max(1, static_cast<int>(std::round(length / kHouse)));
            std::vector<Mat> walls;
            for (int h = 0; h < houses; ++h)
                walls.push_back(fronts[static_cast<int>(pick(seed, 16 * k + 3 + h, 0, 6.99f))]);
            const int floors = static_cast<int>(pick(seed, 16 * k, static_cast<float>(minFloors),
                                                     static_cast<float>(maxFloors) + 0.99f));
            const Mat roof = pick(seed, 16 * k + 1, 0, 1) < 0.7f ? Mat::RoofTiles : Mat::RoofSlate;
            const glm::vec3 at{west + kCross + 1 + length / 2, 0,
                               z + kStreet + kGarden + depth / 2};
            merge(town, terrace(length, depth, kStorey * static_cast<float>(floors), walls, roof),
                  place(at));
        }
    }
    return town;
}

Parts envelope(float sx, float sz, int floors, Mat facade) {
    return walledBlock(sx, sz, kStorey * static_cast<float>(floors) + kRoofInsulation, facade,
                       Mat::Concrete, Mat::Gravel);
}

Parts greenRoof(float sx, float sz, float y) {
    Parts p = slab(Mat::Sedum, sx - 1, sz - 1, y + 0.68f);
    for (int i = 0; i < 6; ++i) {
        const glm::vec3 at(pick(7, i, -sx / 3, sx / 3), y + 0.7f, pick(8, i, -sz / 3, sz / 3));
        Geometry bush;
        glbkit::addSphere(bush, at, 0.9f, 6);
        p[Mat::Foliage].append(bush, glm::mat4(1));
    }
    return p;
}

Parts solarArray(float sx, float sz, float y) {
    Parts p;
    const float tilt = 0.44f, depth = 1.7f;  // 25 degrees, one panel deep
    const float dy = depth * std::sin(tilt), dz = depth * std::cos(tilt);
    const int rows = std::max(1, static_cast<int>((sz - 2) / 3.2f));
    for (int r = 0; r < rows; ++r) {
        const float z = -sz / 2 + 1 + 3.2f * static_cast<float>(r) + dz;
        addPatch(p[Mat::Solar], {-sx / 2 + 1, y + 0.9f, z}, {sx - 2, 0, 0}, {0, dy, -dz});
        addPatch(p[Mat::SteelDark], {sx / 2 - 1, y + 0.9f, z}, {-(sx - 2), 0, 0}, {0, dy, -dz});
    }
    return p;
}

Parts pavilion(float sx, float sz, float height) {
    Parts p;
    const float base = height * 0.4f;
    detail::walls(p[Mat::Glazing], sx - 4, sz - 4, 0, base);
    addBox(p[Mat::Paint], {-sx / 2, base, -sz / 2}, {sx / 2, height, sz / 2}, true);
    addBox(p[Mat::SteelDark], {-sx / 2 - 3, height, -sz / 2 - 3},
           {sx / 2 + 3, height + 0.5f, sz / 2 + 3}, true);
    merge(p, slab(Mat::Paving, sx + 16, sz + 16, level::kPath), glm::mat4(1));  // its forecourt
    return p;
}

namespace {

// A glazed opening on a wall facing +Z at z: a dark frame, the glass 3 cm
// proud of it and 10 cm inside its edge.
void addWindow(Parts& p, float x0, float x1, float y0, float y1, float z) {
    addPatch(p[Mat::SteelDark], {x0, y0, z + 0.02f}, {x1 - x0, 0, 0}, {0, y1 - y0, 0});
    addPatch(p[Mat::Glazing], {x0 + 0.1f, y0 + 0.1f, z + 0.05f}, {x1 - x0 - 0.2f, 0, 0},
             {0, y1 - y0 - 0.2f, 0});
}

// A door in an accent colour on a wall facing +Z, under a small steel canopy
// unless something above shelters it.
void addDoor(Parts& p, float x, float z, Mat accent, bool canopy = true) {
    addPatch(p[accent], {x - 0.5f, 0, z + 0.02f}, {1.0f, 0, 0}, {0, 2.2f, 0});
    if (canopy)
        addBox(p[Mat::SteelDark], {x - 0.9f, 2.45f, z - 0.05f}, {x + 0.9f, 2.6f, z + 1.1f}, true);
}

// A 20-foot shipping container: 2.44 m wide, 2.59 high, 6.06 long along z (or
// along x, `crosswise`), from `lo`; dark steel corner posts 2 cm proud.
constexpr float kBoxWidth = 2.44f, kBoxHeight = 2.59f, kBoxLength = 6.06f;
void addContainer(Parts& p, Mat body, glm::vec3 lo, bool crosswise) {
    const glm::vec3 size = crosswise ? glm::vec3(kBoxLength, kBoxHeight, kBoxWidth)
                                     : glm::vec3(kBoxWidth, kBoxHeight, kBoxLength);
    addBox(p[body], lo, lo + size, true);
    constexpr float post = 0.16f;
    for (float x : {lo.x, lo.x + size.x - post})
        for (float z : {lo.z, lo.z + size.z - post})
            addBox(p[Mat::SteelDark], {x - 0.02f, lo.y, z - 0.02f},
                   {x + post + 0.02f, lo.y + size.y + 0.02f, z + post + 0.02f});
}

// A container's cargo doors, on its end facing +Z at z from x0: two leaves,
// each with two locking bars.
void addCargoDoors(Parts& p, float x0, float z) {
    for (float x : {0.35f, 0.85f, 1.6f, 2.1f})
        addPatch(p[Mat::SteelDark], {x0 + x - 0.025f, 0.2f, z + 0.02f}, {0.05f, 0, 0},
                 {0, kBoxHeight - 0.4f, 0});
    addPatch(p[Mat::SteelDark], {x0 + kBoxWidth / 2 - 0.01f, 0.15f, z + 0.02f}, {0.02f, 0, 0},
             {0, kBoxHeight - 0.3f, 0});
}

// One studio facing +-Z, centred on x: one of three kinds in turn (the shed
// `size` square, the containers of their own size).
void addStudio(Parts& p, int i, float x, float size) {
    const Mat accents[] = {Mat::StudioYellow, Mat::StudioTeal, Mat::StudioCoral};
    const Mat accent = accents[(i / 3) % 3];
    const float half = size / 2, end = kBoxLength / 2;
    Parts unit, back;  // back: the -Z side, drawn facing +Z and turned
    if (i % 3 == 0) {
        // A timber-clad shed under a mono-pitch steel roof.
        const float h = size * 0.8f;
        addBox(unit[Mat::TimberCladding], {-half, 0, -half}, {half, h, half});
        addBox(unit[Mat::SteelDark], {-half - 0.3f, h, -half - 0.4f},
               {half + 0.3f, h + 0.2f, half + 0.4f}, true);
        addWindow(unit, -half + 0.6f, 0.2f * size, 0.5f, h - 0.5f, half);
        addDoor(unit, 0.3f * size, half, accent);
        addWindow(back, -half + 0.8f, half - 0.8f, 1.0f, h - 0.6f, half);
    } else if (i % 3 == 1) {
        // Two containers side by side, one glazed at its end, one with a door;
        // a third across them, cantilevered 1.2 m over their ends, a window
        // along each side.
        const Mat left = i % 2 ? Mat::ContainerTeal : Mat::ContainerCoral;
        const Mat right = i % 2 ? Mat::ContainerCoral : Mat::ContainerYellow;
        const Mat upper = i % 2 ? Mat::ContainerYellow : Mat::ContainerTeal;
        const float y = kBoxHeight + 0.05f, front = end + 1.2f;
        addContainer(unit, left, {-kBoxWidth, 0, -end}, false);
        addContainer(unit, right, {0, 0, -end}, false);
        addContainer(unit, upper, {-end, y, front - kBoxWidth}, true);
        addWindow(unit, -kBoxWidth + 0.25f, -0.25f, 0.3f, kBoxHeight - 0.3f, end);
        addDoor(unit, 0.8f, end, accent, false);
        addWindow(unit, 1.5f, kBoxWidth - 0.25f, 0.9f, 2.1f, end);
        addWindow(unit, -end + 0.4f, end - 0.4f, y + 0.5f, y + kBoxHeight - 0.4f, front);
        addWindow(back, 0.3f, kBoxWidth - 0.3f, 0.9f, 2.2f, end);
        addCargoDoors(back, -kBoxWidth, end);
        addWindow(back, -end + 0.6f, end - 0.6f, y + 0.9f, y + kBoxHeight - 0.5f,
                  kBoxWidth - front);
    } else {
        // A container glazed at its end, over a timber deck; its cargo doors
        // behind.
        const Mat body = (i / 3) % 2 ? Mat::ContainerYellow : Mat::ContainerCoral;
        addContainer(unit, body, {-kBoxWidth / 2, 0, -end}, false);
        addWindow(unit, -kBoxWidth / 2 + 0.25f, kBoxWidth / 2 - 0.25f, 0.3f, kBoxHeight - 0.3f,
                  end);
        addBox(unit[Mat::Timber], {-kBoxWidth / 2 - 0.6f, 0, end + 0.05f},
               {kBoxWidth / 2 + 0.6f, 0.25f, end + 2.0f});
        addCargoDoors(back, -kBoxWidth / 2, end);
    }
    merge(unit, back, place({0, 0, 0}, kPi));
    merge(p, unit, place({x, 0, 0}));
}

}  // namespace

Parts studios(int count, float size) {
    Parts p;
    for (int i = 0; i < count; ++i)
        addStudio(p, i, (static_cast<float>(i) - static_cast<float>(count - 1) / 2) * (size + 1.5f),
                  size);
    return p;
}

void addMural(Parts& into, const MuralSpec& s) {
    const float h = s.wallHeight;
    for (std::size_t k = 0; k < s.colours.size(); ++k) {
        const float y0 = 2 + h * 0.3f * static_cast<float>(k), y1 = y0 + h * 0.28f;
        addPatch(into[s.colours[k]], {s.at.x + s.gable, y0, s.at.y + s.width / 2}, {0, 0, -s.width},
                 {0, y1 - y0, 0});
    }
}

Parts tramTracks(glm::vec2 a, glm::vec2 b) {
    Parts p = strip(Mat::Grass, {a, b}, 7.0f, level::kRoadway);
    const float rail = level::kRoadway + 0.08f;  // rails 14 cm proud of the grass bed
    const glm::vec2 d = glm::normalize(b - a), side(-d.y, d.x);
    for (float t : {-1.6f, 1.6f}) {
        for (float r : {-0.72f, 0.72f}) {
            const glm::vec2 s = a + side * (t + r), e = b + side * (t + r);
            addBeam(p[Mat::SteelLight], {s.x, rail, s.y}, {e.x, rail, e.y}, 0.12f);
        }
    }
    const int poles = static_cast<int>(glm::length(b - a) / 30);
    for (int i = 0; i <= poles; ++i) {
        const glm::vec2 q =
            glm::mix(a, b, static_cast<float>(i) / static_cast<float>(std::max(1, poles))) +
            side * 4.2f;
        const glm::vec2 arm = q - side * 6.0f;
        addBeam(p[Mat::SteelDark], {q.x, 0, q.y}, {q.x, 7, q.y}, 0.25f);
        addBeam(p[Mat::SteelDark], {q.x, 6.8f, q.y}, {arm.x, 6.8f, arm.y}, 0.12f);
    }
    merge(p, strip(Mat::SteelDark, {a, b}, 0.05f, 6.4f),
          glm::translate(glm::mat4(1), glm::vec3(side.x, 0, side.y) * 1.6f));
    merge(p, strip(Mat::SteelDark, {a, b}, 0.05f, 6.4f),
          glm::translate(glm::mat4(1), glm::vec3(side.x, 0, side.y) * -1.6f));
    return p;
}

Parts tram(float length) {
    Parts p;
    const float l = length / 2;
    addBox(p[Mat::TramRed], {-l, 0.4f, -1.32f}, {l, 1.4f, 1.32f});
    addBox(p[Mat::Glazing], {-l + 0.3f, 1.4f, -1.28f}, {l - 0.3f, 2.7f, 1.28f});
    addBox(p[Mat::Paint], {-l, 2.7f, -1.32f}, {l, 3.3f, 1.32f});
    addBox(p[Mat::TramRed], {-l - 0.8f, 0.4f, -1.2f}, {-l, 2.9f, 1.2f});
    addBox(p[Mat::TramRed], {l, 0.4f, -1.2f}, {l + 0.8f, 2.9f, 1.2f});
    addBeam(p[Mat::SteelDark], {0, 3.3f, 0}, {1.5f, 4.4f, 0}, 0.1f);
    return p;
}

Parts tramStop() {
    // A platform 25 cm high, paved on top: the concrete stops a level short of
    // the paving, so that the two tops do not share a plane.
    Parts p = slab(Mat::Paving, 30, 3, 0.25f);
    addBox(p[Mat::Concrete], {-15, 0, -1.5f}, {15, 0.25f - level::kStep, 1.5f});
    addBox(p[Mat::SteelDark], {-6, 2.8f, -1.4f}, {6, 3.0f, 1.4f}, true);
    addPatch(p[Mat::Glazing], {-6, 0.3f, -1.3f}, {12, 0, 0}, {0, 2.5f, 0});
    for (float x : {-5.5f, 5.5f})
        addBeam(p[Mat::SteelDark], {x, 0.25f, -1.2f}, {x, 2.8f, -1.2f}, 0.15f);
    return p;
}

Parts bench() {
    Parts p;
    addBox(p[Mat::Timber], {-1, 0.4f, -0.25f}, {1, 0.5f, 0.25f});
    addBox(p[Mat::SteelDark], {-0.9f, 0, -0.2f}, {-0.8f, 0.4f, 0.2f});
    addBox(p[Mat::SteelDark], {0.8f, 0, -0.2f}, {0.9f, 0.4f, 0.2f});
    return p;
}

Parts car(Mat paint) {
    Parts p;
    const float l = kCarLength / 2, w = kCarWidth / 2;
    // On its wheels: a dark box under each axle shows below the sills.
    for (const float x : {-l + 0.75f, l - 0.75f})
        addBox(p[Mat::SteelDark], {x - 0.33f, 0, -w + 0.04f}, {x + 0.33f, 0.6f, w - 0.04f});
    addBox(p[paint], {-l, 0.28f, -w}, {l, 0.8f, w});
    // The glasshouse slopes back from the bonnet and down to the boot, under
    // a painted roof; its corners go round the waist (base) and the roof (top).
    // The roof clear of a tram's waist (1.4 m): a car beside a tram's track.
    const float waist = 0.8f, roof = 1.43f, wg = w - 0.06f, wr = w - 0.18f;
    const std::array<glm::vec3, 4> base = {glm::vec3(0.9f, waist, -wg), glm::vec3(0.9f, waist, wg),
                                           glm::vec3(-1.55f, waist, wg),
                                           glm::vec3(-1.55f, waist, -wg)};
    const std::array<glm::vec3, 4> top = {glm::vec3(0.2f, roof, -wr), glm::vec3(0.2f, roof, wr),
                                          glm::vec3(-1.3f, roof, wr), glm::vec3(-1.3f, roof, -wr)};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::size_t j = (i + 1) % 4;  // round the corners, clockwise seen from above
        glbkit::addTriangle(p[Mat::Glazing], base[j], base[i], top[i]);
        glbkit::addTriangle(p[Mat::Glazing], base[j], top[i], top[j]);
    }
    glbkit::addPatch(p[paint], top[3], top[2] - top[3], top[0] - top[3]);  // the roof, facing up
    return p;
}

Parts walker() {
    Parts p;
    addBox(p[Mat::SteelDark], {-0.1f, 0, -0.16f}, {0.1f, 0.85f, 0.16f});  // legs
    addBox(p[Mat::Clothing], {-0.13f, 0.85f, -0.23f}, {0.13f, 1.48f, 0.23f});
    glbkit::addSphere(p[Mat::Skin], {0, 1.6f, 0}, 0.12f, 6);
    return p;
}

Parts cyclist() {
    Parts p;
    for (float x : {-0.55f, 0.55f})  // wheels 70 cm across
        glbkit::addPipe(p[Mat::SteelDark], {x, 0.35f, -0.02f}, {x, 0.35f, 0.02f}, 0.35f, 10);
    addBeam(p[Mat::SteelDark], {-0.55f, 0.35f, 0}, {0.1f, 0.85f, 0}, 0.05f);   // frame
    addBeam(p[Mat::SteelDark], {0.55f, 0.35f, 0}, {0.45f, 1.0f, 0}, 0.05f);    // fork
    addBox(p[Mat::SteelDark], {-0.12f, 0.6f, -0.12f}, {0.12f, 0.95f, 0.12f});  // legs
    addBeam(p[Mat::Clothing], {-0.05f, 0.95f, 0}, {0.2f, 1.5f, 0}, 0.36f);     // leaning back
    glbkit::addSphere(p[Mat::Skin], {0.27f, 1.64f, 0}, 0.12f, 6);
    return p;
}

Parts lampPosts(glm::vec2 a, glm::vec2 b, float spacing) {
    Parts p;
    const int n = std::max(1, static_cast<int>(glm::length(b - a) / spacing));
    for (int i = 0; i <= n; ++i) {
        const glm::vec2 q = glm::mix(a, b, static_cast<float>(i) / static_cast<float>(n));
        addBeam(p[Mat::SteelDark], {q.x, 0, q.y}, {q.x, 6, q.y}, 0.15f);
        addBox(p[Mat::Paint], {q.x - 0.5f, 6, q.y - 0.2f}, {q.x + 0.5f, 6.25f, q.y + 0.2f}, true);
    }
    return p;
}

Parts deciduousTree() {
    Parts p;
    glbkit::addPipe(p[Mat::Bark], {0, 0, 0}, {0, 3.5f, 0}, 0.25f, 6);
    glbkit::addSphere(p[Mat::Foliage], {0, 5, 0}, 2.6f, 8);
    glbkit::addSphere(p[Mat::Foliage], {0.9f, 6.6f, 0.4f}, 1.8f, 8);
    return p;
}

Parts conifer() {
    Parts p;
    glbkit::addPipe(p[Mat::Bark], {0, 0, 0}, {0, 2, 0}, 0.2f, 6);
    addLathe(p[Mat::Foliage], {{0, 1.5f}, {2.2f, 1.5f}, {0, 7}}, 8);
    addLathe(p[Mat::Foliage], {{0, 5}, {1.6f, 5}, {0, 10}}, 8);
    return p;
}

Parts shrub(Mat foliage) {
    Parts p;
    Geometry ball;
    glbkit::addSphere(ball, {0, 0.5f, 0}, 1.0f, 6);
    Geometry& g = p[foliage];
    g.append(ball, glm::scale(glm::mat4(1), {1.2f, 0.8f, 1.0f}));
    // Its foot cut off a centimetre above the ground rather than sunk below
    // it: a site's lowest point stays its ground's, level with the landscape
    // around it. The cut is left open: it faces the ground, and the feet of two
    // shrubs side by side would share a plane.
    constexpr float kFoot = 0.01f;
    for (glm::vec3& v : g.positions) v.y = std::max(v.y, kFoot);
    std::vector<std::uint32_t> kept;
    for (std::size_t i = 0; i < g.indices.size(); i += 3) {
        const auto onFoot = [&](std::size_t k) { return g.positions[g.indices[i + k]].y == kFoot; };
        if (onFoot(0) && onFoot(1) && onFoot(2)) continue;
        kept.insert(kept.end(), g.indices.begin() + i, g.indices.begin() + i + 3);
    }
    g.indices = std::move(kept);
    return p;
}

std::vector<glbkit::Instance> scatter(glm::vec2 centre, glm::vec2 size, int count,
                                      std::uint32_t seed, float minScale, float maxScale) {
    std::vector<glbkit::Instance> out;
    for (int i = 0; i < count; ++i) {
        const glm::vec2 q =
            centre +
            glm::vec2(pick(seed, 4 * i, -0.5f, 0.5f), pick(seed, 4 * i + 1, -0.5f, 0.5f)) * size;
        out.push_back({{q.x, 0, q.y},
                       pick(seed, 4 * i + 2, 0, 2 * kPi),
                       pick(seed, 4 * i + 3, minScale, maxScale)});
    }
    return out;
}

std::vector<glbkit::Instance> alongLine(glm::vec2 a, glm::vec2 b, float spacing,
                                        std::uint32_t seed) {
    std::vector<glbkit::Instance> out;
    const int n = std::max(1, static_cast<int>(glm::length(b - a) / spacing));
    for (int i = 0; i <= n; ++i) {
        const glm::vec2 q = glm::mix(a, b, static_cast<float>(i) / static_cast<float>(n));
        out.push_back(
            {{q.x, 0, q.y}, pick(seed, 2 * i, 0, 2 * kPi), pick(seed, 2 * i + 1, 0.9f, 1.1f)});
    }
    return out;
}

std::vector<glbkit::Instance> aroundEllipse(glm::vec2 centre, glm::vec2 radii, int count,
                                            std::uint32_t seed) {
    std::vector<glbkit::Instance> out;
    for (int i = 0; i < count; ++i) {
        const float a = 2 * kPi * (static_cast<float>(i) + pick(seed, 3 * i, -0.3f, 0.3f)) /
                        static_cast<float>(count);
        const float r = pick(seed, 3 * i + 1, 1.0f, 1.25f);
        out.push_back(
            {{centre.x + radii.x * r * std::cos(a), 0, centre.y + radii.y * r * std::sin(a)},
             a,
             pick(seed, 3 * i + 2, 0.8f, 1.2f)});
    }
    return out;
}

}  // namespace sitegen
