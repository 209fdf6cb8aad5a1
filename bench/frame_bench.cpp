// Frame time of the renderer at 1920x1080 on the generated big.glb (about a
// million triangles over a thousand nodes): the whole frame (shadow cascades,
// sky, ground, model, post pass), with the draw calls it took. Not a test.
//
//   build/bench/friche_frame_bench [MODEL.glb] [FRAMES]   (defaults: big.glb, 20)
//
// Headless (SDL's offscreen driver), so on Mesa llvmpipe the figures are the
// CPU rasteriser's: good for ratios between versions, not for a real GPU.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

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

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : FRICHE_BIG_GLB;
    const int frames = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
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
    std::printf("%s: %zu nodes, %zu triangles, %dx%d, %s\n", path.c_str(), stats.nodes,
                stats.triangles, kWidth, kHeight, gfx::describeContext().c_str());
    for (const bool shadows : {true, false}) {
        std::vector<double> ms;
        for (int i = 0; i <= frames; ++i) {
            camera.orbit(0.01f, 0.0f);  // a moving camera: no frame is the same as the last
            const scene::CameraView eye =
                scene::orbitView(scene::withDepthRange(camera, bounds), kAspect);
            render::ViewParams view;
            view.view = eye.view;
            view.projection = eye.projection;
            view.eye = eye.eye;
            view.viewport = {0, 0, kWidth, kHeight};
            view.scene = loaded.model.defaultScene;
            view.lighting.shadows = shadows;
            target->bind();
            const auto start = std::chrono::steady_clock::now();
            renderer->draw(*gpu, view);
            glFinish();
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - start;
            if (i > 0) ms.push_back(took.count());  // the first frame compiles and bakes
        }
        const render::FrameStats& f = renderer->stats();
        std::printf(
            "%s: median %.1f ms, best %.1f ms over %d frames; draw calls %d + %d in the shadow "
            "cascades\n",
            shadows ? "with shadows   " : "without shadows", median(ms),
            *std::min_element(ms.begin(), ms.end()), frames, f.drawCalls, f.shadowDrawCalls);
    }
    return 0;
}
