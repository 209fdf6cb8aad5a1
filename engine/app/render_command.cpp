#include "app/render_command.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <initializer_list>

#include <stb_image_write.h>

#include "app/imgui_layer.h"
#include "app/platform.h"
#include "core/file.h"
#include "io/load.h"
#include "io/scenario_loader.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "render/view.h"
#include "scene/depth_range.h"
#include "scene/draw_list.h"
#include "scene/layer_look.h"
#include "scene/sight_lines.h"
#include "scene/timeline.h"
#include "ui/model_panel.h"
#include "ui/story_panels.h"

namespace friche::app {

namespace {

// zlib level 2: a still of a site compresses nearly as well as at level 9 in a
// fraction of the time, and time-to-first-image is what users wait for.
constexpr int kPngCompression = 2;

// Environment variables that change how a still is lit, for tests and for
// people comparing looks (the command line stays as BRIEF.md fixes it):
//   FRICHE_ENV=clear|overcast|white   the sky; white is a uniform environment of
//                                     radiance 1 with no sun and no ground (the
//                                     white-furnace test)
//   FRICHE_TONEMAP=neutral|aces       Khronos PBR Neutral (default) or ACES
//   FRICHE_SUN=YYYY-MM-DDTHH:MM       local date and time at Liège (Belgian
//                                     clocks: UTC+2 in summer time, else +1)
//   FRICHE_DEBUG_VIEW=basecolor|normals|metalrough|occlusion|cascades|wireframe
//   FRICHE_ORBIT=YAW,PITCH            the orbit camera's angles in degrees (0,0
//                                     looks straight down -Z), for oracle tests
struct Choice {
    const char* name;
    int value;
};

std::optional<int> choose(const char* variable, std::initializer_list<Choice> choices, int fallback,
                          std::string& error) {
    const char* set = std::getenv(variable);
    if (!set || !*set) return fallback;
    std::string names;
    for (const Choice& c : choices) {
        if (c.name == std::string(set)) return c.value;
        names += std::string(names.empty() ? "" : ", ") + c.name;
    }
    error = std::string(variable) + "=" + set + " is not one of: " + names;
    return std::nullopt;
}

bool parseSunTime(const char* text, scene::SiteTime& site) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    if (std::sscanf(text, "%d-%d-%dT%d:%d", &year, &month, &day, &hour, &minute) != 5 ||
        month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59)
        return false;
    site.year = year;
    site.month = month;
    site.day = day;
    site.hour = hour + minute / 60.0;
    site.utcOffsetHours = scene::centralEuropeanUtcOffset(year, month, day);
    return true;
}

std::optional<render::ViewParams> lightingFromEnvironment(render::ViewParams view,
                                                          std::string& error) {
    using render::DebugView;
    using scene::SkyKind;
    const auto sky = choose("FRICHE_ENV",
                            {{"clear", static_cast<int>(SkyKind::Clear)},
                             {"overcast", static_cast<int>(SkyKind::Overcast)},
                             {"white", static_cast<int>(SkyKind::Uniform)}},
                            static_cast<int>(SkyKind::Clear), error);
    const auto tone = choose("FRICHE_TONEMAP",
                             {{"neutral", static_cast<int>(render::ToneMap::PbrNeutral)},
                              {"aces", static_cast<int>(render::ToneMap::Aces)}},
                             0, error);
    const auto debug = choose("FRICHE_DEBUG_VIEW",
                              {{"basecolor", static_cast<int>(DebugView::BaseColor)},
                               {"normals", static_cast<int>(DebugView::Normals)},
                               {"metalrough", static_cast<int>(DebugView::MetallicRoughness)},
                               {"occlusion", static_cast<int>(DebugView::Occlusion)},
                               {"cascades", static_cast<int>(DebugView::ShadowCascades)},
                               {"wireframe", static_cast<int>(DebugView::Wireframe)}},
                              0, error);
    if (!sky || !tone || !debug) return std::nullopt;
    view.lighting.sky = static_cast<SkyKind>(*sky);
    view.lighting.toneMap = static_cast<render::ToneMap>(*tone);
    view.debugView = static_cast<DebugView>(*debug);
    if (const char* sun = std::getenv("FRICHE_SUN"); sun && *sun) {
        if (!parseSunTime(sun, view.lighting.site)) {
            error =
                std::string("FRICHE_SUN=") + sun + " is not a date and time like 2025-06-21T15:00";
            return std::nullopt;
        }
    }
    return view;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "friche render: %s\n", message.c_str());
    return kExitBadInput;
}

bool isScenario(const RenderCommand& cmd) {
    return core::lowerExtension(cmd.path) == "json";
}

