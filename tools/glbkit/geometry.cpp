#include "glbkit/geometry.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace glbkit {
namespace {

constexpr float kTau = 6.28318531f;

std::uint32_t nextIndex(const Geometry& g) {
    return static_cast<std::uint32_t>(g.positions.size());
}

void addVertex(Geometry& g, glm::vec3 p, glm::vec3 n, glm::vec2 uv) {
    g.positions.push_back(p);
    g.normals.push_back(n);
    g.uvs.push_back(uv);
}

// A frame whose +Y runs from `a` to `b`, with its origin at `a`: lets shapes
// built along +Y (lathes, boxes) stand on any segment.
glm::mat4 frameAlong(glm::vec3 a, glm::vec3 b) {
    const glm::vec3 y = glm::normalize(b - a);
    const glm::vec3 helper = std::abs(y.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 x = glm::normalize(glm::cross(y, helper));
    const glm::vec3 z = glm::cross(x, y);
    return {glm::vec4(x, 0), glm::vec4(y, 0), glm::vec4(z, 0), glm::vec4(a, 1)};
}

// The outward normal of a profile segment in the (radius, height) plane.
glm::vec2 profileNormal(glm::vec2 from, glm::vec2 to) {
    const glm::vec2 d = to - from;
    return glm::normalize(glm::vec2(d.y, -d.x));
}

// One band of a lathe between two profile points with their normals.
void addLatheBand(Geometry& g, glm::vec2 p0, glm::vec2 p1, glm::vec2 n0, glm::vec2 n1, float v0,
                  float v1, int segments) {
    const std::uint32_t first = nextIndex(g);
    const float around = kTau * std::max(p0.x, p1.x);
    for (int s = 0; s <= segments; ++s) {
        // The seam repeats its first column so UVs run continuously around.
        const float t = static_cast<float>(s) / static_cast<float>(segments);
        const glm::vec3 dir(std::cos(t * kTau), 0, -std::sin(t * kTau));
        addVertex(g, dir * p0.x + glm::vec3(0, p0.y, 0),
                  glm::normalize(dir * n0.x + glm::vec3(0, n0.y, 0)), {t * around, v0});
        addVertex(g, dir * p1.x + glm::vec3(0, p1.y, 0),
                  glm::normalize(dir * n1.x + glm::vec3(0, n1.y, 0)), {t * around, v1});
    }
    for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
        const std::uint32_t a = first + 2 * s, b = a + 2, c = a + 3, d = a + 1;
        // Where the profile touches the axis one triangle of the quad is empty.
        if (p0.x > 0) g.indices.insert(g.indices.end(), {a, b, c});
        if (p1.x > 0) g.indices.insert(g.indices.end(), {a, c, d});
    }
}

}  // namespace

void Geometry::append(const Geometry& other, const glm::mat4& transform) {
    const std::uint32_t first = nextIndex(*this);
    const glm::mat3 rotation(transform);
    for (std::size_t i = 0; i < other.positions.size(); ++i) {
        addVertex(*this, glm::vec3(transform * glm::vec4(other.positions[i], 1)),
                  glm::normalize(rotation * other.normals[i]), other.uvs[i]);
    }
    if (!other.colors.empty()) {
        colors.resize(first, glm::vec3(1));
        colors.insert(colors.end(), other.colors.begin(), other.colors.end());
    }
    for (std::uint32_t i : other.indices) indices.push_back(first + i);
}

