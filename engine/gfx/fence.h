// A GL fence: a marker in the command stream that the CPU can wait for, so it
// reads what the GPU writes (a read-back into a pixel-pack buffer) only once it
// is written, and without stalling when it long has been.
//
//   glReadPixels(...);                  // into a bound GL_PIXEL_PACK_BUFFER
//   auto fence = gfx::Fence::insert();
//   ... other work ...
//   fence.wait();                       // then map the buffer
#pragma once

#include <utility>

#include "gfx/gl.h"

namespace friche::gfx {

class Fence {
public:
    Fence() = default;  // empty: wait() returns at once
    // A fence after every command issued so far.
    static Fence insert();
    ~Fence() { reset(); }
    Fence(const Fence&) = delete;
    Fence& operator=(const Fence&) = delete;
    Fence(Fence&& other) noexcept : sync_(std::exchange(other.sync_, nullptr)) {}
    Fence& operator=(Fence&& other) noexcept {
        if (this != &other) {
            reset();
            sync_ = std::exchange(other.sync_, nullptr);
        }
        return *this;
    }

    // Blocks until the GPU has passed the fence, flushing first so that it
    // will. False if the wait failed (a lost context), true otherwise.
    bool wait() const;
    explicit operator bool() const { return sync_ != nullptr; }
    void reset();

private:
    GLsync sync_ = nullptr;
};

}  // namespace friche::gfx
