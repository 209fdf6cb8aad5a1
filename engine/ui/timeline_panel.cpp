#include "ui/timeline_panel.h"

#include <algorithm>
#include <string>

#include <imgui.h>

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
bool pressed(ImGuiKey key, bool repeat = true) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}

void handleKeys(scene::Timeline& timeline) {
    if (ImGui::GetIO().WantTextInput) return;
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown)) timeline.next();
    if (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp)) timeline.previous();
    if (pressed(ImGuiKey_Space, false)) togglePlay(timeline);
    if (pressed(ImGuiKey_Home, false)) timeline.stepTo(0);
    if (pressed(ImGuiKey_End, false)) timeline.stepTo(timeline.phaseCount() - 1);
}

// Text centred on x, kept inside [left, right].
void centredText(ImDrawList* draw, float x, float y, float left, float right, ImU32 colour,
                 const std::string& text) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    const float at = std::clamp(x - w * 0.5f, left, std::max(left, right - w));
    draw->AddText(ImVec2(at, y), colour, text.c_str());
}

// Shortens `text` with an ellipsis to fit `width` points.
std::string fitted(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string out = text;
    while (!out.empty() && ImGui::CalcTextSize((out + "…").c_str()).x > width) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();  // never cut a UTF-8 sequence in half
    }
    return out + "…";
}

struct Track {
    float left, right, y;
    float x(double position, double end) const {
        return end > 0.0 ? left + static_cast<float>(position / end) * (right - left) : left;
    }
};

// The markers with their dates and titles; clicking a label steps there.
void phaseMarkers(const scene::Scenario& s, scene::Timeline& timeline, const Track& track,
                  scene::Language language) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const int n = timeline.phaseCount();
    const float spacing =
        n > 1 ? (track.right - track.left) / static_cast<float>(n - 1) : track.right - track.left;
    const float line = ImGui::GetTextLineHeight();
    const float labelTop = track.y + touchTarget() * 0.5f;
    const int current = timeline.nearestPhase();
    for (int i = 0; i < n; ++i) {
        const scene::Phase& phase = s.phases[static_cast<std::size_t>(i)];
        const float x = track.x(i, timeline.end());
        const bool reached = i <= timeline.position();
        draw->AddCircleFilled(ImVec2(x, track.y), touchTarget() * 0.12f,
                              reached ? kPassedColour : kTrackColour);
        const ImU32 colour = i == current ? kCurrentText : kOtherText;
        const float half = spacing * 0.5f;
        if (phase.date) {
            centredText(draw, x, labelTop, track.left - half, track.right + half, colour,
                        fitted(scene::formatDate(phase.date->start, language), spacing * 0.95f));
        }
        centredText(draw, x, labelTop + line, track.left - half, track.right + half, colour,
                    fitted(phase.title.in(language), spacing * 0.95f));
        ImGui::SetCursorScreenPos(ImVec2(x - half, labelTop));
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("phase", ImVec2(std::max(spacing, 1.0f), line * 2.0f)))
            timeline.stepTo(i);
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
