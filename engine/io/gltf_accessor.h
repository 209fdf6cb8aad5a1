// Bounds-checked reads of glTF accessors and buffer views into plain arrays.
//
//   std::vector<glm::vec3> positions;
//   std::string error;
//   if (!gltf::readVectors(model, accessorIndex, positions, error)) ...;
//
// Every byte range is checked against the buffer it lies in before anything is
// read, even though validateGltf has checked the file already: a case the
// validator misses must end as an error, never as an out-of-range read.
// Integer components are converted as glTF says: normalized ones to [0,1] or
// [-1,1], the others (KHR_mesh_quantization) to their plain value. Sparse
// accessors get their substitutions applied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <tiny_gltf.h>
#include <glm/glm.hpp>

namespace friche::io::gltf {

// Most elements an accessor with no buffer view may have (it is all zeros, or
// sparse values over zeros): nothing in the file bounds its count, so we do.
inline constexpr std::size_t kMaxUnbackedElements = std::size_t{1} << 24;

// The bytes of buffer view `index`, or false with `error` set.
bool viewBytes(const tinygltf::Model& model, int index, std::span<const std::uint8_t>& out,
               std::string& error);

// Reads a SCALAR/VECn accessor as N floats per element. Components the
// accessor lacks are 0, except a missing fourth one, which is 1 (an opaque
// alpha, a unit w).
template <int N>
bool readVectors(const tinygltf::Model& model, int index, std::vector<glm::vec<N, float>>& out,
                 std::string& error);

// Reads a SCALAR accessor of unsigned integers.
bool readIndices(const tinygltf::Model& model, int index, std::vector<std::uint32_t>& out,
                 std::string& error);

}  // namespace friche::io::gltf
