#include "ui/charts.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace friche::ui {

namespace {

// Okabe-Ito: eight colours told apart by colour-blind visitors too.
constexpr ImU32 kPalette[] = {
    IM_COL32(230, 159, 0, 255),   IM_COL32(86, 180, 233, 255),  IM_COL32(0, 158, 115, 255),
    IM_COL32(240, 228, 66, 255),  IM_COL32(0, 114, 178, 255),   IM_COL32(213, 94, 0, 255),
    IM_COL32(204, 121, 167, 255), IM_COL32(200, 200, 200, 255),
};
constexpr float kTwoPi = 6.28318530718f;
// Starting at twelve o'clock and going clockwise, as pies are read.
constexpr float kStartAngle = -kTwoPi / 4.0f;
// Segments of a full circle: smooth at the card's sizes.
constexpr int kCircleSegments = 64;

}  // namespace

ImU32 chartColour(int index) {
    constexpr int n = static_cast<int>(std::size(kPalette));
    return kPalette[((index % n) + n) % n];
}

void pieChart(std::span<const double> values, float radius) {
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(radius * 2.0f, radius * 2.0f));
    const double total = std::accumulate(values.begin(), values.end(), 0.0,
                                         [](double s, double v) { return s + std::max(v, 0.0); });
    if (!(total > 0.0)) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(corner.x + radius, corner.y + radius);
    float angle = kStartAngle;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const float sweep = static_cast<float>(std::max(values[i], 0.0) / total) * kTwoPi;
        if (sweep <= 0.0f) continue;
        const int segments = std::max(2, static_cast<int>(kCircleSegments * sweep / kTwoPi));
        draw->PathLineTo(centre);
        draw->PathArcTo(centre, radius, angle, angle + sweep, segments);
        draw->PathFillConvex(chartColour(static_cast<int>(i)));
        angle += sweep;
    }
    // Thin separators keep neighbouring slices apart on a projector.
    angle = kStartAngle;
    for (std::size_t i = 0; i < values.size() && values.size() > 1; ++i) {
        draw->AddLine(
            centre,
            ImVec2(centre.x + std::cos(angle) * radius, centre.y + std::sin(angle) * radius),
            IM_COL32(20, 20, 20, 255), 1.5f);
        angle += static_cast<float>(std::max(values[i], 0.0) / total) * kTwoPi;
    }
}

void legendSwatch(int index) {
    const float size = ImGui::GetTextLineHeight() * 0.7f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float inset = (ImGui::GetTextLineHeight() - size) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(p.x, p.y + inset), ImVec2(p.x + size, p.y + inset + size), chartColour(index), 2.0f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

}  // namespace friche::ui
