#include "app/viewer.h"

#include <SDL.h>
#include <imgui.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/environment.h"
#include "app/imgui_layer.h"
#include "app/input.h"
#include "app/kiosk.h"
#include "app/kiosk_config.h"
#include "app/platform.h"
#include "app/review_tools.h"
#include "app/scenario_session.h"
#include "app/story_input.h"
#include "app/viewpoint_tool.h"
#include "app/workshop.h"
#include "core/file.h"
#include "gfx/gl.h"
#include "io/load.h"
#include "io/preferences.h"
#include "io/scenario_loader.h"
#include "media/signal_stop.h"
#include "render/gpu_model.h"
#include "render/kept_frame.h"
#include "render/offscreen.h"
#include "render/quality.h"
#include "render/renderer.h"
#include "render/shader_watch.h"
#include "render/story_frame.h"
#include "scene/camera_controller.h"
#include "scene/compare.h"
#include "scene/day_sweep.h"
#include "scene/depth_range.h"
#include "scene/draw_list.h"
#include "scene/view_state.h"
#include "ui/compare_panel.h"
#include "ui/frame_stats_panel.h"
#include "ui/model_panel.h"
#include "ui/render_panel.h"
#include "ui/scale_bar.h"
#include "ui/sun_panel.h"

namespace friche::app {

namespace fs = std::filesystem;

namespace {

// After an event ImGui needs one frame more to show its effect (a hover
// colour, a combo that opened, a window that sized itself to its contents).
constexpr int kFramesAfterEvent = 2;
// With nothing to draw the loop sleeps in SDL_WaitEventTimeout, so an idle
// exhibition screen costs no CPU; the timeout is where idle timers will hook in.
constexpr int kIdleWaitMs = 1000;
// With a tablet remote, its requests are looked for this often while idle.
constexpr int kRemoteWaitMs = 50;

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

// Where a frame looked from and which moment of the story it showed: the
// view moves when that changes from one frame to the next (the clock's ripples
// and swaying trees aside).
struct Shown {
    glm::mat4 viewProjection{1.0f};
    double position = 0.0;
    bool operator==(const Shown&) const = default;
};

// Everything the loop works on. Declaration order is destruction order reversed:
// GPU resources go before the renderer, the renderer and ImGui before the GL context.
struct Viewer {
    ViewerHooks hooks;
    std::optional<Kiosk> kiosk;    // `--kiosk`: a locked exhibition screen
    std::optional<float> uiScale;  // --ui-scale
    fs::path path;
    fs::path startPath;                // where the viewer opened, for the idle return
    std::optional<fs::path> snapshot;  // FRICHE_SNAPSHOT: save the first frame, then quit
    bool snapshotFailed = false;
    std::optional<ScenarioSession> session;  // when `path` is a scenario
    std::optional<scene::Scenario> base;     // the scenario as its file has it (no proposal)
    ReviewTools review;                      // an architect's proposal, measures, section
    std::optional<Workshop> workshop;        // tours, variants, pins, votes: the first scenario's
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
    // Where the user's preferences are kept (none in a kiosk: its settings are
    // the operator's, app/kiosk_config.h), and what that file holds.
    std::optional<fs::path> preferencesFile;
    io::Preferences savedPreferences;
    ViewpointTool viewpoints;  // the Viewpoints panel: the user's cameras and stills
    glm::ivec2 maxTile{0, 0};  // FRICHE_MAX_TILE: stills in tiles at most this large
    scene::DaySweep sunSweep;  // the Sun panel's "Play the day"
    render::ShaderWatch shaderWatch;
    std::string shaderError;  // the last failed reload, shown over the frame
    int framesToDraw = kFramesAfterEvent;
    // A new site's first frame bakes its sky: then its images and the bake's
    // scratch go, and its transitions are warmed (render::warmStory).
    bool siteJustShown = false;
    // The sites whose transitions were warmed: the renderer keeps their programs.
    std::set<fs::path> warmed;
    float frameMs = 0.0f;
    // The session's clock when the first frame was drawn: what moves by itself
    // (water, clouds, traffic) starts there, so the first frame is the still.
    std::optional<double> motionOrigin;
    float smoothedFrameMs = 0.0f;  // F3's overlay
    // While the view moves or lives at rest, the tier that holds the frame
    // budget (FRICHE_FRAME_BUDGET_MS); nullopt (a budget of 0): always full quality.
    std::optional<render::QualityGovernor> quality;
    // FRICHE_FRAME_BUDGET_MS, by which a view at rest that lives is paced too.
    double frameBudgetMs = 0.0;
    std::vector<Shown> lastShown;  // what the last frame showed: is the view moving?
    // The last frame at rest's 3D view, and whether this frame showed it again
    // (only the panels over it changed).
    render::KeptFrame kept;
    bool keptShown = false;
    // The last frame showed what the session's clock moves: water, smoke,
    // trees, traffic, clouds (render::FrameStats::living).
    bool living = false;
    Uint64 frameStart = 0;  // SDL's performance counter when the last frame began
    const render::QualityTier* lastTier = &render::kQualityTiers[0];
    bool showStats = false;  // F3 toggles it, in a kiosk too (the operator's keys)
    bool quit = false;
    bool rescale = false;  // the operator changed the UI scale
};

// What opening a path gives: a model, and the scenario when the path is one.
struct OpenedSite {
    std::optional<ScenarioSession> session;
    scene::Model model;
    core::Problems problems;
};

// The session's site: its models loaded (those in `loaded` as they are), assembled, attached.
void attachSite(OpenedSite& o, std::vector<scene::ModelFile> loaded = {}) {
    io::SiteModelResult r = io::loadSiteModel(o.session->story().scenario(), std::move(loaded));
    o.problems.append(r.problems);
    if (r.ok()) o.session->attach(r.site);
    o.model = std::move(r.site.model);  // its meshes stay where attach saw them
}

// Prints the problems; false after the error count.
bool reportOpened(const fs::path& path, const OpenedSite& o) {
    core::printProblems(path.string(), o.problems);
    if (!o.problems.hasErrors()) return true;
    std::cerr << path.string() << ": " << o.problems.count(core::Severity::Error) << " error(s)\n";
    return false;
}

// Loads a scenario and its models, or a model; prints every problem, and
// nullopt after the error count.
std::optional<OpenedSite> openPath(const fs::path& path, const ViewerHooks& hooks) {
    OpenedSite o;
    if (core::lowerExtension(path) == "json") {
        o.session = ScenarioSession::load(path, o.problems);
        if (o.session && hooks.clock) o.session->setClock(hooks.clock);
        if (o.session) attachSite(o);
    } else {
        io::LoadResult r = io::loadModel(path);
        o.problems.append(r.problems);
        o.model = std::move(r.model);
    }
    if (!reportOpened(path, o)) return std::nullopt;
    return o;
}

void adopt(Viewer& v, OpenedSite&& o) {
    v.session = std::move(o.session);
    v.model = std::move(o.model);
    v.problems = std::move(o.problems);
    v.view.scene = v.model.defaultScene;
}

// The scenario with the architect's proposal where it is now, its site
// assembled; nullopt after printing why.
std::optional<OpenedSite> openPlaced(Viewer& v) {
    OpenedSite o;
    o.session = ScenarioSession::of(v.review.placed(*v.base));
    if (v.hooks.clock) o.session->setClock(v.hooks.clock);
    attachSite(o, v.review.takeModel());
    if (!reportOpened(v.path, o)) return std::nullopt;
    v.review.assembled();
    return o;
}

// The sun over the opened scenario's site, at the day and hour chosen so far,
// and the site's look; a bare model keeps Liège and a plain ground.
void sunAtSite(Viewer& v) {
    lightAtSite(v.light.lighting, v.session ? &v.session->story().scenario().site : nullptr);
}

bool load(Viewer& v) {
    auto opened = openPath(v.path, v.hooks);
    if (!opened) return false;
    adopt(v, std::move(*opened));
    if (v.session) v.base = v.session->story().scenario();
    if (v.kiosk && !v.session) {
        std::fprintf(stderr, "friche: %s: a kiosk shows scenarios (.json), not a model\n",
                     v.path.c_str());
        return false;
    }
    if (v.kiosk) {
        v.session->setSites(siteFiles(v.kiosk->config().sites));
        v.session->setStyle({.kiosk = true, .languages = v.kiosk->config().languages});
        v.session->story().language() = v.kiosk->config().language;
    }
    return true;
}

// After a site's first frame the GPU has the pixels; an exhibition PC keeps days
// of uptime with less memory held. The previous site's model and decoded
// images, and the scratch of the frame's sky bake (each site has its own sun),
// are freed by now: glibc keeps freed pages for reuse unless asked, and a kiosk
// switches sites for weeks.
void releaseImages(Viewer& v) {
    for (scene::Image& image : v.model.images) image.rgba = {};
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// The interface's size and the texts its font must hold: every scenario one
// can switch to.
UiLook uiLook(const Viewer& v) {
    UiLook look;
    look.kiosk = v.kiosk.has_value();
    look.scale = v.uiScale;
    if (v.kiosk && v.kiosk->config().uiScale) look.scale = v.kiosk->config().uiScale;
    std::vector<fs::path> files{v.path};
    if (v.kiosk) files = v.kiosk->config().sites;
    if (!v.kiosk && v.session) {
        for (const SiteFile& site : listSites(v.path.parent_path())) files.push_back(site.file);
    }
    for (const fs::path& f : files) look.texts.push_back(scenarioText(f));
    return look;
}

// The window, ImGui, the renderer and the model's GPU copy.
bool open(Viewer& v) {
    core::Problems problems;
    WindowDesc window{.title = "friche — " + v.path.filename().string(),
                      .headless = v.snapshot.has_value() || v.hooks.beforeTurn,
                      .fullscreen = v.kiosk.has_value(),
                      .display = v.kiosk ? v.kiosk->config().display : 0};
    if (v.hooks.windowSize) {
        window.width = (*v.hooks.windowSize)[0];
        window.height = (*v.hooks.windowSize)[1];
    }
    v.platform = Platform::open(window, problems);
    if (v.platform) {
        v.ui = std::make_unique<ImGuiLayer>(*v.platform, uiLook(v), problems);
        if (v.kiosk) v.kiosk->setUiScale(v.ui->scale());
        v.renderer = render::Renderer::create(problems, cacheFolder());
    }
    // A kiosk's cascades, all allocated before its first frame: no visitor's
    // view or compare adds a layer later (render/shadows.h).
    if (v.renderer && v.kiosk) v.renderer->reserveShadows();
    if (v.renderer) v.gpu = v.renderer->upload(v.model, problems);
    core::printProblems(v.path.string(), problems);
    v.problems.append(problems);
    if (!v.gpu) return false;
    v.glContext = gfx::describeContext();
    v.siteJustShown = true;
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
    if (v.session) return v.session->story().camera(aspect);
    return scene::orbitView(scene::withDepthRange(v.view.orbit, v.summary.bounds), aspect);
}

// The orbit camera the user moves: a scenario's story's, or the viewer's own on a model.
void setOrbit(Viewer& v, const scene::OrbitCamera& orbit) {
    v.view.gltfCamera = -1;
    // A visitor orbits and zooms within the site: never under it, never lost in the void.
    if (v.kiosk)
        v.session->story().holdCamera(scene::keptOnSite(orbit, v.summary.bounds));
    else if (v.session)
        v.session->story().holdCamera(orbit);
    else
        v.view.orbit = orbit;
}

scene::OrbitCamera currentOrbit(const Viewer& v) {
    return v.session ? v.session->story().orbit(drawableAspect(v)) : v.view.orbit;
}

void frameAll(Viewer& v) {
    scene::OrbitCamera orbit = currentOrbit(v);
    orbit.frame(v.summary.bounds, drawableAspect(v));
    setOrbit(v, orbit);
}

// The orbit camera that looks as the view now does (through a glTF camera too).
scene::OrbitCamera orbitNow(const Viewer& v) {
    return v.view.gltfCamera >= 0
               ? scene::orbitFrom(currentCamera(v, drawableAspect(v)), currentOrbit(v))
               : currentOrbit(v);
}

void handlePointer(Viewer& v, const scene::PointerEvent& event) {
    // Dragging while looking through a glTF camera starts orbiting from there.
    scene::OrbitCamera camera = orbitNow(v);
    const scene::PointerArea area =
        v.session ? scene::pointerArea(v.session->story().compare(),
                                       scene::pointerPosition(event).value_or(glm::vec2(0.0f)),
                                       windowSize(v))
                  : scene::PointerArea{glm::vec2(0.0f), windowSize(v)};
    v.controller.setViewport(area.size, area.origin);
    switch (v.controller.handle(event, camera)) {
        case scene::ControlResult::Moved:
            setOrbit(v, camera);
            break;
        case scene::ControlResult::FrameAll:
            frameAll(v);
            break;
        case scene::ControlResult::None:
            break;
    }
}

void handleKey(Viewer& v, KeyAction action) {
    // A kiosk stays fullscreen whatever the keys say.
    if (v.kiosk && (action == KeyAction::ToggleFullscreen || action == KeyAction::LeaveFullscreen))
        return;
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
        case KeyAction::ToggleStats:
            v.showStats = !v.showStats;
            break;
        case KeyAction::None:
            break;
    }
}

// The touch that ends the attract loop speaks the language of the invitation
// it landed on; anywhere else, the exhibition's default.
void pickVisitorLanguage(Viewer& v, const SDL_Event& e, glm::vec2 size) {
    const auto pointer = toPointerEvent(e, size);
    const auto at = pointer ? scene::pointerPosition(*pointer) : std::nullopt;
    const auto tapped = at ? v.kiosk->bannerLanguage(*at) : std::nullopt;
    v.session->story().language() = tapped.value_or(v.kiosk->config().language);
}

void dropped(Viewer& v, const fs::path& file);

// The architect's tools pick in the story's own view: one camera over the window.
bool reviewing(const Viewer& v) {
    return v.session && !v.kiosk && v.view.gltfCamera < 0 &&
           v.session->story().compare().mode != scene::CompareMode::Side;
}

// The interface sees every event first; the camera and keys get what it leaves.
void handleEvent(Viewer& v, const SDL_Event& e) {
    v.framesToDraw = kFramesAfterEvent;
    const glm::vec2 size = windowSize(v);
    if (v.kiosk && !v.kiosk->admit(e, size)) return;
    if (v.session && isUserInput(e)) {
        const bool attracting = v.session->story().attracting();
        v.session->userActed();
        if (v.kiosk && attracting) pickVisitorLanguage(v, e, size);
    }
    if (e.type == SDL_QUIT) v.quit = true;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) v.ui->resize();
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_FOCUS_LOST)
        v.controller.cancel();
    // A clicker's keys lead the tour, before the panels' own keys (text being typed excepted).
    if (v.workshop && v.workshop->key(e, v.session->story(), drawableAspect(v))) return;
    const bool claimed = v.ui->processEvent(e, size);
    // The operator's keys (quit, fullscreen) work whatever ImGui says it has:
    // its keyboard claim can be a frame stale. F is a letter a text field may want.
    const KeyAction key = keyAction(e);
    if (!claimed || key != KeyAction::FrameAll) handleKey(v, key);
    const auto pointer = toPointerEvent(e, size);
    // A held divider follows the pointer over a panel too, and must see its release.
    if (pointer && v.session && (v.divider.active() || !claimed) &&
        v.divider.handle(*pointer, v.session->story().compare(), size, ui::dividerHitWidth()))
        return;
    if (claimed) return;
    if (e.type == SDL_DROPFILE && e.drop.file) dropped(v, e.drop.file);
    if (pointer && v.workshop && reviewing(v) &&
        v.workshop->pointer(*pointer, v.session->story(), currentCamera(v, drawableAspect(v)),
                            size))
        return;
    if (pointer && reviewing(v) &&
        v.review.pointer(*pointer, v.session->story(), currentCamera(v, drawableAspect(v)), size))
        return;
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
    // Since the first frame, wrapped every hour so that a float keeps its ripples smooth.
    if (v.session && v.motionOrigin)
        params.time = static_cast<float>(std::fmod(v.session->now() - *v.motionOrigin, 3600.0));
    if (v.session) params.section = v.review.section(v.session->story().bounds());
    return params;
}

