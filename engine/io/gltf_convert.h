// The conversion steps of loadGltf, from a parsed, decoded and validated
// tinygltf::Model into scene::Model. Each step still bounds-checks what it
// reads (see gltf_accessor.h) and reports through `problems`, with JSON
// pointers. Order matters: materials and scene before meshes (a normal map
// decides whether a primitive needs tangents; variants are named by the scene).
#pragma once

#include <cstdint>
#include <vector>

#include <tiny_gltf.h>

#include "core/problem.h"
#include "io/image_decode.h"
#include "scene/model.h"

namespace friche::io::gltf {

// Materials (with KHR_texture_transform, emissive strength, unlit,
// specular-glossiness approximated), textures and samplers.
void convertMaterials(const tinygltf::Model& in, scene::Model& out, core::Problems& problems);

// Names out.images (one per glTF image, still without pixels) and returns
// their encoded bytes for io::decodeImages. Moves the bytes out of `in`.
std::vector<EncodedImage> collectImages(tinygltf::Model& in, scene::Model& out,
                                        core::Problems& problems);

// The bytes convertMeshes will allocate for vertices and indices, from the
// accessors' declared counts, before anything is converted.
std::uint64_t geometryCost(const tinygltf::Model& in);

// Meshes and their primitives: attributes, indices, Draco, morph targets at
// their default weights, generated normals and tangents, bounds, variants.
// Nodes whose mesh is identical to an earlier one (see geometryCost) are
// pointed at that one; theirs is left without primitives.
void convertMeshes(const tinygltf::Model& in, scene::Model& out, core::Problems& problems);

// Nodes (instancing, visibility), cameras, lights, scenes, variant names.
void convertScene(const tinygltf::Model& in, scene::Model& out, core::Problems& problems);

}  // namespace friche::io::gltf
