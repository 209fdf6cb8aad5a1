// Meshes and their primitives: references, attribute names and formats,
// equal counts, how buffer views are used, and every index value below the
// primitive's vertex count (the check that keeps a converter from reading
// past the end of its vertex arrays).
#include <map>
#include <set>
#include <string_view>

#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

enum class ViewUse { None, Vertex, Index };

// Per-model state the primitive checks share.
struct MeshPass {
    Context& cx;
    bool quantized;                     // KHR_mesh_quantization widens the formats
    std::vector<ViewUse> viewUse;       // first use seen of each buffer view
    std::map<int, int> unstridedViews;  // view without byteStride -> first vertex accessor
    int variantCount = 0;               // KHR_materials_variants root variants
};

struct Semantic {
    std::string_view prefix;  // "POSITION", "TEXCOORD", ... or "_" for a custom one
    int set = -1;             // n of TEXCOORD_n, -1 for the others
};

// POSITION, NORMAL, TANGENT, TEXCOORD_n, COLOR_n, JOINTS_n, WEIGHTS_n (no
// leading zeros) or anything starting with '_'. Morph targets allow fewer.
std::optional<Semantic> parseSemantic(std::string_view name, bool morph) {
    if (!name.empty() && name[0] == '_') return Semantic{"_", -1};
    if (name == "POSITION" || name == "NORMAL" || name == "TANGENT") return Semantic{name, -1};
    const std::size_t bar = name.find('_');
    if (bar == std::string_view::npos) return std::nullopt;
    const std::string_view prefix = name.substr(0, bar);
    const std::string_view digits = name.substr(bar + 1);
    const bool known = prefix == "TEXCOORD" || prefix == "COLOR" ||
                       (!morph && (prefix == "JOINTS" || prefix == "WEIGHTS"));
    if (!known || digits.empty() || digits.size() > 6 || (digits.size() > 1 && digits[0] == '0'))
        return std::nullopt;
    int set = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        set = set * 10 + (c - '0');
    }
    return Semantic{prefix, set};
}

// Component encodings, as a bit set, of the formats glTF 2.0 allows.
enum : unsigned {
    kF = 1u << 0,  // FLOAT
    kB = 1u << 1,
    kBn = 1u << 2,
    kUB = 1u << 3,
    kUBn = 1u << 4,
    kS = 1u << 5,
    kSn = 1u << 6,
    kUS = 1u << 7,
    kUSn = 1u << 8,
};

unsigned encoding(const tinygltf::Accessor& a) {
    const bool n = a.normalized;
    switch (a.componentType) {
        case TINYGLTF_COMPONENT_TYPE_FLOAT:
            return kF;
        case TINYGLTF_COMPONENT_TYPE_BYTE:
            return n ? kBn : kB;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return n ? kUBn : kUB;
        case TINYGLTF_COMPONENT_TYPE_SHORT:
            return n ? kSn : kS;
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT:
            return n ? kUSn : kUS;
        default:
            return 0;
    }
}

// The spec's attribute format table, widened by KHR_mesh_quantization.
bool formatAllowed(std::string_view prefix, const tinygltf::Accessor& a, bool quantized,
                   bool morph) {
    const unsigned allInts = kB | kBn | kUB | kUBn | kS | kSn | kUS | kUSn;
    int type = TINYGLTF_TYPE_VEC3;
    unsigned allowed = kF;
    unsigned quantizedAlso = 0;
    if (prefix == "POSITION") {
        quantizedAlso = morph ? (kB | kBn | kS | kSn) : allInts;
    } else if (prefix == "NORMAL") {
        quantizedAlso = kBn | kSn;
    } else if (prefix == "TANGENT") {
        type = morph ? TINYGLTF_TYPE_VEC3 : TINYGLTF_TYPE_VEC4;
        quantizedAlso = kBn | kSn;
    } else if (prefix == "TEXCOORD") {
        type = TINYGLTF_TYPE_VEC2;
        allowed = kF | kUBn | kUSn | (morph ? kBn | kSn : 0u);
        quantizedAlso = kB | kBn | kUB | kS | kSn | kUS;
    } else if (prefix == "COLOR") {
        if (a.type == TINYGLTF_TYPE_VEC4) type = TINYGLTF_TYPE_VEC4;
        allowed = kF | kUBn | kUSn | (morph ? kBn | kSn : 0u);
    } else if (prefix == "JOINTS") {
        type = TINYGLTF_TYPE_VEC4;
        allowed = kUB | kUS;
    } else if (prefix == "WEIGHTS") {
        type = TINYGLTF_TYPE_VEC4;
        allowed = kF | kUBn | kUSn;
    } else {
        return true;  // custom semantics have no prescribed format
    }
    if (quantized) allowed |= quantizedAlso;
    return a.type == type && (encoding(a) & allowed) != 0;
}

