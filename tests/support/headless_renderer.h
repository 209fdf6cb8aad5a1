// An in-process render test's GL: a hidden window's context, a renderer and
// an offscreen target to draw into, made in that order and gone in reverse.
//
//   test::HeadlessRenderer gl;
//   ASSERT_TRUE(gl.open("batching", 64, 64));
//   gl.target->bind();  gl.renderer->draw(*gpu, view);
#pragma once

#include <memory>
#include <optional>

#include "app/platform.h"
#include "render/offscreen.h"
#include "render/renderer.h"

namespace friche::test {

struct HeadlessRenderer {
    core::Problems problems;  // why open() failed
    std::unique_ptr<app::Platform> platform;
    std::unique_ptr<render::Renderer> renderer;
    std::optional<render::OffscreenTarget> target;

    bool open(const char* title, int width, int height) {
        platform = app::Platform::open({.title = title, .headless = true}, problems);
        if (platform) renderer = render::Renderer::create(problems);
        if (renderer) target = render::OffscreenTarget::create(width, height, problems);
        return target.has_value();
    }
};

}  // namespace friche::test
