// Dear ImGui on our window: its context, Debian's SDL2 and OpenGL3 backends,
// and the font, for the lifetime of one object. It also decides which events
// are the interface's, so that the camera gets only the rest.
//
//   ImGuiLayer ui(platform, problems);
//   while (...) { if (!ui.processEvent(e)) camera...;  ui.newFrame(); panels...; ui.render(); }
//
// OffscreenImGui draws the same panels into a still, with no window or events:
//   OffscreenImGui ui(1920, 1080, problems);  // a GL context is current
//   target.bind();  ui.draw([&] { panels...; });  target.readRgb();
#pragma once

#include <SDL.h>

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/platform.h"
#include "core/problem.h"

struct ImGuiContext;

namespace friche::app {

// How the interface is sized and what its font must hold.
struct UiLook {
    bool kiosk = false;              // for a screen read from 3 m (ui::kioskUiScale)
    std::optional<float> scale;      // --ui-scale, a kiosk config's: overrides both
    std::vector<std::string> texts;  // scenario files: every glyph they use is in the font
};

class ImGuiLayer {
public:
    ImGuiLayer(Platform& platform, UiLook look, core::Problems& problems);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Hands `event` to ImGui; true when the interface claims it (a press or
    // touch on a panel or while a popup is open, a key while a widget has the keyboard).
    bool processEvent(const SDL_Event& event, glm::vec2 windowSize);
    void newFrame();
    // The display changed (a new resolution, another screen): sizes the
    // interface again when its scale should change. True when it did.
    bool resize();
    // Sets the scale the look's `scale` overrides with, and applies it.
    void setScale(std::optional<float> scale);
    float scale() const { return scale_; }
    // Draws the frame's panels over whatever is in the default framebuffer.
    void render();
    // Another frame is owed before the interface shows what it was told: a
    // window appeared in the last one (a combo's list, a panel), hidden while
    // ImGui measured it, or a press or release waits for a frame of its own.
    bool owesFrame() const;

private:
    // Whether a press at `point` (window points) is the interface's.
    bool claims(glm::vec2 point) const;

    float wantedScale() const;

    // ImGui 1.86 reads keys as "down now": a key pressed and released between
    // two frames (a clicker, xdotool, any key on a slow software-rendered
    // frame) would never be seen pressed. Such a release waits for the next frame.
    std::vector<SDL_Scancode> downSinceFrame_;
    std::vector<SDL_Event> deferredUps_;  // released before the frame that sees them down
    std::vector<SDL_Event> readyUps_;     // seen down by the last frame: released at the next
    void applyScale(float scale);

    Platform& platform_;
    UiLook look_;
    float scale_ = 0.0f;
    // ImGui 1.86 reads the mouse buttons as "down now": a tap shorter than a
    // frame (a finger, xdotool, any tap on a software-rendered 4K frame) is
    // one frame down, and a second tap in the same frame merges with the
    // first. So the pointer's events wait here and reach ImGui in order, one
    // press or release a frame, each where it happened, and none while a
    // window it may land on is still hidden (see owesFrame).
    struct PointerStep {
        std::optional<glm::vec2> at;  // none: the pointer left the window
        int button = -1;              // ImGui's 0 to 2; -1: a move
        bool down = false;
    };
    void feedPointer();
    void take(const PointerStep& step);
    // Whether ImGui hid a window in the last frame to measure it.
    bool measuring() const;
    std::vector<PointerStep> pointerSteps_;
    std::array<bool, 3> buttonsDown_{};
    // The pointer's position as ImGui was last told it; none once it left the window.
    std::optional<glm::vec2> pointer_;
};

// ImGui for a still of `width` x `height` pixels: the viewer's font and style,
// scaled with the still's height so that panels read the same on a 4K still
// as on a 1080p screen. No pointer, no keys, a fixed frame time: the same
// panels give the same pixels.
class OffscreenImGui {
public:
    OffscreenImGui(int width, int height, const UiLook& look, core::Problems& problems);
    ~OffscreenImGui();
    OffscreenImGui(const OffscreenImGui&) = delete;
    OffscreenImGui& operator=(const OffscreenImGui&) = delete;

    // Runs `panels` for a few frames, so that windows sized by their contents
    // settle, and draws the last frame into the bound framebuffer.
    void draw(const std::function<void()>& panels);

private:
    // The viewer's own context, current again once the still is drawn.
    ImGuiContext* previous_ = nullptr;
    ImGuiContext* context_ = nullptr;  // the still's own
};

// The interface's scale for a still `width` x `height` pixels: 1 at 1080 lines,
// or an exhibition screen's (ui::kioskUiScale) for a kiosk's, unless `look`
// sets one.
float stillUiScale(int width, int height, const UiLook& look);

}  // namespace friche::app
