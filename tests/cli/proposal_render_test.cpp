// `friche render SCENARIO --proposal FILE --place X,Z[,ROT[,Y]]`: an
// architect's model on a seed site. It changes the still only where it
// stands, moves with its placement, and a model in millimetres is refused
// with the fix rather than drawn a thousand times too big.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/render_image.h"
#include "support/box_gltf.h"
#include "support/run.h"
#include "support/seed_sites.h"

using namespace friche::test;

namespace {

const std::string kEngine =
    std::string(FRICHE_CORPUS_DIR) +
    "/glTF-Sample-Models/2.0/2CylinderEngine/glTF-Binary/2CylinderEngine.glb";

// A massing volume in the test's out folder.
std::string writeBox(const std::string& name, float w, float h, float d) {
    return writeBoxGltf(std::filesystem::path(FRICHE_TEST_OUT) / "proposals", name, w, h, d)
        .string();
}

// The overview of Seraing's last phase under an overcast sky (no cast shadows:
// what changes is the proposal itself).
Image still(const std::string& name, std::vector<std::string> args) {
    args.insert(args.end(), {"--view", "overview"});
    return renderStill(
        kSeraing, "proposal_" + name,
        {.size = "480x270", .args = std::move(args), .env = {{"FRICHE_ENV", "overcast"}}});
}

// The box around the pixels where `a` and `b` differ by more than 8 of 255.
Rect changed(const Image& a, const Image& b, int* count) {
    Rect r{a.width, a.height, 0, 0};
    *count = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x)
            if (!near(a.at(x, y), b.at(x, y), 8.0)) {
                ++*count;
                r = {std::min(r.x0, x), std::min(r.y0, y), std::max(r.x1, x + 1),
                     std::max(r.y1, y + 1)};
            }
    return r;
}

}  // namespace

TEST(ProposalRender, ItChangesTheStillOnlyWhereItStandsAndMovesWithItsPlace) {
    const std::string hall = writeBox("hall", 40.0f, 20.0f, 30.0f);
    const Image before = still("before", {"--phase", "horizon"});
    const Image west =
        still("west", {"--phase", "horizon", "--proposal", hall, "--place", "-80,-28"});
    const Image east =
        still("east", {"--phase", "horizon", "--proposal", hall, "--place", "80,-28"});
    ASSERT_EQ(before.width, 480);
    ASSERT_EQ(west.width, 480);
    ASSERT_EQ(east.width, 480);
    int westCount = 0, eastCount = 0;
    const Rect w = changed(before, west, &westCount);
    const Rect e = changed(before, east, &eastCount);
    // A 40 m hall seen from 600 m: a few hundred pixels, in one small patch
    // (its rectangle at most 60 x 60 of the 480 x 270, mostly filled).
    for (const auto& [r, count] : {std::pair{w, westCount}, std::pair{e, eastCount}}) {
        EXPECT_GT(count, 100);
        EXPECT_LT(r.x1 - r.x0, 60);
        EXPECT_LT(r.y1 - r.y0, 60);
        EXPECT_GT(count, (r.x1 - r.x0) * (r.y1 - r.y0) / 3);
    }
    // The overview looks towards -Z from the south-east: +X is to the right.
    EXPECT_GT((e.x0 + e.x1) / 2, (w.x0 + w.x1) / 2 + 20);
}

TEST(ProposalRender, AModelInMillimetresIsRefusedWithItsFixAndDrawnOnceGiven) {
    const std::string hall = writeBox("hall-mm", 40000.0f, 20000.0f, 30000.0f);
    const std::string out = outPath("proposal_mm");
    const auto refused = runFriche(
        {"render", kSeraing, "-o", out, "--size", "160x90", "--proposal", hall, "--place", "0,0"});
    EXPECT_EQ(refused.exitCode, 1) << refused.output;
    EXPECT_NE(refused.output.find("--unit mm"), std::string::npos) << refused.output;
    EXPECT_NE(refused.output.find("40 m"), std::string::npos) << refused.output;
    const auto drawn = runFriche({"render", kSeraing, "-o", out, "--size", "160x90", "--proposal",
                                  hall, "--place", "0,0", "--unit", "mm"});
    EXPECT_EQ(drawn.exitCode, 0) << drawn.output;
    // A CAD assembly made elsewhere, in millimetres: its fix is offered too.
    const auto engine =
        runFriche({"render", kSeraing, "-o", out, "--size", "160x90", "--proposal", kEngine});
    EXPECT_EQ(engine.exitCode, 1) << engine.output;
    EXPECT_NE(engine.output.find("--unit"), std::string::npos) << engine.output;
}