void noteViewUse(MeshPass& pass, int accessor, ViewUse use, const std::string& where) {
    const int view = pass.cx.model.accessors[static_cast<std::size_t>(accessor)].bufferView;
    if (view < 0 || static_cast<std::size_t>(view) >= pass.viewUse.size()) return;
    ViewUse& seen = pass.viewUse[static_cast<std::size_t>(view)];
    if (seen != ViewUse::None && seen != use)
        pass.cx.error("BUFFER_VIEW_TARGET_OVERRIDE", where,
                      "buffer view " + std::to_string(view) +
                          " is used for both vertex attributes and indices");
    seen = use;
}

// Checks shared by base attributes and morph target attributes.
void checkVertexAccessor(MeshPass& pass, int index, std::string_view prefix, bool morph,
                         const std::string& where) {
    Context& cx = pass.cx;
    const tinygltf::Accessor& a = cx.model.accessors[static_cast<std::size_t>(index)];
    noteViewUse(pass, index, ViewUse::Vertex, where);
    if (!formatAllowed(prefix, a, pass.quantized, morph))
        cx.error(
            "MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_INVALID_FORMAT", where,
            "this accessor's type or component type is not allowed for " + std::string(prefix));
    else if (prefix == "_" && a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT)
        cx.error("MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_UNSIGNED_INT", where,
                 "vertex attributes cannot be UNSIGNED_INT");
    if (prefix == "POSITION" && (a.minValues.empty() || a.maxValues.empty()))
        cx.warning("MESH_PRIMITIVE_POSITION_ACCESSOR_WITHOUT_BOUNDS", where,
                   "POSITION accessors should declare min and max");
    const tinygltf::BufferView* view = cx.viewOf(a);
    if (view == nullptr) return;
    const std::uint64_t element = elementBytes(a.componentType, a.type);
    if (a.byteOffset % 4 != 0 || (view->byteStride == 0 && element % 4 != 0))
        cx.error("MESH_PRIMITIVE_ACCESSOR_UNALIGNED", where,
                 "vertex attribute data must be aligned to 4-byte boundaries");
    if (view->byteStride == 0) {
        const auto [first, inserted] = pass.unstridedViews.emplace(a.bufferView, index);
        if (!inserted && first->second != index)
            cx.error("MESH_PRIMITIVE_ACCESSOR_WITHOUT_BYTESTRIDE", where,
                     "buffer view " + std::to_string(a.bufferView) +
                         " holds several vertex accessors and needs a byteStride");
    }
}

// TEXCOORD_0..n-1 with no gap, and as many JOINTS_n as WEIGHTS_n.
void checkSemanticSets(Context& cx, const std::map<std::string_view, std::set<int>>& sets,
                       const std::string& where) {
    for (const auto& [prefix, indices] : sets) {
        if (*indices.rbegin() + 1 != static_cast<int>(indices.size()))
            cx.error("MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY", where,
                     std::string(prefix) + "_n sets must be numbered from 0 without gaps");
    }
    const auto size = [&sets](std::string_view p) {
        const auto it = sets.find(p);
        return it == sets.end() ? std::size_t{0} : it->second.size();
    };
    if (size("JOINTS") != size("WEIGHTS"))
        cx.error("MESH_PRIMITIVE_JOINTS_WEIGHTS_MISMATCH", where,
                 "there must be as many JOINTS_n attributes as WEIGHTS_n");
}

