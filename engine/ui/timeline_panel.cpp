#include "ui/timeline_panel.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "scene/timeline_layout.h"
#include "ui/keys.h"
#include "ui/touch.h"

namespace friche::ui {

namespace {

constexpr ImU32 kTrackColour = IM_COL32(140, 140, 140, 255);
constexpr ImU32 kPassedColour = IM_COL32(230, 159, 0, 255);
constexpr ImU32 kHandleColour = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kCurrentText = IM_COL32(255, 255, 255, 255);
constexpr ImU32 kOtherText = IM_COL32(190, 190, 190, 255);

enum class Icon { Previous, Play, Pause, Next };

// A button a finger can hit, with a drawn icon (the font has no ▶).
bool iconButton(const char* id, Icon icon) {
    const float size = touchTarget();
    const bool pressed = ImGui::Button(id, ImVec2(size, size));
    const ImVec2 lo = ImGui::GetItemRectMin();
    const ImVec2 c(lo.x + size * 0.5f, lo.y + size * 0.5f);
    const float r = size * 0.22f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    switch (icon) {
        case Icon::Play:
            draw->AddTriangleFilled(ImVec2(c.x - r * 0.7f, c.y - r),
                                    ImVec2(c.x - r * 0.7f, c.y + r), ImVec2(c.x + r, c.y), col);
            break;
        case Icon::Pause:
            draw->AddRectFilled(ImVec2(c.x - r * 0.8f, c.y - r), ImVec2(c.x - r * 0.2f, c.y + r),
                                col);
            draw->AddRectFilled(ImVec2(c.x + r * 0.2f, c.y - r), ImVec2(c.x + r * 0.8f, c.y + r),
                                col);
            break;
        case Icon::Previous:
            draw->AddTriangleFilled(ImVec2(c.x + r * 0.6f, c.y - r),
                                    ImVec2(c.x + r * 0.6f, c.y + r), ImVec2(c.x - r * 0.8f, c.y),
                                    col);
            break;
        case Icon::Next:
            draw->AddTriangleFilled(ImVec2(c.x - r * 0.6f, c.y - r),
                                    ImVec2(c.x - r * 0.6f, c.y + r), ImVec2(c.x + r * 0.8f, c.y),
                                    col);
            break;
    }
    return pressed;
}

void togglePlay(scene::Timeline& timeline) {
    if (timeline.playing()) {
        timeline.pause();
        return;
    }
    // Play from the start when at the end, as a media player does.
    if (timeline.position() >= timeline.end()) timeline.setPosition(0.0);
    timeline.play();
}

// ImGui 1.86 (Debian 12) names keys through the backend's key map.
void handleKeys(scene::Timeline& timeline) {
    if (ImGui::GetIO().WantTextInput) return;
    if (keyPressed(ImGuiKey_RightArrow) || keyPressed(ImGuiKey_PageDown)) timeline.next();
    if (keyPressed(ImGuiKey_LeftArrow) || keyPressed(ImGuiKey_PageUp)) timeline.previous();
    if (keyPressed(ImGuiKey_Space, false)) togglePlay(timeline);
    if (keyPressed(ImGuiKey_Home, false)) timeline.stepTo(0);
    if (keyPressed(ImGuiKey_End, false)) timeline.stepTo(timeline.phaseCount() - 1);
}

struct Track {
    float left, right, y;
    float x(double position, double end) const {
        return end > 0.0 ? left + static_cast<float>(position / end) * (right - left) : left;
    }
};

// One line of the markers' labels (the dates, or the titles), laid out so that
// none leaves the track or runs into its neighbour.
struct LabelLine {
    std::vector<std::string> full;
    std::vector<scene::LabelBox> boxes;
};

LabelLine labelLine(std::vector<std::string> texts, const std::vector<float>& markers,
                    const Track& track) {
    std::vector<float> widths;
    for (const std::string& t : texts) widths.push_back(ImGui::CalcTextSize(t.c_str()).x);
    // An em between labels reads as a separation, not as one run of words.
    auto boxes = scene::layoutTimelineLabels(markers, widths, ImGui::GetFontSize(), track.right);
    return {std::move(texts), std::move(boxes)};
}

// Draws text i of `line` at row `y`; true when it had to be shortened.
bool drawLabel(const LabelLine& line, std::size_t i, float y, ImU32 colour) {
    const std::string& text = line.full[i];
    const std::string shown = fitText(text, line.boxes[i].width);
    ImGui::GetWindowDrawList()->AddText(ImVec2(line.boxes[i].left, y), colour, shown.c_str());
    return shown != text;
}

// The clickable strip of marker i: from halfway to the previous label to
// halfway to the next, so hit areas tile the row without overlapping.
std::pair<float, float> labelCell(const LabelLine& dates, const LabelLine& titles, std::size_t i,
                                  const std::vector<float>& markers) {
    const auto edge = [&](std::size_t k, bool right) {
        const scene::LabelBox& d = dates.boxes[k];
        const scene::LabelBox& t = titles.boxes[k];
        return right ? std::max({d.right(), t.right(), markers[k]})
                     : std::min({d.left, t.left, markers[k]});
    };
    const float slack = touchTarget() * 0.5f;
    const float lo = i == 0 ? edge(i, false) - slack : (edge(i - 1, true) + edge(i, false)) * 0.5f;
    const float hi = i + 1 == markers.size() ? edge(i, true) + slack
                                             : (edge(i, true) + edge(i + 1, false)) * 0.5f;
    return {lo, std::max(hi, lo + 1.0f)};
}

// The full date and title of a phase whose label had to be shortened.
void labelTooltip(const scene::Phase& phase, scene::Language language) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(phase.title.in(language).c_str());
    if (phase.date) ImGui::TextDisabled("%s", scene::formatDateSpan(*phase.date, language).c_str());
    ImGui::EndTooltip();
}

// The markers with their dates and titles; clicking a label steps there.
void phaseMarkers(const scene::Scenario& s, scene::Timeline& timeline, const Track& track,
                  scene::Language language) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::size_t n = static_cast<std::size_t>(timeline.phaseCount());
    std::vector<float> markers;
    std::vector<std::string> dates, titles;
    for (std::size_t i = 0; i < n; ++i) {
        const scene::Phase& phase = s.phases[i];
        markers.push_back(track.x(static_cast<double>(i), timeline.end()));
        dates.push_back(phase.date ? scene::formatDate(phase.date->start, language) : "");
        titles.push_back(phase.title.in(language));
    }
    const LabelLine dateLine = labelLine(std::move(dates), markers, track);
    const LabelLine titleLine = labelLine(std::move(titles), markers, track);
    const float line = ImGui::GetTextLineHeight();
    const float labelTop = track.y + touchTarget() * 0.5f;
    const int current = timeline.nearestPhase();
    for (std::size_t i = 0; i < n; ++i) {
        const int index = static_cast<int>(i);
        const bool reached = index <= timeline.position();
        draw->AddCircleFilled(ImVec2(markers[i], track.y), touchTarget() * 0.12f,
                              reached ? kPassedColour : kTrackColour);
        const ImU32 colour = index == current ? kCurrentText : kOtherText;
        const bool shortDate = drawLabel(dateLine, i, labelTop, colour);
        const bool shortTitle = drawLabel(titleLine, i, labelTop + line, colour);
        const auto [lo, hi] = labelCell(dateLine, titleLine, i, markers);
        ImGui::SetCursorScreenPos(ImVec2(lo, labelTop));
        ImGui::PushID(index);
        if (ImGui::InvisibleButton("phase", ImVec2(hi - lo, line * 2.0f))) timeline.stepTo(index);
        if ((shortDate || shortTitle) && ImGui::IsItemHovered())
            labelTooltip(s.phases[i], language);
        ImGui::PopID();
    }
}

