#include "io/image_decode.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <thread>

#include <stb_image.h>

namespace friche::io {

namespace {

// The size the header claims, checked against kMaxImageSide; false with `reason`.
bool readHeader(std::span<const std::uint8_t> bytes, int& w, int& h, std::string& reason) {
    if (bytes.empty()) {
        reason = "no image data (missing or empty file)";
        return false;
    }
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        reason = "image data larger than 2 GiB";
        return false;
    }
    int channels = 0;
    if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels)) {
        reason = std::string("not a decodable PNG or JPEG image (") + stbi_failure_reason() + ")";
        return false;
    }
    if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide) {
        reason = "image size " + std::to_string(w) + "x" + std::to_string(h) + " is outside 1.." +
                 std::to_string(kMaxImageSide) + " per side";
        return false;
    }
    return true;
}

}  // namespace

bool decodeImage(std::span<const std::uint8_t> bytes, scene::Image& out, std::string& reason) {
    out.width = out.height = 0;
    out.rgba.clear();
    int w = 0, h = 0, channels = 0;
    // The header alone first: the size it claims decides the allocation below.
    if (!readHeader(bytes, w, h, reason)) return false;
    stbi_uc* pixels =
        stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
    if (!pixels) {
        reason = std::string("image decoding failed (") + stbi_failure_reason() + ")";
        return false;
    }
    const std::size_t size = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4;
    out.rgba.assign(pixels, pixels + size);
    stbi_image_free(pixels);
    out.width = w;
    out.height = h;
    return true;
}

void decodeImages(const std::vector<EncodedImage>& sources, std::vector<scene::Image>& images,
                  core::Problems& problems) {
    const std::size_t count = std::min(sources.size(), images.size());
    std::vector<std::string> reasons(count);
    std::vector<char> failed(count, 0);
    // A file of many small files that each claim 16384 x 16384 pixels must not
    // add up to more memory than the machine has: headers first, then a budget.
    std::size_t pixels = 0;
    for (std::size_t i = 0; i < count; ++i) {
        int w = 0, h = 0;
        if (!readHeader(sources[i].bytes, w, h, reasons[i])) {
            failed[i] = 1;
            continue;
        }
        pixels += static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
        if (pixels > kMaxTotalPixels) {
            failed[i] = 1;
            reasons[i] =
                "the file's images together exceed " + std::to_string(kMaxTotalPixels) + " pixels";
        }
    }
    std::atomic<std::size_t> next{0};
    // Each worker takes the next undecoded image: big and small images mix
    // well without any up-front partitioning.
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            if (!failed[i])
                failed[i] = decodeImage(sources[i].bytes, images[i], reasons[i]) ? 0 : 1;
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(count, std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();

    for (std::size_t i = 0; i < count; ++i) {
        if (!failed[i]) continue;
        const EncodedImage& s = sources[i];
        problems.warning("IMAGE_UNREADABLE", s.where,
                         "image '" + s.label + "': " + reasons[i] + "; a neutral texture is used");
    }
}

}  // namespace friche::io
