#include "biggen/glb_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>

namespace biggen {
namespace {

constexpr int kFloat = 5126;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;

int append(nlohmann::json& array, nlohmann::json item) {
    array.push_back(std::move(item));
    return static_cast<int>(array.size()) - 1;
}

void put32(std::ofstream& out, std::uint32_t v) {
    const char bytes[4] = {static_cast<char>(v), static_cast<char>(v >> 8),
                           static_cast<char>(v >> 16), static_cast<char>(v >> 24)};
    out.write(bytes, 4);
}

std::size_t padded(std::size_t n) {
    return (n + 3) & ~std::size_t(3);
}

}  // namespace

int GlbWriter::addMaterial(const std::string& name, glm::vec3 baseColor, float metallic,
                           float roughness) {
    return append(json_["materials"],
                  {{"name", name},
                   {"pbrMetallicRoughness",
                    {{"baseColorFactor", {baseColor.r, baseColor.g, baseColor.b, 1.0f}},
                     {"metallicFactor", metallic},
                     {"roughnessFactor", roughness}}}});
}

// Every accessor starts 4-byte aligned: all our components are 4 bytes wide.
int GlbWriter::addAccessor(const void* data, std::size_t bytes, std::size_t count,
                           int componentType, const char* type, int target) {
    const std::size_t offset = bin_.size();
    bin_.resize(offset + padded(bytes), 0);
    std::memcpy(bin_.data() + offset, data, bytes);
    const int view =
        append(json_["bufferViews"],
               {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}, {"target", target}});
    return append(
        json_["accessors"],
        {{"bufferView", view}, {"componentType", componentType}, {"count", count}, {"type", type}});
}

int GlbWriter::addMesh(const std::string& name, const std::vector<PrimitiveSpec>& primitives) {
    nlohmann::json prims = nlohmann::json::array();
    for (const PrimitiveSpec& p : primitives) {
        const Geometry& g = *p.geometry;
        const std::size_t n = g.positions.size();
        const int position =
            addAccessor(g.positions.data(), n * sizeof(glm::vec3), n, kFloat, "VEC3", kArrayBuffer);
        glm::vec3 lo(INFINITY), hi(-INFINITY);
        for (const glm::vec3& v : g.positions) lo = glm::min(lo, v), hi = glm::max(hi, v);
        json_["accessors"][static_cast<std::size_t>(position)]["min"] = {lo.x, lo.y, lo.z};
        json_["accessors"][static_cast<std::size_t>(position)]["max"] = {hi.x, hi.y, hi.z};
        const int normal =
            addAccessor(g.normals.data(), n * sizeof(glm::vec3), n, kFloat, "VEC3", kArrayBuffer);
        const int uv =
            addAccessor(g.uvs.data(), n * sizeof(glm::vec2), n, kFloat, "VEC2", kArrayBuffer);
        const int indices =
            addAccessor(g.indices.data(), g.indices.size() * sizeof(std::uint32_t),
                        g.indices.size(), kUnsignedInt, "SCALAR", kElementArrayBuffer);
        prims.push_back(
            {{"attributes", {{"POSITION", position}, {"NORMAL", normal}, {"TEXCOORD_0", uv}}},
             {"indices", indices},
             {"material", p.material}});
    }
    return append(json_["meshes"], {{"name", name}, {"primitives", prims}});
}

int GlbWriter::addNode(const std::string& name, int mesh, glm::vec3 translation, float yaw,
                       const std::vector<int>& children) {
    nlohmann::json node = {{"name", name},
                           {"translation", {translation.x, translation.y, translation.z}}};
    if (yaw != 0.0f) node["rotation"] = {0.0f, std::sin(yaw / 2), 0.0f, std::cos(yaw / 2)};
    if (mesh >= 0) node["mesh"] = mesh;
    if (!children.empty()) node["children"] = children;
    return append(json_["nodes"], std::move(node));
}

void GlbWriter::setRoots(const std::vector<int>& roots) {
    json_["scenes"] = {{{"name", "site"}, {"nodes", roots}}};
    json_["scene"] = 0;
}

bool GlbWriter::write(const std::filesystem::path& path) const {
    nlohmann::json doc = json_;
    doc["asset"] = {{"version", "2.0"}, {"generator", "friche biggen"}};
    doc["buffers"] = {{{"byteLength", bin_.size()}}};
    std::string text = doc.dump();
    text.resize(padded(text.size()), ' ');  // the JSON chunk is padded with spaces
    const std::size_t total = 12 + 8 + text.size() + 8 + bin_.size();
    std::ofstream out(path, std::ios::binary);
    put32(out, kGlbMagic);
    put32(out, 2);
    put32(out, static_cast<std::uint32_t>(total));
    put32(out, static_cast<std::uint32_t>(text.size()));
    put32(out, kChunkJson);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    put32(out, static_cast<std::uint32_t>(bin_.size()));
    put32(out, kChunkBin);
    out.write(bin_.data(), static_cast<std::streamsize>(bin_.size()));
    if (!out) std::cerr << "biggen: cannot write " << path << "\n";
    return static_cast<bool>(out);
}

}  // namespace biggen
