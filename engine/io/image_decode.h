// Decoding PNG and JPEG bytes (from a file, a data URI or a buffer view) into
// RGBA8 scene::Images, safely and in parallel.
//
//   std::vector<io::EncodedImage> jobs = ...;   // bytes + where they came from
//   std::vector<scene::Image> images(jobs.size());
//   io::decodeImages(jobs, images, problems);   // failures are warnings, width stays 0
//
// The header is read first (stbi_info_from_memory) and an absurd size is
// refused before any pixel memory is allocated, so a hostile header cannot
// make us allocate gigabytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/problem.h"
#include "scene/model.h"

namespace friche::io {

// Largest side we decode: the largest texture any GPU we target accepts.
inline constexpr int kMaxImageSide = 16384;
// Most pixels one file's images may decode to together (2 GiB of RGBA8): 32
// textures of 4096 x 4096, far beyond a site model, far below a hostile file.
inline constexpr std::size_t kMaxTotalPixels = std::size_t{1} << 29;

struct EncodedImage {
    std::string where;  // JSON pointer or file, for the warning
    std::string label;  // URI or name, for the warning
    std::vector<std::uint8_t> bytes;
};

// Decodes one image into `out` (RGBA8). On failure returns false with `reason`
// set and leaves `out` without pixels.
bool decodeImage(std::span<const std::uint8_t> bytes, scene::Image& out, std::string& reason);

// Decodes images[i] from sources[i] for every i, on up to
// hardware_concurrency threads. `images` must have sources.size() elements; their
// names are left as they are. Each failure adds a warning naming `where` and
// `label`; so does each image beyond kMaxTotalPixels.
void decodeImages(const std::vector<EncodedImage>& sources, std::vector<scene::Image>& images,
                  core::Problems& problems);

}  // namespace friche::io
