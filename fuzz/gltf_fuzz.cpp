// libFuzzer target: a glTF file (JSON or GLB, told apart by the magic) through
// everything friche does with one: framing, bounds, parsing, meshopt and
// Draco decoding, validation, conversion, image decoding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/load.h"

namespace {

// One file per process, rewritten for every input: the loader reads paths.
const std::filesystem::path& scratch(bool binary) {
    static const std::filesystem::path dir = [] {
        auto d =
            std::filesystem::temp_directory_path() / ("friche-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    static const std::filesystem::path glb = dir / "input.glb", gltf = dir / "input.gltf";
    return binary ? glb : gltf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bool binary =
        size >= 4 && std::string_view(reinterpret_cast<const char*>(data), 4) == "glTF";
    const std::filesystem::path& file = scratch(binary);
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    const friche::io::LoadResult r = friche::io::loadGltf(file);
    (void)r;
    return 0;
}
