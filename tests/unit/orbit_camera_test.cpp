// The orbit camera and the view state's camera math: framing, limits, and
// looking through a glTF camera.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/depth_range.h"
#include "scene/orbit_camera.h"
#include "scene/view_state.h"

using namespace friche::scene;

namespace {

// Every corner of `b`, in normalized device coordinates of `clip`.
std::vector<glm::vec3> cornersNdc(const glm::mat4& clip, const Bounds& b) {
    std::vector<glm::vec3> out;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                          (i & 4) ? b.max.z : b.min.z);
        const glm::vec4 p = clip * glm::vec4(c, 1.0f);
        out.emplace_back(glm::vec3(p) / p.w);
    }
    return out;
}

}  // namespace

TEST(OrbitCamera, FrameAllKeepsEveryCornerInView) {
    const Bounds cases[] = {
        Bounds::of({-1, -1, -1}, {1, 1, 1}),              // a cube at the origin
        Bounds::of({100, 0, -300}, {900, 20, 400}),       // a flat site far from the origin
        Bounds::of({-2, 0, -2}, {2, 150, 2}),             // a chimney
        Bounds::of({0.001f, 0, 0}, {0.002f, 0.001f, 0}),  // a tiny flat thing
    };
    for (const float aspect : {16.0f / 9.0f, 1.0f, 9.0f / 16.0f, 4.0f}) {
        for (const Bounds& b : cases) {
            OrbitCamera cam;
            cam.frame(b, aspect);
            // Framing sets where the eye is; the planes are fitted from there,
            // as every caller does (scene/depth_range.h).
            const DepthRange r = fitDepthRange(cam.eye(), cam.viewDirection(), b);
            cam.nearPlane = r.nearPlane;
            cam.farPlane = r.farPlane;
            for (const glm::vec3& ndc : cornersNdc(cam.projection(aspect) * cam.view(), b)) {
                EXPECT_LE(std::abs(ndc.x), 1.0f) << "aspect " << aspect;
                EXPECT_LE(std::abs(ndc.y), 1.0f) << "aspect " << aspect;
                EXPECT_GE(ndc.z, -1.0f);
                EXPECT_LE(ndc.z, 1.0f);
            }
        }
    }
}

TEST(OrbitCamera, FrameAllFromAnyAngleFitsTightly) {
    const Bounds b = Bounds::of({-5, 0, -1}, {5, 3, 1});
    for (int i = 0; i < 12; ++i) {
        OrbitCamera cam;
        cam.orbit(0.5f * static_cast<float>(i), 0.3f * static_cast<float>((i % 3) - 1));
        cam.frame(b, 1.5f);
        float largest = 0.0f;
        for (const glm::vec3& ndc : cornersNdc(cam.projection(1.5f) * cam.view(), b)) {
            EXPECT_LE(std::abs(ndc.x), 1.0f) << "step " << i;
            EXPECT_LE(std::abs(ndc.y), 1.0f) << "step " << i;
            largest = std::max({largest, std::abs(ndc.x), std::abs(ndc.y)});
        }
        // The model fills the view: some corner comes near an edge.
        EXPECT_GT(largest, 0.8f) << "step " << i;
    }
}

TEST(OrbitCamera, PitchIsClampedShortOfThePoles) {
    OrbitCamera cam;
    cam.orbit(0.0f, 10.0f);
    EXPECT_LT(cam.pitch, glm::half_pi<float>());
    EXPECT_GT(cam.pitch, 1.0f);
    cam.orbit(0.0f, -20.0f);
    EXPECT_GT(cam.pitch, -glm::half_pi<float>());
    EXPECT_LT(cam.pitch, -1.0f);
    const glm::mat4 v = cam.view();
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) EXPECT_TRUE(std::isfinite(v[c][r]));
}

TEST(OrbitCamera, ZoomAndPinchChangeTheDistanceMonotonically) {
    OrbitCamera cam;
    cam.distance = 10.0f;
    float last = cam.distance;
    for (int i = 0; i < 20; ++i) {
        cam.zoom(1.0f);
        EXPECT_LT(cam.distance, last);
        last = cam.distance;
    }
    for (int i = 0; i < 40; ++i) {
        cam.zoom(-1.0f);
        EXPECT_GT(cam.distance, last);
        last = cam.distance;
    }
    cam.pinch(1.5f);
    EXPECT_NEAR(cam.distance, last / 1.5f, last * 1e-5f);
    last = cam.distance;
    cam.pinch(0.5f);
    EXPECT_GT(cam.distance, last);
}

