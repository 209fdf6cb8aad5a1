// A workshop's tours and variants (docs/workshops.md): what the scenario file
// gives, each mistake with its JSON pointer, the looks a variant changes, and
// a tour run through a story with a clicker.
#include <gtest/gtest.h>

#include "io/scenario_loader.h"
#include "scene/tour.h"
#include "support/scenario_checks.h"
#include "support/scenario_fixture.h"

using friche::core::Problem;
using friche::io::loadScenario;
using friche::io::ScenarioResult;
using friche::scene::CompareMode;
using friche::scene::LayerState;
using friche::scene::Motion;
using friche::scene::Story;
using friche::scene::TourRun;
using friche::test::describe;
using friche::test::expectError;
using friche::test::fourLanguages;
using friche::test::goodScenario;
using friche::test::load;
using friche::test::writeScenario;
using nlohmann::json;

namespace {

// The park phase with two variants, and a tour over the three phases.
json workshopScenario() {
    json doc = goodScenario();
    doc["phases"][2]["variants"] =
        json::array({{{"id", "garden"},
                      {"name", fourLanguages("Garden")},
                      {"text", fourLanguages("A garden")},
                      {"states", {{"hall", "ghosted"}}}},
                     {{"id", "housing"},
                      {"name", fourLanguages("Housing")},
                      {"illustrative", false},
                      {"states", {{"hall", "present"}, {"park", "absent"}}}}});
    doc["tours"] = json::array(
        {{{"id", "visit"},
          {"name", fourLanguages("Visit")},
          {"steps",
           json::array({{{"phase", "industry"}, {"title", fourLanguages("Start")}},
                        {{"at", 1.5}, {"view", "overview"}, {"title", fourLanguages("Between")}},
                        {{"phase", "park"},
                         {"variant", "housing"},
                         {"card", false},
                         {"labels", false},
                         {"compare", {{"mode", "side"}, {"a", "park/garden"}, {"b", "park"}}},
                         {"title", fourLanguages("Choose")},
                         {"question", fourLanguages("Which one?")}}})}}});
    return doc;
}

}  // namespace

TEST(Tours, AScenarioGivesItsVariantsAndTours) {
    const ScenarioResult r = load("workshop", workshopScenario());
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    EXPECT_TRUE(r.problems.empty()) << describe(r.problems);
    const auto& park = r.scenario.phases[2];
    ASSERT_EQ(park.variants.size(), 2u);
    EXPECT_EQ(park.variants[0].name.in(friche::scene::Language::En), "Garden");
    EXPECT_TRUE(park.variants[0].illustrative);  // unless the file says otherwise
    EXPECT_FALSE(park.variants[1].illustrative);
    // A variant is the phase's layers with its states over them.
    EXPECT_EQ(park.variants[0].layers[0].state, LayerState::Ghosted);
    EXPECT_EQ(park.variants[0].layers[1].state, LayerState::Present);
    EXPECT_EQ(park.variants[1].layers[1].state, LayerState::Absent);
    EXPECT_EQ(park.layersOf(-1)[0].state, LayerState::Absent);

    ASSERT_EQ(r.scenario.tours.size(), 1u);
    const auto& steps = r.scenario.tours[0].steps;
    ASSERT_EQ(steps.size(), 3u);
    EXPECT_EQ(steps[0].position, 0.0);
    EXPECT_EQ(steps[1].position, 1.5);
    EXPECT_EQ(steps[1].view, 0);
    EXPECT_EQ(steps[2].variant, 1);
    EXPECT_FALSE(steps[2].card);
    EXPECT_EQ(steps[2].compare.mode, CompareMode::Side);
    EXPECT_EQ(steps[2].compare.variantA, 0);
    EXPECT_EQ(steps[2].compare.variantB, -1);
    EXPECT_EQ(r.scenario.phaseVariantRef({2, 0}), "park/garden");
    EXPECT_EQ(r.scenario.phaseVariant("park/housing")->variant, 1);
    EXPECT_FALSE(r.scenario.phaseVariant("park/villa"));
}

TEST(Tours, EachMistakeIsNamedWhereItIs) {
    json doc = workshopScenario();
    doc["phases"][2]["variants"][1]["id"] = "garden";
    expectError(load("dup-variant", doc), "DUPLICATE_ID", "/phases/2/variants/1/id");

    doc = workshopScenario();
    doc["phases"][2]["variants"][0]["states"] = {{"hal", "present"}};
    expectError(load("variant-layer", doc), "UNKNOWN_ID", "/phases/2/variants/0/states/hal");

    doc = workshopScenario();
    doc["tours"][0]["steps"][2]["variant"] = "villa";
    expectError(load("step-variant", doc), "UNKNOWN_ID", "/tours/0/steps/2/variant");

    doc = workshopScenario();
    doc["tours"][0]["steps"][1]["variant"] = "garden";  // at 1.5: between two phases
    expectError(load("between", doc), "VARIANT_BETWEEN_PHASES", "/tours/0/steps/1/variant");

    doc = workshopScenario();
    doc["tours"][0]["steps"][0]["at"] = 0;  // and "phase"
    expectError(load("both", doc), "CONFLICTING_FIELDS", "/tours/0/steps/0");

    doc = workshopScenario();
    doc["tours"][0]["steps"][0].erase("phase");
    expectError(load("neither", doc), "MISSING_FIELD", "/tours/0/steps/0");

    doc = workshopScenario();
    doc["tours"][0]["steps"][1]["at"] = 7;
    EXPECT_FALSE(load("past-the-end", doc).ok());

    doc = workshopScenario();
    doc["tours"][0]["steps"][2]["compare"]["a"] = "park/villa";
    expectError(load("compare-side", doc), "UNKNOWN_ID", "/tours/0/steps/2/compare/a");

    doc = workshopScenario();
    doc["tours"][0]["steps"] = json::array();
    expectError(load("no-steps", doc), "EMPTY_LIST", "/tours/0/steps");

    doc = workshopScenario();
    doc["tours"].push_back(doc["tours"][0]);
    expectError(load("dup-tour", doc), "DUPLICATE_ID", "/tours/1/id");
}

