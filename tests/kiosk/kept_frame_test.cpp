// The 3D view of a frame at rest, kept aside for the frames that change only
// the panels over it (render/kept_frame.h). In-process on llvmpipe. The
// oracle: a frame whose 3D view is copied back shows, to the byte, what the
// view drew at rest; and whatever changes what the renderer would draw (a
// view's camera, its looks, its light, the model, the programs, the window)
// draws it anew, where a change of time alone does not.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include <SDL.h>
#include <glm/gtc/matrix_transform.hpp>

#include "app/viewer.h"
#include "gfx/gl.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/kept_frame.h"
#include "render/offscreen.h"
#include "support/box_gltf.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"
#include "support/kiosk_taps.h"
#include "support/sdl_keys.h"
#include "support/test_files.h"

using namespace friche;

namespace {

constexpr int kKeptFrameSize = 96;

GLint boundFramebuffer() {
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    return bound;
}

class KeptFrame : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(gl_.open("kept frame", kKeptFrameSize, kKeptFrameSize));
        io::LoadResult loaded = io::loadModel(
            test::writeBoxGltf(FRICHE_TEST_OUT "/kept-frame", "post", 0.6f, 10.0f, 0.6f));
        ASSERT_TRUE(loaded.ok());
        model_ = std::move(loaded.model);
        core::Problems problems;
        gpu_ = gl_.renderer->upload(model_, problems);
        ASSERT_TRUE(gpu_);
        render::PartView part{test::framedView(model_, kKeptFrameSize, 0.4f),
                              std::vector<scene::NodeLook>(model_.nodes.size())};
        part.params.lighting.siteLook(true);
        part.params.time = 1.5f;
        inputs_ = {
            .model = gpu_->serial, .size = {kKeptFrameSize, kKeptFrameSize}, .views = {part}};
    }

    std::vector<std::uint8_t> draw() {
        gl_.target->bind();
        render::drawViews(*gl_.renderer, *gpu_, inputs_.views);
        return gl_.target->readRgb();
    }

    test::HeadlessRenderer gl_;
    scene::Model model_;
    std::unique_ptr<render::GpuModel> gpu_;
    render::FrameInputs inputs_;
};

}  // namespace

