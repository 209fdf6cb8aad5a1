// The bytes an importer's child process hands back (io/model_wire.h): every
// member of a model and its encoded images crosses, and a stream cut short or tampered with is an
// error, never a crash or a huge allocation.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "io/model_wire.h"
#include "support/wire_bytes.h"

using namespace friche;
using test::wireBytes;

namespace {

// Every member set to something other than its default.
io::ImportedModel fullResult() {
    io::ImportedModel imported;
    io::LoadResult& r = imported.result;
    scene::Model& m = r.model;
    m.source = "site.dae";
    m.format = "Collada Importer";
    scene::Node node;
    node.name = "hall";
    node.local = glm::mat4(2.0f);
    node.parent = 3;
    node.children = {4, 5};
    node.mesh = 1;
    node.camera = 2;
    node.light = 0;
    node.instances = {glm::mat4(3.0f)};
    node.visible = false;
    m.nodes = {node, scene::Node{}};
    scene::Primitive p;
    p.mode = scene::PrimitiveMode::TriangleFan;
    p.positions = {{1, 2, 3}, {4, 5, 6}};
    p.normals = {{0, 1, 0}, {1, 0, 0}};
    p.tangents = {{1, 0, 0, -1}, {0, 0, 1, 1}};
    p.uv0 = {{0.5f, 0.25f}, {1, 1}};
    p.uv1 = {{0.125f, 0}, {0, 1}};
    p.colors = {{1, 0, 0, 1}, {0, 1, 0, 0.5f}};
    p.indices = {0, 1, 1};
    p.material = 7;
    p.variantMaterials = {-1, 2};
    p.bounds = scene::Bounds::of({1, 2, 3}, {4, 5, 6});
    m.meshes = {{"beams", {p, scene::Primitive{}}}};
    scene::Material mat;
    mat.name = "steel";
    mat.baseColorFactor = {0.1f, 0.2f, 0.3f, 0.4f};
    mat.metallicFactor = 0.5f;
    mat.roughnessFactor = 0.6f;
    mat.emissiveFactor = {0.7f, 0.8f, 0.9f};
    mat.emissiveStrength = 2;
    mat.normalScale = 3;
    mat.occlusionStrength = 0.25f;
    mat.occlusionTexture = {1, 1, {{0.5f, 0.5f}, 1.5f, {2, 3}}};
    mat.emissiveTexture.texture = 2;
    mat.alphaMode = scene::AlphaMode::Mask;
    mat.alphaCutoff = 0.75f;
    mat.doubleSided = true;
    mat.unlit = true;
    m.materials = {mat};
    m.textures = {{1, 2}};
    m.images = {{"rust.png", 1, 2, {1, 2, 3, 4, 5, 6, 7, 8}}};
    m.samplers = {{scene::Filter::Nearest, scene::Filter::Nearest, scene::MipFilter::None,
                   scene::Wrap::MirroredRepeat, scene::Wrap::ClampToEdge}};
    scene::Camera cam;
    cam.name = "eye";
    cam.type = scene::Camera::Type::Orthographic;
    cam.aspectRatio = 1.5f;
    cam.zfar = 100;
    m.cameras = {cam, scene::Camera{}};
    scene::Light light;
    light.name = "sun";
    light.type = scene::Light::Type::Spot;
    light.range = 20;
    m.lights = {light};
    m.scenes = {{"after", {0, 1}}};
    m.defaultScene = 1;
    m.variants = {"day", "night"};
    m.extensionsUsed = {"KHR_materials_variants"};
    r.problems.warning("TEXTURE_MISSING", "rust.png", "not found");
    r.problems.info("LIGHT_UNSUPPORTED", "", "ambient");
    imported.images = {{"rust.png", "rust.png", {0x89, 'P', 'N', 'G'}}};
    imported.imageTargets = {0};
    return imported;
}

}  // namespace

