#include "render/pass_timers.h"

#include <numeric>

namespace friche::render {

const char* passName(Pass pass) {
    static constexpr const char* kNames[kPassCount] = {"shadows",   "depth", "surfaces",
                                                       "landscape", "sky",   "blended",
                                                       "occlusion", "bloom", "post"};
    return kNames[static_cast<std::size_t>(pass)];
}

double PassTimes::total() const {
    return std::accumulate(ms.begin(), ms.end(), 0.0);
}

void PassTimers::begin(Pass pass) {
    Frame& f = frames_[current_];
    if (running_ >= 0) glEndQuery(GL_TIME_ELAPSED);
    const auto i = static_cast<std::size_t>(pass);
    if (!f.queries[i]) {
        GLuint id = 0;
        glGenQueries(1, &id);
        f.queries[i] = gfx::Handle<gfx::detail::deleteQuery>(id);
    }
    // A pass run twice in a frame (never, today) keeps its last run.
    glBeginQuery(GL_TIME_ELAPSED, f.queries[i].id());
    f.issued[i] = true;
    running_ = static_cast<int>(i);
}

void PassTimers::endFrame() {
    if (running_ >= 0) glEndQuery(GL_TIME_ELAPSED);
    running_ = -1;
    frames_[current_].pending = true;
    frames_[current_].number = ++ended_;
    current_ = (current_ + 1) % kFrames;
    // The frame about to be reused must give its answer first (or lose it).
    Frame& next = frames_[current_];
    if (next.pending) read(next, true);
}

bool PassTimers::read(Frame& f, bool wait) {
    for (std::size_t i = 0; i < kPassCount; ++i) {
        if (!f.issued[i] || wait) continue;
        GLuint available = 0;
        glGetQueryObjectuiv(f.queries[i].id(), GL_QUERY_RESULT_AVAILABLE, &available);
        if (!available) return false;
    }
    PassTimes t;
    for (std::size_t i = 0; i < kPassCount; ++i) {
        if (!f.issued[i]) continue;
        GLuint64 ns = 0;
        glGetQueryObjectui64v(f.queries[i].id(), GL_QUERY_RESULT, &ns);
        t.ms[i] = static_cast<double>(ns) * 1e-6;
    }
    t.measured = true;
    t.frame = f.number;
    latest_ = t;
    f.issued = {};
    f.pending = false;
    return true;
}

const PassTimes& PassTimers::latest(bool wait) {
    if (wait) {
        // Once read, a frame's queries are spent: asked again, the times stand.
        Frame& last = frames_[(current_ + kFrames - 1) % kFrames];
        if (last.pending) read(last, true);
        return latest_;
    }
    // Oldest first, so the newest answered frame is the one kept.
    for (std::size_t k = 1; k <= kFrames; ++k) {
        Frame& f = frames_[(current_ + k) % kFrames];
        if (f.pending && !read(f, false)) break;
    }
    return latest_;
}

}  // namespace friche::render
