// Solar position against values known from almanacs and the NOAA calculator.
#include <gtest/gtest.h>

#include "scene/sun.h"

using namespace friche::scene;

namespace {

// The highest elevation of the day, sampled every minute, and its azimuth.
SunPosition solarNoon(SiteTime t) {
    SunPosition best{.elevation = -90.0};
    for (int minute = 0; minute < 24 * 60; ++minute) {
        t.hour = minute / 60.0;
        const SunPosition s = solarPosition(t);
        if (s.elevation > best.elevation) best = s;
    }
    return best;
}

}  // namespace

// 90 - 50.63 + 23.44 = 62.81 degrees, due south.
TEST(Sun, LiegeSolsticeNoonElevation) {
    const SunPosition noon = solarNoon(kDefaultSiteTime);
    EXPECT_NEAR(noon.elevation, 62.8, 0.1);
    EXPECT_NEAR(noon.azimuth, 180.0, 1.0);
    EXPECT_NEAR(noon.declination, 23.44, 0.02);
}

// At the December solstice the noon sun at Liège stands 90 - 50.63 - 23.44 = 15.9 degrees high.
TEST(Sun, LiegeWinterSolsticeNoonElevation) {
    SiteTime t = kDefaultSiteTime;
    t.month = 12;
    t.day = 21;
    EXPECT_NEAR(solarNoon(t).elevation, 15.9, 0.15);
}

// Solar noon at Liège on the June solstice comes at 11:39 UTC: 12:00 minus
// 4 minutes a degree of east longitude, plus the equation of time (-1.7 min).
TEST(Sun, SolarNoonTimeFollowsLongitudeAndEquationOfTime) {
    SiteTime t = kDefaultSiteTime;
    t.clock = {.standardUtcOffset = 0.0, .euSummerTime = false};
    t.hour = 11.0 + 39.4 / 60.0;
    const SunPosition s = solarPosition(t);
    EXPECT_NEAR(s.azimuth, 180.0, 0.3);
    EXPECT_NEAR(s.equationOfTime, -1.7, 0.3);
}

// The equation of time's extremes: about -14.2 minutes on 11 February, +16.4 on 3 November.
TEST(Sun, EquationOfTimeExtremes) {
    SiteTime t = kDefaultSiteTime;
    t.month = 2;
    t.day = 11;
    EXPECT_NEAR(solarPosition(t).equationOfTime, -14.2, 0.2);
    t.month = 11;
    t.day = 3;
    EXPECT_NEAR(solarPosition(t).equationOfTime, 16.4, 0.2);
}

// On the equator at an equinox the noon sun is overhead, to within the
// declination's distance from zero that day.
TEST(Sun, EquatorEquinoxNoonIsNearlyOverhead) {
    const SiteTime t{
        .latitude = 0.0, .longitude = 0.0, .year = 2025, .month = 3, .day = 20, .clock = {}};
    EXPECT_GT(solarNoon(t).elevation, 89.5);
}

// The default afternoon sun is in the south-west: west (-X) and south (+Z), high.
TEST(Sun, DefaultSunIsSouthWestInWorldSpace) {
    const SunPosition s = solarPosition(kDefaultSiteTime);
    EXPECT_GT(s.azimuth, 200.0);
    EXPECT_LT(s.azimuth, 250.0);
    EXPECT_GT(s.elevation, 50.0);
    EXPECT_LT(s.elevation, 62.8);
    const glm::vec3 d = sunDirection(s);
    EXPECT_LT(d.x, 0.0f);
    EXPECT_GT(d.z, 0.0f);
    EXPECT_NEAR(glm::length(d), 1.0f, 1e-5f);
}

// Morning sun in the east, below the horizon at night.
TEST(Sun, MorningEastNightBelow) {
    SiteTime t = kDefaultSiteTime;
    t.hour = 8.0;
    EXPECT_LT(solarPosition(t).azimuth, 110.0);
    t.hour = 1.0;
    EXPECT_LT(solarPosition(t).elevation, -5.0);
}

// Summer time in 2025 ran from 30 March to 26 October.
TEST(Sun, CentralEuropeanSummerTime) {
    const SiteClock cet;  // the default
    EXPECT_EQ(utcOffset(cet, 2025, 3, 29), 1.0);
    EXPECT_EQ(utcOffset(cet, 2025, 3, 30), 2.0);
    EXPECT_EQ(utcOffset(cet, 2025, 6, 21), 2.0);
    EXPECT_EQ(utcOffset(cet, 2025, 10, 25), 2.0);
    EXPECT_EQ(utcOffset(cet, 2025, 10, 26), 1.0);
    EXPECT_EQ(utcOffset(cet, 2026, 3, 29), 2.0);  // the last Sunday of March 2026
}

