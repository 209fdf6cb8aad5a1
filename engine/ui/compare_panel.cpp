#include "ui/compare_panel.h"

#include <string>

#include <imgui.h>

#include "ui/touch.h"

namespace friche::ui {

namespace {

constexpr float kPanelWidthEm = 17.0f;
constexpr ImU32 kDividerColour = IM_COL32(255, 255, 255, 230);
constexpr ImU32 kShadowColour = IM_COL32(0, 0, 0, 140);
constexpr ImU32 kChipColour = IM_COL32(20, 24, 28, 200);

void modeButtons(scene::Compare& compare, scene::Language language) {
    constexpr scene::CompareMode kModes[] = {scene::CompareMode::Off, scene::CompareMode::Swipe,
                                             scene::CompareMode::Side};
    constexpr scene::UiText kNames[] = {scene::UiText::CompareOff, scene::UiText::Swipe,
                                        scene::UiText::SideBySide};
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

// A phase combo whose rows are finger-high.
void phasePicker(const char* label, const scene::Scenario& scenario, int& phase,
                 scene::Language language) {
    ImGui::PushID(label);
    // The closed combo is finger-high too.
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(padding.x, (touchTarget() - ImGui::GetFontSize()) * 0.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
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

// A phase's title on a dark chip at the top, beside the seam (`side`: -1 left
// of it, +1 right of it), clear of the panels in the corners.
void titleChip(const std::string& title, float seam, float side) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float em = ImGui::GetFontSize();
    const ImVec2 size = ImGui::CalcTextSize(title.c_str());
    const float gap = em * 0.9f;
    const ImVec2 at(side < 0.0f ? seam - gap - size.x : seam + gap, em * 2.6f);
    const float pad = em * 0.4f;
    draw->AddRectFilled(ImVec2(at.x - pad, at.y - pad),
                        ImVec2(at.x + size.x + pad, at.y + size.y + pad), kChipColour, pad);
    draw->AddText(at, IM_COL32_WHITE, title.c_str());
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
    ImGui::SetNextWindowSize(ImVec2(em * kPanelWidthEm, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar |
                                        ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Compare", nullptr, kFlags)) {
        ImGui::TextUnformatted(scene::uiText(scene::UiText::Compare, language).c_str());
        modeButtons(compare, language);
        if (compare.mode != scene::CompareMode::Off) {
            phasePicker("A", scenario, compare.phaseA, language);
            phasePicker("B", scenario, compare.phaseB, language);
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
    titleChip("A · " + title(compare.phaseA), seam, -1.0f);
    titleChip("B · " + title(compare.phaseB), seam, 1.0f);
    if (compare.mode == scene::CompareMode::Swipe) divider(seam, display.y);
}

}  // namespace friche::ui
