// Scrubbing the timeline: a scenario's story drawn at 1920x1080 (or --size) while a hand
// drags its position from the first phase to the last and back, each frame a
// step further, as the viewer draws it (site, landscape, transitions). What a
// user feels is the worst frame, not the median: a hitch where a phase begins
// (a program compiled, a texture made) shows as a stutter. Not a test.
//
//   build/bench/friche_scrub_bench [SCENARIO.json...] [--steps N] [--cold] [--size WxH]
//                                  [--png DIR] [--tier N]
//   (defaults: the five seed sites, 48 steps each way, 1920x1080)
//
// --size 3840x2160 on a real GPU is issue 14's exhibition check: every site,
// every phase and transition, all effects, at 60 frames a second or more
// (the median and the worst frame are printed as rates too). --png DIR
// writes each scenario's frame halfway through the drag, to see that what
// was timed is the site, drawn right, on that machine's driver. --tier N
// draws at render::kQualityTiers[N] (0, the default: full quality), what the
// viewer's governor picks from while the view moves.
//
// After the first frame the transitions are warmed (render::warmStory), as
// the viewer does; --cold leaves them to the frame that first needs them.
//
// Prints, per scenario, the median and the worst frame, their ratio (issue
// 14's target: at most 1.5), the position of the worst, the GPU's median
// time per pass (timer queries), how many frames baked the sky (0: one
// site's sky does not change while its timeline is dragged) and how many
// cascades were kept as the frame before left them (FrameStats::shadowLayersKept). The first frame,
// which compiles and bakes everything a still needs, is not counted. Then the
// story held at its last phase while the clock runs (crowns sway, traffic
// drives), what a visitor or the kiosk sees most of the time: the median
// frame with the cascades' still casters kept aside
// (FrameStats::stillShadowsKept), and with every caster drawn anew.
//
// Headless (SDL's offscreen driver): on Mesa llvmpipe the figures are the CPU
// rasteriser's.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "app/cli.h"
#include "app/huge_pages.h"
#include "app/story_input.h"
#include "render/quality.h"
#include "render/story_frame.h"

using namespace friche;

