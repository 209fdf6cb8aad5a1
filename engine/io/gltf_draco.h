// KHR_draco_mesh_compression: one compressed primitive into plain arrays.
//
//   if (const auto* ext = gltf::findExtension(p.extensions, "KHR_draco_mesh_compression"))
//       ok = gltf::decodeDraco(model, *ext, prim, error);
//
// The extension's buffer view is range-checked before Draco sees it; the
// extension's `attributes` object maps glTF semantics to Draco attribute ids.
#pragma once

#include <string>

#include <tiny_gltf.h>

#include "scene/model.h"

namespace friche::io::gltf {

// Fills positions, normals, tangents, uv0, uv1, colors and indices of `out`
// (mode becomes Triangles: Draco stores triangle lists). False with `error`
// when the data is missing or does not decode.
bool decodeDraco(const tinygltf::Model& model, const tinygltf::Value& extension,
                 scene::Primitive& out, std::string& error);

}  // namespace friche::io::gltf
