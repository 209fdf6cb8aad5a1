#include "scene/batches.h"

#include <map>
#include <tuple>

namespace friche::scene {

namespace {

// Which optional attributes a primitive has, a bit each: members of a batch
// must agree, since an absent attribute reads the shader's constant instead.
unsigned attributeMask(const Primitive& p) {
    const std::size_t n = p.positions.size();
    return (p.normals.size() == n ? 1u : 0u) | (p.tangents.size() == n ? 2u : 0u) |
           (p.uv0.size() == n ? 4u : 0u) | (p.uv1.size() == n ? 8u : 0u) |
           (p.colors.size() == n ? 16u : 0u);
}

// The mode a primitive takes in a batch: strips, fans and loops do not
// concatenate, so they become the lists they stand for.
PrimitiveMode listMode(PrimitiveMode mode) {
    switch (mode) {
        case PrimitiveMode::TriangleStrip:
        case PrimitiveMode::TriangleFan:
            return PrimitiveMode::Triangles;
        case PrimitiveMode::LineStrip:
        case PrimitiveMode::LineLoop:
            return PrimitiveMode::Lines;
        default:
            return mode;
    }
}

// The primitive's vertices in the order listMode draws them.
std::vector<std::uint32_t> listIndices(const Primitive& p) {
    std::vector<std::uint32_t> in = p.indices;
    if (in.empty())
        for (std::uint32_t v = 0; v < p.positions.size(); ++v) in.push_back(v);
    const std::size_t n = in.size();
    std::vector<std::uint32_t> out;
    switch (p.mode) {
        case PrimitiveMode::TriangleStrip:
            // GL's rule: every odd triangle swaps its first two vertices to keep its winding.
            for (std::size_t i = 0; i + 2 < n; ++i)
                out.insert(out.end(), {in[i + (i & 1)], in[i + 1 - (i & 1)], in[i + 2]});
            return out;
        case PrimitiveMode::TriangleFan:
            for (std::size_t i = 1; i + 1 < n; ++i)
                out.insert(out.end(), {in[0], in[i], in[i + 1]});
            return out;
        case PrimitiveMode::LineStrip:
        case PrimitiveMode::LineLoop:
            for (std::size_t i = 0; i + 1 < n; ++i) out.insert(out.end(), {in[i], in[i + 1]});
            if (p.mode == PrimitiveMode::LineLoop && n > 2)
                out.insert(out.end(), {in[n - 1], in[0]});
            return out;
        case PrimitiveMode::Triangles:
            // An incomplete last triangle would shift every member after it.
            in.resize(n - n % 3);
            return in;
        case PrimitiveMode::Lines:
            in.resize(n - n % 2);
            return in;
        case PrimitiveMode::Points:
            return in;
    }
    return in;
}

// A primitive that fails its checks is left to the renderer, which warns about it.
bool batchable(const Primitive& p) {
    return !p.positions.empty() && p.positions.size() <= kBatchPrimitiveVertices &&
           indicesInRange(p);
}

using Key = std::tuple<int, std::vector<int>, PrimitiveMode, unsigned, bool>;

}  // namespace

Batching planBatches(const Model& model, const std::vector<DrawItem>& items) {
    Batching plan;
    if (items.size() < kBatchFromItems) {
        for (std::size_t i = 0; i < items.size(); ++i) plan.loose.push_back(i);
        return plan;
    }
    std::map<Key, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Primitive& p = primitiveOf(model, items[i]);
        if (!batchable(p)) {
            plan.loose.push_back(i);
            continue;
        }
        groups[{p.material, p.variantMaterials, listMode(p.mode), attributeMask(p),
                items[i].mirrored}]
            .push_back(i);
    }
    for (const auto& [key, members] : groups) {
        std::size_t vertices = kBatchVertices;  // a new batch on the first member
        for (std::size_t i : members) {
            const std::size_t n = primitiveOf(model, items[i]).positions.size();
            if (vertices + n > kBatchVertices) {
                plan.batches.emplace_back();
                vertices = 0;
            }
            plan.batches.back().push_back(i);
            vertices += n;
        }
    }
    return plan;
}

MergedBatch mergeBatch(const Model& model, const std::vector<DrawItem>& items,
                       const std::vector<std::size_t>& batch) {
    MergedBatch out;
    Primitive& m = out.primitive;
    if (batch.empty()) return out;
    const Primitive& first = primitiveOf(model, items[batch.front()]);
    m.mode = listMode(first.mode);
    m.material = first.material;
    m.variantMaterials = first.variantMaterials;
    for (std::size_t i : batch) {
        const DrawItem& item = items[i];
        const Primitive& p = primitiveOf(model, item);
        const auto base = static_cast<std::uint32_t>(m.positions.size());
        const glm::mat3 linear(item.world);
        // The same normal matrix the renderer gives a node drawn alone.
        const glm::mat3 normalMatrix = glm::transpose(glm::inverse(linear));
        for (const glm::vec3& v : p.positions) m.positions.push_back(item.world * glm::vec4(v, 1));
        for (const glm::vec3& n : p.normals) m.normals.push_back(normalMatrix * n);
        for (const glm::vec4& t : p.tangents) m.tangents.emplace_back(linear * glm::vec3(t), t.w);
        m.uv0.insert(m.uv0.end(), p.uv0.begin(), p.uv0.end());
        m.uv1.insert(m.uv1.end(), p.uv1.begin(), p.uv1.end());
        m.colors.insert(m.colors.end(), p.colors.begin(), p.colors.end());
        for (std::uint32_t v : listIndices(p)) m.indices.push_back(base + v);
        out.ends.push_back(static_cast<std::uint32_t>(m.indices.size()));
        out.bounds.push_back(p.bounds.transformed(item.world));
        m.bounds.extend(out.bounds.back());
    }
    return out;
}

}  // namespace friche::scene