struct AttributeSummary {
    std::uint64_t vertices = 0;  // the first attribute's count
    std::size_t uvSets = 0;      // TEXCOORD_n attributes
};

AttributeSummary checkAttributes(MeshPass& pass, const tinygltf::Primitive& p,
                                 const std::string& here) {
    Context& cx = pass.cx;
    std::optional<std::uint64_t> vertices;
    std::map<std::string_view, std::set<int>> sets;
    for (const auto& [name, index] : p.attributes) {
        const std::string where = here + "/attributes" + pointer(name);
        const std::optional<Semantic> semantic = parseSemantic(name, false);
        if (!semantic)
            cx.error("MESH_PRIMITIVE_INVALID_ATTRIBUTE", where, "invalid attribute name");
        if (!cx.resolves(index, cx.model.accessors.size(), where)) continue;
        if (semantic && semantic->set >= 0) sets[semantic->prefix].insert(semantic->set);
        checkVertexAccessor(pass, index, semantic ? semantic->prefix : "_", false, where);
        const std::uint64_t count = cx.model.accessors[static_cast<std::size_t>(index)].count;
        if (!vertices)
            vertices = count;
        else if (*vertices != count)
            cx.error("MESH_PRIMITIVE_UNEQUAL_ACCESSOR_COUNT", where,
                     "all attributes of a primitive must have the same count");
    }
    checkSemanticSets(cx, sets, here + "/attributes");
    const auto uv = sets.find("TEXCOORD");
    return {vertices.value_or(0), uv == sets.end() ? 0 : uv->second.size()};
}

// A material must not sample a UV set the primitive does not have.
void checkMaterialUvSets(Context& cx, int material, std::size_t uvSets, const std::string& here) {
    const tinygltf::Material& m = cx.model.materials[static_cast<std::size_t>(material)];
    forEachTextureBinding(m, [&](const std::string& at, int, int texCoord) {
        if (texCoord >= 0 && static_cast<std::size_t>(texCoord) < uvSets) return;
        cx.error("MESH_PRIMITIVE_TOO_FEW_TEXCOORDS", here + "/material",
                 "material " + std::to_string(material) + " samples TEXCOORD_" +
                     std::to_string(texCoord) + " at " + at + ", which the primitive lacks");
    });
}

void scanIndexValues(Context& cx, int indices, std::uint64_t vertices, const std::string& where) {
    const tinygltf::Accessor& a = cx.model.accessors[static_cast<std::size_t>(indices)];
    const std::uint32_t restart = a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE ? 0xFFu
                                  : a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT
                                      ? 0xFFFFu
                                      : 0xFFFFFFFFu;
    forEachUnsigned(cx, indices, [&](std::uint64_t element, std::uint32_t value) {
        if (value == restart) {
            cx.error("ACCESSOR_INDEX_PRIMITIVE_RESTART", where,
                     "index " + std::to_string(element) + " is the primitive restart value " +
                         std::to_string(value));
            return false;
        }
        if (value >= vertices) {
            cx.error("ACCESSOR_INDEX_OOB", where,
                     "index " + std::to_string(element) + " has value " + std::to_string(value) +
                         ", not below the vertex count " + std::to_string(vertices));
            return false;
        }
        return true;
    });
}

