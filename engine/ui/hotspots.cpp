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

void drawLabel(ImDrawList* draw, ImVec2 anchor, const std::string& text, float alpha,
               std::span<const ScreenRect> panels) {
    const float em = ImGui::GetFontSize();
    const float wrap = em * kLabelWidthEm;
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float pad = em * 0.35f;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const auto box =
        placeLabel({anchor.x, anchor.y}, {textSize.x + pad * 2.0f, textSize.y + pad * 2.0f},
                   em * 1.5f, pad, {display.x, display.y}, panels);
    if (!box) return;
    const float stemEnd = box->min.y > anchor.y ? box->min.y : box->max.y;
    draw->AddLine(anchor, ImVec2(anchor.x, stemEnd), withAlpha(IM_COL32(255, 255, 255, 230), alpha),
                  2.0f);
    draw->AddCircleFilled(anchor, em * 0.3f, withAlpha(IM_COL32(230, 159, 0, 255), alpha));
    draw->AddRectFilled(ImVec2(box->min.x, box->min.y), ImVec2(box->max.x, box->max.y),
                        withAlpha(IM_COL32(20, 24, 30, 210), alpha), em * 0.25f);
    draw->AddText(nullptr, 0.0f, ImVec2(box->min.x + pad, box->min.y + pad),
                  withAlpha(IM_COL32(255, 255, 255, 255), alpha), text.c_str(), nullptr, wrap);
}

}  // namespace

std::optional<ScreenRect> placeLabel(glm::vec2 anchor, glm::vec2 box, float stem, float margin,
                                     glm::vec2 display, std::span<const ScreenRect> panels) {
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
    for (const float top : {anchor.y - stem - box.y, anchor.y + stem}) {
        if (top < margin || top + box.y > display.y - margin) continue;
        // Centred, or against the side of a panel it would cross.
        std::vector<float> lefts = {centred};
        for (const ScreenRect& p : panels) {
            lefts.push_back(p.max.x + margin);
            lefts.push_back(p.min.x - box.x - margin);
        }
        std::optional<ScreenRect> best;
        for (const float left : lefts) {
            if (left < lowest || left > highest) continue;
            const ScreenRect r{{left, top}, {left + box.x, top + box.y}};
            if (std::ranges::any_of(panels, [&](const ScreenRect& p) { return overlaps(r, p); }))
                continue;
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
    for (std::size_t i = 0; i < scenario.hotspots.size(); ++i) {
        const scene::Hotspot& h = scenario.hotspots[i];
        if (!scene::hotspotShown(scenario, h, position)) continue;
        const scene::ScreenAnchor a =
            scene::projectAnchor(view.viewProjection, h.anchor, view.windowSize);
        if (a.behind) continue;
        const bool hidden = i < view.occluded.size() && view.occluded[i];
        drawLabel(draw, ImVec2(a.point.x, a.point.y), labelText(h, language),
                  a.onScreen && !hidden ? 1.0f : kDimmedAlpha, panels);
    }
}

}  // namespace friche::ui
