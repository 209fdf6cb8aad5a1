// An architect's proposal on a scenario: where its placement puts the model,
// the unit its size suggests, the phase it gets, and the scenario file saved
// with it (read back by the loader).
#include <gtest/gtest.h>

#include <algorithm>

#include "io/proposal_file.h"
#include "io/scenario_loader.h"
#include "scene/proposal.h"
#include "support/scenario_fixture.h"

using namespace friche;
using namespace friche::scene;

namespace {

glm::vec3 apply(const Transform& t, glm::vec3 p) {
    return glm::vec3(t.matrix() * glm::vec4(p, 1.0f));
}

void expectNear(glm::vec3 a, glm::vec3 b) {
    EXPECT_NEAR(a.x, b.x, 1e-4f);
    EXPECT_NEAR(a.y, b.y, 1e-4f);
    EXPECT_NEAR(a.z, b.z, 1e-4f);
}

Bounds across(float metres) {
    return Bounds::of(glm::vec3(0.0f), glm::vec3(metres, metres * 0.3f, metres * 0.5f));
}

}  // namespace

TEST(Proposal, TheFootprintCentreAndTheLowestPointGoWhereThePlacementSays) {
    // Modelled off its origin: centre of the footprint (15, 20), lowest point 5.
    const Bounds model = Bounds::of({10, 5, 10}, {20, 15, 30});
    const Placement at{.x = 100, .z = -50, .y = 2, .rotationDegrees = 90};
    const Transform t = placementTransform(at, model);
    expectNear(apply(t, {15, 5, 20}), {100, 2, -50});
    // A quarter turn counter-clockwise seen from above: +X goes to -Z, +Z to +X.
    expectNear(apply(t, {20, 5, 20}), {100, 2, -55});
    expectNear(apply(t, {15, 15, 30}), {110, 12, -50});
}

TEST(Proposal, AModelInMillimetresIsScaledToMetres) {
    const Bounds model = Bounds::of({-25000, 0, -10000}, {25000, 12000, 10000});  // a 50 m hall
    const Placement at{.x = 3, .z = 4, .unit = LengthUnit::Millimetre};
    const Transform t = placementTransform(at, model);
    expectNear(apply(t, {0, 0, 0}), {3, 0, 4});
    expectNear(apply(t, {25000, 12000, 0}), {28, 12, 4});
}

TEST(Proposal, SnapsToTheMetreAndFifteenDegrees) {
    const Placement p =
        snapped({.x = 12.4f, .z = -3.6f, .y = 0.37f, .rotationDegrees = 37.0f}, 1.0f, 15.0f);
    EXPECT_FLOAT_EQ(p.x, 12.0f);
    EXPECT_FLOAT_EQ(p.z, -4.0f);
    EXPECT_FLOAT_EQ(p.rotationDegrees, 30.0f);
    EXPECT_FLOAT_EQ(p.y, 0.37f);  // heights are typed, not snapped
}

TEST(Proposal, ItsSizeSuggestsTheUnitWhenMetresLookWrong) {
    EXPECT_EQ(guessUnit(across(50.0f)), std::nullopt);   // a 50 m hall in metres
    EXPECT_EQ(guessUnit(across(400.0f)), std::nullopt);  // the longest hall of the sites
    EXPECT_EQ(guessUnit(across(50000.0f)), LengthUnit::Millimetre);
    EXPECT_EQ(guessUnit(across(4000.0f)), LengthUnit::Centimetre);
    // Too large for any metric unit to make it a building: inches or feet.
    EXPECT_EQ(guessUnit(across(3.0e6f)), std::nullopt);
    EXPECT_EQ(guessUnit(Bounds{}), std::nullopt);
    EXPECT_EQ(parseUnit("mm"), LengthUnit::Millimetre);
    EXPECT_EQ(parseUnit("ft"), LengthUnit::Foot);
    EXPECT_EQ(parseUnit("km"), std::nullopt);
    EXPECT_DOUBLE_EQ(metresPer(LengthUnit::Inch), 0.0254);
}

