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

void Framebuffer::attach(GLenum attachment, const Image& image, int level, int layer) const {
    bind();
    switch (image.target()) {
        case GL_TEXTURE_CUBE_MAP:
            glFramebufferTexture2D(GL_FRAMEBUFFER, attachment,
                                   GL_TEXTURE_CUBE_MAP_POSITIVE_X + static_cast<GLenum>(layer),
                                   image.id(), level);
            break;
        case GL_TEXTURE_2D_ARRAY:
            glFramebufferTextureLayer(GL_FRAMEBUFFER, attachment, image.id(), level, layer);
            break;
        default:
            glFramebufferTexture2D(GL_FRAMEBUFFER, attachment, image.target(), image.id(), level);
    }
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

int maxSamples() {
    GLint samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &samples);
    return samples;
}

GLuint boundDrawFramebuffer() {
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    return static_cast<GLuint>(bound);
}

GLint drawColorParameter(GLenum pname) {
    GLint value = 0;
    glGetFramebufferAttachmentParameteriv(
        GL_DRAW_FRAMEBUFFER, boundDrawFramebuffer() == 0 ? GL_BACK_LEFT : GL_COLOR_ATTACHMENT0,
        pname, &value);
    return value;
}

}  // namespace friche::gfx
