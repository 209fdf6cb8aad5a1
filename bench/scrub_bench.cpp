// Scrubbing the timeline: a scenario's story drawn at 1920x1080 while a hand
// drags its position from the first phase to the last and back, each frame a
// step further, as the viewer draws it (site, landscape, transitions). What a
// user feels is the worst frame, not the median: a hitch where a phase begins
// (a program compiled, a texture made) shows as a stutter. Not a test.
//
//   build/bench/friche_scrub_bench [SCENARIO.json...] [--steps N] [--cold]
//   (defaults: the five seed sites, 48 steps each way)
//
// After the first frame the transitions are warmed (render::warmStory), as
// the viewer does; --cold leaves them to the frame that first needs them.
//
// Prints, per scenario, the median and the worst frame, their ratio (issue
// 14's target: at most 1.5) and the position of the worst. The first frame,
// which compiles and bakes everything a still needs, is not counted.
//
// Headless (SDL's offscreen driver): on Mesa llvmpipe the figures are the CPU
// rasteriser's.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/story_input.h"
#include "render/story_frame.h"

using namespace friche;

namespace {

constexpr int kWidth = 1920, kHeight = 1080;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// 1 when a scenario cannot be drawn (said why).
int scrub(const std::string& path, int steps, bool warm) {
    std::string error;
    auto loaded = app::loadStory(path, error);
    if (!loaded || !app::loadSite(*loaded, path, error)) {
        std::fprintf(stderr, "scrub_bench: %s\n", error.c_str());
        return 1;
    }
    scene::Story& story = loaded->story();
    auto gl = app::HeadlessGl::open(loaded->site.model, kWidth, kHeight, path);
    if (!gl) return 1;
    render::ViewParams look;
    app::lightAtSite(look.lighting, &story.scenario().site);
    const double end = story.timeline().end();
    std::vector<double> ms, at;
    double warmMs = 0.0;
    for (int i = 0; i <= 2 * steps; ++i) {
        const double t = (i <= steps ? i : 2 * steps - i) * end / steps;
        story.timeline().setPosition(t);
        gl->target->bind();
        const auto start = std::chrono::steady_clock::now();
        render::drawStory(*gl->renderer, *gl->gpu, story, kWidth, kHeight, look);
        glFinish();
        const std::chrono::duration<double, std::milli> took =
            std::chrono::steady_clock::now() - start;
        if (i == 0) {
            if (warm) {  // as the viewer does after its first frame
                const auto warmStart = std::chrono::steady_clock::now();
                render::warmStory(*gl->renderer, *gl->gpu, story, kWidth, kHeight, look);
                glFinish();
                warmMs = std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - warmStart)
                             .count();
            }
            continue;
        }
        ms.push_back(took.count());
        at.push_back(t);
    }
    const auto worst = std::max_element(ms.begin(), ms.end());
    const double m = median(ms);
    std::printf(
        "%s: %zu frames over %d phases: median %.1f ms, worst %.1f ms at position %.2f, "
        "ratio %.2f (target <= 1.5); %s\n",
        path.c_str(), ms.size(), story.timeline().phaseCount(), m, *worst,
        at[static_cast<std::size_t>(worst - ms.begin())], *worst / m,
        warm ? ("transitions warmed in " + std::to_string(static_cast<int>(warmMs)) + " ms").c_str()
             : "not warmed (--cold)");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths;
    int steps = 48;
    bool warm = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--steps" && i + 1 < argc)
            steps = std::max(1, std::atoi(argv[++i]));
        else if (a == "--cold")
            warm = false;
        else
            paths.push_back(a);
    }
    if (paths.empty())
        for (const char* site :
             {"seraing", "cite-miroir", "droixhe", "liege-smart-city", "differdange"})
            paths.push_back(std::string(FRICHE_SOURCE_DIR) + "/scenes/" + site + ".json");
    int failed = 0;
    for (const std::string& path : paths) failed |= scrub(path, steps, warm);
    return failed;
}
