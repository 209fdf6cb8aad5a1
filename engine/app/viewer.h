// `friche [PATH]`: the interactive viewer in a window.
#pragma once

#include <filesystem>
#include <optional>

#include "app/cli.h"
#include "app/environment.h"

namespace friche::app {

int runViewer(const ViewerCommand& cmd);

// What `friche` with no PATH opens: $FRICHE_DEFAULT_SCENARIO if set, else
// the Seraing scenario, scenes/seraing.json, found beside the executable's
// folder (an installed tree, or <repo>/build) or in the source tree; nullopt
// when there is none.
std::optional<std::filesystem::path> defaultScenarioPath(const Environment& env);

}  // namespace friche::app
