// The node graph and what nodes point at: each node has at most one parent,
// no node is its own ancestor, the hierarchy is not absurdly deep (converters
// walk it recursively), scenes list only roots, and skins fit their joints.
#include <cmath>
#include <set>
#include <utility>

#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

// Far deeper than any modelling tool nests, far shallower than what would
// exhaust a thread's stack in a recursive traversal.
constexpr int kMaxNodeDepth = 1024;

void checkTransform(Context& cx, std::size_t n, const char* name, const std::vector<double>& values,
                    std::size_t length) {
    if (values.empty()) return;
    const std::string where = pointer("nodes", n, name);
    if (values.size() != length) {
        cx.error("ARRAY_LENGTH_NOT_IN_LIST", where,
                 std::string(name) + " needs " + std::to_string(length) + " numbers, not " +
                     std::to_string(values.size()));
        return;
    }
    for (std::size_t k = 0; k < length; ++k)
        if (!std::isfinite(values[k]))
            cx.error("VALUE_NOT_IN_RANGE", where + "/" + std::to_string(k), "not a finite number");
}

void checkRotation(Context& cx, std::size_t n, const std::vector<double>& q) {
    if (q.size() != 4) return;
    const double length = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    // The validator's tolerance for a unit quaternion.
    if (std::fabs(length - 1.0) > 0.00769)
        cx.error(
            "ROTATION_NON_UNIT", pointer("nodes", n, "rotation"),
            "the rotation quaternion is not normalized (length " + std::to_string(length) + ")");
}

std::size_t morphTargetCount(const Context& cx, int mesh) {
    const auto& primitives = cx.model.meshes[static_cast<std::size_t>(mesh)].primitives;
    return primitives.empty() ? 0 : primitives[0].targets.size();
}

bool meshHasJoints(const Context& cx, int mesh) {
    for (const auto& p : cx.model.meshes[static_cast<std::size_t>(mesh)].primitives)
        if (p.attributes.count("JOINTS_0") != 0) return true;
    return false;
}

void checkInstancing(Context& cx, const tinygltf::Value& ext, const std::string& here) {
    const tinygltf::Value* attributes = member(ext, "attributes");
    if (attributes == nullptr || !attributes->IsObject()) {
        cx.error("UNDEFINED_PROPERTY", here, "EXT_mesh_gpu_instancing needs attributes");
        return;
    }
    std::optional<std::uint64_t> count;
    for (const std::string& name : attributes->Keys()) {
        const std::string where = here + pointer("attributes", name);
        const tinygltf::Value& item = attributes->Get(name);
        const int index = item.IsNumber() ? item.GetNumberAsInt() : -2;
        if (!cx.resolves(index, cx.model.accessors.size(), where)) continue;
        const tinygltf::Accessor& a = cx.model.accessors[static_cast<std::size_t>(index)];
        const int type = name == "ROTATION" ? TINYGLTF_TYPE_VEC4 : TINYGLTF_TYPE_VEC3;
        const bool known = name == "TRANSLATION" || name == "ROTATION" || name == "SCALE";
        if (known && a.type != type)
            cx.error("EXT_MESH_GPU_INSTANCING_ATTRIBUTE_INVALID_TYPE", where,
                     name + " must be " + (type == TINYGLTF_TYPE_VEC4 ? "VEC4" : "VEC3"));
        if (count && *count != a.count)
            cx.error("EXT_MESH_GPU_INSTANCING_ATTRIBUTES_UNEQUAL_COUNT", where,
                     "all instancing attributes must have the same count");
        count = a.count;
    }
}

void checkNodeExtensions(Context& cx, std::size_t n, const tinygltf::Node& node) {
    const std::string here = pointer("nodes", n, "extensions");
    if (const auto it = node.extensions.find("KHR_lights_punctual"); it != node.extensions.end()) {
        const std::optional<int> light = intMember(it->second, "light");
        if (!light)
            cx.error("UNDEFINED_PROPERTY", here + "/KHR_lights_punctual", "light must be defined");
        else
            cx.resolves(*light, cx.model.lights.size(), here + "/KHR_lights_punctual/light");
    }
    if (const auto it = node.extensions.find("EXT_mesh_gpu_instancing");
        it != node.extensions.end())
        checkInstancing(cx, it->second, here + "/EXT_mesh_gpu_instancing");
}

