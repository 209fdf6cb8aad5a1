// `friche [PATH]`: the interactive viewer in a window.
#pragma once

#include <filesystem>
#include <optional>

#include "app/cli.h"

namespace friche::app {

int runViewer(const ViewerCommand& cmd);

// What `friche` with no PATH opens: $FRICHE_DEFAULT_MODEL if set, else the
// Seraing site the build generates beside the executable
// (assets/sites/seraing.glb); nullopt when there is none.
std::optional<std::filesystem::path> defaultModelPath();

}  // namespace friche::app
