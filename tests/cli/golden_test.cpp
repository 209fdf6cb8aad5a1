// Golden images: corpus models from the default orbit camera under the default
// sky (Liège, 21 June, 15:00), compared with tests/golden/NAME.png within a
// tolerance of 5/255 per channel on at least 99.9 % of the pixels (Filament's
// habit), so a change of driver rounding passes and a change of look does not.
//
// Goldens are made once, and again only for a reason the commit states:
//   FRICHE_UPDATE_GOLDENS=1 build/tests/friche_cli_tests --gtest_filter='Golden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli/render_image.h"

namespace {

namespace fs = std::filesystem;
using namespace friche::test;

constexpr int kTolerance = 5;
constexpr double kMaxFailingFraction = 0.001;

const fs::path kGoldens = fs::path(FRICHE_SOURCE_DIR) / "tests" / "golden";

// The model's .glb, or else its .gltf, whatever the file is called.
std::string modelFile(const std::string& name) {
    const fs::path root = fs::path(FRICHE_CORPUS_DIR) / "glTF-Sample-Assets" / "Models" / name;
    for (const char* variant : {"glTF-Binary", "glTF"}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(root / variant, ec)) {
            const auto ext = e.path().extension();
            if (ext == ".glb" || ext == ".gltf") return e.path().string();
        }
    }
    return (fs::path(FRICHE_CORPUS_DIR) / "glTF-Sample-Models/2.0" / name / "glTF-Binary" /
            (name + ".glb"))
        .string();
}

double failingFraction(const Image& a, const Image& b) {
    long failing = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) failing += !near(a.at(x, y), b.at(x, y), kTolerance);
    return static_cast<double>(failing) / (static_cast<double>(a.width) * a.height);
}

class Golden : public testing::TestWithParam<const char*> {};

TEST_P(Golden, MatchesTheGoldenImage) {
    const std::string name = GetParam();
    const Image still = renderStill(modelFile(name), "golden_" + name, {});
    ASSERT_EQ(still.width, 320);
    const fs::path golden = kGoldens / (name + ".png");
    if (std::getenv("FRICHE_UPDATE_GOLDENS")) {
        fs::create_directories(kGoldens);
        fs::copy_file(outPath("golden_" + name), golden, fs::copy_options::overwrite_existing);
        GTEST_SKIP() << "wrote " << golden;
    }
    const Image expected = decodePng(golden.string());
    ASSERT_EQ(expected.width, still.width) << "no golden at " << golden;
    ASSERT_EQ(expected.height, still.height);
    EXPECT_LE(failingFraction(still, expected), kMaxFailingFraction)
        << name << " differs from " << golden << "; see " << outPath("golden_" + name);
}

INSTANTIATE_TEST_SUITE_P(Corpus, Golden,
                         testing::Values("Box", "BoxTextured", "Duck", "DamagedHelmet", "Fox",
                                         "AlphaBlendModeTest", "NegativeScaleTest",
                                         "OrientationTest", "TextureSettingsTest",
                                         "VertexColorTest", "SimpleInstancing",
                                         "MetalRoughSpheresNoTextures", "NormalTangentMirrorTest",
                                         "TextureTransformTest", "BoomBoxWithAxes", "ToyCar",
                                         "2CylinderEngine"),
                         [](const testing::TestParamInfo<const char*>& p) {
                             std::string n = p.param;
                             return n[0] == '2' ? "Two" + n.substr(1) : n;
                         });

}  // namespace
