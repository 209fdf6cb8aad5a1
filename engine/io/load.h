// Loading models from files into plain CPU scene data.
//
//   io::LoadResult r = io::loadModel("hall.glb");
//   for (auto& p : r.problems.list()) ...;   // warnings even when it loaded
//   if (r.ok()) renderer.upload(r.model);
//
// .gltf and .glb go through the glTF loader (tinygltf, with our own framing and
// index validation first); anything else goes through Assimp, in a child
// process. Nothing here
// touches OpenGL, and nothing throws: bad input ends up in `problems`.
#pragma once

#include <filesystem>

#include "core/problem.h"
#include "scene/model.h"

namespace friche::io {

struct LoadResult {
    scene::Model model;
    core::Problems problems;
    bool ok() const { return !problems.hasErrors(); }
};

LoadResult loadModel(const std::filesystem::path& path);

// The glTF route alone (used by loadModel for .gltf/.glb).
LoadResult loadGltf(const std::filesystem::path& path);

// The Assimp route alone (used by loadModel for every other extension). Assimp
// runs in a child process with memory and time limits (io/import_child.h), so
// a file that crashes or hangs it is an error, not the end of friche.
LoadResult loadWithAssimp(const std::filesystem::path& path);

// The same import in this process, with no protection: what that child runs,
// then the image decoding friche does after it.
// For comparisons only (the cost of the child: bench/import_isolation_bench.cpp).
LoadResult importWithAssimpHere(const std::filesystem::path& path);

}  // namespace friche::io