// What this command cannot do yet, said before any work is done.
std::optional<std::string> unsupported(const RenderCommand& cmd) {
    if (isScenario(cmd)) return std::nullopt;
    if (cmd.phase || cmd.at || cmd.compare)
        return cmd.path +
               " is a model, and a model has no phases: --phase, --at and --compare need a "
               "scenario";
    return std::nullopt;
}

// The panels over a still, as the viewer draws them; `panels` runs inside ImGui's frame.
void drawPanels(const RenderCommand& cmd, const std::function<void()>& panels) {
    core::Problems problems;
    OffscreenImGui ui(cmd.width, cmd.height, problems);
    core::printProblems("friche render", problems);
    ui.draw(panels);
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
    drawPanels(cmd, [&] { ui::modelPanel({model, stats, problems, cameras, glContext}, view); });
}

std::optional<std::string> outputProblem(const std::string& output) {
    const std::filesystem::path parent = std::filesystem::absolute(output).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(parent, ec))
        return "cannot write " + output + ": no folder " + parent.string();
    return std::nullopt;
}

// The view the still is taken from: the named glTF camera, or the orbit
// camera's three-quarter view of everything.
std::optional<render::ViewParams> chooseView(const RenderCommand& cmd, const scene::Model& model,
                                             int sceneIndex, std::string& error) {
    if (cmd.view) {
        const auto placed = render::findCamera(model, sceneIndex, *cmd.view);
        if (!placed) {
            error = "no camera \"" + *cmd.view + "\" in " + cmd.path +
                    "; its cameras: " + render::cameraList(model);
            return std::nullopt;
        }
        return render::cameraView(model, *placed, cmd.width, cmd.height);
    }
    scene::OrbitCamera camera;
    if (const char* orbit = std::getenv("FRICHE_ORBIT"); orbit && *orbit) {
        float yaw = 0.0f, pitch = 0.0f;
        if (std::sscanf(orbit, "%f,%f", &yaw, &pitch) != 2) {
            error = std::string("FRICHE_ORBIT=") + orbit + " is not two angles like 30,-20";
            return std::nullopt;
        }
        camera.yaw = glm::radians(yaw);
        camera.pitch = glm::radians(pitch);
    }
    const float aspect = static_cast<float>(cmd.width) / static_cast<float>(cmd.height);
    const scene::Bounds drawn = scene::worldBounds(model, scene::buildDrawList(model, sceneIndex));
    camera.frame(drawn, aspect);
    const scene::DepthRange depth =
        scene::fitDepthRange(camera.eye(), camera.viewDirection(), drawn);
    camera.nearPlane = depth.nearPlane;
    camera.farPlane = depth.farPlane;
    return render::orbitView(camera, cmd.width, cmd.height);
}

bool writePng(const std::string& path, int width, int height,
              const std::vector<std::uint8_t>& rgb) {
    stbi_write_png_compression_level = kPngCompression;
    return stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3) != 0;
}

// Everything that needs GL: upload, draw, read back. nullopt after printing why.
// Draws into the still's target and reads it back: one view, or several (compare).
using DrawStill = std::function<std::vector<std::uint8_t>(
    render::Renderer&, const render::GpuModel&, const render::OffscreenTarget&)>;

std::optional<std::vector<std::uint8_t>> renderStill(const scene::Model& model,
                                                     const RenderCommand& cmd,
                                                     const DrawStill& draw) {
    // The context, shaders and target are friche's own: their problems are not the file's.
    core::Problems setup;
    auto platform = Platform::open(
        {.title = "friche render", .width = 64, .height = 64, .headless = true}, setup);
    auto renderer = platform ? render::Renderer::create(setup) : nullptr;
    auto target =
        renderer ? render::OffscreenTarget::create(cmd.width, cmd.height, setup) : std::nullopt;
    core::printProblems("friche render", setup);
    if (!target) return std::nullopt;
    core::Problems uploadProblems;
    auto gpu = renderer->upload(model, uploadProblems);
    core::printProblems(cmd.path, uploadProblems);
    return draw(*renderer, *gpu, *target);
}

// ---- Scenarios: a phase, a position between phases, or two phases compared.

// The dark line between the two halves of a comparison, in pixels.
constexpr int kDividerWidth = 2;

std::string phaseIds(const scene::Scenario& s) {
    std::string ids;
    for (const scene::Phase& p : s.phases) ids += (ids.empty() ? "" : ", ") + p.id;
    return ids;
}

std::optional<int> findPhase(const scene::Scenario& s, const std::string& id,
                             const std::string& path, std::string& error) {
    if (const auto index = s.phaseIndex(id)) return *index;
    error = "no phase '" + id + "' in " + path + "; its phases: " + phaseIds(s);
    return std::nullopt;
}

