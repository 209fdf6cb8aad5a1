// The scenario format (docs/scenario-format.md): what a good file gives, and
// every error path with its JSON pointer.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>

#include "io/scenario_loader.h"
#include "support/scenario_checks.h"
#include "support/scenario_fixture.h"

using friche::core::Problem;
using friche::core::Problems;
using friche::core::Severity;
using friche::io::loadScenario;
using friche::io::ScenarioResult;
using friche::scene::Language;
using friche::scene::LayerState;
using friche::scene::Setting;
using friche::scene::Transition;
using friche::test::describe;
using friche::test::expectError;
using friche::test::expectProblem;
using friche::test::expectWarning;
using friche::test::findProblem;
using friche::test::goodScenario;
using friche::test::load;
using friche::test::writeScenario;
using friche::test::writeScenarioText;
using nlohmann::json;

namespace {

// What the renderer and the panels rely on in any scenario that loaded.
void expectConsistent(const friche::scene::Scenario& s) {
    ASSERT_FALSE(s.phases.empty());
    const auto views = static_cast<int>(s.views.size());
    for (const auto& phase : s.phases) {
        EXPECT_EQ(phase.layers.size(), s.layers.size());
        EXPECT_LT(phase.view, views);
    }
    EXPECT_LT(s.startView, views);
    for (const auto& h : s.hotspots) {
        EXPECT_LT(h.layer, static_cast<int>(s.layers.size()));
        for (int p : h.phases) EXPECT_LT(p, static_cast<int>(s.phases.size()));
    }
}

}  // namespace

TEST(Scenario, GoodFileLoadsWithoutAnyProblem) {
    const ScenarioResult r = load("good", goodScenario());
    ASSERT_TRUE(r.problems.empty()) << describe(r.problems);
    const auto& s = r.scenario;
    expectConsistent(s);
    EXPECT_EQ(s.site.id, "test-site");
    EXPECT_EQ(s.site.name.in(Language::Fr), "Test site (fr)");
    EXPECT_DOUBLE_EQ(s.site.latitude, 50.65);
    EXPECT_DOUBLE_EQ(s.site.northDegrees, 10);
    EXPECT_TRUE(s.site.illustrative);
    EXPECT_FALSE(s.site.fictional);
    EXPECT_EQ(s.site.setting, Setting::Country);
    ASSERT_EQ(s.layers.size(), 2u);
    EXPECT_EQ(s.layers[0].nodes, std::vector<std::string>{"hall"});
    EXPECT_TRUE(std::filesystem::exists(s.layers[1].modelPath));
    EXPECT_EQ(s.layers[1].transform.scale, glm::vec3(2));
    EXPECT_EQ(s.layers[1].transform.matrix()[3], glm::vec4(1, 0, 0, 1));
    ASSERT_EQ(s.phases.size(), 3u);
    EXPECT_EQ(s.startView, 0);
    EXPECT_EQ(s.phases[1].view, 1);
    EXPECT_EQ(s.phases[0].date->start, (friche::scene::Date{2005, 6, 0}));
    EXPECT_EQ(*s.phases[1].date->end, (friche::scene::Date{2021, 12, 31}));
    EXPECT_EQ(s.phases[0].dateSource, "004_f8d13bee3da51343.txt");
    ASSERT_EQ(s.hotspots.size(), 1u);
    EXPECT_EQ(s.hotspots[0].layer, 1);
    EXPECT_EQ(s.hotspots[0].phases, std::vector<int>{2});
    EXPECT_EQ(s.hotspots[0].figures[0].unit, "ha");
}

TEST(Scenario, LayersKeepTheirStateUntilAPhaseChangesIt) {
    const auto& s = load("carry", goodScenario()).scenario;
    // Phase 0 names only the hall: the park starts absent.
    EXPECT_EQ(s.phases[0].layers[0].state, LayerState::Present);
    EXPECT_EQ(s.phases[0].layers[1].state, LayerState::Absent);
    // Phase 1 changes the hall; the park carries over, with the phase's transition.
    EXPECT_EQ(s.phases[1].layers[0].state, LayerState::Ghosted);
    EXPECT_EQ(s.phases[1].layers[1].state, LayerState::Absent);
    EXPECT_EQ(s.phases[1].layers[1].transition, Transition::Fade);
    // Per-layer transitions override the phase's.
    EXPECT_EQ(s.phases[2].layers[0].state, LayerState::Absent);
    EXPECT_EQ(s.phases[2].layers[0].transition, Transition::Sink);
    EXPECT_EQ(s.phases[2].layers[1].transition, Transition::Rise);
}

