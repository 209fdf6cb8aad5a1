// Loading a scenario (scenes/<id>.json, see docs/scenario-format.md) into
// scene::Scenario, with every problem pointed at: a JSON pointer and what was
// expected ("/phases/2/id: expected a string, found a number"), or
// file:line:col for JSON that does not parse.
//
//   io::ScenarioResult r = io::loadScenario("scenes/droixhe.json");
//   for (const core::Problem& p : r.problems.list()) ...;  // warnings even when ok
//   if (r.ok()) start(r.scenario);                          // every reference resolved
//
// Model files are looked for by findModel's rule: next to the scenario file
// first, then in the assets folder beside the friche executable, where the
// build writes the generated site models.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "scene/scenario.h"
#include "scene/site_model.h"

namespace friche::io {

// A scenario is written by hand: 4 MiB is a hundred times the largest one.
inline constexpr std::uintmax_t kMaxScenarioBytes = 4u << 20;

struct ScenarioOptions {
    // Searched for a model, in order, after the scenario file's own folder.
    std::vector<std::filesystem::path> assetDirs;
};

// <folder of the running executable>/assets (empty if it cannot be found).
std::vector<std::filesystem::path> defaultAssetDirs();
ScenarioOptions defaultScenarioOptions();

struct ScenarioResult {
    scene::Scenario scenario;
    core::Problems problems;
    bool ok() const { return !problems.hasErrors(); }
};

ScenarioResult loadScenario(const std::filesystem::path& path,
                            const ScenarioOptions& options = defaultScenarioOptions());

// The same from text already in memory; `file` names it in messages and
// anchors relative model paths.
ScenarioResult parseScenario(std::string_view text, const std::filesystem::path& file,
                             const ScenarioOptions& options);

// The model search rule: an absolute path as is; a relative one against the
// scenario's folder, then against each asset folder. Every candidate path
// goes into `tried` (for the error message).
std::optional<std::filesystem::path> findModel(const std::string& model,
                                               const std::filesystem::path& scenarioDir,
                                               const std::vector<std::filesystem::path>& assetDirs,
                                               std::vector<std::filesystem::path>& tried);

struct SiteModelResult {
    scene::SiteModel site;
    core::Problems problems;
    bool ok() const { return !problems.hasErrors(); }
};

// Loads every model the scenario uses (each file once), reporting a file's
// problems under the pointer of the first layer using it, and assembles the
// site the renderer draws (scene::assembleSite). What `check` adds to
// loadScenario, which reads only the models' node and scene names. Models in
// `loaded` (a proposal read to measure it) are used as they are, not read again.
SiteModelResult loadSiteModel(const scene::Scenario& scenario,
                              std::vector<scene::ModelFile> loaded = {});

}  // namespace friche::io
