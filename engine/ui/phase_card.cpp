#include "ui/phase_card.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include <imgui.h>

#include "ui/charts.h"
#include "ui/compare_panel.h"
#include "ui/kiosk_panels.h"

namespace friche::ui {

namespace {

using scene::Language;
using scene::UiText;

// Seed names are a number and a 16-digit hash: the number and the hash's
// start are enough to find the file.
constexpr std::size_t kSourceStemChars = 12;
constexpr float kTitleScale = 1.35f;
constexpr float kCardWidthEm = 24.0f;
constexpr float kVisitorCardWidthEm = 28.0f;
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

// A line a tap opens more from, wrapped to the card's width as its text is
// (a Selectable's own label is cut at the edge: on a 4:3 projector's narrower
// card, "Source: Ville de Seraing, Master Plan de la Vallée sé").
bool tappableLine(const std::string& text) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float wrap = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    ImGui::PushID(text.c_str());
    const bool tapped = ImGui::Selectable("##line", false, ImGuiSelectableFlags_None, size);
    ImGui::PopID();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                        ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr,
                                        wrap);
    return tapped;
}

void heading(UiText which, Language language) {
    ImGui::Spacing();
    ImGui::TextColored(kHeadingColour, "%s", scene::uiText(which, language).c_str());
    ImGui::Separator();
}

void figures(const std::vector<scene::Figure>& list, UiText which, Language language) {
    if (list.empty()) return;
    heading(which, language);
    for (const scene::Figure& f : list) {
        ImGui::TextWrapped("%s: %s", f.label.in(language).c_str(),
                           scene::formatFigure(f, language).c_str());
        sourceText(f.source, language);
    }
}

// A funder's slice of the pie: its share, else its amount.
double pieShare(const scene::FundingSource& f) {
    return f.share.value_or(f.amount.value_or(0.0));
}

// The pie's legend: the slice's colour, the funder and its share.
void legendLine(int slice, const scene::FundingSource& f, Language language) {
    legendSwatch(slice);
    std::string line = f.name.in(language);
    if (f.share) line += "  " + scene::formatPercent(*f.share, 0, language);
    ImGui::TextUnformatted(line.c_str());
}