void addPatch(Geometry& g, glm::vec3 origin, glm::vec3 u, glm::vec3 v, int nu, int nv) {
    const glm::vec3 normal = glm::normalize(glm::cross(u, v));
    const std::uint32_t first = nextIndex(g);
    for (int j = 0; j <= nv; ++j) {
        for (int i = 0; i <= nu; ++i) {
            const float s = static_cast<float>(i) / static_cast<float>(nu);
            const float t = static_cast<float>(j) / static_cast<float>(nv);
            addVertex(g, origin + s * u + t * v, normal, {s * glm::length(u), t * glm::length(v)});
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
    const std::uint32_t first = nextIndex(g);
    // Project on the plane the triangle faces most, so the texture is not smeared.
    const bool facesUp = std::abs(normal.y) > 0.7f;
    const bool facesX = std::abs(normal.x) > std::abs(normal.z);
    for (const glm::vec3& p : {a, b, c}) {
        const glm::vec2 uv = facesUp ? glm::vec2(p.x, p.z) : glm::vec2(facesX ? p.z : p.x, p.y);
        addVertex(g, p, normal, uv);
    }
    g.indices.insert(g.indices.end(), {first, first + 1, first + 2});
}

void addBox(Geometry& g, glm::vec3 lo, glm::vec3 hi, bool bottom) {
    const glm::vec3 d = hi - lo;
    addPatch(g, {lo.x, lo.y, hi.z}, {d.x, 0, 0}, {0, d.y, 0});   // +Z
    addPatch(g, {hi.x, lo.y, lo.z}, {-d.x, 0, 0}, {0, d.y, 0});  // -Z
    addPatch(g, {hi.x, lo.y, hi.z}, {0, 0, -d.z}, {0, d.y, 0});  // +X
    addPatch(g, {lo.x, lo.y, lo.z}, {0, 0, d.z}, {0, d.y, 0});   // -X
    addPatch(g, {lo.x, hi.y, hi.z}, {d.x, 0, 0}, {0, 0, -d.z});  // top
    if (bottom) addPatch(g, lo, {d.x, 0, 0}, {0, 0, d.z});
}

void addBeam(Geometry& g, glm::vec3 a, glm::vec3 b, float size) {
    Geometry bar;
    const float h = size / 2;
    addBox(bar, {-h, 0, -h}, {h, glm::length(b - a), h}, true);
    g.append(bar, frameAlong(a, b));
}

void addLathe(Geometry& g, const std::vector<glm::vec2>& profile, int segments, bool smooth) {
    std::vector<glm::vec2> bandNormals;
    for (std::size_t i = 0; i + 1 < profile.size(); ++i)
        bandNormals.push_back(profileNormal(profile[i], profile[i + 1]));
    float v = 0;
    for (std::size_t i = 0; i + 1 < profile.size(); ++i) {
        glm::vec2 n0 = bandNormals[i], n1 = bandNormals[i];
        if (smooth && i > 0) n0 = glm::normalize(bandNormals[i - 1] + bandNormals[i]);
        if (smooth && i + 2 < profile.size())
            n1 = glm::normalize(bandNormals[i] + bandNormals[i + 1]);
        const float length = glm::length(profile[i + 1] - profile[i]);
        addLatheBand(g, profile[i], profile[i + 1], n0, n1, v, v + length, segments);
        v += length;
    }
}

void addPipe(Geometry& g, glm::vec3 a, glm::vec3 b, float radius, int segments) {
    Geometry tube;
    addLathe(tube, {{radius, 0}, {radius, glm::length(b - a)}}, segments);
    g.append(tube, frameAlong(a, b));
}

void addSphere(Geometry& g, glm::vec3 centre, float radius, int segments) {
    const int rings = std::max(2, segments / 2);
    std::vector<glm::vec2> profile;
    for (int i = 0; i <= rings; ++i) {
        const float a = kTau / 2 * static_cast<float>(i) / static_cast<float>(rings);
        // Exact zeros at the poles, so the lathe closes them without slivers.
        const float r = (i == 0 || i == rings) ? 0.0f : radius * std::sin(a);
        profile.push_back({r, -radius * std::cos(a)});
    }
    Geometry ball;
    addLathe(ball, profile, segments, true);
    g.append(ball, glm::translate(glm::mat4(1), centre));
}

void addHeightGrid(Geometry& g, float sx, float sz, int n,
                   const std::function<float(float, float)>& height) {
    const std::uint32_t first = nextIndex(g);
    const float dx = sx / static_cast<float>(n), dz = sz / static_cast<float>(n);
    for (int j = 0; j <= n; ++j) {
        for (int i = 0; i <= n; ++i) {
            const float x = -sx / 2 + static_cast<float>(i) * dx;
            const float z = -sz / 2 + static_cast<float>(j) * dz;
            const float hx = height(x + dx / 2, z) - height(x - dx / 2, z);
            const float hz = height(x, z + dz / 2) - height(x, z - dz / 2);
            addVertex(g, {x, height(x, z), z},
                      glm::normalize(glm::vec3(-hx * dz, dx * dz, -hz * dx)), {x, z});
        }
    }
    const auto row = static_cast<std::uint32_t>(n + 1);
    for (std::uint32_t j = 0; j < static_cast<std::uint32_t>(n); ++j) {
        for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(n); ++i) {
            const std::uint32_t a = first + j * row + i;
            // Counter-clockwise seen from above (+Y).
            g.indices.insert(g.indices.end(), {a, a + row, a + row + 1, a, a + row + 1, a + 1});
        }
    }
}

std::vector<glm::vec4> computeTangents(const Geometry& g) {
    std::vector<glm::vec3> tan(g.positions.size(), glm::vec3(0)),
        bitan(g.positions.size(), glm::vec3(0));
    for (std::size_t i = 0; i + 2 < g.indices.size(); i += 3) {
        const std::uint32_t a = g.indices[i], b = g.indices[i + 1], c = g.indices[i + 2];
        const glm::vec3 e1 = g.positions[b] - g.positions[a], e2 = g.positions[c] - g.positions[a];
        const glm::vec2 d1 = g.uvs[b] - g.uvs[a], d2 = g.uvs[c] - g.uvs[a];
        const float det = d1.x * d2.y - d2.x * d1.y;
        if (std::abs(det) < 1e-12f) continue;
        const glm::vec3 t = (e1 * d2.y - e2 * d1.y) / det, bt = (e2 * d1.x - e1 * d2.x) / det;
        for (std::uint32_t v : {a, b, c}) tan[v] += t, bitan[v] += bt;
    }
    std::vector<glm::vec4> out;
    out.reserve(tan.size());
    for (std::size_t v = 0; v < tan.size(); ++v) {
        const glm::vec3 n = g.normals[v];
        glm::vec3 t = tan[v] - n * glm::dot(n, tan[v]);
        if (glm::length(t) < 1e-6f)
            t = glm::cross(n, std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0));
        t = glm::normalize(t);
        out.push_back({t, glm::dot(glm::cross(n, t), bitan[v]) < 0 ? -1.0f : 1.0f});
    }
    return out;
}

}  // namespace glbkit