// Whether a view at rest is drawn again and again: what it shows moves with
// the clock, the Light panel leaves the clock running at rest, and the
// machine holds the frame budget at some tier (without a budget: always).
// Otherwise it is drawn once, sharp, and the world waits for the next touch.
bool livesAtRest(const Viewer& v) {
    return v.living && v.light.livingAtRest && (!v.quality || v.quality->holds());
}

// The preferences the user left at the last launch (io/preferences.h), in
// the Light panel; a broken file is said, moved aside, and the defaults used.
void readPreferences(Viewer& v) {
    const auto folder = io::configFolder(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    if (!folder) return;
    const fs::path file = io::preferencesFile(*folder);
    const io::PreferencesRead read = io::readPreferences(file);
    core::printProblems(file.string(), read.problems);
    if (!read.blocksSaving()) v.preferencesFile = file;
    v.savedPreferences = read.preferences;
    v.light.livingAtRest = read.preferences.livingAtRest;
}

// A preference the Light panel changed is saved at once: a kill loses none.
// A save that fails is said once, not tried again every frame.
void keepPreferences(Viewer& v) {
    const io::Preferences now{.livingAtRest = v.light.livingAtRest};
    if (!v.preferencesFile || now == v.savedPreferences) return;
    v.savedPreferences = now;
    std::string error;
    if (!io::writePreferences(*v.preferencesFile, now, error))
        std::fprintf(stderr, "friche: the preferences are not saved: %s\n", error.c_str());
}

// F3's word on what the view does at rest with what moves by itself in it.
const char* atRestNote(const Viewer& v) {
    if (!v.living) return nullptr;
    if (!v.light.livingAtRest) return "drawn once (the Light panel)";
    if (livesAtRest(v)) return "water, smoke and traffic move";
    return "drawn once (the lightest tier misses the budget)";
}

// Whether the view moves: the frame shows another place or moment than the
// last (`shown`), or the view lives at rest (the clock's ripples and swaying trees).
bool viewMoves(const Viewer& v, const std::vector<Shown>& shown) {
    return !v.lastShown.empty() && (shown != v.lastShown || livesAtRest(v));
}

// The tier a frame is drawn at: while the view moves, the governor's; the
// first frame, and a view at rest, at full quality.
const render::QualityTier& frameTier(Viewer& v, bool moving) {
    v.lastTier = moving && v.quality ? &v.quality->tier() : &render::kQualityTiers[0];
    return *v.lastTier;
}

// After a frame drawn at `tier` in `draws` draws: the governor learns its cost.
// A kiosk's log says each change, so that an installer reads how the PC
// holds the budget.
void observeFrame(Viewer& v, const render::QualityTier& tier, int draws) {
    if (!v.quality) return;
    const render::QualityTier& before = v.quality->tier();
    const bool held = v.quality->holds();
    if (&tier == &before)
        v.quality->observe(v.renderer->stats(), draws);
    else
        v.quality->drawnAtFull(v.renderer->stats());
    if (!v.kiosk) return;
    // Tenths of a millisecond, hundredths under one.
    const int digits = v.frameBudgetMs < 1.0 ? 2 : 1;
    char line[160];
    const render::QualityTier& now = v.quality->tier();
    if (&now != &before) {
        std::snprintf(line, sizeof line, "quality: %s, for a %.*f ms budget",
                      now.describe().c_str(), digits, v.frameBudgetMs);
        v.kiosk->log(line);
    }
    if (v.quality->holds() != held) {
        std::snprintf(
            line, sizeof line, "quality: the lightest tier %s the %.*f ms budget; %s",
            held ? "misses" : "holds", digits, v.frameBudgetMs,
            held ? "a view at rest is drawn once" : "water, smoke and traffic move at rest");
        v.kiosk->log(line);
    }
}

// What the frame's 3D view draws: a scenario's story (the phase, or compare
// mode's two, through the story's camera), or one view through the orbit or
// a glTF camera; with where each looks from, for viewMoves.
struct SceneViews {
    std::vector<render::PartView> views;
    std::vector<Shown> shown;
    bool letterboxed = false;  // a glTF camera's fixed aspect: bars around its view
};

SceneViews sceneViews(const Viewer& v, int w, int h) {
    SceneViews scene;
    if (v.session && v.view.gltfCamera < 0) {
        const scene::Story& story = v.session->story();
        for (const scene::StoryPart& part : story.parts(w, h))
            scene.shown.push_back({part.camera.projection * part.camera.view, part.position});
        scene.views = render::storyViews(story, w, h, viewParams(v, {}, {0, 0, w, h}));
        return scene;
    }
    const scene::CameraView camera = currentCamera(v, drawableAspect(v));
    scene.shown.push_back({camera.projection * camera.view, 0.0});
    const glm::ivec4 viewport = scene::fitAspect(w, h, camera.aspect);
    scene.letterboxed = viewport != glm::ivec4(0, 0, w, h);
    // Through a scenario model's own glTF camera: the phase's looks still apply.
    const scene::Story* story = v.session ? &v.session->story() : nullptr;
    scene.views.push_back(
        {viewParams(v, camera, viewport),
         story ? story->looksAt(story->timeline().position()) : std::vector<scene::NodeLook>{}});
    return scene;
}

// Draws the frame's 3D view into the back buffer; at rest, where only the
// panels changed since the last frame, copies that frame's view back instead.
void drawScene(Viewer& v) {
    int w = 0, h = 0;
    v.platform->drawableSize(w, h);
    SceneViews scene = sceneViews(v, w, h);
    const bool moving = viewMoves(v, scene.shown);
    v.lastShown = std::move(scene.shown);
    const render::QualityTier& tier = frameTier(v, moving);
    for (render::PartView& part : scene.views) tier.apply(part.params);
    const int draws = static_cast<int>(scene.views.size());
    render::FrameInputs inputs{
        .model = v.gpu->serial, .size = {w, h}, .views = std::move(scene.views)};
    v.keptShown = !moving && v.kept.holds(inputs);
    if (v.keptShown) {
        v.kept.restore();
        return;
    }
    if (scene.letterboxed) {
        glViewport(0, 0, w, h);
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    v.living = false;  // either side's
    render::drawViews(*v.renderer, *v.gpu, inputs.views, {0, 0},
                      [&] { v.living = v.living || v.renderer->stats().living; });
    // A model opened on its own has no clock: it shows as it is at time 0.
    v.living = v.living && v.session;
    observeFrame(v, tier, draws);
    // Sharp, and what lives in it waits for a touch at rest (livesAtRest):
    // what the frames at rest after it show until the view moves. What is
    // kept is always the last view drawn: one drawn later at another time
    // (the world living, then waiting again) is never followed by an older one.
    if (&tier == &render::kQualityTiers[0] && !livesAtRest(v))
        v.kept.keep(std::move(inputs));
    else
        v.kept.forget();
}

// Rebuilds the shaders; on failure the last good ones keep drawing and the
// compiler's messages stay over the frame until a reload succeeds.
void reloadShaders(Viewer& v) {
    core::Problems problems;
    v.shaderError.clear();
    if (v.renderer->reloadShaders(problems)) {
        v.kept.forget();  // drawn by the old programs
        // The new programs are compiled as frames need them: every site's
        // transitions are warmed anew, this one's after the next frame.
        v.warmed.clear();
        v.siteJustShown = true;
        return;
    }
    for (const core::Problem& p : problems.list())
        v.shaderError += core::formatProblem("shader", p) + "\n";
}

// The whole site framed, then the scenario's start view.
void showStart(Viewer& v) {
    summarise(v);
    if (v.session) {
        v.session->story().followStory();
        v.viewpoints.open(v.session->story());
    } else {
        frameAll(v);
    }
}

// Shows `opened` instead of what is shown (uploaded first: on failure nothing
// changes); the story keeps its language, compare mode and idle rule.
bool replaceSite(Viewer& v, std::optional<OpenedSite> opened, const fs::path& file) {
    if (!opened) return false;
    core::Problems problems;
    auto gpu = v.renderer->upload(opened->model, problems);
    core::printProblems(file.string(), problems);
    if (!gpu) return false;
    opened->session->inherit(std::move(*v.session));
    v.gpu = std::move(gpu);
    adopt(v, std::move(*opened));
    sunAtSite(v);
    v.problems.append(problems);
    v.siteJustShown = true;
    if (v.quality) v.quality->reset();  // another model costs otherwise
    v.lastShown.clear();
    // The panels fit themselves to the new texts over the next frames.
    v.framesToDraw = kFramesAfterEvent + 1;
    return true;
}

// The kiosk's log names each site as it is shown, the first one included.
void logSite(Viewer& v) {
    if (v.kiosk) v.kiosk->log("site " + v.path.filename().string());
}

// Opens another scenario in the same window; when it cannot be opened (the
// problems are printed) the site shown stays.
void switchSite(Viewer& v, const fs::path& file) {
    if (!replaceSite(v, openPath(file, v.hooks), file)) return;
    // A workshop's session is its scenario's: another site has none.
    v.workshop.reset();
    v.path = file;
    v.base = v.session->story().scenario();
    v.review = {};
    logSite(v);
    showStart(v);
}

// The proposal's phase, the swipe set to compare it with the phase it changes.
void showProposal(Viewer& v) {
    scene::Story& story = v.session->story();
    const int phase = v.review.proposalPhase();
    if (phase < 0) return;
    story.timeline().setPosition(phase);
    story.compare().phaseA = phase - 1;
    story.compare().phaseB = phase;
}

// The site assembled again around the proposal (its phase, unit or replaced
// layers changed, or it came), seen from where the camera is.
void placeProposal(Viewer& v) {
    const scene::OrbitCamera camera = currentOrbit(v);
    if (!replaceSite(v, openPlaced(v), v.path)) {
        // Its file changed or went since it was read: the site without it.
        v.review.removeProposal();
        v.review.failed(v.path.filename().string() + ": the proposal could not be placed");
        replaceSite(v, openPlaced(v), v.path);
        return;
    }
    showProposal(v);
    v.session->story().holdCamera(camera);
}

// The proposal taken away: the phase it was for stays on screen.
void removeProposal(Viewer& v) {
    const scene::OrbitCamera camera = currentOrbit(v);
    const double position = v.session->story().timeline().position();
    const int removed = v.review.proposalPhase();
    v.review.removeProposal();
    if (!replaceSite(v, openPlaced(v), v.path)) return;
    v.session->story().timeline().setPosition(position >= removed ? position - 1.0 : position);
    v.session->story().holdCamera(camera);
}

// A file dropped on the window: a scenario opens; a model is the architect's
// proposal, on the ground where the camera looks, in the phase shown.
void dropped(Viewer& v, const fs::path& file) {
    if (!v.session) {
        std::fprintf(stderr, "friche: %s: a proposal goes on a scenario's site; open one first\n",
                     file.c_str());
        return;
    }
    if (core::lowerExtension(file) == "json") {
        switchSite(v, file);
        return;
    }
    std::string error;
    auto model = loadProposal(file.string(), error);
    if (!model) {
        std::fprintf(stderr, "friche: %s\n", error.c_str());
        v.review.failed(error);
        return;
    }
    const scene::Story& story = v.session->story();
    // Shown: the phase under the timeline, or the one the proposal already went to.
    int phase = static_cast<int>(std::lround(story.timeline().position()));
    if (v.review.hasProposal() && phase >= v.review.proposalPhase()) --phase;
    phase = std::clamp(phase, 0, static_cast<int>(v.base->phases.size()) - 1);
    v.review.propose(std::move(*model), dropPlacement(story, drawableAspect(v)), phase);
    placeProposal(v);
}

// The Sun panel (an operator's, not a kiosk visitor's) and the north arrow over the view.
void sunStudy(Viewer& v) {
    const scene::Language language =
        v.session ? v.session->story().language() : scene::Language::En;
    if (!v.kiosk || v.kiosk->showLight()) {
        if (v.session) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
        ui::sunPanel(v.sunSweep, v.light.lighting.site, language);
    }
    ui::northArrow(currentCamera(v, drawableAspect(v)).view, v.light.lighting.site.northDegrees);
}

// The scenario's panels; what the user picked on them.
PanelChoice scenarioPanels(Viewer& v) {
    if (!v.session) return {};
    v.session->advance();
    scene::Story& story = v.session->story();
    const scene::Compare compare = story.compare();
    PanelChoice choice = v.session->drawPanels(
        windowSize(v), {.card = !v.workshop || v.workshop->showCard(story),
                        .labels = !v.workshop || v.workshop->showLabels(story)});
    // After the story's panels: the Workshop panel docks between two of them.
    if (v.workshop && v.workshop->frame(story, currentCamera(v, drawableAspect(v)), windowSize(v)))
        v.framesToDraw = std::max(v.framesToDraw, kFramesAfterEvent);
    // A click on the compare panel changes what the panels show: draw them again.
    if (v.session->story().compare() != compare) v.framesToDraw = kFramesAfterEvent + 1;
    return choice;
}

// The architect's measurements and scale bar over a still of any size.
// The workshop's pins over it too.
std::function<void(glm::vec2)> stillOverlay(const Viewer& v) {
    const bool review = reviewing(v);
    if (!review && !v.workshop) return {};
    return [&v, review](glm::vec2 size) {
        const scene::Story& story = v.session->story();
        const scene::CameraView camera = story.camera(size.x / std::max(size.y, 1.0f));
        if (review) v.review.overlay(story, camera, size, false);
        if (v.workshop) v.workshop->overlay(story, camera, size);
    };
}

// The architect's panel and what it draws over the view; never in a kiosk.
ReviewChoice reviewPanels(Viewer& v) {
    if (!v.session || v.kiosk) return {};
    ReviewChoice choice = v.review.panel(v.session->story(), *v.base, windowSize(v));
    ui::scaleBar(v.session->story(), windowSize(v));
    if (reviewing(v))
        v.review.overlay(v.session->story(), currentCamera(v, drawableAspect(v)), windowSize(v),
                         true);
    return choice;
}

// The exhibition's first site at its start, the story waiting for a visitor.
void backToStart(Viewer& v) {
    if (v.path != v.startPath) switchSite(v, v.startPath);
    v.session->story().timeline().setPosition(0.0);
    v.session->story().compare().mode = scene::CompareMode::Off;
    v.session->story().followStory();
}

// The kiosk's overlays and what the operator asked for.
void kioskOverlays(Viewer& v, PanelChoice& choice) {
    switch (v.kiosk->overlays(*v.session, v.frameMs)) {
        case KioskAction::Exit:
            v.quit = true;
            break;
        case KioskAction::BackToStart:
            choice.backToStart = true;
            break;
        case KioskAction::Rescale:
            v.rescale = true;
            break;
        case KioskAction::None:
            break;
    }
}

// The 3D view as the viewer drew it, before the panels go over it.
void saveSnapshot(Viewer& v) {
    int w = 0, h = 0;
    v.platform->drawableSize(w, h);
    std::string error;
    v.snapshotFailed = !writePng(*v.snapshot, w, h, render::readFramebufferRgb(0, w, h), error);
    if (v.snapshotFailed) std::fprintf(stderr, "friche: %s\n", error.c_str());
    v.quit = true;
}

void drawFrame(Viewer& v) {
    const Uint64 start = SDL_GetPerformanceCounter();
    v.frameStart = start;
    v.ui->newFrame();
    // A scenario's own panels take the corners: the technical ones start
    // folded; a kiosk shows them to the operator only.
    if (v.session) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!v.kiosk || v.kiosk->showModel())
        ui::modelPanel(
            {v.model, v.summary.stats, v.problems, v.summary.cameras, v.glContext, v.frameMs},
            v.view);
    if (v.session) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    if (!v.kiosk || v.kiosk->showLight()) ui::renderPanel(v.light);
    if (v.hooks.light) v.hooks.light(v.light);
    keepPreferences(v);
    if (v.session && (!v.kiosk || v.kiosk->showLight()))
        v.viewpoints.panel(v.session->story(), v.path, orbitNow(v), drawableAspect(v),
                           v.hooks.viewpoints);
    sunStudy(v);
    PanelChoice choice = scenarioPanels(v);
    const ReviewChoice review = reviewPanels(v);
    if (v.kiosk) kioskOverlays(v, choice);
    if (v.light.reloadRequested) reloadShaders(v);
    ui::shaderErrorOverlay(v.shaderError);
    applyViewState(v);
    if (v.session && !v.motionOrigin) v.motionOrigin = v.session->now();
    drawScene(v);
    if (v.hooks.frameDrawn) v.hooks.frameDrawn(*v.lastTier, v.keptShown);
    if (v.showStats) {  // after the 3D view, to say the tier it was drawn at
        int w = 0, h = 0;
        v.platform->drawableSize(w, h);
        ui::frameStatsPanel({v.smoothedFrameMs,
                             v.renderer->stats(),
                             {w, h},
                             v.lastTier,
                             atRestNote(v),
                             v.keptShown});
    }
    if (v.snapshot) saveSnapshot(v);
    v.ui->render();
    v.platform->swap();
    const bool siteJustShown = std::exchange(v.siteJustShown, false);
    if (siteJustShown) {
        releaseImages(v);
        v.renderer->keepForLater();
    }
    v.frameMs = static_cast<float>(SDL_GetPerformanceCounter() - start) * 1000.0f /
                static_cast<float>(SDL_GetPerformanceFrequency());
    v.smoothedFrameMs = ui::smoothFrameMs(v.smoothedFrameMs, v.frameMs);
    if (siteJustShown && v.session && !v.snapshot && v.warmed.insert(v.path).second) {
        // Into the back buffer's corner, which the next frame covers.
        int w = 0, h = 0;
        v.platform->drawableSize(w, h);
        render::warmStory(*v.renderer, *v.gpu, v.session->story(), w, h,
                          viewParams(v, {}, {0, 0, w, h}));
    }
    if (v.viewpoints.stillAsked()) {
        // At time 0, as `friche render` draws it: the same still, the same bytes.
        render::ViewParams look = viewParams(v, {}, {});
        look.time = 0.0f;
        v.viewpoints.takeStill(*v.renderer, *v.gpu, v.session->story(),
                               {.look = look,
                                .maxTile = v.maxTile,
                                .panels = false,  // the panel's choice
                                .kiosk = v.kiosk.has_value(),
                                .scenarioText = scenarioText(v.path),
                                .overlay = stillOverlay(v)});
        v.framesToDraw = kFramesAfterEvent;
    }
    if (choice.site) switchSite(v, *choice.site);
    if (choice.backToStart) backToStart(v);
    if (review.remove)
        removeProposal(v);
    else if (review.rebuild)
        placeProposal(v);
    if (v.rescale) {
        v.rescale = false;
        v.ui->setScale(v.kiosk->settings().uiScale);
        v.framesToDraw = kFramesAfterEvent + 1;
    }
}

// Nobody there for a while: the first site, its start, the story playing.
void attractLoop(Viewer& v) {
    const fs::path attract = v.kiosk ? v.kiosk->config().attractSite() : v.startPath;
    if (v.path != attract) switchSite(v, attract);
    if (v.kiosk) {
        v.session->story().attract(v.kiosk->config().language);
        v.kiosk->log("attract loop");
    } else {
        v.session->story().attract();
    }
    v.framesToDraw = kFramesAfterEvent + 1;
}

void runLoop(Viewer& v) {
    // Ctrl+C or a service stop (systemd) ends the viewer here, cleanly, after
    // the turn in progress; a kiosk, which ignores quit requests, too.
    const media::SignalStop stop;
    for (int turn = 0; !v.quit; ++turn) {
        if (v.hooks.beforeTurn) v.hooks.beforeTurn(turn);
        if (stop.requested()) {
            if (v.kiosk) v.kiosk->log("stopped by signal " + std::to_string(stop.signal()));
            break;
        }
        if (v.session && v.session->idleExpired()) attractLoop(v);
        // A step, playback or camera flight draws every frame until it ends.
        if (v.session && v.session->animating()) v.framesToDraw = std::max(v.framesToDraw, 1);
        if (v.kiosk && v.kiosk->animating(*v.session)) v.framesToDraw = std::max(v.framesToDraw, 1);
        if (v.sunSweep.playing()) v.framesToDraw = std::max(v.framesToDraw, 1);
        if (v.kiosk) v.platform->keepFullscreen();
        if (v.workshop && v.workshop->poll(v.session->story(), drawableAspect(v)))
            v.framesToDraw = std::max(v.framesToDraw, kFramesAfterEvent);
        if (v.framesToDraw == 0 && livesAtRest(v)) {
            // The next frame of the living view, a frame budget after the last
            // began (60 Hz without one; a display's vertical sync paces it
            // too); a touch wakes it sooner.
            const double period = v.frameBudgetMs > 0.0 ? v.frameBudgetMs : kDefaultFrameBudgetMs;
            const double since = static_cast<double>(SDL_GetPerformanceCounter() - v.frameStart) *
                                 1000.0 / static_cast<double>(SDL_GetPerformanceFrequency());
            if (since < period && !v.hooks.beforeTurn)
                SDL_WaitEventTimeout(nullptr, static_cast<int>(period - since));
            v.framesToDraw = 1;
        }
        if (v.framesToDraw == 0 && !v.hooks.beforeTurn)
            SDL_WaitEventTimeout(nullptr,
                                 v.workshop && v.workshop->remote() ? kRemoteWaitMs : kIdleWaitMs);
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            handleEvent(v, e);
            // SDL hands a dropped path over to whoever takes the event.
            if (e.type == SDL_DROPFILE || e.type == SDL_DROPTEXT) SDL_free(e.drop.file);
        }
        if (v.shaderWatch.changed()) {
            reloadShaders(v);
            v.framesToDraw = kFramesAfterEvent;
        }
        if (v.framesToDraw > 0 && !v.quit) {
            drawFrame(v);
            --v.framesToDraw;
            // The view came to rest on a frame drawn below full quality: once
            // more, sharp, unless it lives on at the governor's tier.
            if (v.framesToDraw == 0 && v.lastTier != &render::kQualityTiers[0] && !livesAtRest(v))
                v.framesToDraw = 1;
            // Taps shorter than a frame (a software renderer at 4K) reach the
            // panels a frame each, and a combo's list opened by one shows a
            // frame after it: the view rests when the panels have all.
            if (v.framesToDraw == 0 && v.ui->owesFrame()) v.framesToDraw = 1;
        }
    }
}

