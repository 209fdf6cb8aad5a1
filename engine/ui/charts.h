// Small charts drawn with ImGui's draw lists, in the current window at the
// cursor, for the phase card's figures.
//
//   std::vector<float> shares = {50, 40, 10};
//   ui::pieChart(shares, radius);              // reserves a 2r x 2r square
//   ImGui::ColorButton(..., ui::chartColour(i)) // the legend uses the same colours
#pragma once

#include <span>

#include <imgui.h>

namespace friche::ui {

// The i-th slice's colour; distinct for the first eight, then repeating.
ImU32 chartColour(int index);

// A pie of `values` (any non-negative numbers; drawn as fractions of their sum).
void pieChart(std::span<const double> values, float radius);

// A small square of the i-th colour, on the text line, for a legend entry.
void legendSwatch(int index);

}  // namespace friche::ui
