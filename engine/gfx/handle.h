// Move-only ownership of one OpenGL object name, in the spirit of magnum's GL
// types: a default-constructed handle is the explicit empty state (id 0), moving
// leaves the source empty, and destruction deletes the object exactly once.
//
//   gfx::Handle<gfx::detail::deleteBuffer> h(name);
//   if (h) glBindBuffer(GL_ARRAY_BUFFER, h.id());
#pragma once

#include <utility>

#include "gfx/gl.h"

namespace friche::gfx {

namespace detail {
// glad's entry points are function pointers, so they cannot be template
// arguments themselves: each kind of object gets a one-line deleter.
inline void deleteBuffer(GLuint id) {
    glDeleteBuffers(1, &id);
}
inline void deleteVertexArray(GLuint id) {
    glDeleteVertexArrays(1, &id);
}
inline void deleteTexture(GLuint id) {
    glDeleteTextures(1, &id);
}
inline void deleteSampler(GLuint id) {
    glDeleteSamplers(1, &id);
}
inline void deleteRenderbuffer(GLuint id) {
    glDeleteRenderbuffers(1, &id);
}
inline void deleteFramebuffer(GLuint id) {
    glDeleteFramebuffers(1, &id);
}
inline void deleteShader(GLuint id) {
    glDeleteShader(id);
}
inline void deleteProgram(GLuint id) {
    glDeleteProgram(id);
}
inline void deleteQuery(GLuint id) {
    glDeleteQueries(1, &id);
}
// How many objects the handles own now: a kiosk that runs for weeks checks it stays flat.
inline long& liveObjectCount() {
    static long count = 0;
    return count;
}
}  // namespace detail

// The OpenGL objects friche's handles own now (ImGui's backend keeps a few more of its own).
inline long liveObjects() {
    return detail::liveObjectCount();
}

template <void (*Delete)(GLuint)>
class Handle {
public:
    Handle() = default;
    explicit Handle(GLuint id) : id_(id) {
        if (id_ != 0) ++detail::liveObjectCount();
    }
    ~Handle() { reset(); }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }

    GLuint id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (id_ == 0) return;
        Delete(id_);
        --detail::liveObjectCount();
        id_ = 0;
    }

private:
    GLuint id_ = 0;
};

// Names the object in debuggers and KHR_debug messages (RenderDoc, apitrace);
// a no-op on contexts without KHR_debug, such as macOS's 4.1.
void setLabel(GLenum kind, GLuint id, const char* label);

}  // namespace friche::gfx
