#include "io/gltf_geometry.h"

#include <cmath>
#include <cstdint>

namespace friche::io::gltf {

namespace {

using scene::PrimitiveMode;

// Calls f(a, b, c) with the vertex indices of every triangle, counter-clockwise
// as glTF defines strips (odd triangles swap their first two) and fans.
template <typename F>
void forEachTriangle(const scene::Primitive& p, F&& f) {
    const bool indexed = !p.indices.empty();
    const std::size_t n = indexed ? p.indices.size() : p.positions.size();
    auto at = [&](std::size_t k) { return indexed ? p.indices[k] : static_cast<std::uint32_t>(k); };
    switch (p.mode) {
        case PrimitiveMode::Triangles:
            for (std::size_t k = 0; k + 2 < n; k += 3) f(at(k), at(k + 1), at(k + 2));
            break;
        case PrimitiveMode::TriangleStrip:
            for (std::size_t k = 0; k + 2 < n; ++k) {
                if (k % 2 == 0)
                    f(at(k), at(k + 1), at(k + 2));
                else
                    f(at(k + 1), at(k), at(k + 2));
            }
            break;
        case PrimitiveMode::TriangleFan:
            for (std::size_t k = 1; k + 1 < n; ++k) f(at(0), at(k), at(k + 1));
            break;
        default:
            break;
    }
}

glm::vec3 normalizedOr(const glm::vec3& v, const glm::vec3& fallback) {
    const float len2 = glm::dot(v, v);
    // Degenerate (or non-finite) input: any unit vector beats a NaN on screen.
    if (!(len2 > 1e-30f) || !std::isfinite(len2)) return fallback;
    return v / std::sqrt(len2);
}

template <typename T>
void expand(std::vector<T>& values, const std::vector<std::uint32_t>& indices) {
    if (values.empty()) return;
    std::vector<T> out;
    out.reserve(indices.size());
    for (std::uint32_t i : indices) out.push_back(values[i]);
    values.swap(out);
}

void deindex(scene::Primitive& p) {
    if (p.indices.empty()) return;
    expand(p.positions, p.indices);
    expand(p.normals, p.indices);
    expand(p.tangents, p.indices);
    expand(p.uv0, p.indices);
    expand(p.uv1, p.indices);
    expand(p.colors, p.indices);
    p.indices.clear();
    p.indices.shrink_to_fit();
}

const glm::vec3 kUp{0.0f, 0.0f, 1.0f};

}  // namespace

void generateFlatNormals(scene::Primitive& p) {
    if (p.mode == PrimitiveMode::Triangles) {
        deindex(p);
        p.normals.assign(p.positions.size(), kUp);
        forEachTriangle(p, [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
            const glm::vec3 n = normalizedOr(
                glm::cross(p.positions[b] - p.positions[a], p.positions[c] - p.positions[a]), kUp);
            p.normals[a] = p.normals[b] = p.normals[c] = n;
        });
    } else if (p.mode == PrimitiveMode::TriangleStrip || p.mode == PrimitiveMode::TriangleFan) {
        std::vector<glm::vec3> sum(p.positions.size(), glm::vec3(0.0f));
        forEachTriangle(p, [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
            // Unnormalised cross product: larger faces weigh more.
            const glm::vec3 n =
                glm::cross(p.positions[b] - p.positions[a], p.positions[c] - p.positions[a]);
            sum[a] += n;
            sum[b] += n;
            sum[c] += n;
        });
        for (glm::vec3& n : sum) n = normalizedOr(n, kUp);
        p.normals.swap(sum);
    }
}

void generateTangents(scene::Primitive& p, int texCoord) {
    const std::vector<glm::vec2>& uv = texCoord == 1 ? p.uv1 : p.uv0;
    if (uv.empty() || p.normals.empty()) return;
    const std::size_t count = p.positions.size();
    std::vector<glm::vec3> tan(count, glm::vec3(0.0f)), bitan(count, glm::vec3(0.0f));
    forEachTriangle(p, [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        const glm::vec3 e1 = p.positions[b] - p.positions[a], e2 = p.positions[c] - p.positions[a];
        const glm::vec2 d1 = uv[b] - uv[a], d2 = uv[c] - uv[a];
        const float det = d1.x * d2.y - d2.x * d1.y;
        if (std::abs(det) < 1e-20f) return;                 // no UV area: the triangle says nothing
        const glm::vec3 t = (e1 * d2.y - e2 * d1.y) / det;  // dP/du
        const glm::vec3 s = (e2 * d1.x - e1 * d2.x) / det;  // dP/dv
        for (std::uint32_t v : {a, b, c}) {
            tan[v] += t;
            bitan[v] += s;
        }
    });
    p.tangents.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const glm::vec3& n = p.normals[i];
        // Any vector not parallel to n gives a valid fallback tangent.
        const glm::vec3 other = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 t =
            normalizedOr(tan[i] - n * glm::dot(n, tan[i]), normalizedOr(glm::cross(other, n), kUp));
        // glTF UVs grow downwards in the image, so the bitangent that points
        // "up" in the normal map is -dP/dv.
        const float w = glm::dot(glm::cross(n, t), bitan[i]) > 0.0f ? -1.0f : 1.0f;
        p.tangents[i] = glm::vec4(t, w);
    }
}

void computeBounds(scene::Primitive& p) {
    p.bounds = scene::Bounds{};
    for (const glm::vec3& v : p.positions) p.bounds.extend(v);
}

}  // namespace friche::io::gltf
