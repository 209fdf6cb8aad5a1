// Where a hotspot's label goes (ui::placeLabel): above its anchor on its stem
// when nothing covers it there; aside, as far as its stem still meets it, or
// below, when a panel would cut it; not at all when its anchor is under a
// panel (a label half behind the phase card, as Cité Miroir's kiosk showed one);
// clear of the labels placed before it.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "ui/hotspots.h"

using namespace friche::ui;

namespace {

constexpr glm::vec2 kDisplay{1920.0f, 1080.0f};
constexpr glm::vec2 kBox{200.0f, 40.0f};
constexpr float kStem = 30.0f, kMargin = 5.0f;

bool overlaps(const ScreenRect& a, const ScreenRect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// The checks every placed box passes: its size, inside the window, clear of
// the panels, and its stem (straight up or down from the anchor) meeting it.
void expectGood(const ScreenRect& r, glm::vec2 anchor, const std::vector<ScreenRect>& panels) {
    EXPECT_FLOAT_EQ(r.max.x - r.min.x, kBox.x);
    EXPECT_FLOAT_EQ(r.max.y - r.min.y, kBox.y);
    EXPECT_GE(r.min.x, kMargin);
    EXPECT_LE(r.max.x, kDisplay.x - kMargin);
    EXPECT_GE(r.min.y, kMargin);
    EXPECT_LE(r.max.y, kDisplay.y - kMargin);
    for (const ScreenRect& p : panels) EXPECT_FALSE(overlaps(r, p));
    EXPECT_GT(anchor.x, r.min.x);
    EXPECT_LT(anchor.x, r.max.x);
    EXPECT_TRUE(r.max.y == anchor.y - kStem || r.min.y == anchor.y + kStem);
}

// The box placed for `anchor` among `panels`, checked by expectGood; an
// empty one (a failure said) where there is none.
ScreenRect placed(glm::vec2 anchor, const std::vector<ScreenRect>& panels = {}) {
    const auto r = placeLabel(anchor, kBox, kStem, kMargin, kDisplay, panels);
    EXPECT_TRUE(r) << "no place for the label at " << anchor.x << ", " << anchor.y;
    if (!r) return {};
    expectGood(*r, anchor, panels);
    return *r;
}

}  // namespace

TEST(HotspotLabels, AClearLabelIsCentredAboveItsAnchor) {
    const ScreenRect r = placed({900.0f, 500.0f});
    EXPECT_FLOAT_EQ(r.min.x, 900.0f - kBox.x / 2);
    EXPECT_FLOAT_EQ(r.max.y, 500.0f - kStem);
}

TEST(HotspotLabels, ALabelMovesAsideOfAPanelItWouldCross) {
    // A card on the right, its left edge 40 points right of the anchor: the
    // centred box would cross it by 60.
    const std::vector<ScreenRect> card = {{{940.0f, 100.0f}, {1900.0f, 600.0f}}};
    const ScreenRect r = placed({900.0f, 500.0f}, card);
    EXPECT_FLOAT_EQ(r.max.x, card[0].min.x - kMargin);  // as near the centre as it can be
    EXPECT_FLOAT_EQ(r.max.y, 500.0f - kStem);
}

TEST(HotspotLabels, ALabelGoesBelowWhereNothingAboveIsClear) {
    // A bar across the top, down to just above the anchor.
    const std::vector<ScreenRect> bar = {{{0.0f, 0.0f}, {1920.0f, 480.0f}}};
    EXPECT_FLOAT_EQ(placed({900.0f, 500.0f}, bar).min.y, 500.0f + kStem);
    // Near the window's top, with nothing in the way: below too.
    EXPECT_FLOAT_EQ(placed({900.0f, 40.0f}).min.y, 40.0f + kStem);
}

TEST(HotspotLabels, AnAnchorUnderAPanelOrHemmedInHasNoLabel) {
    const std::vector<ScreenRect> card = {{{940.0f, 100.0f}, {1900.0f, 600.0f}}};
    EXPECT_FALSE(placeLabel({1000.0f, 300.0f}, kBox, kStem, kMargin, kDisplay, card));
    // Panels above and below, too close on either side for a box to pass.
    const std::vector<ScreenRect> hemmed = {{{700.0f, 300.0f}, {1100.0f, 480.0f}},
                                            {{700.0f, 520.0f}, {1100.0f, 700.0f}}};
    EXPECT_FALSE(placeLabel({900.0f, 500.0f}, kBox, kStem, kMargin, kDisplay, hemmed));
}

TEST(HotspotLabels, AnAnchorKeptAtTheWindowsEdgeKeepsItsLabelInside) {
    // Off-screen to the left, kept at the edge: the stem at the edge, the box beside it.
    const auto r = placeLabel({0.0f, 500.0f}, kBox, kStem, kMargin, kDisplay, {});
    ASSERT_TRUE(r);
    EXPECT_FLOAT_EQ(r->min.x, kMargin);
    EXPECT_FLOAT_EQ(r->max.y, 500.0f - kStem);
}

// Two anchors side by side (Differdange's kiosk showed "Ateliers d'artistes"
// drawn over "Patrimoine industriel"): the second label clears the first's box
// and stem, and its own stem crosses neither.
TEST(HotspotLabels, ALabelClearsTheLabelsPlacedBefore) {
    const glm::vec2 first{900.0f, 500.0f}, second{960.0f, 530.0f};
    const ScreenRect a = placed(first);
    const std::vector<ScreenRect> taken = {a,
                                           {{first.x - 3.0f, a.max.y}, {first.x + 3.0f, first.y}}};
    const auto b = placeLabel(second, kBox, kStem, kMargin, kDisplay, {}, taken);
    ASSERT_TRUE(b);
    for (const ScreenRect& t : taken) EXPECT_FALSE(overlaps(*b, t));
    EXPECT_GT(second.x, b->min.x);
    EXPECT_LT(second.x, b->max.x);
    const float stemEnd = b->min.y > second.y ? b->min.y : b->max.y;
    const ScreenRect stem{{second.x, std::min(second.y, stemEnd)},
                          {second.x, std::max(second.y, stemEnd)}};
    EXPECT_FALSE(stem.min.x >= a.min.x && stem.min.x <= a.max.x && stem.min.y < a.max.y &&
                 a.min.y < stem.max.y)
        << "the second label's stem crosses the first label";
}

// Labels to either side above and below, a gap between them at the anchor: the
// label goes above them, on a stem up through the gap.
TEST(HotspotLabels, ALabelHemmedInByLabelsStandsAboveThemOnALongerStem) {
    const glm::vec2 anchor{900.0f, 500.0f};
    const std::vector<ScreenRect> taken = {{{600.0f, 400.0f}, {895.0f, 480.0f}},
                                           {{905.0f, 400.0f}, {1200.0f, 480.0f}},
                                           {{600.0f, 520.0f}, {895.0f, 600.0f}},
                                           {{905.0f, 520.0f}, {1200.0f, 600.0f}}};
    const auto r = placeLabel(anchor, kBox, kStem, kMargin, kDisplay, {}, taken);
    ASSERT_TRUE(r);
    EXPECT_FLOAT_EQ(r->max.y, 400.0f - kMargin);
    EXPECT_GT(anchor.x, r->min.x);
    EXPECT_LT(anchor.x, r->max.x);
    for (const ScreenRect& t : taken) EXPECT_FALSE(overlaps(*r, t));
    // Under a panel's edge instead of the labels: no room above, nor below.
    const std::vector<ScreenRect> panels = {{{0.0f, 0.0f}, {1920.0f, 400.0f}},
                                            {{0.0f, 600.0f}, {1920.0f, 1080.0f}}};
    EXPECT_FALSE(placeLabel(anchor, kBox, kStem, kMargin, kDisplay, panels, taken));
}