TEST(Proposal, ItGetsAPhaseOfItsOwnAfterThePhaseItIsFor) {
    const auto loaded = io::loadScenario(test::writeScenario("proposal", test::goodScenario()), {});
    ASSERT_TRUE(loaded.ok());
    const Scenario& s = loaded.scenario;
    const int hall = *s.layerIndex("hall");
    const Proposal proposal{
        .file = s.layers[0].modelPath, .placement = {}, .phase = 1, .replaces = {hall}};
    const Scenario p = withProposal(s, proposal, Bounds::of({0, 0, 0}, {1, 1, 0}));

    ASSERT_EQ(p.phases.size(), s.phases.size() + 1);
    ASSERT_EQ(p.layers.size(), s.layers.size() + 1);
    EXPECT_EQ(p.layers.back().id, "proposal");
    EXPECT_EQ(p.phases[2].id, "closure-proposal");
    EXPECT_EQ(p.phases[2].title.in(Language::Fr), "Closure (fr) — Projet proposé");
    EXPECT_EQ(p.phases[3].id, "park");
    for (std::size_t i = 0; i < p.phases.size(); ++i) {
        const bool shown = i == 2;
        EXPECT_EQ(p.phases[i].layers.back().state, shown ? LayerState::Present : LayerState::Absent)
            << p.phases[i].id;
    }
    // In its phase the hall it replaces is gone; elsewhere as the scenario has it.
    EXPECT_EQ(p.phases[2].layers[static_cast<std::size_t>(hall)].state, LayerState::Absent);
    EXPECT_EQ(p.phases[1].layers[static_cast<std::size_t>(hall)].state, LayerState::Ghosted);
    // The pond is shown in "park", now the fourth phase.
    EXPECT_EQ(p.hotspots[0].phases, std::vector<int>{3});
}

TEST(Proposal, SavedAsAScenarioItLoadsBackWithItsPhaseViewAndPlace) {
    const auto file = test::writeScenario("proposal-save", test::goodScenario());
    const auto loaded = io::loadScenario(file, {});
    ASSERT_TRUE(loaded.ok());
    const Scenario& s = loaded.scenario;
    const int hall = *s.layerIndex("hall");
    Proposal proposal{
        .file = s.layers[0].modelPath, .placement = {}, .phase = 0, .replaces = {hall}};
    proposal.placement = {.x = 7, .z = -3, .rotationDegrees = 45};
    const Bounds bounds = Bounds::of({0, 0, 0}, {1, 1, 0});
    const Scenario placed = withProposal(s, proposal, bounds);
    View view;
    view.target = {1, 2, 3};
    view.yaw = 0.5f;
    view.pitch = -0.4f;
    view.distance = 42.0f;
    const auto out = file.parent_path() / "saved.json";
    std::string error;
    ASSERT_TRUE(io::saveProposalScenario(placed, 1, &view, out, error)) << error;

    const auto back = io::loadScenario(out, {});
    ASSERT_TRUE(back.ok());
    const Scenario& r = back.scenario;
    ASSERT_EQ(r.phases.size(), placed.phases.size());
    // Every layer shows as it did (how it moves in is the phase's own style).
    for (std::size_t i = 0; i < r.phases.size(); ++i) {
        EXPECT_EQ(r.phases[i].id, placed.phases[i].id);
        ASSERT_EQ(r.phases[i].layers.size(), placed.phases[i].layers.size());
        for (std::size_t l = 0; l < r.layers.size(); ++l)
            EXPECT_EQ(r.phases[i].layers[l].state, placed.phases[i].layers[l].state)
                << r.phases[i].id << " " << r.layers[l].id;
    }
    const Layer& layer = r.layers.back();
    EXPECT_EQ(layer.modelPath, placed.layers.back().modelPath);
    expectNear(layer.transform.translation, placed.layers.back().transform.translation);
    expectNear(layer.transform.rotationDegrees, {0, 45, 0});
    const View& v = r.views[static_cast<std::size_t>(r.phases[1].view)];
    expectNear(v.target, view.target);
    EXPECT_NEAR(v.yaw, view.yaw, 1e-5);
    EXPECT_NEAR(v.distance, 42.0f, 1e-5);
    // Nothing else of the file was lost.
    EXPECT_EQ(r.hotspots.size(), s.hotspots.size());
    EXPECT_EQ(r.data.funding.size(), s.data.funding.size());
}

TEST(Proposal, SavingIntoAFolderThatDoesNotExistSaysWhere) {
    const auto file = test::writeScenario("proposal-nowhere", test::goodScenario());
    const auto loaded = io::loadScenario(file, {});
    ASSERT_TRUE(loaded.ok());
    const Proposal proposal{
        .file = loaded.scenario.layers[0].modelPath, .placement = {}, .phase = 0, .replaces = {}};
    const Scenario placed =
        withProposal(loaded.scenario, proposal, Bounds::of({0, 0, 0}, {1, 1, 1}));
    std::string error;
    const auto out = file.parent_path() / "no-such-folder" / "saved.json";
    EXPECT_FALSE(io::saveProposalScenario(placed, 1, nullptr, out, error));
    EXPECT_NE(error.find("no-such-folder"), std::string::npos) << error;
}
