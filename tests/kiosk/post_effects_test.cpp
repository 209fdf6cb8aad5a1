// What the post pass adds to a site's frame, bloom and the hour's colour grade
// (render/bloom.h, render/grade.h), and the "as is" weights it reads for unlit
// surfaces (render/hdr_target.h), in-process on llvmpipe. Seen from above: a
// small box glowing far past white beside an unlit one, on the plain ground.
// The oracles follow from what bloom is: light past white spreads into what is
// near it, less with distance, and into nothing beyond its reach; what is not
// past white spreads nothing; an unlit surface keeps its colour exactly
// (KHR_materials_unlit), glow and grade or not; a tile of a large still and a
// swipe's side see what the whole view sees.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "io/load.h"
#include "render/bloom.h"
#include "render/gpu_model.h"
#include "render/grade.h"
#include "render/tiles.h"
#include "support/headless_renderer.h"

using namespace friche;

namespace {

constexpr int kEffectsSize = 192;
// The unlit box's colour: linear 0.2, 0.4, 0.6 is sRGB 124, 170, 203.
constexpr std::uint8_t kUnlitSrgb[3] = {124, 170, 203};

// Two 1 m boxes 2 m apart: one black that glows 40 times white
// (KHR_materials_emissive_strength), one unlit.
std::filesystem::path writeBoxes(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    std::vector<float> v;
    for (int i = 0; i < 8; ++i)
        v.insert(v.end(), {(i & 1) ? 0.5f : -0.5f, (i & 2) ? 1.0f : 0.0f, (i & 4) ? 0.5f : -0.5f});
    const std::vector<std::uint16_t> idx = {0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4,
                                            2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5};
    std::string bytes(v.size() * 4 + idx.size() * 2, '\0');
    std::memcpy(bytes.data(), v.data(), v.size() * 4);
    std::memcpy(bytes.data() + v.size() * 4, idx.data(), idx.size() * 2);
    std::ofstream(folder / "boxes.bin", std::ios::binary) << bytes;
    const auto primitive = [](int material) {
        return nlohmann::json{
            {"attributes", {{"POSITION", 0}}}, {"indices", 1}, {"material", material}};
    };
    const nlohmann::json gltf = {
        {"asset", {{"version", "2.0"}}},
        {"extensionsUsed", {"KHR_materials_emissive_strength", "KHR_materials_unlit"}},
        {"scene", 0},
        {"scenes", {{{"nodes", {0, 1}}}}},
        {"nodes",
         {{{"mesh", 0}, {"translation", {-1.0, 0.0, 0.0}}},
          {{"mesh", 1}, {"translation", {1.0, 0.0, 0.0}}}}},
        {"materials",
         {{{"pbrMetallicRoughness", {{"baseColorFactor", {0.0, 0.0, 0.0, 1.0}}}},
           {"emissiveFactor", {1.0, 0.9, 0.7}},
           {"extensions", {{"KHR_materials_emissive_strength", {{"emissiveStrength", 40.0}}}}}},
          {{"pbrMetallicRoughness", {{"baseColorFactor", {0.2, 0.4, 0.6, 1.0}}}},
           {"extensions", {{"KHR_materials_unlit", nlohmann::json::object()}}}}}},
        {"meshes", {{{"primitives", {primitive(0)}}}, {{"primitives", {primitive(1)}}}}},
        {"accessors",
         {{{"bufferView", 0},
           {"componentType", 5126},
           {"count", 8},
           {"type", "VEC3"},
           {"min", {-0.5, 0.0, -0.5}},
           {"max", {0.5, 1.0, 0.5}}},
          {{"bufferView", 1}, {"componentType", 5123}, {"count", 36}, {"type", "SCALAR"}}}},
        {"bufferViews",
         {{{"buffer", 0}, {"byteLength", v.size() * 4}},
          {{"buffer", 0}, {"byteOffset", v.size() * 4}, {"byteLength", idx.size() * 2}}}},
        {"buffers", {{{"uri", "boxes.bin"}, {"byteLength", bytes.size()}}}},
    };
    const auto path = folder / "boxes.gltf";
    std::ofstream(path) << gltf.dump();
    return path;
}

class PostEffects : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(gl_.open("post effects", kEffectsSize, kEffectsSize));
        const auto folder = std::filesystem::temp_directory_path() / "friche_bloom_test";
        io::LoadResult loaded = io::loadModel(writeBoxes(folder));
        ASSERT_TRUE(loaded.ok());
        model_ = std::move(loaded.model);
        core::Problems problems;
        gpu_ = gl_.renderer->upload(model_, problems);
        ASSERT_TRUE(gpu_);
    }

    // Straight down from 14 m over the boxes: each about 17 pixels wide.
    render::ViewParams view(bool bloom, bool grade = false) const {
        render::ViewParams v;
        v.eye = {0.0f, 14.0f, 0.0f};
        v.view = glm::lookAt(v.eye, glm::vec3(0.0f), glm::vec3(0.0f, 0.0f, -1.0f));
        v.projection = glm::perspective(glm::radians(45.0f), 1.0f, 1.0f, 100.0f);
        v.viewport = {0, 0, kEffectsSize, kEffectsSize};
        v.lighting.bloom = bloom;
        v.lighting.grade = grade;
        return v;
    }
    std::vector<std::uint8_t> draw(const render::ViewParams& v) {
        gl_.target->bind();
        glClearColor(1.0f, 0.0f, 1.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        gl_.renderer->draw(*gpu_, v);
        return gl_.target->readRgb();
    }
    static int at(int x, int y, int c) { return (y * kEffectsSize + x) * 3 + c; }
    static double luma(const std::vector<std::uint8_t>& rgb, int x, int y) {
        return (rgb[at(x, y, 0)] + rgb[at(x, y, 1)] + rgb[at(x, y, 2)]) / 3.0;
    }
    // Where the glowing box is drawn: its pixels, white.
    static glm::ivec4 glowingBox(const std::vector<std::uint8_t>& rgb) {
        glm::ivec2 lo(kEffectsSize), hi(-1);
        for (int y = 0; y < kEffectsSize; ++y)
            for (int x = 0; x < kEffectsSize / 2; ++x)
                if (luma(rgb, x, y) > 250.0) {
                    lo = glm::min(lo, glm::ivec2(x, y));
                    hi = glm::max(hi, glm::ivec2(x, y));
                }
        return {lo, hi};
    }
    // Mean difference on over off at pixels whose distance from the box's
    // rectangle lies in [from, to), on the side away from the unlit box.
    static double ringExcess(const std::vector<std::uint8_t>& on,
                             const std::vector<std::uint8_t>& off, glm::ivec4 box, int from,
                             int to) {
        double sum = 0.0;
        int n = 0;
        for (int y = 0; y < kEffectsSize; ++y)
            for (int x = 0; x < box.z; ++x) {
                const int dx = std::max({box.x - x, x - box.z, 0});
                const int dy = std::max({box.y - y, y - box.w, 0});
                const double d = std::sqrt(double(dx * dx + dy * dy));
                if (d < from || d >= to) continue;
                sum += luma(on, x, y) - luma(off, x, y);
                ++n;
            }
        return n ? sum / n : 0.0;
    }
    static int worstDifference(const std::vector<std::uint8_t>& a,
                               const std::vector<std::uint8_t>& b, int xEnd = kEffectsSize) {
        int worst = 0;
        for (int y = 0; y < kEffectsSize; ++y)
            for (int x = 0; x < xEnd; ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::abs(a[at(x, y, c)] - b[at(x, y, c)]));
        return worst;
    }
    // The unlit box's pixels (the glowing one's mirror image, but for their
    // anti-aliased rims) against its colour: the worst channel's error.
    static int unlitError(const std::vector<std::uint8_t>& rgb, glm::ivec4 glowing) {
        int worst = 0;
        for (int y = glowing.y + 2; y <= glowing.w - 2; ++y)
            for (int x = kEffectsSize - 1 - glowing.z + 2; x <= kEffectsSize - 1 - glowing.x - 2;
                 ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::abs(rgb[at(x, y, c)] - kUnlitSrgb[c]));
        return worst;
    }

    test::HeadlessRenderer gl_;
    scene::Model model_;
    std::unique_ptr<render::GpuModel> gpu_;
};

}  // namespace

