#include "ui/scale_bar.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "scene/locale.h"
#include "ui/timeline_panel.h"

namespace friche::ui {

namespace {

// 1, 2 or 5 times a power of ten, at most `limit`.
double roundLength(double limit) {
    const double power = std::pow(10.0, std::floor(std::log10(limit)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= limit) return step * power;
    return power;
}

}  // namespace

void scaleBar(const scene::Story& story, glm::vec2 size) {
    const float em = ImGui::GetFontSize();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImU32 shade = IM_COL32(0, 0, 0, 170);
    const scene::OrbitCamera orbit = story.orbit(size.x / std::max(size.y, 1.0f));
    const double perPoint = orbit.heightAtTarget() / std::max(size.y, 1.0f);
    if (perPoint <= 0.0 || !std::isfinite(perPoint)) return;
    const double length = roundLength(perPoint * em * 8.0);
    const float points = static_cast<float>(length / perPoint);
    // Right end left of the compass (ui::northArrow: 1.5 em radius, 3 em from the side).
    const ImVec2 start(size.x - em * 6.5f - points, size.y - ui::timelinePanelHeight() - em * 2.5f);
    draw->AddRectFilled(ImVec2(start.x - em * 0.3f, start.y - em * 1.5f),
                        ImVec2(start.x + points + em * 0.3f, start.y + em * 0.5f), shade,
                        em * 0.2f);
    draw->AddLine(start, ImVec2(start.x + points, start.y), IM_COL32_WHITE, 3.0f);
    draw->AddLine(ImVec2(start.x, start.y - em * 0.3f), ImVec2(start.x, start.y + em * 0.3f),
                  IM_COL32_WHITE, 2.0f);
    draw->AddLine(ImVec2(start.x + points, start.y - em * 0.3f),
                  ImVec2(start.x + points, start.y + em * 0.3f), IM_COL32_WHITE, 2.0f);
    draw->AddText(
        ImVec2(start.x, start.y - em * 1.4f), IM_COL32_WHITE,
        scene::formatQuantity(length, length < 1.0 ? 1 : 0, "m", story.language()).c_str());
}

}  // namespace friche::ui
