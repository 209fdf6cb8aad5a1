// `friche [PATH]`: the interactive viewer in a window.
#pragma once

#include <filesystem>
#include <optional>

#include "app/cli.h"

namespace friche::app {

int runViewer(const ViewerCommand& cmd);

// What `friche` with no PATH opens: $FRICHE_DEFAULT_MODEL if set, else
// assets/default.glb beside the executable, installed or in the source tree;
// nullopt when there is none.
std::optional<std::filesystem::path> defaultModelPath();

}  // namespace friche::app
