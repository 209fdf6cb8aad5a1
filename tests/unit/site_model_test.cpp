// Assembling a scenario's site from its model files: indices shifted when
// files are merged, layer transforms applied, layers on one placement
// sharing nodes, a layer placed twice drawn twice, what no layer names drawn
// as modelled, variants merged by name, hidden ancestors honoured.
#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/draw_list.h"
#include "scene/site_model.h"

using namespace friche::scene;

namespace {

// A file of one mesh (one primitive with material 0 and a base colour
// texture), one node per name, all roots of one scene.
Model file(const std::vector<std::string>& names) {
    Model m;
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    p.bounds.extend(glm::vec3(0.0f));
    p.bounds.extend(glm::vec3(1.0f, 1.0f, 0.0f));
    p.material = 0;
    m.meshes.push_back({"mesh", {p}});
    Material mat;
    mat.baseColorTexture.texture = 0;
    m.materials = {mat};
    m.textures = {{.image = 0, .sampler = 0}};
    m.images = {{.name = "image", .width = 1, .height = 1, .rgba = {255, 255, 255, 255}}};
    m.samplers = {Sampler{}};
    SceneRoots scene{.name = "scene", .nodes = {}};
    for (const std::string& name : names) {
        scene.nodes.push_back(static_cast<int>(m.nodes.size()));
        Node n;
        n.name = name;
        n.mesh = 0;
        m.nodes.push_back(n);
    }
    m.scenes = {scene};
    return m;
}

Layer layer(const std::string& id, const std::string& path, std::vector<std::string> nodes = {}) {
    Layer l;
    l.id = id;
    l.model = path;
    l.modelPath = path;
    l.nodes = std::move(nodes);
    return l;
}

// One phase with every layer present.
Scenario story(std::vector<Layer> layers) {
    Scenario s;
    s.layers = std::move(layers);
    Phase p;
    p.layers.assign(s.layers.size(), {LayerState::Present, Transition::Dissolve, -1});
    s.phases = {p};
    return s;
}

// World position of each drawn node's origin, by name.
std::vector<std::pair<std::string, glm::vec3>> placed(const Model& m) {
    std::vector<std::pair<std::string, glm::vec3>> out;
    for (const NodeWorld& nw : visibleNodes(m, m.defaultScene))
        out.emplace_back(m.nodes[static_cast<std::size_t>(nw.node)].name, glm::vec3(nw.world[3]));
    return out;
}

}  // namespace

TEST(SiteModel, TwoFilesAreMergedWithTheirIndicesShifted) {
    const Scenario s = story({layer("halls", "a.glb"), layer("trees", "b.glb")});
    std::vector<ModelFile> files;
    files.push_back({"a.glb", file({"hall"})});
    files.push_back({"b.glb", file({"oak", "elm"})});
    const SiteModel site = assembleSite(s, std::move(files));
    const Model& m = site.model;
    ASSERT_EQ(m.nodes.size(), 3u);
    ASSERT_EQ(m.meshes.size(), 2u);
    ASSERT_EQ(m.materials.size(), 2u);
    ASSERT_EQ(m.images.size(), 2u);
    EXPECT_EQ(m.nodes[0].mesh, 0);
    EXPECT_EQ(m.nodes[1].mesh, 1);
    EXPECT_EQ(m.nodes[2].mesh, 1);
    EXPECT_EQ(m.meshes[1].primitives[0].material, 1);
    EXPECT_EQ(m.materials[1].baseColorTexture.texture, 1);
    EXPECT_EQ(m.textures[1].image, 1);
    EXPECT_EQ(m.textures[1].sampler, 1);
    EXPECT_EQ(site.owners[0].layer, 0);
    EXPECT_EQ(site.owners[2].layer, 1);
    EXPECT_EQ(buildDrawList(m, m.defaultScene).size(), 3u);
}

TEST(SiteModel, LayerTransformPlacesItsCopy) {
    Layer trees = layer("trees", "b.glb");
    trees.transform.translation = glm::vec3(100.0f, 0.0f, 0.0f);
    trees.transform.rotationDegrees = glm::vec3(0.0f, 90.0f, 0.0f);
    std::vector<ModelFile> files;
    Model b = file({"oak"});
    b.nodes[0].local = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, -10.0f));
    files.push_back({"b.glb", std::move(b)});
    const SiteModel site = assembleSite(story({trees}), std::move(files));
    const auto nodes = placed(site.model);
    ASSERT_EQ(nodes.size(), 1u);
    // Turned a quarter round +Y (-Z goes to -X), then moved 100 m along +X.
    EXPECT_NEAR(nodes[0].second.x, 90.0f, 1e-4f);
    EXPECT_NEAR(nodes[0].second.z, 0.0f, 1e-4f);
}