TEST(Scenario, IdLookupsForTheCommandLine) {
    const auto& s = load("lookup", goodScenario()).scenario;
    EXPECT_EQ(s.phaseIndex("closure"), 1);
    EXPECT_EQ(s.phaseIndex("nope"), std::nullopt);
    EXPECT_EQ(s.layerIndex("park"), 1);
    EXPECT_EQ(s.viewIndex("ground"), 1);
}

TEST(Scenario, ViewsFromAnglesOrFromEyeAndTarget) {
    const auto& s = load("views", goodScenario()).scenario;
    const auto& overview = s.views[0];
    EXPECT_NEAR(overview.yaw, M_PI / 2, 1e-5);
    EXPECT_NEAR(overview.pitch, -M_PI / 6, 1e-5);
    EXPECT_NEAR(overview.fovY, M_PI / 4, 1e-5);
    // "eye" [0,0,10] looking at the origin: the orbit camera stands at the same eye.
    const glm::vec3 eye = s.views[1].orbit().eye();
    EXPECT_NEAR(glm::length(eye - glm::vec3(0, 0, 10)), 0.0f, 1e-4f);
    EXPECT_FLOAT_EQ(s.views[1].distance, 10.0f);
}

TEST(Scenario, FundingSharesGiveAmountsFromTheBudget) {
    const auto& d = load("shares", goodScenario()).scenario.data;
    ASSERT_TRUE(d.budget);
    EXPECT_DOUBLE_EQ(d.budget->amount, 539349.58);
    ASSERT_EQ(d.funding.size(), 3u);
    EXPECT_NEAR(*d.funding[1].amount, 215739.832, 1e-6);
    EXPECT_EQ(d.funding[0].name.in(Language::De), "FEDER");
}

TEST(Scenario, FundingAmountsMustAddUpToTheBudget) {
    json doc = goodScenario();
    auto& funding = doc["data"]["funding"];
    for (auto& f : funding) f.erase("share");
    funding[0]["amount"] = 269674.79;
    funding[1]["amount"] = 215739.83;
    funding[2]["amount"] = 53934.96;
    const ScenarioResult good = load("amounts", doc);
    ASSERT_TRUE(good.ok()) << describe(good.problems);
    EXPECT_NEAR(*good.scenario.data.funding[0].share, 50.0, 1e-6);

    funding[2]["amount"] = 50000;
    expectError(load("amounts-bad", doc), "FUNDING_AMOUNTS_SUM", "/data/funding",
                "535414.62, not the budget's 539349.58");

    doc["data"].erase("budget");
    expectError(load("amounts-no-budget", doc), "FUNDING_NO_BUDGET", "/data/funding");
}

TEST(Scenario, SharesThatDoNotAddUpAreAnError) {
    json doc = goodScenario();
    doc["data"]["funding"][2]["share"] = 5;
    expectError(load("shares-bad", doc), "FUNDING_SHARES_SUM", "/data/funding", "95 %");
}

TEST(Scenario, FundersMixingSharesAndAmountsAreAnError) {
    json doc = goodScenario();
    doc["data"]["funding"][2].erase("share");
    doc["data"]["funding"][2]["amount"] = 53934.96;
    expectError(load("mixed", doc), "FUNDING_MIXED", "/data/funding");
    doc["data"]["funding"][2]["share"] = 10;
    expectError(load("both", doc), "FUNDING_SHARE_OR_AMOUNT", "/data/funding/2");
}

TEST(Scenario, InvalidJsonNamesFileLineAndColumn) {
    const auto file = writeScenarioText("syntax", "{\n  \"site\": {\n    \"id\": \"x\",,\n");
    const ScenarioResult r = loadScenario(file, {});
    expectError(r, "JSON_SYNTAX", file.string() + ":3:15", "unexpected ','");
}

TEST(Scenario, TruncatedFileSaysSo) {
    const std::string text = goodScenario().dump(2);
    const auto file = writeScenarioText("truncated", text.substr(0, text.size() / 2));
    const ScenarioResult r = loadScenario(file, {});
    ASSERT_EQ(r.problems.list().size(), 1u) << describe(r.problems);
    EXPECT_EQ(r.problems.list()[0].code, "JSON_TRUNCATED");
    EXPECT_EQ(r.problems.list()[0].where.rfind(file.string() + ":", 0), 0u);
    const auto empty = loadScenario(writeScenarioText("empty", ""), {});
    EXPECT_EQ(empty.problems.list().at(0).code, "JSON_TRUNCATED");
}

