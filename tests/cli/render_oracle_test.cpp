// Oracles: what the glTF specification says a frame must show, checked on
// llvmpipe through `friche render`. Most run in a white furnace
// (FRICHE_ENV=white: a uniform environment of radiance 1, no sun, no ground),
// where a surface's brightness depends on its BRDF alone, from a straight-on
// view (FRICHE_ORBIT=0,0: the orbit camera looking down -Z). Sphere and square
// positions are found in the image (round blobs of the model's mask), so no
// pixel coordinate is hard-coded.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "cli/render_image.h"

namespace {

using namespace friche::test;

const Env kFurnaceFront = {{"FRICHE_ENV", "white"}, {"FRICHE_ORBIT", "0,0"}};

// Values 0..255 of the core (the middle tenth) of each disc, in reading order.
std::vector<Rgb> discCores(const Image& lit, const std::vector<Blob>& found) {
    std::vector<Rgb> out;
    for (const Blob& b : found) out.push_back(lit.mean(b.core(0.08)));
    return out;
}

std::string base64(const std::string& bytes) {
    static const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                           static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        for (int k = 18; k >= 0; k -= 6) out += alphabet[(v >> k) & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// A unit UV sphere as a .gltf with one material, written for the furnace.
std::string writeSphere(const std::string& name, const std::string& material) {
    constexpr int kRings = 32, kSegments = 64;
    std::string data;
    auto put = [&data](float f) { data.append(reinterpret_cast<const char*>(&f), 4); };
    for (int r = 0; r <= kRings; ++r) {
        const double theta = M_PI * r / kRings;
        for (int s = 0; s <= kSegments; ++s) {
            const double phi = 2.0 * M_PI * s / kSegments;
            const float x = static_cast<float>(std::sin(theta) * std::cos(phi));
            const float y = static_cast<float>(std::cos(theta));
            const float z = static_cast<float>(-std::sin(theta) * std::sin(phi));
            for (int twice = 0; twice < 2; ++twice) put(x), put(y), put(z);  // position, normal
        }
    }
    const std::size_t vertexBytes = data.size();
    const int vertices = (kRings + 1) * (kSegments + 1);
    int indices = 0;
    for (int r = 0; r < kRings; ++r)
        for (int s = 0; s < kSegments; ++s) {
            const std::uint32_t a = r * (kSegments + 1) + s, b = a + kSegments + 1;
            for (std::uint32_t i : {a, b, a + 1, a + 1, b, b + 1}) {
                data.append(reinterpret_cast<const char*>(&i), 4);
                ++indices;
            }
        }
    const std::string path = std::string(FRICHE_TEST_OUT) + "/" + name + ".gltf";
    std::ofstream(path) << R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],)"
                        << R"("nodes":[{"mesh":0}],"meshes":[{"primitives":[{"attributes":)"
                        << R"({"POSITION":0,"NORMAL":1},"indices":2,"material":0}]}],)"
                        << R"("materials":[)" << material << "],"
                        << R"("buffers":[{"byteLength":)" << data.size()
                        << R"(,"uri":"data:application/octet-stream;base64,)" << base64(data)
                        << R"("}],"bufferViews":[{"buffer":0,"byteLength":)" << vertexBytes
                        << R"(,"byteStride":24},{"buffer":0,"byteOffset":)" << vertexBytes
                        << R"(,"byteLength":)" << data.size() - vertexBytes << "}],"
                        << R"("accessors":[{"bufferView":0,"componentType":5126,"count":)"
                        << vertices << R"(,"type":"VEC3","min":[-1,-1,-1],"max":[1,1,1]},)"
                        << R"({"bufferView":0,"byteOffset":12,"componentType":5126,"count":)"
                        << vertices << R"(,"type":"VEC3"},)"
                        << R"({"bufferView":1,"componentType":5125,"count":)" << indices
                        << R"(,"type":"SCALAR"}]})";
    return path;
}

// A white, fully rough dielectric in a uniform white environment reflects
// exactly what arrives: the sphere is the colour of the sky behind it.
TEST(RenderOracle, WhiteFurnace) {
    const std::string sphere = writeSphere(
        "furnace_sphere",
        R"({"pbrMetallicRoughness":{"baseColorFactor":[1,1,1,1],"metallicFactor":0,"roughnessFactor":1}})");
    const Image lit = renderStill(sphere, "furnace", {.env = kFurnaceFront});
    const Mask mask = modelMask(sphere, "furnace_mask", {.env = kFurnaceFront});
    const auto found = discs(mask, 500, 10);
    ASSERT_EQ(found.size(), 1u);
    const Rgb sky = lit.at(0, 0);
    const Rgb core = lit.mean(found[0].core(0.3));
    EXPECT_GT(sky.luma(), 100);
    EXPECT_NEAR(core.luma() / sky.luma(), 1.0, 0.03) << core.luma() << " vs " << sky.luma();
    // And not because the sphere was not drawn: a black one in the same place is dark.
    const std::string black = writeSphere(
        "furnace_black",
        R"({"pbrMetallicRoughness":{"baseColorFactor":[0,0,0,1],"metallicFactor":0,"roughnessFactor":1}})");
    EXPECT_LT(
        renderStill(black, "furnace_black", {.env = kFurnaceFront}).mean(found[0].core(0.3)).luma(),
        0.3 * sky.luma());
}

