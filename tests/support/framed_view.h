// The view of an in-process render test: the whole of `model`'s first scene
// framed by the orbit camera (turned `orbitRadians` about it), in a square
// viewport of `size` pixels.
//
//   render::ViewParams view = test::framedView(model, 64);
//   target->bind();  renderer->draw(*gpu, view);
#pragma once

#include "render/renderer.h"
#include "scene/depth_range.h"
#include "scene/draw_list.h"
#include "scene/view_state.h"

namespace friche::test {

inline render::ViewParams framedView(const scene::Model& model, int size,
                                     float orbitRadians = 0.0f) {
    const scene::Bounds bounds = scene::worldBounds(model, scene::buildDrawList(model, 0));
    scene::OrbitCamera camera;
    camera.frame(bounds, 1.0f);
    camera.orbit(orbitRadians, 0.0f);
    const scene::CameraView eye = scene::orbitView(scene::withDepthRange(camera, bounds), 1.0f);
    render::ViewParams view;
    view.view = eye.view;
    view.projection = eye.projection;
    view.eye = eye.eye;
    view.viewport = {0, 0, size, size};
    return view;
}

}  // namespace friche::test