// The draggable handle: the whole track's height is its hit area.
bool scrubber(scene::Timeline& timeline, const Track& track) {
    const float target = touchTarget();
    ImGui::SetCursorScreenPos(ImVec2(track.left - target * 0.5f, track.y - target * 0.5f));
    ImGui::InvisibleButton("track", ImVec2(track.right - track.left + target, target));
    const bool dragging = ImGui::IsItemActive();
    if (dragging && track.right > track.left) {
        const float f = (ImGui::GetIO().MousePos.x - track.left) / (track.right - track.left);
        timeline.pause();
        timeline.setPosition(static_cast<double>(std::clamp(f, 0.0f, 1.0f)) * timeline.end());
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float x = track.x(timeline.position(), timeline.end());
    const float thick = target * 0.08f;
    draw->AddLine(ImVec2(track.left, track.y), ImVec2(track.right, track.y), kTrackColour, thick);
    draw->AddLine(ImVec2(track.left, track.y), ImVec2(x, track.y), kPassedColour, thick);
    draw->AddCircleFilled(ImVec2(x, track.y), target * 0.3f, kHandleColour);
    draw->AddCircle(ImVec2(x, track.y), target * 0.3f, kPassedColour, 0, thick);
    return dragging;
}

}  // namespace

std::string fitText(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string out = text;
    while (!out.empty() && ImGui::CalcTextSize((out + "…").c_str()).x > width) {
        // One character off the end, whole: its continuation bytes, then its
        // first byte (a lead byte left alone would draw as "?").
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();
        if (!out.empty()) out.pop_back();
    }
    return out.empty() && ImGui::CalcTextSize("…").x > width ? std::string() : out + "…";
}

float timelinePanelHeight() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return touchTarget() * 1.1f + ImGui::GetTextLineHeight() * 2.0f + style.WindowPadding.y * 2.0f;
}

bool timelinePanel(const scene::Scenario& scenario, scene::Timeline& timeline,
                   scene::Language language) {
    handleKeys(timeline);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float height = timelinePanelHeight();
    ImGui::SetNextWindowPos(ImVec2(0.0f, display.y - height));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    ImGui::SetNextWindowBgAlpha(0.75f);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    bool dragging = false;
    if (ImGui::Begin("Timeline", nullptr, kFlags)) {
        if (iconButton("##previous", Icon::Previous)) timeline.previous();
        ImGui::SameLine();
        if (iconButton("##play", timeline.playing() ? Icon::Pause : Icon::Play))
            togglePlay(timeline);
        ImGui::SameLine();
        if (iconButton("##next", Icon::Next)) timeline.next();
        ImGui::SameLine();
        const float target = touchTarget();
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - target * 1.2f;
        const Track track{start.x + target * 1.2f, right, start.y + target * 0.5f};
        phaseMarkers(scenario, timeline, track, language);
        dragging = scrubber(timeline, track);  // after the markers: the handle is on top
    }
    ImGui::End();
    return dragging;
}

}  // namespace friche::ui
