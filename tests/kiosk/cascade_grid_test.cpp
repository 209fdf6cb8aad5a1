// The sun's cascades held to a grid on the ground (render::fitCascades): as
// the camera turns or walks over a site, a cascade moves by whole texels and
// keeps its texels' size, frame after frame, so that the shadows' edges stay
// where they are instead of crawling; and every piece of ground the view sees
// is still inside the cascade that shades it. CPU only.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "render/shadows.h"

using namespace friche;

namespace {

constexpr int kTexels = 2048;
constexpr int kCascades = 3;

// A site's size: 900 m by 700 m, halls up to 60 m, on the ground at y = 0.
const scene::Bounds kSite = scene::Bounds::of({-450.0f, 0.0f, -350.0f}, {450.0f, 60.0f, 350.0f});
// The afternoon sun, from the south-west, 35 degrees up.
const glm::vec3 kToSun = glm::normalize(glm::vec3(-0.6f, 0.7f, 0.55f));

render::ViewParams lookingFrom(const glm::vec3& eye, const glm::vec3& at) {
    render::ViewParams view;
    view.view = glm::lookAt(eye, at, glm::vec3(0, 1, 0));
    view.projection = glm::perspective(glm::radians(45.0f), 16.0f / 9.0f, 0.5f, 6000.0f);
    view.eye = eye;
    view.viewport = {0, 0, 1920, 1080};
    return view;
}

render::Cascades fit(const render::ViewParams& view) {
    return render::fitCascades(view, kSite, 0.0f, kToSun, kCascades, kTexels);
}

// Whether cascade `k` of `b` lies on the grid of texels of `a`'s: the same
// texels, moved by a whole number of them (in the layer's x and y; its depth
// is the sun's alone).
bool sameGrid(const render::Cascades& a, const render::Cascades& b, std::size_t k) {
    const glm::mat4 &pa = a.viewProjection[k], &pb = b.viewProjection[k];
    const auto texelsMoved = [&](const glm::vec3& p) {
        return (glm::vec2(pb * glm::vec4(p, 1.0f)) - glm::vec2(pa * glm::vec4(p, 1.0f))) *
               (0.5f * static_cast<float>(kTexels));
    };
    const glm::vec2 moved = texelsMoved(glm::vec3(0.0f));
    for (const glm::vec3& p : {glm::vec3(400, 0, 0), glm::vec3(0, 50, 0), glm::vec3(0, 0, 300)})
        if (glm::length(texelsMoved(p) - moved) > 1e-2f) return false;  // stretched or turned
    return glm::length(moved - glm::round(moved)) < 1e-2f;
}

struct Walk {
    int pairs = 0;      // frames after the first, times their cascades
    int onGrid = 0;     // of which the cascade kept its predecessor's grid
    int uncovered = 0;  // ground points seen but outside their cascade
};

// Ground points the view sees (a grid over its image) at view depths its
// cascade `k` shades: each must be inside that cascade's layer.
int uncoveredGround(const render::ViewParams& view, const render::Cascades& c) {
    const glm::mat4 toWorld = glm::inverse(view.projection * view.view);
    const glm::vec3 forward = -glm::vec3(glm::inverse(view.view)[2]);
    int uncovered = 0;
    for (int i = 0; i <= 32; ++i)
        for (int j = 0; j <= 32; ++j) {
            const glm::vec2 ndc(static_cast<float>(i) / 16.0f - 1.0f,
                                static_cast<float>(j) / 16.0f - 1.0f);
            const glm::vec4 n = toWorld * glm::vec4(ndc, -1.0f, 1.0f);
            const glm::vec4 f = toWorld * glm::vec4(ndc, 1.0f, 1.0f);
            const glm::vec3 from = glm::vec3(n) / n.w, to = glm::vec3(f) / f.w;
            if (from.y <= 0.0f || to.y >= 0.0f) continue;  // the ray misses the ground
            const glm::vec3 ground = from + (to - from) * (from.y / (from.y - to.y));
            if (std::abs(ground.x) > 450.0f || std::abs(ground.z) > 350.0f) continue;
            const float depth = glm::dot(ground - view.eye, glm::normalize(forward));
            for (int k = 0; k < c.count; ++k) {
                const auto kk = static_cast<std::size_t>(k);
                if (depth > c.end[kk] * 1.0001f) continue;
                const glm::vec4 at = c.lookup[kk] * glm::vec4(ground, 1.0f);
                if (at.x < 0.0f || at.x > 1.0f || at.y < 0.0f || at.y > 1.0f) ++uncovered;
                break;
            }
        }
    return uncovered;
}

Walk walk(int frames, const std::function<render::ViewParams(int)>& viewAt) {
    Walk w;
    render::Cascades last = fit(viewAt(0));
    for (int i = 1; i < frames; ++i) {
        const render::ViewParams view = viewAt(i);
        const render::Cascades now = fit(view);
        EXPECT_GT(now.count, 0);
        w.uncovered += uncoveredGround(view, now);
        for (int k = 0; k < std::min(now.count, last.count); ++k, ++w.pairs)
            w.onGrid += sameGrid(last, now, static_cast<std::size_t>(k)) ? 1 : 0;
        last = now;
    }
    return w;
}

}  // namespace

// A visitor's slow drag around the site from above: 0.2 degrees a frame.
TEST(CascadeGrid, TurningAroundASiteKeepsTheShadowTexelsOnTheGround) {
    const Walk w = walk(200, [](int i) {
        const float a = glm::radians(30.0f + 0.2f * static_cast<float>(i));
        return lookingFrom({500.0f * std::cos(a), 250.0f, 500.0f * std::sin(a)}, glm::vec3(0));
    });
    EXPECT_EQ(w.uncovered, 0);
    EXPECT_GT(w.onGrid, w.pairs * 3 / 4) << w.onGrid << " of " << w.pairs;
}

// Walking down a street between the halls, 0.4 m a frame, looking ahead.
TEST(CascadeGrid, WalkingThroughASiteKeepsTheShadowTexelsOnTheGround) {
    const Walk w = walk(200, [](int i) {
        const glm::vec3 eye(-300.0f + 0.4f * static_cast<float>(i), 1.7f, 20.0f);
        return lookingFrom(eye, eye + glm::vec3(1.0f, -0.05f, 0.2f));
    });
    EXPECT_EQ(w.uncovered, 0);
    EXPECT_GT(w.onGrid, w.pairs * 3 / 4) << w.onGrid << " of " << w.pairs;
}
