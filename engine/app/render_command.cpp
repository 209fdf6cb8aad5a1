#include "app/render_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>

#include "app/environment.h"
#include "app/imgui_layer.h"
#include "app/platform.h"
#include "app/still.h"
#include "app/still_stats.h"
#include "app/story_input.h"
#include "core/file.h"
#include "gfx/gl.h"
#include "io/load.h"
#include "io/scenario_loader.h"
#include "media/signal_stop.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "render/tiles.h"
#include "render/view.h"
#include "scene/depth_range.h"
#include "scene/draw_list.h"
#include "ui/model_panel.h"

namespace friche::app {

namespace {

bool isScenario(const RenderCommand& cmd) {
    return core::lowerExtension(cmd.path) == "json";
}

// What this command cannot do yet, said before any work is done.
std::optional<std::string> unsupported(const RenderCommand& cmd) {
    if (isScenario(cmd)) return std::nullopt;
    if (cmd.phase || cmd.at || cmd.compare || cmd.proposal)
        return cmd.path +
               " is a model, and a model has no phases: --phase, --at, --compare and "
               "--proposal need a scenario";
    return std::nullopt;
}

// The viewer's Model panel: what was loaded and its counts. (Its frame time
// sits under a folded header, so the still stays the same from run to run.)
void drawModelPanel(const RenderCommand& cmd, const scene::Model& model, int sceneIndex,
                    const core::Problems& problems) {
    const auto items = scene::buildDrawList(model, sceneIndex);
    const scene::Stats stats = scene::computeStats(model, items);
    const std::vector<scene::CameraNode> cameras = scene::cameraNodes(model, sceneIndex);
    const std::string glContext;
    scene::ViewState view;
    view.scene = sceneIndex;
    UiLook look;
    look.kiosk = cmd.kiosk;
    drawStillPanels(cmd.width, cmd.height, look, [&] {
        ui::modelPanel({model, stats, problems, cameras, glContext}, view);
    });
}

// The view the still is taken from: the named glTF camera (letterboxed to its
// aspect ratio, as the viewer shows it), or the orbit camera's three-quarter
// view of everything.
std::optional<render::ViewParams> chooseView(const RenderCommand& cmd, const scene::Model& model,
                                             int sceneIndex, const Environment& env,
                                             std::string& error) {
    const float aspect = static_cast<float>(cmd.width) / static_cast<float>(cmd.height);
    scene::CameraView camera;
    if (cmd.view) {
        const auto placed = render::findCamera(model, sceneIndex, *cmd.view);
        if (!placed) {
            error = "no camera \"" + *cmd.view + "\" in " + cmd.path +
                    "; its cameras: " + render::cameraList(model);
            return std::nullopt;
        }
        camera = scene::gltfCameraView(model.cameras[static_cast<std::size_t>(placed->camera)],
                                       placed->world, aspect);
    } else {
        scene::OrbitCamera orbit;
        if (env.orbitDegrees) {
            orbit.yaw = glm::radians(env.orbitDegrees->x);
            orbit.pitch = glm::radians(env.orbitDegrees->y);
        }
        const scene::Bounds drawn =
            scene::worldBounds(model, scene::buildDrawList(model, sceneIndex));
        orbit.frame(drawn, aspect);
        camera = scene::orbitView(scene::withDepthRange(orbit, drawn), aspect);
    }
    render::ViewParams view = env.look;
    view.section = cmd.section;
    view.lighting = pictureLighting(env.look.lighting, cmd, nullptr);
    view.view = camera.view;
    view.projection = camera.projection;
    view.eye = camera.eye;
    view.viewport = scene::fitAspect(cmd.width, cmd.height, camera.aspect);
    view.scene = sceneIndex;
    return view;
}

// What a still is drawn from: the input read (`Loaded`), and GL opened beside it.
template <class Loaded>
struct OpenedInput {
    Loaded input;
    std::unique_ptr<HeadlessGl> gl;  // nullptr: could not open, `setup` says why
    core::Problems setup;
};

// Reads the input with `load` on another thread while this one opens GL (the
// context, the programs, the sky): the first image comes sooner by the
// shorter of the two. The input's problems are the caller's to say first;
// GL's are said by uploadTo, for an input found good.
template <class Load>
auto openBeside(const RenderCommand& cmd, Load load) {
    auto loading = std::async(std::launch::async, std::move(load));
    OpenedInput<decltype(loading.get())> opened;
    opened.gl = HeadlessGl::openEmpty(cmd.width, cmd.height, opened.setup);
    opened.input = loading.get();
    return opened;
}

// `model` uploaded to the GL opened; false after saying why.
template <class Loaded>
bool uploadTo(OpenedInput<Loaded>& opened, const scene::Model& model, const RenderCommand& cmd) {
    core::printProblems("friche", opened.setup);
    return opened.gl && opened.gl->upload(model, cmd.path);
}

// ---- Scenarios: a phase, a position between phases, or two phases compared.

std::optional<scene::Compare> parseCompare(const std::string& spec, const scene::Scenario& s,
                                           const std::string& path, std::string& error) {
    const auto colon = spec.find(':'), comma = spec.find(',');
    const std::string mode = spec.substr(0, colon);
    if ((mode != "swipe" && mode != "side") || colon == std::string::npos ||
        comma == std::string::npos || comma < colon) {
        error = "--compare " + spec +
                ": expected swipe:PHASE_A,PHASE_B[:SPLIT] or side:PHASE_A,PHASE_B";
        return std::nullopt;
    }
    const auto splitAt = spec.find(':', comma);
    const std::string second =
        spec.substr(comma + 1, splitAt == std::string::npos ? splitAt : splitAt - comma - 1);
    scene::Compare c{.mode =
                         mode == "swipe" ? scene::CompareMode::Swipe : scene::CompareMode::Side};
    const auto a = findPhase(s, spec.substr(colon + 1, comma - colon - 1), path, error);
    const auto b = a ? findPhase(s, second, path, error) : std::nullopt;
    if (!b) return std::nullopt;
    c.phaseA = *a;
    c.phaseB = *b;
    if (splitAt != std::string::npos) {
        char* end = nullptr;
        const std::string text = spec.substr(splitAt + 1);
        const double split = std::strtod(text.c_str(), &end);
        c.split = static_cast<float>(split);
        if (c.mode != scene::CompareMode::Swipe || end == text.c_str() || *end ||
            !(split >= 0.0 && split <= 1.0)) {
            error = "--compare " + spec + ": SPLIT is a number from 0 to 1, for swipe only";
            return std::nullopt;
        }
    }
    return c;
}

// The moment a still shows: --phase ID, --at POS, the first phase of a
// comparison, or the first phase; the language; the camera: --view NAME, else the story's own.
bool setMoment(const RenderCommand& cmd, scene::Story& story, std::string& error) {
    const scene::Scenario& s = story.scenario();
    std::optional<double> position = 0.0;
    if (cmd.phase) {
        const auto phase = findPhase(s, *cmd.phase, cmd.path, error);
        position = phase ? std::optional<double>(*phase) : std::nullopt;
    } else if (cmd.at) {
        position = checkPosition(story, cmd.path, "--at", *cmd.at, error);
    }
    if (!position) return false;
    if (cmd.compare) {
        const auto compare = parseCompare(*cmd.compare, s, cmd.path, error);
        if (!compare) return false;
        story.compare() = *compare;
        if (!cmd.phase && !cmd.at) position = compare->phaseA;
    }
    story.timeline().setPosition(*position);
    // The command line accepts only the four languages.
    story.language() = scene::parseLanguage(cmd.lang).value_or(scene::Language::En);
    if (cmd.view) {
        const auto view = findView(s, *cmd.view, cmd.path, error);
        if (!view) return false;
        story.holdView(*view);
    }
    return true;
}

// Writes the still, unless a signal asked to stop meanwhile; then its stats, where asked.
int finish(const RenderCommand& cmd, const std::optional<std::vector<std::uint8_t>>& pixels,
           const media::SignalStop& stop, const StillStats* stats) {
    if (stop.requested()) {
        std::fprintf(stderr, "friche render: stopped by signal %d; %s was not written\n",
                     stop.signal(), cmd.output.c_str());
        return 128 + stop.signal();
    }
    if (!pixels) return failed("render", "cannot render " + cmd.path);
    std::string error;
    if (!writePng(cmd.output, cmd.width, cmd.height, *pixels, error))
        return failed("render", error);
    if (stats) printStillStats(stdout, *stats, cmd.width, cmd.height);
    return kExitOk;
}

// A scenario read, its moment set and its site loaded; nullptr with `error`.
struct ScenarioInput {
    std::unique_ptr<LoadedStory> loaded;
    RenderCommand cmd;  // with a proposal, its phase
    std::string error;
};

ScenarioInput loadScenarioInput(const RenderCommand& asked) {
    ScenarioInput in;
    in.cmd = asked;
    in.loaded = loadStory(asked.path, in.error);
    if (!in.loaded) return in;
    // With a proposal, the still shows its phase.
    if (asked.proposal) {
        in.cmd.phase = addProposal(*in.loaded, *asked.proposal, asked.phase, asked.path, in.error);
        if (!in.cmd.phase) in.loaded.reset();
    }
    if (in.loaded && (!setMoment(in.cmd, in.loaded->story(), in.error) ||
                      !loadSite(*in.loaded, asked.path, in.error)))
        in.loaded.reset();
    return in;
}

int runScenarioRender(const RenderCommand& asked, const Environment& env,
                      const media::SignalStop& stop) {
    auto opened = openBeside(asked, [&] { return loadScenarioInput(asked); });
    if (!opened.input.loaded) return failed("render", opened.input.error);
    const RenderCommand& cmd = opened.input.cmd;
    LoadedStory& loaded = *opened.input.loaded;
    scene::Story& story = loaded.story();
    render::ViewParams look = env.look;
    look.section = cmd.section;
    look.lighting = pictureLighting(look.lighting, cmd, &story.scenario().site);
    StillStats stats;
    const StillOptions options{.look = look,
                               .maxTile = env.maxTile,
                               .panels = cmd.ui,
                               .kiosk = cmd.kiosk,
                               .scenarioText = scenarioText(cmd.path),
                               .stats = cmd.stats ? &stats : nullptr};
    std::optional<std::vector<std::uint8_t>> pixels;
    if (uploadTo(opened, loaded.site.model, cmd)) {
        HeadlessGl& gl = *opened.gl;
        pixels = drawStoryStill(*gl.renderer, *gl.gpu, *gl.target, story, options);
    }
    return finish(cmd, pixels, stop, cmd.stats ? &stats : nullptr);
}

int runModelRender(const RenderCommand& cmd, const Environment& env,
                   const media::SignalStop& stop) {
    std::string error;
    auto opened = openBeside(cmd, [&] { return io::loadModel(cmd.path); });
    const io::LoadResult& loaded = opened.input;
    core::printProblems(cmd.path, loaded.problems);
    if (!loaded.ok())
        return failed("render", cmd.path + ": cannot load (" +
                                    std::to_string(loaded.problems.count(core::Severity::Error)) +
                                    " error(s))");
    const int sceneIndex = loaded.model.defaultScene;
    const auto view = chooseView(cmd, loaded.model, sceneIndex, env, error);
    if (!view) return failed("render", error);
    if (!uploadTo(opened, loaded.model, cmd)) return finish(cmd, std::nullopt, stop, nullptr);
    const render::GpuModel& gpu = *opened.gl->gpu;
    render::Renderer& r = *opened.gl->renderer;
    const render::OffscreenTarget& t = *opened.gl->target;
    StillStats stats;
    t.bind();
    if (view->viewport != glm::ivec4(0, 0, cmd.width, cmd.height)) {
        // A glTF camera's fixed aspect: black bars, as in the viewer.
        glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    if (cmd.stats) stats.start();
    render::drawInTiles(
        r, gpu, *view, render::tileLimit(env.maxTile),
        cmd.stats ? std::function<void()>([&] { stats.add(r); }) : std::function<void()>());
    if (cmd.stats) stats.stop();
    if (cmd.ui) {
        t.bind();
        drawModelPanel(cmd, loaded.model, sceneIndex, loaded.problems);
    }
    return finish(cmd, t.readRgb(), stop, cmd.stats ? &stats : nullptr);
}

}  // namespace

int runRender(const RenderCommand& cmd) {
    if (auto why = unsupported(cmd)) return failed("render", *why);
    if (auto why = outputProblem(cmd.output)) return failed("render", *why);
    const auto env = readEnvironment("friche render");
    if (!env) return kExitUsage;
    // Ctrl+C or a service stop ends a render within a second, even one deep in
    // a huge model, and leaves no half-written image.
    const media::SignalStop stop(media::kCommandGrace);
    return isScenario(cmd) ? runScenarioRender(cmd, *env, stop) : runModelRender(cmd, *env, stop);
}

}  // namespace friche::app
