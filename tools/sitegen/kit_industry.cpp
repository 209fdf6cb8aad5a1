// The industrial half of the kit: halls, chimneys, the blast furnace and its
// stoves, the gasometer, conveyors, rails, heaps, smoke.
#include <cmath>
#include <functional>

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
using glbkit::addPipe;
using glbkit::addTriangle;
using glbkit::Geometry;

namespace {

constexpr float kTrussMember = 0.28f;  // the section of a truss bar, metres
constexpr float kTrussInset = 0.05f;   // how far a truss's ends stop inside the walls
// Rails 14 cm square, their tops halfway between two ground levels (3.5 steps
// above the ballast): a park or soil laid over old sidings never shares their plane.
constexpr float kRailSection = 0.14f;
constexpr float kRail = level::kBallast + 3.5f * level::kStep - kRailSection / 2;

// The roof's cross-section as (z, y) points from one long wall to the other.
std::vector<glm::vec2> roofProfile(const HallSpec& s) {
    const float w = s.width / 2, h = s.height;
    switch (s.roof) {
        case Roof::Gable:
            return {{-w, h}, {0, h + s.width * 0.22f}, {w, h}};
        case Roof::Shed:
            return {{-w, h}, {w, h + s.width * 0.18f}};
        case Roof::Barrel: {
            std::vector<glm::vec2> arc;
            constexpr int kSteps = 12;
            for (int i = 0; i <= kSteps; ++i) {
                const float a = kPi * (1 - static_cast<float>(i) / kSteps);
                arc.push_back({w * std::cos(a), h + s.width * 0.3f * std::sin(a)});
            }
            return arc;
        }
        case Roof::Sawtooth:
        case Roof::Flat:
            break;
    }
    return {{-w, h}, {w, h}};
}

float sawtoothRise(float tooth) {
    return std::min(5.0f, tooth * 0.45f);
}

int sawtoothTeeth(const HallSpec& s) {
    return std::max(2, static_cast<int>(std::lround(s.length / 9)));
}

float profileHeight(const std::vector<glm::vec2>& p, float z) {
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        if (z <= p[i + 1].x) {
            const float t = (z - p[i].x) / std::max(1e-4f, p[i + 1].x - p[i].x);
            return glm::mix(p[i].y, p[i + 1].y, glm::clamp(t, 0.0f, 1.0f));
        }
    }
    return p.back().y;
}

// The profile extruded along the hall, facing up, lifted by `lift`.
void extrudeRoof(Geometry& g, const std::vector<glm::vec2>& p, float length, float lift) {
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        const glm::vec2 d = p[i + 1] - p[i];
        addPatch(g, {length / 2, p[i].y + lift, p[i].x}, {-length, 0, 0}, {0, d.y, d.x});
    }
}

// The end wall above the eaves, fanned from the eaves' midpoint; `facing` is
// +1 for the +X end, -1 for the -X end.
void gableEnd(Geometry& g, const std::vector<glm::vec2>& p, float x, float eaves, float facing) {
    std::vector<glm::vec2> ring = {{p.front().x, eaves}};
    ring.insert(ring.end(), p.begin(), p.end());
    ring.push_back({p.back().x, eaves});
    const glm::vec3 c(x, eaves, 0);
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const glm::vec3 a(x, ring[i].y, ring[i].x), b(x, ring[i + 1].y, ring[i + 1].x);
        if (glm::length(glm::cross(a - c, b - c)) < 1e-3f) continue;  // on the eaves line
        facing > 0 ? addTriangle(g, c, a, b) : addTriangle(g, c, b, a);
    }
}

