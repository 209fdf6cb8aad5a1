// The renderer in-process on llvmpipe: what moves by itself. A material named
// "foliage" sways with the wind as time runs (trees), anything else stands
// still, and at time 0 a swaying tree stands exactly as placed (a still at
// time 0 gives the same bytes as before the wind). Its depth pre-pass and
// shadow move with it: otherwise the moved crown would fail the depth test
// the pre-pass laid and vanish.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
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

constexpr int kSize = 160;
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
        for (int x = 0; x < kSize; ++x)
            if (redAt((static_cast<std::size_t>(row) * kSize + x) * 3)) sum += x, ++n;
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
        ASSERT_TRUE(gl_.open("living details", kSize, kSize));
        core::Problems problems;
        // A tree's stand-in: a post 10 m tall, standing on its origin.
        const auto path =
            test::writeBoxGltf(FRICHE_TEST_OUT "/living-details", "tree", 0.6f, 10.0f, 0.6f);
        io::LoadResult loaded = io::loadModel(path);
        ASSERT_TRUE(loaded.ok());
        model_ = std::move(loaded.model);
        ASSERT_EQ(model_.materials.size(), 1u);
    }

    // The post at `time` seconds, its material named `material`, from the side.
    Frame draw(const std::string& material, float time) {
        model_.materials[0].name = material;
        core::Problems problems;
        auto gpu = gl_.renderer->upload(model_, problems);
        EXPECT_TRUE(gpu);
        if (!gpu) return {};
        render::ViewParams view = test::framedView(model_, kSize);
        view.time = time;
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
    int topRow = kSize, bottomRow = -1;
    for (int row = 0; row < kSize; ++row)
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
