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
    t.utcOffsetHours = 1.0;
    EXPECT_NEAR(solarNoon(t).elevation, 15.9, 0.15);
}

// Solar noon at Liège on the June solstice comes at 11:39 UTC: 12:00 minus
// 4 minutes a degree of east longitude, plus the equation of time (-1.7 min).
TEST(Sun, SolarNoonTimeFollowsLongitudeAndEquationOfTime) {
    SiteTime t = kDefaultSiteTime;
    t.utcOffsetHours = 0.0;
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
    const SiteTime t{.latitude = 0.0, .longitude = 0.0, .year = 2025, .month = 3, .day = 20};
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
    EXPECT_EQ(centralEuropeanUtcOffset(2025, 3, 29), 1.0);
    EXPECT_EQ(centralEuropeanUtcOffset(2025, 3, 30), 2.0);
    EXPECT_EQ(centralEuropeanUtcOffset(2025, 6, 21), 2.0);
    EXPECT_EQ(centralEuropeanUtcOffset(2025, 10, 25), 2.0);
    EXPECT_EQ(centralEuropeanUtcOffset(2025, 10, 26), 1.0);
    EXPECT_EQ(centralEuropeanUtcOffset(2026, 3, 29), 2.0);  // the last Sunday of March 2026
}