TEST(Scenario, WrongTypesArePointedAt) {
    json doc = goodScenario();
    doc["phases"][2]["id"] = 7;
    doc["site"]["latitude"] = "north";
    doc["layers"][0]["model"] = json::array();
    doc["views"][0]["target"] = {1, 2};
    doc["phases"][0]["states"]["hall"] = "standing";
    doc["phases"][1]["transition"] = "dissolv";
    const ScenarioResult r = load("types", doc);
    expectError(r, "SCENARIO_TYPE", "/phases/2/id", "expected a string, found 7");
    expectError(r, "SCENARIO_TYPE", "/site/latitude", "expected a number, found \"north\"");
    expectError(r, "SCENARIO_TYPE", "/layers/0/model", "expected a string, found an array");
    expectError(r, "SCENARIO_TYPE", "/views/0/target", "three numbers");
    expectError(r, "SCENARIO_TYPE", "/phases/0/states/hall", "absent, present, ghosted");
    expectError(r, "SCENARIO_TYPE", "/phases/1/transition", "found \"dissolv\"");
}

// The site's clock: Central European with EU summer time unless it says otherwise.
TEST(Scenario, SiteClockDefaultsToCentralEuropeanAndIsValidated) {
    const ScenarioResult plain = load("clock_default", goodScenario());
    EXPECT_EQ(plain.scenario.site.clock.standardUtcOffset, 1.0);
    EXPECT_TRUE(plain.scenario.site.clock.euSummerTime);

    json doc = goodScenario();
    doc["site"]["utcOffset"] = 5.75;  // Nepal
    doc["site"]["euSummerTime"] = false;
    const ScenarioResult nepal = load("clock_nepal", doc);
    ASSERT_TRUE(nepal.problems.empty()) << describe(nepal.problems);
    EXPECT_EQ(nepal.scenario.site.clock.standardUtcOffset, 5.75);
    EXPECT_FALSE(nepal.scenario.site.clock.euSummerTime);

    doc["site"]["utcOffset"] = 1.3;
    doc["site"]["euSummerTime"] = "yes";
    const ScenarioResult odd = load("clock_odd", doc);
    expectError(odd, "VALUE_OUT_OF_RANGE", "/site/utcOffset", "quarters of an hour");
    expectError(odd, "SCENARIO_TYPE", "/site/euSummerTime", "true or false");
    doc["site"]["utcOffset"] = 15;
    expectError(load("clock_far", doc), "VALUE_OUT_OF_RANGE", "/site/utcOffset", "-12 to 14");
}

TEST(Scenario, RootAndSectionsMustBeObjects) {
    expectError(load("root", json::array()), "SCENARIO_TYPE", "", "expected an object");
    json doc = goodScenario();
    doc["site"] = "Liège";
    expectError(load("site", doc), "SCENARIO_TYPE", "/site", "expected an object");
    doc = goodScenario();
    doc["phases"][0] = 5;  // the next phase has nothing to carry its states from
    expectError(load("phase", doc), "SCENARIO_TYPE", "/phases/0", "found 5");
}

TEST(Scenario, MissingRequiredFieldsAreErrors) {
    json doc = goodScenario();
    doc.erase("phases");
    doc["layers"][1].erase("id");
    expectError(load("missing", doc), "MISSING_FIELD", "/phases");
    expectError(load("missing", doc), "MISSING_FIELD", "/layers/1/id");
    json empty = goodScenario();
    empty["phases"] = json::array();
    expectError(load("no-phase", empty), "EMPTY_LIST", "/phases");
}

TEST(Scenario, DuplicateIdsNameTheFirstOne) {
    json doc = goodScenario();
    doc["phases"][2]["id"] = "industry";
    doc["layers"][1]["id"] = "hall";
    const ScenarioResult r = load("duplicates", doc);
    expectError(r, "DUPLICATE_ID", "/phases/2/id", "/phases/0/id");
    expectError(r, "DUPLICATE_ID", "/layers/1/id", "/layers/0/id");
}