TEST(OrbitCamera, PanMovesTheTargetInTheViewPlane) {
    OrbitCamera cam;
    cam.target = {1, 2, 3};
    cam.distance = 8.0f;
    const glm::vec3 forward = glm::normalize(cam.target - cam.eye());
    const glm::vec3 before = cam.target;
    cam.pan(0.25f, -0.1f);
    const glm::vec3 moved = cam.target - before;
    EXPECT_GT(glm::length(moved), 0.1f);
    EXPECT_NEAR(glm::dot(moved, forward), 0.0f, 1e-4f);
    // Moving right by a quarter of the height moves a quarter of the visible height.
    const float visible = 2.0f * cam.distance * std::tan(cam.fovY * 0.5f);
    EXPECT_NEAR(glm::length(moved), visible * std::hypot(0.25f, 0.1f), 1e-3f);
}

TEST(ViewState, GltfCameraLooksDownItsNegativeZ) {
    Camera c;
    c.yfov = 0.7f;
    c.znear = 0.1f;
    c.zfar = 100.0f;
    // A camera 5 m along +Z, scaled (which the view ignores).
    const glm::mat4 world = glm::scale(glm::translate(glm::mat4(1), {0, 0, 5}), glm::vec3(3.0f));
    const CameraView v = gltfCameraView(c, world, 2.0f);
    EXPECT_FLOAT_EQ(v.aspect, 2.0f);  // no aspect in the file: the viewport's
    EXPECT_NEAR(glm::length(v.eye - glm::vec3(0, 0, 5)), 0.0f, 1e-6f);
    const glm::vec4 origin = v.view * glm::vec4(0, 0, 0, 1);
    EXPECT_NEAR(origin.z, -5.0f, 1e-5f);
    const glm::vec4 clip = v.projection * origin;
    EXPECT_NEAR(clip.x / clip.w, 0.0f, 1e-6f);
    EXPECT_GT(clip.z / clip.w, -1.0f);
    EXPECT_LT(clip.z / clip.w, 1.0f);
}

TEST(ViewState, GltfCameraKeepsItsAspectAndInfiniteFar) {
    Camera c;
    c.aspectRatio = 1.5f;
    c.znear = 0.5f;
    const CameraView v = gltfCameraView(c, glm::mat4(1), 3.0f);
    EXPECT_FLOAT_EQ(v.aspect, 1.5f);
    const glm::vec4 far = v.projection * glm::vec4(0, 0, -1e6f, 1);
    EXPECT_LT(far.z / far.w, 1.0f);  // infinitely far is still in front of the far plane
}

TEST(ViewState, FitAspectLetterboxesInside) {
    EXPECT_EQ(fitAspect(1600, 900, 16.0f / 9.0f), glm::ivec4(0, 0, 1600, 900));
    EXPECT_EQ(fitAspect(1600, 900, 1.0f), glm::ivec4(350, 0, 900, 900));
    EXPECT_EQ(fitAspect(1000, 1000, 2.0f), glm::ivec4(0, 250, 1000, 500));
}

TEST(ViewState, OrbitFromAViewLooksTheSameWay) {
    OrbitCamera cam;
    cam.target = {3, 1, -2};
    cam.distance = 7.0f;
    cam.yaw = 2.0f;
    cam.pitch = -0.6f;
    OrbitCamera other;
    other.distance = 7.0f;
    const OrbitCamera back = orbitFrom(orbitView(cam, 1.0f), other);
    EXPECT_NEAR(back.yaw, cam.yaw, 1e-4f);
    EXPECT_NEAR(back.pitch, cam.pitch, 1e-4f);
    EXPECT_NEAR(glm::length(back.target - cam.target), 0.0f, 1e-4f);
}

TEST(ViewState, CameraNodesListsEachCameraOnceWithALabel) {
    Model m;
    m.cameras.resize(2);
    m.cameras[1].name = "Entrance";
    m.nodes.resize(3);
    m.nodes[0].camera = 0;
    m.nodes[0].name = "cam node";
    m.nodes[1].camera = 1;
    m.nodes[1].instances = {glm::mat4(1), glm::mat4(1)};
    m.nodes[2].camera = 7;  // out of range: skipped
    m.scenes.push_back({"s", {0, 1, 2}});
    const auto cams = cameraNodes(m, 0);
    ASSERT_EQ(cams.size(), 2u);
    EXPECT_EQ(cams[0].label, "cam node");
    EXPECT_EQ(cams[1].label, "Entrance");
    EXPECT_EQ(cams[1].node, 1);
}

