#include "scene/timeline_layout.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace friche::scene {

namespace {

// Which way a label grows from its marker.
enum class Anchor { Start, Centre, End };

// Each label's room left and right of its marker. Two neighbours' facing caps
// always add up to the space between them, so boxes within caps never overlap.
struct Caps {
    std::vector<float> left, right;
};

// A few rounds let a label that needs less than its share lend the rest to its
// neighbour, and a centred label, held on one side, leave the other side free.
constexpr int kRounds = 3;

Anchor anchorOf(std::size_t i, std::size_t count) {
    if (i == 0) return Anchor::Start;
    return i + 1 == count ? Anchor::End : Anchor::Centre;
}

// What label i would like right (`right` true) or left of its marker, given the caps so far.
float demand(Anchor anchor, float width, const Caps& caps, std::size_t i, bool right) {
    switch (anchor) {
        case Anchor::Start:
            return right ? width : 0.0f;
        case Anchor::End:
            return right ? 0.0f : width;
        case Anchor::Centre:
            // Centred text uses as much on each side: the other side's cap bounds this one.
            return std::min(width * 0.5f, right ? caps.left[i] : caps.right[i]);
    }
    return 0.0f;
}

// Splits `space` between a left label wanting `r` and a right one wanting `l`:
// each gets what it wants when both fit, else the smaller want is met and the
// other takes the rest, else each gets half. Returns the left label's part.
float split(float space, float r, float l) {
    if (r + l <= space) return r + (space - r - l) * 0.5f;
    if (r <= space * 0.5f) return r;
    if (l <= space * 0.5f) return space - l;
    return space * 0.5f;
}

Caps capsFor(const std::vector<float>& markers, const std::vector<float>& widths, float gap) {
    const std::size_t n = markers.size();
    constexpr float kUnbounded = std::numeric_limits<float>::max();
    Caps caps{std::vector<float>(n, kUnbounded), std::vector<float>(n, kUnbounded)};
    for (int round = 0; round < kRounds; ++round) {
        Caps next = caps;
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const float space = std::max(markers[i + 1] - markers[i] - gap, 0.0f);
            const float r = demand(anchorOf(i, n), widths[i], caps, i, true);
            const float l = demand(anchorOf(i + 1, n), widths[i + 1], caps, i + 1, false);
            next.right[i] = split(space, r, l);
            next.left[i + 1] = space - next.right[i];
        }
        caps = std::move(next);
    }
    return caps;
}

}  // namespace

std::vector<LabelBox> layoutTimelineLabels(const std::vector<float>& markers,
                                           const std::vector<float>& widths, float gap,
                                           float limit) {
    if (markers.size() != widths.size()) return {};
    const std::size_t n = markers.size();
    Caps caps = capsFor(markers, widths, gap);
    if (n == 1) caps.right[0] = std::max(limit - markers[0], 0.0f);
    std::vector<LabelBox> boxes(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float x = markers[i];
        const float w = std::max(widths[i], 0.0f);
        switch (anchorOf(i, n)) {
            case Anchor::Start:
                boxes[i] = {x, std::min(w, caps.right[i])};
                break;
            case Anchor::End: {
                const float width = std::min(w, caps.left[i]);
                boxes[i] = {x - width, width};
                break;
            }
            case Anchor::Centre: {
                const float half = std::min({w * 0.5f, caps.left[i], caps.right[i]});
                boxes[i] = {x - half, half * 2.0f};
                break;
            }
        }
    }
    return boxes;
}

}  // namespace friche::scene
