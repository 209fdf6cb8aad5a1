// `friche render` on scenarios built from several model files, layer
// transforms and phases made of a model's glTF scenes: where each piece lands
// on screen, read from a mask of the model's pixels (white furnace, normals).
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli/render_image.h"
#include "support/scenario_fixture.h"

using namespace friche::test;
using nlohmann::json;

namespace {

constexpr int kAssemblyWidth = 320;

// Looking straight at the origin from 12 m down +Z.
json frontView() {
    return json::array({{{"id", "front"}, {"eye", {0, 0, 12}}, {"target", {0, 0, 0}}}});
}

json boxLayer(const std::string& id, const std::string& model, float x, float y) {
    return {{"id", id}, {"model", model}, {"transform", {{"translation", {x, y, 0}}}}};
}

// The model's blobs at `phase` of `file`, largest first.
std::vector<Blob> pieces(const std::filesystem::path& file, const std::string& phase) {
    const Mask m =
        modelMask(file.string(), "assembly_" + file.parent_path().filename().string() + "_" + phase,
                  {.args = {"--phase", phase, "--view", "front"}});
    return blobs(m, 40);
}

}  // namespace

// One file placed twice and a second file: three boxes where the transforms
// put them, and a layer leaving takes its own copy only.
TEST(SiteAssembly, TwoFilesAndOneFilePlacedTwice) {
    json doc = goodScenario();
    doc.erase("hotspots");
    doc["views"] = frontView();
    doc["startView"] = "front";
    doc["layers"] =
        json::array({boxLayer("left", glb("Box"), -3, 0), boxLayer("right", glb("Box"), 3, 0),
                     boxLayer("top", glb("BoxTextured"), 0, 2.5f)});
    doc["phases"][0]["states"] = {{"left", "present"}, {"right", "present"}, {"top", "present"}};
    doc["phases"][1]["states"] = {{"right", "absent"}};
    doc["phases"][1].erase("view");
    doc["phases"][2]["states"] = json::object();
    const auto file = writeScenario("assembly-files", doc);

    std::vector<Blob> all = pieces(file, "industry");
    ASSERT_EQ(all.size(), 3u);
    std::sort(all.begin(), all.end(), [](const Blob& a, const Blob& b) { return a.cx < b.cx; });
    EXPECT_LT(all[0].cx, kAssemblyWidth * 0.35);
    EXPECT_NEAR(all[1].cx, kAssemblyWidth * 0.5, 5.0);
    EXPECT_GT(all[2].cx, kAssemblyWidth * 0.65);
    // The second file's box sits 2.5 m up: higher on the screen than the other two.
    EXPECT_LT(all[1].cy, all[0].cy - 20.0);
    EXPECT_NEAR(all[0].cy, all[2].cy, 1.0);

    const std::vector<Blob> without = pieces(file, "closure");
    ASSERT_EQ(without.size(), 2u);
    for (const Blob& b : without) EXPECT_LT(b.cx, kAssemblyWidth * 0.6) << "the right box is gone";
}

// A layer over the whole tiny model, its phases made of the model's two glTF
// scenes: the hall (x 0..1) in the first, the park (x 2..3) in the second.
TEST(SiteAssembly, PhasesFromTheModelsScenesShowEachScene) {
    json doc = goodScenario();
    doc.erase("hotspots");
    doc["views"] = frontView();
    doc["startView"] = "front";
    doc["layers"] = json::array({{{"id", "site"}, {"model", "model.gltf"}}});
    doc["phases"] = json::array({{{"fromModelScenes", "site"}}});
    const auto file = writeScenario("assembly-scenes", doc);

    const std::vector<Blob> before = pieces(file, "site-scene-0");
    const std::vector<Blob> after = pieces(file, "site-scene-1");
    ASSERT_EQ(before.size(), 1u);
    ASSERT_EQ(after.size(), 1u);
    // Two metres to the right at 12 m with a 45 degree field: about 36 pixels at 320x240.
    EXPECT_GT(after[0].cx - before[0].cx, 25.0);
    EXPECT_NEAR(static_cast<double>(after[0].area), static_cast<double>(before[0].area),
                static_cast<double>(before[0].area) * 0.2);
}
