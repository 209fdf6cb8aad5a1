// A visitor's taps and drags on the viewer's window, as SDL delivers them, and
// where the kiosk's site picker lies as ImGui laid it out in the last frame:
// for the tests that run the viewer's own loop (tests/kiosk).
#pragma once

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <glm/vec2.hpp>

#include "ui/touch.h"

namespace friche::test {

inline void pushButton(Uint32 type, int x, int y) {
    SDL_Event e{};
    e.type = type;
    e.button.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    e.button.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    SDL_PushEvent(&e);
}

inline void pushMotion(int x, int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    e.motion.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
    SDL_PushEvent(&e);
}

// A press and its release, both before the next frame.
inline void tap(glm::vec2 at) {
    pushButton(SDL_MOUSEBUTTONDOWN, static_cast<int>(at.x), static_cast<int>(at.y));
    pushButton(SDL_MOUSEBUTTONUP, static_cast<int>(at.x), static_cast<int>(at.y));
}

// The site picker at the top of the site panel.
inline glm::vec2 sitePicker() {
    const ImGuiWindow* panel = ImGui::FindWindowByName("Site");
    if (!panel) return glm::vec2(-1.0f);
    return {panel->Pos.x + panel->Size.x * 0.5f,
            panel->Pos.y + ImGui::GetStyle().WindowPadding.y + ImGui::GetFrameHeight() * 0.5f};
}

// The picker's open list as the last frame showed it; null when it did not.
inline const ImGuiWindow* sitePickerList() {
    const ImGuiWindow* list = ImGui::FindWindowByName("##Combo_00");
    return list && list->Active && !list->Hidden ? list : nullptr;
}

// Row `row` of the picker's list (its rows are touch targets): where the
// last frame showed it, or where it opens, right under the picker.
inline glm::vec2 sitePickerRow(int row) {
    const ImGuiWindow* panel = ImGui::FindWindowByName("Site");
    if (!panel) return glm::vec2(-1.0f);
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiWindow* list = sitePickerList();
    const float top =
        list ? list->Pos.y : panel->Pos.y + style.WindowPadding.y + ImGui::GetFrameHeight();
    const float pitch = ui::touchTarget() + style.ItemSpacing.y;
    // The list is as wide as the picker.
    return {sitePicker().x, top + style.WindowPadding.y + pitch * static_cast<float>(row) +
                                ui::touchTarget() * 0.5f};
}

}  // namespace friche::test
