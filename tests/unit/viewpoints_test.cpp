// The user's viewpoints (io/viewpoints.h): where they are kept, a round trip
// through the file, ids made from names in any script, a broken file kept
// aside and said at its JSON pointer, and the export into a scenario copy.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <glm/gtc/constants.hpp>

#include "io/scenario_loader.h"
#include "io/viewpoints.h"
#include "support/scenario_fixture.h"

namespace fs = std::filesystem;
using namespace friche;

namespace {

fs::path freshFolder(const std::string& name) {
    const fs::path dir = fs::path(FRICHE_TEST_OUT) / "viewpoints" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string readText(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

scene::OrbitCamera camera(float yaw, float pitch, float distance) {
    scene::OrbitCamera c;
    c.target = {12.5f, 3.0f, -40.25f};
    c.yaw = yaw;
    c.pitch = pitch;
    c.distance = distance;
    c.fovY = 0.7f;
    return c;
}

std::vector<std::string> filesIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST(Viewpoints, KeptInTheXdgConfigFolderElseInDotConfig) {
    EXPECT_EQ(io::viewpointFolder("/x/conf", "/home/a"), fs::path("/x/conf/friche/viewpoints"));
    EXPECT_EQ(io::viewpointFolder("", "/home/a"), fs::path("/home/a/.config/friche/viewpoints"));
    EXPECT_EQ(io::viewpointFolder(nullptr, "/home/a"),
              fs::path("/home/a/.config/friche/viewpoints"));
    EXPECT_FALSE(io::viewpointFolder(nullptr, nullptr));
    EXPECT_EQ(io::viewpointFile("/c", "seraing"), fs::path("/c/seraing.json"));
}

TEST(Viewpoints, IdsAreMadeFromNamesInAnyScript) {
    const std::vector<scene::View> none;
    EXPECT_EQ(io::viewpointId("Côté Meuse, le soir", none), "cote-meuse-le-soir");
    EXPECT_EQ(io::viewpointId("Große Halle", none), "grosse-halle");
    EXPECT_EQ(io::viewpointId("  Hoogoven #2 ", none), "hoogoven-2");
    EXPECT_EQ(io::viewpointId("高炉", none), "view");
    std::vector<scene::View> taken(2);
    taken[0].id = "hall";
    taken[1].id = "hall-2";
    EXPECT_EQ(io::viewpointId("Hall", taken), "hall-3");
    EXPECT_LE(io::viewpointId(std::string(300, 'a'), none).size(), 64u);
}

TEST(Viewpoints, SaveRenameDeleteAndReload) {
    const fs::path file = freshFolder("round-trip") / "config" / "seraing.json";
    std::vector<scene::View> views;
    views.push_back(io::makeViewpoint("Côté Meuse", camera(0.5f, -0.3f, 120.0f), views));
    views.push_back(io::makeViewpoint("Übersicht — Hochofen", camera(-2.0f, -0.6f, 80.0f), views));
    // A user who turned round and round: the yaw is kept within a turn.
    views.push_back(
        io::makeViewpoint("高炉", camera(0.25f + 6.0f * glm::pi<float>(), -0.1f, 5.0f), views));
    std::string error;
    ASSERT_TRUE(io::writeViewpoints(file, views, error)) << error;
    // The write went through a temporary file renamed into place: nothing else is left.
    EXPECT_EQ(filesIn(file.parent_path()), std::vector<std::string>{"seraing.json"});

    io::ViewpointsRead read = io::readViewpoints(file);
    ASSERT_TRUE(read.problems.empty());
    ASSERT_EQ(read.views.size(), 3u);
    EXPECT_EQ(read.views[0].id, "cote-meuse");
    EXPECT_EQ(read.views[1].name.in(scene::Language::Nl), "Übersicht — Hochofen");
    EXPECT_EQ(read.views[2].id, "view");
    EXPECT_EQ(read.views[2].name.in(scene::Language::Fr), "高炉");
    EXPECT_NEAR(read.views[2].yaw, 0.25f, 1e-4f);
    EXPECT_NEAR(read.views[1].yaw, -2.0f, 1e-4f);
    EXPECT_NEAR(read.views[1].pitch, -0.6f, 1e-4f);
    EXPECT_FLOAT_EQ(read.views[1].distance, 80.0f);
    EXPECT_NEAR(read.views[1].fovY, 0.7f, 1e-4f);
    EXPECT_EQ(read.views[1].target, glm::vec3(12.5f, 3.0f, -40.25f));

    io::renameViewpoint(read.views, 0, "Pont d'Ougrée");
    read.views.erase(read.views.begin() + 1);
    ASSERT_TRUE(io::writeViewpoints(file, read.views, error)) << error;
    const io::ViewpointsRead again = io::readViewpoints(file);
    ASSERT_EQ(again.views.size(), 2u);
    EXPECT_EQ(again.views[0].id, "pont-d-ougree");
    EXPECT_EQ(again.views[0].name.in(scene::Language::En), "Pont d'Ougrée");
    EXPECT_EQ(again.views[1].id, "view");
}

TEST(Viewpoints, NoFileIsAnEmptyList) {
    const io::ViewpointsRead read = io::readViewpoints(freshFolder("none") / "seraing.json");
    EXPECT_TRUE(read.views.empty());
    EXPECT_TRUE(read.problems.empty());
    EXPECT_FALSE(read.keptAside);
}

TEST(Viewpoints, ABrokenFileIsSaidAtItsPointerAndKeptAside) {
    const fs::path dir = freshFolder("broken");
    const fs::path file = dir / "seraing.json";
    const std::string wrongType =
        R"({"viewpoints": [{"id": "a", "name": "A", "target": [0, 0, 0], "yaw": 0,
            "pitch": -10, "distance": 5, "fov": 45},
           {"id": "b", "name": 3, "target": [0, 0, 0], "yaw": 0, "pitch": -10,
            "distance": 5, "fov": 45}]})";
    test::writeText(file, wrongType);
    const io::ViewpointsRead read = io::readViewpoints(file);
    EXPECT_TRUE(read.views.empty());
    ASSERT_TRUE(read.problems.hasErrors());
    EXPECT_EQ(read.problems.list().front().where, "/viewpoints/1/name");
    ASSERT_TRUE(read.keptAside);
    EXPECT_EQ(*read.keptAside, dir / "seraing.json.bad");
    EXPECT_FALSE(fs::exists(file));
    EXPECT_EQ(readText(*read.keptAside), wrongType);  // kept as it was
    const std::string said = read.problems.list().back().message;
    EXPECT_NE(said.find("seraing.json.bad"), std::string::npos) << said;

    // A file cut short: said at its line and column; an earlier .bad is not replaced.
    test::writeText(file, R"({"viewpoints": [{"id": "a", )");
    const io::ViewpointsRead cut = io::readViewpoints(file);
    ASSERT_TRUE(cut.problems.hasErrors());
    EXPECT_NE(cut.problems.list().front().where.find("seraing.json:1:"), std::string::npos)
        << cut.problems.list().front().where;
    ASSERT_TRUE(cut.keptAside);
    EXPECT_EQ(*cut.keptAside, dir / "seraing.json.bad-2");
    EXPECT_EQ(readText(dir / "seraing.json.bad"), wrongType);
}

