#include "glbkit/glb_writer.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iostream>

namespace glbkit {
namespace {

constexpr int kFloat = 5126;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;
constexpr int kNoTarget = 0;  // images and instance data: no vertex-buffer target
constexpr int kRepeat = 10497;
constexpr int kLinear = 9729;
constexpr int kLinearMipmapLinear = 9987;

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;
constexpr const char* kInstancing = "EXT_mesh_gpu_instancing";

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

nlohmann::json textureInfo(int texture) {
    return {{"index", texture}};
}

nlohmann::json yawQuaternion(float yaw) {
    return {0.0f, std::sin(yaw / 2), 0.0f, std::cos(yaw / 2)};
}

// The yaw about Y times the pitch about X, as glTF's (x, y, z, w).
nlohmann::json yawPitchQuaternion(float yaw, float pitch) {
    const float cy = std::cos(yaw / 2), sy = std::sin(yaw / 2);
    const float cp = std::cos(pitch / 2), sp = std::sin(pitch / 2);
    return {cy * sp, sy * cp, -sy * sp, cy * cp};
}

}  // namespace

// Every view starts 4-byte aligned: vertex components are 4 bytes wide, and
// the padding between images is harmless.
int GlbWriter::addBufferView(const void* data, std::size_t bytes, int target) {
    const std::size_t offset = bin_.size();
    bin_.resize(offset + padded(bytes), 0);
    std::memcpy(bin_.data() + offset, data, bytes);
    nlohmann::json view = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}};
    if (target != kNoTarget) view["target"] = target;
    return append(json_["bufferViews"], std::move(view));
}

int GlbWriter::addAccessor(const void* data, std::size_t bytes, std::size_t count,
                           int componentType, const char* type, int target) {
    const int view = addBufferView(data, bytes, target);
    return append(
        json_["accessors"],
        {{"bufferView", view}, {"componentType", componentType}, {"count", count}, {"type", type}});
}

int GlbWriter::addInstanceAccessor(const std::vector<float>& values, std::size_t count,
                                   const char* type) {
    return addAccessor(values.data(), values.size() * sizeof(float), count, kFloat, type,
                       kNoTarget);
}

int GlbWriter::addPngTexture(const std::string& name, const std::vector<unsigned char>& png) {
    if (!json_.contains("samplers")) {
        json_["samplers"] = {{{"magFilter", kLinear},
                              {"minFilter", kLinearMipmapLinear},
                              {"wrapS", kRepeat},
                              {"wrapT", kRepeat}}};
    }
    const int view = addBufferView(png.data(), png.size(), kNoTarget);
    const int image =
        append(json_["images"], {{"name", name}, {"bufferView", view}, {"mimeType", "image/png"}});
    return append(json_["textures"], {{"name", name}, {"sampler", 0}, {"source", image}});
}

int GlbWriter::addMaterial(const MaterialSpec& s) {
    nlohmann::json pbr = {
        {"baseColorFactor", {s.baseColor.r, s.baseColor.g, s.baseColor.b, s.baseColor.a}},
        {"metallicFactor", s.metallic},
        {"roughnessFactor", s.roughness}};
    if (s.baseColorTexture >= 0) pbr["baseColorTexture"] = textureInfo(s.baseColorTexture);
    if (s.metallicRoughnessTexture >= 0)
        pbr["metallicRoughnessTexture"] = textureInfo(s.metallicRoughnessTexture);
    nlohmann::json m = {{"name", s.name}, {"pbrMetallicRoughness", std::move(pbr)}};
    if (s.normalTexture >= 0) m["normalTexture"] = textureInfo(s.normalTexture);
    if (s.occlusionTexture >= 0) m["occlusionTexture"] = textureInfo(s.occlusionTexture);
    if (s.emissive != glm::vec3(0.0f))
        m["emissiveFactor"] = {s.emissive.r, s.emissive.g, s.emissive.b};
    if (s.blend) m["alphaMode"] = "BLEND";
    if (s.doubleSided) m["doubleSided"] = true;
    return append(json_["materials"], std::move(m));
}

int GlbWriter::addCamera(const std::string& name, float yfov, float znear, float zfar) {
    return append(json_["cameras"],
                  {{"name", name},
                   {"type", "perspective"},
                   {"perspective", {{"yfov", yfov}, {"znear", znear}, {"zfar", zfar}}}});
}

