#include "biggen/shapes.h"

#include <cmath>

namespace biggen {
namespace {

// Wall panels are about this wide: a real hall's façade is broken into bays and
// cladding sheets, which is what makes architects' models heavy.
constexpr float kPanel = 1.5f;
constexpr int kSiloSegments = 48;
constexpr int kSiloRings = 10;

int divisions(float length) {
    return std::max(1, static_cast<int>(std::lround(length / kPanel)));
}

// A planar quad patch from `origin` spanning `u` and `v`, split into nu x nv
// quads, facing u x v. UVs are in metres so a texture would tile per metre.
void addPatch(Geometry& g, glm::vec3 origin, glm::vec3 u, glm::vec3 v, int nu, int nv) {
    const glm::vec3 normal = glm::normalize(glm::cross(u, v));
    const auto first = static_cast<std::uint32_t>(g.positions.size());
    for (int j = 0; j <= nv; ++j) {
        for (int i = 0; i <= nu; ++i) {
            const float s = static_cast<float>(i) / static_cast<float>(nu);
            const float t = static_cast<float>(j) / static_cast<float>(nv);
            g.positions.push_back(origin + s * u + t * v);
            g.normals.push_back(normal);
            g.uvs.push_back({s * glm::length(u), t * glm::length(v)});
        }
    }
    const auto row = static_cast<std::uint32_t>(nu + 1);
    for (int j = 0; j < nv; ++j) {
        for (int i = 0; i < nu; ++i) {
            const std::uint32_t a =
                first + static_cast<std::uint32_t>(j) * row + static_cast<std::uint32_t>(i);
            g.indices.insert(g.indices.end(), {a, a + 1, a + row + 1, a, a + row + 1, a + row});
        }
    }
}

void addTriangle(Geometry& g, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
    const glm::vec3 normal = glm::normalize(glm::cross(b - a, c - a));
    const auto first = static_cast<std::uint32_t>(g.positions.size());
    for (const glm::vec3& p : {a, b, c}) {
        g.positions.push_back(p);
        g.normals.push_back(normal);
        g.uvs.push_back({p.x + p.z, p.y});
    }
    g.indices.insert(g.indices.end(), {first, first + 1, first + 2});
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
    const auto first = static_cast<std::uint32_t>(body.positions.size());
    for (int ring = 0; ring <= kSiloRings; ++ring) {
        const float y = height * static_cast<float>(ring) / kSiloRings;
        for (int s = 0; s <= kSiloSegments; ++s) {
            // The seam repeats its first column so UVs can run 0..1 around.
            const float a = 6.2831853f * static_cast<float>(s) / kSiloSegments;
            const glm::vec3 n(std::cos(a), 0, -std::sin(a));
            body.positions.push_back(n * radius + glm::vec3(0, y, 0));
            body.normals.push_back(n);
            body.uvs.push_back({static_cast<float>(s) / kSiloSegments, y});
        }
    }
    const std::uint32_t row = kSiloSegments + 1;
    for (std::uint32_t r = 0; r < kSiloRings; ++r) {
        for (std::uint32_t s = 0; s < kSiloSegments; ++s) {
            const std::uint32_t a = first + r * row + s;
            body.indices.insert(body.indices.end(),
                                {a, a + 1, a + row + 1, a, a + row + 1, a + row});
        }
    }
    const glm::vec3 apex(0, height + radius * 0.6f, 0);
    for (int s = 0; s < kSiloSegments; ++s) {
        const float a0 = 6.2831853f * static_cast<float>(s) / kSiloSegments;
        const float a1 = 6.2831853f * static_cast<float>(s + 1) / kSiloSegments;
        addTriangle(cap, {radius * std::cos(a0), height, -radius * std::sin(a0)},
                    {radius * std::cos(a1), height, -radius * std::sin(a1)}, apex);
    }
}

}  // namespace biggen
