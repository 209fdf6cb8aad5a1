// A key press through ImGui 1.86's key indices (the backend maps SDL's keys).
//
//   if (ui::keyPressed(ImGuiKey_PageDown)) timeline.next();
#pragma once

#include <imgui.h>

namespace friche::ui {

inline bool keyPressed(ImGuiKey key, bool repeat = true) {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}

}  // namespace friche::ui