TEST(Tours, AVariantChangesTheLooksOfItsPhaseOnly) {
    const ScenarioResult r = load("workshop-looks", workshopScenario());
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    using friche::scene::Easing;
    using friche::scene::evaluate;
    const auto planned = evaluate(r.scenario, 2.0, Easing::Linear);
    const auto housing = evaluate(r.scenario, 2.0, Easing::Linear, {-1, -1, 1});
    EXPECT_EQ(planned[0].to.state, LayerState::Absent);
    EXPECT_EQ(housing[0].to.state, LayerState::Present);
    EXPECT_EQ(housing[1].to.state, LayerState::Absent);
    // Halfway into the park phase the variant is what the layers move toward.
    const auto halfway = evaluate(r.scenario, 1.5, Easing::Linear, {-1, -1, 1});
    EXPECT_EQ(halfway[0].from.state, LayerState::Ghosted);
    EXPECT_EQ(halfway[0].to.state, LayerState::Present);
    // Another phase's choice changes nothing here.
    EXPECT_EQ(evaluate(r.scenario, 0.0, Easing::Linear, {-1, -1, 1})[0].from.state,
              LayerState::Present);
}

TEST(Tours, CompareShowsTwoVariantsOfOnePhase) {
    const ScenarioResult r = load("workshop-compare", workshopScenario());
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    Story story(r.scenario);
    story.compare() = {
        .mode = CompareMode::Side, .phaseA = 2, .phaseB = 2, .variantA = 0, .variantB = 1};
    const auto parts = story.parts(1000, 500);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(friche::scene::variantIn(parts[0].variants, 2), 0);
    EXPECT_EQ(friche::scene::variantIn(parts[1].variants, 2), 1);
    // The story's own choice is kept for the other phases.
    story.setVariant(2, 1);
    EXPECT_EQ(story.variant(2), 1);
    story.setVariant(2, 5);  // no such variant: ignored
    EXPECT_EQ(story.variant(2), 1);
    story.setVariant(2, -1);
    EXPECT_EQ(story.variant(2), -1);
}

TEST(Tours, AClickerWalksTheStepsAndTheStorySaysWhatEachShows) {
    const ScenarioResult r = load("workshop-run", workshopScenario());
    ASSERT_TRUE(r.ok()) << describe(r.problems);
    Story story(r.scenario);
    TourRun run{.tour = 0, .index = 0};
    showStep(story, run.step(story.scenario()), 1.6f, Motion::AtOnce);
    EXPECT_EQ(story.timeline().position(), 0.0);
    EXPECT_FALSE(run.previous(story.scenario()));  // the first step stays the first

    ASSERT_TRUE(run.next(story.scenario()));
    showStep(story, run.step(story.scenario()), 1.6f, Motion::AtOnce);
    EXPECT_EQ(story.timeline().position(), 1.5);
    // Its view, held whatever the timeline does.
    EXPECT_EQ(story.orbit(1.6f).distance, 20.0f);

    ASSERT_TRUE(run.next(story.scenario()));
    showStep(story, run.step(story.scenario()), 1.6f, Motion::Animated);
    // Animated: the timeline heads for the phase and gets there.
    EXPECT_EQ(story.timeline().stepTarget(), 2);
    for (int i = 0; i < 300 && story.animating(); ++i) story.advance(1.0 / 30.0);
    EXPECT_EQ(story.timeline().position(), 2.0);
    EXPECT_EQ(story.variant(2), 1);
    EXPECT_EQ(story.compare().mode, CompareMode::Side);
    EXPECT_EQ(story.compare().variantA, 0);
    EXPECT_FALSE(run.next(story.scenario()));  // the last stays the last
    EXPECT_EQ(run.index, 2);
}

ScenarioResult seedSite(const std::string& id) {
    friche::io::ScenarioOptions options;
    options.assetDirs = {FRICHE_ASSET_DIR};  // where the build wrote sites/<id>.glb
    return loadScenario(std::string(FRICHE_SOURCE_DIR) + "/scenes/" + id + ".json", options);
}

TEST(Tours, TheSeedSitesHaveVariantsAndDroixheATour) {
    for (const char* site :
         {"seraing", "differdange", "droixhe", "cite-miroir", "liege-smart-city"}) {
        const ScenarioResult r = seedSite(site);
        ASSERT_TRUE(r.ok()) << site << "\n" << describe(r.problems);
        int variants = 0;
        for (const auto& p : r.scenario.phases)
            for (const auto& v : p.variants) {
                ++variants;
                EXPECT_TRUE(v.illustrative) << site << ": " << v.id;
            }
        EXPECT_GE(variants, 1) << site;
    }
    const ScenarioResult droixhe = seedSite("droixhe");
    ASSERT_TRUE(droixhe.scenario.tourIndex("atelier"));
    const auto pond = droixhe.scenario.phaseIndex("pilot-projects");
    ASSERT_TRUE(pond);
    EXPECT_TRUE(droixhe.scenario.phaseVariant("pilot-projects/garden"));
    EXPECT_TRUE(droixhe.scenario.phaseVariant("pilot-projects/housing"));
}
