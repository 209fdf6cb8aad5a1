#include "app/story_input.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/environment.h"
#include "core/file.h"
#include "io/load.h"
#include "io/scenario_loader.h"
#include "media/png.h"
#include "scene/draw_list.h"

namespace friche::app {

std::unique_ptr<LoadedStory> loadStory(const std::string& path, std::string& error) {
    io::ScenarioResult scenario = io::loadScenario(path);
    core::printProblems(path, scenario.problems);
    if (!scenario.ok()) {
        error = path + ": not a valid scenario (" +
                std::to_string(scenario.problems.count(core::Severity::Error)) + " error(s))";
        return nullptr;
    }
    auto loaded = std::make_unique<LoadedStory>();
    loaded->loaded.emplace(std::move(scenario.scenario));
    return loaded;
}

bool loadSite(LoadedStory& loaded, const std::string& path, std::string& error) {
    io::SiteModelResult site =
        io::loadSiteModel(loaded.story().scenario(), std::move(loaded.preloaded));
    core::printProblems(path, site.problems);
    if (!site.ok()) {
        error = path + ": cannot load its models";
        return false;
    }
    loaded.site = std::move(site.site);
    loaded.story().attach(loaded.site);
    return true;
}

std::optional<ProposalModel> loadProposal(const std::string& file, std::string& error) {
    std::error_code ec;
    const std::filesystem::path path = std::filesystem::absolute(file, ec).lexically_normal();
    io::LoadResult r = io::loadModel(path);
    core::printProblems(file, r.problems);
    if (!r.ok()) {
        error = file + ": cannot load the proposal (" +
                std::to_string(r.problems.count(core::Severity::Error)) + " error(s))";
        return std::nullopt;
    }
    const scene::Bounds bounds =
        scene::worldBounds(r.model, scene::buildDrawList(r.model, r.model.defaultScene));
    if (!bounds.valid()) {
        error = file + ": the proposal draws nothing (no triangles in its scene)";
        return std::nullopt;
    }
    return ProposalModel{{path, std::move(r.model)}, bounds};
}

std::optional<std::string> unitProblem(const std::string& file, const scene::Bounds& bounds) {
    const auto unit = scene::guessUnit(bounds);
    if (!unit) return std::nullopt;
    const glm::vec3 size = bounds.size();
    const double across = std::max({size.x, size.y, size.z});
    char text[256];
    std::snprintf(text, sizeof text,
                  "%s measures %.6g m across in metres, as glTF counts: if it is in %s, add "
                  "--unit %s (it then measures %.3g m); to draw it as it is, --unit m",
                  file.c_str(), across, scene::unitSymbol(*unit), scene::unitSymbol(*unit),
                  across * scene::metresPer(*unit));
    return std::string(text);
}

std::optional<std::string> addProposal(LoadedStory& loaded, const ProposalOption& option,
                                       const std::optional<std::string>& phase,
                                       const std::string& path, std::string& error) {
    const scene::Scenario& scenario = loaded.story().scenario();
    std::optional<int> index = static_cast<int>(scenario.phases.size()) - 1;
    if (phase) index = findPhase(scenario, *phase, path, error);
    if (!index) return std::nullopt;
    auto model = loadProposal(option.file, error);
    if (!model) return std::nullopt;
    if (auto problem = unitProblem(option.file, model->bounds); problem && !option.unitGiven) {
        error = *problem;
        return std::nullopt;
    }
    std::string id = scene::proposalPhaseId(scenario, *index);
    const scene::Proposal proposal{model->file.path, option.placement, *index, {}};
    scene::Scenario placed = scene::withProposal(scenario, proposal, model->bounds);
    loaded.loaded.emplace(std::move(placed));
    loaded.preloaded.push_back(std::move(model->file));
    return id;
}

std::optional<double> checkPosition(const scene::Story& story, const std::string& path,
                                    const std::string& option, double value, std::string& error) {
    const std::vector<scene::Phase>& phases = story.scenario().phases;
    if (std::isfinite(value) && value >= 0.0 && value <= story.timeline().end()) return value;
    char at[32];
    std::snprintf(at, sizeof at, "%g", value);
    error = option + " " + at + " is outside the timeline of " + path + ": 0 (" +
            phases.front().id + ") to " + std::to_string(phases.size() - 1) + " (" +
            phases.back().id + ")";
    return std::nullopt;
}

namespace {

template <class Item>
std::string idList(const std::vector<Item>& items) {
    std::string ids;
    for (const Item& item : items) ids += (ids.empty() ? "" : ", ") + item.id;
    return ids;
}

}  // namespace

std::optional<int> findPhase(const scene::Scenario& s, const std::string& id,
                             const std::string& path, std::string& error) {
    if (const auto index = s.phaseIndex(id)) return *index;
    error = "no phase '" + id + "' in " + path + "; its phases: " + idList(s.phases);
    return std::nullopt;
}

std::optional<int> findView(const scene::Scenario& s, const std::string& id,
                            const std::string& path, std::string& error) {
    if (const auto index = s.viewIndex(id)) return *index;
    error = "no view '" + id + "' in " + path + "; its views: " + idList(s.views);
    return std::nullopt;
}

void lightAtSite(render::Lighting& lighting, const scene::Site* site) {
    lighting.siteLook(site != nullptr);
    lighting.setting = site ? site->setting : scene::Setting::Country;
    if (site) lighting.site = scene::atSite(*site, lighting.site);
}

render::Lighting pictureLighting(render::Lighting lighting, const PictureOptions& picture,
                                 const scene::Site* site) {
    if (picture.date) scene::setDate(lighting.site, *picture.date);
    if (picture.time) lighting.site.hour = *picture.time;
    lightAtSite(lighting, site);
    return lighting;
}

std::optional<std::string> outputProblem(const std::string& output) {
    const std::filesystem::path parent = std::filesystem::absolute(output).parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(parent, ec))
        return "cannot write " + output + ": no folder " + parent.string();
    return std::nullopt;
}