TEST(SiteModel, OneFilePlacedTwiceIsDrawnTwice) {
    Layer north = layer("north", "b.glb"), south = layer("south", "b.glb");
    north.transform.translation = glm::vec3(0.0f, 0.0f, -50.0f);
    south.transform.translation = glm::vec3(0.0f, 0.0f, 50.0f);
    std::vector<ModelFile> files;
    files.push_back({"b.glb", file({"oak"})});
    const SiteModel site = assembleSite(story({north, south}), std::move(files));
    const auto nodes = placed(site.model);
    ASSERT_EQ(nodes.size(), 2u);
    EXPECT_FLOAT_EQ(nodes[0].second.z, -50.0f);
    EXPECT_FLOAT_EQ(nodes[1].second.z, 50.0f);
    // Geometry is shared, not copied.
    EXPECT_EQ(site.model.meshes.size(), 1u);
}

TEST(SiteModel, OnOnePlacementTheLastLayerNamingANodeOwnsIt) {
    // "site" takes the whole file, then "hall" takes one node of it: drawn once, as the hall's.
    const Scenario s = story({layer("site", "a.glb"), layer("hall", "a.glb", {"hall"})});
    std::vector<ModelFile> files;
    files.push_back({"a.glb", file({"hall", "yard"})});
    const SiteModel site = assembleSite(s, std::move(files));
    ASSERT_EQ(site.model.nodes.size(), 2u);
    for (std::size_t n = 0; n < 2; ++n)
        EXPECT_EQ(site.owners[n].layer, site.model.nodes[n].name == "hall" ? 1 : 0);
}

TEST(SiteModel, WhatNoLayerNamesIsDrawnAsModelled) {
    const Scenario s = story({layer("hall", "a.glb", {"hall"})});
    std::vector<ModelFile> files;
    files.push_back({"a.glb", file({"hall", "yard", "road"})});
    files.push_back({"unused.glb", file({"nothing"})});
    const SiteModel site = assembleSite(s, std::move(files));
    ASSERT_EQ(site.model.nodes.size(), 3u);
    EXPECT_EQ(site.owners[0].layer, 0);
    EXPECT_EQ(site.owners[1].layer, -1);
    EXPECT_EQ(site.owners[2].layer, -1);
    EXPECT_EQ(site.model.meshes.size(), 1u);  // the unused file brings nothing
}

TEST(SiteModel, NamedNodeKeepsItsParentsPlacementAndVisibility) {
    Model a = file({"group"});
    a.nodes[0].local = glm::translate(glm::mat4(1.0f), glm::vec3(5.0f, 0.0f, 0.0f));
    Node inner;
    inner.name = "inner";
    inner.parent = 0;
    inner.mesh = 0;
    a.nodes.push_back(inner);
    a.nodes[0].children = {1};
    std::vector<ModelFile> files;
    files.push_back({"a.glb", a});
    const SiteModel shown = assembleSite(story({layer("inner", "a.glb", {"inner"})}), files);
    const auto nodes = placed(shown.model);
    ASSERT_FALSE(nodes.empty());
    EXPECT_EQ(nodes[0].first, "inner");
    EXPECT_FLOAT_EQ(nodes[0].second.x, 5.0f);
    // KHR_node_visibility: a hidden parent hides the named node too.
    files[0].model.nodes[0].visible = false;
    const SiteModel hidden = assembleSite(story({layer("inner", "a.glb", {"inner"})}), files);
    ASSERT_FALSE(hidden.model.nodes.empty());
    EXPECT_FALSE(hidden.model.nodes[0].visible);
}

TEST(SiteModel, VariantsAreMergedByName) {
    Model a = file({"hall"}), b = file({"oak"});
    a.variants = {"day", "night"};
    b.variants = {"night"};
    a.materials.push_back(Material{});
    b.materials.push_back(Material{});
    a.meshes[0].primitives[0].variantMaterials = {-1, 1};
    b.meshes[0].primitives[0].variantMaterials = {1};
    std::vector<ModelFile> files;
    files.push_back({"a.glb", std::move(a)});
    files.push_back({"b.glb", std::move(b)});
    const SiteModel site =
        assembleSite(story({layer("halls", "a.glb"), layer("trees", "b.glb")}), std::move(files));
    ASSERT_EQ(site.model.variants, (std::vector<std::string>{"day", "night"}));
    // b's "night" (its variant 0) is the site's variant 1, with b's material 1 now at 3.
    EXPECT_EQ(site.model.meshes[1].primitives[0].variantMaterials, (std::vector<int>{-1, 3}));
    EXPECT_EQ(site.model.meshes[0].primitives[0].variantMaterials, (std::vector<int>{-1, 1}));
}

TEST(SiteModel, LayerWithoutItsFileIsLeftOut) {
    const Scenario s = story({layer("halls", "a.glb"), layer("gone", "missing.glb")});
    std::vector<ModelFile> files;
    files.push_back({"a.glb", file({"hall"})});
    const SiteModel site = assembleSite(s, std::move(files));
    EXPECT_EQ(site.model.nodes.size(), 1u);
    EXPECT_EQ(site.layerScenes.size(), 2u);
}
