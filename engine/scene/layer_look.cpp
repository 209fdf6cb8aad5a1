#include "scene/layer_look.h"

#include <algorithm>

#include "scene/draw_list.h"

namespace friche::scene {

namespace {

NodeLook restLook(LayerState state) {
    switch (state) {
        case LayerState::Absent:
            return {.opacity = 0.0f};
        case LayerState::Ghosted:
            return {.opacity = kGhostOpacity, .ghost = 1.0f};
        case LayerState::Construction:
            return {.construction = 1.0f};
        case LayerState::Present:
            break;
    }
    return {};
}

// `shown` is how far in the look is: 1 fully there, 0 gone, in the transition's style.
NodeLook partlyShown(NodeLook look, Transition style, float shown) {
    switch (style) {
        case Transition::Dissolve:
            look.dissolve = 1.0f - shown;
            break;
        case Transition::Rise:
        case Transition::Sink:
            look.clip = shown;
            break;
        case Transition::Fade:
            look.opacity *= shown;
            break;
    }
    return look;
}

float mix(float a, float b, float t) {
    return a + (b - a) * t;
}

bool sameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    const bool same = std::filesystem::equivalent(a, b, ec);
    return ec ? a.lexically_normal() == b.lexically_normal() : same;
}

bool isIdentity(const Transform& t) {
    return t.translation == glm::vec3(0.0f) && t.rotationDegrees == glm::vec3(0.0f) &&
           t.scale == glm::vec3(1.0f);
}

// World bounds of each node's own meshes in the model's default scene (instances included).
std::vector<Bounds> nodeBounds(const Model& model) {
    std::vector<Bounds> bounds(model.nodes.size());
    for (const NodeWorld& nw : visibleNodes(model, model.defaultScene)) {
        const int mesh = model.nodes[static_cast<std::size_t>(nw.node)].mesh;
        if (mesh < 0 || mesh >= static_cast<int>(model.meshes.size())) continue;
        for (const Primitive& p : model.meshes[static_cast<std::size_t>(mesh)].primitives)
            bounds[static_cast<std::size_t>(nw.node)].extend(p.bounds.transformed(nw.world));
    }
    return bounds;
}

// Marks `root` and its subtree as covered by `layer` from `root`; a node met twice is visited once.
void cover(const Model& model, int root, int layer, std::vector<int>& layerOf,
           std::vector<int>& rootOf) {
    std::vector<bool> seen(model.nodes.size(), false);
    std::vector<int> stack{root};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        const auto i = static_cast<std::size_t>(n);
        if (n < 0 || i >= model.nodes.size() || seen[i]) continue;
        seen[i] = true;
        layerOf[i] = layer;
        rootOf[i] = root;
        for (int c : model.nodes[i].children) stack.push_back(c);
    }
}

}  // namespace

NodeLook lookOf(const LayerFrame& frame) {
    if (frame.t <= 0.0f) return restLook(frame.from.state);
    if (frame.t >= 1.0f) return restLook(frame.to.state);
    const NodeLook from = restLook(frame.from.state), to = restLook(frame.to.state);
    if (frame.from.state == LayerState::Absent) return partlyShown(to, frame.transition, frame.t);
    if (frame.to.state == LayerState::Absent)
        return partlyShown(from, frame.transition, 1.0f - frame.t);
    // Between two drawn looks the weights blend whatever the style: both stay on screen.
    return {.opacity = mix(from.opacity, to.opacity, frame.t),
            .ghost = mix(from.ghost, to.ghost, frame.t),
            .construction = mix(from.construction, to.construction, frame.t)};
}

ModelLooks::ModelLooks(const Scenario& scenario, const Model& model,
                       const std::filesystem::path& modelPath)
    : nodes_(model.nodes.size()) {
    std::vector<int> layerOf(model.nodes.size(), -1), rootOf(model.nodes.size(), -1);
    for (std::size_t l = 0; l < scenario.layers.size(); ++l) {
        const Layer& layer = scenario.layers[l];
        if (!sameFile(layer.modelPath, modelPath)) continue;
        if (!isIdentity(layer.transform) || layer.scene >= 0)
            unsupported_ = "layer '" + layer.id + "' moves its model or picks a glTF scene";
        for (std::size_t n = 0; n < model.nodes.size(); ++n) {
            const bool named = std::find(layer.nodes.begin(), layer.nodes.end(),
                                         model.nodes[n].name) != layer.nodes.end();
            const bool isRoot = model.nodes[n].parent < 0;
            if (named || (layer.nodes.empty() && isRoot))
                cover(model, static_cast<int>(n), static_cast<int>(l), layerOf, rootOf);
        }
    }
    for (const Phase& phase : scenario.phases)
        for (const LayerPhase& lp : phase.layers)
            if (lp.scene >= 0) unsupported_ = "phase '" + phase.id + "' picks a glTF scene";
    const std::vector<Bounds> own = nodeBounds(model);
    std::vector<Bounds> subtree(model.nodes.size());
    for (std::size_t n = 0; n < model.nodes.size(); ++n)
        if (rootOf[n] >= 0) subtree[static_cast<std::size_t>(rootOf[n])].extend(own[n]);
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
        if (layerOf[n] < 0) continue;
        const Bounds& b = subtree[static_cast<std::size_t>(rootOf[n])];
        nodes_[n] = {.layer = layerOf[n],
                     .bottom = b.valid() ? b.min.y : 0.0f,
                     .top = b.valid() ? b.max.y : 0.0f};
    }
}

std::vector<NodeLook> ModelLooks::at(const std::vector<LayerFrame>& frames) const {
    std::vector<NodeLook> looks(nodes_.size());
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const Covered& c = nodes_[n];
        if (c.layer < 0 || c.layer >= static_cast<int>(frames.size())) continue;
        looks[n] = lookOf(frames[static_cast<std::size_t>(c.layer)]);
        looks[n].clipBottom = c.bottom;
        looks[n].clipTop = c.top;
    }
    return looks;
}

std::vector<NodeLook> ModelLooks::at(const Scenario& scenario, double position) const {
    return at(evaluate(scenario, position, Easing::Smoothstep));
}

}  // namespace friche::scene
