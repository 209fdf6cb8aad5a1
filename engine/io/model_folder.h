// What a model file may read besides itself: regular files inside its own
// folder. A model from a USB stick or an e-mail cannot make friche read
// /etc/passwd (an OBJ's `mtllib ../../etc/passwd`, a Collada image path) or
// block on a device or a FIFO.
//
//   const io::ModelFolder folder(modelPath);
//   if (auto refused = folder.refusal(texturePath)) warn(refused->message);
//
// Paths are resolved (symbolic links and `..` included) before they are
// compared, so a link inside the folder that points out of it is refused too.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace friche::io {

class ModelFolder {
public:
    explicit ModelFolder(const std::filesystem::path& model);

    struct Refusal {
        std::filesystem::path target;  // where `path` resolves
        std::string message;           // a sentence naming both
    };

    // Why `path` may not be opened, or nullopt when it may be, or when there
    // is no file to open there (nothing, or a folder: the caller finds it
    // missing, and importers that guess at names are not reported for it).
    std::optional<Refusal> refusal(const std::filesystem::path& path) const;

private:
    std::filesystem::path folder_;  // resolved
};

}  // namespace friche::io