namespace {

struct Options {
    int steps = 48;
    bool warm = true;
    int width = 1920, height = 1080;
    std::string pngDir;  // empty: no frame written
    std::size_t tier = 0;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// 1 when a scenario cannot be drawn (said why).
int scrub(const std::string& path, const Options& o) {
    const int steps = o.steps;
    std::string error;
    auto loaded = app::loadStory(path, error);
    if (!loaded || !app::loadSite(*loaded, path, error)) {
        std::fprintf(stderr, "scrub_bench: %s\n", error.c_str());
        return 1;
    }
    scene::Story& story = loaded->story();
    auto gl = app::HeadlessGl::open(loaded->site.model, o.width, o.height, path);
    if (!gl) return 1;
    render::ViewParams look;
    app::lightAtSite(look.lighting, &story.scenario().site);
    render::kQualityTiers[o.tier].apply(look);
    const double end = story.timeline().end();
    std::vector<double> ms, at;
    std::array<std::vector<double>, render::kPassCount> passes;
    double warmMs = 0.0;
    int skyBakes = 0;    // frames after the first that baked the sky: each is a hitch
    int layersKept = 0;  // cascades kept from the frame before (FrameStats::shadowLayersKept)
    for (int i = 0; i <= 2 * steps; ++i) {
        const double t = (i <= steps ? i : 2 * steps - i) * end / steps;
        story.timeline().setPosition(t);
        gl->target->bind();
        const auto start = std::chrono::steady_clock::now();
        render::drawStory(*gl->renderer, *gl->gpu, story, o.width, o.height, look);
        glFinish();
        const std::chrono::duration<double, std::milli> took =
            std::chrono::steady_clock::now() - start;
        if (i == steps && !o.pngDir.empty()) {
            const std::string png = o.pngDir + "/" + story.scenario().site.id + ".png";
            if (!app::writePng(png, o.width, o.height, gl->target->readRgb(), error))
                std::fprintf(stderr, "scrub_bench: %s\n", error.c_str());
        }
        if (i == 0) {
            if (o.warm) {  // as the viewer does after its first frame
                const auto warmStart = std::chrono::steady_clock::now();
                render::warmStory(*gl->renderer, *gl->gpu, story, o.width, o.height, look);
                glFinish();
                warmMs = std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - warmStart)
                             .count();
            }
            continue;
        }
        ms.push_back(took.count());
        at.push_back(t);
        if (gl->renderer->stats().skyBaked) ++skyBakes;
        layersKept += gl->renderer->stats().shadowLayersKept;
        const render::PassTimes& gpuTimes = gl->renderer->waitForPassTimes();
        for (std::size_t p = 0; p < render::kPassCount; ++p) passes[p].push_back(gpuTimes.ms[p]);
    }
    const auto worst = std::max_element(ms.begin(), ms.end());
    const double m = median(ms);
    std::printf(
        "%s: %zu frames over %d phases at %dx%d: median %.1f ms (%.0f fps), worst %.1f ms "
        "(%.0f fps) at position %.2f, ratio %.2f (target <= 1.5); %s\n",
        path.c_str(), ms.size(), story.timeline().phaseCount(), o.width, o.height, m, 1000.0 / m,
        *worst, 1000.0 / *worst, at[static_cast<std::size_t>(worst - ms.begin())], *worst / m,
        o.warm
            ? ("transitions warmed in " + std::to_string(static_cast<int>(warmMs)) + " ms").c_str()
            : "not warmed (--cold)");
    std::printf("  GPU per pass (median ms):");
    for (std::size_t p = 0; p < render::kPassCount; ++p)
        std::printf(" %s %.2f", render::passName(static_cast<render::Pass>(p)), median(passes[p]));
    std::printf("; sky baked in %d of the %zu frames; %d cascades kept from the frame before\n",
                skyBakes, ms.size(), layersKept);
    constexpr int kHeldFrames = 12;
    constexpr float kFrameSeconds = 1.0f / 30.0f;
    const auto hold = [&](bool anew) {
        std::vector<double> held;
        int stillKept = 0;
        for (int i = 0; i < kHeldFrames; ++i) {
            look.time = static_cast<float>(i) * kFrameSeconds;
            gl->target->bind();
            if (anew) gl->renderer->forgetShadows();
            const auto start = std::chrono::steady_clock::now();
            render::drawStory(*gl->renderer, *gl->gpu, story, o.width, o.height, look);
            glFinish();
            held.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
            stillKept += gl->renderer->stats().stillShadowsKept ? 1 : 0;
        }
        return std::pair(median(held), stillKept);
    };
    const auto [keptMs, stillKept] = hold(false);
    const double anewMs = hold(true).first;
    std::printf(
        "  held at the last phase, the clock running: median %.1f ms (%.0f fps), the still "
        "casters kept in %d of %d frames; drawn anew %.1f ms (%.0f fps), ratio %.2f\n",
        keptMs, 1000.0 / keptMs, stillKept, kHeldFrames, anewMs, 1000.0 / anewMs, keptMs / anewMs);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    app::startWithHugePages(argv);  // as `friche` runs
    std::vector<std::string> paths;
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--steps" && i + 1 < argc) {
            o.steps = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--cold") {
            o.warm = false;
        } else if (a == "--tier" && i + 1 < argc) {
            o.tier = std::min<std::size_t>(std::strtoul(argv[++i], nullptr, 10),
                                           render::kQualityTiers.size() - 1);
        } else if (a == "--png" && i + 1 < argc) {
            o.pngDir = argv[++i];
        } else if (a == "--size" && i + 1 < argc) {
            const auto size = app::parseSize(argv[++i]);
            if (!size) {
                std::fprintf(stderr, "scrub_bench: --size wants WxH, as 3840x2160\n");
                return 1;
            }
            std::tie(o.width, o.height) = *size;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty())
        for (const char* site :
             {"seraing", "cite-miroir", "droixhe", "liege-smart-city", "differdange"})
            paths.push_back(std::string(FRICHE_SOURCE_DIR) + "/scenes/" + site + ".json");
    int failed = 0;
    for (const std::string& path : paths) failed |= scrub(path, o);
    return failed;
}
