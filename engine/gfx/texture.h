// 2D textures and sampler objects. Sampling state lives in a Sampler (GL 3.3
// core), not in the texture, so one image can be read with several glTF samplers.
//
//   auto tex = gfx::Texture2D::create({.width = w, .height = h, .srgb = true, .rgba = pixels});
//   auto smp = gfx::Sampler::create({.wrapS = GL_CLAMP_TO_EDGE});
//   tex.bind(unit); smp.bind(unit);
//
// Images are the textures the renderer makes for itself: float colour, depth,
// cube maps, arrays and multisampled targets, drawn into through a Framebuffer.
//
//   auto cube = gfx::Image::create({.target = GL_TEXTURE_CUBE_MAP, .width = 128,
//                                   .height = 128, .levels = 5, .format = GL_RGBA16F});
//   cube.upload(0, face, floats);   // RGBA floats, one face (or layer) of one level
#pragma once

#include <cstdint>

#include "gfx/handle.h"

namespace friche::gfx {

struct TextureDesc {
    int width = 1;
    int height = 1;
    bool srgb = false;                   // sRGB-encoded colour (base colour, emissive)
    const std::uint8_t* rgba = nullptr;  // RGBA8, rows in the order the sampler reads them
    bool mipmaps = true;
    const char* label = nullptr;
};

class Texture2D {
public:
    Texture2D() = default;  // empty
    static Texture2D create(const TextureDesc& desc);
    void bind(GLuint unit) const;
    GLuint id() const { return handle_.id(); }
    int width() const { return width_; }
    int height() const { return height_; }
    explicit operator bool() const { return static_cast<bool>(handle_); }

private:
    Handle<detail::deleteTexture> handle_;
    int width_ = 0, height_ = 0;
};

struct SamplerDesc {
    GLenum minFilter = GL_LINEAR_MIPMAP_LINEAR;
    GLenum magFilter = GL_LINEAR;
    GLenum wrapS = GL_REPEAT;
    GLenum wrapT = GL_REPEAT;
};

class Sampler {
public:
    Sampler() = default;  // empty
    static Sampler create(const SamplerDesc& desc);
    void bind(GLuint unit) const { glBindSampler(unit, handle_.id()); }
    GLuint id() const { return handle_.id(); }
    explicit operator bool() const { return static_cast<bool>(handle_); }

private:
    Handle<detail::deleteSampler> handle_;
};

struct ImageDesc {
    GLenum target = GL_TEXTURE_2D;  // also _CUBE_MAP, _2D_ARRAY, _2D_MULTISAMPLE
    int width = 1;
    int height = 1;
    int layers = 1;              // GL_TEXTURE_2D_ARRAY only
    int levels = 1;              // mip levels allocated (and sampled)
    int samples = 0;             // GL_TEXTURE_2D_MULTISAMPLE only
    GLenum format = GL_RGBA16F;  // a colour or depth internal format
    GLenum filter = GL_LINEAR;   // min and mag; mipmapped images blend their levels
    const char* label = nullptr;
};

class Image {
public:
    Image() = default;  // empty
    // Allocated level by level with glTexImage (4.1 core has no immutable
    // storage), contents undefined until drawn into or uploaded.
    static Image create(const ImageDesc& desc);
    // RGBA floats for one level of one cube face or array layer (0 for 2D).
    void upload(int level, int layer, const float* rgba) const;
    // The same back: RGBA floats of one level of one cube face (0 for 2D; not
    // an array's layer, which GL reads only all together).
    void download(int level, int layer, float* rgba) const;
    void bind(GLuint unit) const;
    GLuint id() const { return handle_.id(); }
    GLenum target() const { return desc_.target; }
    const ImageDesc& desc() const { return desc_; }
    explicit operator bool() const { return static_cast<bool>(handle_); }

private:
    Handle<detail::deleteTexture> handle_;
    ImageDesc desc_;
};

// Largest side a texture may have on this context.
int maxTextureSize();

}  // namespace friche::gfx
