// The command-line contract of BRIEF.md: exit 0 fine, 1 bad input, 2 wrong usage.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using friche::test::runFriche;

namespace {

const std::string kCorpus = FRICHE_CORPUS_DIR;
const std::string kBox = kCorpus + "/glTF-Sample-Assets/Models/Box/glTF-Binary/Box.glb";

}  // namespace

TEST(Cli, HelpExitsZeroAndShowsEveryCommand) {
    const auto r = runFriche({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.output.find("friche render PATH -o OUT.png"), std::string::npos);
    EXPECT_NE(r.output.find("friche check [--json] PATH..."), std::string::npos);
}

TEST(Cli, WrongUsageExitsTwo) {
    const std::vector<std::vector<std::string>> cases = {
        {"--bogus"},
        {"check"},
        {"check", "--what", kBox},
        {"render", kBox},                                   // no -o
        {"render", "-o", "x.png"},                          // no PATH
        {"render", kBox, "-o", "x.png", "--size", "0x10"},  // bad size
        {"render", kBox, "-o", "x.png", "--size", "12"},
        {"render", kBox, "-o", "x.png", "--size", "99999x10"},
        {"render", kBox, "-o", "x.png", "--lang", "es"},
        {"render", kBox, "-o", "x.png", "--at", "-1"},
        {"render", kBox, "-o", "x.png", "--at", "1", "--phase", "a"},
        {"render", kBox, "-o", "x.png", "--size"},  // missing value
        {"a.glb", "b.glb"},
    };
    for (const auto& args : cases) {
        const auto r = runFriche(args);
        EXPECT_EQ(r.exitCode, 2) << "args: " << ::testing::PrintToString(args) << "\n" << r.output;
        EXPECT_NE(r.output.find("usage:"), std::string::npos);
    }
}

TEST(Cli, CheckGoodModelExitsZeroWithCounts) {
    const auto r = runFriche({"check", kBox});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("12 triangles"), std::string::npos) << r.output;
}

TEST(Cli, CheckMissingFileExitsOneNamingIt) {
    const auto r = runFriche({"check", "/nonexistent/dir/model.glb"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("/nonexistent/dir/model.glb"), std::string::npos) << r.output;
}

TEST(Cli, CheckJsonIsAValidatorStyleReport) {
    const std::string bad = kCorpus + "/glTF-Validator/test/base/data/glb/invalid_magic.glb";
    const auto r = runFriche({"check", "--json", kBox, bad});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    const auto reports = nlohmann::json::parse(r.output, nullptr, false);
    ASSERT_TRUE(reports.is_array()) << r.output;
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0]["issues"]["numErrors"], 0);
    EXPECT_EQ(reports[0]["info"]["totalTriangleCount"], 12);
    EXPECT_GT(reports[1]["issues"]["numErrors"].get<int>(), 0);
    EXPECT_EQ(reports[1]["issues"]["messages"][0]["severity"], 0);
    // A .glb with a broken header is reported as one, not as JSON at byte 0.
    EXPECT_EQ(reports[1]["issues"]["messages"][0]["code"], "GLB_INVALID_MAGIC");
}

TEST(Cli, ViewerWithoutADisplaySaysSoAndPointsToRender) {
    const auto r = runFriche({kBox});  // runFriche sets SDL's offscreen driver: no display
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_FALSE(r.timedOut);
    EXPECT_NE(r.output.find("friche render"), std::string::npos) << r.output;
}

TEST(Cli, ViewerOnABadModelExitsOneBeforeNeedingADisplay) {
    const auto r = runFriche({"/nonexistent/model.glb"});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("/nonexistent/model.glb"), std::string::npos) << r.output;
}
