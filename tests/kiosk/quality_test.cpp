// Quality tiers held to a frame budget (render/quality.h): the governor, fed
// a simulated GPU whose timer queries answer two frames late, settles on the
// best tier within the budget and stays there; and the renderer's dynamic
// resolution, in-process on llvmpipe, against an oracle: a frame drawn at half
// size and stretched is the full frame seen through a low-pass filter, in the
// viewport it was asked for and nowhere else.
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "app/platform.h"
#include "app/viewer.h"
#include "io/load.h"
#include "io/preferences.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/quality.h"
#include "render/renderer.h"
#include "render/scaled_target.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"
#include "support/sdl_keys.h"
#include "support/test_files.h"

using namespace friche;

namespace {

constexpr double kBudgetMs = 1000.0 / 60.0;

// A GPU whose frame costs `shadowsMs` plus `pixelsMs` times the share of the
// full frame's pixels a tier draws: on llvmpipe fewer samples and no occlusion
// save next to nothing, so the governor's prior for them is wrong here.
struct SimulatedGpu {
    double shadowsMs = 3.0;
    double pixelsMs = 40.0;
    std::mt19937 random{7};
    std::uint64_t drawn = 0;
    std::deque<render::PassTimes> inFlight;  // answered two frames late
    int changes = 0;

    double cost(std::size_t level) const {
        const float s = render::kQualityTiers[level].resolutionScale;
        return shadowsMs + pixelsMs * static_cast<double>(s * s);
    }
    // `frames` frames drawn at the governor's tier, each observed as the viewer does.
    void run(render::QualityGovernor& governor, int frames, int draws = 1) {
        std::uniform_real_distribution<double> noise(0.95, 1.05);
        for (int i = 0; i < frames; ++i) {
            const std::size_t level = governor.level();
            render::PassTimes t;
            t.measured = true;
            t.frame = ++drawn;
            t.ms[static_cast<std::size_t>(render::Pass::Shadows)] = shadowsMs / draws;
            t.ms[static_cast<std::size_t>(render::Pass::Surfaces)] =
                (cost(level) - shadowsMs) * noise(random) / draws;
            inFlight.push_back(t);
            render::FrameStats stats;
            stats.frames = drawn;
            if (inFlight.size() > 2) {
                stats.gpu = inFlight.front();
                inFlight.pop_front();
            }
            governor.observe(stats, draws);
            changes += governor.level() != level ? 1 : 0;
        }
    }
};

// The best tier the simulated GPU draws within the budget.
std::size_t bestWithin(const SimulatedGpu& gpu) {
    std::size_t level = 0;
    while (level + 1 < render::kQualityTiers.size() && gpu.cost(level) > kBudgetMs) ++level;
    return level;
}

}  // namespace

TEST(QualityGovernor, StaysAtFullQualityWhenFramesFitTheBudget) {
    render::QualityGovernor governor(kBudgetMs);
    SimulatedGpu gpu;
    gpu.shadowsMs = 2.0;
    gpu.pixelsMs = 12.0;
    gpu.run(governor, 500);
    EXPECT_EQ(governor.level(), 0u);
    EXPECT_EQ(gpu.changes, 0);
}

TEST(QualityGovernor, SettlesOnTheBestTierWithinTheBudgetAndStaysThere) {
    render::QualityGovernor governor(kBudgetMs);
    SimulatedGpu gpu;  // 43 ms at full quality, 13 ms at half size
    gpu.run(governor, 60);
    EXPECT_EQ(governor.level(), bestWithin(gpu)) << "after 60 frames";
    const int settled = gpu.changes;
    EXPECT_LE(settled, 3) << "it should step down in a few jumps, not one tier at a time";
    gpu.run(governor, 2000);
    EXPECT_EQ(governor.level(), bestWithin(gpu));
    EXPECT_EQ(gpu.changes, settled) << "it kept changing tiers at a steady load";
}

