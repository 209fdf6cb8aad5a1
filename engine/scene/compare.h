// Compare mode's geometry and gestures, without a window: where the swipe
// divider is, whether a pointer grabbed it and which pixels each phase gets.
//
//   scene::Compare c{.mode = CompareMode::Swipe, .phaseA = 0, .phaseB = 3};
//   if (divider.handle(event, c, windowSize, touchTarget)) return;  // else: the camera's
//   auto [a, b] = compareViewports(c, w, h);   // pixels, origin bottom left (GL)
#pragma once

#include <optional>

#include <glm/glm.hpp>

#include "scene/camera_controller.h"

namespace friche::scene {

enum class CompareMode { Off, Swipe, Side };

struct Compare {
    CompareMode mode = CompareMode::Off;
    int phaseA = 0;
    int phaseB = 0;
    int variantA = -1;  // a variant of phaseA (Phase::variants), -1: the phase as planned
    int variantB = -1;
    float split = 0.5f;  // swipe: the divider, as a fraction of the width from the left

    bool operator==(const Compare&) const = default;
};

// How far the divider keeps from the window's edges, so it can always be grabbed back.
inline constexpr float kMinSplit = 0.02f;

// The divider's fraction for a pointer at `x` in a window `width` wide.
float splitAt(float x, float width);

// Whether `pos` (window points) is within `hitWidth` of the divider, centred on it.
bool onDivider(glm::vec2 pos, const Compare& compare, glm::vec2 windowSize, float hitWidth);

// A pixel rectangle: x, y, width, height.
struct CompareViewports {
    glm::ivec4 a{0};
    glm::ivec4 b{0};
};

// Swipe: A left of the divider, B right of it, each a part of one full-width
// view (render::ViewParams::scissor). Side: A the left half, B the right half,
// each a view of its own (an odd pixel goes to A: the seam rounds half up).
CompareViewports compareViewports(const Compare& compare, int width, int height);

// The part of the window, in points ({x, y} origin top left, {width, height}),
// whose view a pointer at `pos` moves: in side by side the half it is over
// (both halves share one camera, each with its own centre), else the window.
struct PointerArea {
    glm::vec2 origin{0.0f};
    glm::vec2 size{0.0f};
};
PointerArea pointerArea(const Compare& compare, glm::vec2 pos, glm::vec2 windowSize);

// Dragging the swipe divider with the mouse or a finger. Events it takes are
// not for the camera.
class DividerDrag {
public:
    // True when the event moved, grabbed or released the divider.
    bool handle(const PointerEvent& event, Compare& compare, glm::vec2 windowSize, float hitWidth);
    bool active() const { return grabbed_.has_value(); }

private:
    // The finger holding the divider; -1 for the mouse.
    std::optional<std::int64_t> grabbed_;
};

}  // namespace friche::scene
