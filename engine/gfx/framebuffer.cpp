#include "gfx/framebuffer.h"

namespace friche::gfx {

Renderbuffer Renderbuffer::create(const RenderbufferDesc& desc) {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    Renderbuffer r;
    r.handle_ = Handle<detail::deleteRenderbuffer>(id);
    glBindRenderbuffer(GL_RENDERBUFFER, id);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, desc.samples, desc.format, desc.width,
                                     desc.height);
    setLabel(GL_RENDERBUFFER, id, desc.label);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    return r;
}

Framebuffer Framebuffer::create(const char* label) {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    Framebuffer f;
    f.handle_ = Handle<detail::deleteFramebuffer>(id);
    glBindFramebuffer(GL_FRAMEBUFFER, id);
    setLabel(GL_FRAMEBUFFER, id, label);
    return f;
}

void Framebuffer::attach(GLenum attachment, const Renderbuffer& rb) const {
    bind();
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, rb.id());
}

std::optional<std::string> Framebuffer::incompleteReason() const {
    bind();
    switch (glCheckFramebufferStatus(GL_FRAMEBUFFER)) {
        case GL_FRAMEBUFFER_COMPLETE:
            return std::nullopt;
        case GL_FRAMEBUFFER_UNSUPPORTED:
            return "this format combination is unsupported";
        case GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT:
            return "an attachment is incomplete (size or format)";
        case GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT:
            return "no attachment";
        case GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE:
            return "attachments disagree on samples";
        default:
            return "incomplete framebuffer";
    }
}

void resolve(const Framebuffer& from, const Framebuffer& to, int width, int height) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.id());
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

int maxSamples() {
    GLint samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &samples);
    return samples;
}

}  // namespace friche::gfx
