// The viewer's Viewpoints panel in the viewer's own loop (SDL's offscreen
// driver, a stepped clock): a viewpoint saved, the camera moved away, a flight
// back to it, and a still at each step through the panel's Still request;
// then the viewpoints exported into the scenario, and `friche render --view`
// of that copy showing what the viewer showed.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/render_command.h"
#include "app/viewer.h"
#include "support/png.h"
#include "support/sdl_keys.h"

namespace {

namespace fs = std::filesystem;
using friche::test::Png;
using friche::test::pushKey;
using friche::test::readPng;

// Mean absolute difference per channel, 0..255 (255 when the sizes differ).
double meanDifference(const Png& a, const Png& b) {
    if (a.rgb.size() != b.rgb.size() || a.rgb.empty()) return 255.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < a.rgb.size(); ++i) sum += std::abs(a.rgb[i] - b.rgb[i]);
    return sum / static_cast<double>(a.rgb.size());
}

// Any event draws a frame; this one means nothing to the viewer.
void pushWake() {
    SDL_Event e{};
    e.type = SDL_USEREVENT;
    SDL_PushEvent(&e);
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST(ViewpointsViewer, SaveFlyBackAndStills) {
    const fs::path folder = fs::path(FRICHE_TEST_OUT) / "viewpoints-viewer";
    fs::remove_all(folder);
    fs::create_directories(folder);
    setenv("XDG_CONFIG_HOME", (folder / "config").c_str(), 1);
    setenv("FRICHE_IDLE_SECONDS", "0", 1);

    // Each step happens once the one before it has been seen done.
    enum Step { Save, MoveAway, StillAway, FlyBack, StillBack, BadStill, Report, Done };
    int step = Save, frame = 0, flightFrames = 0;
    std::vector<std::string> statuses;
    const auto still = [&](friche::ui::ViewpointsPanel& panel, friche::ui::ViewpointsRequest& asked,
                           const char* name) {
        panel.width = 320;
        panel.height = 180;
        panel.setFile((folder / name).string());
        asked.still = true;
    };
    double now = 0.0;
    friche::app::ViewerHooks hooks;
    hooks.windowSize = friche::test::kSmallWindow;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        now += 0.5;  // as fast as the viewer's motion goes (ScenarioSession's longest frame)
        if (step == MoveAway) {
            pushKey(SDLK_f);  // frame the whole site: away from the saved camera
            step = StillAway;
        }
        if (step == Done || turn > 400) {
            SDL_Event quit{};
            quit.type = SDL_QUIT;
            SDL_PushEvent(&quit);
        }
        pushWake();
    };
    hooks.viewpoints = [&](friche::ui::ViewpointsPanel& panel,
                           friche::ui::ViewpointsRequest& asked) {
        if (!panel.status.empty() && (statuses.empty() || statuses.back() != panel.status))
            statuses.push_back(panel.status);
        if (step == Report) step = Done;  // the last still's status recorded above
        if (++frame < 3) return;          // the start view settled
        if (step == Save && frame == 3) {
            asked.save = "Côté Meuse — Übersicht";
            still(panel, asked, "saved.png");
            step = MoveAway;
        } else if (step == StillAway && frame > 5) {
            still(panel, asked, "away.png");
            step = FlyBack;
        } else if (step == FlyBack) {
            asked.flyTo = 0;
            asked.exportViews = true;
            step = StillBack;
        } else if (step == StillBack && ++flightFrames > 5) {  // 2.5 s: the flight (1.6 s) is over
            still(panel, asked, "back.png");
            step = BadStill;
        } else if (step == BadStill) {
            still(panel, asked, "back.png/cannot.png");  // a file is in the way of that folder
            step = Report;
        }
    };
    // A copy of the scenario, so that the export lands beside it (its model is
    // found in the build's assets/ beside the test, as beside friche).
    const fs::path scenario = folder / "seraing.json";
    fs::copy_file(fs::path(FRICHE_SOURCE_DIR) / "scenes" / "seraing.json", scenario);
    friche::app::ViewerCommand cmd;
    cmd.path = scenario.string();
    EXPECT_EQ(friche::app::runViewer(cmd, hooks), 0);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("FRICHE_IDLE_SECONDS");
    ASSERT_EQ(step, Done);

    // The viewpoint is in the user's config folder, under the name as typed.
    const fs::path saved = folder / "config" / "friche" / "viewpoints" / "seraing.json";
    ASSERT_TRUE(fs::exists(saved));
    EXPECT_NE(readText(saved).find("Côté Meuse — Übersicht"), std::string::npos);
    EXPECT_NE(readText(saved).find("\"cote-meuse-ubersicht\""), std::string::npos);

    const Png atSave = readPng(folder / "saved.png"), away = readPng(folder / "away.png"),
              back = readPng(folder / "back.png");
    EXPECT_EQ(atSave.width, 320);
    EXPECT_EQ(atSave.height, 180);
    // Framing the whole site moved the camera; the flight brought it back.
    EXPECT_GT(meanDifference(atSave, away), 2.0);
    EXPECT_LT(meanDifference(atSave, back), 0.5);
    // The panel said where each still went.
    std::string said;
    for (const std::string& s : statuses) said += s + "\n";
    EXPECT_NE(said.find((folder / "back.png").string()), std::string::npos) << said;
    EXPECT_NE(said.find((folder / "seraing-views.json").string()), std::string::npos) << said;
    EXPECT_NE(said.find("Échec : cannot create " + (folder / "back.png").string()),
              std::string::npos)
        << said;
    EXPECT_FALSE(fs::exists(folder / "back.png" / "cannot.png"));

    // The exported scenario's view, rendered from the command line, is the viewer's still.
    friche::app::RenderCommand render;
    render.path = (folder / "seraing-views.json").string();
    render.output = (folder / "render.png").string();
    render.width = 320;
    render.height = 180;
    render.view = "cote-meuse-ubersicht";
    ASSERT_EQ(friche::app::runRender(render), 0);
    EXPECT_LT(meanDifference(atSave, readPng(folder / "render.png")), 0.5);
}
