#include "scene/draw_list.h"

#include <algorithm>
#include <utility>

namespace friche::scene {

std::vector<NodeWorld> visibleNodes(const Model& model, int sceneIndex) {
    std::vector<NodeWorld> out;
    if (sceneIndex < 0 || sceneIndex >= static_cast<int>(model.scenes.size())) return out;
    const int nodeCount = static_cast<int>(model.nodes.size());
    std::vector<bool> seen(model.nodes.size(), false);
    // Explicit stack: a deep hierarchy in a file must not overflow ours.
    std::vector<std::pair<int, glm::mat4>> stack;
    const auto& roots = model.scenes[static_cast<std::size_t>(sceneIndex)].nodes;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
        stack.emplace_back(*it, glm::mat4(1.0f));
    while (!stack.empty()) {
        auto [index, parentWorld] = stack.back();
        stack.pop_back();
        if (index < 0 || index >= nodeCount || seen[static_cast<std::size_t>(index)]) continue;
        seen[static_cast<std::size_t>(index)] = true;
        const Node& node = model.nodes[static_cast<std::size_t>(index)];
        if (!node.visible) continue;
        const glm::mat4 world = parentWorld * node.local;
        const glm::vec3 origin(world[3]);
        if (node.instances.empty()) {
            out.push_back({index, world, origin});
        } else {
            for (const glm::mat4& instance : node.instances)
                out.push_back({index, world * instance, origin});
        }
        for (auto c = node.children.rbegin(); c != node.children.rend(); ++c)
            stack.emplace_back(*c, world);
    }
    return out;
}

std::vector<DrawItem> buildDrawList(const Model& model, int sceneIndex) {
    std::vector<DrawItem> items;
    for (const NodeWorld& nw : visibleNodes(model, sceneIndex)) {
        const Node& node = model.nodes[static_cast<std::size_t>(nw.node)];
        if (node.mesh < 0 || node.mesh >= static_cast<int>(model.meshes.size())) continue;
        const Mesh& mesh = model.meshes[static_cast<std::size_t>(node.mesh)];
        const bool mirrored = glm::determinant(glm::mat3(nw.world)) < 0.0f;
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            items.push_back(
                {node.mesh, static_cast<int>(p), nw.node, nw.world, mirrored, nw.origin});
        }
    }
    return items;
}

const Primitive& primitiveOf(const Model& model, const DrawItem& item) {
    return model.meshes[static_cast<std::size_t>(item.mesh)]
        .primitives[static_cast<std::size_t>(item.primitive)];
}

Bounds worldBounds(const Model& model, const std::vector<DrawItem>& items) {
    Bounds b;
    for (const DrawItem& item : items)
        b.extend(primitiveOf(model, item).bounds.transformed(item.world));
    return b;
}

std::size_t triangleCount(const Primitive& p) {
    const std::size_t n = p.indices.empty() ? p.positions.size() : p.indices.size();
    switch (p.mode) {
        case PrimitiveMode::Triangles:
            return n / 3;
        case PrimitiveMode::TriangleStrip:
        case PrimitiveMode::TriangleFan:
            return n >= 3 ? n - 2 : 0;
        default:
            return 0;
    }
}

bool indicesInRange(const Primitive& p) {
    return std::all_of(p.indices.begin(), p.indices.end(),
                       [n = p.positions.size()](std::uint32_t i) { return i < n; });
}

Stats computeStats(const Model& model, const std::vector<DrawItem>& items) {
    Stats s;
    s.nodes = model.nodes.size();
    s.meshes = model.meshes.size();
    for (const Mesh& m : model.meshes) s.primitives += m.primitives.size();
    s.materials = model.materials.size();
    s.textures = model.textures.size();
    s.images = model.images.size();
    for (const DrawItem& item : items) {
        const Primitive& p = primitiveOf(model, item);
        s.triangles += triangleCount(p);
        s.vertices += p.positions.size();
    }
    return s;
}

}  // namespace friche::scene
