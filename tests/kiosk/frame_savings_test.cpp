// What a frame saves changes what it costs, not what it shows: the same
// frames with each saving and without, on models made elsewhere and on a site
// halfway through a transition (dissolving, rising and fading nodes).
// - The depth pre-pass (Renderer::setDepthPrepass), which a GPU runs and a
//   software rasteriser skips: it must cut what a transition cuts as the
//   surfaces do. The tests run on llvmpipe, where friche leaves it out: this
//   is where the GPUs' path is checked.
// - The shadow layers' ranges (Renderer::setShadowRanges), which let a
//   lookup skip its four comparisons where their answer is known; and the
//   ranges themselves, against the depths they sum up.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "gfx/buffer.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/programs.h"
#include "render/renderer.h"
#include "render/shadows.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"
#include "support/seed_sites.h"

using namespace friche;

namespace {

constexpr int kSize = 192;

// Pixels of two RGB frames that differ by more than two levels in a channel.
int pixelsApart(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    int apart = 0;
    for (std::size_t i = 0; i + 2 < a.size() && i + 2 < b.size(); i += 3)
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(int(a[i + c]) - int(b[i + c])) > 2) {
                ++apart;
                break;
            }
    return apart;
}

struct Case {
    const char* name;
    std::string path;
    bool transition = false;  // a third of the nodes dissolving, rising or fading
};

void PrintTo(const Case& c, std::ostream* out) {
    *out << c.name;
}

class FrameSavings : public ::testing::TestWithParam<Case> {
protected:
    // Two frames of the case's model, from two sides, each drawn once with
    // `saving(true)` and once with `saving(false)`: {with, without}.
    template <class Saving>
    std::vector<std::pair<std::vector<std::uint8_t>, std::vector<std::uint8_t>>> drawBoth(
        Saving saving) {
        std::vector<std::pair<std::vector<std::uint8_t>, std::vector<std::uint8_t>>> frames;
        test::HeadlessRenderer gl;
        if (!gl.open("frame savings", kSize, kSize)) {
            ADD_FAILURE() << "no GL";
            return frames;
        }
        const io::LoadResult loaded = io::loadModel(GetParam().path);
        if (!loaded.ok()) {
            ADD_FAILURE() << GetParam().path;
            return frames;
        }
        core::Problems problems;
        auto gpu = gl.renderer->upload(loaded.model, problems);
        if (!gpu) {
            ADD_FAILURE() << "cannot upload " << GetParam().path;
            return frames;
        }
        std::vector<scene::NodeLook> looks(loaded.model.nodes.size());
        if (GetParam().transition)
            for (std::size_t i = 0; i < looks.size(); ++i) {
                if (i % 6 == 1) looks[i].dissolve = 0.5f;
                if (i % 6 == 3) looks[i] = {.clip = 0.5f, .clipBottom = 0.0f, .clipTop = 20.0f};
                if (i % 6 == 5) looks[i].opacity = 0.6f;
            }
        for (const float turn : {0.0f, 2.2f}) {
            render::ViewParams view = test::framedView(loaded.model, kSize, turn);
            view.scene = loaded.model.defaultScene;
            view.looks = looks;
            std::vector<std::uint8_t> drawn[2];
            for (const bool on : {true, false}) {
                saving(*gl.renderer, on);
                gl.target->bind();
                gl.renderer->draw(*gpu, view);
                drawn[on ? 0 : 1] = gl.target->readRgb();
            }
            frames.emplace_back(std::move(drawn[0]), std::move(drawn[1]));
        }
        return frames;
    }
};

}  // namespace

TEST_P(FrameSavings, TheDepthPrepassShowsWhatAFrameWithoutItShows) {
    const auto frames = drawBoth([](render::Renderer& r, bool on) { r.setDepthPrepass(on); });
    ASSERT_EQ(frames.size(), 2u);
    for (const auto& [with, without] : frames)
        // Where two surfaces lie in one plane, the first drawn shows without
        // the pre-pass and the last with it: a few pixels in a thousand.
        EXPECT_LE(pixelsApart(with, without), kSize * kSize / 1000);
}

