// Measuring: picking the drawn surface under the pointer, snapping to corners
// and edges, heights above the ground and areas; on shapes with known sizes
// and on a corpus model.
#include <gtest/gtest.h>

#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "io/load.h"
#include "scene/draw_list.h"
#include "scene/hotspot_projection.h"
#include "scene/measure.h"
#include "scene/view_state.h"

using namespace friche;
using namespace friche::scene;

namespace {

const std::vector<NodeLook> kAsModelled;

Primitive primitive(std::vector<glm::vec3> positions, std::vector<std::uint32_t> indices) {
    Primitive p;
    p.mode = PrimitiveMode::Triangles;
    p.positions = std::move(positions);
    p.indices = std::move(indices);
    for (const glm::vec3& v : p.positions) p.bounds.extend(v);
    return p;
}

// An axis-aligned box, outward-facing (counter-clockwise seen from outside).
Primitive box(glm::vec3 lo, glm::vec3 hi) {
    std::vector<glm::vec3> v;
    for (int i = 0; i < 8; ++i)
        v.emplace_back((i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z);
    return primitive(v, {0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4,
                         2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5});
}

Model modelOf(std::vector<Primitive> parts) {
    Model m;
    m.scenes.push_back({"scene", {}});
    for (Primitive& p : parts) {
        m.meshes.push_back({"mesh", {std::move(p)}});
        Node n;
        n.mesh = static_cast<int>(m.meshes.size()) - 1;
        m.nodes.push_back(n);
        m.scenes[0].nodes.push_back(static_cast<int>(m.nodes.size()) - 1);
    }
    return m;
}

// A camera at `eye` looking at `target`, 800x600 points.
struct Viewpoint {
    glm::mat4 viewProjection;
    glm::vec2 size{800.0f, 600.0f};
    Viewpoint(glm::vec3 eye, glm::vec3 target)
        : viewProjection(glm::perspective(glm::radians(45.0f), 800.0f / 600.0f, 0.1f, 1000.0f) *
                         glm::lookAt(eye, target, glm::vec3(0, 1, 0))) {}
    glm::vec2 at(glm::vec3 p) const { return projectAnchor(viewProjection, p, size).point; }
    ToScreen toScreen() const {
        return [this](glm::vec3 p) -> std::optional<glm::vec2> { return at(p); };
    }
    std::optional<SurfaceHit> pick(const SightLines& sight, glm::vec2 pixel) const {
        const Ray ray = rayThrough(pixel, size, viewProjection);
        return sight.pick(ray.origin, ray.direction, kAsModelled);
    }
};

}  // namespace

TEST(Measure, PickFindsTheNearestSurfaceAndItsTriangle) {
    const Model m = modelOf({box({-1, 0, -1}, {1, 2, 1}), box({-1, 0, -6}, {1, 8, -4})});
    const SightLines sight(m, 0);
    const auto hit = sight.pick({0, 1, 10}, {0, 0, -1}, kAsModelled);
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->point.z, 1.0f, 1e-5f);  // the front box's face, not the one behind
    EXPECT_NEAR(hit->distance, 9.0f, 1e-5f);
    EXPECT_EQ(hit->node, 0);
    EXPECT_NEAR(hit->normal.z, 1.0f, 1e-5f);
    EXPECT_FALSE(sight.pick({0, 1, 10}, {0, 0, 1}, kAsModelled));  // looking away
    // Absent, the front box lets the ray through to the one behind.
    NodeLook absent;
    absent.opacity = 0.0f;
    const auto behind = sight.pick({0, 1, 10}, {0, 0, -1}, {absent, NodeLook{}});
    ASSERT_TRUE(behind);
    EXPECT_EQ(behind->node, 1);
}

TEST(Measure, AMovedNodeIsPickedWhereItWasMovedTo) {
    const Model m = modelOf({box({-1, 0, -1}, {1, 2, 1})});
    const SightLines sight(m, 0);
    NodeLook moved;
    moved.moved = glm::translate(glm::mat4(1.0f), glm::vec3(10, 0, 0));
    EXPECT_FALSE(sight.pick({10, 1, 10}, {0, 0, -1}, kAsModelled));
    const auto hit = sight.pick({10, 1, 10}, {0, 0, -1}, {moved});
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->point.x, 10.0f, 1e-5f);
    EXPECT_NEAR(hit->triangle[0].x - 10.0f, m.meshes[0].primitives[0].positions[0].x, 2.0f);
}