TEST_F(PostEffects, LightPastWhiteGlowsAroundItLessWithDistanceAndNotBeyondItsReach) {
    const auto off = draw(view(false));
    const auto on = draw(view(true));
    const glm::ivec4 box = glowingBox(off);
    ASSERT_GT(box.z - box.x, 10) << "the glowing box is not where it should be";
    ASSERT_LT(box.z - box.x, 30);
    const double near = ringExcess(on, off, box, 2, 6), middle = ringExcess(on, off, box, 8, 16),
                 far = ringExcess(on, off, box, 20, 32);
    std::printf("glow over the ground: %.1f/255 at 2-6 px, %.1f at 8-16, %.1f at 20-32\n", near,
                middle, far);
    EXPECT_GT(near, 8.0) << "no glow next to light 40 times white";
    EXPECT_GT(near, 1.5 * middle);
    EXPECT_GT(middle, far);
    // Beyond the chain's reach (kEffectsSize high: bloomReach(bloomLevels(kEffectsSize)) pixels),
    // nothing.
    const int reach = render::bloomReach(render::bloomLevels(kEffectsSize));
    EXPECT_LT(ringExcess(on, off, box, reach, 4 * kEffectsSize), 0.5);
    // The unlit box, within the glow, keeps the file's colour.
    EXPECT_LE(unlitError(off, box), 1);
    EXPECT_LE(unlitError(on, box), 1) << "the glow spilled onto an unlit surface";
}