// A Pratt truss across the hall at `x`, under a roof whose top is `top(z)`.
void truss(Geometry& g, float x, float width, float eaves, const std::function<float(float)>& top) {
    const int panels = std::max(2, static_cast<int>(std::lround(width / 3)));
    // The truss bears on the walls, its ends a little inside them: an end in
    // the wall's own plane would fight with it.
    const float span = width - 2.0f * kTrussInset;
    const auto at = [&](int i) {
        return -span / 2 + span * static_cast<float>(i) / static_cast<float>(panels);
    };
    const auto upper = [&](float z) { return glm::vec3(x, top(z) - kTrussMember, z); };
    addBeam(g, {x, eaves, -span / 2}, {x, eaves, span / 2}, kTrussMember);
    for (int i = 0; i < panels; ++i) {
        const float z0 = at(i), z1 = at(i + 1);
        addBeam(g, upper(z0), upper(z1), kTrussMember);
        if (upper(z1).y - eaves > 0.4f) addBeam(g, {x, eaves, z1}, upper(z1), kTrussMember * 0.7f);
        // Diagonals lean towards the middle, as the tension members of a Pratt truss do.
        if (z1 <= 0)
            addBeam(g, upper(z0), {x, eaves, z1}, kTrussMember * 0.7f);
        else
            addBeam(g, {x, eaves, z0}, upper(z1), kTrussMember * 0.7f);
    }
}

void hallWindows(Geometry& g, const HallSpec& s) {
    if (!s.windows || s.height < 6) return;
    const int bays = std::max(1, static_cast<int>(s.length / s.bay));
    const float bay = s.length / static_cast<float>(bays), w = bay * 0.45f;
    const float y0 = 1.5f, y1 = s.height - 1.5f, z = s.width / 2 + 0.05f;
    for (int i = 0; i < bays; ++i) {
        const float x = -s.length / 2 + bay * (static_cast<float>(i) + 0.5f);
        addPatch(g, {x - w / 2, y0, z}, {w, 0, 0}, {0, y1 - y0, 0});
        addPatch(g, {x + w / 2, y0, -z}, {-w, 0, 0}, {0, y1 - y0, 0});
    }
}

void sawtooth(HallParts& out, const HallSpec& s) {
    const int teeth = sawtoothTeeth(s);
    const float tooth = s.length / static_cast<float>(teeth), rise = sawtoothRise(tooth);
    const float w = s.width / 2, h = s.height;
    for (int i = 0; i < teeth; ++i) {
        const float x0 = -s.length / 2 + tooth * static_cast<float>(i), x1 = x0 + tooth;
        addPatch(out.roof[s.roofing], {x0, h, -w}, {0, 0, s.width}, {tooth, rise, 0});
        addPatch(out.roof[Mat::Glazing], {x1, h, w}, {0, 0, -s.width}, {0, rise, 0});
        addPatch(out.glazing[Mat::Glazing], {x0, h + 0.08f, -w}, {0, 0, s.width}, {tooth, rise, 0});
        addTriangle(out.structure[s.wall], {x0, h, w}, {x1, h, w}, {x1, h + rise, w});
        addTriangle(out.structure[s.wall], {x1, h, -w}, {x0, h, -w}, {x1, h + rise, -w});
        truss(out.structure[Mat::SteelRed], x1 - 0.3f, s.width, h, [&](float) { return h + rise; });
    }
}

void profiledRoof(HallParts& out, const HallSpec& s) {
    const std::vector<glm::vec2> p = roofProfile(s);
    const float l = s.length / 2, h = s.height;
    extrudeRoof(out.roof[s.roofing], p, s.length, 0);
    extrudeRoof(out.glazing[Mat::Glazing], p, s.length, 0.08f);
    gableEnd(out.structure[s.wall], p, l, h, 1);
    gableEnd(out.structure[s.wall], p, -l, h, -1);
    // A shed roof's high side needs its wall raised to meet it.
    if (p.back().y > h)
        addPatch(out.structure[s.wall], {-l, h, s.width / 2}, {s.length, 0, 0},
                 {0, p.back().y - h, 0});
    const int bays = std::max(1, static_cast<int>(std::lround(s.length / s.bay)));
    for (int i = 0; i <= bays; ++i) {
        const float x =
            -l + 0.4f + (s.length - 0.8f) * static_cast<float>(i) / static_cast<float>(bays);
        truss(out.structure[Mat::SteelRed], x, s.width, h,
              [&](float z) { return profileHeight(p, z); });
    }
}

}  // namespace