TEST(Measure, APickNearACornerSnapsToItNearAnEdgeToTheEdge) {
    const Model m = modelOf({box({-1, 0, -1}, {1, 2, 1})});
    const SightLines sight(m, 0);
    const Viewpoint camera({4, 5, 6}, {0, 1, 0});
    const glm::vec3 corner(1, 2, 1);
    const glm::vec2 near = camera.at(corner) + glm::vec2(-4.0f, 3.0f);
    const auto hit = camera.pick(sight, near);
    ASSERT_TRUE(hit);
    const MeasurePoint v = snap(*hit, camera.toScreen(), 12.0f);
    EXPECT_EQ(v.kind, SnapKind::Vertex);
    EXPECT_EQ(v.point, corner);
    // Halfway along the roof's front edge, a little inside: the edge.
    const glm::vec3 edge(0, 2, 1);
    const auto onRoof = camera.pick(sight, camera.at(edge) + glm::vec2(0.0f, -5.0f));
    ASSERT_TRUE(onRoof);
    const MeasurePoint e = snap(*onRoof, camera.toScreen(), 12.0f);
    EXPECT_EQ(e.kind, SnapKind::Edge);
    EXPECT_NEAR(e.point.y, 2.0f, 1e-4f);
    EXPECT_NEAR(e.point.z, 1.0f, 1e-4f);
    // In the middle of the roof, far from its sides: the face.
    const auto middle = camera.pick(sight, camera.at({0, 2, 0}));
    ASSERT_TRUE(middle);
    EXPECT_EQ(snap(*middle, camera.toScreen(), 12.0f).kind, SnapKind::Face);
}

TEST(Measure, HeightIsAboveTheGroundUnderThePointNotAboveASlabsUnderside) {
    // A 0.5 m thick ground slab whose top is at y = 0, and a 12 m hall on it.
    const Model m = modelOf({box({-50, -0.5f, -50}, {50, 0, 50}), box({-5, 0, -5}, {5, 12, 5})});
    const SightLines sight(m, 0);
    EXPECT_NEAR(heightAboveGround(sight, {1, 12, 1}, kAsModelled, -100.0f), 12.0, 1e-4);
    // Beyond the slab, the renderer's ground plane.
    EXPECT_NEAR(heightAboveGround(sight, {80, 3, 0}, kAsModelled, -2.0f), 5.0, 1e-4);
}

TEST(Measure, FaceAreaJoinsTheTrianglesOfAFaceAndStopsAtItsEdges) {
    const Model m = modelOf({box({0, 0, 0}, {4, 3, 10})});
    const SightLines sight(m, 0);
    const auto roof = sight.pick({1, 20, 1}, {0, -1, 0}, kAsModelled);
    ASSERT_TRUE(roof);
    EXPECT_NEAR(sight.faceArea(*roof, kAsModelled), 40.0, 1e-3);  // 4 x 10, not the walls
    const auto side = sight.pick({20, 1, 1}, {-1, 0, 0}, kAsModelled);
    ASSERT_TRUE(side);
    EXPECT_NEAR(sight.faceArea(*side, kAsModelled), 30.0, 1e-3);  // 3 x 10
}

TEST(Measure, GroundAreaOfAPolygonSeenFromAbove) {
    EXPECT_DOUBLE_EQ(groundArea({{0, 0, 0}, {10, 1, 0}, {10, 5, 20}, {0, 2, 20}}), 200.0);
    // An L: 10 x 10 less a 5 x 5 corner; either winding.
    EXPECT_DOUBLE_EQ(
        groundArea({{0, 0, 0}, {0, 0, 10}, {5, 0, 10}, {5, 0, 5}, {10, 0, 5}, {10, 0, 0}}), 75.0);
    EXPECT_DOUBLE_EQ(groundArea({{0, 0, 0}, {1, 0, 0}}), 0.0);
}

TEST(Measure, TwoCornersOfACorpusBoxAreItsEdgeApartWithinAMillimetre) {
    // Khronos' Box: a unit cube under a node that turns it Z-up to Y-up.
    io::LoadResult r = io::loadModel(std::string(FRICHE_CORPUS_DIR) +
                                     "/glTF-Sample-Assets/Models/Box/glTF-Binary/Box.glb");
    ASSERT_TRUE(r.ok());
    const Bounds b = worldBounds(r.model, buildDrawList(r.model, r.model.defaultScene));
    ASSERT_TRUE(b.valid());
    const SightLines sight(r.model, r.model.defaultScene);
    const Viewpoint camera(b.center() + glm::vec3(2.0f, 2.5f, 3.0f), b.center());
    const auto pickCorner = [&](glm::vec3 corner) {
        const auto hit = camera.pick(sight, camera.at(corner) + glm::vec2(-3.0f, 4.0f));
        EXPECT_TRUE(hit);
        const MeasurePoint p = hit ? snap(*hit, camera.toScreen(), 12.0f) : MeasurePoint{};
        EXPECT_EQ(p.kind, SnapKind::Vertex);
        return p.point;
    };
    const glm::vec3 a = pickCorner(b.max);
    const glm::vec3 c = pickCorner({b.max.x, b.max.y, b.min.z});
    EXPECT_NEAR(glm::distance(a, c), b.size().z, 0.001);
    EXPECT_NEAR(glm::distance(a, c), 1.0, 0.001);
    // And its top is a square metre.
    const auto top = camera.pick(sight, camera.at({b.center().x, b.max.y, b.center().z}));
    ASSERT_TRUE(top);
    EXPECT_NEAR(sight.faceArea(*top, kAsModelled), 1.0, 1e-4);
}
