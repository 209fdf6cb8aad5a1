// Gestures to camera moves: what each mouse, wheel and touch gesture does to the orbit camera.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/camera_controller.h"

using namespace friche::scene;

namespace {

constexpr glm::vec2 kViewport{1600.0f, 900.0f};

struct Fixture {
    CameraController ctl;
    OrbitCamera cam;
    Fixture() {
        ctl.setViewport(kViewport);
        cam.target = {1, 2, 3};
        cam.distance = 10.0f;
    }
    ControlResult send(const PointerEvent& e) { return ctl.handle(e, cam); }
};

// Where a world point appears, in the points (y down) of a view `size` big.
glm::vec2 toScreen(const OrbitCamera& cam, glm::vec3 p, glm::vec2 size = kViewport) {
    const glm::vec3 w =
        glm::project(p, cam.view(), cam.projection(size.x / size.y), glm::vec4(0, 0, size));
    return {w.x, size.y - w.y};
}

// The world point under a position in that view, at the target's depth.
glm::vec3 underCursor(const OrbitCamera& cam, glm::vec2 pos, glm::vec2 size = kViewport) {
    const glm::vec4 vp(0, 0, size);
    const glm::mat4 projection = cam.projection(size.x / size.y);
    const float depth = glm::project(cam.target, cam.view(), projection, vp).z;
    return glm::unProject(glm::vec3(pos.x, size.y - pos.y, depth), cam.view(), projection, vp);
}

void expectSameVec(glm::vec3 a, glm::vec3 b) {
    EXPECT_LT(glm::length(a - b), 1e-4f) << a.x << " " << b.x;
}

}  // namespace

TEST(CameraController, LeftDragOrbitsAndNothingElse) {
    Fixture f;
    const OrbitCamera before = f.cam;
    f.send(MouseDown{MouseButton::Left, {800, 450}});
    EXPECT_EQ(f.send(MouseMove{{900, 400}}), ControlResult::Moved);
    f.send(MouseUp{MouseButton::Left});
    EXPECT_GT(f.cam.yaw, before.yaw);      // right turns the model right
    EXPECT_GT(f.cam.pitch, before.pitch);  // up tips the top away
    EXPECT_EQ(f.cam.distance, before.distance);
    expectSameVec(f.cam.target, before.target);
}

TEST(CameraController, MovingWithNoButtonDoesNothing) {
    Fixture f;
    const OrbitCamera before = f.cam;
    EXPECT_EQ(f.send(MouseMove{{100, 100}}), ControlResult::None);
    EXPECT_EQ(f.send(MouseMove{{700, 300}}), ControlResult::None);
    EXPECT_EQ(f.cam.yaw, before.yaw);
    expectSameVec(f.cam.target, before.target);
}

TEST(CameraController, RightMiddleAndShiftLeftDragsPanWithTheCursor) {
    const MouseDown downs[] = {{MouseButton::Right, {400, 300}},
                               {MouseButton::Middle, {400, 300}},
                               {MouseButton::Left, {400, 300}, true}};
    for (const MouseDown& down : downs) {
        Fixture f;
        const OrbitCamera before = f.cam;
        const glm::vec3 grabbed = underCursor(f.cam, down.pos);
        f.send(down);
        f.send(MouseMove{{500, 350}});
        f.send(MouseUp{down.button});
        EXPECT_EQ(f.cam.yaw, before.yaw);
        EXPECT_EQ(f.cam.distance, before.distance);
        EXPECT_GT(glm::length(f.cam.target - before.target), 0.1f);
        // The point grabbed stays under the cursor.
        const glm::vec2 now = toScreen(f.cam, grabbed);
        EXPECT_NEAR(now.x, 500.0f, 0.5f);
        EXPECT_NEAR(now.y, 350.0f, 0.5f);
    }
}

TEST(CameraController, WheelZoomsMonotonicallyTowardTheCursor) {
    Fixture f;
    const glm::vec2 cursor{1200, 200};
    const glm::vec3 pointed = underCursor(f.cam, cursor);
    float last = f.cam.distance;
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(f.send(MouseWheel{1.0f, cursor}), ControlResult::Moved);
        EXPECT_LT(f.cam.distance, last);
        last = f.cam.distance;
        const glm::vec2 now = toScreen(f.cam, pointed);
        EXPECT_NEAR(now.x, cursor.x, 0.5f);
        EXPECT_NEAR(now.y, cursor.y, 0.5f);
    }
    f.send(MouseWheel{-2.0f, cursor});
    EXPECT_GT(f.cam.distance, last);
}

// Side by side: the right half is a view of its own, centred on itself.
TEST(CameraController, WheelZoomsTowardTheCursorInTheRightHalf) {
    Fixture f;
    const glm::vec2 half{kViewport.x * 0.5f, kViewport.y};
    f.ctl.setViewport(half, {half.x, 0.0f});
    const glm::vec2 local{600, 300};
    const glm::vec3 pointed = underCursor(f.cam, local, half);
    f.send(MouseWheel{2.0f, local + glm::vec2(half.x, 0.0f)});
    const glm::vec2 now = toScreen(f.cam, pointed, half);
    EXPECT_NEAR(now.x, local.x, 0.5f);
    EXPECT_NEAR(now.y, local.y, 0.5f);
}

TEST(CameraController, WheelAtTheCentreKeepsTheTarget) {
    Fixture f;
    const glm::vec3 target = f.cam.target;
    f.send(MouseWheel{3.0f, kViewport * 0.5f});
    expectSameVec(f.cam.target, target);
}