HallParts hall(const HallSpec& s) {
    HallParts out;
    detail::walls(out.structure[s.wall], s.length, s.width, 0, s.height);
    hallWindows(out.structure[Mat::Glazing], s);
    const float l = s.length / 2 + 0.05f, door = std::min(7.0f, s.width * 0.3f);
    const float doorHeight = std::min(6.0f, s.height * 0.6f);
    addPatch(out.structure[Mat::SteelDark], {l, 0, door / 2}, {0, 0, -door}, {0, doorHeight, 0});
    // The reconversion opens both ends with full-height glass.
    const float opening = s.width * 0.6f, openingHeight = s.height * 0.85f;
    addPatch(out.glazing[Mat::Glazing], {l + 0.05f, 0, opening / 2}, {0, 0, -opening},
             {0, openingHeight, 0});
    addPatch(out.glazing[Mat::Glazing], {-l - 0.05f, 0, -opening / 2}, {0, 0, opening},
             {0, openingHeight, 0});
    if (s.roof == Roof::Sawtooth)
        sawtooth(out, s);
    else
        profiledRoof(out, s);
    return out;
}

Parts chimney(float height, float r, Mat mat) {
    Parts p;
    addLathe(p[Mat::Concrete], {{r * 1.5f, 0}, {r * 1.5f, 4}, {r * 1.2f, 4.5f}}, 16);
    addLathe(p[mat], {{r * 1.2f, 4.5f}, {r * 0.65f, height}}, 16);
    addLathe(p[Mat::SteelDark],
             {{r * 0.72f, height - 1.5f},
              {r * 0.72f, height},
              {r * 0.5f, height},
              {r * 0.5f, height - 2}},
             16);
    return p;
}

Parts blastFurnace() {
    Parts p;
    addBox(p[Mat::Concrete], {-16, 0, -14}, {16, 9, 14});  // the casting floor
    addLathe(p[Mat::Rust],
             {{7, 9}, {7, 15}, {9.5f, 21}, {9.5f, 26}, {6.5f, 44}, {5, 50}, {3, 54}, {0, 55}}, 24);
    Geometry& frame = p[Mat::SteelDark];
    for (float sx : {-1.0f, 1.0f})
        for (float sz : {-1.0f, 1.0f})
            addBeam(frame, {sx * 11, 9, sz * 11}, {sx * 7, 62, sz * 7}, 0.9f);
    for (float y : {30.0f, 46.0f, 58.0f}) addBox(frame, {-10, y, -10}, {10, y + 0.6f, 10}, true);
    // Uptakes rise from the throat, meet, and the downcomer falls to the dust catcher.
    Geometry& pipes = p[Mat::Rust];
    addPipe(pipes, {-3.5f, 50, 0}, {-3.5f, 66, 0}, 1.2f, 12);
    addPipe(pipes, {3.5f, 50, 0}, {3.5f, 66, 0}, 1.2f, 12);
    addPipe(pipes, {-4.7f, 66, 0}, {4.7f, 66, 0}, 1.3f, 12);
    addPipe(pipes, {0, 66, 0}, {-26, 34, 0}, 1.4f, 12);
    Geometry catcher;
    addLathe(catcher, {{2, 12}, {7, 20}, {7, 32}, {2, 37}, {0, 37}}, 20);
    pipes.append(catcher, place({-26, 0, 0}));
    for (float sx : {-1.0f, 1.0f})
        for (float sz : {-1.0f, 1.0f})
            addBeam(frame, {-26 + sx * 4, 0, sz * 4}, {-26 + sx * 5, 20, sz * 5}, 0.6f);
    merge(p, conveyor({48, 0, 10}, {6, 54, 2}, 3.5f), glm::mat4(1));  // the skip incline
    return p;
}

