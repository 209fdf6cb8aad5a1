// Closed boxes (in the file's units, red), each standing on its origin,
// written as a glTF with its buffer beside it: an architect's massing volume
// for the proposal tests (command line and viewer alike), posts for the
// renderer's tests.
//
//   auto hall = writeBoxGltf(folder, "hall", 40, 20, 30);   // folder/hall.gltf + hall.bin
//   auto posts = writeBoxesGltf(folder, "posts", {{.size = {1, 9, 1}, .at = {-2, 0, 0}},
//                                                 {.size = {1, 4, 1}, .at = {2, 0, 0}}});
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

namespace friche::test {

struct Box {
    glm::vec3 size{1.0f};  // width, height, depth
    glm::vec3 at{0.0f};    // where it stands: the middle of its foot
};

// A node and a mesh for each box, the boxes' corners one after the other in
// one buffer, their 36 indices shared.
inline std::filesystem::path writeBoxesGltf(const std::filesystem::path& folder,
                                            const std::string& name,
                                            const std::vector<Box>& boxes) {
    std::filesystem::create_directories(folder);
    std::vector<float> v;
    for (const Box& b : boxes) {
        const float w = b.size.x, h = b.size.y, d = b.size.z;
        for (int i = 0; i < 8; ++i)
            v.insert(v.end(),
                     {(i & 1) ? w / 2 : -w / 2, (i & 2) ? h : 0.0f, (i & 4) ? d / 2 : -d / 2});
    }
    const std::vector<std::uint16_t> idx = {0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4,
                                            2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5};
    std::string bytes(v.size() * 4 + idx.size() * 2, '\0');
    std::memcpy(bytes.data(), v.data(), v.size() * 4);
    std::memcpy(bytes.data() + v.size() * 4, idx.data(), idx.size() * 2);
    std::ofstream(folder / (name + ".bin"), std::ios::binary) << bytes;
    nlohmann::json nodes = nlohmann::json::array(), meshes = nlohmann::json::array(),
                   accessors = nlohmann::json::array(), roots = nlohmann::json::array();
    const int indices = static_cast<int>(boxes.size());
    for (int i = 0; i < indices; ++i) {
        const Box& b = boxes[static_cast<std::size_t>(i)];
        const float w = b.size.x, h = b.size.y, d = b.size.z;
        nlohmann::json node = {{"mesh", i}};
        if (b.at != glm::vec3(0.0f)) node["translation"] = {b.at.x, b.at.y, b.at.z};
        nodes.push_back(node);
        roots.push_back(i);
        meshes.push_back(
            {{"primitives",
              {{{"attributes", {{"POSITION", i}}}, {"indices", indices}, {"material", 0}}}}});
        nlohmann::json corners = {
            {"bufferView", 0}, {"componentType", 5126},      {"count", 8},
            {"type", "VEC3"},  {"min", {-w / 2, 0, -d / 2}}, {"max", {w / 2, h, d / 2}}};
        if (i > 0) corners["byteOffset"] = i * 8 * 12;
        accessors.push_back(corners);
    }
    accessors.push_back(
        {{"bufferView", 1}, {"componentType", 5123}, {"count", 36}, {"type", "SCALAR"}});
    nlohmann::json cornersView = {{"buffer", 0}, {"byteLength", v.size() * 4}};
    // Several vertex accessors in one view need its stride (glTF 2.0, 3.6.2.4).
    if (boxes.size() > 1) cornersView["byteStride"] = 12;
    const nlohmann::json gltf = {
        {"asset", {{"version", "2.0"}}},
        {"scene", 0},
        {"scenes", {{{"nodes", roots}}}},
        {"nodes", nodes},
        {"materials", {{{"pbrMetallicRoughness", {{"baseColorFactor", {0.9, 0.1, 0.1, 1.0}}}}}}},
        {"meshes", meshes},
        {"accessors", accessors},
        {"bufferViews",
         {cornersView,
          {{"buffer", 0}, {"byteOffset", v.size() * 4}, {"byteLength", idx.size() * 2}}}},
        {"buffers", {{{"uri", name + ".bin"}, {"byteLength", bytes.size()}}}},
    };
    const auto path = folder / (name + ".gltf");
    std::ofstream(path) << gltf.dump();
    return path;
}

// One box `w` x `h` x `d`.
inline std::filesystem::path writeBoxGltf(const std::filesystem::path& folder,
                                          const std::string& name, float w, float h, float d) {
    return writeBoxesGltf(folder, name, {{.size = {w, h, d}, .at = {0.0f, 0.0f, 0.0f}}});
}

}  // namespace friche::test