// MetalRoughSpheresNoTextures, grey grid: metallic rises to the top row,
// roughness to the right. In a uniform environment the BRDF's directional
// albedo decides: a rougher sphere is never brighter (single-scattering GGX
// loses energy), a metal of this grey never brighter than the dielectric.
TEST(RenderOracle, MetalRoughSpheresBrightnessFollowsTheBrdf) {
    const Image lit = renderStill(glb("MetalRoughSpheresNoTextures"), "mrs_furnace",
                                  {.size = "640x480", .env = kFurnaceFront});
    // The grey spheres: neither background (lighter) nor gold (yellow).
    const Rgb background = lit.at(0, 0);
    const Mask grey = maskWhere(
        lit, [&](Rgb c) { return c.luma() < background.luma() - 8 && std::abs(c.r - c.b) < 12; });
    const auto found = discs(grey, 150, 12);
    ASSERT_EQ(found.size(), 49u);
    const auto cores = discCores(lit, found);
    auto at = [&](int metalRow, int roughColumn) {  // row 0: non-metal (bottom)
        return cores[static_cast<std::size_t>((6 - metalRow) * 7 + roughColumn)].luma();
    };
    for (int m = 0; m < 7; ++m)
        for (int r = 1; r < 7; ++r)
            EXPECT_LE(at(m, r), at(m, r - 1) + 1.5) << "metal " << m << " rough " << r;
    for (int r = 0; r < 7; ++r)
        for (int m = 1; m < 7; ++m)
            EXPECT_LE(at(m, r), at(m - 1, r) + 1.5) << "metal " << m << " rough " << r;
    // The losses are visible where the BRDF says they are large.
    EXPECT_GT(at(6, 0) - at(6, 6), 10.0);
    EXPECT_GT(at(0, 6) - at(6, 6), 20.0);
}

// TextureEncodingTest: each row's four spheres are one material written four
// ways (factors, a texture, a texture with a gamma chunk, one with an ICC
// profile); sRGB decoding for colour, none for data, metadata ignored.
TEST(RenderOracle, TextureEncodingPairsMatch) {
    const StillOptions front{.size = "640x480", .env = kFurnaceFront};
    const Image lit = renderStill(glb("TextureEncodingTest"), "encoding", front);
    const auto found =
        discs(modelMask(glb("TextureEncodingTest"), "encoding_mask", front), 200, 15);
    ASSERT_EQ(found.size(), 12u);
    const auto cores = discCores(lit, found);
    for (int row = 0; row < 3; ++row)
        for (int col = 1; col < 4; ++col) {
            const Rgb a = cores[static_cast<std::size_t>(row * 4)];
            const Rgb b = cores[static_cast<std::size_t>(row * 4 + col)];
            EXPECT_TRUE(near(a, b, 3.0))
                << "row " << row << " column " << col << ": (" << a.r << "," << a.g << "," << a.b
                << ") vs (" << b.r << "," << b.g << "," << b.b << ")";
        }
    // And the rows differ as their materials do: green base colour, bright green emissive, grey
    // metal.
    EXPECT_GT(cores[0].g, cores[0].r + 30);
    EXPECT_GT(cores[4].g, cores[0].g + 30);
    EXPECT_LT(std::abs(cores[8].r - cores[8].g), 6.0);
}

bool isGreen(Rgb c) {
    return c.g > c.r + 60 && c.g > c.b + 60;
}

// Green check marks (and TextureSettingsTest's green squares) in reading order.
std::vector<Blob> greenMarks(const Image& lit) {
    std::vector<Blob> marks = blobs(maskWhere(lit, isGreen), 30);
    std::sort(marks.begin(), marks.end(), [](const Blob& a, const Blob& b) {
        if (std::abs(a.cy - b.cy) > 8) return a.cy < b.cy;
        return a.cx < b.cx;
    });
    return marks;
}

// TextureSettingsTest: each row's "Test" cell (wrap or filter mode, single or
// double sided) must show what its "Sample pass" cell shows: a check mark, or
// a full green square for the clamp rows. A wrong mode shows something else.
TEST(RenderOracle, TextureSettingsRowsPass) {
    const Image lit = renderStill(gltf("TextureSettingsTest"), "settings",
                                  {.size = "640x640", .env = kFurnaceFront});
    const auto marks = greenMarks(lit);
    ASSERT_EQ(marks.size(), 16u);
    for (std::size_t row = 0; row < 8; ++row) {
        const Blob& test = marks[2 * row];
        const Blob& pass = marks[2 * row + 1];
        EXPECT_NEAR(static_cast<double>(test.area) / static_cast<double>(pass.area), 1.0, 0.15)
            << "row " << row;
    }
}

