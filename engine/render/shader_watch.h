// Notices edits to the shaders while the viewer runs: when FRICHE_SHADER_DIR
// names a folder, changed() says whether a file in it was modified since the
// last call (by its latest modification time). Without it, never.
//
//   render::ShaderWatch watch;
//   if (watch.changed() && !renderer->reloadShaders(problems)) show(problems);
#pragma once

#include <filesystem>
#include <optional>

namespace friche::render {

class ShaderWatch {
public:
    ShaderWatch();
    bool changed();

private:
    std::optional<std::filesystem::path> dir_;
    std::filesystem::file_time_type latest_{};
};

}  // namespace friche::render
