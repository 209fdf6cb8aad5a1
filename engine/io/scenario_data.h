// The sourced facts of a scenario: its "data" section, and the figures and
// the phase list a hotspot shares with them. Internal to the scenario loader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/scenario_json.h"
#include "scene/scenario.h"

namespace friche::io::scenario_json {

// The member "phases" of `parent`: an optional array of phase ids, as
// indices into `phases` (an unknown id is an error at its own pointer).
std::vector<int> readPhases(const Fields& parent, const std::vector<scene::Phase>& phases);

// The member `key` of `parent`: an optional array of figures, each of which
// may name its phases.
std::vector<scene::Figure> readFigures(const Fields& parent, std::string_view key,
                                       const std::vector<scene::Phase>& phases);

// "data": budget, funding (shares adding up to 100 % or amounts adding up to
// the budget, the other filled in), partners, surfaces, indicators; each may
// name the phases it belongs to.
void readProjectData(const json& value, const std::string& pointer, core::Problems& problems,
                     const std::vector<scene::Phase>& phases, scene::ProjectData& data);

}  // namespace friche::io::scenario_json
