// A key pressed and released on the viewer's window, as SDL delivers it: for
// the tests that run the viewer's own loop (tests/kiosk).
#pragma once

#include <SDL.h>

#include <array>

namespace friche::test {

// The window those tests open where what they check does not hang on its size
// (ViewerHooks::windowSize): a quarter of the default's pixels, drawn sooner.
inline constexpr std::array<int, 2> kSmallWindow{800, 450};

inline void pushKey(SDL_Keycode sym, Uint16 mod = KMOD_NONE) {
    for (Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
        SDL_Event e{};
        e.type = type;
        e.key.type = type;
        e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.sym = sym;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
        e.key.keysym.mod = mod;
        e.key.windowID = SDL_GetWindowID(SDL_GL_GetCurrentWindow());
        SDL_PushEvent(&e);
    }
}

}  // namespace friche::test
