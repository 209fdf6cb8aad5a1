#include "scene/view_state.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/draw_list.h"

namespace friche::scene {

namespace {

// A unit vector along `v`, or `fallback` when a degenerate matrix gives none.
glm::vec3 directionOr(const glm::vec3& v, const glm::vec3& fallback) {
    const float len = glm::length(v);
    return len > 1e-12f && std::isfinite(len) ? v / len : fallback;
}

// Files may hold zero or inverted clip planes; the projection must stay finite.
float positiveOr(float v, float fallback) {
    return v > 0.0f && std::isfinite(v) ? v : fallback;
}

}  // namespace

CameraView orbitView(const OrbitCamera& camera, float viewportAspect) {
    return {camera.view(), camera.projection(viewportAspect), camera.eye(), viewportAspect};
}

CameraView gltfCameraView(const Camera& camera, const glm::mat4& world, float viewportAspect) {
    CameraView v;
    v.eye = glm::vec3(world[3]);
    const glm::vec3 forward = -directionOr(glm::vec3(world[2]), glm::vec3(0, 0, 1));
    const glm::vec3 up = directionOr(glm::vec3(world[1]), glm::vec3(0, 1, 0));
    v.view = glm::lookAt(v.eye, v.eye + forward, up);
    const float znear = positiveOr(camera.znear, 0.01f);
    if (camera.type == Camera::Type::Orthographic) {
        const float xmag = positiveOr(std::abs(camera.xmag), 1.0f);
        const float ymag = positiveOr(std::abs(camera.ymag), 1.0f);
        const float zfar = std::max(camera.zfar.value_or(znear + 1000.0f), znear * 1.001f);
        v.aspect = xmag / ymag;
        v.projection = glm::ortho(-xmag, xmag, -ymag, ymag, znear, zfar);
        return v;
    }
    const float yfov = std::clamp(positiveOr(camera.yfov, 0.8f), 1e-3f, 3.1f);
    v.aspect = positiveOr(camera.aspectRatio.value_or(viewportAspect), 1.0f);
    v.projection = camera.zfar && *camera.zfar > znear
                       ? glm::perspective(yfov, v.aspect, znear, *camera.zfar)
                       : glm::infinitePerspective(yfov, v.aspect, znear);
    return v;
}

OrbitCamera orbitFrom(const CameraView& view, const OrbitCamera& previous) {
    const glm::mat4 inv = glm::inverse(view.view);
    const glm::vec3 forward = -directionOr(glm::vec3(inv[2]), glm::vec3(0, 0, 1));
    OrbitCamera c = previous;
    // Inverse of OrbitCamera::eye(): dir = (cos p sin y, sin p, -cos p cos y).
    c.yaw = std::atan2(forward.x, -forward.z);
    c.pitch = std::asin(std::clamp(forward.y, -1.0f, 1.0f));
    c.orbit(0.0f, 0.0f);  // clamps the pitch off the poles
    c.target = view.eye + forward * previous.distance;
    return c;
}

glm::ivec4 fitAspect(int width, int height, float aspect) {
    if (width <= 0 || height <= 0 || !(aspect > 0.0f))
        return {0, 0, std::max(width, 0), std::max(height, 0)};
    const float w = static_cast<float>(width), h = static_cast<float>(height);
    const int fitW = static_cast<int>(std::lround(std::min(w, h * aspect)));
    const int fitH = static_cast<int>(std::lround(std::min(h, w / aspect)));
    return {(width - fitW) / 2, (height - fitH) / 2, fitW, fitH};
}

std::vector<CameraNode> cameraNodes(const Model& model, int sceneIndex) {
    std::vector<CameraNode> out;
    std::unordered_set<int> seen;  // an instanced node is one camera, at its first instance
    for (const NodeWorld& nw : visibleNodes(model, sceneIndex)) {
        const Node& node = model.nodes[static_cast<std::size_t>(nw.node)];
        if (node.camera < 0 || node.camera >= static_cast<int>(model.cameras.size())) continue;
        if (!seen.insert(nw.node).second) continue;
        const std::string& name = model.cameras[static_cast<std::size_t>(node.camera)].name;
        std::string label = !name.empty()        ? name
                            : !node.name.empty() ? node.name
                                                 : "camera " + std::to_string(node.camera);
        out.push_back({nw.node, node.camera, nw.world, std::move(label)});
    }
    return out;
}

}  // namespace friche::scene
