// `friche render` on llvmpipe: corpus models give images that show the model
// under the default sky, on the ground, with properties that follow from the
// glTF specification where there is one (unlit colours), the same bytes on
// every run, and bad input is exit 1 with a message.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/render_image.h"
#include "support/run.h"

namespace {

namespace fs = std::filesystem;
using namespace friche::test;
using friche::test::runFriche;

const std::string kAssets = std::string(FRICHE_CORPUS_DIR) + "/glTF-Sample-Assets/Models/";

Image render(const std::string& model, const std::string& name, StillOptions o = {}) {
    return renderStill(model, name, o);
}

// Mean colour of the model's pixels in `lit`, and the share of them near black.
struct ModelStats {
    Rgb mean;
    double darkFraction = 0.0;
};

ModelStats modelStats(const Image& lit, const Mask& mask) {
    Rgb sum;
    long n = 0, dark = 0;
    for (int y = 0; y < lit.height; ++y)
        for (int x = 0; x < lit.width; ++x) {
            if (!mask.at(x, y)) continue;
            const Rgb c = lit.at(x, y);
            sum.r += c.r, sum.g += c.g, sum.b += c.b, ++n;
            dark += std::max({c.r, c.g, c.b}) < 50;
        }
    if (n == 0) return {};
    const auto count = static_cast<double>(n);
    return {{sum.r / count, sum.g / count, sum.b / count}, static_cast<double>(dark) / count};
}

double fractionNear(const Image& im, Rgb colour, int tolerance) {
    long count = 0;
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) count += near(im.at(x, y), colour, tolerance);
    return static_cast<double>(count) / (static_cast<double>(im.width) * im.height);
}

struct StillCase {
    const char* name;
    std::string path;
    double minFraction;  // of the image the framed model covers, at least
};

class RenderCorpus : public testing::TestWithParam<StillCase> {};

TEST_P(RenderCorpus, DrawsTheModel) {
    const StillCase& c = GetParam();
    const Image im = render(c.path, c.name);
    ASSERT_EQ(im.width, 320);
    ASSERT_EQ(im.height, 240);
    const Mask mask = modelMask(c.path, std::string(c.name) + "_mask", {});
    EXPECT_GE(mask.fraction(), c.minFraction) << c.name;
    // The sky is a pale blue-grey at the top, never black; the ground below is
    // darker than the sky's horizon and greyer.
    const Rgb corner = im.at(0, 0);
    EXPECT_GT(corner.b, 120);
    EXPECT_GE(corner.b, corner.r);
    const Rgb ground = im.at(2, im.height - 3);
    EXPECT_GT(ground.luma(), 40);
    EXPECT_LT(ground.luma(), corner.luma());
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, RenderCorpus,
    testing::Values(
        StillCase{"Box", glb("Box"), 0.05}, StillCase{"BoxTextured", glb("BoxTextured"), 0.05},
        StillCase{"DamagedHelmet", glb("DamagedHelmet"), 0.08},
        StillCase{"Duck", glb("Duck"), 0.08},
        StillCase{"AlphaBlendModeTest", glb("AlphaBlendModeTest"), 0.05},
        StillCase{"TextureSettingsTest", gltf("TextureSettingsTest"), 0.05},
        StillCase{"NegativeScaleTest", glb("NegativeScaleTest"), 0.05},
        StillCase{"OrientationTest", glb("OrientationTest"), 0.05},
        StillCase{"VertexColorTest", gltf("VertexColorTest"), 0.05},
        StillCase{"SimpleInstancing", glb("SimpleInstancing"), 0.05},
        StillCase{"MeshPrimitiveModes", gltf("MeshPrimitiveModes"), 0.01},
        StillCase{"TwoCylinderEngine",
                  std::string(FRICHE_CORPUS_DIR) +
                      "/glTF-Sample-Models/2.0/2CylinderEngine/glTF-Binary/2CylinderEngine.glb",
                  0.05}),
    [](const testing::TestParamInfo<StillCase>& p) { return std::string(p.param.name); });

