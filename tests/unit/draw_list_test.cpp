// The node tree flattening: world matrices, instancing, visibility, hostile graphs.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/draw_list.h"

using namespace friche::scene;

namespace {

// One triangle mesh, `n` nodes, all roots of scene 0.
Model modelWithNodes(int n) {
    Model m;
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    p.bounds.extend(glm::vec3(0, 0, 0));
    p.bounds.extend(glm::vec3(1, 1, 0));
    m.meshes.push_back({"tri", {p}});
    m.nodes.resize(static_cast<std::size_t>(n));
    m.scenes.push_back({"s", {}});
    return m;
}

}  // namespace

TEST(DrawList, ComposesParentAndChildTransforms) {
    Model m = modelWithNodes(2);
    m.nodes[0].local = glm::translate(glm::mat4(1), glm::vec3(10, 0, 0));
    m.nodes[0].children = {1};
    m.nodes[1].parent = 0;
    m.nodes[1].local = glm::scale(glm::mat4(1), glm::vec3(2));
    m.nodes[1].mesh = 0;
    m.scenes[0].nodes = {0};
    const auto items = buildDrawList(m, 0);
    ASSERT_EQ(items.size(), 1u);
    const glm::vec4 p = items[0].world * glm::vec4(1, 0, 0, 1);
    EXPECT_FLOAT_EQ(p.x, 12.0f);
    const Bounds b = worldBounds(m, items);
    EXPECT_FLOAT_EQ(b.min.x, 10.0f);
    EXPECT_FLOAT_EQ(b.max.x, 12.0f);
    EXPECT_FLOAT_EQ(b.max.y, 2.0f);
}

TEST(DrawList, NegativeScaleIsMirrored) {
    Model m = modelWithNodes(2);
    m.nodes[0].mesh = 0;
    m.nodes[1].mesh = 0;
    m.nodes[1].local = glm::scale(glm::mat4(1), glm::vec3(-1, 1, 1));
    m.scenes[0].nodes = {0, 1};
    const auto items = buildDrawList(m, 0);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_FALSE(items[0].mirrored);
    EXPECT_TRUE(items[1].mirrored);
}

TEST(DrawList, InstancesExpandAndCountTriangles) {
    Model m = modelWithNodes(1);
    m.nodes[0].mesh = 0;
    for (int i = 0; i < 5; ++i)
        m.nodes[0].instances.push_back(glm::translate(glm::mat4(1), glm::vec3(float(i), 0, 0)));
    m.scenes[0].nodes = {0};
    const auto items = buildDrawList(m, 0);
    EXPECT_EQ(items.size(), 5u);
    EXPECT_EQ(computeStats(m, items).triangles, 5u);
    EXPECT_FLOAT_EQ(worldBounds(m, items).max.x, 5.0f);
}

// Traffic loops around its node's origin (shaders/drive.glsl): each item of
// an instanced node knows where that origin lies, whatever its instance.
TEST(DrawList, InstancesKnowTheirNodesOrigin) {
    Model m = modelWithNodes(2);
    m.nodes[0].local = glm::translate(glm::mat4(1), glm::vec3(10, 0, 0));
    m.nodes[0].children = {1};
    m.nodes[1].parent = 0;
    m.nodes[1].local = glm::translate(glm::mat4(1), glm::vec3(0, 0, 5));
    m.nodes[1].mesh = 0;
    for (float x : {-100.0f, 40.0f})
        m.nodes[1].instances.push_back(glm::translate(glm::mat4(1), glm::vec3(x, 0, 0)));
    m.scenes[0].nodes = {0};
    const auto items = buildDrawList(m, 0);
    ASSERT_EQ(items.size(), 2u);
    for (const DrawItem& item : items) {
        EXPECT_EQ(item.origin, glm::vec3(10, 0, 5));
    }
    EXPECT_FLOAT_EQ(items[0].world[3].x, -90.0f);
}

TEST(DrawList, HiddenNodeHidesItsSubtree) {
    Model m = modelWithNodes(2);
    m.nodes[0].visible = false;
    m.nodes[0].children = {1};
    m.nodes[1].mesh = 0;
    m.scenes[0].nodes = {0};
    EXPECT_TRUE(buildDrawList(m, 0).empty());
}

TEST(DrawList, CyclesAndBadIndicesTerminate) {
    Model m = modelWithNodes(2);
    m.nodes[0].children = {1, 7, -3};
    m.nodes[1].children = {0, 1};
    m.nodes[1].mesh = 0;
    m.scenes[0].nodes = {0, 0, 42};
    EXPECT_EQ(buildDrawList(m, 0).size(), 1u);
    EXPECT_TRUE(buildDrawList(m, 3).empty());
}

TEST(DrawList, TriangleCountsPerMode) {
    Primitive p;
    p.positions.resize(6);
    p.mode = PrimitiveMode::Triangles;
    EXPECT_EQ(triangleCount(p), 2u);
    p.mode = PrimitiveMode::TriangleStrip;
    EXPECT_EQ(triangleCount(p), 4u);
    p.mode = PrimitiveMode::TriangleFan;
    EXPECT_EQ(triangleCount(p), 4u);
    p.mode = PrimitiveMode::Lines;
    EXPECT_EQ(triangleCount(p), 0u);
    p.indices = {0, 1, 2};
    p.mode = PrimitiveMode::Triangles;
    EXPECT_EQ(triangleCount(p), 1u);
}

TEST(TextureTransform, ExtensionExampleShowsLowerLeftQuadrant) {
    // KHR_texture_transform's example: offset [0,1], rotation pi/2, scale 0.5
    // "utilizes only the lower left quadrant of the source image, rotated
    // clockwise 90 degrees" (UV origin top-left, v down).
    TextureTransform t;
    t.offset = {0.0f, 1.0f};
    t.rotation = 1.5707963f;
    t.scale = {0.5f, 0.5f};
    const glm::mat3 m = t.matrix();
    for (float u : {0.0f, 0.5f, 1.0f}) {
        for (float v : {0.0f, 0.5f, 1.0f}) {
            const glm::vec3 uv = m * glm::vec3(u, v, 1);
            EXPECT_GE(uv.x, -1e-5f);
            EXPECT_LE(uv.x, 0.5f + 1e-5f);
            EXPECT_GE(uv.y, 0.5f - 1e-5f);
            EXPECT_LE(uv.y, 1.0f + 1e-5f);
        }
    }
    // Rotated clockwise: the quad's top-left corner samples the quadrant's bottom-left.
    const glm::vec3 topLeft = m * glm::vec3(0, 0, 1);
    EXPECT_NEAR(topLeft.x, 0.0f, 1e-5f);
    EXPECT_NEAR(topLeft.y, 1.0f, 1e-5f);
}
