#include "ui/hotspots.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "scene/hotspot_projection.h"

namespace friche::ui {

namespace {

// Off-screen and hidden labels stay visible, faintly, so a visitor knows where to turn.
constexpr float kDimmedAlpha = 0.35f;
constexpr float kLabelWidthEm = 14.0f;

ImU32 withAlpha(ImU32 colour, float alpha) {
    const auto a =
        static_cast<ImU32>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

std::string labelText(const scene::Hotspot& h, scene::Language language) {
    std::string text = h.title.in(language);
    for (const scene::Figure& f : h.figures)
        text += "\n" + f.label.in(language) + ": " + scene::formatFigure(f, language);
    return text;
}

bool overlaps(const ScreenRect& a, const ScreenRect& b) {
    return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// The windows drawn last frame, the panels over the view: the labels are drawn
// first in a frame, before the panels place themselves again.
std::vector<ScreenRect> panelRects() {
    std::vector<ScreenRect> rects;
    for (const ImGuiWindow* w : GImGui->Windows) {
        if (!w->WasActive || w->Hidden || w->IsFallbackWindow ||
            (w->Flags & ImGuiWindowFlags_ChildWindow))
            continue;
        rects.push_back({{w->Pos.x, w->Pos.y}, {w->Pos.x + w->Size.x, w->Pos.y + w->Size.y}});
    }
    return rects;
}

// What a label's stem covers: from its anchor (a dot `reach` round) to its box.
ScreenRect stemOf(glm::vec2 anchor, const ScreenRect& box, float reach) {
    const bool below = box.min.y > anchor.y;
    return {{anchor.x - reach, below ? anchor.y - reach : box.max.y},
            {anchor.x + reach, below ? box.min.y : anchor.y + reach}};
}

// Draws a label and adds its box and its stem to `taken`, for the next ones to clear.
void drawLabel(ImDrawList* draw, ImVec2 anchor, const std::string& text, float alpha,
               std::span<const ScreenRect> panels, std::vector<ScreenRect>& taken) {
    const float em = ImGui::GetFontSize();
    const float wrap = em * kLabelWidthEm;
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float pad = em * 0.35f;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const auto box =
        placeLabel({anchor.x, anchor.y}, {textSize.x + pad * 2.0f, textSize.y + pad * 2.0f},
                   em * 1.5f, pad, {display.x, display.y}, panels, taken);
    if (!box) return;
    const ScreenRect stem = stemOf({anchor.x, anchor.y}, *box, em * 0.3f);
    draw->AddLine(anchor, ImVec2(anchor.x, box->min.y > anchor.y ? box->min.y : box->max.y),
                  withAlpha(IM_COL32(255, 255, 255, 230), alpha), 2.0f);
    draw->AddCircleFilled(anchor, em * 0.3f, withAlpha(IM_COL32(230, 159, 0, 255), alpha));
    draw->AddRectFilled(ImVec2(box->min.x, box->min.y), ImVec2(box->max.x, box->max.y),
                        withAlpha(IM_COL32(20, 24, 30, 210), alpha), em * 0.25f);
    draw->AddText(nullptr, 0.0f, ImVec2(box->min.x + pad, box->min.y + pad),
                  withAlpha(IM_COL32(255, 255, 255, 255), alpha), text.c_str(), nullptr, wrap);
    taken.push_back(*box);
    taken.push_back(stem);
}

}  // namespace

std::optional<ScreenRect> placeLabel(glm::vec2 anchor, glm::vec2 box, float stem, float margin,
                                     glm::vec2 display, std::span<const ScreenRect> panels,
                                     std::span<const ScreenRect> taken) {
    const auto inside = [&](const ScreenRect& p) {
        return anchor.x >= p.min.x && anchor.x <= p.max.x && anchor.y >= p.min.y &&
               anchor.y <= p.max.y;
    };
    if (std::ranges::any_of(panels, inside)) return std::nullopt;
    // The box's left edge: centred on the anchor, inside the window, and no
    // farther aside than keeps the anchor above or below the box (or as near
    // as the window allows, for an anchor kept at its edge).
    const float right = std::max(margin, display.x - box.x - margin);
    const float centred = std::clamp(anchor.x - box.x * 0.5f, margin, right);
    const float lowest = std::clamp(anchor.x - box.x + margin, margin, right);
    const float highest = std::clamp(anchor.x - margin, margin, right);
    // Above, then below, on the usual stem; then above or below a label
    // already there, on a longer one, the nearest first.
    const float above = anchor.y - stem - box.y, below = anchor.y + stem;
    std::vector<float> tops = {above, below}, farther;
    for (const ScreenRect& t : taken) {
        if (t.min.y - margin - box.y < above) farther.push_back(t.min.y - margin - box.y);
        if (t.max.y + margin > below) farther.push_back(t.max.y + margin);
    }
    std::ranges::sort(farther, {}, [&](float top) {
        return top < anchor.y ? anchor.y - (top + box.y) : top - anchor.y;
    });
    tops.insert(tops.end(), farther.begin(), farther.end());
    // Centred, or against the side of a panel or a label it would cross.
    std::vector<float> lefts = {centred};
    for (std::span<const ScreenRect> obstacles : {panels, taken})
        for (const ScreenRect& p : obstacles) {
            lefts.push_back(p.max.x + margin);
            lefts.push_back(p.min.x - box.x - margin);
        }
    const auto clear = [&](const ScreenRect& r) {
        const auto crosses = [&](const ScreenRect& p) { return overlaps(r, p); };
        return std::ranges::none_of(panels, crosses) && std::ranges::none_of(taken, crosses);
    };
    for (const float top : tops) {
        if (top < margin || top + box.y > display.y - margin) continue;
        // The stem, from the anchor to the box, may cross no label either.
        const ScreenRect line = top < anchor.y
                                    ? ScreenRect{{anchor.x, top + box.y}, {anchor.x, anchor.y}}
                                    : ScreenRect{{anchor.x, anchor.y}, {anchor.x, top}};
        if (std::ranges::any_of(taken, [&](const ScreenRect& t) {
                return line.min.x >= t.min.x && line.min.x <= t.max.x && line.min.y < t.max.y &&
                       t.min.y < line.max.y;
            }))
            continue;
        std::optional<ScreenRect> best;
        for (const float left : lefts) {
            if (left < lowest || left > highest) continue;
            const ScreenRect r{{left, top}, {left + box.x, top + box.y}};
            if (!clear(r)) continue;
            if (!best || std::abs(left - centred) < std::abs(best->min.x - centred)) best = r;
        }
        if (best) return best;
    }
    return std::nullopt;
}

void hotspotLabels(const scene::Scenario& scenario, double position, scene::Language language,
                   const StoryView& view) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const std::vector<ScreenRect> panels = panelRects();
    std::vector<ScreenRect> taken;
    for (std::size_t i = 0; i < scenario.hotspots.size(); ++i) {
        const scene::Hotspot& h = scenario.hotspots[i];
        if (!scene::hotspotShown(scenario, h, position)) continue;
        const scene::ScreenAnchor a =
            scene::projectAnchor(view.viewProjection, h.anchor, view.windowSize);
        if (a.behind) continue;
        const bool hidden = i < view.occluded.size() && view.occluded[i];
        drawLabel(draw, ImVec2(a.point.x, a.point.y), labelText(h, language),
                  a.onScreen && !hidden ? 1.0f : kDimmedAlpha, panels, taken);
    }
}

}  // namespace friche::ui
