// "Play the day": sunrise to sunset in kDaySweepSeconds, then it stops.
#include <gtest/gtest.h>

#include "scene/day_sweep.h"

using namespace friche::scene;

TEST(DaySweep, RunsFromSunriseToSunsetInItsTime) {
    SiteTime t = kDefaultSiteTime;
    t.month = 12;
    const auto day = sunriseAndSunset(t);
    ASSERT_TRUE(day);
    DaySweep sweep;
    sweep.start(t);
    EXPECT_TRUE(sweep.playing());
    EXPECT_DOUBLE_EQ(t.hour, day->sunrise);
    sweep.advance(t, kDaySweepSeconds / 2);
    EXPECT_NEAR(t.hour, (day->sunrise + day->sunset) / 2, 1e-9);
    EXPECT_TRUE(sweep.playing());
    sweep.advance(t, kDaySweepSeconds);  // past the end: it stops at sunset
    EXPECT_DOUBLE_EQ(t.hour, day->sunset);
    EXPECT_FALSE(sweep.playing());
    sweep.advance(t, 1.0);
    EXPECT_DOUBLE_EQ(t.hour, day->sunset);
}

TEST(DaySweep, StoppedItLeavesTheHourAlone) {
    SiteTime t = kDefaultSiteTime;
    DaySweep sweep;
    sweep.start(t);
    sweep.advance(t, 1.0);
    const double hour = t.hour;
    sweep.stop();
    sweep.advance(t, 5.0);
    EXPECT_EQ(t.hour, hour);
}

// Where the sun never sets (Tromsø in June), the whole clock day plays.
TEST(DaySweep, APolarDayPlaysTheWholeClockDay) {
    SiteTime t{
        .latitude = 69.65, .longitude = 18.96, .year = 2025, .month = 6, .day = 21, .clock = {}};
    DaySweep sweep;
    sweep.start(t);
    EXPECT_EQ(t.hour, 0.0);
    sweep.advance(t, kDaySweepSeconds);
    EXPECT_EQ(t.hour, 24.0);
}
