#include "media/png.h"

#include <zlib.h>

namespace friche::media {

namespace {

constexpr std::uint8_t kSubFilter = 1;
constexpr int kChannels = 3;

void putU32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((v >> shift) & 0xff));
}

// A chunk: its length, type and data, then the CRC of type and data.
void putChunk(std::string& out, const char (&type)[5], const std::uint8_t* data, std::size_t size) {
    putU32(out, static_cast<std::uint32_t>(size));
    const std::size_t start = out.size();
    out.append(type, 4);
    if (size > 0) out.append(reinterpret_cast<const char*>(data), size);
    const auto crc =
        crc32(0L, reinterpret_cast<const Bytef*>(out.data() + start), static_cast<uInt>(size + 4));
    putU32(out, static_cast<std::uint32_t>(crc));
}

// The deflated rows, or nullopt.
std::optional<std::vector<std::uint8_t>> deflateRows(std::vector<std::uint8_t>& rows) {
    z_stream z{};
    // Run-length matches at level 1: a rendered frame's filtered rows are
    // mostly runs (sky, flat walls), which a search for longer matches barely shortens.
    if (deflateInit2(&z, 1, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) return std::nullopt;
    std::vector<std::uint8_t> out(deflateBound(&z, static_cast<uLong>(rows.size())));
    z.next_in = rows.data();
    z.avail_in = static_cast<uInt>(rows.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (result != Z_STREAM_END) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::string> encodePng(int width, int height, const std::vector<std::uint8_t>& rgb) {
    if (width <= 0 || height <= 0) return std::nullopt;
    const std::size_t stride = static_cast<std::size_t>(width) * kChannels;
    if (rgb.size() != stride * static_cast<std::size_t>(height)) return std::nullopt;
    std::vector<std::uint8_t> rows((stride + 1) * static_cast<std::size_t>(height));
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
        const std::uint8_t* in = rgb.data() + y * stride;
        std::uint8_t* out = rows.data() + y * (stride + 1);
        out[0] = kSubFilter;
        for (std::size_t x = 0; x < stride; ++x)
            out[1 + x] =
                static_cast<std::uint8_t>(in[x] - (x >= kChannels ? in[x - kChannels] : 0));
    }
    const auto deflated = deflateRows(rows);
    if (!deflated) return std::nullopt;
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::uint8_t header[13] = {};
    for (int i = 0; i < 4; ++i) {
        header[i] = static_cast<std::uint8_t>(static_cast<std::uint32_t>(width) >> (24 - 8 * i));
        header[4 + i] =
            static_cast<std::uint8_t>(static_cast<std::uint32_t>(height) >> (24 - 8 * i));
    }
    header[8] = 8;  // bits per channel
    header[9] = 2;  // colour type: RGB; compression, filter method and interlace 0
    putChunk(png, "IHDR", header, sizeof header);
    putChunk(png, "IDAT", deflated->data(), deflated->size());
    putChunk(png, "IEND", nullptr, 0);
    return png;
}

}  // namespace friche::media
