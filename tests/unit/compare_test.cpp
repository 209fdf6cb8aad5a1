#include "scene/compare.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace friche::scene {
namespace {

constexpr glm::vec2 kCompareWindow{1000.0f, 600.0f};
constexpr float kHit = 48.0f;

Compare swipe(float split = 0.5f) {
    return {.mode = CompareMode::Swipe, .phaseA = 0, .phaseB = 2, .split = split};
}

TEST(Compare, SplitFollowsThePointerAndKeepsOffTheEdges) {
    EXPECT_FLOAT_EQ(splitAt(250.0f, 1000.0f), 0.25f);
    EXPECT_FLOAT_EQ(splitAt(-40.0f, 1000.0f), kMinSplit);
    EXPECT_FLOAT_EQ(splitAt(5000.0f, 1000.0f), 1.0f - kMinSplit);
}

TEST(Compare, DividerIsHitWithinHalfTheHitWidth) {
    const Compare c = swipe(0.3f);  // the divider at x = 300
    EXPECT_TRUE(onDivider({300.0f, 10.0f}, c, kCompareWindow, kHit));
    EXPECT_TRUE(onDivider({323.0f, 500.0f}, c, kCompareWindow, kHit));
    EXPECT_FALSE(onDivider({326.0f, 500.0f}, c, kCompareWindow, kHit));
    EXPECT_FALSE(onDivider({500.0f, 300.0f}, c, kCompareWindow, kHit));
    Compare side = c;
    side.mode = CompareMode::Side;
    EXPECT_FALSE(onDivider({300.0f, 10.0f}, side, kCompareWindow, kHit));
}

TEST(Compare, ViewportsTileTheWindow) {
    const CompareViewports s = compareViewports(swipe(0.25f), 1000, 600);
    EXPECT_EQ(s.a, glm::ivec4(0, 0, 250, 600));
    EXPECT_EQ(s.b, glm::ivec4(250, 0, 750, 600));
    Compare side = swipe(0.25f);
    side.mode = CompareMode::Side;
    const CompareViewports h = compareViewports(side, 1001, 600);
    EXPECT_EQ(h.a, glm::ivec4(0, 0, 501, 600));  // lround(500.5) rounds away from zero
    EXPECT_EQ(h.b.x + h.b.z, 1001);
}

TEST(Compare, PointerMovesTheSideByItsHalf) {
    const glm::vec2 window{1600, 900};
    const PointerArea right = pointerArea({.mode = CompareMode::Side}, {1200, 100}, window);
    EXPECT_EQ(right.origin, glm::vec2(800, 0));
    EXPECT_EQ(right.size, glm::vec2(800, 900));
    EXPECT_EQ(pointerArea({.mode = CompareMode::Side}, {10, 100}, window).origin, glm::vec2(0));
    // A swipe is one view: the whole window.
    const PointerArea swipe = pointerArea({.mode = CompareMode::Swipe}, {1200, 100}, window);
    EXPECT_EQ(swipe.origin, glm::vec2(0));
    EXPECT_EQ(swipe.size, window);
}

TEST(Compare, DragOnTheDividerMovesItAndNotTheCamera) {
    Compare c = swipe(0.5f);
    DividerDrag drag;
    EXPECT_TRUE(
        drag.handle(MouseDown{MouseButton::Left, {510.0f, 200.0f}}, c, kCompareWindow, kHit));
    EXPECT_TRUE(drag.active());
    EXPECT_TRUE(drag.handle(MouseMove{{200.0f, 220.0f}}, c, kCompareWindow, kHit));
    EXPECT_FLOAT_EQ(c.split, 0.2f);
    EXPECT_TRUE(drag.handle(MouseUp{MouseButton::Left}, c, kCompareWindow, kHit));
    EXPECT_FALSE(drag.active());
    // After the release, moves are the camera's again.
    EXPECT_FALSE(drag.handle(MouseMove{{600.0f, 220.0f}}, c, kCompareWindow, kHit));
    EXPECT_FLOAT_EQ(c.split, 0.2f);
}

TEST(Compare, DragAwayFromTheDividerIsTheCamerasAndFingersAreTracked) {
    Compare c = swipe(0.5f);
    DividerDrag drag;
    EXPECT_FALSE(
        drag.handle(MouseDown{MouseButton::Left, {100.0f, 200.0f}}, c, kCompareWindow, kHit));
    EXPECT_FALSE(drag.handle(MouseMove{{300.0f, 200.0f}}, c, kCompareWindow, kHit));
    EXPECT_FALSE(drag.handle(MouseUp{MouseButton::Left}, c, kCompareWindow, kHit));
    EXPECT_TRUE(drag.handle(FingerDown{7, {495.0f, 100.0f}, 0}, c, kCompareWindow, kHit));
    EXPECT_FALSE(
        drag.handle(FingerMove{8, {900.0f, 100.0f}}, c, kCompareWindow, kHit));  // another finger
    EXPECT_TRUE(drag.handle(FingerMove{7, {750.0f, 100.0f}}, c, kCompareWindow, kHit));
    EXPECT_FLOAT_EQ(c.split, 0.75f);
    EXPECT_TRUE(drag.handle(FingerUp{7, 10}, c, kCompareWindow, kHit));
    EXPECT_FALSE(drag.active());
}

}  // namespace
}  // namespace friche::scene
