// The size of anything a finger must hit, for the panels of a touch screen.
//
//   ImGui::Button("FR", ImVec2(ui::touchTarget(), ui::touchTarget()));
#pragma once

#include <imgui.h>

namespace friche::ui {

// 48 px at a UI scale of 1 (Material's and Apple's minimum for a fingertip),
// growing with the font, which style.cpp sizes at 17 px times the UI scale.
inline float touchTarget() {
    return ImGui::GetFontSize() * (48.0f / 17.0f);
}

}  // namespace friche::ui
