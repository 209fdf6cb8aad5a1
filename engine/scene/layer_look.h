// How every node of a scenario's model looks at one timeline position: the
// bridge from the timeline (scene/timeline.h) to the renderer, CPU only.
//
//   scene::ModelLooks looks(scenario, site);   // once, after scene::assembleSite
//   auto frames = scene::evaluate(scenario, position, scene::Easing::Smoothstep);
//   std::vector<scene::NodeLook> perNode = looks.at(frames);  // each frame
//   view.looks = perNode;                                     // render::ViewParams
//
// perNode is indexed like site.model.nodes. A node takes the look of the
// layer that owns it (scene::NodeOwner); a copy of one of a layer's glTF
// scenes is drawn only in the phases that show that scene, and moves in and
// out in the phase's transition style; a node no layer owns is drawn as modelled.
#pragma once

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "scene/model.h"
#include "scene/scenario.h"
#include "scene/site_model.h"
#include "scene/timeline.h"

namespace friche::scene {

// One node's look. At rest: absent {opacity 0}, present {all defaults},
// ghosted {opacity kGhostOpacity, ghost 1}, construction {construction 1}.
// Between phases the transition style moves one of dissolve, clip or opacity.
struct NodeLook {
    float opacity = 1.0f;     // 1 opaque; below 1 blended (fade, ghost); 0 not drawn
    float dissolve = 0.0f;    // fraction of the surface eaten by the noise dissolve, [0,1]
    float clip = 1.0f;        // fraction of the height shown from the bottom (rise, sink), [0,1]
    float clipBottom = 0.0f;  // world-space Y of the node's piece of the layer: clip 0 here,
    float clipTop = 0.0f;  // clip 1 here (the world Y of the clip plane is mix(bottom, top, clip))
    float ghost = 0.0f;    // weight of the x-ray look, [0,1]
    float construction = 0.0f;  // weight of the building-site tint, [0,1]
    // A proposal being placed (scene/proposal.h): drawn at moved * its assembled world
    // matrix, a turn about the vertical and a shift, until the site is assembled again.
    std::optional<glm::mat4> moved{};

    bool drawn() const { return opacity > 0.0f && dissolve < 1.0f && clip > 0.0f; }
    // Whether part of it is cut away (a clip plane, the dissolve).
    bool cutAway() const { return clip < 1.0f || dissolve > 0.0f; }
    // Drawn with alpha blending, back to front, without writing depth.
    bool blended() const { return drawn() && (opacity < 1.0f || ghost > 0.0f); }
    // Casts a shadow: solid enough to block the sun (ghosts and faint fades do not).
    bool castsShadow() const { return drawn() && opacity >= 0.5f && ghost < 0.5f; }
    // The world Y above which the node is cut away (when clip < 1).
    float clipHeight() const { return clipBottom + (clipTop - clipBottom) * clip; }
    bool operator==(const NodeLook&) const = default;
};

// Looks indexed like Model::nodes, seen where their owner keeps them. Two are
// equal when their looks are, wherever each is kept.
struct NodeLooks : std::span<const NodeLook> {
    using std::span<const NodeLook>::span;
    bool operator==(const NodeLooks& other) const { return std::ranges::equal(*this, other); }
};

inline constexpr float kGhostOpacity = 0.4f;

// A layer's look at one LayerFrame, before its node bounds are known
// (clipBottom and clipTop stay 0): for panels and hotspots as much as for nodes.
NodeLook lookOf(const LayerFrame& frame);

// Resolves, once, the world height range each layer's piece spans (for rise
// and sink); then gives the looks of every node at any timeline position.
class ModelLooks {
public:
    ModelLooks(const Scenario& scenario, const SiteModel& site);

    // One look per model node; `frames` from evaluate(scenario, ...).
    std::vector<NodeLook> at(const std::vector<LayerFrame>& frames) const;
    // The same at a position, with smoothstep easing, each phase shown with its variant.
    std::vector<NodeLook> at(const Scenario& scenario, double position,
                             const VariantChoice& variants = {}) const;
    // The layer that owns model node `node`, -1: none.
    int layerOf(int node) const {
        return node >= 0 && node < static_cast<int>(nodes_.size())
                   ? nodes_[static_cast<std::size_t>(node)].owner.layer
                   : -1;
    }
    // Sets `moved` on every node of `layer` in `looks` (indexed like the model's nodes).
    void move(std::vector<NodeLook>& looks, int layer, const glm::mat4& moved) const;

private:
    struct Covered {
        NodeOwner owner;
        float bottom = 0.0f, top = 0.0f;  // world Y range of the owner's root's subtree
    };
    std::vector<Covered> nodes_;    // one per model node
    std::vector<int> layerScenes_;  // SiteModel::layerScenes
};

}  // namespace friche::scene
