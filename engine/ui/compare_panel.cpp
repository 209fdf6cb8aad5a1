#include "ui/compare_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/style.h"
#include "ui/touch.h"

namespace friche::ui {

namespace {

constexpr ImU32 kDividerColour = IM_COL32(255, 255, 255, 230);
constexpr ImU32 kShadowColour = IM_COL32(0, 0, 0, 140);
constexpr ImU32 kChipColour = IM_COL32(20, 24, 28, 200);
// Okabe and Ito's sky blue and vermilion: told apart with any colour vision,
// and neither is the timeline's orange, which means "the current phase".
constexpr ImU32 kSideAColour = IM_COL32(86, 180, 233, 255);
constexpr ImU32 kSideBColour = IM_COL32(213, 94, 0, 255);
constexpr ImU32 kBadgeText = IM_COL32(15, 15, 15, 255);

constexpr scene::CompareMode kModes[] = {scene::CompareMode::Off, scene::CompareMode::Swipe,
                                         scene::CompareMode::Side};
constexpr scene::UiText kNames[] = {scene::UiText::CompareOff, scene::UiText::Swipe,
                                    scene::UiText::SideBySide};

// Wide enough for three equal buttons with the longest name ("Nebeneinander").
float panelWidth(scene::Language language) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float button = 0.0f;
    for (scene::UiText name : kNames)
        button = std::max(button, ImGui::CalcTextSize(scene::uiText(name, language).c_str()).x);
    button += style.FramePadding.x * 2.0f;
    const float buttons = button * 3.0f + style.ItemSpacing.x * 2.0f + style.WindowPadding.x * 2.0f;
    return std::max(ImGui::GetFontSize() * kSidePanelWidthEm, buttons);
}

void modeButtons(scene::Compare& compare, scene::Language language) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - 2.0f * spacing) / 3.0f;
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        const bool active = compare.mode == kModes[i];
        if (active)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(scene::uiText(kNames[i], language).c_str(), ImVec2(width, touchTarget())))
            compare.mode = kModes[i];
        if (active) ImGui::PopStyleColor();
    }
}

// A phase combo whose rows are finger-high, after its side's badge.
void phasePicker(CompareSide side, const scene::Scenario& scenario, int& phase,
                 scene::Language language) {
    ImGui::PushID(static_cast<int>(side));
    // The closed combo is finger-high too.
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, (touchTarget() - ImGui::GetFontSize()) * 0.5f));
    const float badge = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    compareBadge(ImGui::GetWindowDrawList(), ImVec2(at.x, at.y + (touchTarget() - badge) * 0.5f),
                 badge, side);
    ImGui::Dummy(ImVec2(badge, touchTarget()));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    const std::string shown = scenario.phases[static_cast<std::size_t>(phase)].title.in(language);
    if (ImGui::BeginCombo("##phase", shown.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (std::size_t i = 0; i < scenario.phases.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const int index = static_cast<int>(i);
            if (ImGui::Selectable(scenario.phases[i].title.in(language).c_str(), index == phase, 0,
                                  ImVec2(0.0f, touchTarget())))
                phase = index;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
}

// A phase's title after its side's badge, on a dark chip at the top, beside
// the seam (`side`: A left of it, B right of it), clear of the corners' panels.
void titleChip(const std::string& title, float seam, CompareSide side) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float em = ImGui::GetFontSize();
    const ImVec2 text = ImGui::CalcTextSize(title.c_str());
    const float badge = text.y;
    const float gap = em * 0.9f;
    const float pad = em * 0.4f;
    const float width = badge + pad + text.x;
    const ImVec2 at(side == CompareSide::A ? seam - gap - width : seam + gap, em * 2.6f);
    const ImVec2 lo(at.x - pad, at.y - pad);
    const ImVec2 hi(at.x + width + pad, at.y + text.y + pad);
    draw->AddRectFilled(lo, hi, kChipColour, pad);
    // The side's colour along the chip's bottom edge, as the card's badges.
    draw->AddRectFilled(ImVec2(lo.x, hi.y - em * 0.12f), hi, compareSideColour(side), pad,
                        ImDrawFlags_RoundCornersBottom);
    compareBadge(draw, at, badge, side);
    draw->AddText(ImVec2(at.x + badge + pad, at.y), IM_COL32_WHITE, title.c_str());
}

// The divider: a line the height of the screen and a round handle with arrows.
void divider(float x, float height) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float em = ImGui::GetFontSize();
    draw->AddLine(ImVec2(x, 0.0f), ImVec2(x, height), kShadowColour, em * 0.3f);
    draw->AddLine(ImVec2(x, 0.0f), ImVec2(x, height), kDividerColour, em * 0.15f);
    const ImVec2 centre(x, height * 0.5f);
    const float radius = touchTarget() * 0.5f;
    draw->AddCircleFilled(centre, radius, kShadowColour);
    draw->AddCircleFilled(centre, radius * 0.85f, kDividerColour);
    const float a = radius * 0.35f;
    const ImU32 arrow = IM_COL32(40, 40, 40, 255);
    draw->AddTriangleFilled(ImVec2(centre.x - a * 1.8f, centre.y),
                            ImVec2(centre.x - a * 0.6f, centre.y - a),
                            ImVec2(centre.x - a * 0.6f, centre.y + a), arrow);
    draw->AddTriangleFilled(ImVec2(centre.x + a * 1.8f, centre.y),
                            ImVec2(centre.x + a * 0.6f, centre.y + a),
                            ImVec2(centre.x + a * 0.6f, centre.y - a), arrow);
}

}  // namespace

ImU32 compareSideColour(CompareSide side) {
    return side == CompareSide::A ? kSideAColour : kSideBColour;
}

void compareBadge(ImDrawList* draw, ImVec2 at, float size, CompareSide side) {
    const char* letter = side == CompareSide::A ? "A" : "B";
    draw->AddRectFilled(at, ImVec2(at.x + size, at.y + size), compareSideColour(side), size * 0.2f);
    const ImVec2 text = ImGui::CalcTextSize(letter);
    draw->AddText(ImVec2(at.x + (size - text.x) * 0.5f, at.y + (size - text.y) * 0.5f), kBadgeText,
                  letter);
}

float dividerHitWidth() {
    return touchTarget();
}

void comparePanel(const scene::Scenario& scenario, scene::Compare& compare,
                  scene::Language language, float bottomMargin) {
    if (scenario.phases.size() < 2) return;
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(em * 0.6f, display.y - bottomMargin - em * 0.6f),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(panelWidth(language), 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar |
                                        ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Compare", nullptr, kFlags)) {
        ImGui::TextUnformatted(scene::uiText(scene::UiText::Compare, language).c_str());
        modeButtons(compare, language);
        if (compare.mode != scene::CompareMode::Off) {
            phasePicker(CompareSide::A, scenario, compare.phaseA, language);
            phasePicker(CompareSide::B, scenario, compare.phaseB, language);
        }
    }
    ImGui::End();
}

void compareOverlay(const scene::Scenario& scenario, const scene::Compare& compare,
                    scene::Language language) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float seam =
        display.x * (compare.mode == scene::CompareMode::Swipe ? compare.split : 0.5f);
    const auto title = [&](int phase) {
        return scenario.phases[static_cast<std::size_t>(phase)].title.in(language);
    };
    titleChip(title(compare.phaseA), seam, CompareSide::A);
    titleChip(title(compare.phaseB), seam, CompareSide::B);
    if (compare.mode == scene::CompareMode::Swipe) divider(seam, display.y);
}

}  // namespace friche::ui
