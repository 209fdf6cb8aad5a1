#include "ui/hotspots.h"

#include <algorithm>
#include <string>

#include <imgui.h>

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

void drawLabel(ImDrawList* draw, ImVec2 anchor, const std::string& text, float alpha) {
    const float em = ImGui::GetFontSize();
    const float wrap = em * kLabelWidthEm;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float pad = em * 0.35f;
    const float stem = em * 1.5f;
    // The box sits above its anchor, on a short stem, kept inside the window.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float x =
        std::clamp(anchor.x - size.x * 0.5f, pad, std::max(pad, display.x - size.x - pad));
    const float y = std::max(anchor.y - stem - size.y - pad * 2.0f, pad);
    draw->AddLine(anchor, ImVec2(anchor.x, y + size.y + pad * 2.0f),
                  withAlpha(IM_COL32(255, 255, 255, 230), alpha), 2.0f);
    draw->AddCircleFilled(anchor, em * 0.3f, withAlpha(IM_COL32(230, 159, 0, 255), alpha));
    draw->AddRectFilled(ImVec2(x - pad, y), ImVec2(x + size.x + pad, y + size.y + pad * 2.0f),
                        withAlpha(IM_COL32(20, 24, 30, 210), alpha), em * 0.25f);
    draw->AddText(nullptr, 0.0f, ImVec2(x, y + pad), withAlpha(IM_COL32(255, 255, 255, 255), alpha),
                  text.c_str(), nullptr, wrap);
}

}  // namespace

void hotspotLabels(const scene::Scenario& scenario, double position, scene::Language language,
                   const StoryView& view) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    for (std::size_t i = 0; i < scenario.hotspots.size(); ++i) {
        const scene::Hotspot& h = scenario.hotspots[i];
        if (!scene::hotspotShown(scenario, h, position)) continue;
        const scene::ScreenAnchor a =
            scene::projectAnchor(view.viewProjection, h.anchor, view.windowSize);
        if (a.behind) continue;
        const bool hidden = i < view.occluded.size() && view.occluded[i];
        drawLabel(draw, ImVec2(a.point.x, a.point.y), labelText(h, language),
                  a.onScreen && !hidden ? 1.0f : kDimmedAlpha);
    }
}

}  // namespace friche::ui
