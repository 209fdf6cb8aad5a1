// Renderbuffers and framebuffers for offscreen drawing, multisampled or not.
//
//   auto color = gfx::Renderbuffer::create({.width = w, .height = h, .format = GL_SRGB8_ALPHA8});
//   auto fbo = gfx::Framebuffer::create("still");
//   fbo.attach(GL_COLOR_ATTACHMENT0, color);     // or an Image's level and layer
//   if (auto why = fbo.incompleteReason()) ...;
#pragma once

#include <optional>
#include <string>

#include "gfx/handle.h"
#include "gfx/texture.h"

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
    // One level of an image; `layer` picks a cube face or an array layer.
    void attach(GLenum attachment, const Image& image, int level = 0, int layer = 0) const;
    // nullopt when complete, else the status in words.
    std::optional<std::string> incompleteReason() const;
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, handle_.id()); }
    GLuint id() const { return handle_.id(); }
    explicit operator bool() const { return static_cast<bool>(handle_); }

private:
    Handle<detail::deleteFramebuffer> handle_;
};

// The most samples a multisampled renderbuffer may have here.
int maxSamples();

// The framebuffer bound for drawing now (0: the window's).
GLuint boundDrawFramebuffer();
// A parameter (GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING, ..._RED_SIZE, ...) of
// the colour image that the framebuffer bound for drawing writes: its first
// attachment, or the window's back buffer.
GLint drawColorParameter(GLenum pname);

}  // namespace friche::gfx