TEST(QualityGovernor, ClimbsBackWhenTheLoadDropsWithoutSwinging) {
    render::QualityGovernor governor(kBudgetMs);
    SimulatedGpu gpu;
    gpu.run(governor, 100);
    ASSERT_GT(governor.level(), 0u);
    const std::size_t heavy = governor.level();
    gpu.pixelsMs = 10.0;  // a lighter view: full quality takes 13 ms
    gpu.run(governor, 3000);
    EXPECT_LT(governor.level(), heavy);
    EXPECT_LE(gpu.cost(governor.level()), kBudgetMs);
    // Near the budget's edge: wherever it climbs, it never sits over it for long.
    gpu.pixelsMs = 17.0;  // full quality 20 ms, 85 %: 15.3 ms
    const int before = gpu.changes;
    gpu.run(governor, 3000);
    EXPECT_LE(gpu.cost(governor.level()), kBudgetMs);
    EXPECT_LE(gpu.changes - before, 8) << "it swung between tiers";
}

// A view at rest goes on moving (water, smoke, traffic) only on a machine
// where even the lightest tier fits the budget; elsewhere it is drawn once.
TEST(QualityGovernor, HoldsTheBudgetOnlyWhereTheLightestTierFitsIt) {
    render::QualityGovernor governor(kBudgetMs);
    EXPECT_TRUE(governor.holds()) << "before any frame is measured";
    SimulatedGpu gpu;  // 43 ms at full quality, 13 ms at half size
    gpu.run(governor, 100);
    EXPECT_TRUE(governor.holds());
    gpu.shadowsMs = 10.0;  // a software rasteriser: 110 ms at half size
    gpu.pixelsMs = 400.0;
    gpu.run(governor, 100);
    EXPECT_EQ(governor.level(), render::kQualityTiers.size() - 1);
    EXPECT_FALSE(governor.holds());
    governor.reset();  // another site, the same machine
    EXPECT_EQ(governor.level(), 0u);
    EXPECT_FALSE(governor.holds());
    gpu.shadowsMs = 3.0;  // a lighter view, measured while it moves
    gpu.pixelsMs = 40.0;
    gpu.run(governor, 100);
    EXPECT_TRUE(governor.holds());
}

TEST(QualityGovernor, CountsBothSidesOfCompareMode) {
    render::QualityGovernor one(kBudgetMs), two(kBudgetMs);
    SimulatedGpu a, b;
    a.pixelsMs = b.pixelsMs = 20.0;
    a.run(one, 200, 1);
    b.run(two, 200, 2);  // each draw reports half: the frame costs the same
    EXPECT_EQ(one.level(), two.level());
    EXPECT_GT(one.level(), 0u);
}

TEST(QualityGovernor, IgnoresTimesOfFramesDrawnBeforeAChangeOrAtFull) {
    render::QualityGovernor governor(kBudgetMs);
    render::FrameStats stats;
    stats.gpu.measured = true;
    stats.gpu.ms[static_cast<std::size_t>(render::Pass::Surfaces)] = 100.0;
    for (std::uint64_t f = 1; f <= 4; ++f) {  // the same frame seen again and again
        stats.frames = f;
        stats.gpu.frame = 1;
        governor.observe(stats, 1);
    }
    EXPECT_EQ(governor.level(), 0u) << "one slow frame, seen four times, is one frame";
    for (std::uint64_t f = 2; f <= 5; ++f) {
        stats.frames = f + 2;
        stats.gpu.frame = f;
        governor.observe(stats, 1);
    }
    ASSERT_GT(governor.level(), 0u) << "four slow frames";
    const std::size_t level = governor.level();
    // Frames drawn before the change (6, 7) still answer with the old cost.
    for (std::uint64_t f = 6; f <= 7; ++f) {
        stats.frames = f + 2;
        stats.gpu.frame = f;
        governor.observe(stats, 1);
    }
    EXPECT_EQ(governor.level(), level);
    governor.reset();
    EXPECT_EQ(governor.level(), 0u);
    EXPECT_EQ(&governor.tier(), &render::kQualityTiers[0]);
}

