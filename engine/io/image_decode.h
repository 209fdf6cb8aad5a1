// Decoding PNG and JPEG bytes (from a file, a data URI or a buffer view) into
// RGBA8 scene::Images, safely and in parallel.
//
//   std::vector<io::EncodedImage> jobs = ...;   // bytes + where they came from
//   std::vector<scene::Image> images(jobs.size());
//   io::decodeImages(jobs, images, problems);   // failures are warnings, width stays 0
//
// The headers are read first (stbi_info_from_memory): an absurd size is
// refused, and what the images will cost is known (planDecoding), before any
// pixel memory is allocated, so a hostile header cannot make us allocate
// gigabytes.
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
// Most pixels one file's images keep together (1 GiB of RGBA8, 64 textures of
// 4096 x 4096): beyond it the largest images are halved until they fit, so
// four 16384 x 8192 images in a 2 MB file cannot take gigabytes.
inline constexpr std::uint64_t kMaxTotalPixels = std::uint64_t{1} << 28;
// Images larger than this are decoded one at a time: decoding takes about
// twice the decoded size in scratch memory.
inline constexpr std::uint64_t kMaxConcurrentPixels = std::uint64_t{1} << 22;

struct EncodedImage {
    std::string where;  // JSON pointer or file, for the warning
    std::string label;  // URI or name, for the warning
    std::vector<std::uint8_t> bytes;
};

// What decoding a file's images will take, from their headers alone.
struct DecodePlan {
    struct Entry {
        int width = 0, height = 0;  // as the header says
        int halvings = 0;           // times the decoded image is halved to fit the budget
        std::string failure;        // not empty: not decoded, and why
    };
    std::vector<Entry> images;
    std::uint64_t heldBytes = 0;  // every image's RGBA8 once decoded and halved
    std::uint64_t peakBytes = 0;  // scratch on top of that while the largest one decodes
};

DecodePlan planDecoding(const std::vector<EncodedImage>& sources);

// Decodes one image into `out` (RGBA8), halved `halvings` times (a 2 x 2 box
// filter each time). On failure returns false with `reason` set and leaves
// `out` without pixels.
bool decodeImage(std::span<const std::uint8_t> bytes, scene::Image& out, std::string& reason,
                 int halvings = 0);

// Decodes images[i] from sources[i] for every i as `plan` says, on up to
// hardware_concurrency threads (the largest images one at a time). `images`
// must have sources.size() elements; their names are left as they are. Each
// failure adds a warning naming `where` and `label`; so does each halving.
void decodeImages(const std::vector<EncodedImage>& sources, const DecodePlan& plan,
                  std::vector<scene::Image>& images, core::Problems& problems);
void decodeImages(const std::vector<EncodedImage>& sources, std::vector<scene::Image>& images,
                  core::Problems& problems);

}  // namespace friche::io