void checkNode(Context& cx, std::size_t n) {
    const tinygltf::Node& node = cx.model.nodes[n];
    const bool mesh = node.mesh != -1 &&
                      cx.resolves(node.mesh, cx.model.meshes.size(), pointer("nodes", n, "mesh"));
    cx.resolvesOrAbsent(node.camera, cx.model.cameras.size(), pointer("nodes", n, "camera"));
    if (node.skin != -1) {
        if (node.mesh == -1)
            cx.error("UNSATISFIED_DEPENDENCY", pointer("nodes", n, "skin"), "a skin needs a mesh");
        if (cx.resolves(node.skin, cx.model.skins.size(), pointer("nodes", n, "skin")) && mesh &&
            !meshHasJoints(cx, node.mesh))
            cx.error("NODE_SKIN_WITH_NON_SKINNED_MESH", pointer("nodes", n),
                     "the node has a skin but its mesh has no JOINTS_0");
    }
    if (!node.weights.empty()) {
        if (node.mesh == -1)
            cx.error("UNSATISFIED_DEPENDENCY", pointer("nodes", n, "weights"),
                     "weights need a mesh");
        else if (mesh && node.weights.size() != morphTargetCount(cx, node.mesh))
            cx.error("NODE_WEIGHTS_INVALID", pointer("nodes", n, "weights"),
                     std::to_string(node.weights.size()) + " weights for " +
                         std::to_string(morphTargetCount(cx, node.mesh)) + " morph targets");
    }
    checkTransform(cx, n, "matrix", node.matrix, 16);
    checkTransform(cx, n, "translation", node.translation, 3);
    checkTransform(cx, n, "rotation", node.rotation, 4);
    checkTransform(cx, n, "scale", node.scale, 3);
    checkRotation(cx, n, node.rotation);
    checkNodeExtensions(cx, n, node);
}

// parent[c] = the first node listing c as a child; a second parent is an error.
std::vector<int> findParents(Context& cx) {
    const std::size_t count = cx.model.nodes.size();
    std::vector<int> parent(count, -1);
    for (std::size_t n = 0; n < count; ++n) {
        const auto& children = cx.model.nodes[n].children;
        for (std::size_t k = 0; k < children.size(); ++k) {
            const std::string where = pointer("nodes", n, "children", k);
            const int c = children[k];
            if (!cx.resolves(c, count, where)) continue;
            const auto child = static_cast<std::size_t>(c);
            if (child == n) {
                cx.error("NODE_LOOP", where, "node " + std::to_string(n) + " is its own child");
            } else if (parent[child] != -1) {
                cx.error("NODE_PARENT_OVERRIDE", where,
                         "node " + std::to_string(c) + " already has parent " +
                             std::to_string(parent[child]));
            } else {
                parent[child] = static_cast<int>(n);
            }
        }
    }
    return parent;
}