TEST(QualityTiers, GoFromBestToCheapestAndLeaveTheOcclusionOffOnlyWhenOff) {
    for (std::size_t i = 1; i < render::kQualityTiers.size(); ++i)
        EXPECT_LT(render::kQualityTiers[i].relativeCost(),
                  render::kQualityTiers[i - 1].relativeCost());
    render::ViewParams view;
    view.lighting.ambientOcclusion = false;
    render::kQualityTiers[0].apply(view);
    EXPECT_FALSE(view.lighting.ambientOcclusion) << "a tier turned on what the view had off";
    view.lighting.ambientOcclusion = true;
    render::kQualityTiers.back().apply(view);
    EXPECT_FALSE(view.lighting.ambientOcclusion);
    EXPECT_EQ(view.samples, 1);
    EXPECT_EQ(view.resolutionScale, 0.5f);
    EXPECT_EQ(render::kQualityTiers[1].describe(), "85 %, 4x MSAA");
    EXPECT_EQ(render::kQualityTiers.back().describe(), "50 %, 1 sample smoothed, no occlusion");
}

TEST(ScaledTarget, SizesAndScissorsMapOntoTheSmallFrame) {
    EXPECT_EQ(render::scaledSize({1920, 1080}, 0.5f), glm::ivec2(960, 540));
    EXPECT_EQ(render::scaledSize({1920, 1080}, 1.0f), glm::ivec2(1920, 1080));
    EXPECT_EQ(render::scaledSize({3, 1}, 0.1f), glm::ivec2(1, 1));
    EXPECT_EQ(render::scaledSize({100, 100}, 7.0f), glm::ivec2(100, 100));
    EXPECT_EQ(render::scaledScissor({0, 0, 0, 0}, {10, 10}, {200, 100}, {100, 50}, 1),
              glm::ivec4(0, 0, 0, 0));
    // The right half of a viewport at (10, 10): the reach more each way, within the canvas.
    EXPECT_EQ(render::scaledScissor({110, 10, 100, 100}, {10, 10}, {200, 100}, {100, 50}, 1),
              glm::ivec4(49, 0, 51, 50));
    EXPECT_EQ(render::scaledScissor({110, 10, 100, 100}, {10, 10}, {200, 100}, {100, 50}, 6),
              glm::ivec4(44, 0, 56, 50));
}

namespace {

constexpr int kQualitySize = 192;
constexpr int kBlock = 8;  // the oracle's low-pass: means over 8x8 pixels

class DynamicResolution : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(gl_.open("dynamic resolution", 2 * kQualitySize, kQualitySize));
        core::Problems problems;
        // Made elsewhere: textured, normal-mapped, emissive, with fine detail.
        io::LoadResult loaded =
            io::loadModel(FRICHE_CORPUS_DIR
                          "/glTF-Sample-Assets/Models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb");
        ASSERT_TRUE(loaded.ok());
        model_ = std::move(loaded.model);
        gpu_ = gl_.renderer->upload(model_, problems);
        ASSERT_TRUE(gpu_);
    }

    // The whole target after drawing the helmet over magenta at `viewport`.
    // With ambient occlusion if occlusion_: at half size it is computed at a
    // quarter of the screen's resolution, and its oracle is coarser.
    std::vector<std::uint8_t> draw(float scale, int samples, glm::ivec4 viewport,
                                   glm::ivec4 scissor = {}) {
        render::ViewParams view = test::framedView(model_, kQualitySize, orbit_);
        view.viewport = viewport;
        view.scissor = scissor;
        view.resolutionScale = scale;
        view.samples = samples;
        view.lighting.ambientOcclusion = occlusion_;
        gl_.target->bind();
        glClearColor(1.0f, 0.0f, 1.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        gl_.renderer->draw(*gpu_, view);
        return gl_.target->readRgb();
    }
    std::vector<std::uint8_t> draw(float scale, int samples = 4) {
        return draw(scale, samples, {0, 0, kQualitySize, kQualitySize});
    }

    static int at(int x, int y, int c) { return (y * 2 * kQualitySize + x) * 3 + c; }
    // The mean of channel c over a block of `block` pixels, its corner at (x, y).
    static double blockMean(const std::vector<std::uint8_t>& rgb, int x, int y, int c, int block) {
        double sum = 0.0;
        for (int j = 0; j < block; ++j)
            for (int i = 0; i < block; ++i) sum += rgb[at(x + i, y + j, c)];
        return sum / (block * block);
    }
    // How much neighbouring pixels differ: the image's fine detail.
    static double detail(const std::vector<std::uint8_t>& rgb) {
        double sum = 0.0;
        for (int y = 0; y < kQualitySize; ++y)
            for (int x = 0; x + 1 < kQualitySize; ++x)
                for (int c = 0; c < 3; ++c)
                    sum += std::abs(rgb[at(x + 1, y, c)] - rgb[at(x, y, c)]);
        return sum;
    }
    struct Difference {
        double mean = 0.0, worst = 0.0;
    };
    // Block means of the left square of two images, compared.
    static Difference blocks(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                             int block = kBlock) {
        Difference d;
        int n = 0;
        for (int y = 0; y < kQualitySize; y += block)
            for (int x = 0; x < kQualitySize; x += block)
                for (int c = 0; c < 3; ++c) {
                    const double e =
                        std::abs(blockMean(a, x, y, c, block) - blockMean(b, x, y, c, block));
                    d.mean += e;
                    d.worst = std::max(d.worst, e);
                    ++n;
                }
        d.mean /= n;
        return d;
    }

    bool occlusion_ = false;
    float orbit_ = 0.0f;  // radians about the helmet
    test::HeadlessRenderer gl_;
    scene::Model model_;
    std::unique_ptr<render::GpuModel> gpu_;
};

}  // namespace

