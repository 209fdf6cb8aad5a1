// The bounds checked before any parser or decoder sees a file's bytes
// (issue 13): nesting, counts, the memory a file will take, shared geometry.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/json_shape.h"
#include "core/memory.h"
#include "io/image_decode.h"
#include "io/load.h"
#include "support/hostile_models.h"

namespace fs = std::filesystem;
using namespace friche;
using test::pngHeader;

namespace {}  // namespace

TEST(JsonShape, CountsValuesMembersAndTopLevelArrays) {
    const auto shape = core::measureJson(
        R"({"asset": {"version": "2.0"}, "materials": [{"name": "a"}, {}, {"x": [1, 2]}],
            "nodes": [], "scene": 0, "s": "[{\"]"})",
        64);
    EXPECT_FALSE(shape.tooDeepAt);
    EXPECT_EQ(shape.topLevelCount("materials"), 3u);
    EXPECT_EQ(shape.topLevelCount("nodes"), 0u);
    EXPECT_EQ(shape.topLevelCount("meshes"), 0u);
    // Members: asset, version, materials, name, x, nodes, scene, s.
    EXPECT_EQ(shape.members, 8u);
    // Values: root, asset object, "2.0", materials array, 3 objects, "a", [1,2], 1, 2,
    // nodes array, 0, the string with brackets in it; 8 of them containers.
    EXPECT_EQ(shape.values, 14u);
    EXPECT_EQ(shape.containers, 8u);
}

TEST(JsonShape, FindsTheFirstBracketTooDeep) {
    const std::string text = "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    const auto shape = core::measureJson(text, 64);
    ASSERT_TRUE(shape.tooDeepAt);
    EXPECT_EQ(*shape.tooDeepAt, 6u + 63u);  // the 65th bracket: '{' is the first
    // Brackets inside strings are text, not nesting.
    EXPECT_FALSE(core::measureJson("[\"" + std::string(1000, '[') + "\"]", 64).tooDeepAt);
}

TEST(MemoryLimit, TheOperatorsCapApplies) {
    core::capMemory(std::uint64_t{123} << 20);
    EXPECT_EQ(core::memoryLimit(), std::uint64_t{123} << 20);
    core::capMemory(0);
    EXPECT_GT(core::memoryLimit(), std::uint64_t{123} << 20);
    EXPECT_EQ(core::needsMoreMemory(3u << 30, 1u << 30),
              "this file needs 3072 MiB, more than the limit of 1024 MiB");
}

TEST(ImageBudget, TheLargestImagesAreHalvedUntilTheFileFits) {
    std::vector<io::EncodedImage> sources;
    for (int i = 0; i < 4; ++i)
        sources.push_back({"/images/" + std::to_string(i), "big", pngHeader(16384, 8192)});
    sources.push_back({"/images/4", "small", pngHeader(512, 512)});
    const io::DecodePlan plan = io::planDecoding(sources);
    ASSERT_EQ(plan.images.size(), 5u);
    // 537 million pixels, 268 million allowed: three of the four big ones
    // halved (the fourth then fits), the small one kept.
    int halved = 0;
    for (int i = 0; i < 4; ++i) halved += plan.images[i].halvings;
    EXPECT_EQ(halved, 3);
    EXPECT_EQ(plan.images[4].halvings, 0);
    EXPECT_EQ(plan.heldBytes, (16384ull * 8192 + 3ull * 8192 * 4096 + 512 * 512) * 4);
    EXPECT_LE(plan.heldBytes, io::kMaxTotalPixels * 4);
    EXPECT_EQ(plan.peakBytes, 16384ull * 8192 * 8);
}

TEST(ImageBudget, HalvingAveragesTwoByTwo) {
    // A real texture, decoded whole and halved once: each halved pixel is the
    // rounded mean of the 2 x 2 block it replaces.
    const fs::path file = fs::path(FRICHE_CORPUS_DIR) /
                          "glTF-Sample-Assets/Models/BoxTextured/glTF/CesiumLogoFlat.png";
    std::ifstream in(file, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    scene::Image whole, half;
    std::string reason;
    ASSERT_TRUE(io::decodeImage(bytes, whole, reason)) << reason;
    ASSERT_TRUE(io::decodeImage(bytes, half, reason, 1)) << reason;
    EXPECT_EQ(half.width, whole.width / 2);
    EXPECT_EQ(half.height, whole.height / 2);
    for (const auto& [x, y] : {std::pair{0, 0}, {17, 40}, {half.width - 1, half.height - 1}}) {
        for (int c = 0; c < 4; ++c) {
            auto at = [&](int wx, int wy) {
                return int(
                    whole.rgba[(std::size_t(wy) * std::size_t(whole.width) + std::size_t(wx)) * 4 +
                               std::size_t(c)]);
            };
            const int sum = at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) +
                            at(2 * x + 1, 2 * y + 1);
            EXPECT_EQ(
                int(half.rgba[(std::size_t(y) * std::size_t(half.width) + std::size_t(x)) * 4 +
                              std::size_t(c)]),
                (sum + 2) / 4)
                << x << "," << y << " channel " << c;
        }
    }
}

TEST(SharedGeometry, IdenticalMeshesAreConvertedOnce) {
    // Three meshes over the same accessors, and one with another material.
    const fs::path file = fs::path(FRICHE_TEST_OUT) / "shared-meshes.gltf";
    fs::create_directories(file.parent_path());
    std::ofstream(file) << R"({"asset":{"version":"2.0"},"scene":0,
      "scenes":[{"nodes":[0,1,2,3]}],
      "nodes":[{"mesh":0},{"mesh":1},{"mesh":2},{"mesh":3}],
      "materials":[{},{}],
      "meshes":[{"primitives":[{"attributes":{"POSITION":0},"material":0}]},
                {"primitives":[{"attributes":{"POSITION":0},"material":0}]},
                {"primitives":[{"attributes":{"POSITION":0},"material":1}]},
                {"name":"same","primitives":[{"attributes":{"POSITION":0},"material":0}]}],
      "accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3",
                    "min":[0,0,0],"max":[1,1,0]}],
      "bufferViews":[{"buffer":0,"byteLength":36}],
      "buffers":[{"byteLength":36,
        "uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}]})";
    const io::LoadResult r = io::loadModel(file);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.model.meshes.size(), 4u);
    EXPECT_EQ(r.model.nodes[0].mesh, 0);
    EXPECT_EQ(r.model.nodes[1].mesh, 0);
    EXPECT_EQ(r.model.nodes[2].mesh, 2);  // another material: its own
    EXPECT_EQ(r.model.nodes[3].mesh, 0);
    EXPECT_TRUE(r.model.meshes[1].primitives.empty());
    EXPECT_EQ(r.model.meshes[3].name, "same");
    EXPECT_EQ(r.model.meshes[0].primitives.at(0).positions.size(), 3u);
}
