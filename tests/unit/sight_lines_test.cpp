// Lines of sight to hotspot anchors: which drawn surfaces hide a label and
// which do not (looks, materials, primitive modes, transforms, instances).
#include <gtest/gtest.h>

#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/sight_lines.h"

using namespace friche::scene;

namespace {

// The eye looks down -Z at the origin; a point 5 m behind the z = 0 plane.
const glm::vec3 kEye{0.0f, 0.0f, 5.0f};
const glm::vec3 kBehind{0.0f, 0.0f, -5.0f};
const std::vector<NodeLook> kLooksAsModelled;

Primitive primitive(PrimitiveMode mode, std::vector<glm::vec3> positions,
                    std::vector<std::uint32_t> indices = {}) {
    Primitive p;
    p.mode = mode;
    p.positions = std::move(positions);
    p.indices = std::move(indices);
    for (const glm::vec3& v : p.positions) p.bounds.extend(v);
    return p;
}

// A unit square in the z = 0 plane, centred on (x, 0, 0), as two indexed triangles.
Primitive quad(float x = 0.0f) {
    return primitive(
        PrimitiveMode::Triangles,
        {{x - 0.5f, -0.5f, 0}, {x + 0.5f, -0.5f, 0}, {x + 0.5f, 0.5f, 0}, {x - 0.5f, 0.5f, 0}},
        {0, 1, 2, 0, 2, 3});
}

// A unit cube centred on the origin: 12 indexed triangles.
Primitive unitCube() {
    std::vector<glm::vec3> v;
    for (int i = 0; i < 8; ++i)
        v.emplace_back((i & 1) ? 0.5f : -0.5f, (i & 2) ? 0.5f : -0.5f, (i & 4) ? 0.5f : -0.5f);
    return primitive(PrimitiveMode::Triangles, v,
                     {0, 1, 3, 0, 3, 2, 4, 5, 7, 4, 7, 6, 0, 1, 5, 0, 5, 4,
                      2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 3, 7, 1, 7, 5});
}

// One node drawing one primitive, root of scene 0.
Model oneNodeModel(Primitive p, glm::mat4 local = glm::mat4(1.0f)) {
    Model m;
    m.meshes.push_back({"mesh", {std::move(p)}});
    Node n;
    n.mesh = 0;
    n.local = local;
    m.nodes.push_back(n);
    m.scenes.push_back({"scene", {0}});
    return m;
}

// Whether `m` hides `point` from `eye`, its nodes drawn with `looks`.
bool blocked(const Model& m, glm::vec3 eye, glm::vec3 point,
             const std::vector<NodeLook>& looks = {}) {
    return SightLines(m, 0).blocked(eye, point, looks);
}

}  // namespace

TEST(SightLines, QuadInTheWayBlocksAndMovedAsideDoesNot) {
    const Model inTheWay = oneNodeModel(quad());
    const Model aside = oneNodeModel(quad(3.0f));
    EXPECT_TRUE(blocked(inTheWay, kEye, kBehind));
    EXPECT_FALSE(blocked(aside, kEye, kBehind));
    // In front of the quad, nothing is in the way.
    EXPECT_FALSE(blocked(inTheWay, kEye, {0, 0, 1}));
}

TEST(SightLines, AnchorOnTheBoxSurfaceIsNotHiddenByThatSurface) {
    const Model box = oneNodeModel(unitCube());
    const SightLines sight(box, 0);
    EXPECT_FALSE(sight.blocked(kEye, {0, 0, 0.5f}, kLooksAsModelled));             // front face
    EXPECT_FALSE(sight.blocked({0, 5, 5}, {0.2f, 0.5f, 0.1f}, kLooksAsModelled));  // on the roof
    EXPECT_TRUE(
        sight.blocked(kEye, {0, 0, -0.5f}, kLooksAsModelled));      // back face, behind the front
    EXPECT_TRUE(sight.blocked(kEye, {0, 0, 0}, kLooksAsModelled));  // inside: the margin is small
}

TEST(SightLines, MarginGrowsWithDistance) {
    EXPECT_FLOAT_EQ(anchorMargin(1.0f), 0.25f);
    EXPECT_FLOAT_EQ(anchorMargin(500.0f), 5.0f);
    // 1 m behind a wall seen from 400 m (margin 4 m) still reads as visible.
    const Model wall = oneNodeModel(quad(), glm::scale(glm::mat4(1.0f), glm::vec3(10.0f)));
    EXPECT_FALSE(blocked(wall, {0, 0, 400}, {0, 0, -1}));
    EXPECT_TRUE(blocked(wall, {0, 0, 400}, {0, 0, -10}));
}