TEST(Scenario, UnknownIdsSuggestTheClosest) {
    json doc = goodScenario();
    doc["phases"][0]["states"] = {{"hal", "present"}};
    doc["phases"][1]["view"] = "overveiw";
    doc["hotspots"][0]["phases"] = {"parc"};
    doc["hotspots"][0]["layer"] = "lake";
    doc["startView"] = "top";
    const ScenarioResult r = load("unknown-ids", doc);
    expectError(r, "UNKNOWN_ID", "/phases/0/states/hal", "did you mean 'hall'");
    expectError(r, "UNKNOWN_ID", "/phases/1/view", "unknown view 'overveiw'");
    expectError(r, "UNKNOWN_ID", "/hotspots/0/phases/0", "unknown phase 'parc'");
    expectError(r, "UNKNOWN_ID", "/hotspots/0/layer", "unknown layer 'lake'");
    expectError(r, "UNKNOWN_ID", "/startView", "unknown view 'top'");
}

TEST(Scenario, MissingModelNamesEveryPathTried) {
    json doc = goodScenario();
    doc["layers"][1]["model"] = "models/missing.glb";
    const auto file = writeScenario("missing-model", doc);
    const ScenarioResult r = loadScenario(file, {{"/opt/assets"}});
    expectError(r, "MODEL_NOT_FOUND", "/layers/1/model",
                (file.parent_path() / "models/missing.glb").string());
    expectError(r, "MODEL_NOT_FOUND", "/layers/1/model", "/opt/assets/models/missing.glb");
}

TEST(Scenario, ModelsAreFoundInTheAssetFoldersToo) {
    json doc = goodScenario();
    doc["layers"][1]["model"] = "generated.gltf";
    const auto file = writeScenario("asset-dir", doc);
    const auto assets = file.parent_path() / "assets";
    friche::test::writeText(assets / "generated.gltf", friche::test::kTinyGltf);
    const ScenarioResult r = loadScenario(file, {{assets}});
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    EXPECT_EQ(r.scenario.layers[1].modelPath, (assets / "generated.gltf").lexically_normal());
}

TEST(Scenario, NodeAndSceneNamesAreCheckedInTheModel) {
    json doc = goodScenario();
    doc["layers"][0]["nodes"] = {"hal"};
    doc["layers"][1].erase("nodes");
    doc["layers"][1]["scene"] = "aftre";
    const ScenarioResult r = load("names", doc);
    expectError(r, "UNKNOWN_NODE", "/layers/0/nodes/0", "did you mean 'hall'");
    expectError(r, "UNKNOWN_SCENE", "/layers/1/scene", "\"aftre\"");

    doc["layers"][0]["nodes"] = {"hall"};
    doc["layers"][1]["scene"] = "after";
    doc["phases"][0]["states"]["park"] = {{"state", "present"}, {"scene", 0}};
    const ScenarioResult good = load("names-good", doc);
    ASSERT_TRUE(good.ok()) << describe(good.problems);
    EXPECT_EQ(good.scenario.layers[1].scene, 1);
    EXPECT_EQ(good.scenario.phases[0].layers[1].scene, 0);
    doc["phases"][0]["states"]["park"]["scene"] = 2;
    expectError(load("scene-range", doc), "UNKNOWN_SCENE", "/phases/0/states/park/scene",
                "has 2 scene(s)");
}

TEST(Scenario, PhasesFromTheModelsGltfScenes) {
    json doc = goodScenario();
    doc["phases"] = json::array({{{"fromModelScenes", "park"}}});
    doc.erase("hotspots");
    const ScenarioResult r = load("model-scenes", doc);
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    const auto& phases = r.scenario.phases;
    ASSERT_EQ(phases.size(), 2u);
    EXPECT_EQ(phases[0].id, "park-scene-0");
    EXPECT_EQ(phases[1].title.in(Language::Nl), "after");
    EXPECT_EQ(phases[1].layers[1].state, LayerState::Present);
    EXPECT_EQ(phases[1].layers[1].scene, 1);
    EXPECT_EQ(phases[1].layers[0].state, LayerState::Absent);
}

TEST(Scenario, MissingTranslationsWarnAndFallBackToEnglish) {
    json doc = goodScenario();
    doc["phases"][1]["title"] = {{"fr", "Fermeture"}, {"en", "Closure"}};
    const ScenarioResult r = load("translations", doc);
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    const Problem* p = findProblem(r.problems, "MISSING_TRANSLATION", "/phases/1/title");
    ASSERT_NE(p, nullptr) << describe(r.problems);
    EXPECT_EQ(p->severity, Severity::Warning);
    EXPECT_NE(p->message.find("nl, de"), std::string::npos) << p->message;
    EXPECT_EQ(r.scenario.phases[1].title.in(Language::De), "Closure");
    EXPECT_EQ(r.scenario.phases[1].title.in(Language::Fr), "Fermeture");
}

