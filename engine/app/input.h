// SDL events translated for the viewer: pointer events become the camera
// controller's plain structs (scene/camera_controller.h, where the gestures
// are and are tested), keys become viewer actions.
//
//   if (auto p = toPointerEvent(event, windowSizeInPoints)) controller.handle(*p, camera);
//   switch (keyAction(event)) { case KeyAction::ToggleFullscreen: ... }
#pragma once

#include <optional>

#include <SDL.h>

#include "scene/camera_controller.h"

namespace friche::app {

// Mouse, wheel and finger events, in window points; nullopt for anything else,
// and for the mouse events SDL synthesises from touches (the fingers already
// reach the controller as themselves).
std::optional<scene::PointerEvent> toPointerEvent(const SDL_Event& event, glm::vec2 windowSize);

enum class KeyAction {
    None,
    Quit,  // Ctrl+Q: exhibitions have no on-screen way out, only the operator's keyboard
    ToggleFullscreen,  // F11
    LeaveFullscreen,   // Esc never quits: a visitor pressing it must not end the show
    FrameAll,          // F
    ToggleStats,       // F3: what a frame costs, over the view (ui/frame_stats_panel.h)
};

KeyAction keyAction(const SDL_Event& event);

// A key, button, wheel, finger or mouse move: someone is at the screen.
bool isUserInput(const SDL_Event& event);

}  // namespace friche::app
