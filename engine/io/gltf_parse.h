// Reading a .gltf or .glb into a tinygltf::Model, the first step of loadGltf.
//
//   tinygltf::Model model;
//   if (!gltf::parse(path, model, problems)) return;   // errors say what and where
//
// What it adds to tinygltf: the GLB framing check first; external files read
// through core::readFile (size-limited, regular files only); images kept as
// their encoded bytes (decoded later, after their size is checked); and
// EXT_meshopt_compression fallback buffers without a URI, which tinygltf
// refuses, given zeroed storage for the decoder to fill.
#pragma once

#include <filesystem>

#include <tiny_gltf.h>

#include "core/problem.h"

namespace friche::io::gltf {

// How many times larger than all the file's real buffers together a meshopt
// fallback buffer may be: meshoptimizer's codecs cannot expand data by more
// than about 64 times, so anything beyond this is a hostile byteLength.
inline constexpr std::size_t kMaxMeshoptExpansion = 128;

bool parse(const std::filesystem::path& path, tinygltf::Model& model, core::Problems& problems);

}  // namespace friche::io::gltf