std::string scenarioText(const std::filesystem::path& path) {
    // A model's bytes are no text: read as one, a .glb's binary gave the font
    // thousands of stray glyphs and ImGui's atlas failed to build.
    if (core::lowerExtension(path) != "json") return {};
    std::string error;
    const auto bytes = core::readFile(path, error, io::kMaxScenarioBytes);
    return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

bool writePng(const std::filesystem::path& path, int width, int height,
              const std::vector<std::uint8_t>& rgb, std::string& error) {
    const auto png = media::encodePng(width, height, rgb);
    if (!png) {
        error = "cannot encode " + path.string() + " as PNG";
        return false;
    }
    return core::writeFileAtomically(path, *png, error);
}

std::unique_ptr<HeadlessGl> HeadlessGl::openEmpty(int width, int height, core::Problems& setup) {
    auto gl = std::make_unique<HeadlessGl>();
    gl->platform = Platform::open(
        {.title = "friche (headless)", .width = 64, .height = 64, .headless = true}, setup);
    if (gl->platform) gl->renderer = render::Renderer::create(setup, cacheFolder());
    if (gl->renderer) gl->target = render::OffscreenTarget::create(width, height, setup);
    return gl->target ? std::move(gl) : nullptr;
}

bool HeadlessGl::upload(const scene::Model& model, const std::string& path) {
    core::Problems problems;
    gpu = renderer->upload(model, problems);
    core::printProblems(path, problems);
    return gpu != nullptr;
}

std::unique_ptr<HeadlessGl> HeadlessGl::open(const scene::Model& model, int width, int height,
                                             const std::string& path) {
    // The context, shaders and target are friche's own: their problems are not the file's.
    core::Problems setup;
    auto gl = openEmpty(width, height, setup);
    core::printProblems("friche", setup);
    return gl && gl->upload(model, path) ? std::move(gl) : nullptr;
}

}  // namespace friche::app
