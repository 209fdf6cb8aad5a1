#include "ui/model_panel.h"

#include <cfloat>
#include <filesystem>

#include <imgui.h>

namespace friche::ui {

namespace {

// "1 234 567": counts of a million triangles read at a glance.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

void countsTable(const scene::Stats& s) {
    const std::pair<const char*, std::size_t> rows[] = {
        {"Nodes", s.nodes},         {"Meshes", s.meshes},     {"Primitives", s.primitives},
        {"Materials", s.materials}, {"Textures", s.textures}, {"Images", s.images},
        {"Triangles", s.triangles}, {"Vertices", s.vertices},
    };
    if (!ImGui::BeginTable("counts", 2, ImGuiTableFlags_SizingStretchProp)) return;
    for (const auto& [label, value] : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(grouped(value).c_str());
    }
    ImGui::EndTable();
}

// A combo over `names` with a first entry `none` standing for -1.
void pickIndex(const char* label, const char* none, const std::vector<std::string>& names,
               int& index) {
    const int count = static_cast<int>(names.size());
    const char* current =
        index >= 0 && index < count ? names[static_cast<std::size_t>(index)].c_str() : none;
    if (!ImGui::BeginCombo(label, current)) return;
    if (none && ImGui::Selectable(none, index < 0)) index = -1;
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        if (ImGui::Selectable(names[static_cast<std::size_t>(i)].c_str(), index == i)) index = i;
        ImGui::PopID();
    }
    ImGui::EndCombo();
}

void scenePicker(const scene::Model& model, scene::ViewState& view) {
    if (model.scenes.size() < 2) return;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < model.scenes.size(); ++i) {
        const std::string& n = model.scenes[i].name;
        names.push_back(n.empty() ? "scene " + std::to_string(i) : n);
    }
    pickIndex("Scene", nullptr, names, view.scene);
}

void cameraPicker(const std::vector<scene::CameraNode>& cameras, scene::ViewState& view) {
    if (cameras.empty()) return;
    std::vector<std::string> names;
    int selected = -1;
    for (std::size_t i = 0; i < cameras.size(); ++i) {
        names.push_back(cameras[i].label);
        if (cameras[i].node == view.gltfCamera) selected = static_cast<int>(i);
    }
    pickIndex("Camera", "Orbit camera", names, selected);
    view.gltfCamera = selected >= 0 ? cameras[static_cast<std::size_t>(selected)].node : -1;
}

void warningsList(const core::Problems& problems) {
    const int n = problems.count(core::Severity::Warning);
    if (n == 0) return;
    const std::string title = "Warnings (" + std::to_string(n) + ")###warnings";
    if (!ImGui::CollapsingHeader(title.c_str())) return;
    for (const core::Problem& p : problems.list()) {
        if (p.severity != core::Severity::Warning) continue;
        ImGui::Bullet();
        ImGui::TextWrapped("%s: %s", p.where.c_str(), p.message.c_str());
    }
}

}  // namespace

void modelPanel(const ModelPanelData& d, scene::ViewState& view) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(em * 0.6f, em * 0.6f), ImGuiCond_FirstUseEver);
    // A fixed width for wrapped text; the height follows what is expanded.
    ImGui::SetNextWindowSizeConstraints(ImVec2(em * 20.0f, 0.0f), ImVec2(em * 20.0f, FLT_MAX));
    if (!ImGui::Begin("Model", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    const std::string file = std::filesystem::path(d.model.source).filename().string();
    ImGui::TextUnformatted(file.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", d.model.source.c_str());
    ImGui::TextDisabled("%s", d.model.format.c_str());
    countsTable(d.stats);
    scenePicker(d.model, view);
    cameraPicker(d.cameras, view);
    if (!d.model.variants.empty())
        pickIndex("Variant", "File's materials", d.model.variants, view.variant);
    ImGui::Checkbox("Fullscreen (F11)", &view.fullscreen);
    warningsList(d.problems);
    if (ImGui::CollapsingHeader("Renderer")) {
        ImGui::TextWrapped("%s", d.glContext.c_str());
        ImGui::Text("Frame: %.1f ms", static_cast<double>(d.frameMs));
    }
    ImGui::Separator();
    ImGui::TextDisabled(
        "Drag: orbit · right drag: pan · wheel: zoom\nF or double-click: frame all · Ctrl+Q: quit");
    ImGui::End();
}

}  // namespace friche::ui
