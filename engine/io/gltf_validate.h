// Checks on a glTF file that must pass before we convert it: the GLB framing,
// and every index and byte range the JSON declares. tinygltf parses; it does
// not check that an accessor fits its buffer view or that an index points at
// something real. The converter relies on these checks having passed, so a
// malformed file ends as a list of problems, never as an out-of-bounds read or
// an allocation sized from an unchecked number.
#pragma once

#include <cstdint>
#include <span>

#include "core/problem.h"

namespace tinygltf {
class Model;
}

namespace friche::io {

// The 12-byte header and the chunk table of a .glb, before tinygltf sees it.
// Where: "byte N". Returns false (with errors added) if the framing is broken.
bool checkGlbFraming(std::span<const std::uint8_t> bytes, core::Problems& problems);

// glTF JSON is UTF-8 without a byte order mark (glTF 2.0, "JSON encoding").
bool startsWithUtf8Bom(std::span<const std::uint8_t> text);

// Every cross-reference and byte range in a parsed model, with JSON pointers.
// Runs after EXT_meshopt_compression has been decoded into its buffer views.
// Returns false (with errors added) if the model must not be converted.
bool validateGltf(const tinygltf::Model& model, core::Problems& problems);

}  // namespace friche::io