// KHR_materials_unlit: the colour on screen is the base colour, sRGB-encoded,
// whatever the exposure and through the tone curve. UnlitTest's factors are
// linear 0.2176 for the middle channel: sRGB 128.
TEST(Render, UnlitShowsTheBaseColourExactly) {
    const Image im = render(glb("UnlitTest"), "UnlitTest");
    EXPECT_GT(fractionNear(im, {255, 128, 0}, 2), 0.03);
    EXPECT_GT(fractionNear(im, {0, 128, 255}, 2), 0.03);
}

// Metals reflect the sky: half of MetalRoughSpheres is metal, and with no
// environment those spheres would be black; here almost no pixel is.
TEST(Render, MetalsAreNotBlack) {
    const std::string path = glb("MetalRoughSpheresNoTextures");
    const ModelStats stats = modelStats(render(path, "MetalRoughSpheres"),
                                        modelMask(path, "MetalRoughSpheres_mask", {}));
    EXPECT_LT(stats.darkFraction, 0.05);
}

// The duck is yellow: lit base colour, not a grey or tinted placeholder.
TEST(Render, DuckIsYellow) {
    const Rgb mean =
        modelStats(render(glb("Duck"), "DuckColour"), modelMask(glb("Duck"), "Duck_mask", {})).mean;
    EXPECT_GT(mean.r, mean.b + 60);
    EXPECT_GT(mean.g, mean.b + 40);
}

TEST(Render, SameInputGivesTheSameBytes) {
    for (const std::string name : {"BoxTextured", "AlphaBlendModeTest"}) {
        render(glb(name), name + "_a");
        render(glb(name), name + "_b");
        const std::string a = fileBytes(outPath(name + "_a")), b = fileBytes(outPath(name + "_b"));
        EXPECT_FALSE(a.empty());
        EXPECT_TRUE(a == b) << name << " differs between two runs";
    }
}

// A 4K still, twice: the right size, the model in it, the same bytes.
TEST(Render, FourKStillIsReproducible) {
    const Image a = render(glb("Box"), "Box4K_a", {.size = "3840x2160"});
    render(glb("Box"), "Box4K_b", {.size = "3840x2160"});
    EXPECT_EQ(a.width, 3840);
    EXPECT_EQ(a.height, 2160);
    EXPECT_GT(a.mean({1700, 900, 2100, 1200}).r, 2.0 * a.mean({1700, 900, 2100, 1200}).b);
    EXPECT_TRUE(fileBytes(outPath("Box4K_a")) == fileBytes(outPath("Box4K_b")));
}

// Cameras.gltf has a perspective (0) and an orthographic (1) camera, both
// looking at one square: the views differ from each other and from the orbit view.
TEST(Render, ViewPicksTheFilesCamera) {
    const std::string path = gltf("Cameras");
    const Image orbit = render(path, "CamerasOrbit");
    const Image perspective = render(path, "CamerasPerspective", {.args = {"--view", "0"}});
    const Image orthographic = render(path, "CamerasOrthographic", {.args = {"--view", "1"}});
    EXPECT_GT(modelMask(path, "CamerasPerspective_mask", {.args = {"--view", "0"}}).fraction(),
              0.05);
    EXPECT_GT(modelMask(path, "CamerasOrthographic_mask", {.args = {"--view", "1"}}).fraction(),
              0.05);
    EXPECT_NE(perspective.rgb, orthographic.rgb);
    EXPECT_NE(perspective.rgb, orbit.rgb);
}

