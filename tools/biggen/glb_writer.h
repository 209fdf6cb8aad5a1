// Assembling a binary glTF (.glb) from geometry, meshes and nodes.
//
//   biggen::GlbWriter w;
//   int mat = w.addMaterial("brick", {0.5f, 0.2f, 0.1f}, 0.0f, 0.9f);
//   int prim = ...; w.addMesh("hall 1", {{geometry, mat}});
//   int node = w.addNode("hall 1", mesh, translation, yaw, {});
//   w.setRoots({node});
//   w.write("big.glb");
//
// One buffer, one bufferView per accessor (as most exporters write), uint32
// indices, POSITION min/max as the specification requires. The output is the
// same bytes for the same calls: nothing depends on time, threads or addresses.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "biggen/shapes.h"

namespace biggen {

struct PrimitiveSpec {
    const Geometry* geometry;
    int material;
};

class GlbWriter {
public:
    int addMaterial(const std::string& name, glm::vec3 baseColor, float metallic, float roughness);
    int addMesh(const std::string& name, const std::vector<PrimitiveSpec>& primitives);
    // A node placed at `translation`, turned `yaw` radians about +Y.
    int addNode(const std::string& name, int mesh, glm::vec3 translation, float yaw,
                const std::vector<int>& children);
    void setRoots(const std::vector<int>& roots);
    // False with a message on stderr when the file cannot be written.
    bool write(const std::filesystem::path& path) const;

private:
    int addAccessor(const void* data, std::size_t bytes, std::size_t count, int componentType,
                    const char* type, int target);

    nlohmann::json json_ = nlohmann::json::object();
    std::vector<char> bin_;
};

}  // namespace biggen