TEST_F(DynamicResolution, HalfSizeIsTheFullFrameLowPassed) {
    const auto full = draw(1.0f);
    const auto half = draw(0.5f);
    const Difference d = blocks(full, half);
    EXPECT_LT(d.mean, 1.5) << "the stretched frame is not the full one, blurred";
    EXPECT_LT(d.worst, 24.0);
    // Fewer pixels were drawn: the fine detail is softer, not the same image.
    EXPECT_LT(detail(half), 0.75 * detail(full));
    EXPECT_GT(detail(half), 0.3 * detail(full)) << "nothing but a smear";
    // Stretched through a bilinear filter, not in blocks of 2x2 equal pixels:
    // where the full frame has detail, pixels 2k and 2k+1 differ.
    int detailed = 0, blocky = 0;
    for (int y = 0; y < kQualitySize; ++y)
        for (int x = 0; x + 1 < kQualitySize; x += 2) {
            if (std::abs(full[at(x + 1, y, 1)] - full[at(x, y, 1)]) < 8) continue;
            ++detailed;
            blocky += half[at(x + 1, y, 1)] == half[at(x, y, 1)] ? 1 : 0;
        }
    ASSERT_GT(detailed, 500);
    EXPECT_LT(blocky, detailed / 4) << "stretched by repeating pixels";
    // Nothing outside the viewport: the right square keeps its magenta.
    for (const auto* rgb : {&full, &half})
        for (int y = 0; y < kQualitySize; y += 7)
            ASSERT_EQ((*rgb)[at(kQualitySize + 3, y, 1)], 0)
                << "drawn beyond the viewport at row " << y;
}

// The ambient occlusion's reach is capped in pixels, a cap that shrinks with
// the frame drawn: on screen it reaches as far at half size as at full size,
// and a view that comes to rest does not change its shading. At half size the
// occlusion is computed at a quarter of the screen's resolution and smoothed
// over 4x4 of its texels: the oracle's low-pass is 16 pixels wide. (With the
// cap in the small frame's pixels: 4.6/255 on average, 35.5 at worst.)
TEST_F(DynamicResolution, TheOcclusionReachesAsFarOnScreenAtHalfSize) {
    occlusion_ = true;
    const auto full = draw(1.0f);
    const auto half = draw(0.5f);
    occlusion_ = false;
    EXPECT_GT(blocks(full, draw(1.0f)).mean, 1.0) << "the occlusion shaded nothing";
    const Difference d = blocks(full, half, 16);
    EXPECT_LT(d.mean, 2.5) << "the occlusion spreads further over the small frame";
    EXPECT_LT(d.worst, 20.0);
}

