// Where a site's ground ends, the landscape carries on at its level. It lay a
// metre and more lower, under the ground's overhang: the ground's shadow and
// the ambient occlusion in the step drew a dark line along every site's
// border. Each lawn site is seen straight down on a stretch of its border with
// nothing on it, the edge down the middle of the still: no column there may be
// darker than the lawns on either side, and the two lawns are one green.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/render_image.h"
#include "support/seed_sites.h"

using namespace friche::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int kWidth = 480, kHeight = 270;
// A still 60 m above the edge: about 10 cm a pixel.
constexpr double kDistance = 60.0;
// The columns each side of the edge that show either lawn: from 20 pixels
// (2 m) to 120 pixels out.
constexpr int kNear = 20, kFar = 120;
// A column within this of the edge may not be darker than the darker lawn by
// more than kDarkest. The line a 1.4 m step drew was 15 to 30 % darker.
constexpr int kLine = 12;
constexpr double kDarkest = 0.04;
// The two lawns' brightness may differ by this much: the ground's wear varies
// it over tens of metres on either side.
constexpr double kMostApart = 0.05;

// A stretch of a lawn site's border, clear of roads, water and buildings in
// every phase: the middle of the edge at (x, z), the view turned by `yaw`
// degrees so that the edge runs down the still.
struct Border {
    const char* site;
    double x, z, yaw;
};
const Border kBorders[] = {
    {"seraing", 0, 280, 90},  // the south edge, below the garden city
    {"droixhe", 280, 0, 0},   // the east edge
    {"differdange", 320, 0, 0},
    {"differdange", -320, 0, 0},
};

// The median over each column of `value` (of a pixel's colour).
template <class Value>
std::vector<double> columnMedians(const Image& image, Value value) {
    std::vector<double> out;
    std::vector<double> column(static_cast<std::size_t>(image.height));
    for (int x = 0; x < image.width; ++x) {
        for (int y = 0; y < image.height; ++y)
            column[static_cast<std::size_t>(y)] = value(image.at(x, y));
        std::nth_element(column.begin(), column.begin() + image.height / 2, column.end());
        out.push_back(column[static_cast<std::size_t>(image.height / 2)]);
    }
    return out;
}

// The median of `values` over [from, to).
double medianOf(const std::vector<double>& values, int from, int to) {
    std::vector<double> part(values.begin() + from, values.begin() + to);
    std::nth_element(part.begin(), part.begin() + part.size() / 2, part.end());
    return part[part.size() / 2];
}

// A copy of the site's scenario with a view straight down on `b`, in the test
// output folder; its models resolve as the original's do (depth_fighting_test).
std::string scenarioLookingAt(const Border& b, const std::string& view) {
    std::ifstream in(seedScenario(b.site));
    json doc = json::parse(in);
    doc["views"].push_back({{"id", view},
                            {"target", {b.x, 0.0, b.z}},
                            {"yaw", b.yaw},
                            {"pitch", -89.0},
                            {"distance", kDistance}});
    const fs::path dir = fs::path(FRICHE_TEST_OUT) / "site-edge";
    fs::create_directories(dir);
    const fs::path file = dir / (view + ".json");
    std::ofstream(file) << doc.dump(2);
    return file.string();
}

}  // namespace

TEST(SiteEdge, TheLandscapeMeetsALawnWithoutALineAndInItsGreen) {
    for (const Border& b : kBorders) {
        const std::string view = std::string("edge-") + b.site + "-" + std::to_string(int(b.x)) +
                                 "-" + std::to_string(int(b.z));
        const std::string scenario = scenarioLookingAt(b, view);
        const std::string size = std::to_string(kWidth) + "x" + std::to_string(kHeight);
        const std::string name = "site_" + view;
        const Image still = renderStill(scenario, name, {.size = size, .args = {"--view", view}});
        ASSERT_EQ(still.width, kWidth) << outPath(name);
        const int middle = kWidth / 2;
        // Either side's lawn, in `value`, away from the edge.
        const auto sides = [&](auto value) {
            const std::vector<double> v = columnMedians(still, value);
            return std::pair(medianOf(v, middle - kFar, middle - kNear),
                             medianOf(v, middle + kNear, middle + kFar));
        };
        const auto luma = [](const Rgb& c) { return c.luma(); };
        const std::vector<double> columns = columnMedians(still, luma);
        const auto [left, right] = sides(luma);
        const double edge = *std::min_element(columns.begin() + middle - kLine,
                                              columns.begin() + middle + kLine + 1);
        std::printf("%s: lawns %.1f | %.1f, darkest column at the edge %.1f\n", view.c_str(), left,
                    right, edge);
        EXPECT_GE(edge, std::min(left, right) * (1.0 - kDarkest))
            << view << ": a line along the edge, " << edge << " against lawns of " << left
            << " and " << right << " (" << outPath(name) << ")";
        for (const auto& [channel, value] : {std::pair<const char*, double (*)(const Rgb&)>{
                                                 "red", [](const Rgb& c) { return c.r; }},
                                             {"green", [](const Rgb& c) { return c.g; }},
                                             {"blue", [](const Rgb& c) { return c.b; }}}) {
            const auto [l, r] = sides(value);
            std::printf("  %s %.1f | %.1f\n", channel, l, r);
            EXPECT_LE(std::abs(l - r), kMostApart * std::max(l, r))
                << view << ": the lawns either side of the edge differ in " << channel << ", " << l
                << " and " << r << " (" << outPath(name) << ")";
        }
    }
}
