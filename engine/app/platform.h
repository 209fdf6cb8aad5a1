// The window and its OpenGL context, through SDL2. One object owns both.
//
//   auto win = Platform::open({.title = "friche", .headless = false}, problems);
//   while (running) { ... SDL_PollEvent ...; draw; win->swap(); }
//
// Headless (stills and tests) uses SDL's offscreen video driver, which gives a
// GL context through EGL with no display at all (Mesa llvmpipe here).
#pragma once

#include <SDL_rect.h>

#include <memory>
#include <string>

#include "core/problem.h"

struct SDL_Window;

namespace friche::app {

struct WindowDesc {
    std::string title = "friche";
    int width = 1600;
    int height = 900;
    bool headless = false;    // offscreen driver, hidden window
    bool fullscreen = false;  // desktop fullscreen
    int display = 0;          // the screen to open on (SDL's display index)
};

class Platform {
public:
    // nullptr with a problem naming what failed (no display, no GL 4.1, ...).
    static std::unique_ptr<Platform> open(const WindowDesc& desc, core::Problems& problems);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    SDL_Window* window() const { return window_; }
    void* glContext() const { return context_; }
    void swap();
    void setFullscreen(bool on);
    // A kiosk's window covers its whole display, whatever happened since: a
    // new resolution, a screen plugged in again, no window manager to resize
    // it; and it has the keyboard. Cheap to call every turn of the loop: it
    // looks once a second and acts only when the display changed.
    void keepFullscreen();
    bool fullscreen() const { return fullscreen_; }
    // Drawable size in pixels (HiDPI: may exceed the window size in points).
    void drawableSize(int& w, int& h) const;
    // Pixels per point: the factor between drawable and window size.
    float pixelRatio() const;
    int glVersion() const { return glVersion_; }

private:
    Platform() = default;
    SDL_Window* window_ = nullptr;
    void* context_ = nullptr;
    int glVersion_ = 0;
    bool fullscreen_ = false;
    int display_ = 0;
    unsigned fullscreenChecked_ = 0;      // SDL_GetTicks() at keepFullscreen's last look
    SDL_Rect displayBounds_{0, 0, 0, 0};  // the display's when last made fullscreen
};

// Whether a display can be opened: SDL has a video driver that is not offscreen or dummy.
bool displayAvailable();

}  // namespace friche::app
