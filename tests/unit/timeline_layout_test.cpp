#include "scene/timeline_layout.h"

#include <gtest/gtest.h>

#include <random>

namespace friche::scene {
namespace {

constexpr float kGap = 10.0f;
constexpr float kLimit = 1000.0f;

// The properties every layout keeps, whatever the widths.
void expectTidy(const std::vector<float>& xs, const std::vector<float>& widths,
                const std::vector<LabelBox>& boxes) {
    ASSERT_EQ(boxes.size(), xs.size());
    ASSERT_FALSE(boxes.empty());
    EXPECT_FLOAT_EQ(boxes.front().left, xs.front());
    if (xs.size() > 1) {
        EXPECT_FLOAT_EQ(boxes.back().right(), xs.back());
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_GE(boxes[i].width, 0.0f) << i;
        EXPECT_LE(boxes[i].width, widths[i] + 1e-3f) << i;
        EXPECT_LE(boxes[i].left, xs[i] + 1e-3f) << i;  // every label touches its marker
        EXPECT_GE(boxes[i].right(), xs[i] - 1e-3f) << i;
        if (i + 1 < boxes.size()) {
            EXPECT_LE(boxes[i].right() + kGap, boxes[i + 1].left + 1e-3f) << i;
        }
    }
}

TEST(TimelineLayout, ShortLabelsKeepTheirWidthAndTheEndsAlignWithTheirMarkers) {
    const std::vector<float> xs = {100.0f, 300.0f, 500.0f};
    const std::vector<float> widths = {60.0f, 80.0f, 70.0f};
    const auto boxes = layoutTimelineLabels(xs, widths, kGap, kLimit);
    expectTidy(xs, widths, boxes);
    EXPECT_FLOAT_EQ(boxes[0].left, 100.0f);
    EXPECT_FLOAT_EQ(boxes[0].width, 60.0f);
    EXPECT_FLOAT_EQ(boxes[1].left, 260.0f);  // centred on 300
    EXPECT_FLOAT_EQ(boxes[1].width, 80.0f);
    EXPECT_FLOAT_EQ(boxes[2].left, 430.0f);  // ends at 500
    EXPECT_FLOAT_EQ(boxes[2].width, 70.0f);
}

TEST(TimelineLayout, LongLabelsAreShortenedAndNeverOverlap) {
    const std::vector<float> xs = {0.0f, 150.0f, 300.0f, 450.0f, 600.0f, 750.0f};
    const std::vector<float> widths(6, 400.0f);
    const auto boxes = layoutTimelineLabels(xs, widths, kGap, kLimit);
    expectTidy(xs, widths, boxes);
    for (const LabelBox& b : boxes) EXPECT_LT(b.width, 400.0f);
    // Neighbours that all want too much share the space between them evenly.
    EXPECT_FLOAT_EQ(boxes[0].width, 70.0f);
    EXPECT_FLOAT_EQ(boxes[2].width, 140.0f);
}

TEST(TimelineLayout, AShortLabelLendsItsRoomToALongNeighbour) {
    const std::vector<float> xs = {0.0f, 100.0f, 200.0f};
    const std::vector<float> widths = {20.0f, 140.0f, 20.0f};
    const auto boxes = layoutTimelineLabels(xs, widths, kGap, kLimit);
    expectTidy(xs, widths, boxes);
    EXPECT_FLOAT_EQ(boxes[1].width, 140.0f);  // 70 each side of 100: it just fits
    EXPECT_FLOAT_EQ(boxes[1].left, 30.0f);    // the first label's 20 and the gap's 10
}

TEST(TimelineLayout, TheFirstLabelMayUseTheRoomOfACentredNeighbour) {
    // The second label is short: the first, long one runs on towards it.
    const std::vector<float> xs = {0.0f, 200.0f, 400.0f};
    const std::vector<float> widths = {300.0f, 40.0f, 300.0f};
    const auto boxes = layoutTimelineLabels(xs, widths, kGap, kLimit);
    expectTidy(xs, widths, boxes);
    EXPECT_FLOAT_EQ(boxes[0].width, 170.0f);
    EXPECT_FLOAT_EQ(boxes[2].width, 170.0f);
    EXPECT_FLOAT_EQ(boxes[1].width, 40.0f);
}

TEST(TimelineLayout, ALoneLabelStopsAtTheLimit) {
    const auto boxes = layoutTimelineLabels({900.0f}, {300.0f}, kGap, kLimit);
    ASSERT_EQ(boxes.size(), 1u);
    EXPECT_FLOAT_EQ(boxes[0].left, 900.0f);
    EXPECT_FLOAT_EQ(boxes[0].width, 100.0f);
}

TEST(TimelineLayout, MismatchedOrEmptyInputGivesNoBoxes) {
    EXPECT_TRUE(layoutTimelineLabels({}, {}, kGap, kLimit).empty());
    EXPECT_TRUE(layoutTimelineLabels({0.0f, 1.0f}, {5.0f}, kGap, kLimit).empty());
}

TEST(TimelineLayout, RandomWidthsStayTidy) {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> width(0.0f, 500.0f);
    for (int run = 0; run < 200; ++run) {
        const std::size_t n = 2 + static_cast<std::size_t>(run % 6);
        std::vector<float> xs, widths;
        for (std::size_t i = 0; i < n; ++i) {
            xs.push_back(100.0f + 800.0f * static_cast<float>(i) / static_cast<float>(n - 1));
            widths.push_back(width(random));
        }
        expectTidy(xs, widths, layoutTimelineLabels(xs, widths, kGap, kLimit));
    }
}

}  // namespace
}  // namespace friche::scene
