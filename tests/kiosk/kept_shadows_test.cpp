// The sun's cascades kept from one frame to the next (FrameStats::shadowsKept),
// in-process on llvmpipe: a 10 m post and its shadow on the plain ground, seen
// from an orbit. The oracle: a frame drawn with kept cascades is, to the byte,
// the frame a renderer drawing them anew gives (Renderer::forgetShadows); and
// they are kept only while nothing that casts into them or fits them changes.
// Where a tree sways beside the post, a held view keeps the post's depth aside
// and draws only the tree over it (FrameStats::stillShadowsKept). Walking over
// a site, the cascades that stay on their grid are kept one by one
// (FrameStats::shadowLayersKept). Compare mode's two sides each keep their own
// (ViewParams::side).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include <malloc.h>
#include <glm/gtc/matrix_transform.hpp>

#include "app/huge_pages.h"
#include "app/story_input.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/story_frame.h"
#include "render/tiles.h"
#include "support/box_gltf.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"
#include "support/seed_sites.h"

using namespace friche;

namespace {

constexpr int kCascadeViewSize = 128;
constexpr float kLeaningTime = 3.7f;  // seconds: a swaying crown has leant

// Two posts 0.6 m square, `left` and `right` metres tall, 4 m apart.
std::filesystem::path writePosts(const std::string& name, float left, float right) {
    return test::writeBoxesGltf(FRICHE_TEST_OUT "/kept-shadows", name,
                                {{.size = {0.6f, left, 0.6f}, .at = {-2.0f, 0.0f, 0.0f}},
                                 {.size = {0.6f, right, 0.6f}, .at = {2.0f, 0.0f, 0.0f}}});
}

struct Drawn {
    std::vector<std::uint8_t> rgb;
    bool kept = false;
    bool stillKept = false;
    int shadowDrawCalls = 0;
    int layersKept = 0;
};

class KeptShadows : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(gl_.open("kept shadows", kCascadeViewSize, kCascadeViewSize));
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

    // Seraing's generated site.
    void loadSeraing() {
        model_ = load(test::seedModel("seraing"));
        upload();
    }

    // A visitor gliding over the site, 60 m up, looking ahead and down, `metres`
    // along the way (0.1 m a frame at 6 m/s and 60 Hz).
    render::ViewParams glideOver(float metres) const {
        const scene::Bounds b = scene::worldBounds(model_, scene::buildDrawList(model_, 0));
        render::ViewParams v;
        v.eye = b.center() + glm::vec3(-0.3f * b.size().x, 60.0f, 0.1f * b.size().z) +
                glm::vec3(1.0f, 0.0f, 0.2f) * metres;
        v.view = glm::lookAt(v.eye, v.eye + glm::normalize(glm::vec3(1.0f, -0.25f, 0.2f)),
                             glm::vec3(0.0f, 1.0f, 0.0f));
        v.projection =
            glm::perspective(glm::radians(50.0f), 1.0f, 1.0f, 3.0f * glm::length(b.size()));
        v.viewport = {0, 0, kCascadeViewSize, kCascadeViewSize};
        v.lighting.siteLook(true);
        return v;
    }

    // The model framed whole, the camera turned `degrees` about it.
    render::ViewParams orbit(float degrees) const {
        return test::framedView(model_, kCascadeViewSize, glm::radians(degrees));
    }

