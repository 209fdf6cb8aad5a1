#include "biggen/shapes.h"

#include <cmath>

namespace biggen {
namespace {

// Wall panels are about this wide: a real hall's façade is broken into bays and
// cladding sheets, which is what makes architects' models heavy.
constexpr float kPanel = 1.5f;
constexpr int kSiloSegments = 48;
constexpr int kSiloRings = 10;

using glbkit::addPatch;
using glbkit::addTriangle;

int divisions(float length) {
    return std::max(1, static_cast<int>(std::lround(length / kPanel)));
}

}  // namespace

void addHall(Geometry& body, Geometry& roof, const HallSize& size) {
    const float x = size.length / 2, z = size.width / 2, h = size.height;
    const float ridge = h + size.width * 0.3f;
    const int nx = divisions(size.length), nz = divisions(size.width), ny = divisions(h);
    // Four walls, counter-clockwise seen from outside.
    addPatch(body, {-x, 0, z}, {2 * x, 0, 0}, {0, h, 0}, nx, ny);
    addPatch(body, {x, 0, -z}, {-2 * x, 0, 0}, {0, h, 0}, nx, ny);
    addPatch(body, {x, 0, z}, {0, 0, -2 * z}, {0, h, 0}, nz, ny);
    addPatch(body, {-x, 0, -z}, {0, 0, 2 * z}, {0, h, 0}, nz, ny);
    // Two roof slopes meeting at the ridge, and the gable ends under them.
    const int slope = std::max(1, nz / 2);
    addPatch(roof, {-x, h, z}, {2 * x, 0, 0}, {0, ridge - h, -z}, nx, slope);
    addPatch(roof, {x, h, -z}, {-2 * x, 0, 0}, {0, ridge - h, z}, nx, slope);
    addTriangle(roof, {x, h, z}, {x, h, -z}, {x, ridge, 0});
    addTriangle(roof, {-x, h, -z}, {-x, h, z}, {-x, ridge, 0});
}

void addSilo(Geometry& body, Geometry& cap, float radius, float height) {
    std::vector<glm::vec2> wall;
    for (int ring = 0; ring <= kSiloRings; ++ring)
        wall.push_back({radius, height * static_cast<float>(ring) / kSiloRings});
    glbkit::addLathe(body, wall, kSiloSegments);
    glbkit::addLathe(cap, {{radius, height}, {0, height + radius * 0.6f}}, kSiloSegments);
}

}  // namespace biggen
