// The visitor panels at 3840x2160, as `friche render --ui --kiosk` and the
// kiosk draw them, for every site, phase and language: every character of the
// scenario is in the font, no panel needs a scrollbar or leaves the screen,
// the body text's font is at least 1/40 of the screen's height (its letters
// 1/72, tests/cli/kiosk_still_test.cpp reads them) and touch targets at least
// 1/20.
//
// ImGui lays the panels out without a GL context: the test runs its frames
// and reads the windows it made, with no pixels drawn.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "app/story_input.h"
#include "io/scenario_loader.h"
#include "scene/locale.h"
#include "scene/story.h"
#include "support/seed_sites.h"
#include "ui/site_picker.h"
#include "ui/story_panels.h"
#include "ui/style.h"
#include "ui/timeline_panel.h"
#include "ui/touch.h"

namespace {

namespace fs = std::filesystem;
using friche::scene::Language;

constexpr int kScreenWidth = 3840;
constexpr int kScreenHeight = 2160;

const char* const kSites[] = {"seraing", "droixhe", "cite-miroir", "liege-smart-city",
                              "differdange"};

// Decodes UTF-8 (the scenario files are valid UTF-8: the loader checks it).
std::vector<unsigned> codepoints(const std::string& text) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < text.size();) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, text.c_str() + i, text.c_str() + text.size());
        out.push_back(c);
        i += static_cast<std::size_t>(n > 0 ? n : 1);
    }
    return out;
}

class VisitorPanels : public testing::TestWithParam<const char*> {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DeltaTime = 1.0f / 60.0f;
        file_ = friche::test::seedScenario(GetParam());
        text_ = friche::app::scenarioText(file_);
        useScreen(kScreenWidth, kScreenHeight);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // The screen's size, and the kiosk's type for it.
    void useScreen(int width, int height) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        friche::core::Problems problems;
        friche::ui::setupStyle({friche::ui::kioskUiScale(width, height, 0.0f), 1.0f, {text_}},
                               problems);
        ASSERT_FALSE(problems.hasErrors());
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas
    }

    // The kiosk's panels over a still, a few frames so auto-sized windows settle.
    void drawFrames(friche::scene::Story& story) {
        const ImVec2 screen = ImGui::GetIO().DisplaySize;
        for (int frame = 0; frame < 3; ++frame) {
            ImGui::NewFrame();
            friche::ui::storyPanels(story, glm::vec2(screen.x, screen.y), {.kiosk = true});
            const std::vector<friche::scene::LocalText> names{story.scenario().site.name};
            friche::ui::sitePanel({names, 0, {}, true}, story.scenario().views, story.language(),
                                  ImGui::GetFontSize() * 0.6f);
            ImGui::Render();
        }
    }

    // The panels drawn in every phase and language of the story's scenario,
    // each followed by `check(where)`, naming the site, phase and language.
    template <class Check>
    void inEveryPhaseAndLanguage(friche::scene::Story& story, Check check) {
        const std::vector<friche::scene::Phase>& phases = story.scenario().phases;
        for (Language language : friche::scene::kLanguages) {
            for (std::size_t phase = 0; phase < phases.size(); ++phase) {
                story.language() = language;
                story.timeline().setPosition(static_cast<double>(phase));
                drawFrames(story);
                check(std::string(GetParam()) + " phase " + phases[phase].id + " in " +
                      friche::scene::languageCode(language));
            }
        }
    }

    fs::path file_;
    std::string text_;
};

TEST_P(VisitorPanels, EveryCharacterOfTheScenarioIsInTheFont) {
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    for (unsigned c : codepoints(text_)) {
        if (c < 0x20) continue;  // newlines and tabs of the JSON itself
        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
            << GetParam() << ": U+" << std::hex << c;
    }
    for (const std::string& t : friche::scene::allUiTexts())
        for (unsigned c : codepoints(t))
            EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                << "U+" << std::hex << c << " in " << t;
}

