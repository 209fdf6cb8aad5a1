// An architect's proposal dropped on the viewer's window, in the viewer's own
// loop (SDL's offscreen driver, a stepped clock): a still before the drop and
// one after it (through the Viewpoints panel's Still request) differ where the
// dropped hall stands, under the point the camera looks at, and nowhere else.
#include <gtest/gtest.h>

#include <SDL.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "app/viewer.h"
#include "support/box_gltf.h"
#include "support/png.h"
#include "support/sdl_keys.h"
#include "support/test_files.h"

namespace {

namespace fs = std::filesystem;

// The viewer takes the dropped path and frees it with SDL_free.
void pushDrop(const fs::path& file) {
    SDL_Event e{};
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(file.c_str());
    e.drop.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    SDL_PushEvent(&e);
}

// Runs the viewer on Seraing under an overcast sky (no cast shadows: what
// changes is what was dropped), takes a still, drops `file`, takes another:
// the two stills, before and after. The site's clock stands still: its
// traffic, walkers and crowns move with it, and the stills are to differ by
// the drop alone (with the clock running, a few far pixels moved by a level).
std::pair<friche::test::Png, friche::test::Png> dropBetweenStills(const fs::path& folder,
                                                                  const fs::path& file) {
    setenv("XDG_CONFIG_HOME", (folder / "config").c_str(), 1);
    setenv("FRICHE_IDLE_SECONDS", "0", 1);
    setenv("FRICHE_ENV", "overcast", 1);
    enum Step { Before, Drop, After, Done };
    int step = Before, frame = 0;
    friche::app::ViewerHooks hooks;
    hooks.windowSize = friche::test::kSmallWindow;
    hooks.clock = [] { return 0.0; };
    hooks.beforeTurn = [&](int turn) {
        if (step == Drop) {
            pushDrop(file);
            step = After;
            frame = 0;
        }
        if (step == Done || turn > 200) {
            SDL_Event quit{};
            quit.type = SDL_QUIT;
            SDL_PushEvent(&quit);
        }
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        SDL_PushEvent(&wake);
    };
    hooks.viewpoints = [&](friche::ui::ViewpointsPanel& panel,
                           friche::ui::ViewpointsRequest& asked) {
        if (++frame < 3) return;  // settled
        const auto still = [&](const char* name) {
            panel.width = 320;
            panel.height = 180;
            panel.setFile((folder / name).string());
            asked.still = true;
        };
        if (step == Before) {
            still("before.png");
            step = Drop;
        } else if (step == After) {
            still("after.png");
            step = Done;
        }
    };
    friche::app::ViewerCommand cmd;
    cmd.path = (fs::path(FRICHE_SOURCE_DIR) / "scenes" / "seraing.json").string();
    EXPECT_EQ(friche::app::runViewer(cmd, hooks), 0);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("FRICHE_IDLE_SECONDS");
    unsetenv("FRICHE_ENV");
    EXPECT_EQ(step, Done);
    return {friche::test::readPng(folder / "before.png"),
            friche::test::readPng(folder / "after.png")};
}

}  // namespace

TEST(ReviewViewer, ADroppedModelStandsUnderWhereTheCameraLooks) {
    const fs::path folder = friche::test::freshDir();
    const fs::path hall = friche::test::writeBoxGltf(folder, "hall", 40.0f, 20.0f, 30.0f);
    const auto [before, after] = dropBetweenStills(folder, hall);
    ASSERT_EQ(before.width, 320);
    ASSERT_EQ(after.width, 320);
    // Where the two stills differ: one patch around the middle of the view,
    // where the camera looks (the drop's place), reddish.
    int x0 = 320, y0 = 180, x1 = 0, y1 = 0, count = 0;
    double red = 0.0;
    for (int y = 0; y < 180; ++y)
        for (int x = 0; x < 320; ++x) {
            const std::size_t i = (static_cast<std::size_t>(y) * 320 + x) * 3;
            int d = 0;
            for (int c = 0; c < 3; ++c)
                d = std::max(d, std::abs(before.rgb[i + c] - after.rgb[i + c]));
            if (d <= 8) continue;
            ++count;
            red += after.rgb[i] - (after.rgb[i + 1] + after.rgb[i + 2]) / 2.0;
            x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x + 1),
            y1 = std::max(y1, y + 1);
        }
    EXPECT_GT(count, 30);
    EXPECT_LT(x1 - x0, 80);
    EXPECT_LT(y1 - y0, 80);
    EXPECT_NEAR((x0 + x1) / 2.0, 160.0, 40.0);
    EXPECT_NEAR((y0 + y1) / 2.0, 90.0, 40.0);
    EXPECT_GT(red / std::max(count, 1), 20.0);
}

TEST(ReviewViewer, ABrokenFileDroppedChangesNothing) {
    const fs::path folder = friche::test::freshDir();
    const fs::path broken = folder / "hall.glb";
    std::ofstream(broken, std::ios::binary) << "glTF, but not really";
    const auto [before, after] = dropBetweenStills(folder, broken);
    ASSERT_EQ(before.width, 320);
    EXPECT_EQ(before.rgb, after.rgb);
}