TEST(Scenario, UnknownFieldsWarnWithASuggestion) {
    json doc = goodScenario();
    doc["phases"][0]["titel"] = "typo";
    const ScenarioResult r = load("unknown-field", doc);
    EXPECT_TRUE(r.ok()) << describe(r.problems);
    const Problem* p = findProblem(r.problems, "UNKNOWN_FIELD", "/phases/0/titel");
    ASSERT_NE(p, nullptr) << describe(r.problems);
    EXPECT_EQ(p->severity, Severity::Warning);
    EXPECT_NE(p->message.find("did you mean 'title'"), std::string::npos);
}

TEST(Scenario, EveryFactNeedsASource) {
    json doc = goodScenario();
    doc["data"]["surfaces"][0].erase("source");
    doc["data"]["budget"].erase("source");
    doc["phases"][0].erase("source");
    const ScenarioResult r = load("sources", doc);
    expectError(r, "MISSING_SOURCE", "/data/surfaces/0/source");
    expectError(r, "MISSING_SOURCE", "/data/budget/source");
    const Problem* date = findProblem(r.problems, "MISSING_SOURCE", "/phases/0/source");
    ASSERT_NE(date, nullptr);
    EXPECT_EQ(date->severity, Severity::Warning);
}

TEST(Scenario, FactsBelongToThePhasesTheyName) {
    json doc = goodScenario();
    doc["data"]["budget"]["phases"] = {"closure", "park"};
    for (json& funder : doc["data"]["funding"]) funder["phases"] = {"closure"};
    doc["data"]["partners"][0]["phases"] = {"park"};
    doc["data"]["surfaces"][0]["phases"] = {"industry"};
    doc["data"]["indicators"] = json::array({{{"label", "Count"},
                                              {"value", 3},
                                              {"source", "004_f8d13bee3da51343.txt"},
                                              {"phases", {"park", "industry"}}}});
    doc["hotspots"][0]["figures"][0]["phases"] = {"park"};
    const ScenarioResult r = load("fact-phases", doc);
    ASSERT_TRUE(r.problems.empty()) << describe(r.problems);
    const auto& d = r.scenario.data;
    EXPECT_EQ(d.budget->phases, (std::vector<int>{1, 2}));
    EXPECT_EQ(d.funding[2].phases, std::vector<int>{1});
    EXPECT_EQ(d.partners[0].phases, std::vector<int>{2});
    EXPECT_EQ(d.surfaces[0].phases, std::vector<int>{0});
    EXPECT_EQ(d.indicators[0].phases, (std::vector<int>{2, 0}));
    EXPECT_EQ(r.scenario.hotspots[0].figures[0].phases, std::vector<int>{2});
    // A fact that names no phase belongs to every one.
    EXPECT_TRUE(load("no-fact-phases", goodScenario()).scenario.data.budget->phases.empty());
}

TEST(Scenario, AFactsUnknownPhaseIsAnErrorAtItsPointer) {
    json doc = goodScenario();
    doc["data"]["funding"][1]["phases"] = {"closure", "parc"};
    doc["data"]["budget"]["phases"] = {7};
    doc["data"]["partners"][0]["phases"] = "park";
    const ScenarioResult r = load("fact-phase-unknown", doc);
    expectError(r, "UNKNOWN_ID", "/data/funding/1/phases/1",
                "unknown phase 'parc' (did you mean 'park'?)");
    expectError(r, "SCENARIO_TYPE", "/data/budget/phases/0", "expected a string");
    expectError(r, "SCENARIO_TYPE", "/data/partners/0/phases", "expected an array");
}

TEST(Scenario, ShownInTheListedPhasesOrInEveryPhase) {
    using friche::scene::shownIn;
    EXPECT_TRUE(shownIn({}, 0));
    EXPECT_TRUE(shownIn({}, 5));
    EXPECT_TRUE(shownIn({1, 3}, 3));
    EXPECT_FALSE(shownIn({1, 3}, 2));
    EXPECT_FALSE(shownIn({1, 3}, 0));
}