Parts hotBlastStoves(int count, float height) {
    Parts p;
    for (int i = 0; i < count; ++i) {
        const float x = static_cast<float>(i) * 12;
        std::vector<glm::vec2> shell = {{4.5f, 0}, {4.5f, height}};
        for (int k = 1; k <= 5; ++k) {
            const float a = kPi / 2 * static_cast<float>(k) / 5;
            shell.push_back({k == 5 ? 0 : 4.5f * std::cos(a), height + 4.5f * std::sin(a)});
        }
        Geometry stove;
        addLathe(stove, shell, 20, true);
        p[Mat::SteelLight].append(stove, place({x, 0, 0}));
        addPipe(p[Mat::Rust], {x, 6, 4}, {x, 6, 9}, 1.0f, 10);
    }
    addPipe(p[Mat::Rust], {-8, 6, 9}, {static_cast<float>(count - 1) * 12 + 2, 6, 9}, 1.4f, 12);
    return p;
}

Parts gasometer(float radius, float height) {
    Parts p;
    std::vector<glm::vec2> shell = {{radius, 0}, {radius, height * 0.82f}};
    for (int k = 1; k <= 4; ++k) {
        const float a = kPi / 2 * static_cast<float>(k) / 4;
        shell.push_back(
            {k == 4 ? 0 : radius * std::cos(a), height * 0.82f + radius * 0.25f * std::sin(a)});
    }
    addLathe(p[Mat::SteelRed], shell, 32);
    constexpr int kColumns = 14;
    const float ring = radius + 1.5f;
    const auto column = [&](int i, float y) {
        const float a = 2 * kPi * static_cast<float>(i) / kColumns;
        return glm::vec3(ring * std::cos(a), y, ring * std::sin(a));
    };
    for (int i = 0; i < kColumns; ++i) {
        addBeam(p[Mat::SteelDark], column(i, 0), column(i, height), 0.7f);
        for (float y : {height * 0.35f, height * 0.7f, height})
            addBeam(p[Mat::SteelDark], column(i, y), column(i + 1, y), 0.5f);
    }
    return p;
}

Parts coolingTower(float radius, float height) {
    Parts p;
    std::vector<glm::vec2> outer, inner;
    constexpr int kSteps = 10;
    for (int i = 0; i <= kSteps; ++i) {
        const float t = static_cast<float>(i) / kSteps, y = t * height;
        // A hyperboloid, narrowest at three quarters of the height.
        const float r = radius * 0.62f * std::sqrt(1 + std::pow((t - 0.75f) / 0.42f, 2.0f));
        outer.push_back({r, y});
        inner.insert(inner.begin(), {r - 0.6f, y});
    }
    addLathe(p[Mat::Concrete], outer, 32, true);
    addLathe(p[Mat::Concrete], inner, 32, true);
    addLathe(p[Mat::Concrete], {{outer.back().x, height}, {inner.front().x, height}}, 32);
    return p;
}

Parts conveyor(glm::vec3 a, glm::vec3 b, float width) {
    Parts p;
    float length = 0;
    const glm::mat4 frame = detail::groundFrame(a, b, length);
    const float rise = b.y - a.y;
    // The gallery: a box sheared up the slope, one cladding panel per side.
    Geometry gallery;
    const float h = 2.6f, w = width / 2;
    const glm::vec3 up(length, rise, 0);
    addPatch(gallery, {0, 0, w}, up, {0, h, 0});
    addPatch(gallery, {length, rise, -w}, -up, {0, h, 0});
    addPatch(gallery, {0, h, w}, up, {0, 0, -width});
    addPatch(gallery, {0, 0, -w}, up, {0, 0, width});
    p[Mat::Corrugated].append(gallery, frame);
    const int trestles = std::max(1, static_cast<int>(length / 22));
    for (int i = 1; i <= trestles; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(trestles + 1);
        const float x = t * length, y = a.y + t * rise;
        if (y < 3) continue;
        Geometry legs;
        for (float z : {-w, w}) addBeam(legs, {x, -a.y, z}, {x, y - a.y, z}, 0.5f);
        addBeam(legs, {x, -a.y, -w}, {x, y - a.y, w}, 0.3f);
        p[Mat::SteelDark].append(legs, frame);
    }
    return p;
}

