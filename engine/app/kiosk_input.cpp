#include "app/kiosk_input.h"

#include <utility>

#include "ui/kiosk_panels.h"

namespace friche::app {

namespace {

// The keys a presentation clicker or a visitor's keyboard may use: the
// timeline's steps (ui/timeline_panel.cpp).
bool visitorKey(SDL_Keycode key) {
    switch (key) {
        case SDLK_PAGEUP:
        case SDLK_PAGEDOWN:
        case SDLK_LEFT:
        case SDLK_RIGHT:
        case SDLK_SPACE:
        case SDLK_HOME:
        case SDLK_END:
            return true;
        default:
            return false;
    }
}

// What the PIN pad reads from a keyboard.
bool pinKey(SDL_Keycode key) {
    return (key >= SDLK_0 && key <= SDLK_9) || (key >= SDLK_KP_1 && key <= SDLK_KP_0) ||
           key == SDLK_BACKSPACE || key == SDLK_RETURN || key == SDLK_KP_ENTER ||
           key == SDLK_ESCAPE;
}

bool operatorChord(const SDL_KeyboardEvent& key) {
    const Uint16 mod = key.keysym.mod;
    return key.type == SDL_KEYDOWN && key.keysym.sym == SDLK_p && (mod & KMOD_CTRL) &&
           (mod & KMOD_ALT);
}

bool isQuitKey(const SDL_KeyboardEvent& key) {
    return key.keysym.sym == SDLK_q && (key.keysym.mod & KMOD_CTRL);
}

}  // namespace

bool inOperatorCorner(glm::vec2 point, glm::vec2 windowSize) {
    const float side = windowSize.y * ui::kOperatorCorner;
    return point.x >= windowSize.x - side && point.y <= side;
}

void KioskInput::track(const SDL_Event& e, glm::vec2 windowSize) {
    const auto start = [&](glm::vec2 at, Uint32 time) {
        if (inOperatorCorner(at, windowSize)) {
            pressStart_ = time;
            pressAt_ = at;
        }
    };
    const auto moved = [&](glm::vec2 at) {
        // A drag out of the corner is a gesture, not a long press.
        if (pressStart_ && !inOperatorCorner(at, windowSize)) pressStart_.reset();
    };
    switch (e.type) {
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which != SDL_TOUCH_MOUSEID)
                start(glm::vec2(e.button.x, e.button.y), e.button.timestamp);
            break;
        case SDL_FINGERDOWN:
            start(glm::vec2(e.tfinger.x, e.tfinger.y) * windowSize, e.tfinger.timestamp);
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which != SDL_TOUCH_MOUSEID) moved(glm::vec2(e.motion.x, e.motion.y));
            break;
        case SDL_FINGERMOTION:
            moved(glm::vec2(e.tfinger.x, e.tfinger.y) * windowSize);
            break;
        case SDL_MOUSEBUTTONUP:
        case SDL_FINGERUP:
            // A frame can take longer than the press (a software renderer
            // at 4K): the release's own time says how long it was held.
            if (pressStart_ && e.common.timestamp - *pressStart_ >= kLongPressMs)
                releasedLong_ = true;
            pressStart_.reset();
            break;
        default:
            break;
    }
}

KioskVerdict KioskInput::filter(const SDL_Event& e, glm::vec2 windowSize, KioskAccess access) {
    const bool unlocked = access == KioskAccess::Operator;
    track(e, windowSize);
    // A press in the operator's corner is for the PIN pad, not the camera.
    if (pressing() && (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN))
        return KioskVerdict::Swallow;
    switch (e.type) {
        case SDL_QUIT:
        case SDL_APP_TERMINATING:
            return KioskVerdict::Swallow;
        case SDL_WINDOWEVENT:
            return e.window.event == SDL_WINDOWEVENT_CLOSE ? KioskVerdict::Swallow
                                                           : KioskVerdict::Pass;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            if (operatorChord(e.key))
                return unlocked ? KioskVerdict::Swallow : KioskVerdict::AskPin;
            if (unlocked) return KioskVerdict::Pass;
            if (access == KioskAccess::PinPad)
                return pinKey(e.key.keysym.sym) ? KioskVerdict::Pass : KioskVerdict::Swallow;
            // Ctrl+Q, Esc, F11, Alt+F4 and the rest: nothing a visitor should reach.
            if (isQuitKey(e.key)) return KioskVerdict::Swallow;
            return visitorKey(e.key.keysym.sym) && !(e.key.keysym.mod & (KMOD_CTRL | KMOD_ALT))
                       ? KioskVerdict::Pass
                       : KioskVerdict::Swallow;
        case SDL_TEXTINPUT:
        case SDL_TEXTEDITING:
            return access != KioskAccess::Visitor ? KioskVerdict::Pass : KioskVerdict::Swallow;
        case SDL_DROPFILE:
        case SDL_DROPTEXT:
        case SDL_DROPBEGIN:
        case SDL_DROPCOMPLETE:
            return KioskVerdict::Swallow;
        default:
            return KioskVerdict::Pass;
    }
}

bool KioskInput::longPressDue(Uint32 nowMs) {
    if (std::exchange(releasedLong_, false)) return true;
    if (!pressStart_ || nowMs - *pressStart_ < kLongPressMs) return false;
    pressStart_.reset();
    return true;
}

}  // namespace friche::app