// Kept, the target cleared, and copied back: the same bytes, in the
// framebuffer that was bound, which stays bound.
TEST_F(KeptFrame, CopiesTheViewBackToTheByte) {
    const std::vector<std::uint8_t> drawn = draw();
    render::KeptFrame kept;
    EXPECT_FALSE(kept.holds(inputs_)) << "nothing kept yet";
    gl_.target->bind();  // which the read above left
    const GLint target = boundFramebuffer();
    ASSERT_NE(target, 0);
    kept.keep(inputs_);
    EXPECT_EQ(boundFramebuffer(), target) << "keeping left its own framebuffer bound";
    glDisable(GL_SCISSOR_TEST);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glClearColor(1.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ASSERT_NE(gl_.target->readRgb(), drawn) << "the target was not cleared";
    gl_.target->bind();
    ASSERT_TRUE(kept.holds(inputs_));
    kept.restore();
    EXPECT_EQ(boundFramebuffer(), target);
    EXPECT_EQ(gl_.target->readRgb(), drawn) << "the view copied back is not the view drawn";
    kept.forget();
    EXPECT_FALSE(kept.holds(inputs_));
}

// What the view is drawn from decides, not where its looks are kept nor the
// time (the caller keeps only frames at rest, whose world waits).
TEST_F(KeptFrame, HoldsWhatDrawsTheSamePixelsOnly) {
    draw();
    render::KeptFrame kept;
    kept.keep(inputs_);
    render::FrameInputs same = inputs_;
    same.views[0].params.time = 99.0f;
    same.views[0].looks.reserve(100);  // elsewhere in memory, the same looks
    EXPECT_TRUE(kept.holds(same));

    const auto changed = [&](const char* what, auto change) {
        render::FrameInputs other = inputs_;
        change(other);
        EXPECT_FALSE(kept.holds(other)) << what;
    };
    changed("another upload", [](render::FrameInputs& f) { ++f.model; });
    changed("another size", [](render::FrameInputs& f) { f.size.x -= 1; });
    changed("a second view", [](render::FrameInputs& f) { f.views.push_back(f.views[0]); });
    changed("the camera turned", [](render::FrameInputs& f) {
        f.views[0].params.view = glm::rotate(f.views[0].params.view, 0.01f, glm::vec3(0, 1, 0));
    });
    changed("another hour",
            [](render::FrameInputs& f) { f.views[0].params.lighting.site.hour += 0.25; });
    changed("no bloom", [](render::FrameInputs& f) { f.views[0].params.lighting.bloom = false; });
    changed("a debug view", [](render::FrameInputs& f) {
        f.views[0].params.debugView = render::DebugView::Normals;
    });
    changed("a section plane",
            [](render::FrameInputs& f) { f.views[0].params.section = glm::vec4(1, 0, 0, 0); });
    changed("a lighter tier", [](render::FrameInputs& f) { f.views[0].params.samples = 1; });
    changed("a scissor", [](render::FrameInputs& f) { f.views[0].params.scissor = {0, 0, 8, 8}; });
    changed("the other compare side", [](render::FrameInputs& f) { f.views[0].params.side = 1; });
    changed("a look half faded",
            [](render::FrameInputs& f) { f.views[0].looks.back().opacity = 0.5f; });
    changed("a proposal moved", [](render::FrameInputs& f) {
        f.views[0].looks.back().moved = glm::translate(glm::mat4(1.0f), glm::vec3(1, 0, 0));
    });
}

namespace {

// What the viewer's window showed after each frame's 3D view.
struct Shown {
    bool kept = false;
    std::size_t rgb = 0;  // a hash of the pixels
};

}  // namespace

// The viewer on Seraing, its world waiting at rest (the Light panel's
// "Water, smoke and traffic move at rest" unticked): a pointer moved over the
// window redraws only the panels, and the view is the one drawn at rest; an
// hour set in the Light panel, the shaders reloaded and a step to the next
// phase each draw it anew. Ticked for a few frames, the world moves on, and
// when it waits again its view is drawn anew, not the one kept before.
TEST(KeptFrameViewer, PanelOnlyFramesShowTheViewAtRestAndChangesDrawItAnew) {
    const std::filesystem::path folder = test::freshDir();
    setenv("XDG_CONFIG_HOME", (folder / "config").c_str(), 1);
    setenv("FRICHE_IDLE_SECONDS", "0", 1);
    setenv("FRICHE_FRAME_BUDGET_MS", "1000000", 1);
    enum class Act { Hover, Hour, Reload, Step, Live, Done };
    const std::vector<Act> script = {Act::Hover, Act::Hour,  Act::Hover, Act::Reload, Act::Hover,
                                     Act::Step,  Act::Hover, Act::Live,  Act::Hover,  Act::Done};
    std::vector<Shown> shown;
    std::vector<std::size_t> actedAt;  // shown.size() when each act began
    std::size_t next = 0;
    int quietSince = 0;
    std::size_t lastCount = 0;
    bool setHour = false, reload = false;
    int liveFrames = 0;          // frames left with "move at rest" ticked
    std::size_t waitsAgain = 0;  // the frame in which it was unticked again
    app::ViewerHooks hooks;
    hooks.windowSize = test::kSmallWindow;
    double now = 0.0;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        now += 0.25;  // a phase change in a few frames
        if (shown.size() != lastCount) {
            lastCount = shown.size();
            quietSince = turn;
        }
        if (turn == 600) std::raise(SIGTERM);  // a view that never rests fails below
        if (turn - quietSince != 3 || next >= script.size()) return;
        actedAt.push_back(shown.size());
        switch (script[next++]) {
            case Act::Hover:
                test::pushMotion(40 + static_cast<int>(next), 300);
                break;
            case Act::Hour:
                setHour = true;
                test::pushMotion(60, 300);
                break;
            case Act::Reload:
                reload = true;
                test::pushMotion(60, 320);
                break;
            case Act::Step:
                test::pushKey(SDLK_RIGHT);
                break;
            case Act::Live:
                liveFrames = 3;
                test::pushMotion(60, 340);
                break;
            case Act::Done:
                std::raise(SIGTERM);
                break;
        }
    };
    hooks.light = [&](ui::RenderSettings& light) {
        light.livingAtRest = liveFrames > 0;
        if (liveFrames > 0 && --liveFrames == 0) waitsAgain = shown.size() + 1;
        if (std::exchange(setHour, false)) light.lighting.site.hour = 9.0;
        if (std::exchange(reload, false)) light.reloadRequested = true;
    };
    hooks.frameDrawn = [&](const render::QualityTier&, bool kept) {
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(SDL_GL_GetCurrentWindow(), &w, &h);
        const std::vector<std::uint8_t> rgb = render::readFramebufferRgb(0, w, h);
        shown.push_back({kept, std::hash<std::string_view>{}(
                                   {reinterpret_cast<const char*>(rgb.data()), rgb.size()})});
    };
    app::ViewerCommand cmd;
    cmd.path = FRICHE_SOURCE_DIR "/scenes/seraing.json";
    EXPECT_EQ(app::runViewer(cmd, hooks), 0);
    unsetenv("FRICHE_FRAME_BUDGET_MS");
    unsetenv("FRICHE_IDLE_SECONDS");
    ASSERT_EQ(actedAt.size(), script.size()) << "the view did not rest after every act";

    // The frames act k drew: from actedAt[k] to actedAt[k + 1].
    const auto frames = [&](std::size_t k) {
        return std::vector<Shown>(shown.begin() + static_cast<long>(actedAt[k]),
                                  shown.begin() + static_cast<long>(actedAt[k + 1]));
    };
    for (std::size_t k = 0; k + 1 < script.size(); ++k) {
        const std::vector<Shown> drawn = frames(k);
        ASSERT_FALSE(drawn.empty()) << "act " << k << " drew no frame";
        const Shown& atRest = shown[actedAt[k] - 1];
        if (script[k] == Act::Hover) {
            for (const Shown& s : drawn) {
                EXPECT_TRUE(s.kept) << "act " << k << ": a hover drew the 3D view anew";
                EXPECT_EQ(s.rgb, atRest.rgb) << "act " << k << ": not the view at rest";
            }
            continue;
        }
        // The world waits at rest, and what lives in it (the Meuse, the
        // smoke) is drawn at the clock's time when the view is drawn anew.
        if (script[k] == Act::Step) {
            EXPECT_TRUE(std::ranges::any_of(drawn, [](const Shown& s) { return !s.kept; }))
                << "the step to the next phase was never drawn";
        } else {
            EXPECT_FALSE(drawn.front().kept) << "act " << k << ": its change showed the view kept";
        }
        if (script[k] == Act::Live) {
            ASSERT_LT(waitsAgain, shown.size());
            EXPECT_FALSE(shown[waitsAgain].kept)
                << "the view kept before the world lived came back when it waited again";
        }
        if (script[k] != Act::Reload) {
            EXPECT_NE(drawn.back().rgb, atRest.rgb) << "act " << k << " changed nothing seen";
        }
    }
}
