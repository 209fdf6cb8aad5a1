#include "app/viewer.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/imgui_layer.h"
#include "app/input.h"
#include "app/platform.h"
#include "app/scenario_session.h"
#include "core/file.h"
#include "gfx/gl.h"
#include "io/load.h"
#include "io/scenario_loader.h"
#include "render/gpu_model.h"
#include "render/renderer.h"
#include "render/shader_watch.h"
#include "scene/camera_controller.h"
#include "scene/compare.h"
#include "scene/depth_range.h"
#include "scene/draw_list.h"
#include "scene/view_state.h"
#include "ui/compare_panel.h"
#include "ui/model_panel.h"
#include "ui/render_panel.h"

namespace friche::app {

namespace fs = std::filesystem;

namespace {

// After an event ImGui needs one frame more to show its effect (a hover
// colour, a combo that opened, a window that sized itself to its contents).
constexpr int kFramesAfterEvent = 2;
// With nothing to draw the loop sleeps in SDL_WaitEventTimeout, so an idle
// exhibition screen costs no CPU; the timeout is where idle timers will hook in.
constexpr int kIdleWaitMs = 1000;
// An exhibition screen nobody has touched for this long goes back to its
// first site and plays the story (FRICHE_IDLE_SECONDS; 0 never).
constexpr double kDefaultIdleSeconds = 180.0;

constexpr const char* kNoDisplay =
    "friche: the viewer needs a display, and none was found (no $DISPLAY or $WAYLAND_DISPLAY,\n"
    "or SDL_VIDEODRIVER is offscreen or dummy). Exit status 1.\n"
    "  For a still image without a display:   friche render PATH -o out.png\n"
    "  For the viewer on a virtual display:   xvfb-run -a friche PATH\n";

// What the shown scene holds; recomputed when another scene is picked.
struct SceneSummary {
    int scene = -1;
    scene::Stats stats;
    scene::Bounds bounds;
    std::vector<scene::CameraNode> cameras;
};

// Everything the loop works on. Declaration order is destruction order reversed:
// GPU resources go before the renderer, the renderer and ImGui before the GL context.
struct Viewer {
    fs::path path;
    fs::path startPath;                      // where the viewer opened, for the idle return
    std::optional<ScenarioSession> session;  // when `path` is a scenario
    scene::Model model;
    core::Problems problems;  // loading and uploading; the panel lists the warnings
    std::unique_ptr<Platform> platform;
    std::unique_ptr<ImGuiLayer> ui;
    std::unique_ptr<render::Renderer> renderer;
    std::unique_ptr<render::GpuModel> gpu;
    std::string glContext;
    scene::ViewState view;
    scene::CameraController controller;
    scene::DividerDrag divider;  // compare mode's swipe divider
    SceneSummary summary;
    ui::RenderSettings light;  // sky, sun, look and debug view: the "Light" panel's
    render::ShaderWatch shaderWatch;
    std::string shaderError;  // the last failed reload, shown over the frame
    int framesToDraw = kFramesAfterEvent;
    float frameMs = 0.0f;
    bool quit = false;
};

// What opening a path gives: a model, and the scenario when the path is one.
struct Opened {
    std::optional<ScenarioSession> session;
    scene::Model model;
    core::Problems problems;
};

// Loads a scenario and its models, or a model; prints every problem, and
// nullopt after the error count.
std::optional<Opened> openPath(const fs::path& path) {
    Opened o;
    if (core::lowerExtension(path) == "json") {
        o.session = ScenarioSession::load(path, o.problems);
        if (o.session) {
            io::SiteModelResult r = io::loadSiteModel(o.session->scenario());
            o.problems.append(r.problems);
            if (r.ok()) o.session->attach(r.site);
            o.model = std::move(r.site.model);  // its meshes stay where attach saw them
        }
    } else {
        io::LoadResult r = io::loadModel(path);
        o.problems.append(r.problems);
        o.model = std::move(r.model);
    }
    core::printProblems(path.string(), o.problems);
    if (o.problems.hasErrors()) {
        std::cerr << path.string() << ": " << o.problems.count(core::Severity::Error)
                  << " error(s)\n";
        return std::nullopt;
    }
    return o;
}

void adopt(Viewer& v, Opened&& o) {
    v.session = std::move(o.session);
    v.model = std::move(o.model);
    v.problems = std::move(o.problems);
    v.view.scene = v.model.defaultScene;
}

bool load(Viewer& v) {
    auto opened = openPath(v.path);
    if (!opened) return false;
    adopt(v, std::move(*opened));
    return true;
}

// The GPU has the pixels now; an exhibition PC keeps days of uptime with less memory held.
void releaseImages(Viewer& v) {
    for (scene::Image& image : v.model.images) image.rgba = {};
}

// The window, ImGui, the renderer and the model's GPU copy.
bool open(Viewer& v) {
    core::Problems problems;
    v.platform = Platform::open({.title = "friche — " + v.path.filename().string()}, problems);
    if (v.platform) {
        v.ui = std::make_unique<ImGuiLayer>(*v.platform, problems);
        v.renderer = render::Renderer::create(problems);
    }
    if (v.renderer) v.gpu = v.renderer->upload(v.model, problems);
    core::printProblems(v.path.string(), problems);
    v.problems.append(problems);
    if (!v.gpu) return false;
    v.glContext = gfx::describeContext();
    releaseImages(v);
    return true;
}

void summarise(Viewer& v) {
    const auto items = scene::buildDrawList(v.model, v.view.scene);
    v.summary = {v.view.scene, scene::computeStats(v.model, items),
                 scene::worldBounds(v.model, items), scene::cameraNodes(v.model, v.view.scene)};
}

float drawableAspect(const Viewer& v) {
    int w = 0, h = 0;
    v.platform->drawableSize(w, h);
    return h > 0 ? static_cast<float>(w) / static_cast<float>(h) : 1.0f;
}

glm::vec2 windowSize(const Viewer& v) {
    int w = 0, h = 0;
    SDL_GetWindowSize(v.platform->window(), &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
}

scene::CameraView currentCamera(const Viewer& v, float aspect) {
    for (const scene::CameraNode& c : v.summary.cameras) {
        if (c.node == v.view.gltfCamera) {
            return scene::gltfCameraView(v.model.cameras[static_cast<std::size_t>(c.camera)],
                                         c.world, aspect);
        }
    }
    // Planes fitted to the shown scene from where the camera is now.
    scene::OrbitCamera orbit = v.view.orbit;
    const scene::DepthRange depth =
        scene::fitDepthRange(orbit.eye(), orbit.viewDirection(), v.summary.bounds);
    orbit.nearPlane = depth.nearPlane;
    orbit.farPlane = depth.farPlane;
    return scene::orbitView(orbit, aspect);
}

void frameAll(Viewer& v) {
    v.view.gltfCamera = -1;
    v.view.orbit.frame(v.summary.bounds, drawableAspect(v));
}

void handlePointer(Viewer& v, const scene::PointerEvent& event) {
    // Dragging while looking through a glTF camera starts orbiting from there.
    scene::OrbitCamera camera =
        v.view.gltfCamera >= 0 ? scene::orbitFrom(currentCamera(v, drawableAspect(v)), v.view.orbit)
                               : v.view.orbit;
    const scene::PointerArea area =
        v.session ? scene::pointerArea(v.session->compare(),
                                       scene::pointerPosition(event).value_or(glm::vec2(0.0f)),
                                       windowSize(v))
                  : scene::PointerArea{glm::vec2(0.0f), windowSize(v)};
    v.controller.setViewport(area.size, area.origin);
    switch (v.controller.handle(event, camera)) {
        case scene::ControlResult::Moved:
            v.view.orbit = camera;
            v.view.gltfCamera = -1;
            if (v.session) v.session->cancelFlight();
            break;
        case scene::ControlResult::FrameAll:
            frameAll(v);
            break;
        case scene::ControlResult::None:
            break;
    }
}

void handleKey(Viewer& v, KeyAction action) {
    switch (action) {
        case KeyAction::Quit:
            v.quit = true;
            break;
        case KeyAction::ToggleFullscreen:
            v.view.fullscreen = !v.view.fullscreen;
            break;
        case KeyAction::LeaveFullscreen:
            v.view.fullscreen = false;
            break;
        case KeyAction::FrameAll:
            frameAll(v);
            break;
        case KeyAction::None:
            break;
    }
}

// The interface sees every event first; the camera and keys get what it leaves.
void handleEvent(Viewer& v, const SDL_Event& e) {
    v.framesToDraw = kFramesAfterEvent;
    if (v.session && isUserInput(e)) v.session->userActed();
    if (e.type == SDL_QUIT) v.quit = true;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
        v.controller.cancel();
    const glm::vec2 size = windowSize(v);
    const bool claimed = v.ui->processEvent(e, size);
    // The operator's keys (quit, fullscreen) work whatever ImGui says it has:
    // its keyboard claim can be a frame stale. F is a letter a text field may want.
    const KeyAction key = keyAction(e);
    if (!claimed || key != KeyAction::FrameAll) handleKey(v, key);
    const auto pointer = toPointerEvent(e, size);
    // A held divider follows the pointer over a panel too, and must see its release.
    if (pointer && v.session && (v.divider.active() || !claimed) &&
        v.divider.handle(*pointer, v.session->compare(), size, ui::dividerHitWidth()))
        return;
    if (claimed) return;
    if (pointer) handlePointer(v, *pointer);
}

// Applies what the panel changed in the view state to the rest of the viewer.
void applyViewState(Viewer& v) {
    if (v.view.scene != v.summary.scene) {
        summarise(v);
        frameAll(v);
    }
    if (v.view.fullscreen != v.platform->fullscreen()) {
        v.platform->setFullscreen(v.view.fullscreen);
        v.view.fullscreen = v.platform->fullscreen();  // the window manager may refuse
    }
}

// What every view of a frame shares; the caller adds the looks.
render::ViewParams viewParams(const Viewer& v, const scene::CameraView& camera,
                              const glm::ivec4& viewport) {
    render::ViewParams params;
    params.view = camera.view;
    params.projection = camera.projection;
    params.eye = camera.eye;
    params.viewport = viewport;
    params.scene = v.view.scene;
    params.variant = v.view.variant;
    params.lighting = v.light.lighting;
    params.debugView = v.light.debugView;
    return params;
}

// Compare mode: phase A left, phase B right, through one camera. Swipe draws
// each side alone, through its part of one full-width view; side by side gives
// each half its own view of the same orbit, so dragging either moves both.
void drawCompare(const Viewer& v, int w, int h) {
    const scene::Compare& compare = v.session->compare();
    const bool swipe = compare.mode == scene::CompareMode::Swipe;
    const auto drawPart = [&](int phase, const glm::ivec4& part) {
        if (part.z <= 0 || part.w <= 0) return;
        const glm::ivec4 viewport = swipe ? glm::ivec4(0, 0, w, h) : part;
        const scene::CameraView camera =
            currentCamera(v, static_cast<float>(viewport.z) / static_cast<float>(viewport.w));
        render::ViewParams params = viewParams(v, camera, viewport);
        if (swipe) params.scissor = part;
        const std::vector<scene::NodeLook> looks = v.session->looksAt(phase);
        params.looks = looks;
        v.renderer->draw(*v.gpu, params);
    };
    const scene::CompareViewports parts = scene::compareViewports(compare, w, h);
    drawPart(compare.phaseA, parts.a);
    drawPart(compare.phaseB, parts.b);
}

void drawScene(const Viewer& v) {
    int w = 0, h = 0;
    v.platform->drawableSize(w, h);
    if (v.session && v.session->compare().mode != scene::CompareMode::Off) {
        drawCompare(v, w, h);
        return;
    }
    const scene::CameraView camera = currentCamera(v, drawableAspect(v));
    const glm::ivec4 viewport = scene::fitAspect(w, h, camera.aspect);
    if (viewport != glm::ivec4(0, 0, w, h)) {  // a glTF camera's fixed aspect: letterbox bars
        glViewport(0, 0, w, h);
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    render::ViewParams params = viewParams(v, camera, viewport);
    // The scenario's phase: which halls are there, dissolving, rising or ghosted.
    const std::vector<scene::NodeLook> looks =
        v.session ? v.session->looks() : std::vector<scene::NodeLook>{};
    params.looks = looks;
    v.renderer->draw(*v.gpu, params);
}

// Rebuilds the shaders; on failure the last good ones keep drawing and the
// compiler's messages stay over the frame until a reload succeeds.
void reloadShaders(Viewer& v) {
    core::Problems problems;
    v.shaderError.clear();
    if (v.renderer->reloadShaders(problems)) return;
    for (const core::Problem& p : problems.list())
        v.shaderError += core::formatProblem("shader", p) + "\n";
}

// The whole site framed, then the scenario's start view.
void showStart(Viewer& v) {
    summarise(v);
    frameAll(v);
    if (v.session) v.session->startView(v.view.orbit);
}

// Opens another scenario in the same window; when it cannot be opened (the
// problems are printed) the site shown stays.
void switchSite(Viewer& v, const fs::path& file) {
    auto opened = openPath(file);
    if (!opened) return;
    core::Problems problems;
    auto gpu = v.renderer->upload(opened->model, problems);
    core::printProblems(file.string(), problems);
    if (!gpu) return;
    opened->session->inherit(std::move(*v.session));
    v.gpu = std::move(gpu);
    adopt(v, std::move(*opened));
    v.problems.append(problems);
    v.path = file;
    releaseImages(v);
    showStart(v);
    // The panels fit themselves to the new site's texts over the next frames.
    v.framesToDraw = kFramesAfterEvent + 1;
}

// The scenario's panels; the scenario file the user switched to, if any.
std::optional<fs::path> scenarioPanels(Viewer& v) {
    if (!v.session) return std::nullopt;
    v.session->advance(v.view.orbit);
    const scene::Compare compare = v.session->compare();
    auto next =
        v.session->drawPanels(currentCamera(v, drawableAspect(v)), windowSize(v), v.view.orbit);
    // A click on the compare panel changes what the panels show: draw them again.
    if (v.session->compare() != compare) v.framesToDraw = kFramesAfterEvent + 1;
    return next;
}

void drawFrame(Viewer& v) {
    const Uint64 start = SDL_GetPerformanceCounter();
    v.ui->newFrame();
    // A scenario's own panels take the corners: the technical ones start folded.
    if (v.session) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    ui::modelPanel(
        {v.model, v.summary.stats, v.problems, v.summary.cameras, v.glContext, v.frameMs}, v.view);
    if (v.session) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    ui::renderPanel(v.light);
    const auto nextSite = scenarioPanels(v);
    if (v.light.reloadRequested) reloadShaders(v);
    ui::shaderErrorOverlay(v.shaderError);
    applyViewState(v);
    drawScene(v);
    v.ui->render();
    v.platform->swap();
    v.frameMs = static_cast<float>(SDL_GetPerformanceCounter() - start) * 1000.0f /
                static_cast<float>(SDL_GetPerformanceFrequency());
    if (nextSite) switchSite(v, *nextSite);
}

// Nobody there for a while: the first site, its start, the story playing.
void attractLoop(Viewer& v) {
    if (v.path != v.startPath) switchSite(v, v.startPath);
    v.session->attract(v.view.orbit);
    v.framesToDraw = kFramesAfterEvent + 1;
}

void runLoop(Viewer& v) {
    while (!v.quit) {
        if (v.session && v.session->idleExpired()) attractLoop(v);
        // A step, playback or camera flight draws every frame until it ends.
        if (v.session && v.session->animating()) v.framesToDraw = std::max(v.framesToDraw, 1);
        if (v.framesToDraw == 0) SDL_WaitEventTimeout(nullptr, kIdleWaitMs);
        SDL_Event e;
        while (SDL_PollEvent(&e)) handleEvent(v, e);
        if (v.shaderWatch.changed()) {
            reloadShaders(v);
            v.framesToDraw = kFramesAfterEvent;
        }
        if (v.framesToDraw > 0 && !v.quit) {
            drawFrame(v);
            --v.framesToDraw;
        }
    }
}

}  // namespace

std::optional<fs::path> defaultScenarioPath() {
    if (const char* env = std::getenv("FRICHE_DEFAULT_SCENARIO"); env && *env) return fs::path(env);
    std::vector<fs::path> candidates;
    // An installed tree keeps scenes/ beside bin/; a build folder finds the source tree's.
    if (char* base = SDL_GetBasePath()) {
        candidates.push_back(fs::path(base) / "../scenes/seraing.json");
        SDL_free(base);
    }
    candidates.push_back(fs::path(FRICHE_SOURCE_DIR) / "scenes/seraing.json");
    for (const fs::path& c : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(c, ec)) return c.lexically_normal();
    }
    return std::nullopt;
}

// FRICHE_IDLE_SECONDS, else the default; a value that is not a number says so.
double idleSeconds() {
    const char* env = std::getenv("FRICHE_IDLE_SECONDS");
    if (!env || !*env) return kDefaultIdleSeconds;
    char* end = nullptr;
    const double seconds = std::strtod(env, &end);
    if (*end || !std::isfinite(seconds)) {
        std::fprintf(stderr,
                     "friche: FRICHE_IDLE_SECONDS=%s is not a number of seconds; using %g\n", env,
                     kDefaultIdleSeconds);
        return kDefaultIdleSeconds;
    }
    return seconds;
}

int runViewer(const ViewerCommand& cmd) {
    Viewer v;
    const auto path = cmd.path.empty() ? defaultScenarioPath() : std::optional<fs::path>(cmd.path);
    if (!path) {
        std::fputs(
            "friche: no PATH given and no default scenario found.\n"
            "  Open one with:  friche scenes/seraing.json   or   friche model.glb\n"
            "  (or set FRICHE_DEFAULT_SCENARIO)\n",
            stderr);
        return kExitUsage;
    }
    v.path = v.startPath = *path;
    if (!load(v)) return kExitBadInput;
    if (v.session) v.session->setIdleSeconds(idleSeconds());
    if (!displayAvailable()) {
        std::fputs(kNoDisplay, stderr);
        return kExitBadInput;
    }
    if (!open(v)) return kExitBadInput;
    showStart(v);
    runLoop(v);
    return kExitOk;
}

}  // namespace friche::app
