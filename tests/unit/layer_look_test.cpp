// Layer looks: what each state and transition does to a node, and the looks
// of an assembled site's nodes (named nodes with their subtrees, glTF scenes
// shown phase by phase).
#include <gtest/gtest.h>

#include "scene/layer_look.h"
#include "scene/site_model.h"

using namespace friche::scene;

namespace {

LayerFrame frame(LayerState from, LayerState to, Transition style, float t) {
    return {.from = {from, style, -1}, .to = {to, style, -1}, .transition = style, .t = t};
}

// A unit cube mesh, for node bounds.
Mesh cube() {
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 1, 1}, {0, 1, 0}};
    p.bounds.extend(glm::vec3(0.0f));
    p.bounds.extend(glm::vec3(1.0f));
    Mesh m;
    m.primitives.push_back(p);
    return m;
}

glm::mat4 lift(float y) {
    glm::mat4 m(1.0f);
    m[3] = glm::vec4(0.0f, y, 0.0f, 1.0f);
    return m;
}

// hall (at y 0) with a child roof (2 up from the hall), park at y 10, context at y 20.
Model siteFile() {
    Model m;
    m.meshes = {cube()};
    m.nodes.resize(4);
    const auto node = [&](int i, const char* name, float y, int parent) {
        Node& n = m.nodes[static_cast<std::size_t>(i)];
        n.name = name;
        n.local = lift(y);
        n.parent = parent;
        n.mesh = 0;
    };
    node(0, "hall", 0.0f, -1);
    node(1, "roof", 2.0f, 0);
    node(2, "park", 10.0f, -1);
    node(3, "context", 20.0f, -1);
    m.nodes[0].children = {1};
    m.scenes = {{.name = "site", .nodes = {0, 2, 3}}};
    return m;
}

// Two phases: the hall present then dissolved away; the park absent then risen.
Scenario story() {
    Scenario s;
    s.layers.resize(2);
    s.layers[0].id = "hall";
    s.layers[0].nodes = {"hall"};
    s.layers[1].id = "park";
    s.layers[1].nodes = {"park"};
    for (Layer& l : s.layers) l.modelPath = "site.glb";
    Phase before, after;
    before.id = "before";
    before.layers = {{LayerState::Present, Transition::Dissolve, -1},
                     {LayerState::Absent, Transition::Dissolve, -1}};
    after.id = "after";
    after.layers = {{LayerState::Absent, Transition::Dissolve, -1},
                    {LayerState::Present, Transition::Rise, -1}};
    s.phases = {before, after};
    return s;
}

SiteModel assembled(const Scenario& s, Model m) {
    std::vector<ModelFile> files;
    files.push_back({"site.glb", std::move(m)});
    return assembleSite(s, std::move(files));
}

}  // namespace

TEST(LayerLook, StatesAtRest) {
    const auto rest = [](LayerState s) { return lookOf(frame(s, s, Transition::Dissolve, 0.0f)); };
    EXPECT_FALSE(rest(LayerState::Absent).drawn());
    EXPECT_EQ(rest(LayerState::Present), NodeLook{});
    EXPECT_FALSE(rest(LayerState::Present).blended());
    const NodeLook ghost = rest(LayerState::Ghosted);
    EXPECT_TRUE(ghost.drawn());
    EXPECT_TRUE(ghost.blended());
    EXPECT_FALSE(ghost.castsShadow());
    EXPECT_FLOAT_EQ(ghost.opacity, kGhostOpacity);
    const NodeLook site = rest(LayerState::Construction);
    EXPECT_FLOAT_EQ(site.construction, 1.0f);
    EXPECT_FALSE(site.blended());
    EXPECT_TRUE(site.castsShadow());
}

