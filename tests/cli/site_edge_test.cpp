// Where a site's ground ends, the landscape carries on at its level. It lay a
// metre and more lower, under the ground's overhang: the ground's shadow and
// the ambient occlusion in the step drew a dark line along every site's
// border. Each lawn site is seen straight down on a stretch of its border with
// nothing on it, the edge down the middle of the still: no column there may be
// darker than the lawns on either side, and the two lawns are one green. Where
// a site's river leaves it, the landscape's river flows on in its colour, and
// where a road does, the road runs on.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
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
// The columns each side of the edge that show either lawn: from 20 pixels
// (2 m) to 120 pixels out.
constexpr int kNear = 20, kFar = 120;
// A column within this of the edge may not be darker than the darker lawn by
// more than kDarkest. The line a 1.4 m step drew was 15 to 30 % darker.
constexpr int kLine = 12;
constexpr double kDarkest = 0.04;
// The two sides' channels may differ by this share, and by kLevels more (of
// 255): a dark channel, as water's red, moves by a few levels with the water's
// ripples.
constexpr double kMostApart = 0.05;
constexpr double kLevels = 4.0;

// A stretch of a lawn site's border, clear of roads, water and buildings in
// every phase: the middle of the edge at (x, z), the view turned by `yaw`
// degrees so that the edge runs down the still; by default straight down from
// 60 m (about 10 cm a pixel). A view that looks across the edge from afar sees
// it across the still, which is then turned a quarter for the checks.
struct Border {
    const char* site;
    double x, z, yaw;
    double pitch = -89.0, distance = 60.0;
    bool across = false;
    const char* phase = nullptr;    // the scenario's first, when none
    const char* setting = nullptr;  // the scenario's own, when none
    const char* time = nullptr;     // on the June solstice; the scenario's sun, when none
    double fov = 0.0;               // degrees; the scenario's, when 0
};
// In the country, whatever the scenario's setting: in a town or a city the
// first street runs along the site's edge, where the landscape's lawn would.
const Border kBorders[] = {
    {"seraing", 0, 280, 90, -89, 60, false, nullptr, "country"},  // the south edge
    {"droixhe", 280, 0, 0, -89, 60, false, nullptr, "country"},   // the east edge
    {"differdange", 320, 0, 0, -89, 60, false, nullptr, "country"},
    {"differdange", -320, 0, 0, -89, 60, false, nullptr, "country"},
    // Droixhe's east edge from 200 m outside, where the ambient occlusion read
    // a ground drawn 1e-3 of its distance farther as a 20 cm step.
    {"droixhe", 280, 0, 180, -25, 200, true, nullptr, "country"},
};
// Where each site's river leaves it, the view turned so that the river runs
// across the still.
const Border kRiverMouths[] = {
    {"seraing", -430, -200, 0},
    {"seraing", 430, -200, 0},
    {"droixhe", -262, 190, 90},
    {"liege-smart-city", 280, -185, 0},
};
// Where a road leaves its site (node extras friche.roads): the end of the
// site's road, 8 m past the end of its layout's strip, over which it slopes
// down to the landscape's (sitegen's kRamp). Seen straight down from low
// enough that the road fills most of each column, the view turned so that the
// road runs across the still, in a phase that shows it.
const Border kRoadMouths[] = {
    {"seraing", 438, 115, 0, -89, 30},  // rue John Cockerill
    // The boulevard's north carriageway, beyond the lawn's edge at -430.
    {"seraing", -458, -2.25, 0, -89, 24, false, "new-dynamic"},
    {"differdange", 328, 118, 0, -89, 24},
    {"droixhe", 288, -145, 0, -89, 24},  // the east end: the west meets the Meuse
    {"liege-smart-city", 288, 75, 0, -89, 40, false, "challenges"},  // the expressway
    {"liege-smart-city", -288, 80, 0, -89, 24, false, "tram"},       // the boulevard
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

// A copy of the site's scenario with a view on `b`, in the test
// output folder; its models resolve as the original's do (depth_fighting_test).
std::string scenarioLookingAt(const Border& b, const std::string& view) {
    std::ifstream in(seedScenario(b.site));
    json doc = json::parse(in);
    doc["views"].push_back({{"id", view},
                            {"target", {b.x, 0.0, b.z}},
                            {"yaw", b.yaw},
                            {"pitch", b.pitch},
                            {"distance", b.distance}});
    if (b.fov > 0.0) doc["views"].back()["fov"] = b.fov;
    if (b.setting) doc["site"]["setting"] = b.setting;
    const fs::path dir = fs::path(FRICHE_TEST_OUT) / "site-edge";
    fs::create_directories(dir);
    const fs::path file = dir / (view + ".json");
    std::ofstream(file) << doc.dump(2);
    return file.string();
}

// `image` turned a quarter: its rows become columns.
Image transposed(const Image& image) {
    Image out{.width = image.height, .height = image.width, .rgb = image.rgb};
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            for (int c = 0; c < 3; ++c)
                out.rgb[3 * (static_cast<std::size_t>(x) * out.width + y) + c] =
                    image.rgb[3 * (static_cast<std::size_t>(y) * image.width + x) + c];
    return out;
}

// The still of `b`, named after it, the edge down its middle.
struct EdgeStill {
    std::string name;
    Image image;
};
EdgeStill stillOf(const Border& b, const Env& env = {}) {
    const std::string view = std::string("edge-") + b.site + "-" + std::to_string(int(b.x)) + "-" +
                             std::to_string(int(b.z)) + (b.across ? "-afar" : "") +
                             (b.phase ? std::string("-") + b.phase : "") +
                             (b.setting ? std::string("-") + b.setting : "") +
                             (b.time ? "-at-" + std::string(b.time, 2) : "");  // the hour
    const std::string scenario = scenarioLookingAt(b, view);
    const std::string size = std::to_string(kWidth) + "x" + std::to_string(kHeight);
    const std::string name = "site_" + view;
    std::vector<std::string> args = {"--view", view};
    if (b.phase) args.insert(args.end(), {"--phase", b.phase});
    if (b.time) args.insert(args.end(), {"--date", "2026-06-21", "--time", b.time});
    Image image = renderStill(scenario, name, {.size = size, .args = args, .env = env});
    EXPECT_EQ(image.width, kWidth) << outPath(name);
    return {name, b.across && !image.rgb.empty() ? transposed(image) : image};
}

// Either side of the edge down the middle, away from it: the median of the
// `columns`' medians.
std::pair<double, double> sides(const std::vector<double>& columns) {
    const int middle = static_cast<int>(columns.size()) / 2;
    return {medianOf(columns, middle - kFar, middle - kNear),
            medianOf(columns, middle + kNear, middle + kFar)};
}

const char* const kChannelNames[] = {"red", "green", "blue"};

// Either side of the edge in each channel, red, green and blue.
std::array<std::pair<double, double>, 3> channelSides(const Image& still) {
    return {sides(columnMedians(still, [](const Rgb& c) { return c.r; })),
            sides(columnMedians(still, [](const Rgb& c) { return c.g; })),
            sides(columnMedians(still, [](const Rgb& c) { return c.b; }))};
}

// Whether the two `sides` of `still` are one colour, within kMostApart in each channel.
void expectOneColour(const EdgeStill& still, const std::array<std::pair<double, double>, 3>& sides,
                     const char* what) {
    for (std::size_t c = 0; c < 3; ++c) {
        const auto [l, r] = sides[c];
        std::printf("  %s %.1f | %.1f\n", kChannelNames[c], l, r);
        EXPECT_LE(std::abs(l - r), kMostApart * std::max(l, r) + kLevels)
            << still.name << ": the " << what << " either side of the edge differ in "
            << kChannelNames[c] << ", " << l << " and " << r << " (" << outPath(still.name) << ")";
    }
}

// Whether no column near the edge of `still` is darker than the `what` on
// either side by more than kDarkest.
void expectNoLine(const EdgeStill& still, const char* what) {
    const auto luma = [](const Rgb& c) { return c.luma(); };
    const std::vector<double> columns = columnMedians(still.image, luma);
    const auto [left, right] = sides(columns);
    const int middle = still.image.width / 2;
    const double edge =
        *std::min_element(columns.begin() + middle - kLine, columns.begin() + middle + kLine + 1);
    std::printf("%s: %s %.1f | %.1f, darkest column at the edge %.1f\n", still.name.c_str(), what,
                left, right, edge);
    EXPECT_GE(edge, std::min(left, right) * (1.0 - kDarkest))
        << still.name << ": a line along the edge, " << edge << " against " << what << " of "
        << left << " and " << right << " (" << outPath(still.name) << ")";
}

}  // namespace

