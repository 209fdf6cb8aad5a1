// io::loadGltf over the real glTF corpus: every sample model loads, counts
// match what the files declare, and each feature the loader supports shows up
// in the scene data.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "io/image_decode.h"
#include "io/load.h"
#include "scene/draw_list.h"
#include "support/hostile_models.h"
#include "support/problem_text.h"

namespace fs = std::filesystem;
using namespace friche;
using test::describe;
using test::pngHeader;

namespace {

const fs::path kCorpus = FRICHE_CORPUS_DIR;
const fs::path kModels = kCorpus / "glTF-Sample-Assets" / "Models";

fs::path model(const std::string& name, const std::string& variant, const std::string& file) {
    return kModels / fs::u8path(name) / variant / fs::u8path(file);
}

io::LoadResult loadOk(const fs::path& path) {
    io::LoadResult r = io::loadGltf(path);
    EXPECT_TRUE(r.ok()) << path << "\n" << describe(r.problems);
    return r;
}

scene::Stats statsOf(const scene::Model& m) {
    return scene::computeStats(m, scene::buildDrawList(m, m.defaultScene));
}

bool hasProblem(const core::Problems& problems, core::Severity severity, const std::string& code) {
    const auto& l = problems.list();
    return std::any_of(l.begin(), l.end(), [&](const core::Problem& p) {
        return p.severity == severity && p.code == code;
    });
}

// ---------------------------------------------------------------- the corpus

std::vector<fs::path> corpusFiles() {
    std::vector<fs::path> files;
    for (const fs::path& root :
         {kModels, kCorpus / "glTF-Sample-Models", kCorpus / "meshoptimizer"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string ext = entry.path().extension().string();
            if (entry.is_regular_file() && (ext == ".gltf" || ext == ".glb"))
                files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

class CorpusLoad : public testing::TestWithParam<fs::path> {};

// Loads, and the scene data keeps the promises of scene/model.h.
TEST_P(CorpusLoad, LoadsWithConsistentGeometry) {
    const io::LoadResult r = loadOk(GetParam());
    const scene::Model& m = r.model;
    ASSERT_FALSE(m.scenes.empty());
    ASSERT_LT(m.defaultScene, static_cast<int>(m.scenes.size()));
    for (const scene::Mesh& mesh : m.meshes) {
        for (const scene::Primitive& p : mesh.primitives) {
            const std::size_t n = p.positions.size();
            ASSERT_GT(n, 0u);
            EXPECT_TRUE(p.bounds.valid());
            for (const std::size_t size : {p.normals.size(), p.tangents.size(), p.uv0.size(),
                                           p.uv1.size(), p.colors.size()}) {
                EXPECT_TRUE(size == 0 || size == n);
            }
            if (p.mode >= scene::PrimitiveMode::Triangles) {
                EXPECT_EQ(p.normals.size(), n);
            }
            EXPECT_TRUE(std::all_of(p.indices.begin(), p.indices.end(),
                                    [n](std::uint32_t i) { return i < n; }));
            EXPECT_LT(p.material, static_cast<int>(m.materials.size()));
        }
    }
}

std::string testName(const testing::TestParamInfo<fs::path>& info) {
    std::string name = fs::relative(info.param, kCorpus).string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name + "_" + std::to_string(info.index);  // the index keeps non-ASCII names unique
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusLoad, testing::ValuesIn(corpusFiles()), testName);

TEST(GltfCorpus, FindsTheWholeCorpus) {
    // 77 .gltf/.glb files under the three folders (find ... | wc -l).
    EXPECT_EQ(corpusFiles().size(), 77u);
}

// ----------------------------------------------------------- exact counts

struct Expected {
    const char* path;  // relative to the corpus
    std::size_t nodes, meshes, materials, textures, triangles;
};

// Derived from the files' JSON by a Python script independent of this code:
// array lengths of nodes/meshes/materials/textures; triangles = sum over the
// default scene's visible nodes of (indices or POSITION count) / 3 for mode 4
// and count - 2 for modes 5 and 6, times the EXT_mesh_gpu_instancing count.
const Expected kExpected[] = {
    {"glTF-Sample-Assets/Models/Box/glTF-Binary/Box.glb", 2, 1, 1, 0, 12},
    {"glTF-Sample-Assets/Models/BoxTextured/glTF-Binary/BoxTextured.glb", 2, 1, 1, 1, 12},
    {"glTF-Sample-Assets/Models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb", 1, 1, 1, 5, 15452},
    {"glTF-Sample-Models/2.0/2CylinderEngine/glTF-Binary/2CylinderEngine.glb", 82, 29, 34, 0,
     121496},
    {"glTF-Sample-Assets/Models/SimpleInstancing/glTF/SimpleInstancing.gltf", 1, 1, 0, 0, 1500},
    {"glTF-Sample-Assets/Models/Duck/glTF-Binary/Duck.glb", 3, 1, 1, 1, 4212},
    {"glTF-Sample-Assets/Models/Fox/glTF-Binary/Fox.glb", 26, 1, 1, 1, 576},
    {"glTF-Sample-Assets/Models/CesiumMan/glTF-Binary/CesiumMan.glb", 22, 1, 1, 1, 4672},
    {"glTF-Sample-Assets/Models/ToyCar/glTF/ToyCar.gltf", 11, 3, 3, 8, 108936},
    {"glTF-Sample-Assets/Models/VC/glTF-Binary/VC.glb", 234, 135, 167, 28, 8383},
    {"glTF-Sample-Assets/Models/MeshPrimitiveModes/glTF/MeshPrimitiveModes.gltf", 7, 7, 0, 0, 16},
    {"glTF-Sample-Assets/Models/AlphaBlendModeTest/glTF-Binary/AlphaBlendModeTest.glb", 9, 9, 6, 4,
     61},
    {"glTF-Sample-Assets/Models/MaterialsVariantsShoe/glTF/MaterialsVariantsShoe.gltf", 3, 1, 3, 5,
     22700},
    {"glTF-Sample-Assets/Models/NegativeScaleTest/glTF-Binary/NegativeScaleTest.glb", 14, 8, 6, 2,
     7724},
    {"meshoptimizer/demo/pirate.glb", 1, 1, 1, 0, 5010},
};

TEST(GltfCounts, MatchTheFiles) {
    for (const Expected& e : kExpected) {
        SCOPED_TRACE(e.path);
        const io::LoadResult r = loadOk(kCorpus / e.path);
        const scene::Stats s = statsOf(r.model);
        EXPECT_EQ(s.nodes, e.nodes);
        EXPECT_EQ(s.meshes, e.meshes);
        EXPECT_EQ(s.materials, e.materials);
        EXPECT_EQ(s.textures, e.textures);
        EXPECT_EQ(s.triangles, e.triangles);
    }
}

// --------------------------------------------------------- single features

TEST(GltfFeatures, ExternalTexturesWithSpacesAndUnicodeNames) {
    for (const fs::path& path : {model("Box With Spaces", "glTF", "Box With Spaces.gltf"),
                                 model("Unicode❤♻Test", "glTF", "Unicode❤♻Test.gltf")}) {
        SCOPED_TRACE(path);
        const io::LoadResult r = loadOk(path);
        ASSERT_FALSE(r.model.images.empty());
        for (const scene::Image& image : r.model.images) {
            EXPECT_GT(image.width, 0) << image.name;
            EXPECT_EQ(image.rgba.size(), static_cast<std::size_t>(image.width) * image.height * 4);
        }
        EXPECT_EQ(r.problems.count(core::Severity::Warning), 0) << describe(r.problems);
    }
}

TEST(GltfFeatures, DracoBoxMatchesPlainBox) {
    const io::LoadResult plain = loadOk(model("Box", "glTF", "Box.gltf"));
    const io::LoadResult draco = loadOk(model("Box", "glTF-Draco", "Box.gltf"));
    EXPECT_EQ(statsOf(draco.model).triangles, statsOf(plain.model).triangles);
    const auto bounds = [](const scene::Model& m) {
        return scene::worldBounds(m, scene::buildDrawList(m, m.defaultScene));
    };
    const scene::Bounds a = bounds(plain.model), b = bounds(draco.model);
    ASSERT_TRUE(a.valid());
    for (int i = 0; i < 3; ++i) {
        EXPECT_NEAR(a.min[i], b.min[i], 1e-3);
        EXPECT_NEAR(a.max[i], b.max[i], 1e-3);
    }
}

TEST(GltfFeatures, MeshoptPirateDecodes) {
    const io::LoadResult r = loadOk(kCorpus / "meshoptimizer/demo/pirate.glb");
    const auto items = scene::buildDrawList(r.model, r.model.defaultScene);
    EXPECT_GT(scene::computeStats(r.model, items).triangles, 0u);
    const scene::Bounds b = scene::worldBounds(r.model, items);
    ASSERT_TRUE(b.valid());
    // A character of a few units; undecoded (zero) or garbage data gives a point or a huge box.
    const glm::vec3 size = b.size();
    EXPECT_GT(std::min({size.x, size.y, size.z}), 0.1f);
    EXPECT_LT(std::max({size.x, size.y, size.z}), 100.0f);
    const scene::Primitive& p = r.model.meshes[0].primitives[0];
    for (const glm::vec3& n : p.normals)
        ASSERT_NEAR(glm::length(n), 1.0f, 0.02f);  // octahedral filter
}

TEST(GltfFeatures, SparseAccessorSubstitutes) {
    const io::LoadResult r =
        loadOk(model("SimpleSparseAccessor", "glTF", "SimpleSparseAccessor.gltf"));
    const auto& pos = r.model.meshes.at(0).primitives.at(0).positions;
    // The .bin's sparse indices are 8, 10, 12 with values (1,2,0), (3,3,0), (5,4,0);
    // the base array has (i % 7, i / 7, 0). Flat normals de-index: find by value.
    const auto has = [&](glm::vec3 v) { return std::find(pos.begin(), pos.end(), v) != pos.end(); };
    EXPECT_TRUE(has({1, 2, 0}));
    EXPECT_TRUE(has({3, 3, 0}));
    EXPECT_TRUE(has({5, 4, 0}));
    EXPECT_FALSE(has({1, 1, 0}));  // vertex 8 before substitution
    EXPECT_TRUE(has({2, 1, 0}));   // vertex 9, not substituted
}

TEST(GltfFeatures, SecondUvSet) {
    const io::LoadResult r = loadOk(model("MultiUVTest", "glTF", "MultiUVTest.gltf"));
    const scene::Primitive& p = r.model.meshes.at(0).primitives.at(0);
    EXPECT_EQ(p.uv1.size(), p.positions.size());
    EXPECT_NE(p.uv0, p.uv1);
}

TEST(GltfFeatures, VertexColors) {
    for (const fs::path& path : {model("VertexColorTest", "glTF", "VertexColorTest.gltf"),
                                 model("BoxVertexColors", "glTF", "BoxVertexColors.gltf")}) {
        SCOPED_TRACE(path);
        const io::LoadResult r = loadOk(path);
        std::size_t colored = 0;
        for (const auto& mesh : r.model.meshes)
            for (const auto& p : mesh.primitives)
                if (!p.colors.empty()) {
                    ++colored;
                    for (const glm::vec4& c : p.colors) {
                        ASSERT_GE(glm::min(glm::min(c.r, c.g), glm::min(c.b, c.a)), 0.0f);
                        ASSERT_LE(glm::max(glm::max(c.r, c.g), glm::max(c.b, c.a)), 1.0f);
                    }
                }
        EXPECT_GT(colored, 0u);
    }
}

TEST(GltfFeatures, GpuInstancing) {
    const io::LoadResult r = loadOk(model("SimpleInstancing", "glTF", "SimpleInstancing.gltf"));
    const auto items = scene::buildDrawList(r.model, r.model.defaultScene);
    // One node, one primitive, 125 instances (the TRANSLATION accessor's count).
    EXPECT_EQ(r.model.nodes.at(0).instances.size(), 125u);
    EXPECT_EQ(items.size(), 125u);
    EXPECT_NE(items.front().world, items.back().world);
}

TEST(GltfFeatures, ScenesCamerasLights) {
    EXPECT_EQ(loadOk(model("MultipleScenes", "glTF", "MultipleScenes.gltf")).model.scenes.size(),
              2u);
    const io::LoadResult cams = loadOk(model("Cameras", "glTF", "Cameras.gltf"));
    ASSERT_EQ(cams.model.cameras.size(), 2u);
    EXPECT_EQ(cams.model.cameras[0].type, scene::Camera::Type::Perspective);
    EXPECT_EQ(cams.model.cameras[1].type, scene::Camera::Type::Orthographic);
    const io::LoadResult lamp =
        loadOk(model("LightsPunctualLamp", "glTF", "LightsPunctualLamp.gltf"));
    EXPECT_EQ(lamp.model.lights.size(), 5u);
    EXPECT_TRUE(std::any_of(lamp.model.nodes.begin(), lamp.model.nodes.end(),
                            [](const scene::Node& n) { return n.light >= 0; }));
}

TEST(GltfFeatures, MaterialVariants) {
    const io::LoadResult r =
        loadOk(model("MaterialsVariantsShoe", "glTF", "MaterialsVariantsShoe.gltf"));
    ASSERT_EQ(r.model.variants.size(), 3u);
    const scene::Primitive& p = r.model.meshes.at(0).primitives.at(0);
    ASSERT_EQ(p.variantMaterials.size(), 3u);
    const std::set<int> distinct(p.variantMaterials.begin(), p.variantMaterials.end());
    EXPECT_EQ(distinct.size(), 3u);  // each variant is a different material
}

TEST(GltfFeatures, AllPrimitiveModes) {
    const io::LoadResult r = loadOk(model("MeshPrimitiveModes", "glTF", "MeshPrimitiveModes.gltf"));
    std::set<scene::PrimitiveMode> modes;
    for (const auto& mesh : r.model.meshes)
        for (const auto& p : mesh.primitives) modes.insert(p.mode);
    EXPECT_EQ(modes.size(), 7u);
}

TEST(GltfFeatures, TangentsGeneratedForNormalMaps) {
    // DamagedHelmet has a normal map and no TANGENT attribute.
    const io::LoadResult r = loadOk(kModels / "DamagedHelmet/glTF-Binary/DamagedHelmet.glb");
    const scene::Primitive& p = r.model.meshes.at(0).primitives.at(0);
    ASSERT_EQ(p.tangents.size(), p.positions.size());
    for (std::size_t i = 0; i < p.tangents.size(); i += 97) {
        const glm::vec3 t(p.tangents[i]);
        EXPECT_NEAR(glm::length(t), 1.0f, 1e-3f);
        EXPECT_NEAR(glm::dot(t, p.normals[i]), 0.0f, 1e-3f);
        EXPECT_EQ(std::abs(p.tangents[i].w), 1.0f);
    }
}

TEST(GltfFeatures, FlatNormalsWhenMissing) {
    // Box.glb has normals; the Triangle sample has none: one face, one normal.
    const io::LoadResult r = loadOk(model("Triangle", "glTF", "Triangle.gltf"));
    const scene::Primitive& p = r.model.meshes.at(0).primitives.at(0);
    ASSERT_EQ(p.normals.size(), 3u);
    for (const glm::vec3& n : p.normals)
        EXPECT_NEAR(n.z, 1.0f, 1e-5f);  // the triangle lies in z = 0
}

TEST(GltfFeatures, MorphTargetsAtDefaultWeights) {
    // SimpleMorph: weights [0.5, 0.5]; vertex 2 is (0.5, 0.5, 0) plus halves of
    // (-1, 1, 0) and (1, 1, 0): (0.5, 1.5, 0) (computed from the buffer in Python).
    const io::LoadResult r = loadOk(model("SimpleMorph", "glTF", "SimpleMorph.gltf"));
    const auto& pos = r.model.meshes.at(0).primitives.at(0).positions;
    EXPECT_NE(std::find(pos.begin(), pos.end(), glm::vec3(0.5f, 1.5f, 0.0f)), pos.end());
    EXPECT_EQ(std::find(pos.begin(), pos.end(), glm::vec3(0.5f, 0.5f, 0.0f)), pos.end());
}

TEST(GltfFeatures, TextureTransform) {
    const io::LoadResult r =
        loadOk(model("TextureTransformTest", "glTF", "TextureTransformTest.gltf"));
    const bool transformed =
        std::any_of(r.model.materials.begin(), r.model.materials.end(), [](const auto& m) {
            const scene::TextureTransform& t = m.baseColorTexture.transform;
            return t.offset != glm::vec2(0.0f) || t.rotation != 0.0f || t.scale != glm::vec2(1.0f);
        });
    EXPECT_TRUE(transformed);
}

// ------------------------------------------------------- hand-made files

class TempDir {
public:
    TempDir()
        : path_(fs::temp_directory_path() /
                ("friche_gltf_" + std::to_string(::getpid()) + "_" +
                 testing::UnitTest::GetInstance()->current_test_info()->name())) {
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name, std::ios::binary) << text;
        return path_ / name;
    }

private:
    fs::path path_;
};

// One triangle (three float positions, base64 of 36 bytes), with `extra`
// top-level JSON members appended and `node` members added to its node.
std::string triangleGltf(const std::string& extra, const std::string& node = "") {
    return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"mesh":0)" +
           node +
           R"(}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0},"material":0}]}],
"accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],
"bufferViews":[{"buffer":0,"byteLength":36}],
"buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}])" +
           extra + "}";
}

TEST(GltfFiles, MissingTextureIsAWarning) {
    TempDir dir;
    const fs::path file = dir.write(
        "missing.gltf",
        triangleGltf(
            R"(,"materials":[{}],"textures":[{"source":0}],"images":[{"uri":"nowhere.png"}])"));
    const io::LoadResult r = io::loadGltf(file);
    EXPECT_TRUE(r.ok()) << describe(r.problems);
    ASSERT_EQ(r.model.images.size(), 1u);
    EXPECT_EQ(r.model.images[0].width, 0);
    ASSERT_TRUE(hasProblem(r.problems, core::Severity::Warning, "IMAGE_UNREADABLE"));
    const auto& l = r.problems.list();
    EXPECT_TRUE(std::any_of(l.begin(), l.end(), [](const core::Problem& p) {
        return p.where == "/images/0" && p.message.find("nowhere.png") != std::string::npos;
    }));
    EXPECT_EQ(statsOf(r.model).triangles, 1u);
}

TEST(GltfFiles, UnsupportedRequiredExtensionIsAnError) {
    TempDir dir;
    const fs::path file = dir.write("req.gltf", triangleGltf(R"(,"materials":[{}],
"extensionsUsed":["EXT_made_up"],"extensionsRequired":["EXT_made_up"])"));
    const io::LoadResult r = io::loadGltf(file);
    EXPECT_FALSE(r.ok());
    ASSERT_TRUE(hasProblem(r.problems, core::Severity::Error, "UNSUPPORTED_EXTENSION"));
    EXPECT_NE(describe(r.problems).find("EXT_made_up"), std::string::npos);
}

TEST(GltfFiles, NodeVisibilityHidesTheNode) {
    TempDir dir;
    const std::string ext = R"(,"extensionsUsed":["KHR_node_visibility"],"materials":[{}])";
    const fs::path hidden =
        dir.write("hidden.gltf",
                  triangleGltf(ext, R"(,"extensions":{"KHR_node_visibility":{"visible":false}})"));
    const fs::path shown = dir.write("shown.gltf", triangleGltf(ext));
    const io::LoadResult h = loadOk(hidden), s = loadOk(shown);
    EXPECT_FALSE(h.model.nodes.at(0).visible);
    EXPECT_EQ(statsOf(h.model).triangles, 0u);
    EXPECT_EQ(statsOf(s.model).triangles, 1u);
}

TEST(GltfFiles, ARiverInANodesExtrasIsReadAndABrokenOneIgnoredWithAWarning) {
    TempDir dir;
    const std::string ext = R"(,"materials":[{}])";
    const fs::path river = dir.write(
        "river.gltf",
        triangleGltf(
            ext,
            R"(,"extras":{"friche":{"river":{"from":[-430,-200],"to":[430,-200],"width":70}}})"));
    const io::LoadResult r = loadOk(river);
    ASSERT_TRUE(r.model.nodes.at(0).river.has_value());
    EXPECT_EQ(r.model.nodes[0].river->from, glm::vec2(-430, -200));
    EXPECT_EQ(r.model.nodes[0].river->to, glm::vec2(430, -200));
    EXPECT_FLOAT_EQ(r.model.nodes[0].river->width, 70.0f);
    // Each broken the way a hand-edited file would be: the node stays, its river does not.
    for (const std::string broken :
         {R"("river":true)", R"("river":{"from":[0,0],"to":[0,0],"width":10})",
          R"("river":{"from":[0,0],"to":[500,0],"width":-1})",
          R"("river":{"from":[0,"a"],"to":[500,0],"width":10})",
          R"("river":{"from":[0,0],"to":[1e9,0],"width":10})",
          R"("river":{"to":[5,0],"width":1})"}) {
        const fs::path file =
            dir.write("broken.gltf", triangleGltf(ext, R"(,"extras":{"friche":{)" + broken + "}}"));
        const io::LoadResult b = loadOk(file);
        EXPECT_FALSE(b.model.nodes.at(0).river.has_value()) << broken;
        EXPECT_TRUE(hasProblem(b.problems, core::Severity::Warning, "RIVER_IGNORED")) << broken;
        EXPECT_EQ(statsOf(b.model).triangles, 1u) << broken;
    }
}

TEST(GltfFiles, RoadsInANodesExtrasAreReadAndABrokenOneDroppedWithAWarning) {
    TempDir dir;
    const std::string ext = R"(,"materials":[{}])";
    const std::string good =
        R"({"from":[-430,115],"to":[430,115],"width":14,"color":[0.2,0.2,0.21],"beyond":["from","to"]})";
    const std::string oneEnd =
        R"({"from":[-230,130],"to":[280,130],"width":12,"color":[0.2,0.2,0.21],"beyond":["to"]})";
    // Each broken the way a hand-edited file would be.
    const std::vector<std::string> broken = {
        R"(true)",
        R"({"from":[0,0],"to":[0,0],"width":10,"color":[0,0,0],"beyond":["to"]})",
        R"({"from":[0,0],"to":[500,0],"width":10,"color":[0,0,2],"beyond":["to"]})",
        R"({"from":[0,0],"to":[500,0],"width":10,"color":[0,0],"beyond":["to"]})",
        R"({"from":[0,0],"to":[500,0],"width":10,"color":[0,0,0]})",
        R"({"from":[0,0],"to":[500,0],"width":10,"color":[0,0,0],"beyond":[]})",
        R"({"from":[0,0],"to":[500,0],"width":10,"color":[0,0,0],"beyond":["to","to"]})",
        R"({"from":[0,0],"to":[500,0],"width":10,"color":[0,0,0],"beyond":["north"]})",
        R"({"from":[0,0],"to":[500,0],"width":0,"color":[0,0,0],"beyond":["from"]})"};
    std::string roads = good + "," + oneEnd;
    for (const std::string& b : broken) roads += "," + b;
    const fs::path file = dir.write(
        "roads.gltf", triangleGltf(ext, R"(,"extras":{"friche":{"roads":[)" + roads + "]}}"));
    const io::LoadResult r = loadOk(file);
    const std::vector<scene::Node::Road>& read = r.model.nodes.at(0).roads;
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].course.from, glm::vec2(-430, 115));
    EXPECT_EQ(read[0].course.to, glm::vec2(430, 115));
    EXPECT_FLOAT_EQ(read[0].course.width, 14.0f);
    EXPECT_EQ(read[0].color, glm::vec3(0.2f, 0.2f, 0.21f));
    EXPECT_TRUE(read[0].beyondFrom && read[0].beyondTo);
    EXPECT_FALSE(read[1].beyondFrom);
    EXPECT_TRUE(read[1].beyondTo);
    // One warning a broken road, naming it; the node and its mesh stay.
    for (std::size_t i = 2; i < 2 + broken.size(); ++i) {
        const std::string where = "/nodes/0/extras/friche/roads/" + std::to_string(i);
        EXPECT_TRUE(std::ranges::any_of(r.problems.list(), [&](const core::Problem& p) {
            return p.code == "ROAD_IGNORED" && p.where == where;
        })) << where;
    }
    EXPECT_EQ(statsOf(r.model).triangles, 1u);
    const fs::path notArray = dir.write(
        "not-array.gltf", triangleGltf(ext, R"(,"extras":{"friche":{"roads":{"from":[0,0]}}})"));
    const io::LoadResult n = loadOk(notArray);
    EXPECT_TRUE(n.model.nodes.at(0).roads.empty());
    EXPECT_TRUE(hasProblem(n.problems, core::Severity::Warning, "ROAD_IGNORED"));
}

TEST(GltfFiles, MissingFileIsAnError) {
    const io::LoadResult r = io::loadGltf(kCorpus / "no-such-file.glb");
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(hasProblem(r.problems, core::Severity::Error, "IO_ERROR"));
}

// ------------------------------------------------------------ images

TEST(ImageDecode, RefusesAbsurdSizesBeforeAllocating) {
    scene::Image image;
    std::string reason;
    // Within what stb_image accepts, beyond our limit: refused by our check.
    EXPECT_FALSE(io::decodeImage(pngHeader(20000, 16), image, reason));
    EXPECT_NE(reason.find("20000x16"), std::string::npos) << reason;
    EXPECT_EQ(image.width, 0);
    EXPECT_TRUE(image.rgba.empty());
    // Far beyond: stb_image's own header check already refuses it.
    EXPECT_FALSE(io::decodeImage(pngHeader(100000, 100000), image, reason));
    EXPECT_TRUE(image.rgba.empty());
}

TEST(ImageDecode, GarbageIsAWarningNotACrash) {
    std::vector<io::EncodedImage> sources(2);
    sources[0] = {"/images/0", "garbage.png", {1, 2, 3, 4, 5}};
    sources[1] = {"/images/1", "empty.png", {}};
    std::vector<scene::Image> images(2);
    core::Problems problems;
    io::decodeImages(sources, images, problems);
    EXPECT_EQ(problems.count(core::Severity::Warning), 2);
    EXPECT_FALSE(problems.hasErrors());
    EXPECT_EQ(images[0].width, 0);
    EXPECT_EQ(images[1].width, 0);
}

}  // namespace
