// Frame time of the renderer at 1920x1080 on the generated big.glb (about a
// million triangles over a thousand nodes): the whole frame (shadow cascades,
// sky, ground, model, post pass), with the draw calls it took and the GPU's
// time per pass (timer queries). Not a test.
//
//   build/bench/friche_frame_bench [MODEL.glb] [FRAMES] [--site [--town|--city]]
//                                  [--race ENTRY,ENTRY...] [--rounds N]
//                                  (defaults: big.glb, 20; 5 rounds)
//
// --site: as a scenario's site is drawn (landscape, clouds, aerial
// perspective, ambient occlusion) rather than a bare model's plain ground.
// --town, --city: and the landscape around it a town's or a city's (a
// scenario's "setting").
// The first line that reads `median N ms` is the steady frame with shadows;
// the camera orbits, and where the sun's cascades fit the model rather than
// the view (a model framed whole) the renderer keeps them from frame to frame
// (FrameStats::shadowsKept), or those of its cascades that stay on their grid
// (FrameStats::shadowLayersKept). The second is the same frame with the cascades
// drawn anew each time, as an engine that does not keep them draws it. Then
// the view held while the clock runs (a site's crowns sway, its traffic
// drives), as a visitor or the kiosk holds it: with what stays put kept
// aside in the cascades (FrameStats::stillShadowsKept), and drawn anew. Last,
// held while the sun moves, as the Sun panel's sweep moves it: the sky, the
// cascades and a town's or a city's shadows follow it every frame.
//
// --race: shader variants, or the depth pre-pass, raced in one process. Each
// ENTRY is a shader folder (as FRICHE_SHADER_DIR: "-" for the built-in
// shaders), with "@prepass" or "@noprepass" to force the depth pre-pass
// (Renderer::setDepthPrepass; else as the renderer chose) and "@noranges" to
// draw without the shadow layers' ranges (Renderer::setShadowRanges). The programs are
// reloaded from each entry in turn, FRAMES frames each (the first, which
// compiles, not counted) over the same moving view, for N rounds; then each
// entry's median, first quartile and best frame. On a machine whose speed
// drifts by a tenth from one run to the next (this VM), separate runs cannot
// tell a 3 % change; alternating within one run can (two entries of the same
// folder agree within 0.3 ms of median).
//
// Headless (SDL's offscreen driver), so on Mesa llvmpipe the figures are the
// CPU rasteriser's: good for ratios between versions, not for a real GPU.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/huge_pages.h"
#include "app/platform.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "scene/depth_range.h"
#include "scene/draw_list.h"
#include "scene/view_state.h"

using namespace friche;

