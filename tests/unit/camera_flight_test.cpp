// Camera flights to a phase's view: the ends are exact, yaw turns the short
// way, distance changes geometrically, and a flight ends.
#include <gtest/gtest.h>

#include <glm/gtc/constants.hpp>

#include "scene/camera_flight.h"

using namespace friche::scene;

namespace {

OrbitCamera camera(glm::vec3 target, float yaw, float pitch, float distance) {
    OrbitCamera c;
    c.target = target;
    c.yaw = yaw;
    c.pitch = pitch;
    c.distance = distance;
    return c;
}

}  // namespace

TEST(BlendOrbit, EndsAreTheTwoCameras) {
    const OrbitCamera a = camera({0, 0, 0}, 0.2f, -0.3f, 10.0f);
    OrbitCamera b = camera({10, 2, -4}, 1.2f, -0.8f, 250.0f);
    b.farPlane = 5000.0f;
    const OrbitCamera start = blendOrbit(a, b, 0.0f);
    const OrbitCamera end = blendOrbit(a, b, 1.0f);
    EXPECT_FLOAT_EQ(start.yaw, a.yaw);
    EXPECT_FLOAT_EQ(start.distance, a.distance);
    EXPECT_EQ(start.target, a.target);
    EXPECT_FLOAT_EQ(end.yaw, b.yaw);
    EXPECT_NEAR(end.distance, b.distance, 1e-3f);
    EXPECT_EQ(end.target, b.target);
    EXPECT_FLOAT_EQ(start.farPlane, 5000.0f);  // the destination's planes throughout
}

TEST(BlendOrbit, YawTurnsTheShortWayRound) {
    const float pi = glm::pi<float>();
    const OrbitCamera a = camera({}, pi - 0.1f, 0.0f, 1.0f);
    const OrbitCamera b = camera({}, -pi + 0.1f, 0.0f, 1.0f);
    // Halfway across the back (pi), not back through 0.
    EXPECT_NEAR(std::fabs(blendOrbit(a, b, 0.5f).yaw), pi, 1e-4f);
}

TEST(BlendOrbit, DistanceChangesGeometrically) {
    const OrbitCamera a = camera({}, 0.0f, 0.0f, 10.0f);
    const OrbitCamera b = camera({}, 0.0f, 0.0f, 1000.0f);
    EXPECT_NEAR(blendOrbit(a, b, 0.5f).distance, 100.0f, 1e-2f);
}

TEST(CameraFlight, ArrivesAndStops) {
    CameraFlight flight;
    EXPECT_FALSE(flight.active());
    const OrbitCamera a = camera({0, 0, 0}, 0.0f, -0.3f, 10.0f);
    const OrbitCamera b = camera({5, 0, 0}, 1.0f, -0.5f, 20.0f);
    flight.start(a, 1.0);
    EXPECT_TRUE(flight.active());
    EXPECT_EQ(flight.toward(b).target, a.target);
    flight.advance(0.5);
    EXPECT_TRUE(flight.active());
    const OrbitCamera mid = flight.toward(b);
    EXPECT_GT(mid.target.x, 0.0f);
    EXPECT_LT(mid.target.x, 5.0f);
    flight.advance(0.6);
    EXPECT_FALSE(flight.active());
    const OrbitCamera end = flight.toward(b);
    EXPECT_EQ(end.target, b.target);
    EXPECT_FLOAT_EQ(end.yaw, b.yaw);
}

// Flying back into a story whose camera moves on: the flight ends where the
// destination is by then, not where it was when the flight began.
TEST(CameraFlight, FollowsAMovingDestination) {
    CameraFlight flight;
    const OrbitCamera a = camera({0, 0, 0}, 0.0f, -0.3f, 10.0f);
    flight.start(a, 1.0);
    flight.advance(0.5);
    const OrbitCamera early = flight.toward(camera({4, 0, 0}, 0.0f, -0.3f, 10.0f));
    const OrbitCamera later = flight.toward(camera({8, 0, 0}, 0.0f, -0.3f, 10.0f));
    EXPECT_NEAR(later.target.x, 2.0f * early.target.x, 1e-4f);
    flight.advance(0.5);
    EXPECT_EQ(flight.toward(camera({9, 0, 0}, 0.0f, -0.3f, 10.0f)).target.x, 9.0f);
}