void funding(const scene::ProjectData& data, Language language) {
    if (data.funding.empty()) return;
    heading(UiText::Funding, language);
    std::vector<double> shares;
    for (const scene::FundingSource& f : data.funding) shares.push_back(pieShare(f));
    const float radius = ImGui::GetTextLineHeight() * 2.6f;
    ImGui::BeginGroup();
    pieChart(shares, radius);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    const std::string currency = data.budget ? data.budget->currency : "EUR";
    for (std::size_t i = 0; i < data.funding.size(); ++i) {
        const scene::FundingSource& f = data.funding[i];
        legendLine(static_cast<int>(i), f, language);
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

void phaseText(const scene::Phase& phase, Language language, bool visitor = false) {
    ImGui::SetWindowFontScale(kTitleScale);
    ImGui::TextWrapped("%s", phase.title.in(language).c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (phase.date) {
        ImGui::TextColored(ImVec4(0.9f, 0.62f, 0.0f, 1.0f), "%s",
                           scene::formatDateSpan(*phase.date, language).c_str());
        if (!visitor) sourceText(phase.dateSource, language);
    }
    if (!phase.text.empty()) ImGui::TextWrapped("%s", phase.text.in(language).c_str());
}

const scene::Phase& phaseAt(const scene::Scenario& s, int index) {
    const int last = static_cast<int>(s.phases.size()) - 1;
    return s.phases[static_cast<std::size_t>(std::clamp(index, 0, last))];
}

// One compared phase: its side's badge, then its title and date beside it.
void comparedPhase(const scene::Phase& phase, CompareSide side, Language language) {
    const float size = ImGui::GetTextLineHeight();
    compareBadge(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), size, side);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    ImGui::BeginGroup();  // wrapped lines start under the title, not under the badge
    ImGui::TextWrapped("%s", phase.title.in(language).c_str());
    if (phase.date) {
        ImGui::TextDisabled("%s", scene::formatDateSpan(*phase.date, language).c_str());
        sourceText(phase.dateSource, language);
    }
    ImGui::EndGroup();
}

UiText stateText(const scene::LayerPhase& layer) {
    switch (layer.state) {
        case scene::LayerState::Absent:
            return UiText::LayerAbsent;
        case scene::LayerState::Present:
            return UiText::LayerPresent;
        case scene::LayerState::Ghosted:
            return UiText::LayerGhosted;
        case scene::LayerState::Construction:
            return UiText::LayerConstruction;
    }
    return UiText::LayerPresent;
}

// A right arrow the size of a letter, drawn: the font's ranges (ui/style.cpp) have no →.
void arrow() {
    const float size = ImGui::GetTextLineHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float y = at.y + size * 0.5f;
    const float head = size * 0.22f;
    draw->AddLine(ImVec2(at.x, y), ImVec2(at.x + size - head, y), colour, size * 0.08f);
    draw->AddTriangleFilled(ImVec2(at.x + size, y), ImVec2(at.x + size - head * 1.6f, y - head),
                            ImVec2(at.x + size - head * 1.6f, y + head), colour);
    ImGui::Dummy(ImVec2(size, size));
}

ImVec4 sideColour(CompareSide side) {
    return ImGui::ColorConvertU32ToFloat4(compareSideColour(side));
}

// The state columns of a changed layer: A's state in A's colour, an arrow, B's
// in B's; a change of glTF scene alone is "another version", under B.
void stateChange(const scene::LayerPhase& a, const scene::LayerPhase& b, Language language) {
    const bool stateChanged = a.state != b.state;
    ImGui::TableNextColumn();
    if (stateChanged)
        ImGui::TextColored(sideColour(CompareSide::A), "%s",
                           scene::uiText(stateText(a), language).c_str());
    ImGui::TableNextColumn();
    if (stateChanged) arrow();
    ImGui::TableNextColumn();
    const UiText bText = stateChanged ? stateText(b) : UiText::LayerVariant;
    ImGui::TextColored(sideColour(CompareSide::B), "%s", scene::uiText(bText, language).c_str());
}

// The layers whose state differs between A and B: what the data says changed.
void layerChanges(const scene::Scenario& s, const scene::Phase& a, const scene::Phase& b,
                  Language language) {
    const auto differs = [&](std::size_t l) {
        return a.layers[l].state != b.layers[l].state || a.layers[l].scene != b.layers[l].scene;
    };
    std::vector<std::size_t> changed;
    for (std::size_t l = 0; l < s.layers.size(); ++l)
        if (differs(l)) changed.push_back(l);
    if (changed.empty()) return;
    heading(UiText::CompareChanges, language);
    // The states are a few short words: they keep one line (the card wraps
    // its lines; a column as wide as its words would shrink to one letter),
    // the names wrap.
    ImGui::PushTextWrapPos(-1.0f);
    if (ImGui::BeginTable("changes", 4)) {
        ImGui::TableSetupColumn("layer", ImGuiTableColumnFlags_WidthStretch);
        for (const char* column : {"A", "to", "B"})
            ImGui::TableSetupColumn(column, ImGuiTableColumnFlags_WidthFixed);
        for (std::size_t l : changed) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", s.layers[l].name.in(language).c_str());
            stateChange(a.layers[l], b.layers[l], language);
        }
        ImGui::EndTable();
    }
    ImGui::PopTextWrapPos();
}

void comparedPhases(const scene::Scenario& s, const scene::Compare& compare, Language language) {
    const scene::Phase& a = phaseAt(s, compare.phaseA);
    const scene::Phase& b = phaseAt(s, compare.phaseB);
    comparedPhase(a, CompareSide::A, language);
    ImGui::Spacing();
    comparedPhase(b, CompareSide::B, language);
    layerChanges(s, a, b, language);
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

// ---- The visitor's card: what belongs to this phase, sources named once.

// The funding as a pie beside its legend: funder and share.
void visitorFunding(const scene::ProjectData& data, int phase, Language language) {
    std::vector<const scene::FundingSource*> shown;
    for (const scene::FundingSource& f : data.funding)
        if (scene::shownIn(f.phases, phase)) shown.push_back(&f);
    if (shown.empty()) return;
    heading(UiText::Funding, language);
    std::vector<double> shares;
    for (const scene::FundingSource* f : shown) shares.push_back(pieShare(*f));
    ImGui::BeginGroup();
    pieChart(shares, ImGui::GetTextLineHeight() * 1.6f);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    for (std::size_t i = 0; i < shown.size(); ++i)
        legendLine(static_cast<int>(i), *shown[i], language);
    ImGui::EndGroup();
}

// "Partners (13)": the names one tap away, in a list.
void visitorPartners(const std::vector<scene::Partner>& list, int phase, Language language) {
    std::vector<const scene::Partner*> shown;
    for (const scene::Partner& p : list)
        if (scene::shownIn(p.phases, phase)) shown.push_back(&p);
    if (shown.empty()) return;
    std::string line = scene::uiText(UiText::Partners, language);
    line += " (" + std::to_string(shown.size()) + ")  \xE2\x80\xBA";  // ›
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, kHeadingColour);
    if (tappableLine(line)) ImGui::OpenPopup("partners");
    ImGui::PopStyleColor();
    if (ImGui::BeginPopup("partners")) {
        for (const scene::Partner* p : shown) {
            std::string name = p->name.in(language);
            if (!p->country.empty()) name += " (" + p->country + ")";
            ImGui::BulletText("%s", name.c_str());
        }
        ImGui::EndPopup();
    }
}

void visitorFigures(const std::vector<scene::Figure>& list, UiText which, int phase,
                    Language language) {
    std::vector<const scene::Figure*> shown;
    for (const scene::Figure& f : list)
        if (scene::shownIn(f.phases, phase)) shown.push_back(&f);
    if (shown.empty()) return;
    heading(which, language);
    for (const scene::Figure* f : shown)
        ImGui::TextWrapped("%s: %s", f->label.in(language).c_str(),
                           scene::formatFigure(*f, language).c_str());
}

// Every source what the card shows cites, once each, in order of appearance.
std::vector<std::string> visitorSources(const scene::Scenario& s, int phase) {
    std::vector<std::string> sources;
    const auto cite = [&](const std::string& source, const std::vector<int>& phases) {
        if (!source.empty() && scene::shownIn(phases, phase) &&
            std::find(sources.begin(), sources.end(), source) == sources.end())
            sources.push_back(source);
    };
    const scene::Phase& p = phaseAt(s, phase);
    if (p.date) cite(p.dateSource, {});
    if (s.data.budget) cite(s.data.budget->source, s.data.budget->phases);
    for (const auto& f : s.data.funding) cite(f.source, f.phases);
    for (const auto& f : s.data.partners) cite(f.source, f.phases);
    for (const auto& f : s.data.surfaces) cite(f.source, f.phases);
    for (const auto& f : s.data.indicators) cite(f.source, f.phases);
    return sources;
}

// "Source: Ville de Liège, projet N-POWER", a tap away from the seed's name.
void visitorSourceLine(const scene::Scenario& s, int phase, Language language) {
    const std::vector<std::string> sources = visitorSources(s, phase);
    if (sources.empty()) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    for (const std::string& source : sources) {
        const scene::LocalText* label = s.sourceLabel(source);
        const std::string text = scene::uiText(UiText::Source, language) + ": " +
                                 (label ? label->in(language) : sourceLine(source, language));
        ImGui::PushID(source.c_str());
        if (tappableLine(text)) ImGui::OpenPopup("seed");
        if (ImGui::BeginPopup("seed")) {
            ImGui::TextUnformatted(scene::uiText(UiText::SourceShown, language).c_str());
            ImGui::TextUnformatted(source.c_str());
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
    ImGui::PopStyleColor();
}

// "Illustrative geometry, not a survey of the site.", the site's own longer
// note one tap away.
void visitorNote(const scene::Site& site, Language language) {
    if (!site.illustrative) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteColour);
    if (tappableLine(scene::uiText(UiText::IllustrativeGeometry, language)) && !site.note.empty())
        ImGui::OpenPopup("note");
    ImGui::PopStyleColor();
    if (ImGui::BeginPopup("note")) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * kVisitorCardWidthEm);
        ImGui::TextUnformatted(site.note.in(language).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndPopup();
    }
}

void visitorCard(const scene::Scenario& s, int phase, Language language) {
    phaseText(phaseAt(s, phase), language, true);
    const scene::ProjectData& data = s.data;
    if (data.budget && scene::shownIn(data.budget->phases, phase)) {
        heading(UiText::Budget, language);
        ImGui::TextUnformatted(
            scene::formatMoney(data.budget->amount, data.budget->currency, language).c_str());
    }
    visitorFunding(data, phase, language);
    visitorPartners(data.partners, phase, language);
    visitorFigures(data.surfaces, UiText::Surfaces, phase, language);
    visitorFigures(data.indicators, UiText::Indicators, phase, language);
    visitorSourceLine(s, phase, language);
}

}  // namespace

