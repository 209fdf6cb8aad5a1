// What a kiosk lets through. Visitors scrub, step, pick, orbit and zoom; they
// cannot quit, leave fullscreen, type into panels or reach the operator's
// tools. The operator gets in with a PIN, asked for after a long press in the
// top right corner or the key chord Ctrl+Alt+P.
//
//   KioskInput guard;
//   on each event:  switch (guard.filter(e, windowSize, access)) { case KioskVerdict::Pass: ... }
//   each frame:     if (guard.longPressDue(SDL_GetTicks())) askForPin();
#pragma once

#include <optional>

#include <SDL.h>

#include <glm/glm.hpp>

namespace friche::app {

// Who is at the screen.
enum class KioskAccess {
    Visitor,
    PinPad,    // the PIN pad is open: digits, Backspace, Enter and Esc reach it
    Operator,  // the PIN was right: keys reach the panels, Ctrl+Q quits
};

enum class KioskVerdict {
    Pass,     // the viewer handles it as usual
    Swallow,  // nobody sees it
    AskPin,   // the operator's key chord: show the PIN pad
};

// How long a press must stay in the corner (ui::kOperatorCorner).
inline constexpr Uint32 kLongPressMs = 2500;

class KioskInput {
public:
    // Quit requests and a window close are swallowed whoever is there: the
    // operator panel's Exit (or Ctrl+Q once unlocked) is the way out.
    KioskVerdict filter(const SDL_Event& event, glm::vec2 windowSize, KioskAccess access);
    // True once when a press held in the corner has lasted kLongPressMs at `nowMs` (SDL_GetTicks).
    bool longPressDue(Uint32 nowMs);
    // Whether a press is being held in the corner (the caller keeps drawing frames).
    bool pressing() const { return pressStart_.has_value(); }

private:
    void track(const SDL_Event& event, glm::vec2 windowSize);

    std::optional<Uint32> pressStart_;
    bool releasedLong_ = false;  // a long press ended before a frame could see it held
    glm::vec2 pressAt_{0.0f};
};

// Whether `point` (window points) is in the operator's corner.
bool inOperatorCorner(glm::vec2 point, glm::vec2 windowSize);

}  // namespace friche::app
