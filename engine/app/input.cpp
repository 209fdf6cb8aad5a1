#include "app/input.h"

namespace friche::app {

namespace {

std::optional<scene::MouseButton> buttonOf(Uint8 sdlButton) {
    switch (sdlButton) {
        case SDL_BUTTON_LEFT:
            return scene::MouseButton::Left;
        case SDL_BUTTON_MIDDLE:
            return scene::MouseButton::Middle;
        case SDL_BUTTON_RIGHT:
            return scene::MouseButton::Right;
        default:
            return std::nullopt;
    }
}

glm::vec2 point(Sint32 x, Sint32 y) {
    return {static_cast<float>(x), static_cast<float>(y)};
}

std::optional<scene::PointerEvent> fromButton(const SDL_MouseButtonEvent& e) {
    const auto button = buttonOf(e.button);
    if (!button || e.which == SDL_TOUCH_MOUSEID) return std::nullopt;
    if (e.type == SDL_MOUSEBUTTONUP) return scene::MouseUp{*button};
    const bool shift = (SDL_GetModState() & KMOD_SHIFT) != 0;
    return scene::MouseDown{*button, point(e.x, e.y), shift, e.clicks};
}

std::optional<scene::PointerEvent> fromWheel(const SDL_MouseWheelEvent& e) {
    if (e.which == SDL_TOUCH_MOUSEID) return std::nullopt;
    const float flip = e.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f;
    int x = 0, y = 0;
    SDL_GetMouseState(&x, &y);
    return scene::MouseWheel{e.preciseY * flip, point(x, y)};
}

std::optional<scene::PointerEvent> fromFinger(const SDL_TouchFingerEvent& e, glm::vec2 windowSize) {
    // A laptop's trackpad also reports fingers, relative to the pad, alongside
    // the wheel and mouse events it already sends: only touch screens are gestures.
    if (SDL_GetTouchDeviceType(e.touchId) != SDL_TOUCH_DEVICE_DIRECT) return std::nullopt;
    // SDL gives a touch screen's finger positions as fractions of the window.
    const glm::vec2 pos = glm::vec2(e.x, e.y) * windowSize;
    switch (e.type) {
        case SDL_FINGERDOWN:
            return scene::FingerDown{e.fingerId, pos, e.timestamp};
        case SDL_FINGERMOTION:
            return scene::FingerMove{e.fingerId, pos};
        default:
            return scene::FingerUp{e.fingerId, e.timestamp};
    }
}

}  // namespace

std::optional<scene::PointerEvent> toPointerEvent(const SDL_Event& event, glm::vec2 windowSize) {
    switch (event.type) {
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            return fromButton(event.button);
        case SDL_MOUSEMOTION:
            if (event.motion.which == SDL_TOUCH_MOUSEID) return std::nullopt;
            return scene::MouseMove{point(event.motion.x, event.motion.y)};
        case SDL_MOUSEWHEEL:
            return fromWheel(event.wheel);
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            return fromFinger(event.tfinger, windowSize);
        default:
            return std::nullopt;
    }
}

KeyAction keyAction(const SDL_Event& event) {
    if (event.type != SDL_KEYDOWN || event.key.repeat) return KeyAction::None;
    const Uint16 mod = event.key.keysym.mod;
    const bool ctrl = (mod & KMOD_CTRL) != 0;
    switch (event.key.keysym.sym) {
        case SDLK_q:
            return ctrl ? KeyAction::Quit : KeyAction::None;
        case SDLK_F3:
            return KeyAction::ToggleStats;
        case SDLK_F11:
            return KeyAction::ToggleFullscreen;
        case SDLK_ESCAPE:
            return KeyAction::LeaveFullscreen;
        case SDLK_f:
            return (mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) == 0 ? KeyAction::FrameAll
                                                                  : KeyAction::None;
        default:
            return KeyAction::None;
    }
}

bool isUserInput(const SDL_Event& event) {
    switch (event.type) {
        case SDL_KEYDOWN:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEMOTION:
        case SDL_MOUSEWHEEL:
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
            return true;
        default:
            return false;
    }
}

}  // namespace friche::app