// The kiosk's config: the file `--kiosk CONFIG.json` names, or the defaults
// around the scenarios given (the default one without any). Problems printed.
std::optional<KioskConfig> kioskConfig(const ViewerCommand& cmd, const Environment& env) {
    const std::vector<std::string>& args = *cmd.kiosk;
    if (args.size() == 1 && isKioskConfig(args.front())) {
        core::Problems problems;
        auto config = readKioskConfig(args.front(), problems);
        core::printProblems(args.front(), problems);
        return config;
    }
    std::vector<fs::path> sites(args.begin(), args.end());
    if (sites.empty()) {
        if (const auto path = defaultScenarioPath(env)) sites.push_back(*path);
    }
    if (sites.empty()) return std::nullopt;
    return defaultKioskConfig(std::move(sites));
}

// `--proposal FILE [--place ...]`: on the site before the window opens, in the
// last phase. A unit that looks wrong is offered its fix in the panel.
bool proposeAtStart(Viewer& v, const ProposalOption& option) {
    if (!v.session) {
        std::fprintf(stderr,
                     "friche: --proposal places a model on a scenario's site: %s is a model\n",
                     v.path.c_str());
        return false;
    }
    std::string error;
    auto model = loadProposal(option.file, error);
    if (!model) {
        std::fprintf(stderr, "friche: %s\n", error.c_str());
        return false;
    }
    const int last = static_cast<int>(v.base->phases.size()) - 1;
    v.review.propose(std::move(*model), option.placement, last);
    auto opened = openPlaced(v);
    if (!opened) return false;
    opened->session->inherit(std::move(*v.session));
    adopt(v, std::move(*opened));
    showProposal(v);
    return true;
}

