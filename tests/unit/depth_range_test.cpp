// The near and far planes fitted to what is drawn (scene/depth_range.h): the
// far plane holds every corner of the bounds and the ground's rim, the near
// plane stands in front of everything seen, and the ratio between them stays
// bounded from any eye, inside the bounds or out, for any bounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/gtc/constants.hpp>

#include "scene/depth_range.h"
#include "scene/orbit_camera.h"

using namespace friche::scene;

namespace {

// A flat site of 860 x 560 m with 125 m chimneys (Seraing's size), a hall,
// and a tiny thing.
const Bounds kSite = Bounds::of({-430, -5, -330}, {430, 125, 230});
const Bounds kHall = Bounds::of({-20, 0, -8}, {20, 12, 8});
const Bounds kTiny = Bounds::of({0.001f, 0, 0}, {0.002f, 0.001f, 0.001f});

std::vector<glm::vec3> corners(const Bounds& b) {
    std::vector<glm::vec3> out;
    for (int i = 0; i < 8; ++i)
        out.emplace_back((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                         (i & 4) ? b.max.z : b.min.z);
    return out;
}

// Points on the ground's rim, every 5 degrees.
std::vector<glm::vec3> rim(const Bounds& b) {
    const GroundDisc g = groundDisc(b);
    std::vector<glm::vec3> out;
    for (int i = 0; i < 72; ++i) {
        const float a = glm::two_pi<float>() * static_cast<float>(i) / 72.0f;
        out.push_back(g.center + g.radius * glm::vec3(std::cos(a), 0.0f, std::sin(a)));
    }
    return out;
}

// Points spread through the bounds and over the ground: a 9 x 9 x 9 grid and
// a 33 x 33 grid over the disc's square, cut to the disc.
std::vector<glm::vec3> drawnPoints(const Bounds& b) {
    std::vector<glm::vec3> out;
    for (int i = 0; i <= 8; ++i)
        for (int j = 0; j <= 8; ++j)
            for (int k = 0; k <= 8; ++k)
                out.push_back(b.min + b.size() * glm::vec3(i, j, k) / 8.0f);
    const GroundDisc g = groundDisc(b);
    for (int i = 0; i <= 32; ++i)
        for (int k = 0; k <= 32; ++k) {
            const glm::vec2 q = glm::vec2(i - 16, k - 16) / 16.0f;
            if (glm::length(q) <= 1.0f)
                out.push_back(g.center + g.radius * glm::vec3(q.x, 0.0f, q.y));
        }
    return out;
}

float depth(const glm::vec3& eye, const glm::vec3& forward, const glm::vec3& p) {
    return glm::dot(p - eye, glm::normalize(forward));
}

// Whether `p` lies within 60 degrees of the view axis, as anything on screen does.
bool seen(const glm::vec3& eye, const glm::vec3& forward, const glm::vec3& p) {
    const glm::vec3 to = p - eye;
    return glm::dot(to, glm::normalize(forward)) >= 0.5f * glm::length(to);
}

struct Eye {
    glm::vec3 eye, forward;
};

// Eyes outside the site, looking at it or past it, and inside it.
const Eye kOutside[] = {
    {{260, 260, 420}, glm::vec3(7, 7, -28) - glm::vec3(260, 260, 420)},     // an overview
    {{900, 40, 0}, {-1, -0.05f, 0}},                                        // from beyond the edge
    {{0, 600, 0}, {0, -1, 0}},                                              // straight down
    {{-700, 300, 700}, {1, -0.2f, -1}},                                     // far, low sun angle
    {{300, 200, -60}, glm::vec3(75, 22, -143) - glm::vec3(300, 200, -60)},  // above, looking in
};
const Eye kInside[] = {
    {{300, 90, -60}, glm::vec3(75, 22, -143) - glm::vec3(300, 90, -60)},  // Seraing's river view
    {{-290, 25, 40}, glm::vec3(-1, 4, -15) - glm::vec3(-290, 25, 40)},    // the boulevard view
    {{0, 2, 0}, {1, 0, 0}},                                               // a pedestrian
};

}  // namespace

TEST(DepthRange, GroundDiscLiesLevelWithTheBoundsFloorAndReachesThreeHalfDiagonals) {
    const GroundDisc g = groundDisc(kSite);
    const float halfDiagonal = glm::length(kSite.size()) * 0.5f;
    EXPECT_FLOAT_EQ(g.radius, kGroundReach * halfDiagonal);
    EXPECT_FLOAT_EQ(g.center.x, kSite.center().x);
    EXPECT_FLOAT_EQ(g.center.z, kSite.center().z);
    // Level with a site's own ground: no step where they meet.
    EXPECT_FLOAT_EQ(g.center.y, kSite.min.y);
}

TEST(DepthRange, FarPlaneHoldsEveryCornerAndTheGroundsRim) {
    std::vector<Eye> eyes(std::begin(kOutside), std::end(kOutside));
    eyes.insert(eyes.end(), std::begin(kInside), std::end(kInside));
    for (const Bounds& b : {kSite, kHall}) {
        for (const Eye& e : eyes) {
            const DepthRange r = fitDepthRange(e.eye, e.forward, b);
            std::vector<glm::vec3> points = corners(b);
            for (const glm::vec3& p : rim(b)) points.push_back(p);
            for (const glm::vec3& p : points)
                EXPECT_LT(depth(e.eye, e.forward, p), r.farPlane)
                    << "eye " << e.eye.x << "," << e.eye.y << "," << e.eye.z;
        }
    }
}

TEST(DepthRange, FarPlaneIsTight) {
    // Not the old fixed 1000 m or a multiple of the distance: the rim, and a hair.
    const Eye e = kInside[0];
    const DepthRange r = fitDepthRange(e.eye, e.forward, kSite);
    float farthest = 0.0f;
    for (const glm::vec3& p : rim(kSite)) farthest = std::max(farthest, depth(e.eye, e.forward, p));
    EXPECT_LT(r.farPlane, farthest * 1.02f);
}

TEST(DepthRange, FromOutsideTheNearPlaneStandsInFrontOfEverythingSeen) {
    for (const Bounds& b : {kSite, kHall}) {
        for (const Eye& e : kOutside) {
            const DepthRange r = fitDepthRange(e.eye, e.forward, b);
            for (const glm::vec3& p : drawnPoints(b)) {
                if (!seen(e.eye, e.forward, p)) continue;
                EXPECT_LE(r.nearPlane, depth(e.eye, e.forward, p))
                    << "eye " << e.eye.x << "," << e.eye.y << "," << e.eye.z;
            }
        }
    }
}

TEST(DepthRange, FromOutsideTheNearPlaneIsNeverBeyondTheNearestCorner) {
    // Looking at the bounds from outside them, some corner is in front.
    for (const Eye& e : kOutside) {
        const DepthRange r = fitDepthRange(e.eye, e.forward, kSite);
        float nearest = 1e30f;
        for (const glm::vec3& p : corners(kSite))
            nearest = std::min(nearest, glm::distance(e.eye, p));
        EXPECT_LE(r.nearPlane, nearest);
    }
}

TEST(DepthRange, FromAboveTheRangeIsShort) {
    // 475 m above the site's top, looking down: the near plane stands hundreds
    // of metres out, and depth is resolved to well under a millimetre.
    const DepthRange r = fitDepthRange({0, 600, 0}, {0, -1, 0}, kSite);
    EXPECT_GT(r.nearPlane, 0.5f * (600.0f - kSite.max.y) - 1.0f);
    EXPECT_LT(r.farPlane / r.nearPlane, 10.0f);
}

TEST(DepthRange, FromInsideTheRatioIsBounded) {
    for (const Eye& e : kInside) {
        const DepthRange r = fitDepthRange(e.eye, e.forward, kSite);
        EXPECT_NEAR(r.farPlane / r.nearPlane, kMaxDepthRatio, kMaxDepthRatio * 1e-4f);
        // A site's far plane is its ground's rim, kilometres out: the near
        // plane is a metre or two, closer than a view stands to a wall.
        EXPECT_GT(r.nearPlane, 0.5f);
        EXPECT_LT(r.nearPlane, 5.0f);
    }
}

TEST(DepthRange, RatioIsBoundedFromAnyEye) {
    for (const Bounds& b : {kSite, kHall, kTiny}) {
        for (int i = 0; i < 200; ++i) {
            const float t = static_cast<float>(i);
            const float scale = glm::length(b.size()) * (0.1f + 0.05f * static_cast<float>(i % 40));
            const glm::vec3 eye =
                b.center() + scale * glm::vec3(std::sin(t * 1.7f), std::cos(t * 0.9f),
                                               std::sin(t * 2.3f + 1.0f));
            const glm::vec3 forward(std::cos(t * 1.1f), std::sin(t * 0.7f) - 0.3f,
                                    std::sin(t * 1.3f));
            const DepthRange r = fitDepthRange(eye, forward, b);
            EXPECT_GT(r.nearPlane, 0.0f);
            EXPECT_LT(r.nearPlane, r.farPlane);
            EXPECT_LE(r.farPlane / r.nearPlane, kMaxDepthRatio * 1.0001f);
        }
    }
}

TEST(DepthRange, DegenerateInputsGiveFinitePlanes) {
    const Bounds point = Bounds::of({3, 4, 5}, {3, 4, 5});
    const Bounds flat = Bounds::of({-10, 0, -10}, {10, 0, 10});
    const struct {
        glm::vec3 eye, forward;
        Bounds bounds;
    } cases[] = {
        {{0, 0, 0}, {0, 0, -1}, Bounds{}},  // nothing drawn
        {{3, 4, 5}, {0, 0, -1}, point},     // the eye on a point
        {{0, 0, 0}, {0, 0, -1}, point},     // a point behind the eye
        {{0, 1, 0}, {0, 0, 0}, flat},       // no direction
        {{0, 0, 0}, {1, 0, 0}, flat},       // the eye in a flat model's plane
        {{0, 5, 0}, {0, 1, 0}, flat},       // looking away from everything
        {{0, 1e6f, 0}, {0, -1, 0}, kTiny},  // a tiny model seen from afar
    };
    for (const auto& c : cases) {
        const DepthRange r = fitDepthRange(c.eye, c.forward, c.bounds);
        EXPECT_TRUE(std::isfinite(r.nearPlane) && std::isfinite(r.farPlane));
        EXPECT_GT(r.nearPlane, 0.0f);
        EXPECT_LT(r.nearPlane, r.farPlane);
    }
}

TEST(DepthRange, AnOrbitCameraWithThesePlanesKeepsTheSiteBeforeItsFarPlane) {
    OrbitCamera cam;
    cam.target = {75, 22, -143};
    cam.yaw = -1.2f;
    cam.pitch = -0.3f;
    cam.distance = 250.0f;
    const DepthRange r = fitDepthRange(cam.eye(), cam.viewDirection(), kSite);
    cam.nearPlane = r.nearPlane;
    cam.farPlane = r.farPlane;
    const glm::mat4 clip = cam.projection(16.0f / 9.0f) * cam.view();
    std::vector<glm::vec3> points = corners(kSite);
    for (const glm::vec3& p : rim(kSite)) points.push_back(p);
    for (const glm::vec3& p : points) {
        const glm::vec4 q = clip * glm::vec4(p, 1.0f);
        if (q.w <= r.nearPlane) continue;  // behind the near plane: off screen from inside
        EXPECT_LE(q.z / q.w, 1.0f);
    }
}

// An orbit zoomed in to 40 cm from a wall inside the site still sees the wall:
// the near plane stays halfway to the target, whatever the bounds allow.
TEST(DepthRange, AnOrbitZoomedInCloseKeepsItsTargetBeyondTheNearPlane) {
    OrbitCamera cam;
    cam.target = {10, 5, -20};
    cam.distance = 0.4f;
    const OrbitCamera fitted = withDepthRange(cam, kSite);
    EXPECT_LE(fitted.nearPlane, 0.2f);
    EXPECT_GE(fitted.farPlane, fitDepthRange(cam.eye(), cam.viewDirection(), kSite).farPlane);
    // Far out, the bounds decide.
    cam.distance = 250.0f;
    EXPECT_EQ(withDepthRange(cam, kSite).nearPlane,
              fitDepthRange(cam.eye(), cam.viewDirection(), kSite).nearPlane);
}
