// Where the timeline's phase labels go, without a font or a window: each
// marker's label is as wide as it wants where there is room, and shortened
// where it would run into its neighbour. The first label starts at its marker
// and the last ends at its marker, so neither leaves the track; the others are
// centred on theirs. Units are whatever the caller measures in (window points).
//
//   std::vector<float> xs = {...}, widths = {...};  // markers, text widths
//   auto boxes = scene::layoutTimelineLabels(xs, widths, gap, trackRight);
//   // draw text i from boxes[i].left, shortened to boxes[i].width when smaller than widths[i]
#pragma once

#include <vector>

namespace friche::scene {

// A label's place: its left edge and the width it may use.
struct LabelBox {
    float left = 0.0f;
    float width = 0.0f;
    float right() const { return left + width; }
};

// `markers`: the markers' x, ascending; `widths`: each label's natural width
// (same count, else no boxes); `gap`: the least space kept between two labels; `limit`: the
// right edge a lone marker's label may reach (with two markers or more, the
// last label ends at its marker). A label never gets more than its natural
// width, and two neighbours' boxes are at least `gap` apart when their
// markers are.
std::vector<LabelBox> layoutTimelineLabels(const std::vector<float>& markers,
                                           const std::vector<float>& widths, float gap,
                                           float limit);

}  // namespace friche::scene
