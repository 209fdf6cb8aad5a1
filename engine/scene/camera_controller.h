// Turns pointer input (mouse, wheel, touch) into OrbitCamera moves. Plain
// event structs in, camera changes out: no SDL, no window, so every gesture is
// tested on the CPU. The app translates its SDL events into these structs.
//
//   CameraController ctl;
//   ctl.setViewport({width, height});          // window size in points
//   if (ctl.handle(MouseWheel{1.0f, cursor}, cam) == ControlResult::FrameAll) cam.frame(...);
//
// Mouse: left drag orbits; right, middle or shift+left drag pans; the wheel
// zooms toward the cursor; a left double-click asks to frame all.
// Touch: one finger orbits, two fingers pinch to zoom and drag to pan, a
// double tap asks to frame all.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <variant>

#include <glm/glm.hpp>

#include "scene/orbit_camera.h"

namespace friche::scene {

enum class MouseButton { Left, Middle, Right };

// Positions are in window points, origin top left, y down.
struct MouseDown {
    MouseButton button = MouseButton::Left;
    glm::vec2 pos{0.0f};
    bool shift = false;
    int clicks = 1;  // 2 for a double-click
};
struct MouseUp {
    MouseButton button = MouseButton::Left;
};
struct MouseMove {
    glm::vec2 pos{0.0f};
};
struct MouseWheel {
    float steps = 0.0f;  // positive: away from the user, which zooms in
    glm::vec2 pos{0.0f};
};
struct FingerDown {
    std::int64_t id = 0;
    glm::vec2 pos{0.0f};
    std::uint32_t timeMs = 0;
};
struct FingerMove {
    std::int64_t id = 0;
    glm::vec2 pos{0.0f};
};
struct FingerUp {
    std::int64_t id = 0;
    std::uint32_t timeMs = 0;
};

using PointerEvent =
    std::variant<MouseDown, MouseUp, MouseMove, MouseWheel, FingerDown, FingerMove, FingerUp>;

// Where the pointer is, for the events that say (not MouseUp, FingerUp).
std::optional<glm::vec2> pointerPosition(const PointerEvent& event);

enum class ControlResult {
    None,      // the event changed nothing
    Moved,     // the camera moved
    FrameAll,  // the user asked to see the whole model: the caller frames its bounds
};

class CameraController {
public:
    // The view the pointer acts on, in window points: the whole window, or one
    // side of a side-by-side compare (the wheel zooms toward the cursor in it).
    void setViewport(glm::vec2 sizeInPoints, glm::vec2 originInPoints = glm::vec2(0.0f)) {
        viewport_ = sizeInPoints;
        origin_ = originInPoints;
    }
    ControlResult handle(const PointerEvent& event, OrbitCamera& camera);
    // Forgets buttons and fingers (the window lost focus, a panel took the pointer).
    void cancel();

private:
    enum class Drag { None, Orbit, Pan };

    ControlResult onMouseDown(const MouseDown& e);
    ControlResult onMouseMove(const MouseMove& e, OrbitCamera& camera);
    ControlResult onFingerDown(const FingerDown& e);
    ControlResult onFingerMove(const FingerMove& e, OrbitCamera& camera);
    ControlResult onFingerUp(const FingerUp& e);
    // `delta` in points.
    void orbitBy(glm::vec2 delta, OrbitCamera& camera) const;
    void panBy(glm::vec2 delta, OrbitCamera& camera) const;
    // After the distance changed from `before`, moves the target so that the
    // point under `pos` stays under it: zooming toward the cursor or the pinch.
    void keepUnder(glm::vec2 pos, float before, OrbitCamera& camera) const;
    float height() const { return viewport_.y > 1.0f ? viewport_.y : 1.0f; }

    glm::vec2 viewport_{1.0f};
    glm::vec2 origin_{0.0f};
    Drag drag_ = Drag::None;
    glm::vec2 lastMouse_{0.0f};
    std::map<std::int64_t, glm::vec2> fingers_;
    // Double tap: a touch that stays one short, still finger may be a tap;
    // two taps close in time ask to frame all.
    struct Tap {
        bool possible = false;
        std::uint32_t startMs = 0;
        glm::vec2 startPos{0.0f};
    };
    Tap tap_;
    std::optional<std::uint32_t> lastTapMs_;
};

}  // namespace friche::scene
