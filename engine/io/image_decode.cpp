#include "io/image_decode.h"

#include <algorithm>
#include <climits>
#include <mutex>
#include <queue>

#include <stb_image.h>

#include "core/parallel.h"

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

// Halves an RGBA8 image with a 2 x 2 box filter (an odd last row or column is
// averaged with itself).
void halve(std::vector<std::uint8_t>& rgba, int& w, int& h) {
    const int w2 = std::max(1, w / 2), h2 = std::max(1, h / 2);
    std::vector<std::uint8_t> out(static_cast<std::size_t>(w2) * static_cast<std::size_t>(h2) * 4);
    auto at = [&](int x, int y, int c) {
        x = std::min(x, w - 1);
        y = std::min(y, h - 1);
        return unsigned{rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                              static_cast<std::size_t>(x)) *
                                 4 +
                             static_cast<std::size_t>(c)]};
    };
    for (int y = 0; y < h2; ++y)
        for (int x = 0; x < w2; ++x)
            for (int c = 0; c < 4; ++c)
                out[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w2) +
                     static_cast<std::size_t>(x)) *
                        4 +
                    static_cast<std::size_t>(c)] =
                    static_cast<std::uint8_t>((at(2 * x, 2 * y, c) + at(2 * x + 1, 2 * y, c) +
                                               at(2 * x, 2 * y + 1, c) +
                                               at(2 * x + 1, 2 * y + 1, c) + 2) /
                                              4);
    rgba = std::move(out);
    w = w2;
    h = h2;
}

std::uint64_t pixels(int w, int h, int halvings = 0) {
    return (static_cast<std::uint64_t>(w) >> halvings) *
           (static_cast<std::uint64_t>(h) >> halvings);
}

}  // namespace

DecodePlan planDecoding(const std::vector<EncodedImage>& sources) {
    DecodePlan plan;
    plan.images.resize(sources.size());
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        DecodePlan::Entry& e = plan.images[i];
        if (readHeader(sources[i].bytes, e.width, e.height, e.failure))
            total += pixels(e.width, e.height);
        else
            e.width = e.height = 0;
    }
    // The largest image halved first, until the whole file fits the budget.
    auto larger = [&](std::size_t a, std::size_t b) {
        const DecodePlan::Entry &ea = plan.images[a], &eb = plan.images[b];
        return pixels(ea.width, ea.height, ea.halvings) < pixels(eb.width, eb.height, eb.halvings);
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(larger)> queue(larger);
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (plan.images[i].failure.empty()) queue.push(i);
    while (total > kMaxTotalPixels && !queue.empty()) {
        const std::size_t i = queue.top();
        queue.pop();
        DecodePlan::Entry& e = plan.images[i];
        total -= pixels(e.width, e.height, e.halvings);
        ++e.halvings;
        total += pixels(e.width, e.height, e.halvings);
        if (pixels(e.width, e.height, e.halvings) > 1) queue.push(i);
    }
    for (const DecodePlan::Entry& e : plan.images) {
        if (!e.failure.empty()) continue;
        plan.heldBytes += pixels(e.width, e.height, e.halvings) * 4;
        // stb_image's output and its inflated rows, then the first halving.
        plan.peakBytes = std::max(plan.peakBytes, pixels(e.width, e.height) * 8);
    }
    return plan;
}

bool decodeImage(std::span<const std::uint8_t> bytes, scene::Image& out, std::string& reason,
                 int halvings) {
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
    for (int i = 0; i < halvings; ++i) halve(out.rgba, w, h);
    out.width = w;
    out.height = h;
    return true;
}

void decodeImages(const std::vector<EncodedImage>& sources, const DecodePlan& plan,
                  std::vector<scene::Image>& images, core::Problems& problems) {
    const std::size_t count = std::min({sources.size(), images.size(), plan.images.size()});
    std::vector<std::string> reasons(count);
    std::vector<char> failed(count, 0);
    for (std::size_t i = 0; i < count; ++i) {
        reasons[i] = plan.images[i].failure;
        failed[i] = !reasons[i].empty();
    }
    std::mutex large;
    core::forEachInParallel(count, [&](std::size_t i) {
        if (failed[i]) return;
        const DecodePlan::Entry& e = plan.images[i];
        std::unique_lock lock(large, std::defer_lock);
        if (pixels(e.width, e.height) > kMaxConcurrentPixels) lock.lock();
        failed[i] = decodeImage(sources[i].bytes, images[i], reasons[i], e.halvings) ? 0 : 1;
    });

    for (std::size_t i = 0; i < count; ++i) {
        const EncodedImage& s = sources[i];
        if (failed[i]) {
            problems.warning(
                "IMAGE_UNREADABLE", s.where,
                "image '" + s.label + "': " + reasons[i] + "; a neutral texture is used");
        } else if (plan.images[i].halvings > 0) {
            problems.warning("IMAGE_DOWNSCALED", s.where,
                             "image '" + s.label + "' (" + std::to_string(plan.images[i].width) +
                                 "x" + std::to_string(plan.images[i].height) + ") is shown at " +
                                 std::to_string(images[i].width) + "x" +
                                 std::to_string(images[i].height) +
                                 ": the file's images together exceed " +
                                 std::to_string(kMaxTotalPixels) + " pixels");
        }
    }
}

void decodeImages(const std::vector<EncodedImage>& sources, std::vector<scene::Image>& images,
                  core::Problems& problems) {
    decodeImages(sources, planDecoding(sources), images, problems);
}

}  // namespace friche::io