TEST(SiteEdge, TheLandscapeMeetsALawnWithoutALineAndInItsGreen) {
    for (const Border& b : kBorders) {
        const EdgeStill still = stillOf(b);
        if (still.image.rgb.empty()) continue;
        expectNoLine(still, "lawns");
        expectOneColour(still, channelSides(still.image), "lawns");
    }
}

// Where a site's river leaves it, the landscape's river flows on (node extras
// friche.river): water on both sides of the edge, in one colour.
TEST(SiteEdge, TheRiverFlowsOnBeyondTheSite) {
    for (const Border& b : kRiverMouths) {
        const EdgeStill still = stillOf(b);
        if (still.image.rgb.empty()) continue;
        std::printf("%s:\n", still.name.c_str());
        const auto colour = channelSides(still.image);
        const auto [redLeft, redRight] = colour[0];
        const auto [blueLeft, blueRight] = colour[2];
        // Water is bluer than red; a lawn or a yard is not.
        EXPECT_GT(blueLeft, redLeft * 1.5) << still.name << ": no water left of the edge";
        EXPECT_GT(blueRight, redRight * 1.5) << still.name << ": no water right of the edge";
        expectOneColour(still, colour, "waters");
    }
}

// Whether `c` is grey, as a street's asphalt, pavement or deck is, not a
// yard's green or the water's blue.
bool grey(const Rgb& c) {
    const double top = std::max({c.r, c.g, c.b});
    return top - std::min({c.r, c.g, c.b}) < 0.2 * top + kLevels;
}