// ---- The sun at the seed sites, against the NOAA solar calculator.
//
// The expected figures are the NOAA spreadsheet's (NOAA_Solar_Calculations_day.xls,
// gml.noaa.gov/grad/solcalc/calcdetails.html): its columns F (Julian day,
// from the sheet's own serial date) to AH evaluated one by one in a separate
// transcription of the sheet (Python, not this code), at each scenario's
// latitude and longitude (scenes/*.json) on the winter solstice at 09:00
// (UTC+1) and the summer solstice at 17:00 (UTC+2), 2025. Column AG is the
// elevation with refraction, AH the azimuth clockwise from north, Y and Z
// sunrise and sunset (the sun's centre 0.833 degree below the horizon).
// No network here: the figures were not read off NOAA's web page.
struct NoaaFigure {
    const char* place;
    double latitude, longitude;
    int month, day;
    double hour;                // on the site's clock
    double elevation, azimuth;  // degrees
    double sunrise, sunset;     // hours on the site's clock
};

constexpr NoaaFigure kNoaa[] = {
    {"seraing", 50.59, 5.5, 12, 21, 9, 2.279, 132.013, 8.6136, 16.5903},
    {"seraing", 50.59, 5.5, 6, 21, 17, 42.981, 253.902, 5.4289, 21.9011},
    {"droixhe", 50.653, 5.603, 12, 21, 9, 2.285, 132.096, 8.6118, 16.5784},
    {"droixhe", 50.653, 5.603, 6, 21, 17, 42.901, 253.942, 5.4165, 21.8999},
    {"differdange", 49.524, 5.891, 12, 21, 9, 3.130, 132.286, 8.5040, 16.6478},
    {"differdange", 49.524, 5.891, 6, 21, 17, 43.023, 255.222, 5.4943, 21.7836},
    {"liege-smart-city", 50.64, 5.57, 12, 21, 9, 2.279, 132.070, 8.6130, 16.5816},
    {"liege-smart-city", 50.64, 5.57, 6, 21, 17, 42.924, 253.923, 5.4198, 21.9009},
    {"cite-miroir", 50.644, 5.57, 12, 21, 9, 2.276, 132.070, 8.6133, 16.5813},
    {"cite-miroir", 50.644, 5.57, 6, 21, 17, 42.923, 253.920, 5.4195, 21.9013},
};

// Tolerances: 0.05 degree for the sun's place; a minute for sunrise and
// sunset, since the sheet takes the declination of noon and friche that of the moment.
constexpr double kDegrees = 0.05;
constexpr double kMinute = 1.0 / 60.0;

TEST(Sun, SeedSitesAgreeWithTheNoaaCalculator) {
    for (const NoaaFigure& f : kNoaa) {
        SiteTime t{.latitude = f.latitude,
                   .longitude = f.longitude,
                   .year = 2025,
                   .month = f.month,
                   .day = f.day,
                   .hour = f.hour,
                   .clock = {}};  // Central European, as all the seed sites
        const SunPosition s = solarPosition(t);
        EXPECT_NEAR(s.elevation, f.elevation, kDegrees) << f.place << " " << f.month;
        EXPECT_NEAR(s.azimuth, f.azimuth, kDegrees) << f.place << " " << f.month;
        const auto day = sunriseAndSunset(t);
        ASSERT_TRUE(day) << f.place;
        EXPECT_NEAR(day->sunrise, f.sunrise, kMinute) << f.place << " " << f.month;
        EXPECT_NEAR(day->sunset, f.sunset, kMinute) << f.place << " " << f.month;
    }
}

// Cape Town (33.925 S, 18.424 E), South African time: UTC+2 all year. The
// winter (June) morning sun is low in the north-east, the summer evening sun
// in the west; the same NOAA sheet's figures.
TEST(Sun, SouthernHemisphereAgreesWithTheNoaaCalculator) {
    SiteTime t{.latitude = -33.925,
               .longitude = 18.424,
               .year = 2025,
               .month = 6,
               .day = 21,
               .hour = 9.0,
               .clock = {.standardUtcOffset = 2.0, .euSummerTime = false}};
    SunPosition s = solarPosition(t);
    EXPECT_NEAR(s.elevation, 11.165, kDegrees);
    EXPECT_NEAR(s.azimuth, 51.665, kDegrees);
    const auto june = sunriseAndSunset(t);
    ASSERT_TRUE(june);
    EXPECT_NEAR(june->sunrise, 7.8564, kMinute);
    EXPECT_NEAR(june->sunset, 17.7480, kMinute);
    t.hour = 12.0;  // the noon sun stands in the north
    s = solarPosition(t);
    EXPECT_NEAR(s.elevation, 31.531, kDegrees);
    EXPECT_NEAR(s.azimuth, 12.972, kDegrees);
    t.month = 12;
    t.hour = 17.0;
    s = solarPosition(t);
    EXPECT_NEAR(s.elevation, 33.901, kDegrees);
    EXPECT_NEAR(s.azimuth, 262.773, kDegrees);
}