TEST(LayerLook, EachStyleMovesItsOwnParameter) {
    const NodeLook dissolving =
        lookOf(frame(LayerState::Present, LayerState::Absent, Transition::Dissolve, 0.25f));
    EXPECT_FLOAT_EQ(dissolving.dissolve, 0.25f);
    EXPECT_FLOAT_EQ(dissolving.clip, 1.0f);
    EXPECT_FLOAT_EQ(dissolving.opacity, 1.0f);
    const NodeLook rising =
        lookOf(frame(LayerState::Absent, LayerState::Present, Transition::Rise, 0.25f));
    EXPECT_FLOAT_EQ(rising.clip, 0.25f);
    EXPECT_FLOAT_EQ(rising.dissolve, 0.0f);
    const NodeLook sinking =
        lookOf(frame(LayerState::Present, LayerState::Absent, Transition::Sink, 0.25f));
    EXPECT_FLOAT_EQ(sinking.clip, 0.75f);
    const NodeLook fading =
        lookOf(frame(LayerState::Absent, LayerState::Ghosted, Transition::Fade, 0.5f));
    EXPECT_FLOAT_EQ(fading.opacity, kGhostOpacity * 0.5f);
    EXPECT_FLOAT_EQ(fading.ghost, 1.0f);
    const NodeLook appearing =
        lookOf(frame(LayerState::Absent, LayerState::Present, Transition::Dissolve, 0.25f));
    EXPECT_FLOAT_EQ(appearing.dissolve, 0.75f);
}

TEST(LayerLook, DrawnLooksBlendWhateverTheStyle) {
    const NodeLook half =
        lookOf(frame(LayerState::Present, LayerState::Ghosted, Transition::Rise, 0.5f));
    EXPECT_FLOAT_EQ(half.opacity, (1.0f + kGhostOpacity) * 0.5f);
    EXPECT_FLOAT_EQ(half.ghost, 0.5f);
    EXPECT_FLOAT_EQ(half.clip, 1.0f);
    const NodeLook done =
        lookOf(frame(LayerState::Construction, LayerState::Present, Transition::Fade, 1.0f));
    EXPECT_EQ(done, NodeLook{});
}

TEST(ModelLooks, LayersCoverNamedNodesAndSubtrees) {
    const Scenario s = story();
    const SiteModel site = assembled(s, siteFile());
    const ModelLooks looks(s, site);
    // The hall layer's copy (hall, roof), the park's, then what no layer names.
    ASSERT_EQ(site.model.nodes.size(), 4u);
    EXPECT_EQ(site.model.nodes[1].name, "roof");
    EXPECT_EQ(site.model.nodes[3].name, "context");
    const std::vector<NodeLook> first = looks.at(s, 0.0);
    ASSERT_EQ(first.size(), 4u);
    EXPECT_TRUE(first[0].drawn());    // hall
    EXPECT_TRUE(first[1].drawn());    // its roof, by the subtree
    EXPECT_FALSE(first[2].drawn());   // park, absent before
    EXPECT_EQ(first[3], NodeLook{});  // no layer names it: as modelled
    const std::vector<NodeLook> last = looks.at(s, 1.0);
    EXPECT_FALSE(last[0].drawn());
    EXPECT_FALSE(last[1].drawn());
    EXPECT_TRUE(last[2].drawn());
}

TEST(ModelLooks, ClipSpansTheNamedNodesSubtree) {
    const Scenario s = story();
    const ModelLooks looks(s, assembled(s, siteFile()));
    const std::vector<NodeLook> mid = looks.at(s, 0.5);
    // The hall and its roof share one range: the hall's bottom to the roof's top.
    EXPECT_FLOAT_EQ(mid[0].clipBottom, 0.0f);
    EXPECT_FLOAT_EQ(mid[0].clipTop, 3.0f);
    EXPECT_EQ(mid[1].clipTop, mid[0].clipTop);
    EXPECT_GT(mid[0].dissolve, 0.0f);
    EXPECT_LT(mid[0].dissolve, 1.0f);
    // The park rises through its own range, halfway at the halfway position.
    EXPECT_FLOAT_EQ(mid[2].clipBottom, 10.0f);
    EXPECT_FLOAT_EQ(mid[2].clipTop, 11.0f);
    EXPECT_FLOAT_EQ(mid[2].clipHeight(), 10.5f);
}

