#include "ui/render_panel.h"

#include <imgui.h>

#include "scene/sun.h"

namespace friche::ui {

namespace {

void skyControls(render::Lighting& l) {
    int overcast = l.sky == scene::SkyKind::Overcast ? 1 : 0;
    ImGui::RadioButton("Clear sky", &overcast, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Overcast", &overcast, 1);
    l.sky = overcast ? scene::SkyKind::Overcast : scene::SkyKind::Clear;
    ImGui::Checkbox("Shadows", &l.shadows);
    ImGui::SameLine();
    ImGui::Checkbox("Ground", &l.ground);
}

// Another place on Earth under the same day and hour (the Sun panel sets
// those): the scenario's site is where the sun starts.
void placeControls(scene::SiteTime& t) {
    float latitude = static_cast<float>(t.latitude), longitude = static_cast<float>(t.longitude);
    if (ImGui::SliderFloat("Latitude", &latitude, -66.0f, 66.0f, "%.2f°")) t.latitude = latitude;
    if (ImGui::SliderFloat("Longitude", &longitude, -180.0f, 180.0f, "%.2f°"))
        t.longitude = longitude;
}

void lookControls(RenderSettings& s) {
    ImGui::SliderFloat("Exposure", &s.lighting.exposureStops, -4.0f, 4.0f, "%+.1f EV");
    int aces = s.lighting.toneMap == render::ToneMap::Aces ? 1 : 0;
    ImGui::RadioButton("PBR Neutral", &aces, 0);
    ImGui::SameLine();
    ImGui::RadioButton("ACES", &aces, 1);
    s.lighting.toneMap = aces ? render::ToneMap::Aces : render::ToneMap::PbrNeutral;
    const char* views[] = {"Lit",       "Base colour",     "Normals",  "Metallic / roughness",
                           "Occlusion", "Shadow cascades", "Wireframe"};
    int view = static_cast<int>(s.debugView);
    if (ImGui::Combo("View", &view, views, IM_ARRAYSIZE(views)))
        s.debugView = static_cast<render::DebugView>(view);
    ImGui::Checkbox("Water, smoke and traffic move at rest", &s.livingAtRest);
    s.reloadRequested = ImGui::Button("Reload shaders");
}

}  // namespace

void renderPanel(RenderSettings& settings) {
    settings.reloadRequested = false;
    // Top right at first, clear of the Model panel on the left; then where the user puts it.
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x - 16.0f, 16.0f), ImGuiCond_FirstUseEver, ImVec2(1, 0));
    if (!ImGui::Begin("Light")) {
        ImGui::End();
        return;
    }
    skyControls(settings.lighting);
    if (ImGui::CollapsingHeader("Place", ImGuiTreeNodeFlags_DefaultOpen))
        placeControls(settings.lighting.site);
    if (ImGui::CollapsingHeader("Look", ImGuiTreeNodeFlags_DefaultOpen)) lookControls(settings);
    ImGui::End();
}

void shaderErrorOverlay(const std::string& message) {
    if (message.empty()) return;
    // On the frame, not in a window: the last good shaders keep drawing behind it.
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 at(16.0f, ImGui::GetIO().DisplaySize.y * 0.5f);
    const ImVec2 size = ImGui::CalcTextSize(message.c_str());
    draw->AddRectFilled(ImVec2(at.x - 8, at.y - 8), ImVec2(at.x + size.x + 8, at.y + size.y + 8),
                        IM_COL32(40, 0, 0, 220));
    draw->AddText(at, IM_COL32(255, 120, 110, 255), message.c_str());
}

}  // namespace friche::ui
