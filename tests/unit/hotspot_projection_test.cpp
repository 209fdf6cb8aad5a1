// Hotspot labels: where a 3D anchor lands on the screen (in front, behind,
// off the edge) and in which phases a hotspot is shown.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/hotspot_projection.h"

using namespace friche::scene;

namespace {

const glm::vec2 kProjectionWindow{800.0f, 600.0f};

// Looking from +Z down -Z at the origin, 90 degrees vertically.
glm::mat4 lookDownMinusZ() {
    const glm::mat4 view = glm::lookAt(glm::vec3(0, 0, 10), glm::vec3(0.0f), glm::vec3(0, 1, 0));
    return glm::perspective(glm::radians(90.0f), kProjectionWindow.x / kProjectionWindow.y, 0.1f,
                            100.0f) *
           view;
}

// Two phases; layer 0 present then absent.
Scenario twoPhases() {
    Scenario s;
    s.layers.resize(1);
    Phase a, b;
    a.layers = {{LayerState::Present, Transition::Dissolve, -1}};
    b.layers = {{LayerState::Absent, Transition::Dissolve, -1}};
    s.phases = {a, b};
    return s;
}

}  // namespace

TEST(HotspotProjection, TheLookedAtPointIsTheWindowCentre) {
    const ScreenAnchor a = projectAnchor(lookDownMinusZ(), glm::vec3(0.0f), kProjectionWindow);
    EXPECT_FALSE(a.behind);
    EXPECT_TRUE(a.onScreen);
    EXPECT_NEAR(a.point.x, 400.0f, 1e-3f);
    EXPECT_NEAR(a.point.y, 300.0f, 1e-3f);
    EXPECT_NEAR(a.depth, 10.0f, 1e-4f);
}

TEST(HotspotProjection, UpIsUpOnTheScreenAndRightIsRight) {
    // At distance 10 with a 90 degree field, y = 10 is the top edge.
    const ScreenAnchor top = projectAnchor(lookDownMinusZ(), glm::vec3(0, 5, 0), kProjectionWindow);
    EXPECT_NEAR(top.point.y, 150.0f, 1e-3f);
    const ScreenAnchor right =
        projectAnchor(lookDownMinusZ(), glm::vec3(5, 0, 0), kProjectionWindow);
    EXPECT_GT(right.point.x, 400.0f);
}

TEST(HotspotProjection, BehindTheCameraIsFlagged) {
    const ScreenAnchor a = projectAnchor(lookDownMinusZ(), glm::vec3(0, 0, 20), kProjectionWindow);
    EXPECT_TRUE(a.behind);
    EXPECT_FALSE(a.onScreen);
}

TEST(HotspotProjection, OffScreenIsClampedToTheEdge) {
    const ScreenAnchor a = projectAnchor(lookDownMinusZ(), glm::vec3(100, 0, 0), kProjectionWindow);
    EXPECT_FALSE(a.behind);
    EXPECT_FALSE(a.onScreen);
    EXPECT_FLOAT_EQ(a.point.x, kProjectionWindow.x);
    EXPECT_NEAR(a.point.y, 300.0f, 1e-3f);
}

TEST(HotspotShown, FollowsItsLayerAndItsPhases) {
    const Scenario s = twoPhases();
    Hotspot always;
    EXPECT_TRUE(hotspotShown(s, always, 0.0));
    EXPECT_TRUE(hotspotShown(s, always, 1.0));

    Hotspot onLayer;
    onLayer.layer = 0;
    EXPECT_TRUE(hotspotShown(s, onLayer, 0.0));
    EXPECT_TRUE(hotspotShown(s, onLayer, 0.4));   // nearest phase is still the first
    EXPECT_FALSE(hotspotShown(s, onLayer, 0.6));  // the layer is absent in the second
    EXPECT_FALSE(hotspotShown(s, onLayer, 1.0));

    Hotspot secondOnly;
    secondOnly.phases = {1};
    EXPECT_FALSE(hotspotShown(s, secondOnly, 0.0));
    EXPECT_TRUE(hotspotShown(s, secondOnly, 1.0));
    EXPECT_TRUE(hotspotShown(s, secondOnly, 7.0));  // clamped to the last phase
}