// Four samples, or one smoothed by smooth.frag, which reads further around.
TEST_F(DynamicResolution, LandsInAnOffsetViewportThroughItsScissor) {
    for (const int samples : {4, 1}) {
        SCOPED_TRACE(samples);
        const auto whole = draw(0.5f, samples);
        // Another view over the small frame's canvas: what the cut frame
        // reads of it must be its own.
        orbit_ = 1.0f;
        draw(0.5f, samples);
        orbit_ = 0.0f;
        // The same view in the right square, through the scissor of its left half.
        const auto cut = draw(0.5f, samples, {kQualitySize, 0, kQualitySize, kQualitySize},
                              {kQualitySize, 0, kQualitySize / 2, kQualitySize});
        double worst = 0.0;
        for (int y = 0; y < kQualitySize; ++y) {
            for (int x = 0; x < kQualitySize; ++x) {
                const bool inside = x < kQualitySize / 2;
                for (int c = 0; c < 3; ++c) {
                    const int shown = cut[at(kQualitySize + x, y, c)];
                    if (inside)
                        worst = std::max(
                            worst, std::abs(shown - static_cast<int>(whole[at(x, y, c)])) * 1.0);
                    else
                        ASSERT_EQ(shown, c == 1 ? 0 : 255)
                            << "written beyond the scissor at " << x << "," << y;
                }
                ASSERT_EQ(cut[at(x, y, 1)], 0)
                    << "written left of the viewport at " << x << "," << y;
            }
        }
        EXPECT_LE(worst, 2.0) << "inside the scissor the cut frame is the whole one";
    }
}

// A frame drawn small with one sample has its staircase edges smoothed
// (smooth.frag) before it is stretched: against the oracle of the same small
// frame multisampled (4x) and stretched, it comes nearer than the same frame
// stretched as drawn, as the tiers before smoothing showed it: 0.81 of the
// distance on the helmet's edges (0.995 with the smoothing left out), while
// its textures stay within 2/255 summed over the channels.
TEST_F(DynamicResolution, OneSampleIsSmoothedOnItsWayToTheScreen) {
    const auto multisampled = draw(0.5f, 4);
    const auto smoothed = draw(0.5f, 1);
    // As drawn: the small frame drawn at its size in the bottom left corner,
    // stretched here as the blit does, bilinearly between texel centres, in
    // display values.
    const auto small = draw(1.0f, 1, {0, 0, kQualitySize / 2, kQualitySize / 2});
    const auto smallAt = [&](int x, int y, int c) {  // y from the bottom, as GL counts
        const int last = kQualitySize / 2 - 1;
        return static_cast<double>(
            small[at(std::clamp(x, 0, last), kQualitySize - 1 - std::clamp(y, 0, last), c)]);
    };
    std::vector<std::uint8_t> stretched(small.size());
    for (int y = 0; y < kQualitySize; ++y)
        for (int x = 0; x < kQualitySize; ++x) {
            const double u = (x + 0.5) / 2.0 - 0.5, v = (y + 0.5) / 2.0 - 0.5;
            const int x0 = static_cast<int>(std::floor(u)), y0 = static_cast<int>(std::floor(v));
            const double fu = u - x0, fv = v - y0;
            for (int c = 0; c < 3; ++c) {
                const double bottom = smallAt(x0, y0, c) * (1 - fu) + smallAt(x0 + 1, y0, c) * fu;
                const double top =
                    smallAt(x0, y0 + 1, c) * (1 - fu) + smallAt(x0 + 1, y0 + 1, c) * fu;
                stretched[at(x, kQualitySize - 1 - y, c)] =
                    static_cast<std::uint8_t>(std::lround(bottom * (1 - fv) + top * fv));
            }
        }
    // One sample or four shade each pixel alike where no edge crosses it:
    // where the frame as drawn differs from the oracle is where the
    // multisampling smoothed an edge. There the smoothed frame should come
    // nearer; elsewhere (textures, flat surfaces) it should leave the frame be.
    double nearSmoothed = 0.0, nearDrawn = 0.0, offEdges = 0.0;
    int edges = 0, rest = 0;
    for (int y = 0; y < kQualitySize; ++y)
        for (int x = 0; x < kQualitySize; ++x) {
            double s = 0.0, b = 0.0;
            for (int c = 0; c < 3; ++c) {
                s += std::abs(smoothed[at(x, y, c)] - multisampled[at(x, y, c)]);
                b += std::abs(stretched[at(x, y, c)] - multisampled[at(x, y, c)]);
            }
            if (b >= 12.0) {
                ++edges;
                nearSmoothed += s;
                nearDrawn += b;
            } else {
                ++rest;
                offEdges += s;
            }
        }
    std::printf(
        "%d edge pixels, off the oracle by %.1f smoothed, %.1f as drawn; %d others by %.2f\n",
        edges, nearSmoothed / edges, nearDrawn / edges, rest, offEdges / rest);
    ASSERT_GT(edges, 300);
    EXPECT_LT(nearSmoothed, 0.9 * nearDrawn) << "the edges were not smoothed";
    EXPECT_LT(offEdges / rest, 3.0) << "the textures were blurred";
}

