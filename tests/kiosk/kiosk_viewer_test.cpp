// The kiosk as a visitor and an operator meet it: the viewer's own loop on
// SDL's offscreen driver, with SDL events pushed between its turns and a
// clock the test steps.
#include <gtest/gtest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "app/kiosk.h"
#include "app/viewer.h"
#include "core/pin.h"
#include "gfx/handle.h"
#include "support/kiosk_taps.h"
#include "support/sdl_keys.h"
#include "support/seed_sites.h"

namespace {

namespace fs = std::filesystem;
using friche::app::ViewerHooks;
using nlohmann::json;

constexpr const char* kPin = "2468";

// The folder of the kiosk `name`: its config and its log.
fs::path kioskFolder(const std::string& name) {
    return fs::path(FRICHE_TEST_OUT) / "kiosk-viewer" / name;
}

// A kiosk config in a folder of its own (its log beside it); `extra` keys added.
fs::path writeKioskConfig(const std::string& name, const json& extra = json::object()) {
    const fs::path folder = kioskFolder(name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    json config = {{"sites", {friche::test::kSeraing, friche::test::kDroixhe}},
                   {"pin", friche::core::formatPinHash(
                               friche::core::hashPin(kPin, friche::core::randomSalt(), 1000))},
                   {"idleSeconds", 120},
                   {"log", (folder / "kiosk.log").string()}};
    config.update(extra);
    std::ofstream(folder / "kiosk.json") << config.dump(2);
    return folder / "kiosk.json";
}

std::string kioskLog(const std::string& name) {
    std::ifstream log(kioskFolder(name) / "kiosk.log");
    return {std::istreambuf_iterator<char>(log), std::istreambuf_iterator<char>()};
}

int runKiosk(const fs::path& config, const ViewerHooks& hooks) {
    friche::app::ViewerCommand cmd;
    cmd.kiosk = std::vector<std::string>{config.string()};
    return friche::app::runViewer(cmd, hooks);
}

void push(SDL_Event e) {
    SDL_PushEvent(&e);
}

using friche::test::pushKey;

void pushText(const char* text) {
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    std::snprintf(e.text.text, sizeof(e.text.text), "%s", text);
    push(e);
}

void pushQuitRequests() {
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    push(quit);
    SDL_Event close{};
    close.type = SDL_WINDOWEVENT;
    close.window.event = SDL_WINDOWEVENT_CLOSE;
    close.window.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    push(close);
}

// Whether the ImGui window `name` was drawn in the last frame.
bool shown(const char* name) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w && w->Active;
}

// The window covers its display (SDL's offscreen driver has one of 1024x768).
bool fullscreen() {
    SDL_Window* window = SDL_GL_GetCurrentWindow();
    SDL_Rect display{};
    SDL_GetDisplayBounds(SDL_GetWindowDisplayIndex(window), &display);
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    return w == display.w && h == display.h;
}

TEST(KioskViewer, EscAltF4CtrlQF11AndQuitRequestsDoNotEndIt) {
    int lastTurn = 0;
    bool stayedFullscreen = true;
    ViewerHooks hooks;
    hooks.beforeTurn = [&](int turn) {
        lastTurn = turn;
        if (turn > 1) stayedFullscreen = stayedFullscreen && fullscreen();
        if (turn == 1) pushKey(SDLK_ESCAPE);
        if (turn == 2) pushKey(SDLK_F4, KMOD_LALT);
        if (turn == 3) pushKey(SDLK_q, KMOD_LCTRL);
        if (turn == 4) pushKey(SDLK_F11);
        if (turn == 5) pushQuitRequests();
        if (turn == 12) std::raise(SIGTERM);  // a service stop: the one way out but the operator's
    };
    EXPECT_EQ(runKiosk(writeKioskConfig("quit-keys"), hooks), 0);
    EXPECT_EQ(lastTurn, 12);
    EXPECT_TRUE(stayedFullscreen);
}

TEST(KioskViewer, AWrongPinDoesNothingTheRightOneOpensTheOperatorPanelWhoseExitEndsIt) {
    int lastTurn = 0;
    bool padOpened = false, refused = false, unlocked = false;
    ViewerHooks hooks;
    hooks.beforeTurn = [&](int turn) {
        lastTurn = turn;
        if (turn == 1) pushKey(SDLK_p, KMOD_LCTRL | KMOD_LALT);  // the operator's chord
        if (turn == 3) {
            padOpened = shown("PIN") && !shown("Operator");
            pushText("1111");
            pushKey(SDLK_RETURN);
        }
        if (turn == 6) {
            refused = shown("PIN") && !shown("Operator") && !shown("Light");
            pushText(kPin);
            pushKey(SDLK_RETURN);
        }
        if (turn == 9) {
            unlocked = shown("Operator") && !shown("PIN");
            pushKey(SDLK_q, KMOD_LCTRL);  // the operator's keyboard may quit
        }
        if (turn == 40) std::raise(SIGTERM);  // a hang would fail here, not stall
    };
    EXPECT_EQ(runKiosk(writeKioskConfig("pin"), hooks), 0);
    EXPECT_TRUE(padOpened);
    EXPECT_TRUE(refused);
    EXPECT_TRUE(unlocked);
    EXPECT_LT(lastTurn, 40);
    const std::string text = kioskLog("pin");
    EXPECT_NE(text.find("wrong operator PIN"), std::string::npos) << text;
    EXPECT_NE(text.find("operator panel opened"), std::string::npos) << text;
}

TEST(KioskViewer, IdleCountsDownThenPlaysTheFirstSiteWithTheInvitation) {
    double now = 1000.0;
    bool countdown = false, attract = false, touchedBack = false;
    ViewerHooks hooks;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        if (turn == 2) now += 112.0;  // 8 s left of 120
        // Every frame of the countdown shows it, a second more each turn.
        if (turn >= 4 && turn < 8) {
            countdown = (turn == 4 || countdown) && shown("Countdown") && !shown("Attract");
            now += 1.0;
        }
        if (turn == 8) now += 10.0;
        if (turn == 10) {
            attract = shown("Attract");
            SDL_Event down{};
            down.type = SDL_MOUSEBUTTONDOWN;
            down.button.button = SDL_BUTTON_LEFT;
            down.button.x = 400;
            down.button.y = 400;
            push(down);
        }
        if (turn == 13) {
            touchedBack = !shown("Attract") && !shown("Countdown");
            std::raise(SIGTERM);
        }
    };
    EXPECT_EQ(runKiosk(writeKioskConfig("idle"), hooks), 0);
    EXPECT_TRUE(countdown);
    EXPECT_TRUE(attract);
    EXPECT_TRUE(touchedBack);
}

