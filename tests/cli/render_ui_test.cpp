// `friche render --ui`: the viewer's panels drawn into the still, the same
// bytes every time, and the phase card's figures formatted for --lang, read
// back from the pixels with tesseract (skipped when it is not installed).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/scenario_fixture.h"

using namespace friche::test;

namespace {

const std::string kDroixhe = std::string(FRICHE_SOURCE_DIR) + "/scenes/droixhe.json";
// Debian's tesseract-ocr package.
constexpr const char* kTesseract = "/usr/bin/tesseract";

// Renders Droixhe's first phase (its card shows the project's budget) and
// returns the PNG's path.
std::string uiStill(const std::string& name, std::vector<std::string> args,
                    const std::string& size = "640x360") {
    args.insert(args.end(), {"--phase", "neighbourhood"});
    const Image image = renderStill(kDroixhe, name, {.size = size, .args = std::move(args)});
    EXPECT_GT(image.width, 0) << name;
    return outPath(name);
}

// What tesseract reads in the still, whitespace runs (the narrow no-break
// space French groups digits with reads as a space, or as nothing) as one space.
std::string ocr(const std::string& png) {
    const RunResult r = runProgram(kTesseract, {png, "stdout"}, 120);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    return std::regex_replace(r.output, std::regex("\\s+"), " ");
}

}  // namespace

TEST(RenderUi, PanelsChangeTheStill) {
    const std::string plain = fileBytes(uiStill("ui_plain", {}));
    const std::string panels = fileBytes(uiStill("ui_panels", {"--ui"}));
    ASSERT_FALSE(plain.empty());
    ASSERT_FALSE(panels.empty());
    EXPECT_NE(plain, panels);
}

TEST(RenderUi, SameInputSameBytes) {
    const std::string first = fileBytes(uiStill("ui_once", {"--ui", "--lang", "de"}));
    const std::string second = fileBytes(uiStill("ui_twice", {"--ui", "--lang", "de"}));
    ASSERT_FALSE(first.empty());
    EXPECT_EQ(first, second);
}

TEST(RenderUi, ModelGetsTheModelPanel) {
    const std::string duck = glb("Duck");
    const Image plain = renderStill(duck, "ui_duck_plain", {});
    const Image panel = renderStill(duck, "ui_duck_panel", {.args = {"--ui"}});
    ASSERT_EQ(plain.rgb.size(), panel.rgb.size());
    EXPECT_NE(plain.rgb, panel.rgb);
}

// Compare mode's panels over the two sides: the 3D view is the same as
// without --ui where no panel covers it, and the panels change the still.
TEST(RenderUi, CompareGetsThePanelsOverTheSameView) {
    const std::vector<std::string> args{"--compare", "swipe:neighbourhood,horizon:0.4"};
    std::vector<std::string> withUi = args;
    withUi.push_back("--ui");
    const Image plain =
        renderStill(kDroixhe, "ui_compare_plain", {.size = "640x360", .args = args});
    const Image panels =
        renderStill(kDroixhe, "ui_compare_panels", {.size = "640x360", .args = withUi});
    ASSERT_EQ(plain.rgb.size(), panels.rgb.size());
    EXPECT_NE(plain.rgb, panels.rgb);
    // Left of the divider and right of it, between the side titles and the compare panel.
    for (const Rect r : {Rect{40, 120, 200, 200}, Rect{300, 120, 420, 200}})
        EXPECT_TRUE(near(plain.mean(r), panels.mean(r), 1.0)) << r.x0;
}

TEST(RenderUi, BudgetReadsTheFrenchWay) {
    if (!std::filesystem::exists(kTesseract)) GTEST_SKIP() << "tesseract-ocr is not installed";
    const std::string text = ocr(uiStill("ui_fr", {"--ui", "--lang", "fr"}, "1920x1080"));
    EXPECT_TRUE(std::regex_search(text, std::regex("539 ?349,58"))) << text;
    EXPECT_FALSE(std::regex_search(text, std::regex("539,349\\.58"))) << text;
}

TEST(RenderUi, BudgetReadsTheEnglishWay) {
    if (!std::filesystem::exists(kTesseract)) GTEST_SKIP() << "tesseract-ocr is not installed";
    const std::string text = ocr(uiStill("ui_en", {"--ui", "--lang", "en"}, "1920x1080"));
    EXPECT_TRUE(std::regex_search(text, std::regex("539,349\\.58"))) << text;
    EXPECT_FALSE(std::regex_search(text, std::regex("539 ?349,58"))) << text;
}

// A label whose anchor is hidden behind the hall is dimmed; once the hall is
// gone it reads at full strength. The label sits above its anchor, over the
// same sky in both stills: only its own brightness changes.
TEST(RenderUi, LabelBehindABuildingIsDimmed) {
    nlohmann::json doc = goodScenario();
    doc["layers"] =
        nlohmann::json::array({{{"id", "hall"},
                                {"model", "model.gltf"},
                                {"nodes", {"hall"}},
                                {"transform", {{"scale", 4}, {"translation", {-2, 0, 0}}}}}});
    doc["views"] =
        nlohmann::json::array({{{"id", "front"}, {"eye", {0, 2, 14}}, {"target", {0, 2, 0}}}});
    doc["startView"] = "front";
    doc["phases"] = nlohmann::json::array(
        {{{"id", "standing"},
          {"title", fourLanguages("Standing")},
          {"states", {{"hall", "present"}}}},
         {{"id", "gone"}, {"title", fourLanguages("Gone")}, {"states", {{"hall", "absent"}}}}});
    doc["hotspots"] = nlohmann::json::array(
        {{{"id", "behind"}, {"anchor", {-0.5, 1, -3}}, {"title", fourLanguages("BEHIND")}}});
    const std::string file = writeScenario("hidden-label", doc).string();
    const auto brightest = [&](const std::string& phase) {
        const Image still = renderStill(file, "ui_label_" + phase,
                                        {.size = "640x360", .args = {"--ui", "--phase", phase}});
        double most = 0.0;
        // Around the label, just above the anchor in the middle of the still.
        for (int y = 150; y < 215; ++y)
            for (int x = 250; x < 390; ++x) most = std::max(most, still.at(x, y).luma());
        return most;
    };
    const double hidden = brightest("standing"), seen = brightest("gone");
    EXPECT_GT(seen, 235.0);
    EXPECT_LT(hidden, seen - 30.0);
}
