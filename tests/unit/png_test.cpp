// The stills' PNG encoder (media/png.h), read back by another implementation
// of the format (stb_image, behind io::decodeImages): the same pixels, for
// widths whose rows do not fill whole words, a single pixel, noise that no
// filter predicts and the wrap of the Sub filter's differences; bad sizes are
// refused. zlib itself inflates the data of a frame deflated in bands, its
// checksum checked (stb_image does not check it).
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "io/image_decode.h"
#include "media/png.h"

using namespace friche;

namespace {

// The RGB pixels another decoder reads from `png`; empty if it cannot.
std::vector<std::uint8_t> decoded(const std::string& png, int width, int height) {
    std::vector<scene::Image> images(1);
    core::Problems problems;
    io::decodeImages({{.where = "test", .label = "still.png", .bytes = {png.begin(), png.end()}}},
                     images, problems);
    const scene::Image& image = images[0];
    if (image.width != width || image.height != height) return {};
    std::vector<std::uint8_t> rgb;
    for (std::size_t i = 0; i < image.rgba.size(); i += 4) {
        rgb.insert(rgb.end(), image.rgba.begin() + static_cast<std::ptrdiff_t>(i),
                   image.rgba.begin() + static_cast<std::ptrdiff_t>(i) + 3);
        EXPECT_EQ(image.rgba[i + 3], 255) << "an RGB image read as not opaque";
    }
    return rgb;
}

}  // namespace

TEST(Png, AnotherDecoderReadsThePixelsWritten) {
    std::mt19937 random(7);
    for (const auto& [width, height] : {std::pair{1, 1}, {3, 2}, {37, 11}, {640, 360}}) {
        std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width) * height * 3);
        // Half noise, half a gradient with runs and steps down (Sub's differences wrap).
        for (std::size_t i = 0; i < rgb.size(); ++i)
            rgb[i] = i % 2 ? static_cast<std::uint8_t>(random())
                           : static_cast<std::uint8_t>(255 - (i / 7) % 256);
        const auto png = media::encodePng(width, height, rgb);
        ASSERT_TRUE(png) << width << "x" << height;
        EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
        EXPECT_EQ(decoded(*png, width, height), rgb) << width << "x" << height;
    }
}

TEST(Png, AFlatFrameCompressesToLittle) {
    const std::vector<std::uint8_t> sky(1920 * 1080 * 3, 180);
    const auto png = media::encodePng(1920, 1080, sky);
    ASSERT_TRUE(png);
    EXPECT_LT(png->size(), 20000u);
    EXPECT_EQ(decoded(*png, 1920, 1080), sky);
}

// The image data of `png`: its IDAT chunks' bytes, joined.
std::string imageData(const std::string& png) {
    std::string data;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        std::uint32_t length = 0;
        for (int i = 0; i < 4; ++i)
            length = length << 8 | static_cast<std::uint8_t>(png[at + static_cast<std::size_t>(i)]);
        if (png.compare(at + 4, 4, "IDAT") == 0) data += png.substr(at + 8, length);
        at += 12 + length;
    }
    return data;
}

TEST(Png, ZlibInflatesTheBandsAsOneStreamWithItsChecksum) {
    constexpr int kWidth = 300, kHeight = 1000;  // bands of rows: several, the last one short
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(kWidth) * kHeight * 3);
    std::mt19937 random(11);
    for (std::size_t i = 0; i < rgb.size(); ++i)
        rgb[i] = (i / 900) % 3 ? static_cast<std::uint8_t>(i / 5000)
                               : static_cast<std::uint8_t>(random());
    const auto png = media::encodePng(kWidth, kHeight, rgb);
    ASSERT_TRUE(png);
    const std::string data = imageData(*png);
    std::vector<std::uint8_t> rows(static_cast<std::size_t>(kWidth * 3 + 1) * kHeight + 1);
    uLongf size = static_cast<uLongf>(rows.size());
    ASSERT_EQ(uncompress(rows.data(), &size, reinterpret_cast<const Bytef*>(data.data()),
                         static_cast<uLong>(data.size())),
              Z_OK);
    EXPECT_EQ(size, rows.size() - 1);
    // A byte changed in the middle of the stream: zlib's checksum or its codes say so.
    std::string damaged = data;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x10);
    size = static_cast<uLongf>(rows.size());
    EXPECT_NE(uncompress(rows.data(), &size, reinterpret_cast<const Bytef*>(damaged.data()),
                         static_cast<uLong>(damaged.size())),
              Z_OK);
    EXPECT_EQ(decoded(*png, kWidth, kHeight), rgb);
}

TEST(Png, SizesThatDisagreeWithThePixelsAreRefused) {
    const std::vector<std::uint8_t> rgb(12, 0);
    EXPECT_TRUE(media::encodePng(2, 2, rgb));
    EXPECT_FALSE(media::encodePng(3, 2, rgb));
    EXPECT_FALSE(media::encodePng(0, 4, rgb));
    EXPECT_FALSE(media::encodePng(2, -2, rgb));
}
