// A PNG read back as RGB rows (top first) for the in-process viewer tests.
#pragma once

#include <filesystem>
#include <vector>

#include <stb_image.h>

namespace friche::test {

struct Png {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

// Empty (width 0) when the file cannot be read.
inline Png readPng(const std::filesystem::path& path) {
    Png png;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &png.width, &png.height, &channels, 3);
    if (!data) return png;
    png.rgb.assign(data, data + static_cast<std::size_t>(png.width) * png.height * 3);
    stbi_image_free(data);
    return png;
}

}  // namespace friche::test