TEST_F(DynamicResolution, OneSampleDiffersFromFourOnlyAtEdges) {
    const auto four = draw(1.0f, 4);
    const auto one = draw(1.0f, 1);
    EXPECT_NE(four, one) << "the sample count changed nothing";
    EXPECT_LT(blocks(four, one).mean, 2.0);
}

namespace {

// The turn at which the test steps to the next phase (the transition plays
// over the next turns).
constexpr int kStepTurn = 3;

// What the viewer's own loop (SDL's offscreen driver, a stepped clock) drew:
// each frame's tier and turn, and a hash of its 3D view.
struct ViewerRun {
    int status = -1;
    std::vector<std::size_t> levels;
    std::vector<int> turns;
    std::vector<std::size_t> views;
};

// What a user brings to a launch: the config folder their preferences are
// kept in (none: a fresh one), and their clicks in the Light panel, a turn's.
struct Launch {
    std::optional<std::filesystem::path> config;
    std::function<void(int turn, ui::RenderSettings&)> light;
};

// `path` opened and held to `budgetMs` until `lastTurn`, the clock stepping
// `stepSeconds` a turn; at `stepTurn` (if any) the story steps to its next phase.
ViewerRun runViewer(const char* path, const char* budgetMs, int lastTurn, double stepSeconds,
                    std::optional<int> stepTurn, const Launch& launch = {}) {
    const std::filesystem::path folder = std::filesystem::path(FRICHE_TEST_OUT) / "quality-viewer";
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    setenv("XDG_CONFIG_HOME", launch.config.value_or(folder / "config").c_str(), 1);
    setenv("FRICHE_IDLE_SECONDS", "0", 1);
    setenv("FRICHE_FRAME_BUDGET_MS", budgetMs, 1);
    ViewerRun run;
    int turnNow = 0;
    double now = 0.0;
    app::ViewerHooks hooks;
    hooks.windowSize = test::kSmallWindow;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        turnNow = turn;
        now += stepSeconds;
        if (turn == stepTurn) test::pushKey(SDLK_RIGHT);
        if (turn >= lastTurn) {
            SDL_Event quit{};
            quit.type = SDL_QUIT;
            SDL_PushEvent(&quit);
        }
    };
    if (launch.light)
        hooks.light = [&](ui::RenderSettings& light) { launch.light(turnNow, light); };
    hooks.frameDrawn = [&](const render::QualityTier& tier, bool) {
        run.levels.push_back(static_cast<std::size_t>(&tier - render::kQualityTiers.data()));
        run.turns.push_back(turnNow);
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(SDL_GL_GetCurrentWindow(), &w, &h);
        const std::vector<std::uint8_t> rgb = render::readFramebufferRgb(0, w, h);
        run.views.push_back(
            std::hash<std::string_view>{}({reinterpret_cast<const char*>(rgb.data()), rgb.size()}));
    };
    app::ViewerCommand cmd;
    cmd.path = path;
    run.status = app::runViewer(cmd, hooks);
    unsetenv("FRICHE_FRAME_BUDGET_MS");
    unsetenv("FRICHE_IDLE_SECONDS");
    return run;
}

}  // namespace