void checkIndices(MeshPass& pass, const tinygltf::Primitive& p, std::uint64_t vertices,
                  const std::string& here) {
    Context& cx = pass.cx;
    const std::string where = here + "/indices";
    if (p.indices == -1 || !cx.resolves(p.indices, cx.model.accessors.size(), where)) return;
    noteViewUse(pass, p.indices, ViewUse::Index, where);
    const tinygltf::Accessor& a = cx.model.accessors[static_cast<std::size_t>(p.indices)];
    if (const tinygltf::BufferView* view = cx.viewOf(a); view && view->byteStride != 0)
        cx.error("MESH_PRIMITIVE_INDICES_ACCESSOR_WITH_BYTESTRIDE", where,
                 "the buffer view of indices cannot have a byteStride");
    const bool unsignedScalar = a.type == TINYGLTF_TYPE_SCALAR &&
                                (a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT ||
                                 a.componentType == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT);
    if (!unsignedScalar) {
        cx.error("MESH_PRIMITIVE_INDICES_ACCESSOR_INVALID_FORMAT", where,
                 "indices must be SCALAR unsigned byte, short or int");
        return;
    }
    if (cx.usableAccessor(p.indices)) scanIndexValues(cx, p.indices, vertices, where);
}

void checkTargets(MeshPass& pass, const tinygltf::Primitive& p, const std::string& here) {
    Context& cx = pass.cx;
    for (std::size_t t = 0; t < p.targets.size(); ++t) {
        for (const auto& [name, index] : p.targets[t]) {
            const std::string where = here + pointer("targets", t, name);
            const std::optional<Semantic> semantic = parseSemantic(name, true);
            if (!semantic)
                cx.error("MESH_PRIMITIVE_INVALID_ATTRIBUTE", where,
                         "invalid morph target attribute");
            if (!cx.resolves(index, cx.model.accessors.size(), where)) continue;
            checkVertexAccessor(pass, index, semantic ? semantic->prefix : "_", true, where);
            const auto base = p.attributes.find(name);
            if (base == p.attributes.end()) {
                cx.error("MESH_PRIMITIVE_MORPH_TARGET_NO_BASE_ACCESSOR", where,
                         "the primitive has no " + name + " attribute to morph");
            } else if (cx.usableAccessor(base->second) &&
                       cx.model.accessors[static_cast<std::size_t>(base->second)].count !=
                           cx.model.accessors[static_cast<std::size_t>(index)].count) {
                cx.error("MESH_PRIMITIVE_MORPH_TARGET_INVALID_ATTRIBUTE_COUNT", where,
                         "a morph target attribute must have its base attribute's count");
            }
        }
    }
}

void checkVariantMappings(MeshPass& pass, const tinygltf::Value& ext, const std::string& here) {
    Context& cx = pass.cx;
    const tinygltf::Value* mappings = member(ext, "mappings");
    if (mappings == nullptr || !mappings->IsArray()) {
        cx.error("UNDEFINED_PROPERTY", here, "KHR_materials_variants needs a mappings array");
        return;
    }
    std::set<int> seen;
    for (std::size_t m = 0; m < mappings->ArrayLen(); ++m) {
        const tinygltf::Value& mapping = mappings->Get(static_cast<int>(m));
        const std::string where = here + pointer("mappings", m);
        const std::optional<int> material = intMember(mapping, "material");
        if (!material)
            cx.error("UNDEFINED_PROPERTY", where, "a mapping needs a material");
        else
            cx.resolves(*material, cx.model.materials.size(), where + "/material");
        const tinygltf::Value* variants = member(mapping, "variants");
        const std::size_t n = variants ? variants->ArrayLen() : 0;
        for (std::size_t v = 0; v < n; ++v) {
            const std::string at = where + pointer("variants", v);
            const tinygltf::Value& item = variants->Get(static_cast<int>(v));
            const int variant = item.IsNumber() ? item.GetNumberAsInt() : -2;
            if (!cx.resolves(variant, static_cast<std::size_t>(pass.variantCount), at)) continue;
            if (!seen.insert(variant).second)
                cx.error("KHR_MATERIALS_VARIANTS_NON_UNIQUE_VARIANT", at,
                         "variant " + std::to_string(variant) + " is mapped twice");
        }
    }
}