std::string sourceLine(const std::string& source, Language language) {
    const std::filesystem::path path(source);
    std::string stem = path.stem().string();
    if (stem.size() > kSourceStemChars) stem = stem.substr(0, kSourceStemChars) + "…";
    return scene::uiText(UiText::Source, language) + ": " + stem + path.extension().string();
}

void phaseCard(const scene::Scenario& s, int phase, const scene::Compare& compare,
               Language language, const CardLayout& layout) {
    const float bottomMargin = layout.bottomMargin;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float em = ImGui::GetFontSize();
    const float width = layout.visitor ? std::min(em * kVisitorCardWidthEm, display.x * 0.34f)
                                       : std::min(em * kCardWidthEm, display.x * 0.4f);
    const float margin = em * 0.6f;
    // Below the Light panel's folded title bar, which shares the top right
    // corner; on an exhibition screen, below the operator's corner.
    const float top = layout.visitor ? display.y * kOperatorCorner + margin
                                     : margin * 2.0f + ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(display.x - width - margin, top));
    ImGui::SetNextWindowSizeConstraints(
        ImVec2(width, 0.0f), ImVec2(width, std::max(display.y - bottomMargin - top - margin, em)));
    ImGui::SetNextWindowBgAlpha(0.85f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_AlwaysAutoResize |
                                        ImGuiWindowFlags_NoSavedSettings;
    if (ImGui::Begin("Phase", nullptr, kFlags)) {
        // Every line wraps at the card's edge, the site's name and the dim ones too.
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", s.site.name.in(language).c_str());
        if (compare.mode != scene::CompareMode::Off)
            comparedPhases(s, compare, language);
        else if (layout.visitor)
            visitorCard(s, phase, language);
        else
            phaseText(phaseAt(s, phase), language);
        if (layout.visitor) {
            visitorNote(s.site, language);
        } else {
            projectData(s.data, language);
            illustrativeNote(s.site, language);
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

}  // namespace friche::ui
