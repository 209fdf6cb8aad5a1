#include "render/view.h"

#include <charconv>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/draw_list.h"

namespace friche::render {

static std::optional<int> cameraIndex(const scene::Model& model, const std::string& nameOrIndex) {
    for (std::size_t i = 0; i < model.cameras.size(); ++i) {
        if (model.cameras[i].name == nameOrIndex) return static_cast<int>(i);
    }
    int index = -1;
    const char* end = nameOrIndex.data() + nameOrIndex.size();
    auto r = std::from_chars(nameOrIndex.data(), end, index);
    if (r.ec == std::errc() && r.ptr == end && index >= 0 &&
        index < static_cast<int>(model.cameras.size()))
        return index;
    return std::nullopt;
}

std::optional<PlacedCamera> findCamera(const scene::Model& model, int sceneIndex,
                                       const std::string& nameOrIndex) {
    const auto index = cameraIndex(model, nameOrIndex);
    if (!index) return std::nullopt;
    for (const scene::NodeWorld& nw : scene::visibleNodes(model, sceneIndex)) {
        if (model.nodes[static_cast<std::size_t>(nw.node)].camera == *index)
            return PlacedCamera{*index, nw.world};
    }
    return std::nullopt;
}

std::string cameraList(const scene::Model& model) {
    std::string list;
    for (std::size_t i = 0; i < model.cameras.size(); ++i) {
        if (!list.empty()) list += ", ";
        list += std::to_string(i) + ": " +
                (model.cameras[i].name.empty() ? "(unnamed)" : model.cameras[i].name);
    }
    return list.empty() ? "none" : list;
}

}  // namespace friche::render