TEST(SightLines, NearIsWithinReachOfABoxThatCanBlock) {
    const Model box =
        oneNodeModel(unitCube(), glm::translate(glm::mat4(1.0f), glm::vec3(10, 0, 0)));
    const SightLines sight(box, 0);
    EXPECT_TRUE(sight.near({10, 0, 0}, 0.0f, kLooksAsModelled));  // inside
    EXPECT_TRUE(sight.near({10, 0, 3.4f}, 3.0f, kLooksAsModelled));
    EXPECT_FALSE(sight.near({10, 0, 3.6f}, 3.0f, kLooksAsModelled));
    EXPECT_FALSE(sight.near({0, 0, 0}, 3.0f, kLooksAsModelled));
    NodeLook moved;
    moved.moved = glm::translate(glm::mat4(1.0f), glm::vec3(-10, 0, 0));
    EXPECT_TRUE(sight.near({0, 0, 0}, 3.0f, {moved}));
    NodeLook absent;
    absent.opacity = 0.0f;
    EXPECT_FALSE(sight.near({10, 0, 0}, 3.0f, {absent}));
}

TEST(SightLines, SeeThroughLooksDoNotBlock) {
    const Model m = oneNodeModel(quad());
    NodeLook absent;
    absent.opacity = 0.0f;
    NodeLook ghosted;
    ghosted.opacity = kGhostOpacity;
    ghosted.ghost = 1.0f;
    NodeLook fading;
    fading.opacity = 0.8f;
    NodeLook dissolved;
    dissolved.dissolve = 0.9f;
    NodeLook nibbled;
    nibbled.dissolve = 0.2f;
    NodeLook construction;
    construction.construction = 1.0f;
    EXPECT_FALSE(blocked(m, kEye, kBehind, {absent}));
    EXPECT_FALSE(blocked(m, kEye, kBehind, {ghosted}));
    EXPECT_FALSE(blocked(m, kEye, kBehind, {fading}));
    EXPECT_FALSE(blocked(m, kEye, kBehind, {dissolved}));
    EXPECT_TRUE(blocked(m, kEye, kBehind, {nibbled}));
    EXPECT_TRUE(blocked(m, kEye, kBehind, {construction}));
    EXPECT_TRUE(blocked(m, kEye, kBehind, {NodeLook{}}));
}

TEST(SightLines, OnlyTheSurfaceBelowTheClipPlaneBlocks) {
    const Model m = oneNodeModel(quad());
    NodeLook rising;  // the quad spans y -0.5..0.5; cut away above y = 0
    rising.clip = 0.5f;
    rising.clipBottom = -0.5f;
    rising.clipTop = 0.5f;
    EXPECT_FALSE(blocked(m, {0, 0.25f, 5}, {0, 0.25f, -5}, {rising}));
    EXPECT_TRUE(blocked(m, {0, -0.25f, 5}, {0, -0.25f, -5}, {rising}));
}

TEST(SightLines, ClippedSurfaceDoesNotHideASolidOneBehindIt) {
    // Two cubes on the line of sight: the nearer one clipped away at the hit.
    Model m = oneNodeModel(unitCube());
    Node far;
    far.mesh = 0;
    far.local = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, -2));
    m.nodes.push_back(far);
    m.scenes[0].nodes.push_back(1);
    NodeLook sunk;
    sunk.clip = 0.1f;
    sunk.clipBottom = -0.5f;
    sunk.clipTop = 0.5f;
    const SightLines sight(m, 0);
    EXPECT_TRUE(sight.blocked(kEye, {0, 0, -5}, {sunk, NodeLook{}}));
    NodeLook absent;
    absent.opacity = 0.0f;
    EXPECT_FALSE(sight.blocked(kEye, {0, 0, -5}, {sunk, absent}));
}

TEST(SightLines, NonIndexedTrianglesStripAndFanBlock) {
    const std::vector<glm::vec3> corners = {{-0.5f, -0.5f, 0}, {0.5f, -0.5f, 0}, {0.5f, 0.5f, 0},
                                            {-0.5f, -0.5f, 0}, {0.5f, 0.5f, 0},  {-0.5f, 0.5f, 0}};
    const Model soup = oneNodeModel(primitive(PrimitiveMode::Triangles, corners));
    EXPECT_TRUE(blocked(soup, kEye, kBehind));
    EXPECT_TRUE(blocked(soup, {-0.3f, 0.3f, 5}, {-0.3f, 0.3f, -5}));

    // A strip 0-1-2, 1-2-3 over a long thin band x in [0, 3]: its second triangle covers x = 2.5.
    const Model strip = oneNodeModel(primitive(
        PrimitiveMode::TriangleStrip, {{0, -0.5f, 0}, {1, 0.5f, 0}, {2, -0.5f, 0}, {3, 0.5f, 0}}));
    EXPECT_TRUE(blocked(strip, {2.5f, 0.2f, 5}, {2.5f, 0.2f, -5}));
    EXPECT_FALSE(blocked(strip, {4.0f, 0, 5}, {4.0f, 0, -5}));

    const Model fan = oneNodeModel(primitive(
        PrimitiveMode::TriangleFan, {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {-1, 1, 0}}));
    EXPECT_TRUE(blocked(fan, {-0.3f, 0.8f, 5}, {-0.3f, 0.8f, -5}));
    EXPECT_FALSE(blocked(fan, {0.5f, -0.5f, 5}, {0.5f, -0.5f, -5}));
}

