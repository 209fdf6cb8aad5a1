// 2D textures and sampler objects. Sampling state lives in a Sampler (GL 3.3
// core), not in the texture, so one image can be read with several glTF samplers.
//
//   auto tex = gfx::Texture2D::create({.width = w, .height = h, .srgb = true, .rgba = pixels});
//   auto smp = gfx::Sampler::create({.wrapS = GL_CLAMP_TO_EDGE});
//   tex.bind(unit); smp.bind(unit);
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

// Largest side a texture may have on this context.
int maxTextureSize();

}  // namespace friche::gfx