// Depth-first over the children lists (not the parent links: a loop may close
// through a second parent). Every node on a loop is reported once. Returns
// false if there is any loop.
bool checkLoops(Context& cx) {
    enum : std::uint8_t { kNew, kOnPath, kDone };
    const auto& nodes = cx.model.nodes;
    std::vector<std::uint8_t> state(nodes.size(), kNew);
    std::vector<bool> reported(nodes.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> path;  // node, next child to visit
    bool ok = true;
    for (std::size_t start = 0; start < nodes.size(); ++start) {
        if (state[start] != kNew) continue;
        state[start] = kOnPath;
        path.emplace_back(start, 0);
        while (!path.empty()) {
            const auto [node, next] = path.back();
            const auto& children = nodes[node].children;
            if (next == children.size()) {
                state[node] = kDone;
                path.pop_back();
                continue;
            }
            ++path.back().second;
            const int c = children[next];
            // Unresolved children and self-children are findParents' to report.
            if (c < 0 || static_cast<std::size_t>(c) >= nodes.size() ||
                static_cast<std::size_t>(c) == node)
                continue;
            const auto child = static_cast<std::size_t>(c);
            if (state[child] == kNew) {
                state[child] = kOnPath;
                path.emplace_back(child, 0);
            } else if (state[child] == kOnPath) {
                ok = false;
                for (auto it = path.rbegin(); it != path.rend(); ++it) {
                    if (!reported[it->first])
                        cx.error("NODE_LOOP", pointer("nodes", it->first),
                                 "node " + std::to_string(it->first) +
                                     " is part of a loop in the node graph");
                    reported[it->first] = true;
                    if (it->first == child) break;
                }
            }
        }
    }
    return ok;
}

void checkDepth(Context& cx, const std::vector<int>& parent) {
    std::vector<int> depth(parent.size(), 0);  // 0: not computed yet
    for (std::size_t start = 0; start < parent.size(); ++start) {
        std::vector<std::size_t> chain;
        std::size_t v = start;
        while (depth[v] == 0 && parent[v] != -1) {
            chain.push_back(v);
            v = static_cast<std::size_t>(parent[v]);
        }
        if (depth[v] == 0) depth[v] = 1;
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            depth[*it] = depth[static_cast<std::size_t>(parent[*it])] + 1;
        if (depth[start] > kMaxNodeDepth) {
            cx.error("NODE_HIERARCHY_TOO_DEEP", pointer("nodes", start),
                     "node " + std::to_string(start) + " is nested " +
                         std::to_string(depth[start]) + " levels deep (at most " +
                         std::to_string(kMaxNodeDepth) + ")");
            return;
        }
    }
}

void checkScenes(Context& cx, const std::vector<int>& parent) {
    for (std::size_t s = 0; s < cx.model.scenes.size(); ++s) {
        const auto& roots = cx.model.scenes[s].nodes;
        std::set<int> seen;
        for (std::size_t k = 0; k < roots.size(); ++k) {
            const std::string where = pointer("scenes", s, "nodes", k);
            if (!cx.resolves(roots[k], parent.size(), where)) continue;
            if (!seen.insert(roots[k]).second)
                cx.error("DUPLICATE_ELEMENTS", where, "node listed twice in the scene");
            else if (parent[static_cast<std::size_t>(roots[k])] != -1)
                cx.error("SCENE_NON_ROOT_NODE", where,
                         "node " + std::to_string(roots[k]) + " is not a root node");
        }
    }
    cx.resolvesOrAbsent(cx.model.defaultScene, cx.model.scenes.size(), "/scene");
}

void checkInverseBindMatrices(Context& cx, std::size_t s, const tinygltf::Skin& skin) {
    const std::string where = pointer("skins", s, "inverseBindMatrices");
    if (skin.inverseBindMatrices == -1 ||
        !cx.resolves(skin.inverseBindMatrices, cx.model.accessors.size(), where))
        return;
    const tinygltf::Accessor& a =
        cx.model.accessors[static_cast<std::size_t>(skin.inverseBindMatrices)];
    if (a.type != TINYGLTF_TYPE_MAT4 || a.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT)
        cx.error("SKIN_IBM_INVALID_FORMAT", where, "inverse bind matrices must be MAT4 FLOAT");
    if (a.count < skin.joints.size())
        cx.error("INVALID_IBM_ACCESSOR_COUNT", where,
                 std::to_string(a.count) + " inverse bind matrices for " +
                     std::to_string(skin.joints.size()) + " joints");
    if (const tinygltf::BufferView* view = cx.viewOf(a); view && view->byteStride != 0)
        cx.error("SKIN_IBM_ACCESSOR_WITH_BYTESTRIDE", where,
                 "the buffer view of inverse bind matrices cannot have a byteStride");
}

}  // namespace

void checkNodesAndScenes(Context& cx) {
    for (std::size_t n = 0; n < cx.model.nodes.size(); ++n) checkNode(cx, n);
    const std::vector<int> parent = findParents(cx);
    if (checkLoops(cx)) checkDepth(cx, parent);
    checkScenes(cx, parent);
}

void checkSkins(Context& cx) {
    for (std::size_t s = 0; s < cx.model.skins.size(); ++s) {
        const tinygltf::Skin& skin = cx.model.skins[s];
        if (skin.joints.empty())
            cx.error("EMPTY_ENTITY", pointer("skins", s, "joints"), "a skin needs joints");
        std::set<int> seen;
        for (std::size_t j = 0; j < skin.joints.size(); ++j) {
            const std::string where = pointer("skins", s, "joints", j);
            if (cx.resolves(skin.joints[j], cx.model.nodes.size(), where) &&
                !seen.insert(skin.joints[j]).second)
                cx.error("DUPLICATE_ELEMENTS", where, "joint listed twice");
        }
        cx.resolvesOrAbsent(skin.skeleton, cx.model.nodes.size(), pointer("skins", s, "skeleton"));
        checkInverseBindMatrices(cx, s, skin);
    }
}

}  // namespace friche::io::validate
