// The depth pre-pass, which a GPU runs and a software rasteriser skips
// (Renderer::setDepthPrepass), changes what a frame costs, not what it shows:
// the same frames with it and without, on models made elsewhere and on a
// site halfway through a transition (dissolving, rising and fading nodes,
// which the pre-pass must cut as the surfaces do). The tests run on llvmpipe,
// where friche leaves it out: this is where the GPUs' path is checked.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <string>
#include <vector>

#include "io/load.h"
#include "render/gpu_model.h"
#include "render/renderer.h"
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

class DepthPrepass : public ::testing::TestWithParam<Case> {};

}  // namespace

TEST_P(DepthPrepass, ShowsWhatAFrameWithoutItShows) {
    test::HeadlessRenderer gl;
    ASSERT_TRUE(gl.open("depth pre-pass", kSize, kSize));
    const io::LoadResult loaded = io::loadModel(GetParam().path);
    ASSERT_TRUE(loaded.ok()) << GetParam().path;
    core::Problems problems;
    auto gpu = gl.renderer->upload(loaded.model, problems);
    ASSERT_TRUE(gpu);
    std::vector<scene::NodeLook> looks(loaded.model.nodes.size());
    if (GetParam().transition)
        for (std::size_t i = 0; i < looks.size(); ++i) {
            if (i % 6 == 1) looks[i].dissolve = 0.5f;
            if (i % 6 == 3) looks[i] = {.clip = 0.5f, .clipBottom = 0.0f, .clipTop = 20.0f};
            if (i % 6 == 5) looks[i].opacity = 0.6f;
        }
    for (const float turn : {0.0f, 2.2f}) {
        SCOPED_TRACE(turn);
        render::ViewParams view = test::framedView(loaded.model, kSize, turn);
        view.scene = loaded.model.defaultScene;
        view.looks = looks;
        std::vector<std::uint8_t> frames[2];
        for (const bool prepass : {true, false}) {
            gl.renderer->setDepthPrepass(prepass);
            gl.target->bind();
            gl.renderer->draw(*gpu, view);
            EXPECT_EQ(gl.renderer->stats().depthPrepass, prepass);
            frames[prepass ? 0 : 1] = gl.target->readRgb();
        }
        // Where two surfaces lie in one plane, the first drawn shows without
        // the pre-pass and the last with it: a few pixels in a thousand.
        EXPECT_LE(pixelsApart(frames[0], frames[1]), kSize * kSize / 1000);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Models, DepthPrepass,
    testing::Values(Case{"CadAssembly", FRICHE_CORPUS_DIR "/glTF-Sample-Models/2.0/2CylinderEngine/"
                                                          "glTF-Binary/2CylinderEngine.glb"},
                    Case{"Textured", FRICHE_CORPUS_DIR "/glTF-Sample-Assets/Models/DamagedHelmet/"
                                                       "glTF-Binary/DamagedHelmet.glb"},
                    Case{"SiteInTransition", test::seedModel("seraing"), true}),
    [](const testing::TestParamInfo<Case>& p) { return std::string(p.param.name); });