TEST(ModelWire, EveryMemberCrosses) {
    const std::vector<std::uint8_t> bytes = wireBytes(fullResult());
    std::string error;
    const auto back = io::readImportedModel(bytes, error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(wireBytes(*back), bytes);
    const scene::Model& m = back->result.model;
    EXPECT_EQ(m.format, "Collada Importer");
    ASSERT_EQ(m.nodes.size(), 2u);
    EXPECT_EQ(m.nodes[0].children, (std::vector<int>{4, 5}));
    EXPECT_EQ(m.nodes[0].instances.at(0), glm::mat4(3.0f));
    EXPECT_FALSE(m.nodes[0].visible);
    const scene::Primitive& p = m.meshes.at(0).primitives.at(0);
    EXPECT_EQ(p.mode, scene::PrimitiveMode::TriangleFan);
    EXPECT_EQ(p.colors.at(1), glm::vec4(0, 1, 0, 0.5f));
    EXPECT_EQ(p.variantMaterials, (std::vector<int>{-1, 2}));
    EXPECT_EQ(p.bounds.max, glm::vec3(4, 5, 6));
    const scene::Material& mat = m.materials.at(0);
    EXPECT_EQ(mat.occlusionTexture.transform.scale, glm::vec2(2, 3));
    EXPECT_EQ(mat.alphaMode, scene::AlphaMode::Mask);
    EXPECT_TRUE(mat.unlit);
    EXPECT_EQ(m.images.at(0).rgba.size(), 8u);
    EXPECT_EQ(m.samplers.at(0).wrapS, scene::Wrap::MirroredRepeat);
    EXPECT_EQ(m.cameras.at(0).zfar, 100.0f);
    EXPECT_FALSE(m.cameras.at(1).aspectRatio.has_value());
    EXPECT_EQ(m.lights.at(0).range, 20.0f);
    EXPECT_EQ(m.defaultScene, 1);
    EXPECT_EQ(m.variants.at(1), "night");
    ASSERT_EQ(back->result.problems.list().size(), 2u);
    EXPECT_EQ(back->result.problems.list()[1].severity, core::Severity::Info);
    ASSERT_EQ(back->images.size(), 1u);
    EXPECT_EQ(back->images[0].bytes.size(), 4u);
    EXPECT_EQ(back->imageTargets, (std::vector<std::size_t>{0}));
}

TEST(ModelWire, EveryStreamCutShortIsAnError) {
    const std::vector<std::uint8_t> bytes = wireBytes(fullResult());
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        std::string error;
        EXPECT_FALSE(io::readImportedModel(std::span(bytes).first(size), error)) << size;
        EXPECT_FALSE(error.empty());
    }
    std::vector<std::uint8_t> longer = bytes;
    longer.push_back(0);
    std::string error;
    EXPECT_FALSE(io::readImportedModel(longer, error));
    EXPECT_NE(error.find("after the end mark"), std::string::npos) << error;
}

// Any byte changed to anything: an error or some model, never a crash, and
// never an allocation larger than the stream (ASan would report one).
TEST(ModelWire, TamperedStreamsNeverCrash) {
    const std::vector<std::uint8_t> bytes = wireBytes(fullResult());
    for (std::size_t at = 0; at < bytes.size(); ++at) {
        for (const std::uint8_t value :
             {std::uint8_t{0x00}, std::uint8_t{0x02}, std::uint8_t{0x7f}, std::uint8_t{0xff}}) {
            std::vector<std::uint8_t> tampered = bytes;
            tampered[at] = value;
            std::string error;
            (void)io::readImportedModel(tampered, error);
        }
    }
    // A count of 2^62 elements where the node list starts is refused outright.
    std::vector<std::uint8_t> huge = bytes;
    const std::size_t nodesAt =
        8 + 8 + std::strlen("site.dae") + 8 + std::strlen("Collada Importer");
    const std::uint64_t count = std::uint64_t{1} << 62;
    std::memcpy(huge.data() + nodesAt, &count, sizeof count);
    std::string error;
    EXPECT_FALSE(io::readImportedModel(huge, error));
    EXPECT_NE(error.find("a count of 4611686018427387904"), std::string::npos) << error;
}

TEST(ModelWire, AnEncodedImageMustHaveAPlaceInTheModel) {
    io::ImportedModel imported = fullResult();
    imported.imageTargets = {1};  // the model has one image
    std::string error;
    EXPECT_FALSE(io::readImportedModel(wireBytes(imported), error));
    EXPECT_NE(error.find("without a place"), std::string::npos) << error;
}