// --phase ID, --at POS (0 the first phase; past the last one is an error, not
// a silent clamp, so a typo does not render the wrong phase), or the first phase.
std::optional<double> timelinePosition(const RenderCommand& cmd, const scene::Scenario& s,
                                       std::string& error) {
    if (cmd.phase) {
        const auto phase = findPhase(s, *cmd.phase, cmd.path, error);
        return phase ? std::optional<double>(*phase) : std::nullopt;
    }
    const double last = static_cast<double>(s.phases.size() - 1);
    if (!cmd.at) return 0.0;
    if (!std::isfinite(*cmd.at) || *cmd.at < 0.0 || *cmd.at > last) {
        char at[32];
        std::snprintf(at, sizeof at, "%g", *cmd.at);
        error = "--at " + std::string(at) + " is outside the timeline of " + cmd.path + ": 0 (" +
                s.phases.front().id + ") to " + std::to_string(s.phases.size() - 1) + " (" +
                s.phases.back().id + ")";
        return std::nullopt;
    }
    return *cmd.at;
}

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

// --view NAME, else the shown phase's view, else the scenario's start view, else the whole site.
std::optional<scene::OrbitCamera> scenarioCamera(const RenderCommand& cmd, const scene::Scenario& s,
                                                 const scene::Model& model, double position,
                                                 int width, int height, std::string& error) {
    int view = s.startView;
    if (cmd.view) {
        const auto named = s.viewIndex(*cmd.view);
        if (!named) {
            std::string ids;
            for (const scene::View& v : s.views) ids += (ids.empty() ? "" : ", ") + v.id;
            error = "no view '" + *cmd.view + "' in " + cmd.path + "; its views: " + ids;
            return std::nullopt;
        }
        view = *named;
    } else if (const int phaseView = s.phases[static_cast<std::size_t>(std::lround(position))].view;
               phaseView >= 0) {
        view = phaseView;
    }
    const scene::Bounds site =
        scene::worldBounds(model, scene::buildDrawList(model, model.defaultScene));
    scene::OrbitCamera camera;
    if (view >= 0)
        camera = s.views[static_cast<std::size_t>(view)].orbit();
    else
        camera.frame(site, static_cast<float>(width) / static_cast<float>(height));
    // Planes that keep the site's ground layers apart in depth.
    const scene::DepthRange depth =
        scene::fitDepthRange(camera.eye(), camera.viewDirection(), site);
    camera.nearPlane = depth.nearPlane;
    camera.farPlane = depth.farPlane;
    return camera;
}

void drawDivider(std::vector<std::uint8_t>& rgb, int width, int height, int seam) {
    for (int y = 0; y < height; ++y) {
        for (int x = std::max(0, seam - kDividerWidth / 2);
             x < std::min(width, seam + kDividerWidth / 2); ++x) {
            const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                            static_cast<std::size_t>(x)) *
                           3;
            std::fill_n(rgb.begin() + static_cast<std::ptrdiff_t>(i), 3, std::uint8_t{20});
        }
    }
}

struct ScenarioStill {
    const scene::Scenario& scenario;
    const scene::ModelLooks& looks;
    const scene::SightLines& sight;
    scene::OrbitCamera camera;
    render::ViewParams lighting;  // the lighting and debug view from the environment
};

// The viewer's story panels (labels, timeline, phase card, compare) at `position`, in `cmd.lang`.
void drawScenarioPanels(const RenderCommand& cmd, const ScenarioStill& still, double position,
                        scene::Compare compare) {
    const render::ViewParams view = render::orbitView(still.camera, cmd.width, cmd.height);
    scene::Timeline timeline(static_cast<int>(still.scenario.phases.size()));
    timeline.setPosition(position);
    // The command line accepts only the four languages.
    const scene::Language language = scene::parseLanguage(cmd.lang).value_or(scene::Language::En);
    const glm::vec2 size(static_cast<float>(cmd.width), static_cast<float>(cmd.height));
    drawPanels(cmd, [&] {
        ui::storyPanels(still.scenario, timeline, compare, language,
                        {view.projection * view.view, size,
                         still.sight.blocked(view.eye, still.scenario.hotspots,
                                             still.looks.at(still.scenario, position))});
    });
}

// One phase (or position) at `viewport` of the still's target, only its
// `scissor` part written if that is set (a swipe side).
void drawPosition(render::Renderer& renderer, const render::GpuModel& gpu,
                  const render::OffscreenTarget& target, const ScenarioStill& still,
                  double position, const glm::ivec4& viewport, const glm::ivec4& scissor = {}) {
    if (viewport.z <= 0 || viewport.w <= 0) return;
    if (scissor.w > 0 && scissor.z <= 0) return;  // a swipe divider at an edge
    target.bind();                                // reading a still back unbinds it
    const std::vector<scene::NodeLook> looks = still.looks.at(still.scenario, position);
    render::ViewParams view = render::orbitView(still.camera, viewport.z, viewport.w);
    view.viewport = viewport;
    view.scissor = scissor;
    view.lighting = still.lighting.lighting;
    view.debugView = still.lighting.debugView;
    view.looks = looks;
    renderer.draw(gpu, view);
}