Parts railSiding(glm::vec2 a, glm::vec2 b, int tracks) {
    Parts p;
    const glm::vec2 d = glm::normalize(b - a), side(-d.y, d.x);
    for (int t = 0; t < tracks; ++t) {
        const glm::vec2 off =
            side * (static_cast<float>(t) - static_cast<float>(tracks - 1) / 2) * 4.5f;
        merge(p, strip(Mat::Track, {a + off, b + off}, 3.0f, level::kBallast), glm::mat4(1));
        for (float r : {-0.72f, 0.72f}) {
            const glm::vec2 s = a + off + side * r, e = b + off + side * r;
            addBeam(p[Mat::SteelLight], {s.x, kRail, s.y}, {e.x, kRail, e.y}, kRailSection);
        }
    }
    return p;
}

Parts wagons(glm::vec2 a, glm::vec2 b, int count, Mat load) {
    Parts p;
    float length = 0;
    const glm::mat4 frame = detail::groundFrame({a.x, 0, a.y}, {b.x, 0, b.y}, length);
    const float step = length / static_cast<float>(count);
    for (int i = 0; i < count; ++i) {
        const float x = step * static_cast<float>(i) + 1;
        Geometry body, heap, under;
        addBox(under, {x, 0.3f, -1.2f}, {x + step - 2, 1.1f, 1.2f});
        addBox(body, {x, 1.1f, -1.5f}, {x + step - 2, 3.6f, 1.5f});
        glbkit::addLathe(heap, {{1.4f, 0}, {0, 0.9f}}, 8);
        p[Mat::SteelDark].append(under, frame);
        p[Mat::Rust].append(body, frame);
        const glm::mat4 fill = glm::translate(glm::mat4(1), {x + (step - 2) / 2, 3.6f, 0});
        p[load].append(heap, frame * glm::scale(fill, {(step - 2) / 2.8f, 1, 1}));
    }
    return p;
}

float heapHeight(float rx, float rz, float height, std::uint32_t seed, float x, float z) {
    const float f1 = pick(seed, 0, 0.15f, 0.35f), f2 = pick(seed, 1, 0.15f, 0.35f);
    const float phase = pick(seed, 2, 0, 6);
    const float d2 = (x / rx) * (x / rx) + (z / rz) * (z / rz);
    const float dome = std::pow(std::max(0.0f, 1 - d2), 0.7f);
    const float bumps = 0.8f + 0.12f * std::sin(x * f1 + phase) + 0.1f * std::sin(z * f2 - phase);
    // Sunk a little so the skirt of the grid hides under the ground it stands on.
    return height * dome * bumps - 0.05f;
}

Parts heap(Mat mat, float rx, float rz, float height, std::uint32_t seed) {
    Parts p;
    glbkit::addHeightGrid(p[mat], 2 * rx, 2 * rz, 32,
                          [&](float x, float z) { return heapHeight(rx, rz, height, seed, x, z); });
    return p;
}

