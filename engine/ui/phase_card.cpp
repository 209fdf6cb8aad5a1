#include "ui/phase_card.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include <imgui.h>

#include "ui/charts.h"

namespace friche::ui {

namespace {

using scene::Language;
using scene::UiText;

// Seed names are a number and a 16-digit hash: the number and the hash's
// start are enough to find the file.
constexpr std::size_t kSourceStemChars = 12;
constexpr float kTitleScale = 1.35f;
constexpr float kCardWidthEm = 24.0f;
const ImVec4 kNoteColour{1.0f, 0.8f, 0.45f, 1.0f};
const ImVec4 kHeadingColour{0.55f, 0.78f, 1.0f, 1.0f};

void sourceText(const std::string& source, Language language) {
    if (source.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::SetWindowFontScale(0.8f);
    ImGui::TextWrapped("%s", sourceLine(source, language).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
}

void heading(UiText which, Language language) {
    ImGui::Spacing();
    ImGui::TextColored(kHeadingColour, "%s", scene::uiText(which, language).c_str());
    ImGui::Separator();
}

std::string figureValue(const scene::Figure& f, Language language) {
    const int decimals = f.value == static_cast<long long>(f.value) ? 0 : 1;
    if (f.unit.empty()) return scene::formatNumber(f.value, decimals, language);
    if (f.unit == "%") return scene::formatPercent(f.value, decimals, language);
    return scene::formatQuantity(f.value, decimals, f.unit, language);
}

void figures(const std::vector<scene::Figure>& list, UiText which, Language language) {
    if (list.empty()) return;
    heading(which, language);
    for (const scene::Figure& f : list) {
        ImGui::TextWrapped("%s: %s", f.label.in(language).c_str(),
                           figureValue(f, language).c_str());
        sourceText(f.source, language);
    }
}

void funding(const scene::ProjectData& data, Language language) {
    if (data.funding.empty()) return;
    heading(UiText::Funding, language);
    std::vector<double> shares;
    for (const scene::FundingSource& f : data.funding)
        shares.push_back(f.share.value_or(f.amount.value_or(0.0)));
    const float radius = ImGui::GetTextLineHeight() * 2.6f;
    ImGui::BeginGroup();
    pieChart(shares, radius);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    const std::string currency = data.budget ? data.budget->currency : "EUR";
    for (std::size_t i = 0; i < data.funding.size(); ++i) {
        const scene::FundingSource& f = data.funding[i];
        legendSwatch(static_cast<int>(i));
        std::string line = f.name.in(language);
        if (f.share) line += "  " + scene::formatPercent(*f.share, 0, language);
        ImGui::TextUnformatted(line.c_str());
        if (f.amount)
            ImGui::TextDisabled("   %s", scene::formatMoney(*f.amount, currency, language).c_str());
    }
    ImGui::EndGroup();
    // Funders usually share one source: say it once when they do.
    const bool oneSource =
        std::all_of(data.funding.begin(), data.funding.end(),
                    [&](const auto& f) { return f.source == data.funding.front().source; });
    if (oneSource) sourceText(data.funding.front().source, language);
    for (std::size_t i = 0; !oneSource && i < data.funding.size(); ++i)
        sourceText(data.funding[i].source, language);
}

void partners(const std::vector<scene::Partner>& list, Language language) {
    if (list.empty()) return;
    heading(UiText::Partners, language);
    for (const scene::Partner& p : list) {
        std::string line = p.name.in(language);
        if (!p.country.empty()) line += " (" + p.country + ")";
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.c_str());
        if (!p.role.empty()) ImGui::TextDisabled("   %s", p.role.in(language).c_str());
        sourceText(p.source, language);
    }
}

void projectData(const scene::ProjectData& data, Language language) {
    if (data.budget) {
        heading(UiText::Budget, language);
        ImGui::SetWindowFontScale(kTitleScale);
        ImGui::TextUnformatted(
            scene::formatMoney(data.budget->amount, data.budget->currency, language).c_str());
        ImGui::SetWindowFontScale(1.0f);
        sourceText(data.budget->source, language);
    }
    funding(data, language);
    partners(data.partners, language);
    figures(data.surfaces, UiText::Surfaces, language);
    figures(data.indicators, UiText::Indicators, language);
}

void phaseText(const scene::Phase& phase, Language language) {
    ImGui::SetWindowFontScale(kTitleScale);
    ImGui::TextWrapped("%s", phase.title.in(language).c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (phase.date) {
        ImGui::TextColored(ImVec4(0.9f, 0.62f, 0.0f, 1.0f), "%s",
                           scene::formatDateSpan(*phase.date, language).c_str());
        sourceText(phase.dateSource, language);
    }
    if (!phase.text.empty()) ImGui::TextWrapped("%s", phase.text.in(language).c_str());
}

void illustrativeNote(const scene::Site& site, Language language) {
    if (!site.illustrative) return;
    ImGui::Spacing();
    ImGui::Separator();
    const std::string& note = site.note.empty()
                                  ? scene::uiText(UiText::IllustrativeGeometry, language)
                                  : site.note.in(language);
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    ImGui::TextWrapped("%s", note.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

std::string sourceLine(const std::string& source, Language language) {
    const std::filesystem::path path(source);
    std::string stem = path.stem().string();
    if (stem.size() > kSourceStemChars) stem = stem.substr(0, kSourceStemChars) + "…";
    return scene::uiText(UiText::Source, language) + ": " + stem + path.extension().string();
}

void phaseCard(const scene::Scenario& s, int phase, Language language, float bottomMargin) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float em = ImGui::GetFontSize();
    const float width = std::min(em * kCardWidthEm, display.x * 0.4f);
    const float margin = em * 0.6f;
    // Below the Light panel's folded title bar, which shares the top right corner.
    const float top = margin * 2.0f + ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(display.x - width - margin, top));
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(width, 0.0f), ImVec2(width, std::max(display.y - bottomMargin - top - margin, em)));
    ImGui::SetNextWindowBgAlpha(0.85f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Phase", nullptr, kFlags)) {
        ImGui::TextDisabled("%s", s.site.name.in(language).c_str());
        const int count = static_cast<int>(s.phases.size());
        phaseText(s.phases[static_cast<std::size_t>(std::clamp(phase, 0, count - 1))], language);
        projectData(s.data, language);
        illustrativeNote(s.site, language);
    }
    ImGui::End();
}

}  // namespace friche::ui