// Held to a budget no frame meets: while a phase change plays, it draws
// lighter tiers; the first frame and the frame it comes to rest on are at full
// quality, and at rest it stops drawing though the site's water and smoke
// move: on such a machine they could not move smoothly.
TEST(QualityViewer, LighterWhileTheViewMovesSharpAtRest) {
    const int lastTurn = 80;
    const ViewerRun run =
        runViewer(FRICHE_SOURCE_DIR "/scenes/example.json", "0.01", lastTurn, 0.05, kStepTurn);
    ASSERT_EQ(run.status, 0);
    const std::vector<std::size_t>& levels = run.levels;
    ASSERT_GT(levels.size(), 10u);
    EXPECT_EQ(levels.front(), 0u) << "the first frame is the still";
    EXPECT_EQ(*std::max_element(levels.begin(), levels.end()), render::kQualityTiers.size() - 1)
        << "moving at an impossible budget never reached the lightest tier";
    EXPECT_EQ(levels.back(), 0u) << "the view at rest was left blurred";
    EXPECT_LT(run.turns.back(), lastTurn - 1) << "the viewer kept drawing at rest";
}

// Held to a budget every frame meets: Seraing's view at rest (its smoke, the
// Meuse, the clouds) goes on being drawn, every turn, at full quality, and
// moves; a model opened on its own, which has no clock, is drawn at rest once
// and waits.
TEST(QualityViewer, ASiteLivesAtRestWhereTheBudgetIsHeld) {
    const int lastTurn = 24;
    const ViewerRun site = runViewer(FRICHE_SOURCE_DIR "/scenes/seraing.json", "1000000", lastTurn,
                                     0.25, std::nullopt);
    ASSERT_EQ(site.status, 0);
    // The turn that quits draws nothing.
    EXPECT_EQ(site.turns.back(), lastTurn - 1) << "the site's view stopped at rest";
    EXPECT_GE(site.turns.size(), static_cast<std::size_t>(lastTurn)) << "turns without a frame";
    EXPECT_EQ(*std::max_element(site.levels.begin(), site.levels.end()), 0u);
    std::size_t moved = 0;
    for (std::size_t i = 1; i < site.views.size(); ++i)
        moved += site.views[i] != site.views[i - 1] ? 1 : 0;
    EXPECT_GE(moved + 1, site.views.size()) << "frames at rest showed the same moment";

    const ViewerRun model =
        runViewer(FRICHE_CORPUS_DIR "/glTF-Sample-Assets/Models/Duck/glTF-Binary/Duck.glb",
                  "1000000", lastTurn, 0.25, std::nullopt);
    ASSERT_EQ(model.status, 0);
    ASSERT_FALSE(model.turns.empty());
    EXPECT_LT(model.turns.back(), 4) << "a model without a clock kept drawing at rest";
}

// The Light panel's "Water, smoke and traffic move at rest", unticked, stops
// the view at rest at once, and at the next launch too: it is saved as it
// changes (io/preferences.h), so a kill right after loses nothing.
TEST(QualityViewer, WhatMovesAtRestIsAPreferenceKeptForTheNextLaunch) {
    const std::filesystem::path config = test::freshDir() / "config";
    const int lastTurn = 24, untick = 6;
    const ViewerRun first =
        runViewer(FRICHE_SOURCE_DIR "/scenes/seraing.json", "1000000", lastTurn, 0.25, std::nullopt,
                  {.config = config, .light = [&](int turn, ui::RenderSettings& light) {
                       if (turn == untick) light.livingAtRest = false;
                   }});
    ASSERT_EQ(first.status, 0);
    EXPECT_GE(first.turns.back(), untick) << "the site stopped living before the click";
    EXPECT_LT(first.turns.back(), untick + 5) << "the site went on living after the click";
    const io::PreferencesRead saved = io::readPreferences(config / "friche" / "viewer.json");
    EXPECT_TRUE(saved.problems.empty());
    EXPECT_FALSE(saved.preferences.livingAtRest);

    bool shownUnticked = false;
    const ViewerRun second = runViewer(
        FRICHE_SOURCE_DIR "/scenes/seraing.json", "1000000", lastTurn, 0.25, std::nullopt,
        {.config = config,
         .light = [&](int, ui::RenderSettings& light) { shownUnticked = !light.livingAtRest; }});
    ASSERT_EQ(second.status, 0);
    EXPECT_TRUE(shownUnticked) << "the Light panel showed the switch as before the click";
    EXPECT_LT(second.turns.back(), 5) << "the site lived at rest against the saved preference";
}