TEST_F(PostEffects, WhatIsNotPastWhiteDoesNotGlow) {
    // The same view with the glowing box dimmed to just under white: the
    // ground and the box are within white, and bloom changes no pixel.
    model_.materials[0].emissiveStrength = 0.95f;
    core::Problems problems;
    gpu_ = gl_.renderer->upload(model_, problems);
    EXPECT_LE(worstDifference(draw(view(true)), draw(view(false))), 1);
}

TEST_F(PostEffects, TilesAndASwipesSideSeeWhatTheWholeViewSees) {
    const auto whole = draw(view(true));
    // In tiles of 80x80 (guard bands included), the tiles' edges crossing the glow.
    gl_.target->bind();
    glClearColor(1.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render::drawInTiles(*gl_.renderer, *gpu_, view(true), {80, 80});
    const auto tiled = gl_.target->readRgb();
    EXPECT_LE(worstDifference(whole, tiled), 2) << "a seam between tiles";
    // A swipe's side: the left of the box, cut through its glow.
    const glm::ivec4 box = glowingBox(whole);
    render::ViewParams side = view(true);
    const int cut = box.x + 4;
    side.scissor = {0, 0, cut, kEffectsSize};
    const auto swiped = draw(side);
    EXPECT_LE(worstDifference(whole, swiped, cut), 1) << "the scissor cut the glow short";
}

TEST_F(PostEffects, TheGradeLeavesUnlitColoursAsTheyAre) {
    render::ViewParams v = view(true, true);
    v.lighting.site.hour = 20.5;  // the low sun: the grade at its warmest
    const auto graded = draw(v);
    EXPECT_LE(unlitError(graded, glowingBox(graded)), 1);
    // The lit ground does change.
    v.lighting.grade = false;
    EXPECT_GT(worstDifference(graded, draw(v)), 8) << "the grade did nothing";
}

// A model without unlit materials draws without the weights (8 MB at
// 1920x1080 that llvmpipe zero-fills before the first image); the same
// renderer then shows an unlit model, its colour exact, and the first model
// again, to the byte.
TEST_F(PostEffects, UnlitWeightsComeWithTheFirstModelThatNeedsThem) {
    scene::Model lit = model_;
    for (scene::Material& m : lit.materials) m.unlit = false;
    core::Problems problems;
    const auto litGpu = gl_.renderer->upload(lit, problems);
    ASSERT_FALSE(litGpu->anyUnlit());
    ASSERT_TRUE(gpu_->anyUnlit());
    const auto drawModel = [&](const render::GpuModel& gpu) {
        gl_.target->bind();
        gl_.renderer->draw(gpu, view(false));
        return gl_.target->readRgb();
    };
    const auto before = drawModel(*litGpu);
    const auto unlit = drawModel(*gpu_);
    EXPECT_LE(unlitError(unlit, glowingBox(unlit)), 1);
    EXPECT_GT(unlitError(before, glowingBox(before)), 20) << "the lit box looks unlit";
    EXPECT_EQ(worstDifference(before, drawModel(*litGpu)), 0);
}

// The sun's cascades are allocated as views first need them (a model seen
// whole needs one): a renderer that drew one cascade, then a view that needs
// more, shows that view as a renderer drawing it first does, to the byte.
TEST_F(PostEffects, ShadowLayersGrowWhenAViewFirstNeedsMore) {
    render::ViewParams close = view(false);
    close.eye = {-1.2f, 0.6f, 1.4f};  // low, by the glowing box, the unlit one behind
    close.view = glm::lookAt(close.eye, glm::vec3(1.0f, 0.3f, 0.0f), glm::vec3(0, 1, 0));
    close.projection = glm::perspective(glm::radians(60.0f), 1.0f, 0.05f, 100.0f);
    const auto drawWith = [&](render::Renderer& r, const render::GpuModel& gpu,
                              const render::ViewParams& v) {
        gl_.target->bind();
        r.draw(gpu, v);
        return gl_.target->readRgb();
    };
    (void)drawWith(*gl_.renderer, *gpu_, view(false));
    const int top = gl_.renderer->stats().shadowDrawCalls;
    const auto grown = drawWith(*gl_.renderer, *gpu_, close);
    ASSERT_GT(gl_.renderer->stats().shadowDrawCalls, top)
        << "the close view needs no more cascades";
    core::Problems problems;
    auto fresh = render::Renderer::create(problems);
    ASSERT_TRUE(fresh);
    const auto freshGpu = fresh->upload(model_, problems);
    EXPECT_EQ(worstDifference(grown, drawWith(*fresh, *freshGpu, close)), 0);
}

TEST(Grade, NoonIsNeutralTheLowSunWarmAndDimmerDuskCoolAndDimmest) {
    using render::gradeFor;
    using scene::SkyKind;
    const render::Grade noon = gradeFor(SkyKind::Clear, 60.0), low = gradeFor(SkyKind::Clear, 8.0),
                        dusk = gradeFor(SkyKind::Clear, -4.0);
    EXPECT_EQ(noon.balance, glm::vec3(1.0f));
    EXPECT_EQ(noon.exposureStops, 0.0f);
    EXPECT_GT(low.balance.r, low.balance.b);
    EXPECT_GT(dusk.balance.b, dusk.balance.r);
    EXPECT_LT(low.exposureStops, noon.exposureStops);
    EXPECT_LT(dusk.exposureStops, low.exposureStops);
    // No jump as the sun goes down: a tenth of a degree changes little.
    for (double e = -6.0; e < 60.0; e += 0.1) {
        const render::Grade a = gradeFor(SkyKind::Clear, e), b = gradeFor(SkyKind::Clear, e + 0.1);
        ASSERT_LT(std::abs(a.exposureStops - b.exposureStops), 0.02f) << e;
        ASSERT_LT(glm::length(a.balance - b.balance), 0.01f) << e;
    }
    // The furnace test's uniform sky: nothing.
    const render::Grade none = gradeFor(SkyKind::Uniform, 8.0);
    EXPECT_EQ(none.saturation, 1.0f);
    EXPECT_EQ(none.contrast, 0.0f);
    EXPECT_EQ(none.balance, glm::vec3(1.0f));
}