// Over a town's river, every third street of the grid that crosses it runs
// on as a bridge (shaders/landscape.frag, bridgeDeck): seen straight down
// from 500 m on Seraing's Meuse west of the site, some of what is water in
// the country is a grey deck in a town, and the rest is still water.
TEST(SiteEdge, ATownsStreetsCrossItsRiverOnBridges) {
    const EdgeStill country =
        stillOf({"seraing", -800, -200, 0, -89, 500, false, nullptr, "country"});
    const EdgeStill town = stillOf({"seraing", -800, -200, 0, -89, 500, false, nullptr, "town"});
    if (country.image.rgb.empty() || town.image.rgb.empty()) return;
    const auto water = [](const Rgb& c) { return c.b > c.r * 1.5; };
    int river = 0, deck = 0, other = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            if (!water(country.image.at(x, y))) continue;
            ++river;
            const Rgb c = town.image.at(x, y);
            if (water(c))
                continue;
            else if (grey(c))
                ++deck;
            else
                ++other;
        }
    std::printf("%d pixels of river in the country: %d a deck in the town, %d neither\n", river,
                deck, other);
    EXPECT_GT(river, kWidth * kHeight / 10) << "no river in view (" << outPath(country.name) << ")";
    EXPECT_GT(deck, river / 50) << "no bridge (" << outPath(town.name) << ")";
    EXPECT_LT(deck, river / 3) << "the river bridged over (" << outPath(town.name) << ")";
    EXPECT_LT(other, river / 50) << outPath(town.name);
}

