// `friche check` on scenario files: broken ones exit 1 naming where, never
// crash; a good one exits 0.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"
#include "support/scenario_fixture.h"

using friche::test::goodScenario;
using friche::test::runFriche;
using friche::test::writeScenario;
using friche::test::writeScenarioText;
using nlohmann::json;

namespace {

// Exit 1, no signal, and every expected piece of text in the output.
void expectBad(const std::string& file, const std::vector<std::string>& pieces) {
    const auto r = runFriche({"check", file});
    EXPECT_EQ(r.signal, 0) << r.output;
    EXPECT_EQ(r.exitCode, 1) << r.output;
    for (const std::string& piece : pieces)
        EXPECT_NE(r.output.find(piece), std::string::npos) << "'" << piece << "' in:\n" << r.output;
}

}  // namespace

TEST(ScenarioCheck, GoodScenarioExitsZeroWithASummary) {
    const auto r = runFriche({"check", writeScenario("cli-good", goodScenario()).string()});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("ok (scenario 'test-site'): 3 phases, 2 layers, 2 views, 1 hotspots"),
              std::string::npos)
        << r.output;
}

TEST(ScenarioCheck, InvalidJsonGivesFileLineColumn) {
    const auto file = writeScenarioText("cli-syntax", "{\n  \"site\": {\n    \"id\": \"x\",,\n");
    expectBad(file.string(), {file.string() + ":3:", "invalid JSON", "JSON_SYNTAX"});
}

TEST(ScenarioCheck, TruncatedFile) {
    const std::string text = goodScenario().dump(2);
    const auto file = writeScenarioText("cli-truncated", text.substr(0, text.size() / 3));
    expectBad(file.string(), {"JSON_TRUNCATED", "ends too early"});
}

TEST(ScenarioCheck, WrongTypesNameThePointer) {
    json doc = goodScenario();
    doc["phases"][2]["id"] = 7;
    doc["site"]["longitude"] = "east";
    expectBad(writeScenario("cli-types", doc).string(),
              {"/phases/2/id: expected a string, found 7", "/site/longitude: expected a number"});
}

TEST(ScenarioCheck, DuplicateAndUnknownIds) {
    json doc = goodScenario();
    doc["phases"][1]["id"] = "industry";
    doc["phases"][2]["states"]["parc"] = "present";
    expectBad(writeScenario("cli-ids", doc).string(),
              {"/phases/1/id: duplicate phase id 'industry'",
               "/phases/2/states/parc: unknown layer 'parc' (did you mean 'park'?)"});
}

TEST(ScenarioCheck, MissingModelFileNamesThePointerAndThePath) {
    json doc = goodScenario();
    doc["layers"][0]["model"] = "halls.glb";
    const auto file = writeScenario("cli-missing-model", doc);
    expectBad(file.string(), {"/layers/0/model: model file 'halls.glb' not found",
                              (file.parent_path() / "halls.glb").string()});
}

TEST(ScenarioCheck, BrokenModelIsReportedUnderItsLayer) {
    const auto file = writeScenario("cli-broken-model", goodScenario());
    friche::test::writeText(file.parent_path() / "model.gltf", R"({"asset": {"version": "2.0"},
        "nodes": [{"name": "hall"}, {"name": "park", "mesh": 4}]})");
    expectBad(file.string(), {"/layers/0/model: model.gltf"});
}

TEST(ScenarioCheck, JsonReportHasTheValidatorShape) {
    json doc = goodScenario();
    doc["data"]["funding"][0]["share"] = 45;
    const auto bad = writeScenario("cli-json-bad", doc);
    const auto good = writeScenario("cli-json-good", goodScenario());
    const auto r = runFriche({"check", "--json", bad.string(), good.string()});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    const json reports = json::parse(r.output, nullptr, false);
    ASSERT_TRUE(reports.is_array()) << r.output;
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0]["issues"]["numErrors"], 1);
    EXPECT_EQ(reports[0]["issues"]["messages"][0]["pointer"], "/data/funding");
    EXPECT_EQ(reports[0]["issues"]["messages"][0]["code"], "FUNDING_SHARES_SUM");
    EXPECT_EQ(reports[0]["issues"]["messages"][0]["severity"], 0);
    EXPECT_EQ(reports[1]["issues"]["numErrors"], 0);
    EXPECT_EQ(reports[1]["info"]["phaseCount"], 3);
    EXPECT_EQ(reports[1]["info"]["format"], "friche scenario");
}

TEST(ScenarioCheck, NotAFileAndGarbageNeverCrash) {
    expectBad("/nonexistent/scene.json", {"/nonexistent/scene.json"});
    expectBad(writeScenarioText("cli-binary", std::string("\x00\xff\xfe{[", 5)).string(),
              {"invalid JSON"});
}

// The development scenario in scenes/ uses the model the build generates
// (assets/example-site.glb beside the binary); skipped where it was not built.
TEST(ScenarioCheck, ExampleScenarioIsValid) {
    const auto asset =
        std::filesystem::path(FRICHE_BINARY).parent_path() / "assets" / "example-site.glb";
    if (!std::filesystem::exists(asset)) GTEST_SKIP() << asset << " was not generated";
    const auto r = runFriche({"check", std::string(FRICHE_SOURCE_DIR) + "/scenes/example.json"});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.find("warning"), std::string::npos) << r.output;
}
