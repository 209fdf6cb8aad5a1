#include "ui/site_picker.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include <imgui.h>

#include "ui/style.h"
#include "ui/timeline_panel.h"
#include "ui/touch.h"

namespace friche::ui {

namespace {

// French first: most visitors of the seed sites read it; English last, as the fallback.
constexpr scene::Language kButtonOrder[] = {scene::Language::Fr, scene::Language::Nl,
                                            scene::Language::De, scene::Language::En};

// A combo whose rows are finger-high.
std::optional<int> sitePicker(const SiteList& sites, scene::Language language) {
    if (sites.names.empty()) return std::nullopt;
    const int count = static_cast<int>(sites.names.size());
    const bool known = sites.current >= 0 && sites.current < count;
    const std::string shown =
        known ? sites.names[static_cast<std::size_t>(sites.current)].in(language) : "—";
    std::optional<int> picked;
    ImGui::SetNextItemWidth(-1.0f);
    // Shortened with an ellipsis where it does not fit beside the arrow, not cut.
    const float room =
        ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - 2.0f * ImGui::GetStyle().FramePadding.x;
    if (!ImGui::BeginCombo("##site", fitText(shown, room).c_str(), ImGuiComboFlags_HeightLargest))
        return picked;
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        const std::string& name = sites.names[static_cast<std::size_t>(i)].in(language);
        if (ImGui::Selectable(name.c_str(), i == sites.current, 0, ImVec2(0.0f, touchTarget())) &&
            i != sites.current)
            picked = i;
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return picked;
}

void languageButtons(const std::vector<scene::Language>& offered, scene::Language& language) {
    const float size = touchTarget();
    const std::vector<scene::Language> order =
        offered.empty()
            ? std::vector<scene::Language>(std::begin(kButtonOrder), std::end(kButtonOrder))
            : offered;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const scene::Language l = order[i];
        std::string code = scene::languageCode(l);
        std::transform(code.begin(), code.end(), code.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (i > 0) ImGui::SameLine();
        const bool active = l == language;
        if (active)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(code.c_str(), ImVec2(size, size))) language = l;
        if (active) ImGui::PopStyleColor();
    }
}

std::optional<int> viewButtons(const std::vector<scene::View>& views, scene::Language language) {
    std::optional<int> picked;
    for (std::size_t i = 0; i < views.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string& name = views[i].name.empty() ? views[i].id : views[i].name.in(language);
        if (ImGui::Button(name.c_str(), ImVec2(-1.0f, touchTarget()))) picked = static_cast<int>(i);
        ImGui::PopID();
    }
    return picked;
}

}  // namespace

SiteChoice sitePanel(const SiteList& sites, const std::vector<scene::View>& views,
                     scene::Language& language, float top) {
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(em * 0.6f, top),
                            sites.exhibition ? ImGuiCond_Always : ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(em * kSidePanelWidthEm, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    SiteChoice choice;
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar |
                                        ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Site", nullptr, kFlags | (sites.exhibition ? ImGuiWindowFlags_NoMove : 0))) {
        choice.site = sitePicker(sites, language);
        languageButtons(sites.languages, language);
        choice.view = viewButtons(views, language);
        if (sites.exhibition)
            choice.backToStart =
                ImGui::Button(scene::uiText(scene::UiText::BackToStart, language).c_str(),
                              ImVec2(-1.0f, touchTarget()));
    }
    ImGui::End();
    return choice;
}

}  // namespace friche::ui