// A town's cars (shaders/traffic.vert) keep to its streets and bridges:
// against the same still drawn by a copy of the shaders whose cars all fold
// away, Seraing's town seen straight down from 250 m over the Meuse differs
// only where the still without cars shows a street's grey (not a yard's
// green or the water's blue), and in a few hundred pixels.
TEST(SiteEdge, ATownsCarsKeepToItsStreetsAndBridges) {
    const std::string noCars = shaderCopy("no_cars");
    {
        const std::string vert = noCars + "/traffic.vert";
        std::string text = fileBytes(vert);
        text.insert(text.rfind('}'), "    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);\n");
        std::ofstream(vert, std::ios::binary) << text;
    }
    const Border view{"seraing", -800, -200, 0, -89, 250, false, nullptr, "town"};
    // Both are written to one file: the one with cars last, for the messages to point at.
    const EdgeStill without = stillOf(view, {{"FRICHE_SHADER_DIR", noCars}});
    const EdgeStill with = stillOf(view);
    if (with.image.rgb.empty() || without.image.rgb.empty()) return;
    int cars = 0, offStreet = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const Rgb a = with.image.at(x, y), b = without.image.at(x, y);
            if (near(a, b, kLevels)) continue;
            ++cars;
            if (!grey(b)) ++offStreet;
        }
    std::printf("%d pixels of cars, %d of them where no street shows\n", cars, offStreet);
    EXPECT_GT(cars, 100) << "no cars (" << outPath(with.name) << ")";
    EXPECT_LT(cars, kWidth * kHeight / 20) << outPath(with.name);
    EXPECT_LT(offStreet, cars / 20) << "cars off the streets (" << outPath(with.name) << ")";
}

// Down the middle of a site's road, white paint (sitegen's `markings`):
// Droixhe's avenue seen straight down from 24 m where no car stands, the road
// across the still. The rows at its middle are painted in dashes, 3 m of every
// 6 (about half the columns); the asphalt a metre and more from it is not.
TEST(SiteEdge, ASitesRoadIsPaintedDownItsMiddle) {
    const EdgeStill still = stillOf({"droixhe", 34.5, 130, 0, -89, 24});
    if (still.image.rgb.empty()) return;
    const Image& image = still.image;
    const auto paint = [](const Rgb& c) { return std::min({c.r, c.g, c.b}) > 150 && grey(c); };
    // The road's rows: mostly asphalt's grey.
    int top = -1, bottom = -1;
    for (int y = 0; y < kHeight; ++y) {
        int asphalt = 0;
        for (int x = 0; x < kWidth; ++x) asphalt += grey(image.at(x, y)) && !paint(image.at(x, y));
        if (asphalt > kWidth / 2) {
            if (top < 0) top = y;
            bottom = y;
        }
    }
    ASSERT_GT(bottom - top, kHeight / 3) << "no road across " << outPath(still.name);
    const double metre = (bottom - top + 1) / 12.0;  // the avenue is 12 m wide
    const double middle = (top + bottom) / 2.0;
    int painted = 0, beside = 0, besidePainted = 0;
    for (int x = 0; x < kWidth; ++x) {
        bool any = false;
        for (int y = top; y <= bottom; ++y) {
            const double off = std::abs(y - middle) / metre;
            if (off < 0.3)
                any = any || paint(image.at(x, y));
            else if (off > 1.0 && off < 5.5) {
                ++beside;
                besidePainted += paint(image.at(x, y));
            }
        }
        painted += any;
    }
    std::printf("%d of %d columns painted at the road's middle; %d of %d pixels beside it\n",
                painted, kWidth, besidePainted, beside);
    EXPECT_GT(painted, kWidth * 3 / 10) << "no line down the road (" << outPath(still.name) << ")";
    EXPECT_LT(painted, kWidth * 7 / 10) << "not dashed (" << outPath(still.name) << ")";
    EXPECT_LT(besidePainted, beside / 100) << outPath(still.name);
}

// Where a site's road leaves it, the landscape's road runs on (node extras
// friche.roads): road on both sides of the edge, grey where a lawn is green,
// in one colour, with no line between.
TEST(SiteEdge, TheRoadsRunOnBeyondTheSite) {
    for (const Border& b : kRoadMouths) {
        const EdgeStill still = stillOf(b);
        if (still.image.rgb.empty()) continue;
        expectNoLine(still, "roads");
        const auto colour = channelSides(still.image);
        for (const auto& [red, green] : {std::pair{colour[0].first, colour[1].first},
                                         std::pair{colour[0].second, colour[1].second}})
            EXPECT_LT(green, red * 1.2 + kLevels) << still.name << ": green, not a road's grey";
        expectOneColour(still, colour, "roads");
    }
}

