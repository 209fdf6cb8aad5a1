#include "gfx/texture.h"

#include <algorithm>

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

namespace {

// The client format glTexImage wants beside an internal format.
GLenum externalFormat(GLenum internal) {
    switch (internal) {
        case GL_DEPTH_COMPONENT16:
        case GL_DEPTH_COMPONENT24:
        case GL_DEPTH_COMPONENT32F:
            return GL_DEPTH_COMPONENT;
        case GL_R8:
        case GL_R16F:
        case GL_R32F:
            return GL_RED;
        case GL_RG16F:
        case GL_RG32F:
            return GL_RG;
        default:
            return GL_RGBA;
    }
}

void allocateLevel(const ImageDesc& d, int level) {
    const int w = std::max(1, d.width >> level), h = std::max(1, d.height >> level);
    const GLenum format = externalFormat(d.format);
    const auto internal = static_cast<GLint>(d.format);
    switch (d.target) {
        case GL_TEXTURE_CUBE_MAP:
            for (GLenum face = 0; face < 6; ++face)
                glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + face, level, internal, w, h, 0,
                             format, GL_FLOAT, nullptr);
            break;
        case GL_TEXTURE_2D_ARRAY:
            glTexImage3D(d.target, level, internal, w, h, d.layers, 0, format, GL_FLOAT, nullptr);
            break;
        default:
            glTexImage2D(d.target, level, internal, w, h, 0, format, GL_FLOAT, nullptr);
    }
}

}  // namespace

Image Image::create(const ImageDesc& desc) {
    GLuint id = 0;
    glGenTextures(1, &id);
    Image image;
    image.handle_ = Handle<detail::deleteTexture>(id);
    image.desc_ = desc;
    glBindTexture(desc.target, id);
    if (desc.target == GL_TEXTURE_2D_MULTISAMPLE) {
        glTexImage2DMultisample(desc.target, desc.samples, desc.format, desc.width, desc.height,
                                GL_TRUE);
    } else {
        for (int level = 0; level < desc.levels; ++level) allocateLevel(desc, level);
        const bool mips = desc.levels > 1;
        const GLenum minFilter = !mips                      ? desc.filter
                                 : desc.filter == GL_LINEAR ? GL_LINEAR_MIPMAP_LINEAR
                                                            : GL_NEAREST_MIPMAP_NEAREST;
        glTexParameteri(desc.target, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(minFilter));
        glTexParameteri(desc.target, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(desc.filter));
        glTexParameteri(desc.target, GL_TEXTURE_MAX_LEVEL, desc.levels - 1);
        for (GLenum wrap : {GL_TEXTURE_WRAP_S, GL_TEXTURE_WRAP_T, GL_TEXTURE_WRAP_R})
            glTexParameteri(desc.target, wrap, GL_CLAMP_TO_EDGE);
    }
    setLabel(GL_TEXTURE, id, desc.label);
    glBindTexture(desc.target, 0);
    return image;
}

void Image::download(int level, int layer, float* rgba) const {
    glBindTexture(desc_.target, id());
    const GLenum image = desc_.target == GL_TEXTURE_CUBE_MAP
                             ? GL_TEXTURE_CUBE_MAP_POSITIVE_X + static_cast<GLenum>(layer)
                             : desc_.target;
    glGetTexImage(image, level, GL_RGBA, GL_FLOAT, rgba);
    glBindTexture(desc_.target, 0);
}

void Image::upload(int level, int layer, const float* rgba) const {
    const int w = std::max(1, desc_.width >> level), h = std::max(1, desc_.height >> level);
    glBindTexture(desc_.target, id());
    if (desc_.target == GL_TEXTURE_CUBE_MAP) {
        glTexSubImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + static_cast<GLenum>(layer), level, 0, 0, w,
                        h, GL_RGBA, GL_FLOAT, rgba);
    } else if (desc_.target == GL_TEXTURE_2D_ARRAY) {
        glTexSubImage3D(desc_.target, level, 0, 0, layer, w, h, 1, GL_RGBA, GL_FLOAT, rgba);
    } else {
        glTexSubImage2D(desc_.target, level, 0, 0, w, h, GL_RGBA, GL_FLOAT, rgba);
    }
    glBindTexture(desc_.target, 0);
}

void Image::bind(GLuint unit) const {
    glActiveTexture(GL_TEXTURE0 + unit);
    glBindTexture(desc_.target, handle_.id());
}

int maxTextureSize() {
    GLint size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &size);
    return size;
}

}  // namespace friche::gfx
