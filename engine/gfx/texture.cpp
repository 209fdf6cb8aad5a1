#include "gfx/texture.h"

namespace friche::gfx {

Texture2D Texture2D::create(const TextureDesc& desc) {
    GLuint id = 0;
    glGenTextures(1, &id);
    Texture2D t;
    t.handle_ = Handle<detail::deleteTexture>(id);
    t.width_ = desc.width;
    t.height_ = desc.height;
    glBindTexture(GL_TEXTURE_2D, id);
    // Rows of RGBA8 are always 4-byte aligned, but a caller's pack state is not ours to trust.
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, desc.srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8, desc.width, desc.height,
                 0, GL_RGBA, GL_UNSIGNED_BYTE, desc.rgba);
    if (desc.mipmaps) {
        glGenerateMipmap(GL_TEXTURE_2D);
    } else {
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    }
    setLabel(GL_TEXTURE, id, desc.label);
    glBindTexture(GL_TEXTURE_2D, 0);
    return t;
}

void Texture2D::bind(GLuint unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(GL_TEXTURE_2D, handle_.id());
}

Sampler Sampler::create(const SamplerDesc& desc) {
    GLuint id = 0;
    glGenSamplers(1, &id);
    Sampler s;
    s.handle_ = Handle<detail::deleteSampler>(id);
    glSamplerParameteri(id, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(desc.minFilter));
    glSamplerParameteri(id, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(desc.magFilter));
    glSamplerParameteri(id, GL_TEXTURE_WRAP_S, static_cast<GLint>(desc.wrapS));
    glSamplerParameteri(id, GL_TEXTURE_WRAP_T, static_cast<GLint>(desc.wrapT));
    return s;
}

int maxTextureSize() {
    GLint size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &size);
    return size;
}

}  // namespace friche::gfx
