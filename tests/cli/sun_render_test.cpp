// The sun at the site in stills: `friche render --date --time`, the scenario's
// latitude and north, measured by where a box's shadow falls on the ground; and
// the errors (a date or time that is none, a scenario clock that is none).
//
// The scene: the corpus' Box (1 m, red) scaled to a 4 m cube, seen from
// straight above with north up the picture and east to the right, so a shadow
// towards compass bearing B runs along (sin B, -cos B) in the picture (y down).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numbers>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/scenario_fixture.h"

using namespace friche::test;
using nlohmann::json;

namespace {

const std::string kBoxModel =
    std::string(FRICHE_CORPUS_DIR) + "/glTF-Sample-Assets/Models/Box/glTF-Binary/Box.glb";

// Seraing's place (scenes/seraing.json), or its mirror image south of the equator.
constexpr double kLatitude = 50.59, kLongitude = 5.5;

json boxScenario(double latitude, double north = 0.0) {
    return {
        {"version", 1},
        {"site",
         {{"id", "sun-box"},
          {"name", "Sun box"},
          {"latitude", latitude},
          {"longitude", kLongitude},
          {"north", north}}},
        {"layers",
         json::array({{{"id", "box"}, {"model", kBoxModel}, {"transform", {{"scale", 4}}}}})},
        {"views", json::array({{{"id", "above"},
                                {"target", {0, 0, 0}},
                                {"yaw", 0},
                                {"pitch", -89},
                                {"distance", 40}}})},
        {"startView", "above"},
        {"phases",
         json::array({{{"id", "now"}, {"title", "Now"}, {"states", {{"box", "present"}}}}})},
    };
}

Image boxStill(const std::string& name, const json& scenario, std::vector<std::string> args) {
    const std::string file = writeScenario("sun_" + name, scenario).string();
    return renderStill(file, "sun_" + name, {.size = "480x270", .args = std::move(args)});
}

// A centroid, in pixels.
struct Centroid {
    double x = 0.0, y = 0.0;
    long count = 0;
    void add(int px, int py) {
        x += px;
        y += py;
        ++count;
    }
    void finish() {
        if (count) x /= static_cast<double>(count), y /= static_cast<double>(count);
    }
};

struct Shadow {
    Centroid box, shadow;
    // The shadow's bearing from the box, degrees clockwise from up the picture.
    double bearing() const {
        const double b = std::atan2(shadow.x - box.x, box.y - shadow.y) * 180.0 / std::numbers::pi;
        return b < 0.0 ? b + 360.0 : b;
    }
};

// The shadow's centroid over a square box's outline is off its true bearing
// by a few degrees; a wrong sun is off by tens.
constexpr double kBearingTolerance = 12.0;
constexpr long kMinShadowPixels = 200;
constexpr double kShadowed = 0.8;

// The box is what is red; the shadow what is grey and darker than the sunlit
// ground (the picture's median grey) by a fifth: a 16 degree winter sun
// lights the ground only half again as much as the sky lights its shadow.
Shadow findShadow(const Image& image) {
    std::vector<double> greys;
    const auto red = [](Rgb p) { return p.r > 2.0 * p.g + 20.0; };
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (!red(image.at(x, y))) greys.push_back(image.at(x, y).luma());
    std::nth_element(greys.begin(), greys.begin() + static_cast<long>(greys.size() / 2),
                     greys.end());
    const double lit = greys[greys.size() / 2];
    Shadow s;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const Rgb p = image.at(x, y);
            if (red(p))
                s.box.add(x, y);
            else if (p.luma() < kShadowed * lit)
                s.shadow.add(x, y);
        }
    }
    s.box.finish();
    s.shadow.finish();
    return s;
}

// The smallest angle between two bearings, degrees.
double bearingGap(double a, double b) {
    const double d = std::fmod(std::abs(a - b), 360.0);
    return std::min(d, 360.0 - d);
}

}  // namespace