// NegativeScaleTest: the checks in the front, back and sample columns of both
// rows (scale 1 and -1) are there, and alike: mirrored nodes wind clockwise
// and their normals still face out.
TEST(RenderOracle, NegativeScaleChecksPass) {
    const Image lit = renderStill(glb("NegativeScaleTest"), "negative_scale",
                                  {.size = "640x480", .env = kFurnaceFront});
    const auto marks = greenMarks(lit);
    ASSERT_EQ(marks.size(), 6u);
    for (const Blob& m : marks)
        EXPECT_NEAR(static_cast<double>(m.area) / static_cast<double>(marks[2].area), 1.0, 0.2);
}

// OrientationTest: seen from +Z, +X, -X and +Y the cube shows the arrow of
// that face's material (glTF: +Y up, right-handed), never the opposite one's.
TEST(RenderOracle, OrientationFacesShowTheirArrows) {
    struct View {
        const char* orbit;
        const char* name;
        bool (*expected)(Rgb);
        bool (*opposite)(Rgb);
    };
    auto red = [](Rgb c) { return c.r > c.g + 60 && c.r > c.b + 60; };
    auto cyan = [](Rgb c) { return c.g > c.r + 80 && std::abs(c.g - c.b) < 30; };
    auto blue = [](Rgb c) { return c.b > c.g + 60 && c.b > c.r + 60 && c.g < 60; };
    auto yellow = [](Rgb c) { return c.r > c.b + 80 && c.g > c.b + 80; };
    auto green = [](Rgb c) { return isGreen(c) && c.b < 60; };
    auto magenta = [](Rgb c) { return c.r > c.g + 80 && c.b > c.g + 80; };
    const View views[] = {{"0,0", "front_z", blue, yellow},
                          {"-90,0", "side_x", red, cyan},
                          {"90,0", "side_minus_x", cyan, red},
                          {"0,-89", "top_y", green, magenta}};
    for (const View& v : views) {
        const Image lit =
            renderStill(glb("OrientationTest"), std::string("orientation_") + v.name,
                        {.env = {{"FRICHE_ENV", "white"}, {"FRICHE_ORBIT", v.orbit}}});
        const double expected = maskWhere(lit, v.expected).fraction();
        const double opposite = maskWhere(lit, v.opposite).fraction();
        EXPECT_GT(expected, 0.005) << v.name;
        EXPECT_LT(opposite, expected * 0.1) << v.name;
    }
}

// AlphaBlendModeTest: the panels' alpha runs from 0 at the top to 1 at the
// bottom, so a MASK panel keeps the part below its cutoff: three quarters of
// the opaque panel's height at 0.25, half at the default 0.5, a quarter at 0.75.
TEST(RenderOracle, AlphaCutoffKeepsWhatItShould) {
    const Image lit = renderStill(glb("AlphaBlendModeTest"), "alpha_cutoff",
                                  {.size = "960x540", .env = kFurnaceFront});
    // The panels' blue and yellow-green stripes, not the marble, labels or arrows.
    const Mask stripes = maskWhere(lit, [](Rgb c) {
        return (c.b > c.r + 40 && c.b > c.g) || (c.g > c.b + 40 && c.r > c.b + 20);
    });
    // Columns with stripes, grouped into panels left to right. A column's
    // height is its run of stripes up from the bottom (gaps of a few pixels
    // bridged): the texture's repeat wrap also lights a one-pixel top border,
    // which the specification expects and this must not count.
    struct Panel {
        int x0, x1;
        std::vector<int> heights;
    };
    constexpr int kGap = 3;
    std::vector<Panel> panels;
    for (int x = 0; x < stripes.width; ++x) {
        int bottom = -1;
        for (int y = stripes.height - 1; y >= 0 && bottom < 0; --y)
            if (stripes.at(x, y)) bottom = y;
        if (bottom < 0) continue;
        int top = bottom;
        for (int y = bottom; y >= 0 && top - y <= kGap; --y)
            if (stripes.at(x, y)) top = y;
        if (panels.empty() || x > panels.back().x1 + kGap) panels.push_back({x, x, {}});
        panels.back().x1 = x;
        panels.back().heights.push_back(bottom - top);
    }
    // The median column, so the panel's slanted frame lines do not count.
    auto height = [](Panel p) {
        std::nth_element(p.heights.begin(), p.heights.begin() + p.heights.size() / 2,
                         p.heights.end());
        return static_cast<double>(p.heights[p.heights.size() / 2]);
    };
    std::erase_if(panels, [](const Panel& p) { return p.x1 - p.x0 < 10; });
    ASSERT_EQ(panels.size(), 5u);  // opaque, blend, cutoff 0.25, default, 0.75
    const double full = height(panels[0]);
    const double expected[] = {0.75, 0.5, 0.25};
    for (int i = 0; i < 3; ++i)
        EXPECT_NEAR(height(panels[static_cast<std::size_t>(i + 2)]) / full, expected[i], 0.05)
            << "cutoff panel " << i;
}

}  // namespace
