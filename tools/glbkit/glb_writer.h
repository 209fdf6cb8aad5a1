// Assembling a binary glTF (.glb) from geometry, textures, materials and nodes.
//
//   glbkit::GlbWriter w("friche sitegen");
//   int tex = w.addPngTexture("brick", pngBytes);
//   int mat = w.addMaterial({.name = "brick", .roughness = 0.9f, .baseColorTexture = tex});
//   int mesh = w.addMesh("hall", {{&geometry, mat}});
//   int node = w.addNode({.name = "hall", .mesh = mesh, .translation = {10, 0, 0}});
//   w.setRoots({node});
//   w.write("site.glb");
//
// One buffer, one bufferView per accessor and per image, uint32 indices,
// POSITION min/max as the specification requires, one repeating mipmapped
// sampler shared by every texture. Children are added before their parents
// (a node names its children by index). The output is the same bytes for the
// same calls: nothing depends on time, threads or addresses.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "glbkit/geometry.h"

namespace glbkit {

struct PrimitiveSpec {
    const Geometry* geometry;
    int material;
    bool tangents = false;  // write TANGENT (the material has a normal map)
};

// A metal-rough material; a texture index of -1 means none. The occlusion
// texture reads the red channel, so it can share the metallic-roughness image.
struct MaterialSpec {
    std::string name{};
    glm::vec4 baseColor{1.0f};
    float metallic = 0.0f;
    float roughness = 1.0f;
    glm::vec3 emissive{0.0f};
    int baseColorTexture = -1;
    int metallicRoughnessTexture = -1;
    int normalTexture = -1;
    int occlusionTexture = -1;
    bool blend = false;  // alphaMode BLEND, using baseColor's alpha
    bool doubleSided = false;
};

// One copy of an instanced mesh (EXT_mesh_gpu_instancing), relative to its node.
struct Instance {
    glm::vec3 translation{0.0f};
    float yaw = 0.0f;  // radians about +Y
    float scale = 1.0f;
};

// A road that the viewer's landscape carries on beyond the ends it names
// (node extras friche.roads): its axis from `from` to `to` (x, z of the
// node's space), `width` wide, `color` its linear albedo seen from afar.
struct Road {
    glm::vec2 from{0.0f}, to{0.0f};
    float width = 0.0f;
    glm::vec3 color{0.0f};
    bool beyondFrom = true, beyondTo = true;
};

struct NodeSpec {
    std::string name{};
    int mesh = -1;
    int camera = -1;
    glm::vec3 translation{0.0f};
    float yaw = 0.0f;    // radians about +Y
    float pitch = 0.0f;  // radians about the turned +X, after the yaw: for cameras
    std::vector<int> children{};
    std::vector<Instance> instances{};  // empty: the mesh once, not instanced
    // Instances that drive along their own +X at this many m/s, each looping
    // over `driveSpan` metres centred on the node (node extras friche.drive,
    // docs/scenario-format.md); 0: they stand still.
    float driveSpeed = 0.0f;
    float driveSpan = 0.0f;
    // A river whose water runs from `riverFrom` to `riverTo` (x, z of the
    // node's space), `riverWidth` wide (node extras friche.river), which the
    // viewer's landscape carries on beyond both ends; 0 wide: none.
    glm::vec2 riverFrom{0.0f}, riverTo{0.0f};
    float riverWidth = 0.0f;
    std::vector<Road> roads{};
};

class GlbWriter {
public:
    explicit GlbWriter(std::string generator) : generator_(std::move(generator)) {}

    // A PNG embedded in the binary chunk, and a texture sampling it.
    int addPngTexture(const std::string& name, const std::vector<unsigned char>& png);
    int addMaterial(const MaterialSpec& spec);
    // A perspective camera (it looks down its node's -Z), vertical field of view in radians.
    int addCamera(const std::string& name, float yfov, float znear, float zfar);
    // Primitives with empty geometry are skipped; at least one must remain.
    int addMesh(const std::string& name, const std::vector<PrimitiveSpec>& primitives);
    int addNode(const NodeSpec& spec);
    void setRoots(const std::vector<int>& roots);
    // False with a message on stderr when the file cannot be written.
    bool write(const std::filesystem::path& path) const;

private:
    int addBufferView(const void* data, std::size_t bytes, int target);
    int addAccessor(const void* data, std::size_t bytes, std::size_t count, int componentType,
                    const char* type, int target);
    int addInstanceAccessor(const std::vector<float>& values, std::size_t count, const char* type);

    std::string generator_;
    nlohmann::json json_ = nlohmann::json::object();
    std::vector<char> bin_;
};

}  // namespace glbkit
