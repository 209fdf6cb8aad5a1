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

// The first `count` bytes of a regular file (all of it when shorter) and its
// size, to check a header before the whole file is read. nullopt with `error`
// set to a sentence naming the path.
std::optional<std::vector<std::uint8_t>> readFileHead(const std::filesystem::path& path,
                                                      std::size_t count, std::uintmax_t& size,
                                                      std::string& error);

// Writes `bytes` to `path` so that a kill or a full disk at any moment leaves
// either the old file or the new one whole: to a hidden temporary file beside
// it, every write and the close checked, synced, then renamed over `path`.
// False with `error` naming the path and the system's reason; the temporary
// file is removed. A `path` that exists and is not a regular file (a device
// such as /dev/full, a folder, a pipe) is refused: nothing would be written
// where the caller asked, and renaming over a device would replace it.
bool writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                         std::string& error);

// Makes the folder's entries durable: a file renamed into it stays there
// through a power cut (empty `folder`: the current one).
void syncFolder(const std::filesystem::path& folder);

// Temporary files being written now (writeFileAtomically's, a video's): a
// process that must end at once, on a signal it could not wait for, removes
// them first (media::SignalStop's watchdog), so no half-written file is left.
void trackTemporary(const std::filesystem::path& temporary, const std::filesystem::path& output);
// Hidden, beside `path` (so the final rename stays on one file system and is
// atomic), and per process: "dir/.name.png.partial-1234".
std::filesystem::path temporaryPathFor(const std::filesystem::path& path);
void untrackTemporary(const std::filesystem::path& temporary);
// Removes them, and returns the outputs they were to become.
std::vector<std::filesystem::path> removeTrackedTemporaries();

// Lower-case extension without the dot: "glb", "gltf", "obj".
std::string lowerExtension(const std::filesystem::path& path);

}  // namespace friche::core