void checkPrimitiveExtensions(MeshPass& pass, const tinygltf::Primitive& p,
                              const std::string& here) {
    Context& cx = pass.cx;
    if (const auto it = p.extensions.find("KHR_draco_mesh_compression"); it != p.extensions.end()) {
        const std::string where = here + "/extensions/KHR_draco_mesh_compression";
        const std::optional<int> view = intMember(it->second, "bufferView");
        if (!view)
            cx.error("UNDEFINED_PROPERTY", where, "Draco compression needs a bufferView");
        else
            cx.resolves(*view, cx.model.bufferViews.size(), where + "/bufferView");
    }
    if (const auto it = p.extensions.find("KHR_materials_variants"); it != p.extensions.end())
        checkVariantMappings(pass, it->second, here + "/extensions/KHR_materials_variants");
}

void checkPrimitive(MeshPass& pass, const tinygltf::Primitive& p, const std::string& here) {
    Context& cx = pass.cx;
    if (p.mode < TINYGLTF_MODE_POINTS || p.mode > TINYGLTF_MODE_TRIANGLE_FAN)
        cx.error("VALUE_NOT_IN_RANGE", here + "/mode",
                 "primitive mode " + std::to_string(p.mode) + " is not 0..6");
    const AttributeSummary attributes = checkAttributes(pass, p, here);
    if (p.material != -1 && cx.resolves(p.material, cx.model.materials.size(), here + "/material"))
        checkMaterialUvSets(cx, p.material, attributes.uvSets, here);
    checkIndices(pass, p, attributes.vertices, here);
    checkTargets(pass, p, here);
    checkPrimitiveExtensions(pass, p, here);
}

void checkMesh(MeshPass& pass, std::size_t m) {
    Context& cx = pass.cx;
    const tinygltf::Mesh& mesh = cx.model.meshes[m];
    if (mesh.primitives.empty()) {
        cx.error("EMPTY_ENTITY", pointer("meshes", m, "primitives"), "a mesh needs a primitive");
        return;
    }
    const std::size_t targets = mesh.primitives[0].targets.size();
    for (std::size_t i = 0; i < mesh.primitives.size(); ++i) {
        const std::string here = pointer("meshes", m, "primitives", i);
        checkPrimitive(pass, mesh.primitives[i], here);
        if (mesh.primitives[i].targets.size() != targets)
            cx.error("MESH_PRIMITIVES_UNEQUAL_TARGETS_COUNT", here + "/targets",
                     "all primitives of a mesh must have the same number of morph targets");
    }
    if (!mesh.weights.empty() && mesh.weights.size() != targets)
        cx.error("MESH_INVALID_WEIGHTS_COUNT", pointer("meshes", m, "weights"),
                 std::to_string(mesh.weights.size()) + " weights for " + std::to_string(targets) +
                     " morph targets");
}

int rootVariantCount(const tinygltf::Model& model) {
    const auto it = model.extensions.find("KHR_materials_variants");
    if (it == model.extensions.end()) return 0;
    const tinygltf::Value* variants = member(it->second, "variants");
    return variants ? static_cast<int>(variants->ArrayLen()) : 0;
}

}  // namespace

void checkMeshes(Context& cx) {
    MeshPass pass{cx, cx.hasExtension("KHR_mesh_quantization"), {}, {}, rootVariantCount(cx.model)};
    pass.viewUse.reserve(cx.model.bufferViews.size());
    for (const auto& view : cx.model.bufferViews)
        pass.viewUse.push_back(view.target == TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER ? ViewUse::Index
                               : view.target == TINYGLTF_TARGET_ARRAY_BUFFER       ? ViewUse::Vertex
                                                                                   : ViewUse::None);
    for (std::size_t m = 0; m < cx.model.meshes.size(); ++m) checkMesh(pass, m);
}

}  // namespace friche::io::validate