TEST(Scenario, SourcesHaveShortLabels) {
    json doc = goodScenario();
    doc["sources"] = {{"004_f8d13bee3da51343.txt", friche::test::fourLanguages("N-POWER")}};
    const ScenarioResult r = load("source-labels", doc);
    ASSERT_TRUE(r.problems.empty()) << describe(r.problems);
    const auto* label = r.scenario.sourceLabel("004_f8d13bee3da51343.txt");
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->in(Language::Nl), "N-POWER (nl)");
    EXPECT_EQ(r.scenario.sourceLabel("000_ad11fae02b74b81a.txt"), nullptr);
}

TEST(Scenario, ASourceLabelNoFactCitesIsAWarning) {
    json doc = goodScenario();
    doc["sources"] = {{"004_f8d13bee3da51343.txt", {{"fr", "N-POWER"}, {"en", "N-POWER"}}},
                      {"seeds/005.txt", "Typo"}};
    const ScenarioResult r = load("source-unused", doc);
    expectWarning(r, "UNUSED_SOURCE", "/sources/seeds~1005.txt", "'seeds/005.txt'");
    // Labels are texts like any other: a missing language is shown in English.
    expectWarning(r, "MISSING_TRANSLATION", "/sources/004_f8d13bee3da51343.txt", "nl, de");
    EXPECT_EQ(r.scenario.sourceLabel("004_f8d13bee3da51343.txt")->in(Language::De), "N-POWER");

    doc["sources"] = {{"004_f8d13bee3da51343.txt", 3}};
    expectError(load("source-label-type", doc), "SCENARIO_TYPE",
                "/sources/004_f8d13bee3da51343.txt");
    doc["sources"] = json::array();
    expectError(load("sources-type", doc), "SCENARIO_TYPE", "/sources", "expected an object");
}

TEST(Scenario, ASiteMaySayItIsFictional) {
    json doc = goodScenario();
    doc["site"]["fictional"] = true;
    EXPECT_TRUE(load("fictional", doc).scenario.site.fictional);
    doc["site"]["fictional"] = "yes";
    expectError(load("fictional-type", doc), "SCENARIO_TYPE", "/site/fictional", "true or false");
}

TEST(Scenario, ASiteSaysWhetherItLiesInTheCountryATownOrACity) {
    json doc = goodScenario();
    doc["site"]["setting"] = "city";
    EXPECT_EQ(load("city", doc).scenario.site.setting, Setting::City);
    doc["site"]["setting"] = "town";
    EXPECT_EQ(load("town", doc).scenario.site.setting, Setting::Town);
    doc["site"]["setting"] = "country";
    EXPECT_EQ(load("country", doc).scenario.site.setting, Setting::Country);
    doc["site"]["setting"] = "village";
    expectError(load("setting-value", doc), "SCENARIO_TYPE", "/site/setting",
                "country, town or city");
    doc["site"]["setting"] = 1;
    expectError(load("setting-type", doc), "SCENARIO_TYPE", "/site/setting", "string");
}

TEST(Scenario, DatesAreCheckedDayByDay) {
    for (const char* bad : {"2021-02-29", "2005-13", "june 2005", "2021/2018", "05"}) {
        json doc = goodScenario();
        doc["phases"][0]["date"] = bad;
        expectError(load("date", doc), "INVALID_DATE", "/phases/0/date", bad);
    }
}

TEST(Scenario, OutOfRangeNumbersAreErrors) {
    json doc = goodScenario();
    doc["site"]["latitude"] = 91;
    doc["views"][0]["pitch"] = -90;
    doc["data"]["funding"][0]["share"] = 150;
    const ScenarioResult r = load("ranges", doc);
    expectError(r, "VALUE_OUT_OF_RANGE", "/site/latitude", "from -90 to 90");
    expectError(r, "VALUE_OUT_OF_RANGE", "/views/0/pitch");
    expectError(r, "VALUE_OUT_OF_RANGE", "/data/funding/0/share");
}

TEST(Scenario, AViewGivesEyeOrAnglesNotBoth) {
    json doc = goodScenario();
    doc["views"][1]["yaw"] = 10;
    expectError(load("view-both", doc), "VIEW_OVERDETERMINED", "/views/1/eye");
}

TEST(Scenario, LayerNeverShownIsAWarning) {
    json doc = goodScenario();
    doc["phases"][2]["states"].erase("park");
    const ScenarioResult r = load("never-shown", doc);
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    EXPECT_NE(findProblem(r.problems, "LAYER_NEVER_SHOWN", "/layers/1"), nullptr)
        << describe(r.problems);
}

