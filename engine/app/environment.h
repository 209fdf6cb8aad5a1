// Every FRICHE_* variable the commands read, read in one place, once. They
// change how frames are lit and what the viewer does when left alone, for
// tests and for people comparing looks; the command line stays as BRIEF.md
// fixes it.
//
//   FRICHE_ENV=clear|overcast|white   the sky; white is a uniform environment of
//                                     radiance 1 with no sun and no ground (the
//                                     white-furnace test)
//   FRICHE_TONEMAP=neutral|aces       Khronos PBR Neutral (default) or ACES
//   FRICHE_SUN=YYYY-MM-DDTHH:MM       the date and the site's clock time (a
//                                     bare model's site is Liège)
//   FRICHE_DEBUG_VIEW=basecolor|normals|metalrough|occlusion|cascades|wireframe
//   FRICHE_ORBIT=YAW,PITCH            a model's orbit camera angles in degrees
//                                     (0,0 looks straight down -Z), for oracle tests
//   FRICHE_IDLE_SECONDS=S             the viewer's exhibition idle time (0 never)
//   FRICHE_DEFAULT_SCENARIO=PATH      what `friche` opens with no PATH
//   FRICHE_SHADER_DIR=FOLDER          shaders from a folder, reloaded live (read by
//                                     render/shader_library.h, which embeds them otherwise)
//   FRICHE_GL_DEBUG=1                 a debug OpenGL context, the driver's
//                                     warnings printed (read by app/platform.h)
//   FRICHE_SNAPSHOT=OUT.png           the viewer draws its first frame, saves
//                                     the 3D view (without the panels) and
//                                     quits; it needs no display (a health
//                                     check of a kiosk PC, a bug report)
//   FRICHE_MAX_TILE=WxH               stills larger than this are drawn in
//                                     tiles (render/tiles.h); tests force
//                                     tiling with it (default: what the GPU allows)
//   FRICHE_FRAME_BUDGET_MS=MS          the frame time the viewer holds while the
//                                     view moves or lives at rest
//                                     (render/quality.h; default 16.7, 60 Hz);
//                                     0: always full quality
//   FRICHE_MEMORY_LIMIT_MIB=N         the memory a model may take (core::capMemory,
//                                     applied as it is read): an operator's cap
//                                     below what the machine has
//   FRICHE_IMPORT_MEMORY_MIB=N        what Assimp's child process may allocate,
//   FRICHE_IMPORT_SECONDS=S           and how long it may take (read by
//                                     io/import_child.h; default: 4 GiB or half
//                                     the memory, 60 s); the tests make them small
//   FRICHE_HUGE_PAGES=0               malloc's large blocks in 4 KiB pages, not
//                                     huge ones (read by app/huge_pages.h, as
//                                     the process starts)
//
//   auto env = app::readEnvironment("friche render");   // nullopt: said which variable, why
//   render::ViewParams v = env->look;          // lighting and debug view
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "render/renderer.h"

namespace friche::app {

// 60 Hz: FRICHE_FRAME_BUDGET_MS's default.
inline constexpr double kDefaultFrameBudgetMs = 1000.0 / 60.0;

struct Environment {
    render::ViewParams look;                // its lighting and debug view only
    std::optional<glm::vec2> orbitDegrees;  // yaw, pitch
    double idleSeconds = 180.0;             // nobody there for 3 minutes
    std::optional<std::filesystem::path> defaultScenario;
    std::optional<std::filesystem::path> snapshot;
    glm::ivec2 maxTile{0, 0};                      // 0: what the context allows
    double frameBudgetMs = kDefaultFrameBudgetMs;  // 0: no quality tiers
};

// nullopt when a variable is set to something it cannot be; `error` says which and why.
std::optional<Environment> readEnvironment(std::string& error);
// The same, printing the error after `command` ("friche render: FRICHE_SUN=...").
std::optional<Environment> readEnvironment(const char* command);

// Where friche keeps what it can make again (the baked sky, render/environment.h):
// $XDG_CACHE_HOME/friche, else ~/.cache/friche; empty with neither variable.
std::filesystem::path cacheFolder();

}  // namespace friche::app
