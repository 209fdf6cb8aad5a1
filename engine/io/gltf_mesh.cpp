// Meshes: glTF primitives into scene::Primitive arrays.
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "io/gltf_accessor.h"
#include "io/gltf_convert.h"
#include "io/gltf_draco.h"
#include "io/gltf_geometry.h"
#include "io/gltf_value.h"

namespace friche::io::gltf {

namespace {

int attributeOf(const tinygltf::Primitive& p, const std::string& semantic) {
    const auto it = p.attributes.find(semantic);
    return it == p.attributes.end() ? -1 : it->second;
}

// An optional attribute: absent, unreadable or of the wrong length, it is
// left empty (with a warning) and the primitive still draws.
template <int N>
void readOptional(const tinygltf::Model& in, const tinygltf::Primitive& p,
                  const std::string& semantic, std::size_t vertexCount,
                  std::vector<glm::vec<N, float>>& out, const std::string& where,
                  core::Problems& problems) {
    const int accessor = attributeOf(p, semantic);
    if (accessor < 0) return;
    std::string error;
    if (!readVectors(in, accessor, out, error)) {
        problems.warning("ATTRIBUTE_IGNORED", where + "/attributes/" + semantic, error);
        out.clear();
    } else if (out.size() != vertexCount) {
        problems.warning("ATTRIBUTE_IGNORED", where + "/attributes/" + semantic,
                         "has " + std::to_string(out.size()) + " elements, POSITION has " +
                             std::to_string(vertexCount));
        out.clear();
    }
}

bool readAttributes(const tinygltf::Model& in, const tinygltf::Primitive& p, scene::Primitive& out,
                    const std::string& where, core::Problems& problems, std::string& error) {
    if (!readVectors(in, attributeOf(p, "POSITION"), out.positions, error)) return false;
    const std::size_t n = out.positions.size();
    readOptional(in, p, "NORMAL", n, out.normals, where, problems);
    readOptional(in, p, "TANGENT", n, out.tangents, where, problems);
    readOptional(in, p, "TEXCOORD_0", n, out.uv0, where, problems);
    readOptional(in, p, "TEXCOORD_1", n, out.uv1, where, problems);
    readOptional(in, p, "COLOR_0", n, out.colors, where, problems);
    return p.indices < 0 || readIndices(in, p.indices, out.indices, error);
}

// Adds target * weight to `values`, for one semantic of one morph target.
template <int N>
bool addMorph(const tinygltf::Model& in, const std::map<std::string, int>& target,
              const std::string& semantic, float weight, std::vector<glm::vec<N, float>>& values,
              std::string& error) {
    const auto it = target.find(semantic);
    if (it == target.end() || values.empty()) return true;
    std::vector<glm::vec3> deltas;
    if (!readVectors(in, it->second, deltas, error)) return false;
    if (deltas.size() != values.size()) {
        error = "morph target " + semantic + " has " + std::to_string(deltas.size()) +
                " elements, not " + std::to_string(values.size());
        return false;
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
        for (int c = 0; c < 3; ++c) values[i][c] += deltas[i][c] * weight;
    }
    return true;
}

// The rest pose of a morphed mesh: its default `weights` applied.
bool applyMorphTargets(const tinygltf::Model& in, const tinygltf::Mesh& mesh,
                       const tinygltf::Primitive& p, scene::Primitive& out, std::string& error) {
    const std::size_t n = std::min(mesh.weights.size(), p.targets.size());
    for (std::size_t t = 0; t < n; ++t) {
        const auto w = static_cast<float>(mesh.weights[t]);
        if (w == 0.0f) continue;
        if (!addMorph(in, p.targets[t], "POSITION", w, out.positions, error) ||
            !addMorph(in, p.targets[t], "NORMAL", w, out.normals, error) ||
            !addMorph(in, p.targets[t], "TANGENT", w, out.tangents, error))
            return false;
    }
    return true;
}

bool indicesInRange(const scene::Primitive& p) {
    const std::size_t n = p.positions.size();
    for (std::uint32_t i : p.indices)
        if (i >= n) return false;
    return true;
}

// KHR_materials_variants: which material each variant puts on this primitive.
std::vector<int> variantMaterials(const tinygltf::Primitive& p, std::size_t variantCount,
                                  std::size_t materialCount) {
    const tinygltf::Value* ext = findExtension(p.extensions, "KHR_materials_variants");
    const tinygltf::Value* mappings = ext ? member(*ext, "mappings") : nullptr;
    if (!mappings || !mappings->IsArray() || variantCount == 0) return {};
    std::vector<int> out(variantCount, -1);
    for (std::size_t m = 0; m < mappings->ArrayLen(); ++m) {
        const tinygltf::Value& mapping = mappings->Get(static_cast<int>(m));
        const int material = intOr(mapping, "material", -1);
        const tinygltf::Value* variants = member(mapping, "variants");
        if (material < 0 || static_cast<std::size_t>(material) >= materialCount || !variants)
            continue;
        for (std::size_t v = 0; v < variants->ArrayLen(); ++v) {
            const tinygltf::Value& index = variants->Get(static_cast<int>(v));
            const int variant = index.IsNumber() ? index.GetNumberAsInt() : -1;
            if (variant >= 0 && static_cast<std::size_t>(variant) < variantCount)
                out[static_cast<std::size_t>(variant)] = material;
        }
    }
    return out;
}

bool isTriangles(scene::PrimitiveMode mode) {
    return mode == scene::PrimitiveMode::Triangles || mode == scene::PrimitiveMode::TriangleStrip ||
           mode == scene::PrimitiveMode::TriangleFan;
}

// Normals for lit triangles, tangents for normal maps, bounds for culling.
void completeGeometry(scene::Primitive& prim, const scene::Model& out) {
    if (!isTriangles(prim.mode)) {
        computeBounds(prim);
        return;
    }
    if (prim.normals.empty()) generateFlatNormals(prim);
    if (prim.tangents.empty() && prim.material >= 0) {
        const scene::TextureRef& normalMap =
            out.materials[static_cast<std::size_t>(prim.material)].normalTexture;
        if (normalMap) generateTangents(prim, normalMap.texCoord);
    }
    computeBounds(prim);
}

// Reads one primitive's geometry; false with `error` when the file is broken.
bool convertPrimitive(const tinygltf::Model& in, const tinygltf::Mesh& mesh,
                      const tinygltf::Primitive& p, const std::string& where,
                      scene::Primitive& prim, core::Problems& problems, std::string& error) {
    const int mode = p.mode < 0 ? TINYGLTF_MODE_TRIANGLES : p.mode;
    if (mode > TINYGLTF_MODE_TRIANGLE_FAN) {
        error = "mode " + std::to_string(mode) + " is not a glTF primitive mode";
        return false;
    }
    prim.mode = static_cast<scene::PrimitiveMode>(mode);
    if (const tinygltf::Value* draco = findExtension(p.extensions, "KHR_draco_mesh_compression")) {
        if (!decodeDraco(in, *draco, prim, error)) return false;
    } else if (!readAttributes(in, p, prim, where, problems, error) ||
               !applyMorphTargets(in, mesh, p, prim, error)) {
        return false;
    }
    if (!indicesInRange(prim)) {
        error = "an index is not below the vertex count " + std::to_string(prim.positions.size());
        return false;
    }
    return true;
}

// Identical meshes (the same accessors, mode and material in every primitive)
// are converted once: a file of 30,000 meshes over one set of accessors must
// not hold 30,000 copies of the same vertices. A mesh with morph targets or
// primitive extensions (Draco, variants) is always converted on its own.
std::optional<std::string> meshKey(const tinygltf::Mesh& mesh) {
    if (!mesh.weights.empty()) return std::nullopt;
    std::string key;
    for (const tinygltf::Primitive& p : mesh.primitives) {
        if (!p.targets.empty() || !p.extensions.empty()) return std::nullopt;
        key += std::to_string(p.mode) + ' ' + std::to_string(p.indices) + ' ' +
               std::to_string(p.material);
        for (const auto& [semantic, accessor] : p.attributes)
            key += ' ' + semantic + '=' + std::to_string(accessor);
        key += ';';
    }
    return key;
}

// For each mesh, the first mesh identical to it (itself when it is the first).
std::vector<int> firstIdentical(const tinygltf::Model& in) {
    std::vector<int> first(in.meshes.size());
    std::unordered_map<std::string, int> seen;
    for (std::size_t m = 0; m < in.meshes.size(); ++m) {
        first[m] = static_cast<int>(m);
        if (const auto key = meshKey(in.meshes[m]))
            first[m] = seen.emplace(*key, static_cast<int>(m)).first->second;
    }
    return first;
}

std::uint64_t accessorCount(const tinygltf::Model& in, int accessor) {
    return accessor >= 0 && static_cast<std::size_t>(accessor) < in.accessors.size()
               ? in.accessors[static_cast<std::size_t>(accessor)].count
               : 0;
}

}  // namespace

std::uint64_t geometryCost(const tinygltf::Model& in) {
    // Per vertex: position, normal (generated when absent), a tangent, two UV
    // sets, a colour, as scene::Primitive holds them.
    constexpr std::uint64_t kVertexBytes = 12 + 12 + 16 + 8 + 8 + 16;
    const std::vector<int> first = firstIdentical(in);
    std::uint64_t bytes = 0;
    for (std::size_t m = 0; m < in.meshes.size(); ++m) {
        if (first[m] != static_cast<int>(m)) continue;
        for (const tinygltf::Primitive& p : in.meshes[m].primitives) {
            const std::uint64_t indices = accessorCount(in, p.indices);
            std::uint64_t vertices = accessorCount(in, attributeOf(p, "POSITION"));
            // Flat normals are generated per corner: every index becomes a vertex.
            if (attributeOf(p, "NORMAL") < 0) vertices = std::max(vertices, indices);
            bytes += vertices * kVertexBytes + indices * 4;
        }
    }
    return bytes;
}

void convertMeshes(const tinygltf::Model& in, scene::Model& out, core::Problems& problems) {
    const std::vector<int> first = firstIdentical(in);
    out.meshes.reserve(in.meshes.size());
    for (std::size_t m = 0; m < in.meshes.size(); ++m) {
        const tinygltf::Mesh& mesh = in.meshes[m];
        scene::Mesh& dst = out.meshes.emplace_back();
        dst.name = mesh.name;
        if (first[m] != static_cast<int>(m)) continue;  // its nodes draw the first one
        dst.primitives.reserve(mesh.primitives.size());
        for (std::size_t i = 0; i < mesh.primitives.size(); ++i) {
            const tinygltf::Primitive& p = mesh.primitives[i];
            const std::string where =
                "/meshes/" + std::to_string(m) + "/primitives/" + std::to_string(i);
            if (attributeOf(p, "POSITION") < 0 &&
                !findExtension(p.extensions, "KHR_draco_mesh_compression")) {
                problems.info("PRIMITIVE_SKIPPED", where, "has no POSITION and draws nothing");
                continue;
            }
            scene::Primitive prim;
            std::string error;
            if (!convertPrimitive(in, mesh, p, where, prim, problems, error)) {
                problems.error("PRIMITIVE_UNREADABLE", where, error);
                continue;
            }
            prim.material =
                p.material >= 0 && static_cast<std::size_t>(p.material) < out.materials.size()
                    ? p.material
                    : -1;
            prim.variantMaterials = variantMaterials(p, out.variants.size(), out.materials.size());
            completeGeometry(prim, out);
            dst.primitives.push_back(std::move(prim));
        }
    }
    for (scene::Node& node : out.nodes)
        if (node.mesh >= 0 && static_cast<std::size_t>(node.mesh) < first.size())
            node.mesh = first[static_cast<std::size_t>(node.mesh)];
}

}  // namespace friche::io::gltf