int runScenarioRender(const RenderCommand& cmd) {
    const io::ScenarioResult loaded = io::loadScenario(cmd.path);
    core::printProblems(cmd.path, loaded.problems);
    if (!loaded.ok())
        return fail(cmd.path + ": not a valid scenario (" +
                    std::to_string(loaded.problems.count(core::Severity::Error)) + " error(s))");
    const scene::Scenario& s = loaded.scenario;
    std::string error;
    const auto position = timelinePosition(cmd, s, error);
    const auto compare =
        position && cmd.compare ? parseCompare(*cmd.compare, s, cmd.path, error) : std::nullopt;
    if (!position || (cmd.compare && !compare)) return fail(error);
    const io::SiteModelResult site = io::loadSiteModel(s);
    core::printProblems(cmd.path, site.problems);
    if (!site.ok()) return fail(cmd.path + ": cannot load its models");
    const scene::Model& model = site.site.model;
    const scene::ModelLooks looks(s, site.site);
    const scene::SightLines sight(model, model.defaultScene);
    const bool side = compare && compare->mode == scene::CompareMode::Side;
    const auto camera = scenarioCamera(cmd, s, model, compare ? compare->phaseA : *position,
                                       side ? cmd.width / 2 : cmd.width, cmd.height, error);
    if (!camera) return fail(error);
    const auto lighting = lightingFromEnvironment({}, error);
    if (!lighting) {
        std::fprintf(stderr, "friche render: %s\n", error.c_str());
        return kExitUsage;
    }
    const ScenarioStill still{s, looks, sight, *camera, *lighting};
    const scene::CompareViewports parts =
        compare ? scene::compareViewports(*compare, cmd.width, cmd.height)
                : scene::CompareViewports{};
    const auto pixels = renderStill(
        model, cmd,
        [&](render::Renderer& r, const render::GpuModel& gpu, const render::OffscreenTarget& t) {
            if (!compare) {
                drawPosition(r, gpu, t, still, *position, {0, 0, cmd.width, cmd.height});
            } else {
                // As the viewer draws it: swipe cuts one full view in two, side gives each
                // half its own.
                const glm::ivec4 full{0, 0, cmd.width, cmd.height};
                drawPosition(r, gpu, t, still, compare->phaseA, side ? parts.a : full,
                             side ? glm::ivec4{} : parts.a);
                drawPosition(r, gpu, t, still, compare->phaseB, side ? parts.b : full,
                             side ? glm::ivec4{} : parts.b);
            }
            if (cmd.ui) {
                t.bind();
                drawScenarioPanels(cmd, still, *position, compare.value_or(scene::Compare{}));
                return t.readRgb();
            }
            std::vector<std::uint8_t> rgb = t.readRgb();
            if (compare) drawDivider(rgb, cmd.width, cmd.height, parts.b.x);
            return rgb;
        });
    if (!pixels) return fail("cannot render " + cmd.path);
    if (!writePng(cmd.output, cmd.width, cmd.height, *pixels))
        return fail("cannot write " + cmd.output);
    return kExitOk;
}

}  // namespace

int runRender(const RenderCommand& cmd) {
    if (auto why = unsupported(cmd)) return fail(*why);
    if (auto why = outputProblem(cmd.output)) return fail(*why);
    if (isScenario(cmd)) return runScenarioRender(cmd);
    // Load first: a bad file is reported without ever opening GL.
    const io::LoadResult loaded = io::loadModel(cmd.path);
    core::printProblems(cmd.path, loaded.problems);
    if (!loaded.ok())
        return fail(cmd.path + ": cannot load (" +
                    std::to_string(loaded.problems.count(core::Severity::Error)) + " error(s))");
    const int sceneIndex = loaded.model.defaultScene;
    std::string error;
    auto view = chooseView(cmd, loaded.model, sceneIndex, error);
    if (!view) return fail(error);
    view = lightingFromEnvironment(*view, error);
    if (!view) {
        std::fprintf(stderr, "friche render: %s\n", error.c_str());
        return kExitUsage;
    }
    view->scene = sceneIndex;
    const auto pixels = renderStill(
        loaded.model, cmd,
        [&](render::Renderer& r, const render::GpuModel& gpu, const render::OffscreenTarget& t) {
            t.bind();
            r.draw(gpu, *view);
            if (cmd.ui) {
                t.bind();
                drawModelPanel(cmd, loaded.model, sceneIndex, loaded.problems);
            }
            return t.readRgb();
        });
    if (!pixels) return fail("cannot render " + cmd.path);
    if (!writePng(cmd.output, cmd.width, cmd.height, *pixels))
        return fail("cannot write " + cmd.output);
    return kExitOk;
}

}  // namespace friche::app
