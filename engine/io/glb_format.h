// The GLB container's constants and its little-endian words (glTF 2.0
// specification, "Binary glTF Layout"), for the container's check
// (io/glb.cpp) and the scenario's quick read of a model's node names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace friche::io::glb {

inline constexpr std::uint32_t kMagic = 0x46546C67;      // "glTF"
inline constexpr std::uint32_t kChunkJson = 0x4E4F534A;  // "JSON"
inline constexpr std::uint32_t kChunkBin = 0x004E4942;   // "BIN\0"

// The word at byte `at`, little-endian whatever the host.
inline std::uint32_t readU32(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint32_t>(bytes[at]) | static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
           static_cast<std::uint32_t>(bytes[at + 2]) << 16 |
           static_cast<std::uint32_t>(bytes[at + 3]) << 24;
}

}  // namespace friche::io::glb
