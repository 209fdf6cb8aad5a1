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

// Thinner than this, a piece is flat: it cannot rise or sink along a plane.
constexpr float kFlatPiece = 0.01f;  // metres

float mix(float a, float b, float t) {
    return a + (b - a) * t;
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

// `frame` for the copy of the layer's glTF scene `scene`: absent in the
// phases that show another one (`base`: the scene a phase picking none shows).
LayerFrame onScene(LayerFrame frame, int scene, int base) {
    for (LayerPhase* lp : {&frame.from, &frame.to})
        if ((lp->scene >= 0 ? lp->scene : base) != scene) lp->state = LayerState::Absent;
    return frame;
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

ModelLooks::ModelLooks(const Scenario& scenario, const SiteModel& site)
    : nodes_(site.model.nodes.size()), layerScenes_(site.layerScenes) {
    const std::vector<Bounds> own = nodeBounds(site.model);
    std::vector<Bounds> subtree(site.model.nodes.size());
    const std::size_t owned = std::min(site.owners.size(), nodes_.size());
    for (std::size_t n = 0; n < owned; ++n) {
        const int root = site.owners[n].root;
        if (root >= 0 && root < static_cast<int>(subtree.size()))
            subtree[static_cast<std::size_t>(root)].extend(own[n]);
    }
    for (std::size_t n = 0; n < owned; ++n) {
        const NodeOwner& o = site.owners[n];
        if (o.layer < 0 || o.layer >= static_cast<int>(scenario.layers.size())) continue;
        const Bounds& b = subtree[static_cast<std::size_t>(o.root)];
        nodes_[n] = {
            .owner = o, .bottom = b.valid() ? b.min.y : 0.0f, .top = b.valid() ? b.max.y : 0.0f};
    }
}

std::vector<NodeLook> ModelLooks::at(const std::vector<LayerFrame>& frames) const {
    std::vector<NodeLook> looks(nodes_.size());
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const Covered& c = nodes_[n];
        const int layer = c.owner.layer;
        if (layer < 0 || layer >= static_cast<int>(frames.size())) continue;
        const LayerFrame& frame = frames[static_cast<std::size_t>(layer)];
        looks[n] = c.owner.scene < 0
                       ? lookOf(frame)
                       : lookOf(onScene(frame, c.owner.scene,
                                        layerScenes_[static_cast<std::size_t>(layer)]));
        looks[n].clipBottom = c.bottom;
        looks[n].clipTop = c.top;
        // A flat piece (a square, a yard) has no height to rise through: the
        // clip plane would lie in its surface for the whole transition and cut
        // it pixel by pixel, in stripes. It fades instead.
        if (c.top - c.bottom < kFlatPiece && looks[n].clip < 1.0f) {
            looks[n].opacity *= looks[n].clip;
            looks[n].clip = 1.0f;
        }
    }
    return looks;
}

std::vector<NodeLook> ModelLooks::at(const Scenario& scenario, double position,
                                     const VariantChoice& variants) const {
    return at(evaluate(scenario, position, Easing::Smoothstep, variants));
}

void ModelLooks::move(std::vector<NodeLook>& looks, int layer, const glm::mat4& moved) const {
    for (std::size_t n = 0; n < nodes_.size() && n < looks.size(); ++n)
        if (nodes_[n].owner.layer == layer) looks[n].moved = moved;
}

}  // namespace friche::scene
