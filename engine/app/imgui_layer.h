// Dear ImGui on our window: its context, Debian's SDL2 and OpenGL3 backends,
// and the font, for the lifetime of one object. It also decides which events
// are the interface's, so that the camera gets only the rest.
//
//   ImGuiLayer ui(platform, problems);
//   while (...) { if (!ui.processEvent(e)) camera...;  ui.newFrame(); panels...; ui.render(); }
#pragma once

#include <SDL.h>

#include <glm/glm.hpp>

#include "app/platform.h"
#include "core/problem.h"

namespace friche::app {

class ImGuiLayer {
public:
    ImGuiLayer(Platform& platform, core::Problems& problems);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Hands `event` to ImGui; true when the interface claims it (a press or
    // touch on a panel or while a popup is open, a key while a widget has the keyboard).
    bool processEvent(const SDL_Event& event, glm::vec2 windowSize);
    void newFrame();
    // Draws the frame's panels over whatever is in the default framebuffer.
    void render();

private:
    // Whether a press at `point` (window points) is the interface's.
    bool claims(glm::vec2 point) const;

    glm::vec2 lastMotion_{0.0f};  // the pointer's last position from SDL's motion events
};

}  // namespace friche::app