// At 13:40 summer time the sun is in the south at Seraing (azimuth about 180)
// and in the north at 50.59 S: the shadow falls north, then south.
TEST(SunRender, TheSouthernHemisphereThrowsShadowsTheOtherWay) {
    const std::vector<std::string> noon{"--date", "2025-06-21", "--time", "13:40"};
    const Shadow north = findShadow(boxStill("north", boxScenario(kLatitude), noon));
    const Shadow south = findShadow(boxStill("south", boxScenario(-kLatitude), noon));
    ASSERT_GT(north.shadow.count, kMinShadowPixels);
    ASSERT_GT(south.shadow.count, kMinShadowPixels);
    EXPECT_LT(bearingGap(north.bearing(), 0.0), kBearingTolerance) << north.bearing();
    EXPECT_LT(bearingGap(south.bearing(), 180.0), kBearingTolerance) << south.bearing();
}

// Seraing, 21 June 2025: at 09:00 the sun stands at azimuth 89.4, at 17:00 at
// 253.9 (the NOAA spreadsheet's figures, tests/unit/sun_test.cpp): the shadow
// falls west, then east-north-east.
TEST(SunRender, MorningAndEveningShadowsFallWestThenEast) {
    const json site = boxScenario(kLatitude);
    const Shadow morning =
        findShadow(boxStill("0900", site, {"--date", "2025-06-21", "--time", "09:00"}));
    const Shadow evening =
        findShadow(boxStill("1700", site, {"--date", "2025-06-21", "--time", "17:00"}));
    ASSERT_GT(morning.shadow.count, kMinShadowPixels);
    ASSERT_GT(evening.shadow.count, kMinShadowPixels);
    EXPECT_LT(bearingGap(morning.bearing(), 89.4 + 180.0), kBearingTolerance) << morning.bearing();
    EXPECT_LT(bearingGap(evening.bearing(), 253.9 - 180.0), kBearingTolerance) << evening.bearing();
}

// The site's north 90 degrees clockwise from -Z: true north lies along +X,
// right in the picture, so the 17:00 shadow turns a quarter turn clockwise.
TEST(SunRender, TheSitesNorthTurnsTheShadow) {
    const Shadow turned = findShadow(boxStill("north90", boxScenario(kLatitude, 90.0),
                                              {"--date", "2025-06-21", "--time", "17:00"}));
    ASSERT_GT(turned.shadow.count, kMinShadowPixels);
    EXPECT_LT(bearingGap(turned.bearing(), 253.9 - 180.0 + 90.0), kBearingTolerance)
        << turned.bearing();
}

// The viewer lights the scenario at its site too, FRICHE_SUN on the site's
// clock: its first frame (a hidden window, 1600x900) shows the turned shadow.
TEST(SunRender, TheViewerLightsTheScenarioAtItsSite) {
    const std::string file = writeScenario("sun_viewer", boxScenario(kLatitude, 90.0)).string();
    const std::string out = outPath("sun_viewer");
    std::filesystem::remove(out);
    const ScopedEnv env({{"FRICHE_SNAPSHOT", out},
                         {"FRICHE_IDLE_SECONDS", "0"},
                         {"FRICHE_SUN", "2025-06-21T17:00"}});
    const auto r = runFriche({file}, 120);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const Shadow turned = findShadow(decodePng(out));
    ASSERT_GT(turned.shadow.count, kMinShadowPixels);
    EXPECT_LT(bearingGap(turned.bearing(), 253.9 - 180.0 + 90.0), kBearingTolerance)
        << turned.bearing();
}

TEST(SunRender, ADateOrTimeThatIsNoneIsAUsageError) {
    const std::string out = outPath("sun_bad");
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--date", "2025-13-01"},
                                                {"--date", "2025-02-30"},
                                                {"--time", "9h"},
                                                {"--time", "25:00"}}) {
        std::vector<std::string> args{"render", kBoxModel, "-o", out};
        args.insert(args.end(), bad.begin(), bad.end());
        const auto r = runFriche(args);
        EXPECT_EQ(r.exitCode, 2) << bad[1] << "\n" << r.output;
        EXPECT_NE(r.output.find(bad[0] + " wants"), std::string::npos) << r.output;
    }
}

TEST(SunRender, AScenarioClockThatIsNoneIsBadInput) {
    json doc = boxScenario(kLatitude);
    doc["site"]["utcOffset"] = 1.2;
    const std::string file = writeScenario("sun_bad_clock", doc).string();
    const auto r = runFriche({"render", file, "-o", outPath("sun_bad_clock")});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("/site/utcOffset"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("quarters of an hour"), std::string::npos) << r.output;
}