// The workshop on the scenario: a session (in memory without --session), the
// tour to start and the tablet remote. A bad option or session file is said
// before the loop starts, with exit status 1.
bool startWorkshop(Viewer& v, const ViewerCommand& cmd) {
    WorkshopOptions options;
    options.tour = cmd.tour;
    if (cmd.session) options.session = *cmd.session;
    if (cmd.remote) {
        options.remote = remote::parseRemoteAddress(*cmd.remote);
        if (!options.remote) {
            std::fprintf(stderr,
                         "friche: --remote wants [ADDR:]PORT (e.g. 8080 or 0.0.0.0:8080), "
                         "found '%s'\n",
                         cmd.remote->c_str());
            return false;
        }
        options.remote->pin = cmd.remotePin;
    }
    std::string error;
    v.workshop.emplace();
    if (v.workshop->start(options, v.session->story(), drawableAspect(v), error)) return true;
    std::fprintf(stderr, "friche: %s\n", error.c_str());
    return false;
}

}  // namespace

std::optional<fs::path> defaultScenarioPath(const Environment& env) {
    if (env.defaultScenario) return env.defaultScenario;
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

int runViewer(const ViewerCommand& cmd, const ViewerHooks& hooks) {
    Viewer v;
    v.hooks = hooks;
    v.uiScale = cmd.uiScale;
    const auto env = readEnvironment("friche");
    if (!env) return kExitUsage;
    std::string error;
    if (cmd.kiosk) {
        auto config = kioskConfig(cmd, *env);
        if (!config) return kExitBadInput;
        v.kiosk.emplace(std::move(*config));
    }
    const auto path = v.kiosk            ? v.kiosk->config().sites.front()
                      : cmd.path.empty() ? defaultScenarioPath(*env)
                                         : std::optional<fs::path>(cmd.path);
    if (path && (cmd.tour || cmd.session || cmd.remote) && core::lowerExtension(*path) != "json") {
        std::fprintf(stderr, "friche: a workshop runs on a scenario (.json): %s is a model\n",
                     path->c_str());
        return kExitUsage;
    }
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
    logSite(v);
    if (cmd.proposal && !proposeAtStart(v, *cmd.proposal)) return kExitBadInput;
    if (v.session)
        v.session->story().setIdleSeconds(v.kiosk ? v.kiosk->config().idleSeconds
                                                  : env->idleSeconds);
    v.light.lighting = env->look.lighting;
    if (!v.kiosk) readPreferences(v);
    sunAtSite(v);
    v.light.debugView = env->look.debugView;
    v.snapshot = env->snapshot;
    v.maxTile = env->maxTile;
    if (env->frameBudgetMs > 0.0) v.quality.emplace(env->frameBudgetMs);
    v.frameBudgetMs = env->frameBudgetMs;
    if (!displayAvailable() && !v.snapshot && !hooks.beforeTurn) {
        std::fputs(kNoDisplay, stderr);
        return kExitBadInput;
    }
    if (!open(v)) return kExitBadInput;
    showStart(v);
    if (v.session && !v.kiosk && !startWorkshop(v, cmd)) return kExitBadInput;
    runLoop(v);
    return v.snapshotFailed ? kExitBadInput : kExitOk;
}

}  // namespace friche::app