TEST(ProposalRender, ItGoesInThePhaseGivenAndBadOptionsSayWhy) {
    const std::string hall = writeBox("hall-phase", 40.0f, 20.0f, 30.0f);
    const std::string out = outPath("proposal_phase");
    const auto inPhase =
        runFriche({"render", kSeraing, "-o", out, "--size", "160x90", "--proposal", hall, "--phase",
                   "master-plan", "--compare", "swipe:master-plan,master-plan-proposal"});
    EXPECT_EQ(inPhase.exitCode, 0) << inPhase.output;
    const std::vector<std::vector<std::string>> usage = {
        {"--proposal", hall, "--place", "1"},
        {"--proposal", hall, "--place", "a,b"},
        {"--proposal", hall, "--place", "1,2,3,4,5"},
        {"--proposal", hall, "--unit", "km"},
        {"--place", "1,2"},
        {"--proposal", hall, "--at", "1.5"},
    };
    for (const auto& extra : usage) {
        std::vector<std::string> args = {"render", kSeraing, "-o", out};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = runFriche(args);
        EXPECT_EQ(r.exitCode, 2) << ::testing::PrintToString(extra) << "\n" << r.output;
    }
    const auto missing =
        runFriche({"render", kSeraing, "-o", out, "--proposal", "/nowhere/hall.glb"});
    EXPECT_EQ(missing.exitCode, 1) << missing.output;
    EXPECT_NE(missing.output.find("/nowhere/hall.glb"), std::string::npos) << missing.output;
    const auto unknownPhase =
        runFriche({"render", kSeraing, "-o", out, "--proposal", hall, "--phase", "no-such-phase"});
    EXPECT_EQ(unknownPhase.exitCode, 1) << unknownPhase.output;
    EXPECT_NE(unknownPhase.output.find("no-such-phase"), std::string::npos);
}

TEST(SectionRender, ACutAboveEverythingChangesNothingACutThroughTheHallsOpensThem) {
    // The industrial valley seen from above its halls, under a plain sky.
    const auto cut = [](const std::string& name, std::vector<std::string> section) {
        std::vector<std::string> args = {"--phase", "industry", "--view", "overview"};
        args.insert(args.end(), section.begin(), section.end());
        return renderStill(kSeraing, "section_" + name,
                           {.size = "320x180", .args = args, .env = {{"FRICHE_ENV", "overcast"}}});
    };
    const Image whole = cut("none", {});
    const Image above = cut("above", {"--section", "y=1000"});
    const Image halls = cut("halls", {"--section", "y=6"});
    const Image beside = cut("beside", {"--section", "-x=1000"});
    ASSERT_EQ(whole.width, 320);
    EXPECT_EQ(fractionDifferent(whole, above, 0.0), 0.0);
    // Keeping only what lies beyond x = 1000 m keeps nothing of the site.
    EXPECT_GT(fractionDifferent(whole, beside, 8.0), 0.3);
    // Roofs and upper walls gone: a good part of the view changes, not all of it.
    const double opened = fractionDifferent(whole, halls, 8.0);
    EXPECT_GT(opened, 0.05);
    EXPECT_LT(opened, fractionDifferent(whole, beside, 8.0));
    const auto bad =
        runFriche({"render", kSeraing, "-o", outPath("section_bad"), "--section", "w=3"});
    EXPECT_EQ(bad.exitCode, 2) << bad.output;
}
