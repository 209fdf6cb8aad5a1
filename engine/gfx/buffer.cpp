#include "gfx/buffer.h"

namespace friche::gfx {

void setLabel(GLenum kind, GLuint id, const char* label) {
    if (label && (GLAD_GL_KHR_debug || GLAD_GL_VERSION_4_3)) glObjectLabel(kind, id, -1, label);
}

Buffer Buffer::create(const BufferDesc& desc) {
    GLuint id = 0;
    glGenBuffers(1, &id);
    Buffer b;
    b.handle_ = Handle<detail::deleteBuffer>(id);
    b.size_ = desc.size;
    // The copy-write target is bound by nothing else: binding an index buffer to
    // GL_ELEMENT_ARRAY_BUFFER here would change whichever VAO is bound.
    glBindBuffer(GL_COPY_WRITE_BUFFER, id);
    glBufferData(GL_COPY_WRITE_BUFFER, static_cast<GLsizeiptr>(desc.size), desc.data, desc.usage);
    glBindBuffer(GL_COPY_WRITE_BUFFER, 0);
    setLabel(GL_BUFFER, id, desc.label);
    return b;
}

void Buffer::write(std::size_t offset, const void* data, std::size_t bytes) const {
    if (bytes == 0) return;
    glBindBuffer(GL_COPY_WRITE_BUFFER, handle_.id());
    glBufferSubData(GL_COPY_WRITE_BUFFER, static_cast<GLintptr>(offset),
                    static_cast<GLsizeiptr>(bytes), data);
    glBindBuffer(GL_COPY_WRITE_BUFFER, 0);
}

VertexArray VertexArray::create(const char* label) {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    VertexArray v;
    v.handle_ = Handle<detail::deleteVertexArray>(id);
    // A VAO exists for labelling only once it has been bound.
    glBindVertexArray(id);
    setLabel(GL_VERTEX_ARRAY, id, label);
    return v;
}

void VertexArray::attribute(const VertexAttribute& a) const {
    bind();
    glBindBuffer(GL_ARRAY_BUFFER, a.buffer);
    glEnableVertexAttribArray(a.location);
    glVertexAttribPointer(a.location, a.components, a.type, a.normalized ? GL_TRUE : GL_FALSE,
                          a.stride, reinterpret_cast<const void*>(a.offset));
    glVertexAttribDivisor(a.location, a.divisor);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void VertexArray::indices(const Buffer& buffer) const {
    bind();
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffer.id());
}

}  // namespace friche::gfx
