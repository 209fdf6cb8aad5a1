// A closed box `w` x `h` x `d` (in the file's units, red), standing on its
// origin, written as a glTF with its buffer beside it: an architect's massing
// volume for the proposal tests (command line and viewer alike).
//
//   auto hall = writeBoxGltf(folder, "hall", 40, 20, 30);   // folder/hall.gltf + hall.bin
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace friche::test {

inline std::filesystem::path writeBoxGltf(const std::filesystem::path& folder,
                                          const std::string& name, float w, float h, float d) {
    std::filesystem::create_directories(folder);
    std::vector<float> v;
    for (int i = 0; i < 8; ++i)
        v.insert(v.end(), {(i & 1) ? w / 2 : -w / 2, (i & 2) ? h : 0.0f, (i & 4) ? d / 2 : -d / 2});
    const std::vector<std::uint16_t> idx = {0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4,
                                            2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5};
    std::string bytes(v.size() * 4 + idx.size() * 2, '\0');
    std::memcpy(bytes.data(), v.data(), v.size() * 4);
    std::memcpy(bytes.data() + v.size() * 4, idx.data(), idx.size() * 2);
    std::ofstream(folder / (name + ".bin"), std::ios::binary) << bytes;
    const nlohmann::json gltf = {
        {"asset", {{"version", "2.0"}}},
        {"scene", 0},
        {"scenes", {{{"nodes", {0}}}}},
        {"nodes", {{{"mesh", 0}}}},
        {"materials", {{{"pbrMetallicRoughness", {{"baseColorFactor", {0.9, 0.1, 0.1, 1.0}}}}}}},
        {"meshes",
         {{{"primitives",
            {{{"attributes", {{"POSITION", 0}}}, {"indices", 1}, {"material", 0}}}}}}},
        {"accessors",
         {{{"bufferView", 0},
           {"componentType", 5126},
           {"count", 8},
           {"type", "VEC3"},
           {"min", {-w / 2, 0, -d / 2}},
           {"max", {w / 2, h, d / 2}}},
          {{"bufferView", 1}, {"componentType", 5123}, {"count", 36}, {"type", "SCALAR"}}}},
        {"bufferViews",
         {{{"buffer", 0}, {"byteLength", v.size() * 4}},
          {{"buffer", 0}, {"byteOffset", v.size() * 4}, {"byteLength", idx.size() * 2}}}},
        {"buffers", {{{"uri", name + ".bin"}, {"byteLength", bytes.size()}}}},
    };
    const auto path = folder / (name + ".gltf");
    std::ofstream(path) << gltf.dump();
    return path;
}

}  // namespace friche::test