// On a PC too slow for the budget, the attract loop falls to lighter tiers,
// and the log says each step and that a view at rest will not move.
TEST(KioskViewer, ItsLogSaysHowThePcHoldsTheFrameBudget) {
    setenv("FRICHE_FRAME_BUDGET_MS", "0.01", 1);
    double now = 1000.0;
    ViewerHooks hooks;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        now += turn == 2 ? 130.0 : 0.1;  // idle: the attract loop plays the story
        if (turn == 30) std::raise(SIGTERM);
    };
    EXPECT_EQ(runKiosk(writeKioskConfig("budget"), hooks), 0);
    unsetenv("FRICHE_FRAME_BUDGET_MS");
    const std::string text = kioskLog("budget");
    EXPECT_NE(text.find("quality: 50 %, 1 sample smoothed, no occlusion, for a 0.01 ms budget"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("quality: the lightest tier misses the 0.01 ms budget; a view at rest is "
                        "drawn once"),
              std::string::npos)
        << text;
}

// What a kiosk too slow for its frame budget drew for taps given between two
// frames of its view at rest, until it rested again.
struct AtRest {
    bool rested = false;      // before the taps and after them
    int framesForTaps = -1;   // drawn from the taps to the rest after them
    bool listBefore = false;  // the site picker's list, shown before the taps
    bool listAfter = false;   // and after them
};

// The kiosk `name` on Seraing then Droixhe, left at rest, then `taps`
// (SDL events pushed in one turn, which the loop reads in one batch).
AtRest tapAtRest(const std::string& name, const std::function<void()>& taps) {
    setenv("FRICHE_FRAME_BUDGET_MS", "0.01", 1);
    constexpr int kQuietTurns = 3;  // turns without a frame: the view rests
    int drawn = 0, lastDrawn = 0, quietSince = 0, tapTurn = -1, drawnAtTap = 0;
    AtRest seen;
    ViewerHooks hooks;
    hooks.frameDrawn = [&](const friche::render::QualityTier&, bool) { ++drawn; };
    hooks.beforeTurn = [&](int turn) {
        if (drawn != lastDrawn) {
            lastDrawn = drawn;
            quietSince = turn;
        }
        const bool resting = turn - quietSince == kQuietTurns;
        if (tapTurn < 0 && resting) {
            seen.listBefore = friche::test::sitePickerList() != nullptr;
            taps();
            tapTurn = turn;
            drawnAtTap = drawn;
        } else if (tapTurn >= 0 && resting && turn > tapTurn) {
            seen.listAfter = friche::test::sitePickerList() != nullptr;
            seen.framesForTaps = drawn - drawnAtTap;
            seen.rested = true;
            std::raise(SIGTERM);
        }
        if (turn == 400) std::raise(SIGTERM);  // a view that never rests fails here
    };
    EXPECT_EQ(runKiosk(writeKioskConfig(name), hooks), 0);
    unsetenv("FRICHE_FRAME_BUDGET_MS");
    return seen;
}

// On such a PC a view at rest is drawn once, and a tap is over before the
// next frame begins: that tap on the site picker still shows its list, which
// ImGui hides in the frame that opens it; then the view rests again.
TEST(KioskViewer, ATapBetweenTwoFramesOfAViewAtRestShowsTheSitePickersList) {
    const AtRest seen =
        tapAtRest("tap-at-rest", [] { friche::test::tap(friche::test::sitePicker()); });
    ASSERT_TRUE(seen.rested);
    EXPECT_FALSE(seen.listBefore);
    EXPECT_TRUE(seen.listAfter) << seen.framesForTaps << " frame(s) drawn for the tap";
    // The press's frame, the release's (which opens the list, hidden), the one
    // that shows it; and one more, sharp, where the tier had fallen.
    EXPECT_GE(seen.framesForTaps, 3);
    EXPECT_LE(seen.framesForTaps, 4);
}

// A visitor quicker than two frames: the picker, then the second site on its
// list (where it opens, under the picker), both tapped before the next frame.
// Each press and release reaches the panel in a frame of its own, the row's
// once the list is shown: Droixhe opens.
TEST(KioskViewer, TwoTapsBetweenTwoFramesOpenThePickerAndPickASite) {
    const AtRest seen = tapAtRest("two-taps-at-rest", [] {
        const glm::vec2 picker = friche::test::sitePicker();
        const glm::vec2 row = friche::test::sitePickerRow(1);
        for (const glm::vec2 at : {picker, row}) {
            friche::test::pushMotion(static_cast<int>(at.x), static_cast<int>(at.y));
            friche::test::tap(at);
        }
    });
    ASSERT_TRUE(seen.rested);
    EXPECT_FALSE(seen.listAfter);
    const std::string log = kioskLog("two-taps-at-rest");
    EXPECT_NE(log.find("site droixhe.json"), std::string::npos) << log;
}

}  // namespace
