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
#include <cstdint>

#include "gfx/handle.h"

namespace friche::render {

enum class Pass { Shadows, Depth, Surfaces, Landscape, Sky, Blended, Occlusion, Bloom, Post };
inline constexpr std::size_t kPassCount = 9;
const char* passName(Pass pass);

struct PassTimes {
    std::array<double, kPassCount> ms{};  // 0 for a pass the frame did not run
    bool measured = false;                // false until a frame's queries came back
    std::uint64_t frame = 0;              // which frame they measured: 1, the first ended
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
    // How many frames have ended.
    std::uint64_t ended() const { return ended_; }

private:
    static constexpr std::size_t kFrames = 3;  // in flight before a result is needed
    struct Frame {
        std::array<gfx::Handle<gfx::detail::deleteQuery>, kPassCount> queries;
        std::array<bool, kPassCount> issued{};
        bool pending = false;
        std::uint64_t number = 0;
    };
    bool read(Frame& f, bool wait);

    std::array<Frame, kFrames> frames_;
    std::size_t current_ = 0;
    int running_ = -1;  // the pass whose query is open
    std::uint64_t ended_ = 0;
    PassTimes latest_;
};

}  // namespace friche::render
