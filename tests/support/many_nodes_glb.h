// A valid .glb of `count` small shapes on a grid, each its own node: the file
// a hostile or careless exporter writes (every bolt of a steel frame its own
// object), which must render in time proportional to its content.
//
//   writeManyNodesGlb(folder / "boxes.glb", 300000, Shape::Box, Sharing::MeshPerNode);
//
// MeshPerNode gives every node its own mesh over one shared set of accessors
// (a few bytes of JSON a shape); OneMesh has every node point at the same mesh.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace friche::test {

enum class Shape { Box, Triangle };
enum class Sharing { MeshPerNode, OneMesh };

inline void writeManyNodesGlb(const std::filesystem::path& path, int count, Shape shape,
                              Sharing sharing) {
    std::vector<float> positions, normals;
    std::vector<std::uint16_t> indices;
    if (shape == Shape::Triangle) {
        positions = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        normals = {0, 0, 1, 0, 0, 1, 0, 0, 1};
        indices = {0, 1, 2};
    } else {
        // A unit box, four vertices a face so each face has its own normal.
        for (int axis = 0; axis < 3; ++axis)
            for (float sign : {-1.0f, 1.0f}) {
                const auto base = static_cast<std::uint16_t>(positions.size() / 3);
                const int u = (axis + 1) % 3, v = (axis + 2) % 3;
                for (int corner = 0; corner < 4; ++corner) {
                    float p[3], n[3] = {0, 0, 0};
                    p[axis] = 0.5f * sign;
                    p[u] = (corner & 1) ? 0.5f : -0.5f;
                    p[v] = (corner & 2) ? 0.5f : -0.5f;
                    n[axis] = sign;
                    positions.insert(positions.end(), p, p + 3);
                    normals.insert(normals.end(), n, n + 3);
                }
                // Counter-clockwise seen from outside whichever way the face looks.
                const std::vector<int> quad =
                    sign > 0 ? std::vector{0, 1, 3, 0, 3, 2} : std::vector{0, 3, 1, 0, 2, 3};
                for (int q : quad) indices.push_back(static_cast<std::uint16_t>(base + q));
            }
    }
    const std::size_t vertices = positions.size() / 3;
    std::string bin(positions.size() * 4 * 2 + indices.size() * 2, '\0');
    std::memcpy(bin.data(), positions.data(), positions.size() * 4);
    std::memcpy(bin.data() + positions.size() * 4, normals.data(), normals.size() * 4);
    std::memcpy(bin.data() + positions.size() * 8, indices.data(), indices.size() * 2);
    while (bin.size() % 4) bin.push_back('\0');

    const nlohmann::json primitive = {
        {"attributes", {{"POSITION", 0}, {"NORMAL", 1}}}, {"indices", 2}, {"material", 0}};
    nlohmann::json nodes = nlohmann::json::array(), meshes = nlohmann::json::array(),
                   roots = nlohmann::json::array();
    const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(count))));
    for (int i = 0; i < count; ++i) {
        const int mesh = sharing == Sharing::OneMesh ? 0 : i;
        if (mesh == i) meshes.push_back({{"primitives", {primitive}}});
        nodes.push_back({{"mesh", mesh}, {"translation", {2 * (i % side), 0, 2 * (i / side)}}});
        roots.push_back(i);
    }
    const float lo = shape == Shape::Box ? -0.5f : 0.0f, hi = shape == Shape::Box ? 0.5f : 1.0f;
    const nlohmann::json gltf = {
        {"asset", {{"version", "2.0"}}},
        {"scene", 0},
        {"scenes", {{{"nodes", roots}}}},
        {"nodes", nodes},
        {"meshes", meshes},
        {"materials", {{{"pbrMetallicRoughness", {{"baseColorFactor", {0.8, 0.8, 0.7, 1.0}}}}}}},
        {"accessors",
         {{{"bufferView", 0},
           {"componentType", 5126},
           {"count", vertices},
           {"type", "VEC3"},
           {"min", {lo, lo, shape == Shape::Box ? lo : 0.0f}},
           {"max", {hi, hi, shape == Shape::Box ? hi : 0.0f}}},
          {{"bufferView", 1}, {"componentType", 5126}, {"count", vertices}, {"type", "VEC3"}},
          {{"bufferView", 2},
           {"componentType", 5123},
           {"count", indices.size()},
           {"type", "SCALAR"}}}},
        {"bufferViews",
         {{{"buffer", 0}, {"byteLength", positions.size() * 4}},
          {{"buffer", 0}, {"byteOffset", positions.size() * 4}, {"byteLength", normals.size() * 4}},
          {{"buffer", 0},
           {"byteOffset", positions.size() * 8},
           {"byteLength", indices.size() * 2}}}},
        {"buffers", {{{"byteLength", bin.size()}}}},
    };
    std::string json = gltf.dump();
    while (json.size() % 4) json.push_back(' ');

    std::ofstream out(path, std::ios::binary);
    const auto word = [&out](std::size_t value) {
        const auto w = static_cast<std::uint32_t>(value);
        out.write(reinterpret_cast<const char*>(&w), 4);
    };
    out.write("glTF", 4);
    word(2);
    word(12 + 8 + json.size() + 8 + bin.size());
    word(json.size());
    out.write("JSON", 4);
    out << json;
    word(bin.size());
    out.write("BIN\0", 4);
    out << bin;
}

}  // namespace friche::test
