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

#include <array>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/layer_look.h"
#include "scene/model.h"
#include "scene/scenario.h"

namespace friche::scene {

// Where a ray first meets a drawn, opaque surface (SightLines::pick).
struct SurfaceHit {
    float distance = 0.0f;                // along the ray, in its direction's lengths
    glm::vec3 point{0.0f};                // world space
    glm::vec3 normal{0.0f, 1.0f, 0.0f};   // world space, unit, its triangle's front (CCW) side
    std::array<glm::vec3, 3> triangle{};  // its corners, world space
    // Whether edge e (corner e to corner e + 1) bounds the face, rather than
    // splitting it from a triangle of the same plane (a quad's diagonal).
    std::array<bool, 3> outline{true, true, true};
    int node = -1;          // the model node drawn there
    int item = -1;          // internal: which draw item
    std::size_t index = 0;  // internal: which triangle of it
};

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

    // Whether the box of any surface that can block, as `looks` draw it, comes
    // within `reach` of `point`: where no surface can be that near, rays need not look.
    bool near(glm::vec3 point, float reach, const std::vector<NodeLook>& looks) const;

    // One bool per hotspot of `hotspots` (their anchors), for ui::StoryView::occluded.
    std::vector<bool> blocked(glm::vec3 eye, const std::vector<Hotspot>& hotspots,
                              const std::vector<NodeLook>& looks) const;

    // The first drawn, opaque surface along origin + t * dir, t > 0 (`dir` need not be unit):
    // what a click on the view lands on. Drawn as `looks` say, moved ones where they moved to.
    std::optional<SurfaceHit> pick(glm::vec3 origin, glm::vec3 dir,
                                   const std::vector<NodeLook>& looks) const;
    // The hit's face: the triangles of its primitive in its plane, joined to it by
    // shared edges (a wall's two triangles, a roof's fan). World-space square metres.
    double faceArea(const SurfaceHit& hit, const std::vector<NodeLook>& looks) const;

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
        glm::mat4 toWorld{1.0f};
        glm::mat4 toMesh{1.0f};  // inverse world matrix
        int node = -1;
        int shape = -1;
    };
    struct Hit {
        float t = 0.0f;
        std::size_t triangle = 0;
    };

    // The nearest hit of the segment eye + t * dir, t in [0, tEnd], on the item (the first
    // one found when `any`), in the look's clip and move.
    std::optional<Hit> itemHit(const Item& item, glm::vec3 eye, glm::vec3 dir, float tEnd,
                               const NodeLook& look, bool any) const;
    // The look `item` is drawn with: its node's in `looks`, else as modelled.
    static const NodeLook& lookOf(const Item& item, const std::vector<NodeLook>& looks);
    // The item's world box as drawn with `look`.
    static Bounds drawnBox(const Item& item, const NodeLook& look);
    // The item's world matrix as drawn with `look`.
    static glm::mat4 drawnWorld(const Item& item, const NodeLook& look);
    std::array<glm::vec3, 3> worldTriangle(const Item& item, std::size_t k,
                                           const NodeLook& look) const;
    // The item's triangles in the plane of its triangle `k` (normal `normal`),
    // world space; `k`'s own is first.
    std::vector<std::array<glm::vec3, 3>> coplanar(const Item& item, std::size_t k,
                                                   glm::vec3 normal, const NodeLook& look) const;

    std::vector<Shape> shapes_;
    std::vector<Item> items_;
};

// How far before an anchor geometry is ignored, for an anchor `distance` metres from the eye.
float anchorMargin(float distance);

}  // namespace friche::scene
