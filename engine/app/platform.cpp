#include "app/platform.h"

#include <SDL.h>

#include <cstdlib>
#include <cstring>

#include "gfx/gl.h"

namespace friche::app {

namespace {

// friche handles SIGINT and SIGTERM itself (media::SignalStop); SDL would
// turn them into quit events a render or a kiosk never reads.
void leaveSignalsToUs() {
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
}

bool initVideo(bool headless, core::Problems& problems) {
    leaveSignalsToUs();
    if (headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    // Touch screens: SDL also sends a mouse event for each touch, so the ImGui
    // panel works with a finger; the camera ignores those (app/input.cpp) and
    // reads the finger events themselves.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        problems.error("NO_DISPLAY", "SDL",
                       std::string("cannot initialise video: ") + SDL_GetError());
        return false;
    }
    return true;
}

// FRICHE_GL_DEBUG=1: a debug context, whose driver says what it finds slow
// too (NVIDIA's names each program it recompiles for a state met late).
bool glDebugAsked() {
    const char* asked = std::getenv("FRICHE_GL_DEBUG");
    return asked && std::strcmp(asked, "1") == 0;
}

}  // namespace

// With no DISPLAY or WAYLAND_DISPLAY (or an X server not yet up), SDL quietly
// falls back to its offscreen driver: a window nobody can see.
static bool onVisibleDriver() {
    const char* driver = SDL_GetCurrentVideoDriver();
    return driver && std::strcmp(driver, "offscreen") != 0 && std::strcmp(driver, "dummy") != 0;
}

bool displayAvailable() {
    leaveSignalsToUs();
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return false;
    // Left initialised for the window to come (Platform::open's SDL_Init then
    // adds a reference): under X, SDL 2.26 shut down and started again fell
    // back to its offscreen driver in about one start in four here, or gave
    // a window whose interface font never loaded.
    return onVisibleDriver();
}

std::unique_ptr<Platform> Platform::open(const WindowDesc& desc, core::Problems& problems) {
    if (!initVideo(desc.headless, problems)) return nullptr;
    if (!desc.headless && !onVisibleDriver()) {
        problems.error("NO_DISPLAY", "SDL", "no display: SDL found no screen to open a window on");
        SDL_Quit();
        return nullptr;
    }
    // 4.1 core is the baseline (macOS); drivers hand back their newest compatible version.
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 4);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 1);
    const bool debugGl = glDebugAsked();
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG |
                                                  (debugGl ? SDL_GL_CONTEXT_DEBUG_FLAG : 0));
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_FRAMEBUFFER_SRGB_CAPABLE, 1);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (desc.headless) flags |= SDL_WINDOW_HIDDEN;
    if (desc.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    std::unique_ptr<Platform> p(new Platform());
    p->fullscreen_ = desc.fullscreen;
    p->display_ = desc.display < SDL_GetNumVideoDisplays() ? desc.display : 0;
    SDL_Rect bounds{0, 0, desc.width, desc.height};
    // Fullscreen with no window manager: the window is the display's size
    // from the start, at its corner, so nothing waits on a manager to resize it.
    if (desc.fullscreen) SDL_GetDisplayBounds(p->display_, &bounds);
    p->displayBounds_ = bounds;
    const int at = static_cast<int>(SDL_WINDOWPOS_CENTERED_DISPLAY(p->display_));
    p->window_ = SDL_CreateWindow(desc.title.c_str(), desc.fullscreen ? bounds.x : at,
                                  desc.fullscreen ? bounds.y : at, bounds.w, bounds.h, flags);
    if (!p->window_) {
        problems.error("NO_WINDOW", "SDL", std::string("cannot open a window: ") + SDL_GetError());
        return nullptr;
    }
    p->context_ = SDL_GL_CreateContext(p->window_);
    if (!p->context_) {
        problems.error("NO_GL", "SDL",
                       std::string("cannot create an OpenGL 4.1 core context: ") + SDL_GetError());
        return nullptr;
    }
    p->glVersion_ = gfx::loadGl(SDL_GL_GetProcAddress);
    if (p->glVersion_ < 41) {
        problems.error("NO_GL", "SDL",
                       "OpenGL 4.1 core or newer is needed; this context offers less");
        return nullptr;
    }
#ifdef NDEBUG
    if (debugGl) gfx::enableDebugOutput();
#else
    gfx::enableDebugOutput();  // a debug build prints the driver's errors
#endif
    // Vsync where the display offers it; headless contexts ignore it.
    SDL_GL_SetSwapInterval(1);
    return p;
}

Platform::~Platform() {
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

void Platform::swap() {
    SDL_GL_SwapWindow(window_);
}

void Platform::setFullscreen(bool on) {
    if (SDL_SetWindowFullscreen(window_, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) == 0)
        fullscreen_ = on;
}

void Platform::keepFullscreen() {
    // Once a second is soon enough after a change.
    constexpr Uint32 kCheckMs = 1000;
    if (SDL_GetTicks() - fullscreenChecked_ < kCheckMs) return;
    fullscreenChecked_ = SDL_GetTicks();
    // With no window manager nobody gives the window the keyboard: X keeps
    // its focus on the pointer's root, SDL ignores that, and every key
    // (the operator's too) would be lost. Take it.
    if (SDL_GetKeyboardFocus() != window_) SDL_SetWindowInputFocus(window_);
    SDL_Rect bounds;
    if (SDL_GetDisplayBounds(display_, &bounds) != 0) return;
    // Only a display that changed is fullscreened again: SDL's fullscreen
    // without a window manager warps the pointer, so doing it for nothing
    // would drag a visitor's finger away.
    if (SDL_RectEquals(&bounds, &displayBounds_)) return;
    displayBounds_ = bounds;
    SDL_SetWindowFullscreen(window_, 0);
    SDL_SetWindowPosition(window_, bounds.x, bounds.y);
    SDL_SetWindowSize(window_, bounds.w, bounds.h);
    SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
    fullscreen_ = true;
}

void Platform::drawableSize(int& w, int& h) const {
    SDL_GL_GetDrawableSize(window_, &w, &h);
}

float Platform::pixelRatio() const {
    int ww = 0, wh = 0, dw = 0, dh = 0;
    SDL_GetWindowSize(window_, &ww, &wh);
    SDL_GL_GetDrawableSize(window_, &dw, &dh);
    return ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
}

}  // namespace friche::app