TEST_P(FrameSavings, TheShadowRangesShowWhatTheComparisonsShow) {
    const auto frames = drawBoth([](render::Renderer& r, bool on) { r.setShadowRanges(on); });
    ASSERT_EQ(frames.size(), 2u);
    // A lookup answered by its cell's range answers what its comparisons
    // would have: no pixel apart.
    for (const auto& [with, without] : frames) EXPECT_EQ(pixelsApart(with, without), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Models, FrameSavings,
    testing::Values(Case{"CadAssembly", FRICHE_CORPUS_DIR "/glTF-Sample-Models/2.0/2CylinderEngine/"
                                                          "glTF-Binary/2CylinderEngine.glb"},
                    Case{"Textured", FRICHE_CORPUS_DIR "/glTF-Sample-Assets/Models/DamagedHelmet/"
                                                       "glTF-Binary/DamagedHelmet.glb"},
                    Case{"SiteInTransition", test::seedModel("seraing"), true}),
    [](const testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });

// Each cell's range is the nearest and the farthest of the depths that a
// lookup inside the cell reads: its own texels and FRICHE_SHADOW_REACH more
// on every side, clamped to the layer. Random depths, with a few extremes, on
// two layers of a small map; the oracle reads the depths back as stored,
// which may round their 24 bits to a float otherwise than a sampler: within a
// step of depth (the lookups leave two to spare, shaders/lighting.glsl).
TEST(ShadowRange, IsTheNearestAndFarthestDepthALookupInTheCellReads) {
    test::HeadlessRenderer gl;
    ASSERT_TRUE(gl.open("shadow range", 16, 16));
    core::Problems problems;
    const auto programs = render::Programs::build(problems);
    ASSERT_TRUE(programs);
    constexpr int kMapSize = 64, kLayers = 2, kCells = kMapSize / FRICHE_SHADOW_CELL;
    constexpr float kDepthStep = 1.0f / 16777215.0f;
    render::ShadowMap map = render::ShadowMap::create(kMapSize);
    ASSERT_TRUE(map.ensure(kLayers));
    std::mt19937 random(7);
    std::uniform_real_distribution<float> depth(0.2f, 0.8f);
    std::vector<float> texels(kMapSize * kMapSize * kLayers);
    for (float& t : texels) t = depth(random);
    // Extremes on a cell's edge, at its reach and in a corner of the layer.
    for (const auto& [x, y, layer, value] :
         {std::tuple{9, 17, 0, 0.01f}, {30, 14, 0, 0.99f}, {0, 0, 1, 0.02f}, {63, 40, 1, 0.97f}})
        texels[static_cast<std::size_t>((layer * kMapSize + y) * kMapSize + x)] = value;
    glBindTexture(GL_TEXTURE_2D_ARRAY, map.depth().id());
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, kMapSize, kMapSize, kLayers,
                    GL_DEPTH_COMPONENT, GL_FLOAT, texels.data());
    glGetTexImage(GL_TEXTURE_2D_ARRAY, 0, GL_DEPTH_COMPONENT, GL_FLOAT, texels.data());
    const gfx::VertexArray empty = gfx::VertexArray::create("empty");
    empty.bind();
    for (int layer = 0; layer < kLayers; ++layer) map.summarise(layer, programs->shadowRange);
    std::vector<float> ranges(kCells * kCells * kLayers * 2);
    glBindTexture(GL_TEXTURE_2D_ARRAY, map.range().id());
    glGetTexImage(GL_TEXTURE_2D_ARRAY, 0, GL_RG, GL_FLOAT, ranges.data());
    ASSERT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
    int extremes = 0;
    for (int layer = 0; layer < kLayers; ++layer)
        for (int cy = 0; cy < kCells; ++cy)
            for (int cx = 0; cx < kCells; ++cx) {
                float nearest = 1.0f, farthest = 0.0f;
                const int lo = -FRICHE_SHADOW_REACH, hi = FRICHE_SHADOW_CELL + FRICHE_SHADOW_REACH;
                for (int y = cy * FRICHE_SHADOW_CELL + lo; y < cy * FRICHE_SHADOW_CELL + hi; ++y)
                    for (int x = cx * FRICHE_SHADOW_CELL + lo; x < cx * FRICHE_SHADOW_CELL + hi;
                         ++x) {
                        const float t = texels[static_cast<std::size_t>(
                            (layer * kMapSize + std::clamp(y, 0, kMapSize - 1)) * kMapSize +
                            std::clamp(x, 0, kMapSize - 1))];
                        nearest = std::min(nearest, t);
                        farthest = std::max(farthest, t);
                    }
                const auto at = static_cast<std::size_t>(((layer * kCells + cy) * kCells + cx) * 2);
                SCOPED_TRACE(testing::Message()
                             << "layer " << layer << ", cell " << cx << "," << cy);
                EXPECT_NEAR(ranges[at], nearest, kDepthStep);
                EXPECT_NEAR(ranges[at + 1], farthest, kDepthStep);
                if (nearest < 0.1f || farthest > 0.9f) ++extremes;
            }
    // Each extreme reaches the cells whose reach it lies in: (9,17) cells x
    // 0..1 and y 1..2, (30,14) x 3..4 and y 1..2, (0,0) one, (63,40) x 7 and
    // y 4..5.
    EXPECT_EQ(extremes, 4 + 4 + 1 + 2);
}
