// The sun's cascades kept from one frame to the next (FrameStats::shadowsKept),
// in-process on llvmpipe: a 10 m post and its shadow on the plain ground, seen
// from an orbit. The oracle: a frame drawn with kept cascades is, to the byte,
// the frame a renderer drawing them anew gives (Renderer::forgetShadows); and
// they are kept only while nothing that casts into them or fits them changes.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "io/load.h"
#include "render/gpu_model.h"
#include "render/tiles.h"
#include "support/box_gltf.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"

using namespace friche;

namespace {

constexpr int kSize = 128;
constexpr float kWindTime = 3.7f;  // seconds: a swaying crown has leant

// Two posts 0.6 m square, `left` and `right` metres tall, 4 m apart.
std::filesystem::path writePosts(const std::string& name, float left, float right) {
    return test::writeBoxesGltf(FRICHE_TEST_OUT "/kept-shadows", name,
                                {{.size = {0.6f, left, 0.6f}, .at = {-2.0f, 0.0f, 0.0f}},
                                 {.size = {0.6f, right, 0.6f}, .at = {2.0f, 0.0f, 0.0f}}});
}

struct Drawn {
    std::vector<std::uint8_t> rgb;
    bool kept = false;
};

class KeptShadows : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(gl_.open("kept shadows", kSize, kSize));
        oracle_ = render::Renderer::create(gl_.problems);
        ASSERT_TRUE(oracle_);
        model_ =
            load(test::writeBoxGltf(FRICHE_TEST_OUT "/kept-shadows", "post", 0.6f, 10.0f, 0.6f));
        upload();
    }

    static scene::Model load(const std::filesystem::path& path) {
        io::LoadResult loaded = io::loadModel(path);
        EXPECT_TRUE(loaded.ok());
        return std::move(loaded.model);
    }
    // model_ to both renderers, the one tested first (the last upload gone).
    void upload() {
        gpu_.reset();
        core::Problems problems;
        gpu_ = gl_.renderer->upload(model_, problems);
        oracleGpu_ = oracle_->upload(model_, problems);
        ASSERT_TRUE(gpu_ && oracleGpu_);
    }

    // The model framed whole, the camera turned `degrees` about it.
    render::ViewParams orbit(float degrees) const {
        return test::framedView(model_, kSize, glm::radians(degrees));
    }

    Drawn draw(const render::ViewParams& v) {
        gl_.target->bind();
        gl_.renderer->draw(*gpu_, v);
        return {gl_.target->readRgb(), gl_.renderer->stats().shadowsKept};
    }
    std::vector<std::uint8_t> drawAnew(const render::ViewParams& v) {
        gl_.target->bind();
        oracle_->forgetShadows();
        oracle_->draw(*oracleGpu_, v);
        EXPECT_FALSE(oracle_->stats().shadowsKept);
        return gl_.target->readRgb();
    }
    // `v`, changed from the last frame drawn in what moves the shadows: drawn
    // anew, as the oracle draws it; then kept while it stays.
    void expectRedrawn(const render::ViewParams& v, const char* change) {
        const Drawn changed = draw(v);
        EXPECT_FALSE(changed.kept) << change << ": the last frame's shadows were kept";
        EXPECT_EQ(changed.rgb, drawAnew(v)) << change;
        const Drawn again = draw(v);
        EXPECT_TRUE(again.kept) << change << ": drawn again, unchanged";
        EXPECT_EQ(again.rgb, changed.rgb) << change;
    }

    test::HeadlessRenderer gl_;
    std::unique_ptr<render::Renderer> oracle_;
    scene::Model model_;
    std::unique_ptr<render::GpuModel> gpu_, oracleGpu_;
};

}  // namespace

TEST_F(KeptShadows, OrbitingAModelSeenWholeKeepsItsCascadesAndDrawsAsAnew) {
    render::ViewParams unshadowed = orbit(0.0f);
    unshadowed.lighting.shadows = false;
    ASSERT_NE(draw(unshadowed).rgb, draw(orbit(0.0f)).rgb) << "no shadow in view";
    for (const float degrees : {5.0f, 10.0f, 40.0f}) {
        const Drawn d = draw(orbit(degrees));
        EXPECT_TRUE(d.kept) << degrees << "°: its one cascade fits the model, not the view";
        EXPECT_EQ(gl_.renderer->stats().shadowDrawCalls, 0);
        EXPECT_EQ(d.rgb, drawAnew(orbit(degrees))) << degrees << "°";
    }
}

TEST_F(KeptShadows, WhatMovesTheShadowsDrawsThemAnew) {
    render::ViewParams v = orbit(20.0f);
    (void)draw(v);
    v.lighting.site.hour = 9.5;
    expectRedrawn(v, "the hour");
    std::vector<scene::NodeLook> looks(1);
    looks[0].moved = glm::translate(glm::mat4(1.0f), {1.5f, 0.0f, 0.0f});
    v.looks = looks;
    expectRedrawn(v, "the post moved");
    looks[0] = {};
    looks[0].clip = 0.5f;
    looks[0].clipTop = 10.0f;
    expectRedrawn(v, "the post half risen");
    looks[0].clip = 0.8f;
    expectRedrawn(v, "the post risen further");
    v.looks = {};
    v.section = glm::vec4(0.0f, 1.0f, 0.0f, 4.0f);  // cut above 4 m
    expectRedrawn(v, "a section plane");
    v.section = glm::vec4(0.0f, 1.0f, 0.0f, 6.0f);
    expectRedrawn(v, "the section plane moved");
    v.section.reset();
    // Another model where the last one was, in the same box, drawn with the
    // same calls (a driver may give its buffers the freed ones' names): the
    // tall post and the short one swap places.
    model_ = load(writePosts("tall left", 10.0f, 4.0f));
    upload();
    (void)draw(v);
    model_ = load(writePosts("tall right", 4.0f, 10.0f));
    upload();
    expectRedrawn(v, "another model");
}

TEST_F(KeptShadows, TimeMovesThemOnlyWhereSomethingSwaysOrDrives) {
    render::ViewParams v = orbit(20.0f);
    (void)draw(v);
    v.time = kWindTime;
    EXPECT_TRUE(draw(v).kept) << "a stone post's shadow does not move with time";
    model_.materials[0].name = "foliage";
    upload();
    v.time = 0.0f;
    (void)draw(v);
    v.time = kWindTime;
    expectRedrawn(v, "a tree in the wind");
}

TEST_F(KeptShadows, AStillsTilesShareTheWholeViewsCascades) {
    const render::ViewParams v = orbit(30.0f);
    int tiles = 0, kept = 0;
    gl_.target->bind();
    render::drawInTiles(*gl_.renderer, *gpu_, v, {kSize / 2, kSize / 2}, [&] {
        ++tiles;
        kept += gl_.renderer->stats().shadowsKept ? 1 : 0;
    });
    const std::vector<std::uint8_t> tiled = gl_.target->readRgb();
    ASSERT_GE(tiles, 4);
    EXPECT_EQ(kept, tiles - 1) << "each tile after the first keeps the first one's cascades";
    // Tiles differ from the whole by their guard bands' rounding, not by shadows.
    const std::vector<std::uint8_t> whole = drawAnew(v);
    int worst = 0;
    for (std::size_t i = 0; i < whole.size(); ++i)
        worst = std::max(worst, std::abs(int(whole[i]) - int(tiled[i])));
    EXPECT_LE(worst, 2);
}
