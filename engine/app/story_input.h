// What the commands that draw a scenario without a window (`render`, `video`)
// share: the story loaded with its site, its moments and views checked
// against the command line, and a headless GL context to draw it in.
//
//   std::string error;
//   auto loaded = app::loadStory(path, error);        // nullptr: bad input, `error` says why
//   auto pos = app::checkPosition(loaded->story(), path, "--from", 1.5, error);
//   if (!app::loadSite(*loaded, path, error)) ...;     // the models, once the options are good
//   auto gl = app::HeadlessGl::open(loaded->site.model, width, height, path);  // nullptr: said why
//   gl->target->bind();  render::drawStory(*gl->renderer, *gl->gpu, story, width, height, look);
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/platform.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "scene/site_model.h"
#include "scene/story.h"

namespace friche::app {

// A story and the assembled site it keeps pointers into: they live and die together.
struct LoadedStory {
    scene::SiteModel site;
    std::optional<scene::Story> loaded;
    std::vector<scene::ModelFile> preloaded;  // models loadSite need not read again
    scene::Story& story() { return *loaded; }
};

// An architect's model read to be placed: its file (absolute) and its bounds as modelled.
struct ProposalModel {
    scene::ModelFile file;
    scene::Bounds bounds;
};
// Reads the proposal's model; prints its problems. nullopt with `error` when it cannot be read.
std::optional<ProposalModel> loadProposal(const std::string& file, std::string& error);
// Why a model of `bounds` looks drawn in the wrong unit, and the fix (scene::guessUnit);
// nullopt when metres look right.
std::optional<std::string> unitProblem(const std::string& file, const scene::Bounds& bounds);
// Puts the proposal on the loaded story's site, in a phase of its own after the
// phase `phase` names (none: the last phase); the story is built anew around it.
// The proposal phase's id; nullopt with `error` when the model cannot be read,
// or its size suggests another unit and none was given.
std::optional<std::string> addProposal(LoadedStory& loaded, const ProposalOption& option,
                                       const std::optional<std::string>& phase,
                                       const std::string& path, std::string& error);

// Loads and validates the scenario at `path`; prints every problem. nullptr
// with `error` set when the input is bad. Its models come with loadSite, so
// that a bad option is said before any model is read.
std::unique_ptr<LoadedStory> loadStory(const std::string& path, std::string& error);
// Assembles the story's models and attaches them; prints every problem. False
// with `error` set when they cannot be loaded.
bool loadSite(LoadedStory& loaded, const std::string& path, std::string& error);

// `value` of `option` as a timeline position of `story`: 0 the first phase;
// past the last one is an error, not a silent clamp, so a typo does not show the wrong phase.
std::optional<double> checkPosition(const scene::Story& story, const std::string& path,
                                    const std::string& option, double value, std::string& error);
// The phase `id`'s index, or an error listing the phases.
std::optional<int> findPhase(const scene::Scenario& s, const std::string& id,
                             const std::string& path, std::string& error);
// The view `id`'s index, or an error listing the views.
std::optional<int> findView(const scene::Scenario& s, const std::string& id,
                            const std::string& path, std::string& error);

// The sun over `site` at the day and hour chosen, and a site's look (its
// landscape, ambient occlusion); nullptr: a bare model's, the sun over Liège.
void lightAtSite(render::Lighting& lighting, const scene::Site* site);

// A picture's light: `lighting`'s day and hour (FRICHE_SUN's or the
// default), then --date and --time, at `site` (nullptr: a bare model, at Liège).
render::Lighting pictureLighting(render::Lighting lighting, const PictureOptions& picture,
                                 const scene::Site* site);

// An output file's folder must exist before any work is done.
// A scenario file's text (empty if it cannot be read, or is no .json): the
// glyphs the interface's font must hold for it.
std::string scenarioText(const std::filesystem::path& path);

std::optional<std::string> outputProblem(const std::string& output);

// Writes `rgb` (rows top first) as a PNG, through a temporary file renamed
// into place (core::writeFileAtomically): a failed write leaves no half file.
// False with `error` naming the path and the system's reason.
bool writePng(const std::filesystem::path& path, int width, int height,
              const std::vector<std::uint8_t>& rgb, std::string& error);

// A hidden GL context with the renderer, a width x height target and `model`
// uploaded. Declaration order is destruction order reversed.
struct HeadlessGl {
    std::unique_ptr<Platform> platform;
    std::unique_ptr<render::Renderer> renderer;
    std::optional<render::OffscreenTarget> target;
    std::unique_ptr<render::GpuModel> gpu;

    // nullptr after printing why; the model's own upload problems are printed under `path`.
    static std::unique_ptr<HeadlessGl> open(const scene::Model& model, int width, int height,
                                            const std::string& path);
    // The context, renderer and target, nothing uploaded yet: nullptr with
    // why in `setup` (friche's own problems, not a file's), printed by the caller.
    static std::unique_ptr<HeadlessGl> openEmpty(int width, int height, core::Problems& setup);
    // `model` uploaded; false after printing its problems under `path`.
    bool upload(const scene::Model& model, const std::string& path);
};

}  // namespace friche::app
