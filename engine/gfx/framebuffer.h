// Renderbuffers and framebuffers for offscreen drawing, multisampled or not.
//
//   auto color = gfx::Renderbuffer::create({.width = w, .height = h, .format = GL_SRGB8_ALPHA8,
//   .samples = 4}); auto fbo = gfx::Framebuffer::create("still"); fbo.attach(GL_COLOR_ATTACHMENT0,
//   color); if (auto why = fbo.incompleteReason()) ...; gfx::resolve(msaaFbo, singleFbo, w, h); //
//   MSAA -> single sample
#pragma once

#include <optional>
#include <string>

#include "gfx/handle.h"

namespace friche::gfx {

struct RenderbufferDesc {
    int width = 1;
    int height = 1;
    GLenum format = GL_RGBA8;
    int samples = 0;  // 0: single-sampled
    const char* label = nullptr;
};

class Renderbuffer {
  public:
    Renderbuffer() = default;  // empty
    static Renderbuffer create(const RenderbufferDesc& desc);
    GLuint id() const { return handle_.id(); }
    explicit operator bool() const { return static_cast<bool>(handle_); }

  private:
    Handle<detail::deleteRenderbuffer> handle_;
};

class Framebuffer {
  public:
    Framebuffer() = default;  // empty
    static Framebuffer create(const char* label = nullptr);
    // Binds this framebuffer to GL_FRAMEBUFFER (and leaves it bound).
    void attach(GLenum attachment, const Renderbuffer& rb) const;
    // nullopt when complete, else the status in words.
    std::optional<std::string> incompleteReason() const;
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, handle_.id()); }
    GLuint id() const { return handle_.id(); }
    explicit operator bool() const { return static_cast<bool>(handle_); }

  private:
    Handle<detail::deleteFramebuffer> handle_;
};

// Copies (and, from a multisampled source, resolves) colour attachment 0.
void resolve(const Framebuffer& from, const Framebuffer& to, int width, int height);

// The most samples a multisampled renderbuffer may have here.
int maxSamples();

}  // namespace friche::gfx
