// The size of anything a finger must hit, for the panels of a touch screen.
//
//   ImGui::Button("FR", ImVec2(ui::touchTarget(), ui::touchTarget()));
#pragma once

#include <imgui.h>

namespace friche::ui {

// Three times the body text: 51 px at a UI scale of 1 (above Material's and
// Apple's 48 px minimum for a fingertip) and, on an exhibition screen whose
// text is 1/60 of its height, 1/20 of the height.
inline float touchTarget() {
    return ImGui::GetFontSize() * 3.0f;
}

}  // namespace friche::ui
