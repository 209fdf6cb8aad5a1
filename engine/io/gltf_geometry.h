// Geometry the renderer needs but a glTF file may leave out: flat normals,
// tangents for normal mapping, and bounds. Works on any scene::Primitive.
//
//   if (prim.normals.empty()) gltf::generateFlatNormals(prim);
//   if (needsTangents && prim.tangents.empty()) gltf::generateTangents(prim, texCoord);
//   gltf::computeBounds(prim);
#pragma once

#include "scene/model.h"

namespace friche::io::gltf {

// Triangles: de-indexes so that each face gets its own three vertices and its
// face normal (glTF: "flat normals" when NORMAL is missing). Strips and fans
// keep their shared vertices, which get the area-weighted average of their
// faces' normals: de-indexing would turn them into lists. Other modes: no-op.
void generateFlatNormals(scene::Primitive& prim);

// Per-vertex tangents from the UV derivatives of each triangle (uv0 or uv1 as
// `texCoord` says), orthogonalised against the normals, with glTF's
// handedness (bitangent = cross(normal, tangent.xyz) * w points towards -v).
// Needs normals and the UV set; does nothing without them.
void generateTangents(scene::Primitive& prim, int texCoord);

void computeBounds(scene::Primitive& prim);

}  // namespace friche::io::gltf
