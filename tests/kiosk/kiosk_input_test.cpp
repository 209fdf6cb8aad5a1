// What a kiosk lets through, event by event: visitors cannot quit, leave
// fullscreen or type; the operator gets the PIN pad by a key chord or a long
// press in the top right corner.
#include <gtest/gtest.h>

#include <SDL.h>

#include "app/kiosk_input.h"

namespace {

using friche::app::KioskAccess;
using friche::app::KioskInput;
using friche::app::KioskVerdict;

const glm::vec2 kWindow(3840.0f, 2160.0f);

SDL_Event key(SDL_Keycode sym, Uint16 mod = KMOD_NONE, Uint32 type = SDL_KEYDOWN) {
    SDL_Event e{};
    e.type = type;
    e.key.type = type;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    return e;
}

SDL_Event ofType(Uint32 type) {
    SDL_Event e{};
    e.type = type;
    return e;
}

SDL_Event windowEvent(Uint8 what) {
    SDL_Event e = ofType(SDL_WINDOWEVENT);
    e.window.event = what;
    return e;
}

SDL_Event button(Uint32 type, int x, int y, Uint32 time) {
    SDL_Event e{};
    e.type = type;
    e.button.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    e.button.timestamp = time;
    return e;
}

SDL_Event motion(int x, int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    return e;
}

KioskVerdict verdict(const SDL_Event& e, KioskAccess access = KioskAccess::Visitor) {
    KioskInput input;
    return input.filter(e, kWindow, access);
}

TEST(KioskInput, NothingAVisitorPressesQuitsOrLeavesFullscreen) {
    for (const SDL_Event& e :
         {key(SDLK_ESCAPE), key(SDLK_F4, KMOD_LALT), key(SDLK_q, KMOD_LCTRL), key(SDLK_F11),
          key(SDLK_w, KMOD_LCTRL), key(SDLK_F5), key(SDLK_f), ofType(SDL_TEXTINPUT)})
        EXPECT_EQ(verdict(e), KioskVerdict::Swallow) << e.key.keysym.sym;
}

TEST(KioskInput, QuitRequestsAndWindowClosesAreSwallowedWhoeverIsThere) {
    for (KioskAccess access : {KioskAccess::Visitor, KioskAccess::PinPad, KioskAccess::Operator}) {
        EXPECT_EQ(verdict(ofType(SDL_QUIT), access), KioskVerdict::Swallow);
        EXPECT_EQ(verdict(windowEvent(SDL_WINDOWEVENT_CLOSE), access), KioskVerdict::Swallow);
        EXPECT_EQ(verdict(ofType(SDL_DROPFILE), access), KioskVerdict::Swallow);
    }
    EXPECT_EQ(verdict(windowEvent(SDL_WINDOWEVENT_SIZE_CHANGED)), KioskVerdict::Pass);
}

TEST(KioskInput, ClickerAndTimelineKeysReachTheVisitor) {
    for (SDL_Keycode k :
         {SDLK_PAGEDOWN, SDLK_PAGEUP, SDLK_LEFT, SDLK_RIGHT, SDLK_SPACE, SDLK_HOME, SDLK_END})
        EXPECT_EQ(verdict(key(k)), KioskVerdict::Pass) << k;
    EXPECT_EQ(verdict(key(SDLK_RIGHT, KMOD_LALT)), KioskVerdict::Swallow);
}

TEST(KioskInput, TheOperatorChordAsksForThePin) {
    EXPECT_EQ(verdict(key(SDLK_p, KMOD_LCTRL | KMOD_LALT)), KioskVerdict::AskPin);
    EXPECT_EQ(verdict(key(SDLK_p, KMOD_LCTRL)), KioskVerdict::Swallow);
    EXPECT_EQ(verdict(key(SDLK_p, KMOD_LCTRL | KMOD_LALT), KioskAccess::Operator),
              KioskVerdict::Swallow);
}

TEST(KioskInput, ThePinPadHearsDigitsEnterBackspaceAndEscOnly) {
    for (SDL_Keycode k : {SDLK_0, SDLK_7, SDLK_KP_5, SDLK_BACKSPACE, SDLK_RETURN, SDLK_ESCAPE})
        EXPECT_EQ(verdict(key(k), KioskAccess::PinPad), KioskVerdict::Pass) << k;
    EXPECT_EQ(verdict(ofType(SDL_TEXTINPUT), KioskAccess::PinPad), KioskVerdict::Pass);
    EXPECT_EQ(verdict(key(SDLK_q, KMOD_LCTRL), KioskAccess::PinPad), KioskVerdict::Swallow);
    EXPECT_EQ(verdict(key(SDLK_a), KioskAccess::PinPad), KioskVerdict::Swallow);
}

TEST(KioskInput, TheOperatorHasTheKeyboard) {
    EXPECT_EQ(verdict(key(SDLK_q, KMOD_LCTRL), KioskAccess::Operator), KioskVerdict::Pass);
    EXPECT_EQ(verdict(key(SDLK_a), KioskAccess::Operator), KioskVerdict::Pass);
    EXPECT_EQ(verdict(ofType(SDL_TEXTINPUT), KioskAccess::Operator), KioskVerdict::Pass);
}

TEST(KioskInput, ALongPressInTheTopRightCornerAsksForThePin) {
    KioskInput input;
    const Uint32 t0 = 10000;
    // In the corner (1/12 of the height, 180 px at 2160): swallowed, not a camera drag.
    EXPECT_EQ(
        input.filter(button(SDL_MOUSEBUTTONDOWN, 3800, 60, t0), kWindow, KioskAccess::Visitor),
        KioskVerdict::Swallow);
    EXPECT_TRUE(input.pressing());
    EXPECT_FALSE(input.longPressDue(t0 + 2000));
    EXPECT_TRUE(input.longPressDue(t0 + 2600));
    EXPECT_FALSE(input.longPressDue(t0 + 3000));  // once
}

TEST(KioskInput, ALongPressIsSeenAtItsReleaseWhenNoFrameSawItHeld) {
    KioskInput input;
    input.filter(button(SDL_MOUSEBUTTONDOWN, 3700, 100, 1000), kWindow, KioskAccess::Visitor);
    input.filter(button(SDL_MOUSEBUTTONUP, 3700, 100, 4000), kWindow, KioskAccess::Visitor);
    EXPECT_TRUE(input.longPressDue(4100));
    EXPECT_FALSE(input.longPressDue(4200));
}

TEST(KioskInput, ShortPressesDragsAndOtherPlacesAreNotLongPresses) {
    KioskInput input;
    // Short.
    input.filter(button(SDL_MOUSEBUTTONDOWN, 3800, 60, 0), kWindow, KioskAccess::Visitor);
    input.filter(button(SDL_MOUSEBUTTONUP, 3800, 60, 500), kWindow, KioskAccess::Visitor);
    EXPECT_FALSE(input.longPressDue(5000));
    // Dragged out of the corner: an orbit.
    input.filter(button(SDL_MOUSEBUTTONDOWN, 3800, 60, 6000), kWindow, KioskAccess::Visitor);
    input.filter(motion(3000, 800), kWindow, KioskAccess::Visitor);
    EXPECT_FALSE(input.longPressDue(9000));
    // Elsewhere on the screen: the camera's, passed on.
    EXPECT_EQ(
        input.filter(button(SDL_MOUSEBUTTONDOWN, 1900, 1000, 10000), kWindow, KioskAccess::Visitor),
        KioskVerdict::Pass);
    EXPECT_FALSE(input.longPressDue(14000));
}

}  // namespace