int GlbWriter::addMesh(const std::string& name, const std::vector<PrimitiveSpec>& primitives) {
    nlohmann::json prims = nlohmann::json::array();
    for (const PrimitiveSpec& p : primitives) {
        const Geometry& g = *p.geometry;
        if (g.empty()) continue;
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
        nlohmann::json attributes = {
            {"POSITION", position}, {"NORMAL", normal}, {"TEXCOORD_0", uv}};
        if (p.tangents) {
            const std::vector<glm::vec4> t = computeTangents(g);
            attributes["TANGENT"] =
                addAccessor(t.data(), n * sizeof(glm::vec4), n, kFloat, "VEC4", kArrayBuffer);
        }
        if (!g.colors.empty()) {
            std::vector<glm::vec3> c = g.colors;
            c.resize(n, glm::vec3(1));
            attributes["COLOR_0"] =
                addAccessor(c.data(), n * sizeof(glm::vec3), n, kFloat, "VEC3", kArrayBuffer);
        }
        prims.push_back({{"attributes", std::move(attributes)},
                         {"indices", indices},
                         {"material", p.material}});
    }
    return append(json_["meshes"], {{"name", name}, {"primitives", prims}});
}

int GlbWriter::addNode(const NodeSpec& s) {
    nlohmann::json node = {{"name", s.name}};
    if (s.translation != glm::vec3(0.0f))
        node["translation"] = {s.translation.x, s.translation.y, s.translation.z};
    if (s.yaw != 0.0f || s.pitch != 0.0f) node["rotation"] = yawPitchQuaternion(s.yaw, s.pitch);
    if (s.mesh >= 0) node["mesh"] = s.mesh;
    if (s.camera >= 0) node["camera"] = s.camera;
    if (!s.children.empty()) node["children"] = s.children;
    if (!s.instances.empty()) {
        std::vector<float> t, r, sc;
        for (const Instance& i : s.instances) {
            t.insert(t.end(), {i.translation.x, i.translation.y, i.translation.z});
            for (const auto& q : yawQuaternion(i.yaw)) r.push_back(q.get<float>());
            sc.insert(sc.end(), {i.scale, i.scale, i.scale});
        }
        const std::size_t n = s.instances.size();
        node["extensions"][kInstancing]["attributes"] = {
            {"TRANSLATION", addInstanceAccessor(t, n, "VEC3")},
            {"ROTATION", addInstanceAccessor(r, n, "VEC4")},
            {"SCALE", addInstanceAccessor(sc, n, "VEC3")}};
        json_["extensionsUsed"] = {kInstancing};
    }
    if (s.driveSpeed != 0.0f)
        node["extras"]["friche"]["drive"] = {{"speed", s.driveSpeed}, {"span", s.driveSpan}};
    if (s.riverWidth > 0.0f)
        node["extras"]["friche"]["river"] = {{"from", {s.riverFrom.x, s.riverFrom.y}},
                                             {"to", {s.riverTo.x, s.riverTo.y}},
                                             {"width", s.riverWidth}};
    for (const Road& road : s.roads) {
        nlohmann::json ends = nlohmann::json::array();
        if (road.beyondFrom) ends.push_back("from");
        if (road.beyondTo) ends.push_back("to");
        node["extras"]["friche"]["roads"].push_back(
            {{"from", {road.from.x, road.from.y}},
             {"to", {road.to.x, road.to.y}},
             {"width", road.width},
             {"color", {road.color.r, road.color.g, road.color.b}},
             {"beyond", ends}});
    }
    return append(json_["nodes"], std::move(node));
}

void GlbWriter::setRoots(const std::vector<int>& roots) {
    json_["scenes"] = {{{"name", "site"}, {"nodes", roots}}};
    json_["scene"] = 0;
}

bool GlbWriter::write(const std::filesystem::path& path) const {
    nlohmann::json doc = json_;
    doc["asset"] = {{"version", "2.0"}, {"generator", generator_}};
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
    if (!out) std::cerr << generator_ << ": cannot write " << path << "\n";
    return static_cast<bool>(out);
}

}  // namespace glbkit
