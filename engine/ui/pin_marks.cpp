#include "ui/pin_marks.h"

#include <algorithm>
#include <cfloat>

#include <imgui.h>

#include "scene/hotspot_projection.h"

namespace friche::ui {

namespace {

// Sizes in points at scale 1. The head holds two digits in a font a little
// smaller than body text, large enough to read from the back of a meeting
// room on a projector; the stem lifts it off the surface it points at.
constexpr float kHeadRadius = 11.0f;
constexpr float kStem = 16.0f;
constexpr float kDigitWidth = 7.5f;  // Noto Sans' digits are about 0.55 em wide
constexpr float kFontSize = 13.0f;
constexpr float kAnchorDot = 2.5f;
constexpr float kRing = 2.5f;
// A fingertip is about 7 mm: a tap this far outside a head still takes it.
constexpr float kTapMargin = 6.0f;
// Hidden pins stay visible, faintly, as hidden hotspot labels do.
constexpr float kHiddenAlpha = 0.4f;

ImU32 rgba(std::uint32_t rgb, float alpha) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF,
                    static_cast<int>(alpha * 255.0f + 0.5f));
}

// Dark digits on a light head, white ones on a dark head (relative luminance, sRGB weights).
bool light(std::uint32_t rgb) {
    const float r = static_cast<float>((rgb >> 16) & 0xFF),
                g = static_cast<float>((rgb >> 8) & 0xFF), b = static_cast<float>(rgb & 0xFF);
    return 0.2126f * r + 0.7152f * g + 0.0722f * b > 150.0f;
}

ImVec2 im(glm::vec2 v) {
    return ImVec2(v.x, v.y);
}

}  // namespace

std::vector<PinMarkPlace> placePinMarks(const std::vector<PinMark>& marks,
                                        const PinMarkView& view) {
    std::vector<PinMarkPlace> places;
    const float s = view.scale;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const scene::ScreenAnchor a =
            scene::projectAnchor(view.viewProjection, marks[i].anchor, view.size);
        // A pin marks a precise place: at the view's edge it would point at the wrong one.
        if (a.behind || !a.onScreen) continue;
        // Two characters fit in the round head; longer labels stretch it into a bar.
        const float extra =
            static_cast<float>(std::max<std::size_t>(marks[i].label.size(), 2) - 2) * kDigitWidth;
        PinMarkPlace p;
        p.index = static_cast<int>(i);
        p.anchor = view.origin + a.point;
        p.halfSize = glm::vec2(kHeadRadius + extra * 0.5f, kHeadRadius) * s;
        p.head = p.anchor - glm::vec2(0.0f, (kStem + kHeadRadius) * s);
        p.depth = a.depth;
        places.push_back(p);
    }
    std::stable_sort(
        places.begin(), places.end(),
        [](const PinMarkPlace& a, const PinMarkPlace& b) { return a.depth > b.depth; });
    return places;
}

void drawPinMarks(ImDrawList& list, const std::vector<PinMark>& marks, const PinMarkView& view) {
    const float s = view.scale;
    ImFont* font = ImGui::GetFont();
    for (const PinMarkPlace& p : placePinMarks(marks, view)) {
        const PinMark& mark = marks[static_cast<std::size_t>(p.index)];
        const float alpha = mark.hidden ? kHiddenAlpha : 1.0f;
        const ImU32 shade = IM_COL32(0, 0, 0, static_cast<int>(alpha * 200.0f));
        const ImVec2 low = im(p.head - p.halfSize), high = im(p.head + p.halfSize);
        const float round = p.halfSize.y;
        // A dark edge around stem and head: the pin reads on sky and on white walls alike.
        list.AddLine(im(p.anchor), im(p.head), shade, 4.0f * s);
        list.AddLine(im(p.anchor), im(p.head), rgba(0xFFFFFF, alpha), 2.0f * s);
        list.AddCircleFilled(im(p.anchor), kAnchorDot * s, shade);
        if (mark.selected)
            list.AddRectFilled(ImVec2(low.x - 2 * kRing * s, low.y - 2 * kRing * s),
                               ImVec2(high.x + 2 * kRing * s, high.y + 2 * kRing * s),
                               rgba(0xFFFFFF, alpha), round + 2 * kRing * s);
        list.AddRectFilled(ImVec2(low.x - kRing * s * 0.5f, low.y - kRing * s * 0.5f),
                           ImVec2(high.x + kRing * s * 0.5f, high.y + kRing * s * 0.5f), shade,
                           round + kRing * s * 0.5f);
        list.AddRectFilled(low, high, rgba(mark.colour, alpha), round);
        const float size = kFontSize * s;
        const ImVec2 text = font->CalcTextSizeA(size, FLT_MAX, 0.0f, mark.label.c_str());
        list.AddText(font, size, ImVec2(p.head.x - text.x * 0.5f, p.head.y - text.y * 0.5f),
                     light(mark.colour) ? rgba(0x101010, alpha) : rgba(0xFFFFFF, alpha),
                     mark.label.c_str());
    }
}

int pinMarkAt(const std::vector<PinMark>& marks, const PinMarkView& view, glm::vec2 pos) {
    const std::vector<PinMarkPlace> places = placePinMarks(marks, view);
    // Near to far: the head drawn on top answers first.
    for (auto p = places.rbegin(); p != places.rend(); ++p) {
        const glm::vec2 reach = p->halfSize + kTapMargin * view.scale;
        const glm::vec2 d = glm::abs(pos - p->head);
        // The head's rounded ends: outside the straight part, a distance to the nearer end.
        const float straight = reach.x - reach.y;
        const glm::vec2 fromEnd(std::max(d.x - straight, 0.0f), d.y);
        if (glm::length(fromEnd) <= reach.y) return p->index;
    }
    return -1;
}

}  // namespace friche::ui
