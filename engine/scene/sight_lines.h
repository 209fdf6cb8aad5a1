// Straight lines of sight through a model's drawn geometry: is a hotspot's 3D
// anchor hidden behind a building? CPU only, so the labels' dimming is tested.
//
//   scene::SightLines sight(model, model.defaultScene);   // once, after loading
//   std::vector<scene::NodeLook> looks = modelLooks.at(scenario, position);  // each frame
//   storyView.occluded = sight.blocked(camera.eye(), scenario.hotspots, looks);
//
// Only what the renderer draws opaque blocks: triangle primitives (points and
// lines never do), materials that are not BLEND, nodes whose look is drawn,
// not blended and not mostly dissolved, below their clip plane. Triangles
// block from both sides, so a mirrored transform or a single-sided wall seen
// from behind changes nothing. The Model must outlive the SightLines.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "scene/layer_look.h"
#include "scene/model.h"
#include "scene/scenario.h"

namespace friche::scene {

class SightLines {
public:
    // Indexes the triangles of scene `sceneIndex` (buildDrawList) once: per draw item its world
    // bounds and inverse world matrix, so a ray is tested in the mesh's own space (no copy of
    // vertices); per primitive the mesh-space bounds of runs of consecutive triangles.
    SightLines(const Model& model, int sceneIndex);
    // It points into the model's primitives: a temporary model would leave it dangling.
    SightLines(Model&&, int) = delete;

    // True when an opaque, drawn surface lies between `eye` and `point`, not counting the last
    // anchorMargin(distance) before `point` (an anchor sitting on a roof is not hidden by that
    // roof). `looks` is indexed like model.nodes; empty: everything drawn as modelled.
    bool blocked(glm::vec3 eye, glm::vec3 point, const std::vector<NodeLook>& looks) const;

    // One bool per hotspot of `hotspots` (their anchors), for ui::StoryView::occluded.
    std::vector<bool> blocked(glm::vec3 eye, const std::vector<Hotspot>& hotspots,
                              const std::vector<NodeLook>& looks) const;

    // Draw items that can block (triangle primitives, not BLEND, invertible transform).
    std::size_t itemCount() const { return items_.size(); }

private:
    // One primitive's triangles, shared by every item (node, instance) that draws it.
    struct Shape {
        const Primitive* primitive = nullptr;
        std::size_t triangles = 0;
        std::vector<Bounds> runs;  // mesh-space bounds of triangles [i * kRun, (i + 1) * kRun)
        Bounds bounds;             // of all runs (Primitive::bounds may be left unset)
    };
    struct Item {
        Bounds world;
        glm::mat4 toMesh{1.0f};  // inverse world matrix
        int node = -1;
        int shape = -1;
    };

    bool itemBlocks(const Item& item, glm::vec3 eye, glm::vec3 dir, float tEnd,
                    const NodeLook& look) const;

    std::vector<Shape> shapes_;
    std::vector<Item> items_;
};

// How far before an anchor geometry is ignored, for an anchor `distance` metres from the eye.
float anchorMargin(float distance);

}  // namespace friche::scene
