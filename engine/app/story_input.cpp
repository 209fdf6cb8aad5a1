#include "app/story_input.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <stb_image_write.h>

#include "core/file.h"
#include "io/scenario_loader.h"

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
    io::SiteModelResult site = io::loadSiteModel(loaded.story().scenario());
    core::printProblems(path, site.problems);
    if (!site.ok()) {
        error = path + ": cannot load its models";
        return false;
    }
    loaded.site = std::move(site.site);
    loaded.story().attach(loaded.site);
    return true;
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

render::Lighting pictureLighting(render::Lighting lighting, const PictureOptions& picture,
                                 const scene::Site* site) {
    if (picture.date) scene::setDate(lighting.site, *picture.date);
    if (picture.time) lighting.site.hour = *picture.time;
    if (site) lighting.site = scene::atSite(*site, lighting.site);
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
    std::string error;
    const auto bytes = core::readFile(path, error, io::kMaxScenarioBytes);
    return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

bool writePng(const std::string& path, int width, int height,
              const std::vector<std::uint8_t>& rgb) {
    // zlib level 2: a still of a site compresses nearly as well as at level 9
    // in a fraction of the time, and time-to-first-image is what users wait for.
    stbi_write_png_compression_level = 2;
    return stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3) != 0;
}

std::unique_ptr<HeadlessGl> HeadlessGl::open(const scene::Model& model, int width, int height,
                                             const std::string& path) {
    auto gl = std::make_unique<HeadlessGl>();
    // The context, shaders and target are friche's own: their problems are not the file's.
    core::Problems setup;
    gl->platform = Platform::open(
        {.title = "friche (headless)", .width = 64, .height = 64, .headless = true}, setup);
    if (gl->platform) gl->renderer = render::Renderer::create(setup);
    if (gl->renderer) gl->target = render::OffscreenTarget::create(width, height, setup);
    core::printProblems("friche", setup);
    if (!gl->target) return nullptr;
    core::Problems upload;
    gl->gpu = gl->renderer->upload(model, upload);
    core::printProblems(path, upload);
    if (!gl->gpu) return nullptr;
    return gl;
}

}  // namespace friche::app
