#include "ui/frame_stats_panel.h"

#include <imgui.h>

#include "render/pass_timers.h"

namespace friche::ui {

namespace {

// Each frame's weight in the average.
constexpr float kSmoothing = 0.1f;
// Smaller than the panels' body text: a technical readout, still readable.
constexpr float kFontScale = 0.85f;

template <typename... Values>
void row(const char* name, const char* format, Values... values) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::TableNextColumn();
    ImGui::Text(format, values...);
}

}  // namespace

float smoothFrameMs(float previous, float latest) {
    if (previous <= 0.0f) return latest;
    return previous + (latest - previous) * kSmoothing;
}

void frameStatsPanel(const FrameStatsData& data) {
    const float em = ImGui::GetFontSize();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x - em * 0.6f, em * 0.6f), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.75f);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("Frame stats", nullptr, kFlags)) {
        ImGui::SetWindowFontScale(kFontScale);
        ImGui::Text("%d x %d", data.resolution.x, data.resolution.y);
        if (const render::QualityTier* t = data.tier)
            ImGui::Text("drawn at %s", t->describe().c_str());
        if (data.atRest) ImGui::Text("at rest: %s", data.atRest);
        if (data.kept) ImGui::TextUnformatted("3D view kept: only the panels changed");
        if (ImGui::BeginTable("passes", 2, ImGuiTableFlags_SizingFixedFit)) {
            row("frame (CPU)", "%.1f ms", data.frameMs);
            const render::PassTimes& gpu = data.stats.gpu;
            if (gpu.measured) {
                for (std::size_t p = 0; p < render::kPassCount; ++p)
                    row(render::passName(static_cast<render::Pass>(p)), "%.2f ms", gpu.ms[p]);
                row("GPU total", "%.2f ms", gpu.total());
            }
            row("draw calls", "%d", data.stats.drawCalls);
            if (data.stats.shadowsKept)
                row("shadow calls", "%d (cascades kept)", 0);
            else if (data.stats.stillShadowsKept)
                row("shadow calls", "%d (what moves; still casters kept)",
                    data.stats.shadowDrawCalls);
            else if (data.stats.shadowLayersKept > 0)
                row("shadow calls", "%d (%d cascade(s) kept)", data.stats.shadowDrawCalls,
                    data.stats.shadowLayersKept);
            else
                row("shadow calls", "%d", data.stats.shadowDrawCalls);
            ImGui::EndTable();
        }
        if (!data.stats.gpu.measured) ImGui::TextDisabled("GPU: waiting for its timers");
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
}

}  // namespace friche::ui