TEST(OrbitCamera, KeptOnSiteStaysAboveTheGroundAndNearTheSite) {
    friche::scene::Bounds site;
    site.extend(glm::vec3(-100.0f, 0.0f, -100.0f));
    site.extend(glm::vec3(100.0f, 20.0f, 100.0f));
    friche::scene::OrbitCamera c;
    c.target = glm::vec3(500.0f, -50.0f, 0.0f);  // off the site, under the ground
    c.distance = 10000.0f;                       // lost in the void
    c.pitch = 0.6f;                              // looking up from below
    const friche::scene::OrbitCamera kept = friche::scene::keptOnSite(c, site);
    EXPECT_FLOAT_EQ(kept.target.x, 100.0f);
    EXPECT_FLOAT_EQ(kept.target.y, 0.0f);
    EXPECT_LE(kept.distance, 2.5f * glm::length(site.max - site.min) * 0.5f);
    EXPECT_GT(kept.eye().y, 0.0f);
    // Close in and level: the eye is lifted to stay above the ground.
    c = friche::scene::OrbitCamera{};
    c.target = glm::vec3(0.0f);
    c.distance = 1.0f;
    c.pitch = 0.0f;
    const friche::scene::OrbitCamera close = friche::scene::keptOnSite(c, site);
    EXPECT_GE(close.distance, 0.04f * glm::length(site.max - site.min) * 0.5f - 1e-3f);
    EXPECT_GT(close.eye().y, 0.0f);
    // A camera already on the site is left as it is.
    c = friche::scene::OrbitCamera{};
    c.target = glm::vec3(10.0f, 5.0f, 10.0f);
    c.distance = 150.0f;
    const friche::scene::OrbitCamera fine = friche::scene::keptOnSite(c, site);
    EXPECT_EQ(fine.target, c.target);
    EXPECT_FLOAT_EQ(fine.distance, c.distance);
    EXPECT_FLOAT_EQ(fine.pitch, c.pitch);
}

// A view framed for 16:9 on narrower screens: the width at its target is kept,
// first by the field of view (up to the widest allowed), then by the eye
// stepping back along the view, and by the field again past the step-back
// allowed. Wider screens show the view as it is.
TEST(OrbitCamera, KeptWidthShowsTheDesignedWidthAtTheTarget) {
    constexpr float kDesigned = 16.0f / 9.0f, kWidest = glm::radians(70.0f);
    OrbitCamera view;
    view.target = glm::vec3(10.0f, 2.0f, -5.0f);
    view.distance = 100.0f;
    view.fovY = glm::radians(45.0f);
    const auto width = [](const OrbitCamera& c, float aspect) {
        return c.heightAtTarget() * aspect;
    };
    for (const float wider : {kDesigned, 21.0f / 9.0f}) {
        const OrbitCamera same = keptWidth(view, kDesigned, wider, kWidest, 4.0f);
        EXPECT_EQ(same.distance, view.distance);
        EXPECT_EQ(same.fovY, view.fovY);
    }
    // 4:3 needs 58 degrees: the field alone.
    const OrbitCamera fourThree = keptWidth(view, kDesigned, 4.0f / 3.0f, kWidest, 4.0f);
    EXPECT_NEAR(width(fourThree, 4.0f / 3.0f), width(view, kDesigned), 1e-3f);
    EXPECT_EQ(fourThree.distance, view.distance);
    EXPECT_NEAR(glm::degrees(fourThree.fovY), 57.8f, 0.1f);
    // 9:16 would need 105 degrees: 70, and the eye 1.87 times as far.
    const OrbitCamera upright = keptWidth(view, kDesigned, 9.0f / 16.0f, kWidest, 4.0f);
    EXPECT_NEAR(width(upright, 9.0f / 16.0f), width(view, kDesigned), 1e-3f);
    EXPECT_NEAR(upright.fovY, kWidest, 1e-5f);
    EXPECT_NEAR(upright.distance / view.distance, 1.870f, 1e-3f);
    EXPECT_EQ(upright.target, view.target);
    EXPECT_EQ(upright.viewDirection(), view.viewDirection());
    // Where the eye may step back only 1.2 times, the field makes up the rest.
    const OrbitCamera held = keptWidth(view, kDesigned, 9.0f / 16.0f, kWidest, 1.2f);
    EXPECT_NEAR(width(held, 9.0f / 16.0f), width(view, kDesigned), 1e-3f);
    EXPECT_NEAR(held.distance / view.distance, 1.2f, 1e-5f);
    EXPECT_GT(held.fovY, kWidest);
    EXPECT_LT(held.fovY, glm::radians(180.0f));
}