TEST(Render, UnknownViewNamesTheCameras) {
    const auto r = runFriche({"render", gltf("Cameras"), "-o", outPath("nope"), "--view", "Nope"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("Nope"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("0: "), std::string::npos) << r.output;
}

TEST(Render, MissingModelIsExitOneNamingIt) {
    const std::string missing = kAssets + "NoSuchModel/model.glb";
    const auto r = runFriche({"render", missing, "-o", outPath("missing")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("NoSuchModel"), std::string::npos) << r.output;
}

TEST(Render, BrokenFilesAreExitOne) {
    const std::string garbage = std::string(FRICHE_TEST_OUT) + "/render_garbage.glb";
    fs::create_directories(FRICHE_TEST_OUT);
    std::ofstream(garbage, std::ios::binary) << "this is not a glTF binary";
    const std::string empty =
        std::string(FRICHE_CORPUS_DIR) + "/glTF-Validator/test/base/data/glb/empty_file.glb";
    for (const std::string& path : {garbage, empty}) {
        const auto r = runFriche({"render", path, "-o", outPath("broken")});
        EXPECT_EQ(r.exitCode, 1) << path << "\n" << r.output;
        EXPECT_FALSE(r.output.empty());
        EXPECT_FALSE(fs::exists(outPath("broken")));
    }
}

TEST(Render, UnwritableOutputIsExitOneNamingIt) {
    const std::string out = std::string(FRICHE_TEST_OUT) + "/no/such/folder/x.png";
    const auto r = runFriche({"render", glb("Box"), "-o", out});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("no/such/folder"), std::string::npos) << r.output;
}

TEST(Render, PhasesOnAModelAreRefused) {
    for (const auto& option : std::vector<std::vector<std::string>>{
             {"--phase", "closure"}, {"--at", "1.5"}, {"--compare", "swipe"}}) {
        std::vector<std::string> args = {"render", glb("Box"), "-o", outPath("phase")};
        args.insert(args.end(), option.begin(), option.end());
        const auto r = runFriche(args);
        EXPECT_EQ(r.exitCode, 1) << option[0];
        EXPECT_NE(r.output.find("no phases"), std::string::npos) << r.output;
    }
}

// A copy of the shaders in FRICHE_TEST_OUT/`name`, with a line of nonsense
// inserted as line `line` of `file` (the rest moves down a line).
fs::path brokenShaders(const char* name, const char* file, std::size_t line) {
    const fs::path dir = shaderCopy(name);
    std::string text = fileBytes((dir / file).string());
    std::size_t at = 0;
    for (std::size_t i = 1; i < line; ++i) at = text.find('\n', at) + 1;
    text.insert(at, "this is not glsl;\n");
    std::ofstream(dir / file, std::ios::binary) << text;
    return dir;
}

// A shader that fails to compile is reported at its file and line, including
// a file reached through #include (FRICHE_SHADER_DIR swaps in a broken copy).
TEST(Render, ShaderErrorsNameFileAndLine) {
    const fs::path dir = brokenShaders("broken_shaders", "brdf.glsl", 3);
    setenv("FRICHE_SHADER_DIR", dir.c_str(), 1);
    const auto r = runFriche({"render", glb("Box"), "-o", outPath("broken_shader")});
    unsetenv("FRICHE_SHADER_DIR");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("brdf.glsl:3:"), std::string::npos) << r.output;
}

// The landscape's program is compiled when a frame first draws a landscape
// (render::LazyProgram): broken, it is reported then, and a bare model, which
// draws none, is drawn as before.
TEST(Render, ALandscapeShaderIsReportedWhenALandscapeIsDrawn) {
    const fs::path dir = brokenShaders("broken_landscape", "landscape.frag", 2);
    const auto reference = runFriche(
        {"render", glb("Box"), "-o", outPath("lazy_model_reference"), "--size", "320x180"});
    ASSERT_EQ(reference.exitCode, 0) << reference.output;

    setenv("FRICHE_SHADER_DIR", dir.c_str(), 1);
    const auto model =
        runFriche({"render", glb("Box"), "-o", outPath("lazy_model"), "--size", "320x180"});
    const auto site = runFriche({"render", FRICHE_SOURCE_DIR "/scenes/seraing.json", "-o",
                                 outPath("lazy_site"), "--size", "320x180"});
    unsetenv("FRICHE_SHADER_DIR");
    EXPECT_EQ(model.exitCode, 0) << model.output;
    EXPECT_EQ(model.output.find("landscape.frag"), std::string::npos) << model.output;
    EXPECT_EQ(fileBytes(outPath("lazy_model")), fileBytes(outPath("lazy_model_reference")))
        << "the bare model's still changed";
    EXPECT_NE(site.output.find("landscape.frag:2:"), std::string::npos) << site.output;
}

}  // namespace
