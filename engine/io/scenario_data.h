// The sourced facts of a scenario: its "data" section, and the figures a
// hotspot may carry. Internal to the scenario loader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/scenario_json.h"
#include "scene/scenario.h"

namespace friche::io::scenario_json {

// The member `key` of `parent`: an optional array of figures.
std::vector<scene::Figure> readFigures(const Fields& parent, std::string_view key);

// "data": budget, funding (shares adding up to 100 % or amounts adding up to
// the budget, the other filled in), partners, surfaces, indicators.
void readProjectData(const json& value, const std::string& pointer, core::Problems& problems,
                     scene::ProjectData& data);

}  // namespace friche::io::scenario_json
