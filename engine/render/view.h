// Where a frame looks from: the orbit camera, or one of the file's glTF cameras.
// CPU only (no GL): which of a file's glTF cameras `friche render --view` means.
//
//   auto chosen = render::findCamera(model, sceneIndex, "Top");   // name or index
//   // then scene::gltfCameraView(model.cameras[chosen->camera], chosen->world, aspect)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/renderer.h"
#include "scene/orbit_camera.h"

namespace friche::render {

// A glTF camera as placed by a node of the scene.
struct PlacedCamera {
    int camera = -1;
    glm::mat4 world{1.0f};
};

// The camera whose name is `nameOrIndex` (or, failing that, whose index it is),
// placed by the first visible node of `sceneIndex` that uses it.
std::optional<PlacedCamera> findCamera(const scene::Model& model, int sceneIndex,
                                       const std::string& nameOrIndex);

// "0: Top, 1: Perspective" for a message listing what can be chosen; "none" if empty.
std::string cameraList(const scene::Model& model);

}  // namespace friche::render
