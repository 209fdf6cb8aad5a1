// Twenty-four hours of an exhibition in a few minutes: the kiosk's own loop on
// a clock stepped 7.5 minutes a turn, visitors tapping and dragging at
// random (the same visitors every hour) for part of each hour, the attract
// loop for the rest. The live GL
// objects must be the same every hour after the first few, and resident
// memory must not creep up.
// (Excluded from the sanitizer run in .ci/run: it repeats what the other
// kiosk tests cover, ten times slower.)
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/kiosk.h"
#include "app/viewer.h"
#include "gfx/handle.h"

namespace {

namespace fs = std::filesystem;

constexpr double kStepSeconds = 450.0;
constexpr int kTurnsPerHour = 8;  // 8 x 7.5 min
constexpr int kHours = 24;
constexpr int kVisitedTurns = 3;  // the first 22.5 minutes of each hour; then idle
constexpr int kWarmUpHours = 4;
constexpr double kMaxGrowthMiB = 1.0;
constexpr unsigned kSeed = 20261203;

struct Sample {
    double residentMiB = 0.0;
    long glObjects = 0;
};

void pushButton(Uint32 type, int x, int y) {
    SDL_Event e{};
    e.type = type;
    e.button.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    e.button.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    SDL_PushEvent(&e);
}

void pushMotion(int x, int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    e.motion.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    SDL_PushEvent(&e);
}

TEST(KioskSoak, TwentyFourSimulatedHoursKeepMemoryAndGlObjectsFlat) {
    const fs::path folder = fs::path(FRICHE_TEST_OUT) / "kiosk-soak";
    fs::remove_all(folder);
    fs::create_directories(folder);
    const fs::path scenes = fs::path(FRICHE_SOURCE_DIR) / "scenes";
    const nlohmann::json config = {
        {"sites",
         {(scenes / "seraing.json").string(), (scenes / "droixhe.json").string(),
          (scenes / "differdange.json").string()}},
        {"idleSeconds", 120},
        {"log", (folder / "kiosk.log").string()}};
    std::ofstream(folder / "kiosk.json") << config.dump(2);

    double now = 0.0;
    std::mt19937 random(kSeed);
    std::vector<Sample> hourly;
    friche::app::ViewerHooks hooks;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        now = turn * kStepSeconds;
        const int inHour = turn % kTurnsPerHour;
        // Every hour the same visitors: memory that differs from one hour to
        // the next is then ours to explain, not a driver meeting a new
        // combination of states for the first time.
        if (inHour == 0) random.seed(kSeed);
        int w = 0, h = 0;
        SDL_GetWindowSize(SDL_GL_GetCurrentWindow(), &w, &h);
        std::uniform_int_distribution<int> x(0, w - 1), y(0, h - 1);
        if (inHour < kVisitedTurns) {
            // A tap anywhere (panels included: sites, languages, views,
            // compare, the timeline), then a drag: an orbit or a scrub.
            const int tx = x(random), ty = y(random);
            pushButton(SDL_MOUSEBUTTONDOWN, tx, ty);
            pushButton(SDL_MOUSEBUTTONUP, tx, ty);
            const int dx = x(random), dy = y(random);
            pushButton(SDL_MOUSEBUTTONDOWN, dx, dy);
            pushMotion(dx + 40, dy + 10);
            pushMotion(dx + 80, dy + 20);
            pushButton(SDL_MOUSEBUTTONUP, dx + 80, dy + 20);
        }
        // The end of each hour: the attract loop on the first site, as every hour.
        if (inHour == kTurnsPerHour - 1)
            hourly.push_back({static_cast<double>(friche::app::residentBytes()) / (1 << 20),
                              friche::gfx::liveObjects()});
        if (turn == kHours * kTurnsPerHour) std::raise(SIGTERM);
    };
    friche::app::ViewerCommand cmd;
    cmd.kiosk = std::vector<std::string>{(folder / "kiosk.json").string()};
    ASSERT_EQ(friche::app::runViewer(cmd, hooks), 0);
    ASSERT_EQ(hourly.size(), static_cast<std::size_t>(kHours));

    for (std::size_t hour = 0; hour < hourly.size(); ++hour)
        std::printf("hour %2zu: %7.1f MiB resident, %ld GL objects\n", hour + 1,
                    hourly[hour].residentMiB, hourly[hour].glObjects);
    // A sample is one moment: a frame's transient buffers, the allocator's
    // pages of a site just left, come and go (about 30 MiB here). A leak
    // raises the floor: the least memory held in the second half of the
    // day against the least in the hours after warm-up.
    const auto floorOf = [&](int from, int to) {
        double least = hourly[static_cast<std::size_t>(from)].residentMiB;
        for (int hour = from; hour < to; ++hour)
            least = std::min(least, hourly[static_cast<std::size_t>(hour)].residentMiB);
        return least;
    };
    const double early = floorOf(kWarmUpHours, kHours / 2);
    const double late = floorOf(kHours / 2, kHours);
    std::printf("least resident: %.1f MiB in hours %d-%d, %.1f MiB in hours %d-%d\n", early,
                kWarmUpHours + 1, kHours / 2, late, kHours / 2 + 1, kHours);
    EXPECT_LT(late - early, kMaxGrowthMiB);
    for (int hour = kWarmUpHours; hour < kHours; ++hour)
        EXPECT_EQ(hourly[static_cast<std::size_t>(hour)].glObjects,
                  hourly[kWarmUpHours - 1].glObjects)
            << "hour " << hour + 1;
}

}  // namespace
