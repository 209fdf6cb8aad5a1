// `friche render --stats`: the GPU's time for each pass of the still, its
// total, the draw calls and the wall time, on stdout after the still is
// written; summed over the tiles of a still drawn in tiles.
#include <gtest/gtest.h>

#include <charconv>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/seed_sites.h"

using namespace friche::test;

namespace {

// render::passName's, in render::Pass's order.
const char* const kPasses[] = {"shadows", "depth",     "surfaces", "landscape", "sky",
                               "blended", "occlusion", "bloom",    "post"};

// Each line "NAME... NUMBER [UNIT...]" as NAME -> NUMBER; other lines are left out.
std::map<std::string, double> statLines(const std::string& output) {
    std::map<std::string, double> stats;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string name;
        for (std::string word; words >> word;) {
            double value = 0;
            const auto r = std::from_chars(word.data(), word.data() + word.size(), value);
            if (r.ec == std::errc() && r.ptr == word.data() + word.size() && !name.empty()) {
                stats[name] = value;
                break;
            }
            name += (name.empty() ? "" : " ") + word;
        }
    }
    return stats;
}

// Runs `friche render PATH --stats` at 320x180 and checks that every line is there.
std::map<std::string, double> renderStats(const std::string& path, const std::string& name,
                                          const std::vector<std::string>& more,
                                          const Env& env = {}) {
    const ScopedEnv scoped(env);
    std::vector<std::string> args = {"render", path,      "-o",     outPath(name),
                                     "--size", "320x180", "--stats"};
    args.insert(args.end(), more.begin(), more.end());
    const auto r = runFriche(args, 120);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const auto stats = statLines(r.output);
    for (const char* passName : kPasses) {
        const std::string pass = std::string("gpu ") + passName;
        EXPECT_TRUE(stats.count(pass)) << pass << " missing:\n" << r.output;
        if (stats.count(pass)) {
            EXPECT_GE(stats.at(pass), 0.0) << pass;
        }
    }
    for (const char* line : {"gpu total", "draw calls", "shadow calls", "cascades kept", "draws",
                             "depth first", "wall", "huge pages"})
        EXPECT_TRUE(stats.count(line)) << line << " missing:\n" << r.output;
    return stats;
}

double sumOfPasses(const std::map<std::string, double>& stats) {
    double sum = 0;
    for (const char* name : kPasses) sum += stats.at(std::string("gpu ") + name);
    return sum;
}

}  // namespace

TEST(RenderStats, ScenarioStillPrintsEveryPassItsTotalDrawCallsAndWallTime) {
    const auto stats = renderStats(kSeraing, "stats_seraing", {"--phase", "industry"});
    if (!stats.count("gpu total")) return;
    EXPECT_GT(stats.at("gpu total"), 0.0);
    EXPECT_NEAR(stats.at("gpu total"), sumOfPasses(stats), 0.01);
    EXPECT_GT(stats.at("gpu surfaces"), 0.0);
    EXPECT_GT(stats.at("draw calls"), 0.0);
    EXPECT_EQ(stats.at("draws"), 1.0);
    EXPECT_GT(stats.at("wall"), 0.0);
}

TEST(RenderStats, TiledStillSumsItsTiles) {
    const auto stats = renderStats(kSeraing, "stats_tiled", {"--phase", "industry"},
                                   {{"FRICHE_MAX_TILE", "160x90"}});
    if (!stats.count("draws")) return;
    EXPECT_GT(stats.at("draws"), 1.0);
    // The sun's cascades fit the whole view: the first tile draws them, the others keep them.
    EXPECT_EQ(stats.at("cascades kept"), stats.at("draws") - 1.0);
    EXPECT_NEAR(stats.at("gpu total"), sumOfPasses(stats), 0.01);
    EXPECT_GT(stats.at("draw calls"), 0.0);
}

TEST(RenderStats, ModelStillAndCompareToo) {
    const auto model = renderStats(glb("Box"), "stats_box", {});
    if (model.count("draws")) {
        EXPECT_EQ(model.at("draws"), 1.0);
    }
    const auto side = renderStats(kSeraing, "stats_side", {"--compare", "side:industry,crisis"});
    if (side.count("draws")) {
        EXPECT_EQ(side.at("draws"), 2.0);
    }
}

// The process starts itself again with malloc's huge pages (app/huge_pages.h),
// unless told not to; the still is the same to the byte either way.
TEST(RenderStats, AStillRunsWithHugePagesUnlessToldNotAndIsTheSameEither) {
    std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
    const std::string modes((std::istreambuf_iterator<char>(thp)),
                            std::istreambuf_iterator<char>());
    const auto on = renderStats(glb("Box"), "stats_huge", {});
    const auto off = renderStats(glb("Box"), "stats_small", {}, {{"FRICHE_HUGE_PAGES", "0"}});
    if (!on.count("huge pages") || !off.count("huge pages")) return;
    EXPECT_EQ(off.at("huge pages"), 0.0);
#ifdef FRICHE_SANITIZED
    EXPECT_EQ(on.at("huge pages"), 0.0) << "under a sanitizer, which owns malloc";
#else
    if (modes.empty() || modes.find("[never]") != std::string::npos)
        GTEST_SKIP() << "this kernel's transparent huge pages are off";
    EXPECT_EQ(on.at("huge pages"), 1.0);
#endif
    EXPECT_EQ(fileBytes(outPath("stats_huge")), fileBytes(outPath("stats_small")));
}

TEST(RenderStats, RefusedWhereThereIsNoStill) {
    const std::vector<std::vector<std::string>> cases = {
        {"video", kSeraing, "-o", outPath("stats.mp4"), "--stats"},
        {kSeraing, "--stats"},
        {"check", "--stats", kSeraing},
    };
    for (const auto& args : cases) {
        const auto r = runFriche(args);
        EXPECT_EQ(r.exitCode, 2) << ::testing::PrintToString(args) << "\n" << r.output;
        EXPECT_NE(r.output.find("--stats"), std::string::npos) << r.output;
        EXPECT_EQ(r.output.find("gpu "), std::string::npos) << r.output;
    }
}
