// `friche render --ui`: the viewer's panels drawn into the still, the same
// bytes every time, and the phase card's figures formatted for --lang, read
// back from the pixels with tesseract (skipped when it is not installed).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/scenario_fixture.h"
#include "support/seed_sites.h"

using namespace friche::test;

namespace {

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

// The exhibition's visitor panels read from 3 m: on a 3840x2160 still of
// Droixhe's N-POWER phase (its fullest card), tesseract's word boxes over the
// phase card (the right third) are at least 30 px high, half of them or more,
// and the card names its source by its label, not by a file name.
TEST(RenderUi, KioskCardReadsFromThreeMetres) {
    if (!std::filesystem::exists(kTesseract)) GTEST_SKIP() << "no " << kTesseract;
    const Image image = renderStill(
        kDroixhe, "ui_kiosk_4k",
        {.size = "3840x2160", .args = {"--ui", "--kiosk", "--lang", "fr", "--phase", "n-power"}});
    ASSERT_EQ(image.width, 3840);
    const RunResult r = runProgram(kTesseract, {outPath("ui_kiosk_4k"), "stdout", "tsv"}, 180);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    // level page block par line word left top width height conf text
    std::vector<int> heights;
    std::string words;
    std::istringstream rows(r.output);
    for (std::string row; std::getline(rows, row);) {
        std::istringstream cells(row);
        int level = 0, left = 0, top = 0, width = 0, height = 0;
        double confidence = 0;
        std::string skip, text;
        cells >> level >> skip >> skip >> skip >> skip >> skip >> left >> top >> width >> height >>
            confidence >> text;
        if (level != 5 || confidence < 70 || text.size() < 3 || left < image.width * 0.62) continue;
        heights.push_back(height);
        words += text + " ";
    }
    ASSERT_GE(heights.size(), 30u) << words;
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    EXPECT_GE(heights[heights.size() / 2], 30) << "median word box; read: " << words;
    EXPECT_NE(words.find("N-POWER"), std::string::npos) << words;
    EXPECT_EQ(words.find(".txt"), std::string::npos) << words;
}
