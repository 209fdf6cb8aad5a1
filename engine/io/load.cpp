#include "io/load.h"

#include "core/file.h"

namespace friche::io {

LoadResult loadModel(const std::filesystem::path& path) {
    const std::string ext = core::lowerExtension(path);
    if (ext == "gltf" || ext == "glb") return loadGltf(path);
    return loadWithAssimp(path);
}

}  // namespace friche::io
