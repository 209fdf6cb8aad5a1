// Twenty-four hours of an exhibition in a few minutes: the kiosk's own loop on
// a clock stepped 6 minutes a turn, visitors opening another site, tapping
// and dragging at random (the same visitors every hour) for part of each
// hour, the attract loop (back to the first site) for the rest. The live GL objects must be the
// same every hour after the first few, and memory must not creep up. (Excluded from the sanitizer
// run in .ci/run: it repeats what the other kiosk tests cover, ten times slower.)
#include <gtest/gtest.h>

#include <SDL.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/kiosk.h"
#include "app/viewer.h"
#include "gfx/handle.h"
#include "support/kiosk_taps.h"

namespace {

namespace fs = std::filesystem;

constexpr double kStepSeconds = 360.0;
constexpr int kTurnsPerHour = 10;  // 10 x 6 min
constexpr int kHours = 24;
constexpr int kWarmUpHours = 6;
constexpr double kMaxHeapGrowthMiB = 1.0;
constexpr double kMaxResidentGrowthMiB = 1.0;
constexpr unsigned kSeed = 20261203;

struct Sample {
    double residentMiB = 0.0;
    double heapMiB = 0.0;
    long glObjects = 0;
};

using friche::test::pushButton;
using friche::test::pushMotion;
using friche::test::sitePicker;
using friche::test::sitePickerRow;
using friche::test::tap;

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
        // A visitor opens the site picker and, once its list has been drawn
        // in place, picks the second or third site; a while later another
        // taps and drags; the rest of the hour is idle. (The panels see a
        // press or a release a frame, a frame a turn here: the picker's tap
        // takes turns 0 and 1, its list shows at 2, the row's tap 3 and 4,
        // the tap and the drag 5 to 9.)
        if (inHour == 0) tap(sitePicker());
        if (inHour == 3) tap(sitePickerRow(1 + turn / kTurnsPerHour % 2));
        if (inHour == 5) {
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
                              static_cast<double>(friche::app::heapBytes()) / (1 << 20),
                              friche::gfx::liveObjects()});
        if (turn == kHours * kTurnsPerHour) std::raise(SIGTERM);
    };
    // llvmpipe's rasterizer threads each keep a malloc arena and scene
    // buffers sized by how the threads happened to share the work: tens of
    // MiB that differ from one identical hour to the next. Rasterizing on
    // this thread makes memory a function of what was drawn.
    setenv("LP_NUM_THREADS", "0", 1);
    friche::app::ViewerCommand cmd;
    cmd.kiosk = std::vector<std::string>{(folder / "kiosk.json").string()};
    ASSERT_EQ(friche::app::runViewer(cmd, hooks), 0);
    unsetenv("LP_NUM_THREADS");
    ASSERT_EQ(hourly.size(), static_cast<std::size_t>(kHours));

    // Every hour a visitor went to another site and the attract loop came
    // back (but the first: before the first frame there is no picker to tap).
    std::ifstream log(folder / "kiosk.log");
    int switches = 0;
    for (std::string line; std::getline(log, line);)
        if (line.find(" site ") != std::string::npos) ++switches;
    EXPECT_GE(switches, 2 * (kHours - 1));

    for (std::size_t hour = 0; hour < hourly.size(); ++hour)
        std::printf("hour %2zu: %7.1f MiB resident, %6.2f MiB heap, %ld GL objects\n", hour + 1,
                    hourly[hour].residentMiB, hourly[hour].heapMiB, hourly[hour].glObjects);
    // The least held in the second half of the day against the least in the
    // hours after warm-up: a leak raises both floors, in what the process has
    // allocated and not freed and in what it holds from the system.
    const auto floorOf = [&](double Sample::*field, int from, int to) {
        double least = hourly[static_cast<std::size_t>(from)].*field;
        for (int hour = from; hour < to; ++hour)
            least = std::min(least, hourly[static_cast<std::size_t>(hour)].*field);
        return least;
    };
    const int middle = (kWarmUpHours + kHours) / 2;
    for (const auto& [field, name, limit] :
         {std::tuple{&Sample::heapMiB, "heap", kMaxHeapGrowthMiB},
          std::tuple{&Sample::residentMiB, "resident", kMaxResidentGrowthMiB}}) {
        const double early = floorOf(field, kWarmUpHours, middle);
        const double late = floorOf(field, middle, kHours);
        std::printf("least %s: %.2f MiB in hours %d-%d, %.2f MiB in hours %d-%d\n", name, early,
                    kWarmUpHours + 1, middle, late, middle + 1, kHours);
        EXPECT_LT(late - early, limit) << name;
    }
    for (int hour = kWarmUpHours; hour < kHours; ++hour)
        EXPECT_EQ(hourly[static_cast<std::size_t>(hour)].glObjects,
                  hourly[kWarmUpHours - 1].glObjects)
            << "hour " << hour + 1;
}

}  // namespace