// A road runs on only in the phases that show it: in Seraing's industrial
// days there is no boulevard, on the site or beyond it (in the country, where
// a lawn lies beyond).
TEST(SiteEdge, ARoadRunsOnOnlyInThePhasesThatShowIt) {
    const EdgeStill still =
        stillOf({"seraing", -458, -2.25, 0, -89, 24, false, "industry", "country"});
    if (still.image.rgb.empty()) return;
    const auto colour = channelSides(still.image);
    const auto [red, green] = std::pair{colour[0].first, colour[1].first};
    std::printf("%s: beyond the site red %.1f, green %.1f\n", still.name.c_str(), red, green);
    EXPECT_GT(green, red * 1.3) << still.name << ": no lawn beyond the site ("
                                << outPath(still.name) << ")";
}

// A site in a town or a city (its scenario's "setting") stands among its
// streets and buildings (shaders/landscape.glsl, city_layout.frag); in the
// country, among fields. Cité Miroir's, seen straight down from 250 m, 320 m
// beyond its southern edge: in a city a lawn shows only in the blocks'
// gardens and parks, and streets run across the still, whole columns of
// asphalt grey; in a town, whose yards are mostly gardens, they run too,
// narrower, and the roofs of red tiles and slate cover a share of it; in the
// country, the same view is lawn.
TEST(SiteEdge, ASiteInATownOrACityStandsAmongStreetsAndBuildings) {
    for (const char* setting : {"city", "town", "country"}) {
        const std::string kind = setting;
        const EdgeStill still =
            stillOf({"cite-miroir", 0, 480, 0, -89, 250, false, nullptr, setting});
        if (still.image.rgb.empty()) continue;
        int green = 0, tiles = 0;
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) {
                const Rgb c = still.image.at(x, y);
                green += c.g > 1.2 * c.r && c.g > 1.2 * c.b ? 1 : 0;
                // A roof of red tiles in the sun (its albedo 0.24, 0.09, 0.05).
                tiles += c.r > 1.6 * c.g && c.g > c.b && c.r >= 60 ? 1 : 0;
            }
        const double lawn = double(green) / (kWidth * kHeight);
        const double red = double(tiles) / (kWidth * kHeight);
        // Asphalt in the sun: a grey with a touch of blue (its albedo 0.19,
        // 0.19, 0.2), where roofs, yards and pavements are warm or neutral.
        const auto asphalt = [&](int x, int y) {
            const Rgb c = still.image.at(x, y);
            return std::abs(c.r - c.g) <= 4 && c.b - c.g >= 4 && c.b - c.g <= 16 &&
                   c.luma() >= 60 && c.luma() <= 150;
        };
        // The columns, and the rows, that are nine tenths asphalt: streets.
        int columns = 0, rows = 0;
        for (int x = 0; x < kWidth; ++x) {
            int n = 0;
            for (int y = 0; y < kHeight; ++y) n += asphalt(x, y) ? 1 : 0;
            columns += n >= kHeight * 9 / 10 ? 1 : 0;
        }
        for (int y = 0; y < kHeight; ++y) {
            int n = 0;
            for (int x = 0; x < kWidth; ++x) n += asphalt(x, y) ? 1 : 0;
            rows += n >= kWidth * 9 / 10 ? 1 : 0;
        }
        std::printf(
            "%s: lawn %.2f and red tiles %.2f of the still, streets %d columns and %d "
            "rows wide\n",
            still.name.c_str(), lawn, red, columns, rows);
        if (kind == "city") {
            EXPECT_LT(lawn, 0.4) << still.name << ": fields, not a city (" << outPath(still.name)
                                 << ")";
            EXPECT_GE(columns, 20)
                << still.name << ": no street runs down (" << outPath(still.name) << ")";
            EXPECT_GE(rows, 8) << still.name << ": no street runs across";
        } else if (kind == "town") {
            EXPECT_LT(lawn, 0.8) << still.name << ": fields, not a town (" << outPath(still.name)
                                 << ")";
            EXPECT_GT(red, 0.02) << still.name << ": no tiled roofs";
            EXPECT_GE(columns, 10) << still.name << ": no street runs down";
            EXPECT_GE(rows, 5) << still.name << ": no street runs across";
        } else {
            EXPECT_GT(lawn, 0.9) << still.name << ": not the country's lawn ("
                                 << outPath(still.name) << ")";
            EXPECT_EQ(columns + rows, 0) << still.name << ": a street in the country";
        }
    }
}