TEST(Scenario, CountsAndSizesAreBounded) {
    json doc = goodScenario();
    doc["phases"] = json::array();
    for (int i = 0; i < 65; ++i)
        doc["phases"].push_back({{"id", "p" + std::to_string(i)}, {"title", "P"}});
    expectError(load("too-many", doc), "TOO_MANY_ITEMS", "/phases", "65 items");

    doc = goodScenario();
    for (int i = 0; i < 257; ++i) doc["sources"]["s" + std::to_string(i)] = "S";
    expectError(load("too-many-sources", doc), "TOO_MANY_ITEMS", "/sources", "257 sources");

    const std::string big(friche::io::kMaxScenarioBytes + 1, ' ');
    const ScenarioResult huge = loadScenario(writeScenarioText("huge", big), {});
    expectError(huge, "IO_ERROR", "", "more than the limit");
}

TEST(Scenario, DeepNestingIsAnErrorNotACrash) {
    // Refused before the parser sees it, at the bracket that goes one level too deep.
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    const auto file = writeScenarioText("deep", deep);
    const ScenarioResult r = loadScenario(file, {});
    expectError(r, "JSON_TOO_DEEP", file.string() + ":1:65", "nested more than 64 deep");
    // As deep as the limit is still only a type error: the scenario is not an object.
    const std::string limit = std::string(64, '[') + std::string(64, ']');
    expectError(loadScenario(writeScenarioText("limit", limit), {}), "SCENARIO_TYPE", "",
                "expected an object");
}

// Every prefix of a good file, and random byte changes, give problems or a
// scenario: never a crash (the sanitizer build runs this too).
TEST(Scenario, DamagedFilesNeverCrash) {
    const std::string text = goodScenario().dump();
    for (std::size_t n = 0; n < text.size(); n += 5) {
        const ScenarioResult r = loadScenario(writeScenarioText("prefix", text.substr(0, n)), {});
        EXPECT_FALSE(r.ok()) << n;
    }
    std::mt19937 rng(1234);
    const std::string bytes = "{}[]\",:0-9.eE \\ux";
    for (int i = 0; i < 300; ++i) {
        std::string damaged = text;
        for (int k = 0; k < 3; ++k) damaged[rng() % damaged.size()] = bytes[rng() % bytes.size()];
        const ScenarioResult r = loadScenario(writeScenarioText("damaged", damaged), {});
        if (r.ok()) expectConsistent(r.scenario);
    }
}

namespace {

// A .glb holding only a JSON chunk (its buffer is a data URI).
std::string glbOf(const std::string& jsonText) {
    std::string chunk = jsonText;
    chunk.resize((chunk.size() + 3) & ~std::size_t(3), ' ');
    std::string out;
    const auto put32 = [&out](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    put32(0x46546C67);  // "glTF"
    put32(2);
    put32(static_cast<std::uint32_t>(12 + 8 + chunk.size()));
    put32(static_cast<std::uint32_t>(chunk.size()));
    put32(0x4E4F534A);  // "JSON"
    return out + chunk;
}

}  // namespace

// The complete example of docs/scenario-format.md loads without a problem.
TEST(Scenario, DocumentedExampleIsValid) {
    std::ifstream in(std::string(FRICHE_SOURCE_DIR) + "/docs/scenario-format.md");
    const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t start = doc.find("```json\n");
    ASSERT_NE(start, std::string::npos);
    const std::size_t end = doc.find("```", start + 8);
    const auto file = writeScenarioText("documented", doc.substr(start + 8, end - start - 8));

    json model = json::parse(friche::test::kTinyGltf);
    model["nodes"] = json::array({{{"name", "towers"}, {"mesh", 0}},
                                  {{"name", "pond"}, {"mesh", 0}},
                                  {{"name", "paths"}, {"mesh", 0}}});
    model["scenes"] = json::array({{{"nodes", {0, 1, 2}}}});
    friche::test::writeText(file.parent_path() / "droixhe.glb", glbOf(model.dump()));

    const ScenarioResult r = loadScenario(file, {});
    EXPECT_TRUE(r.problems.empty()) << describe(r.problems);
    EXPECT_EQ(r.scenario.phases.size(), 2u);
    EXPECT_TRUE(friche::io::loadSiteModel(r.scenario).problems.empty());
}
