// An architect's proposal dropped on the viewer's window, in the viewer's own
// loop (SDL's offscreen driver, a stepped clock): a still before the drop and
// one after it (through the Viewpoints panel's Still request) differ where the
// dropped hall stands, under the point the camera looks at, and nowhere else.
#include <gtest/gtest.h>

#include <SDL.h>
#include <stb_image.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/viewer.h"

namespace {

namespace fs = std::filesystem;

struct Png {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

Png readPng(const fs::path& path) {
    Png png;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &png.width, &png.height, &channels, 3);
    if (!data) return png;
    png.rgb.assign(data, data + static_cast<std::size_t>(png.width) * png.height * 3);
    stbi_image_free(data);
    return png;
}

// A 40 x 20 x 30 m red box standing on its origin, as a glTF with its buffer beside it.
fs::path writeHall(const fs::path& folder) {
    std::vector<float> v;
    for (int i = 0; i < 8; ++i)
        v.insert(v.end(),
                 {(i & 1) ? 20.0f : -20.0f, (i & 2) ? 20.0f : 0.0f, (i & 4) ? 15.0f : -15.0f});
    const std::vector<std::uint16_t> idx = {0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4,
                                            2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5};
    std::string bytes(v.size() * 4 + idx.size() * 2, '\0');
    std::memcpy(bytes.data(), v.data(), v.size() * 4);
    std::memcpy(bytes.data() + v.size() * 4, idx.data(), idx.size() * 2);
    std::ofstream(folder / "hall.bin", std::ios::binary) << bytes;
    const nlohmann::json gltf = {
        {"asset", {{"version", "2.0"}}},
        {"scene", 0},
        {"scenes", {{{"nodes", {0}}}}},
        {"nodes", {{{"mesh", 0}}}},
        {"materials", {{{"pbrMetallicRoughness", {{"baseColorFactor", {0.9, 0.1, 0.1, 1.0}}}}}}},
        {"meshes",
         {{{"primitives",
            {{{"attributes", {{"POSITION", 0}}}, {"indices", 1}, {"material", 0}}}}}}},
        {"accessors",
         {{{"bufferView", 0},
           {"componentType", 5126},
           {"count", 8},
           {"type", "VEC3"},
           {"min", {-20, 0, -15}},
           {"max", {20, 20, 15}}},
          {{"bufferView", 1}, {"componentType", 5123}, {"count", 36}, {"type", "SCALAR"}}}},
        {"bufferViews",
         {{{"buffer", 0}, {"byteLength", v.size() * 4}},
          {{"buffer", 0}, {"byteOffset", v.size() * 4}, {"byteLength", idx.size() * 2}}}},
        {"buffers", {{{"uri", "hall.bin"}, {"byteLength", bytes.size()}}}},
    };
    std::ofstream(folder / "hall.gltf") << gltf.dump();
    return folder / "hall.gltf";
}

// The viewer takes the dropped path and frees it with SDL_free.
void pushDrop(const fs::path& file) {
    SDL_Event e{};
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(file.c_str());
    e.drop.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    SDL_PushEvent(&e);
}

}  // namespace

TEST(ReviewViewer, ADroppedModelStandsUnderWhereTheCameraLooks) {
    const fs::path folder = fs::path(FRICHE_TEST_OUT) / "review-viewer";
    fs::remove_all(folder);
    fs::create_directories(folder);
    const fs::path hall = writeHall(folder);
    setenv("XDG_CONFIG_HOME", (folder / "config").c_str(), 1);
    setenv("FRICHE_IDLE_SECONDS", "0", 1);
    setenv("FRICHE_ENV", "overcast", 1);  // no cast shadows: what changes is the hall

    enum Step { Before, Drop, After, Done };
    int step = Before, frame = 0;
    double now = 0.0;
    friche::app::ViewerHooks hooks;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        now += 0.5;
        if (step == Drop) {
            pushDrop(hall);
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
    ASSERT_EQ(step, Done);

    const Png before = readPng(folder / "before.png"), after = readPng(folder / "after.png");
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
