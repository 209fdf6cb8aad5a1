// Batching many small primitives: which items are batched, how far a batch
// grows, and that a merged batch is its members in world space, in order.
#include <gtest/gtest.h>

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/batches.h"

using namespace friche::scene;

namespace {

// `n` root nodes side by side, each drawing mesh 0 (a triangle) or, for the
// nodes listed in `big`, mesh 1 (too many vertices to be worth batching).
Model rowOfTriangles(int n, const std::vector<int>& big = {}) {
    Model m;
    Primitive tri;
    tri.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    tri.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
    tri.bounds = Bounds::of({0, 0, 0}, {1, 1, 0});
    Primitive cloud;
    cloud.mode = PrimitiveMode::Points;
    cloud.positions.resize(kBatchPrimitiveVertices + 1);
    m.meshes.push_back({"tri", {tri}});
    m.meshes.push_back({"cloud", {cloud}});
    m.scenes.push_back({"s", {}});
    for (int i = 0; i < n; ++i) {
        Node node;
        node.mesh = std::find(big.begin(), big.end(), i) != big.end() ? 1 : 0;
        node.local = glm::translate(glm::mat4(1), glm::vec3(2.0f * static_cast<float>(i), 0, 0));
        m.nodes.push_back(node);
        m.scenes[0].nodes.push_back(i);
    }
    return m;
}

std::size_t batchedCount(const Batching& plan) {
    std::size_t n = 0;
    for (const auto& b : plan.batches) n += b.size();
    return n;
}

}  // namespace

TEST(Batches, ShortListsAreDrawnAsModelled) {
    const Model m = rowOfTriangles(10);
    const auto items = buildDrawList(m, 0);
    const Batching plan = planBatches(m, items);
    EXPECT_TRUE(plan.batches.empty());
    EXPECT_EQ(plan.loose.size(), 10u);
}

TEST(Batches, ManyNodesBecomeFewBatches) {
    const int n = 100000;
    const Model m = rowOfTriangles(n, {7, 5000});
    const auto items = buildDrawList(m, 0);
    const Batching plan = planBatches(m, items);
    EXPECT_EQ(plan.loose, (std::vector<std::size_t>{7, 5000}));  // large ones stay alone
    EXPECT_EQ(batchedCount(plan), static_cast<std::size_t>(n - 2));
    // 3 vertices a member, 65,536 at most a batch.
    EXPECT_EQ(plan.batches.size(), static_cast<std::size_t>((n - 2 + 21844) / 21845));
}

TEST(Batches, MirroredItemsBatchApart) {
    Model m = rowOfTriangles(static_cast<int>(kBatchFromItems));
    m.nodes[3].local = glm::scale(m.nodes[3].local, glm::vec3(-1, 1, 1));
    const auto items = buildDrawList(m, 0);
    const Batching plan = planBatches(m, items);
    ASSERT_EQ(plan.batches.size(), 2u);
    EXPECT_EQ(plan.batches[1], (std::vector<std::size_t>{3}));
}

TEST(Batches, MergedBatchIsItsMembersInWorldSpace) {
    const Model m = rowOfTriangles(static_cast<int>(kBatchFromItems));
    const auto items = buildDrawList(m, 0);
    const MergedBatch merged = mergeBatch(m, items, {2, 5});
    const Primitive& p = merged.primitive;
    ASSERT_EQ(p.positions.size(), 6u);
    EXPECT_EQ(p.positions[1], glm::vec3(5, 0, 0));  // node 2 at x = 4, its vertex at x = 1
    EXPECT_EQ(p.positions[3], glm::vec3(10, 0, 0));
    EXPECT_EQ(p.normals[4], glm::vec3(0, 0, 1));
    EXPECT_EQ(p.indices, (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5}));  // drawn in order
    EXPECT_EQ(merged.ends, (std::vector<std::uint32_t>{3, 6}));
    EXPECT_FLOAT_EQ(merged.bounds[1].min.x, 10.0f);
    EXPECT_FLOAT_EQ(p.bounds.min.x, 4.0f);
    EXPECT_FLOAT_EQ(p.bounds.max.x, 11.0f);
}

TEST(Batches, StripsFansAndLoopsJoinAsLists) {
    Model m = rowOfTriangles(static_cast<int>(kBatchFromItems));
    Primitive strip;
    strip.mode = PrimitiveMode::TriangleStrip;
    strip.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}};
    strip.normals.assign(4, {0, 0, 1});
    Primitive fan = strip, loop = strip;
    fan.mode = PrimitiveMode::TriangleFan;
    loop.mode = PrimitiveMode::LineLoop;
    loop.normals.clear();
    m.meshes.push_back({"shapes", {strip, fan, loop}});
    m.nodes[0].mesh = 2;
    const auto items = buildDrawList(m, 0);
    const Batching plan = planBatches(m, items);
    EXPECT_TRUE(plan.loose.empty());
    ASSERT_EQ(plan.batches.size(), 2u);  // the triangles, strip and fan; the loop's lines
    const MergedBatch lines = mergeBatch(m, items, plan.batches[0]);
    EXPECT_EQ(lines.primitive.mode, PrimitiveMode::Lines);
    EXPECT_EQ(lines.primitive.indices, (std::vector<std::uint32_t>{0, 1, 1, 2, 2, 3, 3, 0}));
    const MergedBatch triangles = mergeBatch(m, items, {0, 1, 3});
    EXPECT_EQ(triangles.primitive.mode, PrimitiveMode::Triangles);
    // The strip's second triangle keeps its winding; the fan turns about vertex 0.
    EXPECT_EQ(triangles.primitive.indices,
              (std::vector<std::uint32_t>{0, 1, 2, 2, 1, 3, 4, 5, 6, 4, 6, 7, 8, 9, 10}));
}
