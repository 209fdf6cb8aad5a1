// The exhibition's idle rule: back to the start once per idle spell, never
// while someone acts, never when switched off.
#include <gtest/gtest.h>

#include <limits>

#include "scene/idle_timer.h"

using friche::scene::IdleTimer;

TEST(IdleTimer, ExpiresOnceAfterTheIdleTimeWithoutInput) {
    IdleTimer idle(60.0);
    EXPECT_FALSE(idle.expired(1000.0));  // switched on: idle from here
    EXPECT_FALSE(idle.expired(1059.9));
    EXPECT_TRUE(idle.expired(1060.0));
    EXPECT_TRUE(idle.attracting());
    EXPECT_FALSE(idle.expired(1200.0));  // the attract loop is running: not again
    EXPECT_FALSE(idle.expired(5000.0));
}

TEST(IdleTimer, InputRestartsTheWaitAndEndsTheAttractLoop) {
    IdleTimer idle(60.0);
    idle.input(0.0);
    idle.input(50.0);
    EXPECT_FALSE(idle.expired(100.0));  // 50 s since the last touch
    EXPECT_TRUE(idle.expired(110.0));
    idle.input(111.0);
    EXPECT_FALSE(idle.attracting());
    EXPECT_FALSE(idle.expired(170.0));
    EXPECT_TRUE(idle.expired(171.0));  // a second idle spell
}

TEST(IdleTimer, ZeroOrNonsenseNeverExpires) {
    for (double seconds : {0.0, -5.0, std::numeric_limits<double>::quiet_NaN()}) {
        IdleTimer idle(seconds);
        idle.input(0.0);
        EXPECT_FALSE(idle.expired(1e9)) << seconds;
        EXPECT_EQ(idle.idleSeconds(), 0.0);
    }
}

TEST(IdleTimer, RemainingCountsDownToTheAttractLoop) {
    IdleTimer idle(60.0);
    EXPECT_DOUBLE_EQ(idle.remaining(0.0), 60.0);  // not started: the whole wait
    idle.input(100.0);
    EXPECT_DOUBLE_EQ(idle.remaining(150.0), 10.0);
    EXPECT_DOUBLE_EQ(idle.remaining(170.0), 0.0);
    EXPECT_TRUE(idle.expired(170.0));
    EXPECT_EQ(idle.remaining(171.0), std::numeric_limits<double>::infinity());
    EXPECT_EQ(IdleTimer(0.0).remaining(5.0), std::numeric_limits<double>::infinity());
}
