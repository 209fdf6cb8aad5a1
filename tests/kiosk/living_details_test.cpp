// The renderer in-process on llvmpipe: what moves by itself. A material named
// "foliage" sways with the wind as time runs (trees), anything else stands
// still, and at time 0 a swaying tree stands exactly as placed (a still at
// time 0 gives the same bytes as before the wind). Its depth pre-pass and
// shadow move with it: otherwise the moved crown would fail the depth test
// the pre-pass laid and vanish.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/platform.h"
#include "io/load.h"
#include "render/gpu_model.h"
#include "render/offscreen.h"
#include "render/renderer.h"
#include "support/box_gltf.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"

using namespace friche;

namespace {

constexpr int kLivingSize = 160;
constexpr float kWindTime = 3.7f;  // seconds: the crown leans a metre at most

struct Frame {
    std::vector<std::uint8_t> rgb;
    // Whether the pixel at byte `at` shows the post: red, which the sky and
    // the ground are not (it has no normals: drawn unlit, its own colour).
    bool redAt(std::size_t at) const {
        return rgb[at] > rgb[at + 1] + 60 && rgb[at] > rgb[at + 2] + 60;
    }
    // The mean column of the row's red pixels; -1 if there are none.
    double middleOfRow(int row) const {
        double sum = 0.0;
        int n = 0;
        for (int x = 0; x < kLivingSize; ++x)
            if (redAt((static_cast<std::size_t>(row) * kLivingSize + x) * 3)) sum += x, ++n;
        return n > 0 ? sum / n : -1.0;
    }
    int red() const {
        int n = 0;
        for (std::size_t at = 0; at + 2 < rgb.size(); at += 3) n += redAt(at) ? 1 : 0;
        return n;
    }
};

class LivingDetails : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(gl_.open("living details", kLivingSize, kLivingSize));
        core::Problems problems;
        // A tree's stand-in: a post 10 m tall, standing on its origin.
        const auto path =
            test::writeBoxGltf(FRICHE_TEST_OUT "/living-details", "tree", 0.6f, 10.0f, 0.6f);
        io::LoadResult loaded = io::loadModel(path);
        ASSERT_TRUE(loaded.ok());
        model_ = std::move(loaded.model);
        ASSERT_EQ(model_.materials.size(), 1u);
    }

    // The post at `time` seconds, its material named `material`, from the
    // side, or from above where the view sees nothing but the ground; in a site's
    // landscape, under its clouds, where `landscape`.
    Frame draw(const std::string& material, float time, bool landscape = false,
               bool fromAbove = false, scene::Setting setting = scene::Setting::Country) {
        model_.materials[0].name = material;
        core::Problems problems;
        auto gpu = gl_.renderer->upload(model_, problems);
        EXPECT_TRUE(gpu);
        if (!gpu) return {};
        render::ViewParams view = test::framedView(model_, kLivingSize);
        view.time = time;
        view.lighting.landscape = landscape;
        view.lighting.setting = setting;
        if (fromAbove) {  // 60 degrees down at the most: no ray meets the sky
            view.projection = glm::perspective(glm::radians(60.0f), 1.0f, 0.5f, 2000.0f);
            // High enough over a town or a city to see its streets and yards.
            view.eye = {0.0f, setting == scene::Setting::Country ? 40.0f : 400.0f, 1.0f};
            view.view = glm::lookAt(view.eye, glm::vec3(0.0f), glm::vec3(0.0f, 0.0f, -1.0f));
        }
        gl_.target->bind();
        gl_.renderer->draw(*gpu, view);
        return {gl_.target->readRgb()};
    }

    test::HeadlessRenderer gl_;
    scene::Model model_;
};

}  // namespace

TEST_F(LivingDetails, OnlyFoliageSwaysAndAtTimeZeroItStandsAsPlaced) {
    const Frame stone = draw("stone", 0.0f);
    ASSERT_GT(stone.red(), 200) << "the post is not in view";
    EXPECT_EQ(draw("stone", kWindTime).rgb, stone.rgb) << "a stone post moved";
    const Frame rest = draw("foliage", 0.0f);
    EXPECT_EQ(rest.rgb, stone.rgb) << "a tree at time 0 is not as placed";

    const Frame windy = draw("foliage", kWindTime);
    // Where it moved, row by row (from the top of the image): the middle of
    // its red pixels. Its top leans by pixels, its foot stays within a fraction.
    int topRow = kLivingSize, bottomRow = -1;
    for (int row = 0; row < kLivingSize; ++row)
        if (rest.middleOfRow(row) >= 0.0) topRow = std::min(topRow, row), bottomRow = row;
    ASSERT_LT(topRow + 20, bottomRow) << "the post is not in view";
    const auto lean = [&](int row) {
        return std::abs(windy.middleOfRow(row) - rest.middleOfRow(row));
    };
    EXPECT_GT(lean(topRow + 2), 2.0) << "its crown did not lean";
    EXPECT_LT(lean(bottomRow - 2), 0.5) << "its foot moved";
    // All of it is still drawn: the pre-pass laid its depth where it now is.
    EXPECT_NEAR(windy.red(), rest.red(), rest.red() * 0.15);
}

// FrameStats::living, against the frames themselves: a frame says it lives
// exactly where the same view at another time shows other pixels. The viewer
// goes on drawing a view at rest only where it does. Seen from above, a
// country landscape stands still; a town's or a city's trees sway (city.vert).
TEST_F(LivingDetails, AFrameLivesExactlyWhereTheClockChangesItsPixels) {
    using scene::Setting;
    struct Case {
        const char* material;
        bool landscape, fromAbove;
        Setting setting = Setting::Country;
    };
    const Case cases[] = {{"stone", false, false},
                          {"foliage", false, false},
                          {"water", false, false},
                          {"smoke", false, false},
                          {"stone", true, false},
                          {"stone", true, true},
                          {"stone", true, true, Setting::Town},
                          {"stone", true, true, Setting::City}};
    for (const auto& [material, landscape, fromAbove, setting] : cases) {
        SCOPED_TRACE(std::string(material) + (landscape ? " in a landscape" : "") +
                     (fromAbove ? " from above" : "") +
                     (setting == Setting::Country ? "" : " over a town or a city"));
        const Frame still = draw(material, 0.0f, landscape, fromAbove, setting);
        if (fromAbove && setting == Setting::Country) {
            ASSERT_GT(still.red(), 0) << "the post is not in view";
        }
        const bool living = gl_.renderer->stats().living;
        const Frame later = draw(material, kWindTime, landscape, fromAbove, setting);
        EXPECT_EQ(gl_.renderer->stats().living, living) << "the same frame at another time";
        EXPECT_EQ(living, later.rgb != still.rgb);
        if (setting != Setting::Country) {
            EXPECT_TRUE(living) << "a town's or a city's crowns stood still in the wind";
        }
    }
}
