#include "gfx/fence.h"

namespace friche::gfx {

namespace {
// One wait's limit; wait() asks again after it, so a slow frame (seconds on
// llvmpipe at 4K) is waited for however long it takes.
constexpr GLuint64 kWaitStepNs = 1'000'000'000;
}  // namespace

Fence Fence::insert() {
    Fence f;
    f.sync_ = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    return f;
}

bool Fence::wait() const {
    if (!sync_) return true;
    for (;;) {
        switch (glClientWaitSync(sync_, GL_SYNC_FLUSH_COMMANDS_BIT, kWaitStepNs)) {
            case GL_ALREADY_SIGNALED:
            case GL_CONDITION_SATISFIED:
                return true;
            case GL_TIMEOUT_EXPIRED:
                continue;
            default:  // GL_WAIT_FAILED
                return false;
        }
    }
}

void Fence::reset() {
    if (sync_) glDeleteSync(sync_);
    sync_ = nullptr;
}

}  // namespace friche::gfx
