#include "ui/viewpoints_panel.h"

#include <algorithm>
#include <cstring>

#include <imgui.h>

#include "render/tiles.h"

namespace friche::ui {

namespace {

using scene::UiText;

struct SizePreset {
    const char* label;
    int width, height;
};

// Full HD, 4K UHD and 8K UHD: a screen, a print, a poster.
constexpr SizePreset kPresets[] = {
    {"1920 x 1080", 1920, 1080}, {"3840 x 2160", 3840, 2160}, {"7680 x 4320", 7680, 4320}};
template <std::size_t N>
void copyInto(std::array<char, N>& field, const std::string& text) {
    const std::size_t n = std::min(text.size(), N - 1);
    std::memcpy(field.data(), text.data(), n);
    field[n] = '\0';
}

void viewpointList(ViewpointsPanel& p, const std::vector<scene::View>& views, scene::Language l,
                   ViewpointsRequest& asked) {
    if (views.empty()) ImGui::TextDisabled("%s", uiText(UiText::NoViewpoints, l).c_str());
    for (std::size_t i = 0; i < views.size(); ++i) {
        const int index = static_cast<int>(i);
        const std::string label = views[i].name.in(l) + "  (" + views[i].id + ")";
        ImGui::PushID(index);
        // A click flies there and picks it for renaming.
        if (ImGui::Selectable(label.c_str(), p.selected == index)) {
            asked.flyTo = index;
            p.selected = index;
            copyInto(p.name, views[i].name.in(l));
        }
        ImGui::PopID();
    }
}

void viewpointButtons(ViewpointsPanel& p, const std::vector<scene::View>& views, scene::Language l,
                      ViewpointsRequest& asked) {
    ImGui::InputTextWithHint("##name", uiText(UiText::ViewpointName, l).c_str(), p.name.data(),
                             p.name.size());
    const bool named = p.name[0] != '\0';
    const bool picked = p.selected >= 0 && p.selected < static_cast<int>(views.size());
    ImGui::BeginDisabled(!named);
    if (ImGui::Button(uiText(UiText::SaveViewpoint, l).c_str())) asked.save = p.name.data();
    ImGui::SameLine();
    ImGui::BeginDisabled(!picked);
    if (ImGui::Button(uiText(UiText::RenameViewpoint, l).c_str())) asked.rename = p.selected;
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!picked);
    if (ImGui::Button(uiText(UiText::DeleteViewpoint, l).c_str())) asked.remove = p.selected;
    ImGui::EndDisabled();
    ImGui::BeginDisabled(views.empty());
    asked.exportViews = ImGui::Button(uiText(UiText::ExportViewpoints, l).c_str());
    ImGui::EndDisabled();
}

void stillControls(ViewpointsPanel& p, scene::Language l, ViewpointsRequest& asked) {
    ImGui::TextUnformatted(uiText(UiText::StillSize, l).c_str());
    for (const SizePreset& preset : kPresets) {
        ImGui::SameLine();
        if (ImGui::RadioButton(preset.label,
                               p.width == preset.width && p.height == preset.height)) {
            p.width = preset.width;
            p.height = preset.height;
        }
    }
    int size[2] = {p.width, p.height};
    if (ImGui::InputInt2("##size", size)) {
        p.width = std::clamp(size[0], 1, render::kMaxStillSide);
        p.height = std::clamp(size[1], 1, render::kMaxStillSide);
    }
    ImGui::Checkbox(uiText(UiText::StillPanels, l).c_str(), &p.panels);
    ImGui::InputText(uiText(UiText::StillFile, l).c_str(), p.file.data(), p.file.size());
    asked.still = ImGui::Button(uiText(UiText::WriteStill, l).c_str());
}

}  // namespace

void ViewpointsPanel::setFile(const std::string& path) {
    copyInto(file, path);
}

void ViewpointsPanel::report(bool ok, const std::string& message, scene::Language language) {
    failed = !ok;
    status = uiText(ok ? UiText::Written : UiText::Failed, language) + " " + message;
}

ViewpointsRequest viewpointsPanel(ViewpointsPanel& panel, const std::vector<scene::View>& views,
                                  scene::Language language) {
    ViewpointsRequest asked;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Top centre at first, left of the middle (the architect's review panel is
    // right of it): the story's panels hold the corners and the sides.
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f - em * 0.3f, em * 0.6f), ImGuiCond_FirstUseEver,
                            ImVec2(1.0f, 0.0f));
    // The title follows the language; the id after ### keeps the window's place.
    const std::string title = uiText(UiText::Viewpoints, language) + "###viewpoints";
    if (!ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return asked;
    }
    viewpointList(panel, views, language, asked);
    viewpointButtons(panel, views, language, asked);
    ImGui::Separator();
    ImGui::TextUnformatted(uiText(UiText::Still, language).c_str());
    stillControls(panel, language, asked);
    if (!panel.status.empty()) {
        const ImVec4 colour =
            panel.failed ? ImVec4(1.0f, 0.45f, 0.4f, 1.0f) : ImVec4(0.6f, 0.9f, 0.6f, 1.0f);
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextColored(colour, "%s", panel.status.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    return asked;
}

}  // namespace friche::ui
