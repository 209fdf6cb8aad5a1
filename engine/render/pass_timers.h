// The GPU's time for each pass of a frame, from timer queries (GL_TIME_ELAPSED,
// OpenGL 3.3 core): what the F3 overlay and `friche render --stats` show, so a
// slow frame says which pass to blame. Queries are read a few frames late, when
// the GPU has answered them, so measuring never stalls the frame.
//
//   timers.begin(Pass::Shadows);  ... draw ...
//   timers.begin(Pass::Surfaces); ... draw ...   // ends the pass before
//   timers.endFrame();
//   const PassTimes& t = timers.latest(false);   // true: wait for the frame just ended
#pragma once

#include <array>
#include <cstddef>

#include "gfx/handle.h"

namespace friche::render {

enum class Pass { Shadows, Depth, Surfaces, Landscape, Sky, Blended, Occlusion, Post };
inline constexpr std::size_t kPassCount = 8;
const char* passName(Pass pass);

struct PassTimes {
    std::array<double, kPassCount> ms{};  // 0 for a pass the frame did not run
    bool measured = false;                // false until a frame's queries came back
    double total() const;
};

class PassTimers {
public:
    // Ends the pass running, if any, and starts timing `pass`.
    void begin(Pass pass);
    // Ends the frame's last pass.
    void endFrame();
    // The newest frame whose queries have come back; `wait`: the frame just
    // ended, waiting for the GPU to finish it.
    const PassTimes& latest(bool wait);

private:
    static constexpr std::size_t kFrames = 3;  // in flight before a result is needed
    struct Frame {
        std::array<gfx::Handle<gfx::detail::deleteQuery>, kPassCount> queries;
        std::array<bool, kPassCount> issued{};
        bool pending = false;
    };
    bool read(Frame& f, bool wait);

    std::array<Frame, kFrames> frames_;
    std::size_t current_ = 0;
    int running_ = -1;  // the pass whose query is open
    PassTimes latest_;
};

}  // namespace friche::render