TEST(Viewpoints, AWriteThatCannotBeDoneSaysWhyAndLeavesTheOldFile) {
    const fs::path dir = freshFolder("cannot-write");
    test::writeText(dir / "not-a-folder", "x");
    std::string error;
    EXPECT_FALSE(io::writeViewpoints(dir / "not-a-folder" / "seraing.json", {}, error));
    EXPECT_NE(error.find("not-a-folder"), std::string::npos) << error;
    EXPECT_EQ(readText(dir / "not-a-folder"), "x");
}

TEST(Viewpoints, ExportedIntoAScenarioCopyThatLoadsWithThem) {
    const fs::path scenario = test::writeScenario("export-viewpoints", test::goodScenario());
    const std::string original = readText(scenario);
    std::vector<scene::View> views;
    views.push_back(io::makeViewpoint("Overview", camera(1.0f, -0.4f, 30.0f), views));  // id taken
    views.push_back(io::makeViewpoint("Vue côté étang", camera(-1.0f, -0.2f, 12.0f), views));
    std::string error;
    ASSERT_TRUE(io::exportViewpoints(scenario, views, error)) << error;
    EXPECT_EQ(readText(scenario), original);  // never written
    const fs::path copy = io::exportPath(scenario);
    EXPECT_EQ(copy, scenario.parent_path() / "scenario-views.json");

    const io::ScenarioResult loaded = io::loadScenario(copy);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(loaded.problems.empty());
    const scene::Scenario& s = loaded.scenario;
    ASSERT_EQ(s.views.size(), 4u);
    EXPECT_EQ(s.views[0].id, "overview");  // the scenario's own, first and unchanged
    EXPECT_EQ(s.views[2].id, "overview-2");
    EXPECT_EQ(s.views[3].id, "vue-cote-etang");
    EXPECT_EQ(s.views[3].name.in(scene::Language::De), "Vue côté étang");
    EXPECT_NEAR(s.views[3].yaw, -1.0f, 1e-4f);
    EXPECT_NEAR(s.views[3].pitch, -0.2f, 1e-4f);
    EXPECT_FLOAT_EQ(s.views[3].distance, 12.0f);
    EXPECT_EQ(s.views[3].target, glm::vec3(12.5f, 3.0f, -40.25f));
    // Everything else is as it was.
    EXPECT_EQ(s.phases.size(), 3u);
    EXPECT_EQ(s.site.id, "test-site");
}