// The timeline shortens titles that do not fit: never in the middle of a
// character (a lone lead byte draws as "?", as "Kreativwirtschaft f?" did).
TEST_P(VisitorPanels, ShortenedTitlesKeepWholeCharacters) {
    const friche::io::ScenarioResult loaded = friche::io::loadScenario(file_);
    ASSERT_TRUE(loaded.ok());
    ImGui::NewFrame();  // CalcTextSize needs the frame's font
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const float em = ImGui::GetFontSize();
    for (const friche::scene::Phase& phase : loaded.scenario.phases) {
        for (Language language : friche::scene::kLanguages) {
            const std::string& title = phase.title.in(language);
            for (float width = em; width < 20.0f * em; width += em * 0.25f) {
                const std::string shown = friche::ui::fitText(title, width);
                for (unsigned c : codepoints(shown))
                    EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                        << "'" << shown << "' from '" << title << "' at " << width << " px";
            }
        }
    }
    ImGui::EndFrame();
}

TEST_P(VisitorPanels, ReadableFromThreeMetresWithNoScrollbarInAnyPhaseOrLanguage) {
    const friche::io::ScenarioResult loaded = friche::io::loadScenario(file_);
    ASSERT_TRUE(loaded.ok());
    friche::scene::Story story(loaded.scenario);
    inEveryPhaseAndLanguage(story, [](const std::string& where) {
        EXPECT_GE(ImGui::GetFontSize(), kScreenHeight / 40.0f) << where;
        EXPECT_GE(friche::ui::touchTarget(), kScreenHeight / 20.0f - 0.5f) << where;
        for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            if (!w->Active || w->Hidden) continue;
            EXPECT_FALSE(w->ScrollbarY || w->ScrollbarX)
                << where << ": the window '" << w->Name << "' scrolls";
            EXPECT_LE(w->Pos.y + w->Size.y, static_cast<float>(kScreenHeight) + 0.5f)
                << where << ": '" << w->Name << "' leaves the screen";
        }
    });
}

// On a 4K screen, a 16:10 monitor, a 4:3 projector and a 4K screen turned
// upright, every line of every panel fits its panel's width, in every phase
// and language: a line too long wraps (or, on the timeline, is shortened),
// never cut at the edge. The card is narrower than the type's 28 em there: a
// third of the screen's width. And no panel lies over another.
TEST_P(VisitorPanels, EveryLineFitsItsPanelOnEveryScreenShape) {
    const friche::io::ScenarioResult loaded = friche::io::loadScenario(file_);
    ASSERT_TRUE(loaded.ok());
    friche::scene::Story story(loaded.scenario);
    for (const auto& [width, height] :
         {std::pair{3840, 2160}, {1920, 1200}, {1024, 768}, {2160, 3840}}) {
        useScreen(width, height);
        const std::string screen = std::to_string(width) + "x" + std::to_string(height);
        inEveryPhaseAndLanguage(story, [&](const std::string& at) {
            const std::string where = at + " on " + screen;
            std::vector<const ImGuiWindow*> panels;
            for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
                if (!w->Active || w->Hidden) continue;
                const float inner = w->Size.x - 2.0f * w->WindowPadding.x;
                EXPECT_LE(w->ContentSize.x, inner + 0.5f)
                    << where << ": a line of '" << w->Name << "' is " << w->ContentSize.x
                    << " px wide, its panel " << inner;
                panels.push_back(w);
            }
            for (std::size_t a = 0; a < panels.size(); ++a)
                for (std::size_t b = a + 1; b < panels.size(); ++b)
                    EXPECT_FALSE(panels[a]->Rect().Overlaps(panels[b]->Rect()))
                        << where << ": '" << panels[a]->Name << "' lies over '" << panels[b]->Name
                        << "'";
        });
    }
}