TEST(CameraController, DoubleClickAsksToFrameAll) {
    Fixture f;
    EXPECT_EQ(f.send(MouseDown{MouseButton::Left, {10, 10}, false, 1}), ControlResult::None);
    f.send(MouseUp{});
    EXPECT_EQ(f.send(MouseDown{MouseButton::Left, {10, 10}, false, 2}), ControlResult::FrameAll);
}

TEST(CameraController, OneFingerDragOrbits) {
    Fixture f;
    const OrbitCamera before = f.cam;
    f.send(FingerDown{7, {800, 450}, 0});
    EXPECT_EQ(f.send(FingerMove{7, {700, 450}}), ControlResult::Moved);
    f.send(FingerUp{7, 500});
    EXPECT_LT(f.cam.yaw, before.yaw);
    EXPECT_EQ(f.cam.distance, before.distance);
    expectSameVec(f.cam.target, before.target);
}

TEST(CameraController, PinchZoomsMonotonically) {
    Fixture f;
    const OrbitCamera before = f.cam;
    f.send(FingerDown{1, {700, 450}, 0});
    f.send(FingerDown{2, {900, 450}, 10});
    float last = f.cam.distance;
    for (int i = 1; i <= 5; ++i) {  // spreading: closer
        const float s = 100.0f + 30.0f * static_cast<float>(i);
        f.send(FingerMove{1, {800 - s, 450}});
        f.send(FingerMove{2, {800 + s, 450}});
        EXPECT_LT(f.cam.distance, last);
        last = f.cam.distance;
    }
    EXPECT_NEAR(f.cam.distance, before.distance * 200.0f / 500.0f, 1e-3f);
    for (int i = 1; i <= 5; ++i) {  // pinching in: farther
        const float s = 250.0f - 30.0f * static_cast<float>(i);
        f.send(FingerMove{1, {800 - s, 450}});
        f.send(FingerMove{2, {800 + s, 450}});
        EXPECT_GT(f.cam.distance, last);
        last = f.cam.distance;
    }
    EXPECT_EQ(f.cam.yaw, before.yaw);  // a pinch never orbits
    // Symmetric about the centre: the target stays put.
    expectSameVec(f.cam.target, before.target);
}

TEST(CameraController, TwoFingerDragPans) {
    Fixture f;
    const OrbitCamera before = f.cam;
    f.send(FingerDown{1, {700, 450}, 0});
    f.send(FingerDown{2, {900, 450}, 0});
    for (int i = 1; i <= 4; ++i) {
        const float dy = 20.0f * static_cast<float>(i);
        f.send(FingerMove{1, {700, 450 + dy}});
        f.send(FingerMove{2, {900, 450 + dy}});
    }
    f.send(FingerUp{1, 900});
    f.send(FingerUp{2, 900});
    EXPECT_EQ(f.cam.yaw, before.yaw);
    EXPECT_EQ(f.cam.pitch, before.pitch);
    EXPECT_NEAR(f.cam.distance, before.distance, 1e-3f);
    // Dragging down moves the scene down: the target goes up in the view plane.
    const glm::vec3 up = glm::vec3(glm::inverse(before.view())[1]);
    EXPECT_GT(glm::dot(f.cam.target - before.target, up), 0.1f);
}

TEST(CameraController, LiftingOneOfTwoFingersDoesNotJump) {
    Fixture f;
    f.send(FingerDown{1, {700, 450}, 0});
    f.send(FingerDown{2, {900, 450}, 0});
    f.send(FingerUp{2, 100});
    const OrbitCamera before = f.cam;
    f.send(FingerMove{1, {701, 450}});  // one point of motion: a tiny orbit only
    EXPECT_NEAR(f.cam.yaw, before.yaw, 0.01f);
}

TEST(CameraController, DoubleTapAsksToFrameAllButSlowTapsDoNot) {
    Fixture f;
    f.send(FingerDown{1, {500, 500}, 1000});
    EXPECT_EQ(f.send(FingerUp{1, 1080}), ControlResult::None);
    f.send(FingerDown{2, {505, 500}, 1200});
    EXPECT_EQ(f.send(FingerUp{2, 1260}), ControlResult::FrameAll);

    Fixture g;
    g.send(FingerDown{1, {500, 500}, 1000});
    g.send(FingerUp{1, 1080});
    g.send(FingerDown{2, {500, 500}, 3000});
    EXPECT_EQ(g.send(FingerUp{2, 3050}), ControlResult::None);

    Fixture h;  // a drag is not a tap
    h.send(FingerDown{1, {500, 500}, 1000});
    h.send(FingerMove{1, {600, 500}});
    h.send(FingerUp{1, 1080});
    h.send(FingerDown{2, {600, 500}, 1200});
    EXPECT_EQ(h.send(FingerUp{2, 1260}), ControlResult::None);
}

TEST(CameraController, CancelForgetsAHeldButtonAndFingers) {
    Fixture f;
    f.send(MouseDown{MouseButton::Left, {800, 450}});
    f.send(FingerDown{1, {100, 100}, 0});
    f.ctl.cancel();  // the window lost focus: the button-up will never come
    const OrbitCamera before = f.cam;
    EXPECT_EQ(f.send(MouseMove{{900, 500}}), ControlResult::None);
    EXPECT_EQ(f.send(FingerMove{1, {200, 100}}), ControlResult::None);
    EXPECT_EQ(f.cam.yaw, before.yaw);
}