// A town's or a city's buildings and trees cast their shadows on its streets
// and yards (shaders/city_shadow.vert), away from the sun. Cité Miroir's city
// seen straight down from high up through a narrow field (walls show a few
// pixels wide at most), north up, at 10:00 and at 17:00 on the June solstice:
// the morning sun stands in the east, the afternoon's in the west. Some ground
// is shaded in the morning and lit in the afternoon, some the other way round.
// In a yard, the morning's shade lies along its east wing and the
// afternoon's along its west wing; the streets running north are shaded at
// both times, and across a building the next ground shaded at one time only
// is a yard or a street away. So along a row, the nearest afternoon's shade
// to a morning's lies west of it, in the same yard, more often than east: 2.7
// times as often (a tree's shadows lie the other way round); were the
// shadows cast toward the sun, it would lie east 2.7 times as often.
TEST(SiteEdge, ACitysBuildingsCastTheirShadowsAwayFromTheSun) {
    const Border morning{"cite-miroir", 0, 480, 0, -89, 1000, false, nullptr, "city", "10:00", 11};
    Border afternoon = morning;
    afternoon.time = "17:00";
    const EdgeStill am = stillOf(morning), pm = stillOf(afternoon);
    if (am.image.rgb.empty() || pm.image.rgb.empty()) return;
    // +1: shaded only in the afternoon, -1: only in the morning, 0: neither.
    std::vector<int> moved(static_cast<std::size_t>(kWidth * kHeight));
    int mornings = 0, afternoons = 0;
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x) {
            const double a = am.image.at(x, y).luma(), p = pm.image.at(x, y).luma();
            const int m = p < 0.7 * a ? 1 : a < 0.7 * p ? -1 : 0;
            moved[static_cast<std::size_t>(y * kWidth + x)] = m;
            afternoons += m > 0 ? 1 : 0;
            mornings += m < 0 ? 1 : 0;
        }
    // Along each row, the runs of either shade at least kRun pixels long (a
    // wall is narrower); for each morning's run, whether the nearest
    // afternoon's lies west or east of it, counted in its pixels.
    constexpr int kRun = 10;
    int westOf = 0, eastOf = 0;
    for (int y = 0; y < kHeight; ++y) {
        std::vector<std::pair<int, int>> runs[2];  // afternoon's, morning's: [from, to)
        for (int x = 0; x < kWidth;) {
            const int m = moved[static_cast<std::size_t>(y * kWidth + x)];
            int end = x + 1;
            while (end < kWidth && moved[static_cast<std::size_t>(y * kWidth + end)] == m) ++end;
            if (m != 0 && end - x >= kRun) runs[m > 0 ? 0 : 1].push_back({x, end});
            x = end;
        }
        for (const auto& [from, to] : runs[1]) {
            int west = kWidth, east = kWidth;
            for (const auto& [f, t] : runs[0]) {
                if (t <= from) west = std::min(west, from - t);
                if (f >= to) east = std::min(east, f - to);
            }
            westOf += west < east ? to - from : 0;
            eastOf += east < west ? to - from : 0;
        }
    }
    const double total = kWidth * kHeight;
    std::printf(
        "shaded in the morning only %.3f of the still, in the afternoon only %.3f; the "
        "afternoon's shade nearest the morning's lies west of %d of its pixels, east of %d\n",
        mornings / total, afternoons / total, westOf, eastOf);
    EXPECT_GT(mornings / total, 0.03) << "no shadows in the morning (" << outPath(am.name) << ")";
    EXPECT_GT(afternoons / total, 0.03)
        << "no shadows in the afternoon (" << outPath(pm.name) << ")";
    EXPECT_GT(westOf, 2 * eastOf) << "shadows toward the sun (" << outPath(am.name) << ", "
                                  << outPath(pm.name) << ")";
}