TEST(SightLines, PointsAndLinesNeverBlock) {
    const std::vector<glm::vec3> corners = {{-0.5f, -0.5f, 0}, {0.5f, 0.5f, 0}, {-0.5f, 0.5f, 0},
                                            {0.5f, -0.5f, 0},  {0, -0.5f, 0},   {0, 0.5f, 0}};
    for (PrimitiveMode mode : {PrimitiveMode::Points, PrimitiveMode::Lines, PrimitiveMode::LineLoop,
                               PrimitiveMode::LineStrip}) {
        const Model m = oneNodeModel(primitive(mode, corners));
        EXPECT_EQ(SightLines(m, 0).itemCount(), 0u);
        EXPECT_FALSE(blocked(m, kEye, kBehind));
    }
}

TEST(SightLines, BlendMaterialsAreSeeThroughMaskIsSolid) {
    Model m = oneNodeModel(quad());
    m.materials.push_back({});
    m.meshes[0].primitives[0].material = 0;
    m.materials[0].alphaMode = AlphaMode::Blend;
    EXPECT_FALSE(blocked(m, kEye, kBehind));
    m.materials[0].alphaMode = AlphaMode::Mask;
    EXPECT_TRUE(blocked(m, kEye, kBehind));
}

TEST(SightLines, MirroredNodeBlocksWhereItIsDrawn) {
    // The quad is modelled at x = 3; mirrored in X it is drawn at x = -3.
    const Model m = oneNodeModel(quad(3.0f), glm::scale(glm::mat4(1.0f), glm::vec3(-1, 1, 1)));
    const SightLines sight(m, 0);
    EXPECT_TRUE(sight.blocked({-3, 0, 5}, {-3, 0, -5}, kLooksAsModelled));
    EXPECT_FALSE(sight.blocked({3, 0, 5}, {3, 0, -5}, kLooksAsModelled));
}

TEST(SightLines, OnlyTheSecondInstanceIsInTheWay) {
    Model m = oneNodeModel(quad());
    m.nodes[0].local = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, 1));
    m.nodes[0].instances = {glm::translate(glm::mat4(1.0f), glm::vec3(-3, 0, 0)),
                            glm::translate(glm::mat4(1.0f), glm::vec3(4, 0, 0))};
    const SightLines sight(m, 0);
    EXPECT_EQ(sight.itemCount(), 2u);
    EXPECT_TRUE(sight.blocked({4, 0, 5}, {4, 0, -5}, kLooksAsModelled));
    EXPECT_FALSE(sight.blocked(kEye, kBehind, kLooksAsModelled));
    // The looks are per node: both instances go with it.
    NodeLook absent;
    absent.opacity = 0.0f;
    EXPECT_FALSE(sight.blocked({4, 0, 5}, {4, 0, -5}, {absent}));
}

TEST(SightLines, FlattenedNodeAndBrokenIndicesAreSkipped) {
    Model flat = oneNodeModel(quad(), glm::scale(glm::mat4(1.0f), glm::vec3(0.0f)));
    EXPECT_EQ(SightLines(flat, 0).itemCount(), 0u);
    Model broken = oneNodeModel(quad());
    broken.meshes[0].primitives[0].indices = {0, 1, 2, 0, 2, 99};
    const SightLines sight(broken, 0);
    EXPECT_TRUE(sight.blocked({0.3f, -0.3f, 5}, {0.3f, -0.3f, -5}, kLooksAsModelled));
    EXPECT_FALSE(sight.blocked({-0.3f, 0.3f, 5}, {-0.3f, 0.3f, -5}, kLooksAsModelled));
}

TEST(SightLines, EmptyModelAndMissingSceneBlockNothing) {
    const Model empty;
    EXPECT_FALSE(blocked(empty, kEye, kBehind));
    const Model m = oneNodeModel(quad());
    EXPECT_FALSE(SightLines(m, 3).blocked(kEye, kBehind, kLooksAsModelled));
    EXPECT_FALSE(blocked(m, kEye, kEye));
}

TEST(SightLines, OneAnswerPerHotspot) {
    const Model m = oneNodeModel(quad());
    const SightLines sight(m, 0);
    std::vector<Hotspot> hotspots(3);
    hotspots[0].anchor = kBehind;
    hotspots[1].anchor = {3, 0, -5};
    hotspots[2].anchor = {0, 0, -1};
    EXPECT_EQ(sight.blocked(kEye, hotspots, kLooksAsModelled),
              (std::vector<bool>{true, false, true}));
}