// No sunrise in Tromsø (69.65 N) at the winter solstice, no sunset at the summer one.
TEST(Sun, PolarNightAndDayHaveNoSunriseOrSunset) {
    SiteTime t{
        .latitude = 69.65, .longitude = 18.96, .year = 2025, .month = 12, .day = 21, .clock = {}};
    EXPECT_FALSE(sunriseAndSunset(t));
    t.month = 6;
    EXPECT_FALSE(sunriseAndSunset(t));
}

// The site's clock: another standard offset shifts the sun by as many hours;
// a clock without summer time keeps its offset in June.
TEST(Sun, TheSiteClockShiftsTheSun) {
    const SiteClock utc{.standardUtcOffset = 0.0, .euSummerTime = false};
    EXPECT_EQ(utcOffset(utc, 2025, 6, 21), 0.0);
    EXPECT_EQ(utcOffset({.standardUtcOffset = 5.75, .euSummerTime = false}, 2025, 6, 21), 5.75);
    EXPECT_EQ(utcOffset({.standardUtcOffset = 0.0, .euSummerTime = true}, 2025, 6, 21), 1.0);
    SiteTime cest = kDefaultSiteTime;  // 15:00 at UTC+2
    SiteTime gmt = kDefaultSiteTime;
    gmt.clock = utc;
    gmt.hour = 13.0;  // the same moment
    EXPECT_NEAR(solarPosition(gmt).azimuth, solarPosition(cest).azimuth, 1e-9);
    EXPECT_NEAR(solarPosition(gmt).elevation, solarPosition(cest).elevation, 1e-9);
}

// north = 90: the site's true north lies along +X, so a sun due south at noon
// (azimuth 180) shines from -X, and every direction turns 90 degrees
// clockwise seen from above, i.e. -90 degrees about +Y.
TEST(Sun, NorthTurnsTheSunAboutTheVertical) {
    const SunPosition noon{.elevation = 30.0, .azimuth = 180.0};
    const glm::vec3 plain = sunDirection(noon);
    EXPECT_NEAR(plain.z, std::cos(glm::radians(30.0f)), 1e-6f);  // south is +Z
    const glm::vec3 turned = sunDirection(noon, 90.0);
    EXPECT_NEAR(turned.x, -std::cos(glm::radians(30.0f)), 1e-6f);
    EXPECT_NEAR(turned.y, plain.y, 1e-6f);
    EXPECT_NEAR(turned.z, 0.0f, 1e-6f);
    for (double azimuth : {0.0, 37.0, 120.0, 231.5}) {
        const SunPosition s{.elevation = 20.0, .azimuth = azimuth};
        const glm::vec3 a = sunDirection(s), b = sunDirection(s, 90.0);
        // Rotating (x, z) by -90 degrees about +Y: (x, z) -> (-z, x).
        EXPECT_NEAR(b.x, -a.z, 1e-6f) << azimuth;
        EXPECT_NEAR(b.z, a.x, 1e-6f) << azimuth;
    }
    EXPECT_NEAR(trueNorth(0.0).z, -1.0f, 1e-6f);
    EXPECT_NEAR(trueNorth(90.0).x, 1.0f, 1e-6f);
    EXPECT_NEAR(trueNorth(-90.0).x, -1.0f, 1e-6f);
}

TEST(Sun, DatesAndClockTimesAreParsedStrictly) {
    EXPECT_EQ(parseSunDate("2025-12-21"), (Date{2025, 12, 21}));
    EXPECT_EQ(parseSunDate("2024-02-29"), (Date{2024, 2, 29}));
    for (const char* bad : {"2025-02-30", "2025-13-01", "2025-12", "2025-1-01", "1900-06-21",
                            "2100-01-01", "21/12/2025", ""})
        EXPECT_FALSE(parseSunDate(bad)) << bad;
    EXPECT_EQ(parseClockTime("09:30"), 9.5);
    EXPECT_EQ(parseClockTime("00:00"), 0.0);
    EXPECT_NEAR(*parseClockTime("23:59"), 23.0 + 59.0 / 60.0, 1e-12);
    for (const char* bad : {"9h", "9:30", "24:00", "12:60", "12-30", "12:30:00", "ab:cd", ""})
        EXPECT_FALSE(parseClockTime(bad)) << bad;
}