TEST(ModelLooks, AFlatPieceFadesInWhereATallOneRises) {
    // The park flattened into a square at y = 10: a clip plane rising through
    // it would lie in its surface, and cut it pixel by pixel in stripes.
    Model m = siteFile();
    m.nodes[2].local[1][1] = 0.0f;
    const Scenario s = story();
    const ModelLooks looks(s, assembled(s, std::move(m)));
    const NodeLook quarter = looks.at(s, 0.25)[2];
    EXPECT_FLOAT_EQ(quarter.clip, 1.0f);
    EXPECT_GT(quarter.opacity, 0.0f);
    EXPECT_LT(quarter.opacity, 0.5f);
    EXPECT_TRUE(quarter.blended());
    EXPECT_FALSE(looks.at(s, 0.0)[2].drawn());
    EXPECT_EQ(looks.at(s, 1.0)[2].opacity, 1.0f);
    // The hall beside it still dissolves out, and a tall park still rises.
    EXPECT_GT(looks.at(s, 0.25)[0].dissolve, 0.0f);
    const ModelLooks tall(s, assembled(s, siteFile()));
    EXPECT_LT(tall.at(s, 0.25)[2].clip, 1.0f);
    EXPECT_EQ(tall.at(s, 0.25)[2].opacity, 1.0f);
}

TEST(ModelLooks, MovedLayerRisesThroughItsMovedRange) {
    Scenario s = story();
    s.layers[1].transform.translation = glm::vec3(0.0f, 5.0f, 0.0f);
    const ModelLooks looks(s, assembled(s, siteFile()));
    const std::vector<NodeLook> mid = looks.at(s, 0.5);
    EXPECT_FLOAT_EQ(mid[2].clipBottom, 15.0f);
    EXPECT_FLOAT_EQ(mid[2].clipTop, 16.0f);
}

TEST(ModelLooks, EachGltfSceneShowsInItsOwnPhases) {
    // One layer over the whole model, showing scene 0 then scene 1.
    Model m = siteFile();
    m.scenes = {{.name = "before", .nodes = {0}}, {.name = "after", .nodes = {2}}};
    Scenario s;
    s.layers.resize(1);
    s.layers[0].id = "site";
    s.layers[0].modelPath = "site.glb";
    Phase before, after;
    before.layers = {{LayerState::Present, Transition::Dissolve, 0}};
    after.layers = {{LayerState::Present, Transition::Dissolve, 1}};
    s.phases = {before, after};
    const SiteModel site = assembled(s, std::move(m));
    ASSERT_EQ(site.model.nodes.size(), 3u);  // hall and roof for scene 0, park for scene 1
    EXPECT_EQ(site.owners[0].scene, 0);
    EXPECT_EQ(site.owners[2].scene, 1);
    const ModelLooks looks(s, site);
    const std::vector<NodeLook> first = looks.at(s, 0.0), last = looks.at(s, 1.0);
    EXPECT_TRUE(first[0].drawn());
    EXPECT_TRUE(first[1].drawn());
    EXPECT_FALSE(first[2].drawn());
    EXPECT_FALSE(last[0].drawn());
    EXPECT_TRUE(last[2].drawn());
    // Halfway, the first scene dissolves out as the second dissolves in.
    const std::vector<NodeLook> mid = looks.at(s, 0.5);
    EXPECT_GT(mid[0].dissolve, 0.0f);
    EXPECT_LT(mid[0].dissolve, 1.0f);
    EXPECT_GT(mid[2].dissolve, 0.0f);
    EXPECT_LT(mid[2].dissolve, 1.0f);
}
