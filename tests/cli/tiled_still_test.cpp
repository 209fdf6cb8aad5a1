// Stills drawn in tiles (render/tiles.h) against the same still drawn in one
// pass: FRICHE_MAX_TILE forces tiling at a small size, and the two PNGs are
// compared pixel by pixel. Seams would show along the tiles' edges; shadows
// fitted to each tile instead of the whole view would differ inside them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/seed_sites.h"

using namespace friche::test;

namespace {

struct Difference {
    double max = 0.0;   // the largest difference of a channel, 0..255
    double mean = 0.0;  // the mean over every channel of every pixel
    double seam = 0.0;  // the mean over the pixels on either side of the tiles' edges
};

// `edgeX`, `edgeY`: where the tiles meet.
Difference compare(const Image& a, const Image& b, int edgeX, int edgeY) {
    Difference d;
    double seam = 0.0;
    long seamCount = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const Rgb p = a.at(x, y), q = b.at(x, y);
            const double diff[3] = {std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)};
            for (double c : diff) {
                d.max = std::max(d.max, c);
                d.mean += c;
            }
            if (std::abs(x - edgeX) <= 1 || std::abs(y - edgeY) <= 1) {
                seam += diff[0] + diff[1] + diff[2];
                seamCount += 3;
            }
        }
    }
    d.mean /= 3.0 * a.width * a.height;
    d.seam = seam / static_cast<double>(seamCount);
    return d;
}

// 480x270 in four tiles of 240x135, against one pass.
Difference tiledAgainstWhole(const std::string& name, const std::vector<std::string>& args) {
    const StillOptions whole{.size = "480x270", .args = args};
    StillOptions tiled = whole;
    tiled.env = {{"FRICHE_MAX_TILE", "240x135"}};
    const Image a = renderStill(kSeraing, "tiles_" + name + "_whole", whole);
    const Image b = renderStill(kSeraing, "tiles_" + name + "_tiled", tiled);
    EXPECT_EQ(a.width, 480);
    EXPECT_EQ(b.width, 480);
    EXPECT_EQ(b.height, 270);
    if (a.rgb.size() != b.rgb.size() || a.rgb.empty()) return {255.0, 255.0, 255.0};
    const Difference d = compare(a, b, 240, 135);
    std::printf("%s: tiled against whole: max %.0f/255, mean %.4f/255, along the seams %.4f/255\n",
                name.c_str(), d.max, d.mean, d.seam);
    EXPECT_LE(fractionDifferent(a, b, 5.0), 0.001) << name;
    return d;
}

// As filament's render tests on Mesa: a pixel fails past 5/255 in a channel.
// The tiles see the same scene through exactly the same pixel centres, so
// the differences are rounding in the narrowed projection.
constexpr double kMeanTolerance = 0.05;

}  // namespace

TEST(TiledStill, SunlitPhaseMatchesTheStillDrawnInOnePass) {
    // The default sun (21 June, 15:00): shadows across the tiles' edges.
    const Difference d = tiledAgainstWhole("shadows", {"--phase", "crisis", "--view", "overview"});
    EXPECT_LE(d.mean, kMeanTolerance);
    EXPECT_LE(d.seam, kMeanTolerance);
}

TEST(TiledStill, CompareModeAndPanelsMatchTheStillDrawnInOnePass) {
    // A swipe: each side scissored out of a whole view cut in tiles; the
    // panels drawn once over the whole image.
    const Difference d = tiledAgainstWhole(
        "swipe_ui", {"--compare", "swipe:industry,horizon:0.4", "--ui", "--lang", "de"});
    EXPECT_LE(d.mean, kMeanTolerance);
    EXPECT_LE(d.seam, kMeanTolerance);
}
