// `friche PATH.json` and plain `friche`: the viewer opens a scenario, and a
// bad one is exit 1 with the pointer, before any display is needed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/run.h"
#include "support/seed_sites.h"

using friche::test::runFriche;

namespace {

std::string writeTemp(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path.string();
}

}  // namespace

// Loading the scenario and its model succeeds; only then is the missing display the problem.
TEST(ViewerScenario, AGoodScenarioLoadsThenAsksForADisplay) {
    const auto r = runFriche({friche::test::kSeraing});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("friche render"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("error"), std::string::npos) << r.output;
}

TEST(ViewerScenario, NoPathOpensTheDefaultScenario) {
    const auto r = runFriche({});
    EXPECT_EQ(r.exitCode, 1) << r.output;  // found and loaded, but no display here
    EXPECT_NE(r.output.find("friche render"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("no PATH given"), std::string::npos) << r.output;
}

TEST(ViewerScenario, ABadScenarioIsExitOneWithThePointer) {
    const std::string file = writeTemp("friche_viewer_bad_scenario.json", R"({
  "version": 1,
  "site": { "id": "x", "name": "X" },
  "layers": [ { "id": "a", "model": "missing-model.glb" } ],
  "phases": [ { "id": 7, "states": { "a": "present" } } ]
})");
    const auto r = runFriche({file});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_FALSE(r.timedOut);
    EXPECT_NE(r.output.find("/phases/0/id"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("missing-model.glb"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("display"), std::string::npos) << r.output;
}

TEST(ViewerScenario, TruncatedJsonIsExitOneWithTheLine) {
    const std::string file =
        writeTemp("friche_viewer_truncated.json", "{\n  \"version\": 1,\n  \"site\": {");
    const auto r = runFriche({file});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("friche_viewer_truncated.json:"), std::string::npos) << r.output;
}
