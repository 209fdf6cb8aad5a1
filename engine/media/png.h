// PNG images of a frame (ISO/IEC 15948): 8-bit RGB, each row filtered by Sub
// (each byte less the same channel of the pixel to its left) and deflated by
// zlib with run-length matches only. On a site's still at 1920x1080 that is
// six times as fast as trying every filter on every row at zlib level 2, and
// a quarter smaller; a still is written while its user waits. Bands of rows
// are deflated side by side on the machine's cores and joined into one stream
// (17 to 10 ms at 1920x1080 on two cores), the same bytes however many there are.
//
//   auto png = media::encodePng(1920, 1080, rgb);  // rows top first; nullopt: cannot
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace friche::media {

// `rgb`: width x height pixels, 3 bytes each, rows top first. nullopt when the
// sizes disagree or zlib fails.
std::optional<std::string> encodePng(int width, int height, const std::vector<std::uint8_t>& rgb);

}  // namespace friche::media
