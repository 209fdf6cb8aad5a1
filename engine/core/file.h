// Reading whole files with a size limit, so a hostile path (a device, a huge
// file) can never make us allocate without bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace friche::core {

// Largest file we read into memory: far above any real site model, far below
// what would exhaust a 24 GiB exhibition PC.
inline constexpr std::uintmax_t kMaxFileBytes = 2ull << 30;

// The file's bytes, or nullopt with `error` set to a sentence naming the path.
std::optional<std::vector<std::uint8_t>> readFile(const std::filesystem::path& path,
                                                  std::string& error,
                                                  std::uintmax_t maxBytes = kMaxFileBytes);

// Writes `bytes` to `path` so that a kill or a full disk at any moment leaves
// either the old file or the new one whole: to a hidden temporary file beside
// it, every write and the close checked, synced, then renamed over `path`.
// False with `error` naming the path and the system's reason; the temporary
// file is removed.
bool writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                         std::string& error);

// Lower-case extension without the dot: "glb", "gltf", "obj".
std::string lowerExtension(const std::filesystem::path& path);

}  // namespace friche::core
