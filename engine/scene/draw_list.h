// Flattening a Model's node tree into what a frame draws: one item per
// (primitive, node instance) with its world matrix. Pure CPU, shared by the
// renderer, the statistics panel and the camera's frame-all.
#pragma once

#include <vector>

#include "scene/model.h"

namespace friche::scene {

struct DrawItem {
    int mesh = -1;
    int primitive = -1;
    int node = -1;
    glm::mat4 world{1.0f};
    bool mirrored = false;   // det(world) < 0: front faces wind clockwise
    glm::vec3 origin{0.0f};  // the node's own origin in the world, before its instances
};

struct NodeWorld {
    int node = -1;
    glm::mat4 world{1.0f};
    glm::vec3 origin{0.0f};  // the node's origin, where `world` is one of its instances'
};

// World matrices of every visible node reachable from scene `sceneIndex`
// (instances expanded), in depth-first order. Safe on any graph: a node
// reached twice (a cycle, or two parents) is visited once.
std::vector<NodeWorld> visibleNodes(const Model& model, int sceneIndex);

// Every primitive to draw for scene `sceneIndex`.
std::vector<DrawItem> buildDrawList(const Model& model, int sceneIndex);

// The primitive an item draws.
const Primitive& primitiveOf(const Model& model, const DrawItem& item);

// World-space bounds of a draw list.
Bounds worldBounds(const Model& model, const std::vector<DrawItem>& items);

// Counts for the panel; triangles and vertices over the draw list.
Stats computeStats(const Model& model, const std::vector<DrawItem>& items);

// Triangles a primitive draws (0 for points and lines).
std::size_t triangleCount(const Primitive& p);

// Whether every index names one of the primitive's vertices.
bool indicesInRange(const Primitive& p);

}  // namespace friche::scene
