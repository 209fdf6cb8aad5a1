// What the scenario loader needs to know about a layer's model without
// loading it: its node and scene names, read from the glTF JSON alone (a .glb's
// binary chunk is never read). Internal to the scenario loader.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace friche::io {

struct ModelOutline {
    std::vector<std::string> nodeNames;   // "" for an unnamed node
    std::vector<std::string> sceneNames;  // "" for an unnamed scene
};

// The outline of a .gltf or .glb, or nullopt with `error` set. Other formats
// have no outline (nullopt, empty error): their names are checked on load.
std::optional<ModelOutline> readModelOutline(const std::filesystem::path& path, std::string& error);

}  // namespace friche::io
