// What the viewer looks at and how: view state, edited by panels and input,
// read by the renderer. Scene data (Model) and GPU resources live elsewhere.
//
//   ViewState v;  v.orbit.frame(bounds, aspect);
//   CameraView cv = v.gltfCamera >= 0 ? gltfCameraView(cam, world, aspect) : orbitView(v.orbit,
//   aspect);
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model.h"
#include "scene/orbit_camera.h"

namespace friche::scene {

struct ViewState {
    OrbitCamera orbit;
    int scene = 0;        // index into Model::scenes
    int variant = -1;     // KHR_materials_variants index, -1: the file's own materials
    int gltfCamera = -1;  // node whose camera we look through, -1: the orbit camera
    bool fullscreen = false;
};

// A camera as the renderer needs it. `aspect` is the shape the image must
// have: the viewport's own, or a glTF camera's fixed aspect ratio (letterboxed).
struct CameraView {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 eye{0.0f};
    float aspect = 1.0f;

    glm::mat4 viewProjection() const { return projection * view; }
};

CameraView orbitView(const OrbitCamera& camera, float viewportAspect);

// Looking through a glTF camera placed by its node's world matrix (scale in
// the matrix is ignored, as the spec asks of camera nodes).
CameraView gltfCameraView(const Camera& camera, const glm::mat4& world, float viewportAspect);

// An orbit camera standing where `view` stands and looking the same way, so
// that dragging after looking through a glTF camera starts from there.
OrbitCamera orbitFrom(const CameraView& view, const OrbitCamera& previous);

// The largest centred rectangle of `aspect` inside w x h pixels: x, y, w, h.
glm::ivec4 fitAspect(int width, int height, float aspect);

// A node that carries a camera, in the order the scene reaches them.
struct CameraNode {
    int node = -1;
    int camera = -1;
    glm::mat4 world{1.0f};
    std::string label;  // camera or node name, or "camera N"
};
std::vector<CameraNode> cameraNodes(const Model& model, int sceneIndex);

}  // namespace friche::scene
