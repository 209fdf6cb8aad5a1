#include "io/gltf_draco.h"

#include <algorithm>
#include <span>

#include <draco/compression/decode.h>

#include "io/gltf_accessor.h"
#include "io/gltf_value.h"

namespace friche::io::gltf {

namespace {

// Copies Draco attribute `semantic` (if the extension names it) into `out`,
// one element per Draco point. A fourth component the attribute lacks is 1.
template <int N>
bool copyAttribute(const draco::Mesh& mesh, const tinygltf::Value& attributes,
                   const std::string& semantic, std::vector<glm::vec<N, float>>& out,
                   std::string& error) {
    const int id = intOr(attributes, semantic, -1);
    if (id < 0) return true;
    const draco::PointAttribute* attribute =
        mesh.GetAttributeByUniqueId(static_cast<std::uint32_t>(id));
    if (!attribute) {
        error = "Draco data has no attribute " + std::to_string(id) + " for " + semantic;
        return false;
    }
    glm::vec<N, float> initial(0.0f);
    if constexpr (N == 4) initial.w = 1.0f;
    out.assign(mesh.num_points(), initial);
    const int components = std::min<int>(N, attribute->num_components());
    for (draco::PointIndex i(0); i < mesh.num_points(); ++i) {
        if (!attribute->ConvertValue<float>(attribute->mapped_index(i),
                                            static_cast<std::int8_t>(components),
                                            &out[i.value()][0])) {
            error = "Draco attribute " + semantic + " cannot be read as floats";
            return false;
        }
    }
    return true;
}

}  // namespace

bool decodeDraco(const tinygltf::Model& model, const tinygltf::Value& extension,
                 scene::Primitive& out, std::string& error) {
    std::span<const std::uint8_t> bytes;
    if (!viewBytes(model, intOr(extension, "bufferView", -1), bytes, error)) return false;
    const tinygltf::Value* attributes = member(extension, "attributes");
    if (!attributes || !attributes->IsObject()) {
        error = "KHR_draco_mesh_compression has no attributes object";
        return false;
    }
    draco::DecoderBuffer buffer;
    buffer.Init(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    draco::Decoder decoder;
    auto decoded = decoder.DecodeMeshFromBuffer(&buffer);
    if (!decoded.ok() || !decoded.value()) {
        error = std::string("Draco decoding failed: ") + decoded.status().error_msg();
        return false;
    }
    const draco::Mesh& mesh = *decoded.value();
    if (!copyAttribute(mesh, *attributes, "POSITION", out.positions, error) ||
        !copyAttribute(mesh, *attributes, "NORMAL", out.normals, error) ||
        !copyAttribute(mesh, *attributes, "TANGENT", out.tangents, error) ||
        !copyAttribute(mesh, *attributes, "TEXCOORD_0", out.uv0, error) ||
        !copyAttribute(mesh, *attributes, "TEXCOORD_1", out.uv1, error) ||
        !copyAttribute(mesh, *attributes, "COLOR_0", out.colors, error)) {
        return false;
    }
    out.mode = scene::PrimitiveMode::Triangles;
    out.indices.resize(static_cast<std::size_t>(mesh.num_faces()) * 3);
    for (draco::FaceIndex f(0); f < mesh.num_faces(); ++f) {
        const draco::Mesh::Face& face = mesh.face(f);
        for (int c = 0; c < 3; ++c)
            out.indices[f.value() * 3 + static_cast<std::size_t>(c)] = face[c].value();
    }
    return true;
}

}  // namespace friche::io::gltf