// A visitor's swipe that starts on a panel, off its buttons (in its bottom
// margin), turns the camera or nothing: it never carries the panel away,
// where the next visitor would find it elsewhere or off the screen.
TEST_P(VisitorPanels, ASwipeStartingOnAPanelLeavesEveryPanelWhereItIs) {
    const friche::io::ScenarioResult loaded = friche::io::loadScenario(file_);
    ASSERT_TRUE(loaded.ok());
    friche::scene::Story story(loaded.scenario);
    drawFrames(story);
    std::vector<std::pair<std::string, ImVec2>> laidOut;
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->Active && !w->Hidden && !(w->Flags & ImGuiWindowFlags_Tooltip))
            laidOut.emplace_back(w->Name, w->Pos);
    ASSERT_GE(laidOut.size(), 3u);
    ImGuiIO& io = ImGui::GetIO();
    for (const auto& [swiped, unused] : laidOut) {
        const ImGuiWindow* w = ImGui::FindWindowByName(swiped.c_str());
        const ImVec2 from(w->Pos.x + w->Size.x * 0.5f,
                          w->Pos.y + w->Size.y - ImGui::GetStyle().WindowPadding.y * 0.5f);
        for (int step = 0; step <= 8; ++step) {
            io.MousePos = ImVec2(from.x + 60.0f * static_cast<float>(step),
                                 from.y - 40.0f * static_cast<float>(step));
            io.MouseDown[0] = step < 8;
            drawFrames(story);
        }
        for (const auto& [name, pos] : laidOut) {
            const ImVec2 now = ImGui::FindWindowByName(name.c_str())->Pos;
            EXPECT_TRUE(now.x == pos.x && now.y == pos.y)
                << "a swipe on '" << swiped << "' moved '" << name << "' from " << pos.x << ","
                << pos.y << " to " << now.x << "," << now.y;
        }
    }
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

// A visitor compares the story's two ends side by side: the card lists what
// changes, each layer's state in A and in B in a column as wide as its words.
// The card's lines wrap at its edge, and so did these columns' words, letter
// by letter down a column one letter wide ("p / r / é / s / e / n / t").
TEST_P(VisitorPanels, ComparedStatesKeepTheirWordsOnOneLine) {
    const friche::io::ScenarioResult loaded = friche::io::loadScenario(file_);
    ASSERT_TRUE(loaded.ok());
    friche::scene::Story story(loaded.scenario);
    story.compare().mode = friche::scene::CompareMode::Side;
    for (Language language : friche::scene::kLanguages) {
        story.language() = language;
        drawFrames(story);
        ImGui::NewFrame();  // CalcTextSize needs the frame's font
        const float word = std::min(
            ImGui::CalcTextSize(uiText(friche::scene::UiText::LayerAbsent, language).c_str()).x,
            ImGui::CalcTextSize(uiText(friche::scene::UiText::LayerPresent, language).c_str()).x);
        ImGui::EndFrame();
        ImGuiContext& g = *ImGui::GetCurrentContext();
        int columns = 0;
        for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
            const ImGuiTable* table = g.Tables.TryGetMapData(n);
            if (!table || table->OuterWindow != ImGui::FindWindowByName("Phase")) continue;
            for (int c = 0; c < table->ColumnsCount; ++c) {
                const std::string name = ImGui::TableGetColumnName(table, c);
                if (name != "A" && name != "B") continue;
                ++columns;
                EXPECT_GE(table->Columns[c].WidthGiven, word - 0.5f)
                    << GetParam() << " in " << friche::scene::languageCode(language) << ": column "
                    << name << " is " << table->Columns[c].WidthGiven << " px wide, its words "
                    << word;
            }
        }
        EXPECT_EQ(columns, 2) << GetParam() << ": the card lists no change";
    }
}

INSTANTIATE_TEST_SUITE_P(Sites, VisitorPanels, testing::ValuesIn(kSites),
                         [](const testing::TestParamInfo<const char*>& param) {
                             std::string name = param.param;
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

}  // namespace