namespace {

constexpr int kWidth = 1920, kHeight = 1080;
constexpr float kAspect = static_cast<float>(kWidth) / kHeight;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The value after `flag` in `args`, both taken out; empty if the flag is absent.
std::string takeValue(std::vector<std::string>& args, const char* flag) {
    const auto found = std::find(args.begin(), args.end(), flag);
    if (found == args.end() || found + 1 == args.end()) return {};
    std::string value = *(found + 1);
    args.erase(found, found + 2);
    return value;
}

// One entry of --race: a shader folder ("-": the built-in shaders) and, each
// after an '@', whether frames lay depth first and whether the shadow layers'
// ranges are summed up (Renderer::setShadowRanges).
struct Racer {
    std::string entry, folder;
    std::optional<bool> prepass;
    bool ranges = true;
};

std::optional<Racer> racer(const std::string& entry) {
    std::istringstream parts(entry);
    Racer r{.entry = entry, .folder = {}, .prepass = std::nullopt};
    std::getline(parts, r.folder, '@');
    for (std::string what; std::getline(parts, what, '@');) {
        if (what == "prepass" || what == "noprepass")
            r.prepass = what == "prepass";
        else if (what == "ranges" || what == "noranges")
            r.ranges = what == "ranges";
        else
            return std::nullopt;
    }
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    app::startWithHugePages(argv);  // as `friche` runs
    std::vector<std::string> args(argv + 1, argv + argc);
    const auto site = std::find(args.begin(), args.end(), "--site");
    const bool asSite = site != args.end();
    if (asSite) args.erase(site);
    scene::Setting setting = scene::Setting::Country;
    for (const auto& [flag, value] :
         {std::pair{"--town", scene::Setting::Town}, std::pair{"--city", scene::Setting::City}}) {
        const auto found = std::find(args.begin(), args.end(), flag);
        if (found == args.end()) continue;
        setting = value;
        args.erase(found);
    }
    std::vector<Racer> racers;
    std::istringstream raced(takeValue(args, "--race"));
    for (std::string entry; std::getline(raced, entry, ',');) {
        const auto r = racer(entry);
        if (!r) {
            std::fprintf(stderr,
                         "frame_bench: --race %s: after '@', prepass, noprepass, ranges or "
                         "noranges\n",
                         entry.c_str());
            return 1;
        }
        racers.push_back(*r);
    }
    const std::string roundsText = takeValue(args, "--rounds");
    const int rounds = roundsText.empty() ? 5 : std::max(1, std::atoi(roundsText.c_str()));
    const std::string path = !args.empty() ? args[0] : FRICHE_BIG_GLB;
    const int frames = args.size() > 1 ? std::max(1, std::atoi(args[1].c_str())) : 20;
    const io::LoadResult loaded = io::loadModel(path);
    if (!loaded.ok()) {
        std::fprintf(stderr, "frame_bench: cannot load %s\n", path.c_str());
        return 1;
    }
    core::Problems problems;
    auto platform = app::Platform::open({.title = "frame bench", .headless = true}, problems);
    auto renderer = platform ? render::Renderer::create(problems) : nullptr;
    auto target =
        renderer ? render::OffscreenTarget::create(kWidth, kHeight, problems) : std::nullopt;
    if (!target) {
        for (const auto& p : problems.list()) std::fprintf(stderr, "%s\n", p.message.c_str());
        return 1;
    }
    auto gpu = renderer->upload(loaded.model, problems);
    const auto items = scene::buildDrawList(loaded.model, loaded.model.defaultScene);
    scene::OrbitCamera camera;
    const scene::Bounds bounds = scene::worldBounds(loaded.model, items);
    camera.frame(bounds, kAspect);
    const scene::Stats stats = scene::computeStats(loaded.model, items);
    std::printf("%s: %zu nodes, %zu triangles, %dx%d, %s%s\n", path.c_str(), stats.nodes,
                stats.triangles, kWidth, kHeight, gfx::describeContext().c_str(),
                app::runsWithHugePages() ? ", malloc's huge pages" : "");
    // The orbit camera's view now, lit as a bare model's or (--site) a site's.
    const auto viewNow = [&] {
        const scene::CameraView eye =
            scene::orbitView(scene::withDepthRange(camera, bounds), kAspect);
        render::ViewParams view;
        view.view = eye.view;
        view.projection = eye.projection;
        view.eye = eye.eye;
        view.viewport = {0, 0, kWidth, kHeight};
        view.scene = loaded.model.defaultScene;
        view.lighting.siteLook(asSite);
        if (asSite) view.lighting.setting = setting;
        return view;
    };
    // Draws `view` into the target and waits for it: the frame's milliseconds.
    const auto timeFrame = [&](const render::ViewParams& view) {
        target->bind();
        const auto start = std::chrono::steady_clock::now();
        renderer->draw(*gpu, view);
        glFinish();
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count();
    };
    if (!racers.empty()) {
        std::vector<std::vector<double>> ms(racers.size());
        for (int round = 0; round < rounds; ++round)
            for (std::size_t r = 0; r < racers.size(); ++r) {
                if (racers[r].folder == "-")
                    unsetenv("FRICHE_SHADER_DIR");
                else
                    setenv("FRICHE_SHADER_DIR", racers[r].folder.c_str(), 1);
                if (!renderer->reloadShaders(problems)) {
                    for (const auto& p : problems.list())
                        std::fprintf(stderr, "%s\n", p.message.c_str());
                    return 1;
                }
                renderer->setDepthPrepass(racers[r].prepass.value_or(!gfx::softwareRasteriser()));
                renderer->setShadowRanges(racers[r].ranges);
                camera.orbit(-0.01f * static_cast<float>(frames + 1), 0.0f);  // the same views
                for (int i = 0; i <= frames; ++i) {
                    camera.orbit(0.01f, 0.0f);
                    const double took = timeFrame(viewNow());
                    if (i > 0) ms[r].push_back(took);  // the first compiles
                }
            }
        for (std::size_t r = 0; r < racers.size(); ++r) {
            std::sort(ms[r].begin(), ms[r].end());
            std::printf(
                "%s: median %.1f ms, first quartile %.1f ms, best %.1f ms over %zu frames\n",
                racers[r].entry.c_str(), median(ms[r]), ms[r][ms[r].size() / 4], ms[r].front(),
                ms[r].size());
        }
        return 0;
    }
    struct Mode {
        const char* name;
        bool shadows, anew, held, sweep = false;
    };
    static constexpr Mode kModes[] = {
        {"with shadows   ", true, false, false},  {"shadows anew   ", true, true, false},
        {"without shadows", false, false, false}, {"held, clock on ", true, false, true},
        {"held, anew     ", true, true, true},    {"sun sweeping   ", true, false, true, true}};
    constexpr float kFrameSeconds = 1.0f / 30.0f;
    for (const Mode& mode : kModes) {
        int kept = 0, stillKept = 0, layersKept = 0;
        std::vector<double> ms;
        std::array<std::vector<double>, render::kPassCount> passes;
        for (int i = 0; i <= frames; ++i) {
            // A moving camera: no frame is the same as the last; or a held one
            // and a running clock.
            if (!mode.held) camera.orbit(0.01f, 0.0f);
            render::ViewParams view = viewNow();
            view.lighting.shadows = mode.shadows;
            if (mode.held) view.time = static_cast<float>(i) * kFrameSeconds;
            // The Sun panel's sweep: the site's clock three minutes on a frame.
            if (mode.sweep) view.lighting.site.hour = 10.0 + 0.05 * i;
            if (mode.anew) renderer->forgetShadows();
            const double took = timeFrame(view);
            if (i == 0) continue;  // the first frame compiles and bakes
            ms.push_back(took);
            kept += renderer->stats().shadowsKept ? 1 : 0;
            stillKept += renderer->stats().stillShadowsKept ? 1 : 0;
            layersKept += renderer->stats().shadowLayersKept;
            const render::PassTimes& t = renderer->waitForPassTimes();
            for (std::size_t p = 0; p < render::kPassCount; ++p) passes[p].push_back(t.ms[p]);
        }
        const render::FrameStats& f = renderer->stats();
        std::printf(
            "%s: median %.1f ms, best %.1f ms over %d frames; draw calls %d + %d in the "
            "shadow cascades; cascades kept in %d frames (%d cascades in all), their still "
            "casters in %d\n",
            mode.name, median(ms), *std::min_element(ms.begin(), ms.end()), frames, f.drawCalls,
            f.shadowDrawCalls, kept, layersKept, stillKept);
        std::printf("  GPU per pass (median ms):");
        for (std::size_t p = 0; p < render::kPassCount; ++p)
            std::printf(" %s %.1f", render::passName(static_cast<render::Pass>(p)),
                        median(passes[p]));
        std::printf("\n");
    }
    return 0;
}
