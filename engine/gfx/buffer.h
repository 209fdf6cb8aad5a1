// GPU buffers and vertex arrays, made from small description structs whose
// zero value means "default" (sokol's habit).
//
//   auto vbo = gfx::Buffer::create({.size = bytes, .label = "helmet vertices"});
//   vbo.write(0, positions.data(), positionBytes);
//   auto vao = gfx::VertexArray::create();
//   vao.attribute({.location = 0, .buffer = vbo.id(), .components = 3});
//   vao.indices(ibo);   // element buffer, recorded in the VAO
#pragma once

#include <cstddef>

#include "gfx/handle.h"

namespace friche::gfx {

struct BufferDesc {
    std::size_t size = 0;        // bytes
    const void* data = nullptr;  // initial contents, or nullptr to fill later with write()
    GLenum usage = GL_STATIC_DRAW;
    const char* label = nullptr;
};

class Buffer {
public:
    Buffer() = default;  // empty
    static Buffer create(const BufferDesc& desc);
    // Copies `bytes` at `offset`; the range must lie within size().
    void write(std::size_t offset, const void* data, std::size_t bytes) const;
    GLuint id() const { return handle_.id(); }
    std::size_t size() const { return size_; }
    explicit operator bool() const { return static_cast<bool>(handle_); }

private:
    Handle<detail::deleteBuffer> handle_;
    std::size_t size_ = 0;
};

struct VertexAttribute {
    GLuint location = 0;
    GLuint buffer = 0;
    GLint components = 4;
    GLenum type = GL_FLOAT;
    bool normalized = false;
    GLsizei stride = 0;  // 0: tightly packed
    std::size_t offset = 0;
    GLuint divisor = 0;  // 1: one value per instance
};

class VertexArray {
public:
    VertexArray() = default;  // empty
    static VertexArray create(const char* label = nullptr);
    // Both bind this vertex array (and leave it bound).
    void attribute(const VertexAttribute& a) const;
    void indices(const Buffer& buffer) const;
    void bind() const { glBindVertexArray(handle_.id()); }
    GLuint id() const { return handle_.id(); }
    explicit operator bool() const { return static_cast<bool>(handle_); }

private:
    Handle<detail::deleteVertexArray> handle_;
};

}  // namespace friche::gfx
