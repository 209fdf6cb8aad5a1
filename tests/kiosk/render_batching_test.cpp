// The renderer in-process on llvmpipe: a model of very many small nodes takes
// few draw calls (they are batched), and a scenario's per-node looks still
// reach each node, splitting a batch only where looks differ.
#include <gtest/gtest.h>

#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "render/gpu_model.h"
#include "render/renderer.h"
#include "support/framed_view.h"
#include "support/headless_renderer.h"

using namespace friche;

namespace {

constexpr int kNodes = 100000;
constexpr int kBatchingSize = 64;

// `n` one-triangle nodes in a row, each with its own mesh: the worst case
// before batching, one draw call per node and pass.
scene::Model triangleNodes(int n) {
    scene::Model m;
    scene::Primitive tri;
    tri.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    tri.bounds = scene::Bounds::of({0, 0, 0}, {1, 1, 0});
    m.scenes.push_back({"s", {}});
    for (int i = 0; i < n; ++i) {
        m.meshes.push_back({"tri", {tri}});
        scene::Node node;
        node.mesh = i;
        node.local = glm::translate(glm::mat4(1), glm::vec3(2.0f * static_cast<float>(i), 0, 0));
        m.nodes.push_back(node);
        m.scenes[0].nodes.push_back(i);
    }
    return m;
}

}  // namespace

TEST(RenderBatching, ManyNodesTakeFewDrawCallsAndKeepTheirLooks) {
    test::HeadlessRenderer gl;
    ASSERT_TRUE(gl.open("batching", kBatchingSize, kBatchingSize));
    core::Problems problems;
    const scene::Model model = triangleNodes(kNodes);
    auto gpu = gl.renderer->upload(model, problems);
    render::ViewParams view = test::framedView(model, kBatchingSize);
    view.lighting.shadows = false;  // the main pass is the one counted

    gl.target->bind();
    gl.renderer->draw(*gpu, view);
    const int asModelled = gl.renderer->stats().drawCalls;
    EXPECT_GT(asModelled, 0);
    EXPECT_LE(asModelled, 100) << "one draw call a node: not batched";

    // Node 500 absent, node 700 ghosted: its batch is drawn in four runs
    // (before 500, between them, 700 alone and blended, after 700).
    std::vector<scene::NodeLook> looks(kNodes);
    looks[500].opacity = 0.0f;
    looks[700] = {.opacity = scene::kGhostOpacity, .ghost = 1.0f};
    view.looks = looks;
    gl.renderer->draw(*gpu, view);
    EXPECT_EQ(gl.renderer->stats().drawCalls, asModelled + 3);

    // Every node absent: nothing is drawn, however the batches fall.
    const std::vector<scene::NodeLook> absent(kNodes, {.opacity = 0.0f});
    view.looks = absent;
    gl.renderer->draw(*gpu, view);
    EXPECT_EQ(gl.renderer->stats().drawCalls, 0);
}