Parts rubble(Mat mat, float rx, float rz, float height, int count, std::uint32_t seed) {
    Parts p = heap(Mat::Gravel, rx, rz, height, seed);
    const std::uint32_t s = seed * 7919u + 3u;
    for (int i = 0; i < count; ++i) {
        // Inside the heap's footprint, more of them near its top.
        const float angle = pick(s, 8 * i, 0, 2 * kPi), r = std::sqrt(pick(s, 8 * i + 1, 0, 0.8f));
        const float x = rx * r * std::cos(angle), z = rz * r * std::sin(angle);
        const glm::vec3 half(pick(s, 8 * i + 2, 0.4f, 1.3f), pick(s, 8 * i + 3, 0.15f, 0.4f),
                             pick(s, 8 * i + 4, 0.3f, 0.9f));
        Geometry chunk;
        addBox(chunk, -half, half, true);
        glm::mat4 at =
            glm::translate(glm::mat4(1), {x, heapHeight(rx, rz, height, seed, x, z) + 0.1f, z});
        at = glm::rotate(at, pick(s, 8 * i + 5, 0, 2 * kPi), {0, 1, 0});
        at = glm::rotate(at, pick(s, 8 * i + 6, -0.5f, 0.5f), {1, 0, 0});
        at = glm::rotate(at, pick(s, 8 * i + 7, -0.4f, 0.4f), {0, 0, 1});
        p[mat].append(chunk, at);
        // Every third slab trails bent reinforcing bars.
        if (i % 3 == 0)
            for (float k : {-0.5f, 0.5f})
                addBeam(p[Mat::Rust], glm::vec3(at * glm::vec4(half.x, 0, k * half.z, 1)),
                        glm::vec3(at * glm::vec4(half.x + 1.2f, 0.5f, k * half.z + 0.3f, 1)),
                        0.05f);
    }
    return p;
}

Parts smokePlume(float height, std::uint32_t seed) {
    Parts p;
    constexpr int kPuffs = 6;
    for (int i = 0; i < kPuffs; ++i) {
        const float t = static_cast<float>(i) / kPuffs;
        const glm::vec3 at(t * height * 0.6f + pick(seed, i, -1, 1), t * height,
                           pick(seed, i + 9, -1, 1));
        glbkit::addSphere(p[Mat::Smoke], at, 2.5f + t * 9, 10);
    }
    return p;
}

Parts fence(const std::vector<glm::vec2>& line, float height) {
    Parts p;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const glm::vec2 a = line[i], b = line[i + 1];
        const int posts = std::max(1, static_cast<int>(glm::length(b - a) / 3));
        for (int k = 0; k < posts; ++k) {
            const glm::vec2 q = glm::mix(a, b, static_cast<float>(k) / static_cast<float>(posts));
            addBeam(p[Mat::SteelDark], {q.x, 0, q.y}, {q.x, height, q.y}, 0.1f);
        }
        // The lowest rail clear of the quays' level (level::kOnWater) it runs along.
        for (float y : {0.4f, height * 0.55f, height})
            addBeam(p[Mat::SteelLight], {a.x, y, a.y}, {b.x, y, b.y}, 0.05f);
    }
    return p;
}

Parts crane(float height, float jib) {
    Parts p;
    addBox(p[Mat::StudioYellow], {-1, 0, -1}, {1, height, 1});
    addBox(p[Mat::StudioYellow], {-jib * 0.3f, height, -0.7f}, {jib, height + 1.6f, 0.7f});
    addBox(p[Mat::Concrete], {-jib * 0.3f, height - 1.5f, -1.5f}, {-jib * 0.3f + 4, height, 1.5f});
    addBox(p[Mat::SteelDark], {1, height - 3, -1.1f}, {3.5f, height, 1.1f});
    addBeam(p[Mat::SteelDark], {jib * 0.8f, height, 0}, {jib * 0.8f, height * 0.4f, 0}, 0.08f);
    return p;
}

Parts scaffold(const ScaffoldSpec& s) {
    Parts p;
    Geometry& g = p[Mat::SteelLight];
    const float x = s.length / 2;
    for (int i = 0; i <= s.bays; ++i) {
        const float at = -x + s.length * static_cast<float>(i) / static_cast<float>(s.bays);
        for (float z : s.faces) addBeam(g, {at, 0, z}, {at, s.height, z}, s.tube);
    }
    const int lifts = static_cast<int>(s.height / s.lift);
    for (int k = 1; k <= lifts; ++k) {
        const float y = s.lift * static_cast<float>(k);
        for (float z : s.faces) addBeam(g, {-x, y, z}, {x, y, z}, s.tube);
    }
    return p;
}

}  // namespace sitegen