    Drawn draw(const render::ViewParams& v) {
        gl_.target->bind();
        gl_.renderer->draw(*gpu_, v);
        const render::FrameStats& stats = gl_.renderer->stats();
        return {gl_.target->readRgb(), stats.shadowsKept, stats.stillShadowsKept,
                stats.shadowDrawCalls, stats.shadowLayersKept};
    }
    std::vector<std::uint8_t> drawAnew(const render::ViewParams& v) {
        gl_.target->bind();
        oracle_->forgetShadows();
        oracle_->draw(*oracleGpu_, v);
        EXPECT_FALSE(oracle_->stats().shadowsKept || oracle_->stats().stillShadowsKept);
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
    v.time = kLeaningTime;
    EXPECT_TRUE(draw(v).kept) << "a stone post's shadow does not move with time";
    model_.materials[0].name = "foliage";
    upload();
    v.time = 0.0f;
    (void)draw(v);
    v.time = kLeaningTime;
    expectRedrawn(v, "a tree in the wind");
}

TEST_F(KeptShadows, AStillsTilesShareTheWholeViewsCascades) {
    const render::ViewParams v = orbit(30.0f);
    int tiles = 0, kept = 0;
    gl_.target->bind();
    render::drawInTiles(*gl_.renderer, *gpu_, v, {kCascadeViewSize / 2, kCascadeViewSize / 2}, [&] {
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

TEST_F(KeptShadows, CompareModesTwoSidesKeepEachTheirOwn) {
    render::ViewParams before = orbit(20.0f), after = before;
    after.side = 1;
    std::vector<scene::NodeLook> looks(1);
    looks[0].moved = glm::translate(glm::mat4(1.0f), {1.5f, 0.0f, 0.0f});
    after.looks = looks;
    (void)draw(before);
    (void)draw(after);
    for (int round = 0; round < 2; ++round) {
        const Drawn a = draw(before);
        EXPECT_TRUE(a.kept) << "round " << round << ", the phase before";
        EXPECT_EQ(a.rgb, drawAnew(before)) << "round " << round << ", the phase before";
        const Drawn b = draw(after);
        EXPECT_TRUE(b.kept) << "round " << round << ", the phase after";
        EXPECT_EQ(b.rgb, drawAnew(after)) << "round " << round << ", the phase after";
        EXPECT_NE(a.rgb, b.rgb) << "the post did not move between the sides";
    }
}

TEST_F(KeptShadows, AHeldViewDrawsWhatSwaysOverTheStillCastersKeptAside) {
    // A 10 m post and, 4 m from it, an 8 m crown in the wind.
    model_ = load(writePosts("post and tree", 10.0f, 8.0f));
    model_.materials.push_back(model_.materials[0]);
    model_.materials[1].name = "foliage";
    model_.meshes[1].primitives[0].material = 1;
    upload();
    render::ViewParams v = orbit(20.0f);
    const auto at = [&](float seconds) {
        v.time = seconds;
        return draw(v);
    };
    const Drawn first = at(0.0f);
    EXPECT_FALSE(first.stillKept);
    // The second frame alike in what stays put copies it aside: a moving view
    // never pays for the copy.
    const Drawn second = at(0.5f);
    EXPECT_FALSE(second.kept || second.stillKept);
    EXPECT_EQ(second.rgb, drawAnew(v)) << "0.5 s";
    int lean = 0;
    for (const float seconds : {1.0f, 1.5f, kLeaningTime}) {
        const Drawn d = at(seconds);
        EXPECT_TRUE(d.stillKept) << seconds << " s";
        EXPECT_EQ(d.shadowDrawCalls, 1) << seconds << " s: the tree alone";
        EXPECT_EQ(d.rgb, drawAnew(v)) << seconds << " s";
        lean += d.rgb != second.rgb ? 1 : 0;
    }
    EXPECT_EQ(lean, 3) << "the crown and its shadow did not move";
    // The post moved: the copy aside is not its depth any more.
    std::vector<scene::NodeLook> looks(2);
    looks[0].moved = glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, 1.5f});
    v.looks = looks;
    for (const float seconds : {4.0f, 4.5f}) {
        const Drawn d = at(seconds);
        EXPECT_FALSE(d.stillKept) << seconds << " s, the post moved";
        EXPECT_EQ(d.rgb, drawAnew(v)) << seconds << " s, the post moved";
    }
    const Drawn held = at(5.0f);
    EXPECT_TRUE(held.stillKept) << "5 s, the post where it was moved to";
    EXPECT_EQ(held.rgb, drawAnew(v)) << "5 s, the post where it was moved to";
    // The clock stopped (a paused viewer): the whole cascade is kept.
    const Drawn paused = at(5.0f);
    EXPECT_TRUE(paused.kept);
    EXPECT_EQ(paused.rgb, held.rgb);
}

TEST_F(KeptShadows, ASitesViewHeldWhileItsCrownsSwayAndItsTrafficDrives) {
    loadSeraing();
    render::ViewParams v = orbit(30.0f);
    v.lighting.siteLook(true);
    int drawAll = 0;
    for (const float seconds : {0.0f, 0.5f, 1.0f, 1.5f}) {
        v.time = seconds;
        const Drawn d = draw(v);
        if (seconds == 0.0f) drawAll = d.shadowDrawCalls;
        EXPECT_EQ(d.stillKept, seconds >= 1.0f) << seconds << " s";
        if (d.stillKept) {
            EXPECT_GT(d.shadowDrawCalls, 0) << seconds << " s: crowns and traffic";
            EXPECT_LT(d.shadowDrawCalls, drawAll / 2) << seconds << " s: halls and heaps kept";
        }
        EXPECT_EQ(d.rgb, drawAnew(v)) << seconds << " s";
    }
}

// A visitor gliding over the site, 0.1 m a frame (6 m/s at 60 Hz), 60 m up,
// looking ahead and down: the near cascade follows the view, the far ones stay on their grid
// for a few frames at a time, and are kept while they do.
TEST_F(KeptShadows, WalkingOverASiteKeepsTheCascadesThatStayPut) {
    loadSeraing();
    const auto at = [&](int frame, float seconds) {
        render::ViewParams v = glideOver(0.1f * static_cast<float>(frame));
        v.time = seconds;
        return v;
    };
    constexpr int kFrames = 16;
    // The clock stopped: what moves stands too.
    int layersKept = 0, framesKeepingSome = 0;
    for (int i = 0; i < kFrames; ++i) {
        const render::ViewParams v = at(i, 0.0f);
        const Drawn d = draw(v);
        EXPECT_EQ(d.rgb, drawAnew(v)) << "frame " << i;
        const int anew = oracle_->stats().shadowDrawCalls;
        EXPECT_FALSE(d.kept) << "frame " << i << ": the near cascade follows the view";
        if (d.layersKept > 0) {
            ++framesKeepingSome;
            EXPECT_LT(d.shadowDrawCalls, anew) << "frame " << i;
        }
        layersKept += d.layersKept;
    }
    EXPECT_GE(framesKeepingSome, kFrames / 4) << layersKept << " cascades kept";
    // The clock running: a layer on its grid draws what moves over its still
    // casters, copied aside the second frame it stays.
    int framesSaving = 0;
    for (int i = 0; i < kFrames; ++i) {
        const render::ViewParams v = at(i, static_cast<float>(i) / 30.0f);
        const Drawn d = draw(v);
        EXPECT_EQ(d.rgb, drawAnew(v)) << "frame " << i << ", the clock running";
        framesSaving += d.shadowDrawCalls < oracle_->stats().shadowDrawCalls ? 1 : 0;
    }
    EXPECT_GE(framesSaving, kFrames / 4);
}

// A kiosk's renderer holds every cascade from the start (Renderer::
// reserveShadows): the site seen whole needs one, a glide over it three, with
// copies aside while its clock runs, and compare's other side as many again;
// none of them allocates a layer more (16 MiB each at 2048), and each frame is
// the one a renderer without the reserve draws, into the framebuffer that
// was bound. llvmpipe allocates textures with malloc, which maps blocks this
// large on their own: the bytes in such blocks are the textures' (the
// frames' smaller allocations come and go in its heap).
TEST_F(KeptShadows, ReservedCascadesLeaveNothingToAllocateForAnyView) {
    if (!app::mallocIsGlibcs()) GTEST_SKIP() << "malloc is a sanitizer's or valgrind's";
    loadSeraing();
    render::ViewParams whole = orbit(30.0f);
    whole.lighting.siteLook(true);
    // As the viewer does: between binding its window and its first frame.
    gl_.target->bind();
    gl_.renderer->reserveShadows();
    gl_.renderer->draw(*gpu_, whole);
    const std::vector<std::uint8_t> first = gl_.target->readRgb();
    EXPECT_EQ(first, drawAnew(whole)) << "not drawn into the framebuffer bound before the reserve";
    const std::size_t before = mallinfo2().hblkhd;
    const render::ViewParams glide = glideOver(0.0f);
    std::vector<render::ViewParams> views;
    for (const int side : {0, 1}) {
        for (const float seconds : {0.0f, 0.5f, 1.0f}) {
            for (render::ViewParams v : {whole, glide}) {
                v.side = side;
                v.time = seconds;
                views.push_back(v);
            }
        }
    }
    std::vector<std::vector<std::uint8_t>> drawn;
    for (const render::ViewParams& v : views) drawn.push_back(draw(v).rgb);
    const std::size_t after = mallinfo2().hblkhd;
    constexpr std::size_t kMiB = 1u << 20;
    EXPECT_LT(after, before + 8 * kMiB)
        << "in blocks of their own, before: " << before / kMiB << " MiB, after: " << after / kMiB;
    // How many cascades each view needs: the layers kept when it is drawn again.
    (void)draw(whole);
    EXPECT_EQ(draw(whole).layersKept, 1) << "the site seen whole";
    (void)draw(glide);
    EXPECT_EQ(draw(glide).layersKept, 3) << "a glide over it";
    // The oracle's own cascades are allocated as its views need them.
    for (std::size_t i = 0; i < views.size(); ++i)
        EXPECT_EQ(drawn[i], drawAnew(views[i]))
            << "side " << views[i].side << ", " << views[i].time << " s";
}

// As the viewer draws a site's story in compare mode: each side keeps its
// cascades whole while the clock stands, and its still casters while it runs.
TEST(KeptShadowsInAStory, CompareSideBySideKeepsEachSidesCascades) {
    const std::string path = FRICHE_SOURCE_DIR "/scenes/seraing.json";
    std::string error;
    auto loaded = app::loadStory(path, error);
    ASSERT_TRUE(loaded && app::loadSite(*loaded, path, error)) << error;
    constexpr int kWidth = 96, kHeight = 48;
    auto gl = app::HeadlessGl::open(loaded->site.model, kWidth, kHeight, path);
    ASSERT_TRUE(gl);
    scene::Story& story = loaded->story();
    story.compare() = {
        .mode = scene::CompareMode::Side, .phaseA = 0, .phaseB = story.timeline().phaseCount() - 1};
    render::ViewParams base;
    base.lighting.siteLook(true);
    app::lightAtSite(base.lighting, &story.scenario().site);
    struct Frame {
        int kept = 0, stillKept = 0, sides = 0;
        std::vector<std::uint8_t> rgb;
    };
    const auto frame = [&](float seconds) {
        Frame f;
        base.time = seconds;
        gl->target->bind();
        render::drawStory(*gl->renderer, *gl->gpu, story, kWidth, kHeight, base, {}, [&] {
            const render::FrameStats& stats = gl->renderer->stats();
            f.kept += stats.shadowsKept ? 1 : 0;
            f.stillKept += stats.stillShadowsKept ? 1 : 0;
            ++f.sides;
        });
        f.rgb = gl->target->readRgb();
        return f;
    };
    const Frame first = frame(0.0f);
    ASSERT_EQ(first.sides, 2);
    EXPECT_EQ(first.kept, 0);
    const Frame again = frame(0.0f);
    EXPECT_EQ(again.kept, 2) << "the clock stands: both sides keep their cascades";
    EXPECT_EQ(again.rgb, first.rgb);
    (void)frame(0.5f);
    const Frame running = frame(1.0f);
    EXPECT_EQ(running.stillKept, 2) << "the clock runs: both sides keep their still casters";
    gl->renderer->forgetShadows();
    EXPECT_EQ(frame(1.0f).rgb, running.rgb) << "drawn anew";
}
