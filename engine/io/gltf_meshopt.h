// EXT_meshopt_compression: decodes every compressed buffer view into the bytes
// its uncompressed description points at, before validation and conversion.
//
//   if (!gltf::decodeMeshopt(model, problems)) return;   // errors name the view
//
// Every count, stride, offset and length is checked against the buffers
// before meshoptimizer reads or writes a byte.
#pragma once

#include <tiny_gltf.h>

#include "core/problem.h"

namespace friche::io::gltf {

bool decodeMeshopt(tinygltf::Model& model, core::Problems& problems);

}  // namespace friche::io::gltf
