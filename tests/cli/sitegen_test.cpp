// tools/sitegen: the five sites' models are the same bytes on every run, load
// in `friche check` without errors, carry the node names scenarios address,
// and stay within the budget stated in tools/sitegen/README.md; their layouts
// are data (assets/sites/*.json): a hall moved there moves in the model, and a
// broken file is an error that says where.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run.h"
#include "support/seed_sites.h"

namespace {

namespace fs = std::filesystem;
using friche::test::runFriche;
using friche::test::runProgram;

constexpr int kMaxTriangles = 300'000;
// 32 sets of three (a 256² base colour, 128² ORM and normal: 0.5 MiB with
// mipmaps): the 16 MiB of the budget (sitegen/README.md).
constexpr int kMaxTextures = 96;

std::string fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The length of a .glb's JSON chunk: the 4 bytes at offset 12 (its data at 20,
// the binary chunk's 8 bytes after its end). 0 if the file is shorter.
std::size_t jsonLength(const std::string& bytes) {
    if (bytes.size() < 20) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 12;
    return p[0] | p[1] << 8 | p[2] << 16 | std::size_t(p[3]) << 24;
}

// A .glb's JSON chunk, parsed; not an object if there is none.
nlohmann::json glbJson(const std::string& bytes) {
    if (bytes.size() < 20) return nullptr;
    return nlohmann::json::parse(bytes.substr(20, jsonLength(bytes)), nullptr, false);
}

// A .glb's nodes.
nlohmann::json glbNodes(const fs::path& glb) {
    const auto doc = glbJson(fileBytes(glb));
    if (!doc.is_object() || !doc.contains("nodes")) return nlohmann::json::array();
    return doc["nodes"];
}

// The node names in a .glb.
std::set<std::string> nodeNames(const fs::path& glb) {
    std::set<std::string> names;
    for (const auto& n : glbNodes(glb)) names.insert(n.value("name", ""));
    return names;
}

// The translation of the node named `name` in a .glb (null if none).
nlohmann::json translationOf(const fs::path& glb, const std::string& name) {
    for (const auto& n : glbNodes(glb))
        if (n.value("name", "") == name) return n.value("translation", nlohmann::json::array());
    return nullptr;
}

const fs::path kLayouts = fs::path(FRICHE_SOURCE_DIR) / "assets" / "sites";

class Sitegen : public testing::Test {
protected:
    // Generated once for the suite: two runs into two folders. ctest runs each
    // test in its own process, in parallel: each process gets its own folder.
    static fs::path root() {
        return fs::path(FRICHE_TEST_OUT) / ("sitegen-" + std::to_string(::getpid()));
    }
    static void SetUpTestSuite() {
        for (const char* run : {"a", "b"}) {
            const fs::path dir = root() / run;
            fs::remove_all(dir);
            const auto r = runProgram(FRICHE_SITEGEN, {dir.string()}, 120);
            ASSERT_EQ(r.exitCode, 0) << r.output;
        }
    }
    static void TearDownTestSuite() { fs::remove_all(root()); }
    static fs::path site(const char* run, const std::string& id) {
        return root() / run / (id + ".glb");
    }
};

TEST_F(Sitegen, TwoRunsWriteTheSameBytes) {
    for (const char* id : friche::test::kSeedSites) {
        const std::string a = fileBytes(site("a", id)), b = fileBytes(site("b", id));
        EXPECT_GT(a.size(), 100'000u) << id;
        EXPECT_TRUE(a == b) << id << ".glb differs between two runs";
    }
}

TEST_F(Sitegen, EverySiteChecksCleanWithinBudget) {
    for (const char* id : friche::test::kSeedSites) {
        const auto r = runFriche({"check", "--json", site("a", id).string()});
        EXPECT_EQ(r.exitCode, 0) << r.output;
        const auto report = nlohmann::json::parse(r.output, nullptr, false);
        ASSERT_TRUE(report.is_object()) << r.output;
        EXPECT_EQ(report["issues"]["numErrors"], 0) << id;
        EXPECT_EQ(report["issues"]["numWarnings"], 0) << id;
        const int triangles = report["info"]["totalTriangleCount"];
        EXPECT_GT(triangles, 10'000) << id;  // a site, not an empty file
        EXPECT_LE(triangles, kMaxTriangles) << id;
        EXPECT_LE(report["info"]["textureCount"].get<int>(), kMaxTextures) << id;
        EXPECT_GT(report["info"]["textureCount"].get<int>(), 0) << id;
    }
}

// Every site has the past and the future as separate groups under its root,
// and the named nodes its scenario relies on (README.md lists them all).
TEST_F(Sitegen, NodesAreNamedForTheScenarios) {
    const std::set<std::string> groups = {"ground",       "heritage",  "industry",
                                          "activity",     "wasteland", "remediation",
                                          "reconversion", "future",    "views"};
    for (const char* id : friche::test::kSeedSites) {
        const std::set<std::string> names = nodeNames(site("a", id));
        EXPECT_TRUE(names.count(id)) << id << ": no root node named after the site";
        for (const std::string& g : groups) EXPECT_TRUE(names.count(g)) << id << ": no group " << g;
        EXPECT_TRUE(names.count("ground/terrain")) << id;
        EXPECT_TRUE(names.count("remediation/soil")) << id;
        EXPECT_TRUE(names.count("views/overview")) << id;
        for (const std::string& n : names) {
            const bool grouped =
                n == id || groups.count(n) || groups.count(n.substr(0, n.find('/')));
            EXPECT_TRUE(grouped) << id << ": node " << n << " is outside the naming convention";
        }
    }
    const std::set<std::string> seraing = nodeNames(site("a", "seraing"));
    for (const char* n :
         {"heritage/blast-furnace", "heritage/hot-blast-stoves", "industry/gasometer",
          "industry/chimney-1", "reconversion/boulevard", "future/housing"})
        EXPECT_TRUE(seraing.count(n)) << n;
}

// An architect moves a hall in a copy of the layout: the hall's three nodes
// move with it, and nothing else does.
TEST_F(Sitegen, AHallMovedInTheLayoutMovesInTheModel) {
    auto layout = nlohmann::json::parse(fileBytes(kLayouts / "cite-miroir.json"));
    bool moved = false;
    for (auto& node : layout["nodes"]) {
        if (node.value("name", "") != "heritage/main-hall") continue;
        node["at"] = {15, 0, -12};  // 25 m east of where it stood
        moved = true;
    }
    ASSERT_TRUE(moved) << "no heritage/main-hall in cite-miroir.json";
    const fs::path dir = root() / "moved";
    fs::create_directories(dir);
    std::ofstream(dir / "cite-miroir.json") << layout.dump(2);
    const auto r =
        runProgram(FRICHE_SITEGEN, {(dir / "out").string(), (dir / "cite-miroir.json").string()});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const fs::path before = site("a", "cite-miroir"), after = dir / "out" / "cite-miroir.glb";
    for (const char* name :
         {"heritage/main-hall", "industry/main-hall-roof", "reconversion/main-hall-glazing"}) {
        EXPECT_EQ(translationOf(before, name), nlohmann::json({-10, 0, -12})) << name;
        EXPECT_EQ(translationOf(after, name), nlohmann::json({15, 0, -12})) << name;
    }
    EXPECT_EQ(translationOf(after, "heritage/chimney"), translationOf(before, "heritage/chimney"));
    EXPECT_FALSE(fileBytes(before) == fileBytes(after));
}

// The instances' places of the node named `name` in a .glb
// (EXT_mesh_gpu_instancing's TRANSLATION, floats in the binary chunk), as (x, z).
std::vector<std::pair<float, float>> instancePlaces(const fs::path& glb, const std::string& name) {
    const std::string bytes = fileBytes(glb);
    std::vector<std::pair<float, float>> places;
    const auto doc = glbJson(bytes);
    if (!doc.is_object()) return places;
    const std::size_t bin = 20 + jsonLength(bytes) + 8;
    for (const auto& n : doc["nodes"]) {
        if (n.value("name", "") != name) continue;
        const auto& a =
            doc["accessors"]
               [n["extensions"]["EXT_mesh_gpu_instancing"]["attributes"]["TRANSLATION"].get<int>()];
        const auto& view = doc["bufferViews"][a["bufferView"].get<int>()];
        const std::size_t first = bin + view.value("byteOffset", 0) + a.value("byteOffset", 0);
        const int count = a["count"].get<int>();
        if (first + 12 * static_cast<std::size_t>(count) > bytes.size()) return places;
        for (int i = 0; i < count; ++i) {
            float xyz[3];
            std::memcpy(xyz, bytes.data() + first + 12 * static_cast<std::size_t>(i), sizeof xyz);
            places.push_back({xyz[0], xyz[2]});
        }
    }
    return places;
}

// Distance from (x, z) to the polyline `line` ([[x, z], ...]).
float distanceTo(const nlohmann::json& line, std::pair<float, float> q) {
    float best = 1e30f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const float ax = line[i][0], az = line[i][1];
        const float bx = line[i + 1][0], bz = line[i + 1][1];
        const float dx = bx - ax, dz = bz - az;
        const float t = std::clamp(
            ((q.first - ax) * dx + (q.second - az) * dz) / (dx * dx + dz * dz), 0.0f, 1.0f);
        best = std::min(best, std::hypot(q.first - (ax + t * dx), q.second - (az + t * dz)));
    }
    return best;
}

// Traffic loops around its node's origin (shaders/drive.glsl). A fleet of
// cars is dealt into paints, a node each: every paint loops around the same
// middle, the fleet's, or cars of two paints would wrap at different places
// and drive into each other. And the cars of each street's fleet keep to
// their street for the whole loop: within its width, never past its ends.
TEST_F(Sitegen, EveryFleetLoopsAroundItsMiddleAndKeepsToItsStreet) {
    const std::vector<std::tuple<std::string, std::string, std::string>> streets = {
        {"droixhe", "ground/streets-traffic", "ground/streets"},
        {"droixhe", "ground/avenue-traffic", "ground/avenue"},
        {"differdange", "ground/road-traffic", "ground/road"},
        {"seraing", "ground/rue-john-cockerill-traffic", "ground/rue-john-cockerill"},
        {"liege-smart-city", "ground/riverside-traffic", "ground/riverside-road"},
        {"liege-smart-city", "reconversion/boulevard-traffic", "reconversion/boulevard"}};
    int fleets = 0, checkedStreets = 0;
    for (const char* id : friche::test::kSeedSites) {
        const fs::path glb = site("a", id);
        const auto nodes = glbNodes(glb);
        // A fleet: a node that drives, or the paints of one ("<fleet>/<k>").
        std::map<std::string, std::vector<nlohmann::json>> paints;
        for (const auto& n : nodes)
            if (n.contains("extras") && n["extras"]["friche"].contains("drive")) {
                const std::string name = n["name"];
                const std::size_t slash = name.rfind('/');
                const bool paint =
                    name.find_first_not_of("0123456789", slash + 1) == std::string::npos;
                paints[paint ? name.substr(0, slash) : name].push_back(n);
            }
        for (const auto& [fleet, members] : paints) {
            ++fleets;
            const auto originOf = [](const nlohmann::json& n) {
                const auto t = n.value("translation", nlohmann::json::array({0, 0, 0}));
                return std::pair<float, float>(t[0], t[2]);
            };
            const auto [ox, oz] = originOf(members.front());
            float lo = 1e30f, hi = -1e30f, near = 1e30f, far = -1e30f;
            for (const auto& m : members) {
                EXPECT_EQ(originOf(m), originOf(members.front()))
                    << id << ": " << m["name"] << " loops around another middle than "
                    << members.front()["name"];
                for (const auto& [x, z] : instancePlaces(glb, m["name"])) {
                    lo = std::min(lo, x + ox);
                    hi = std::max(hi, x + ox);
                    near = std::min(near, z + oz);
                    far = std::max(far, z + oz);
                }
            }
            EXPECT_NEAR(ox, (lo + hi) / 2, 0.01f) << id << ": " << fleet;
            EXPECT_NEAR(oz, (near + far) / 2, 0.01f) << id << ": " << fleet;
            for (const auto& [site, traffic, street] : streets) {
                if (site != id || traffic != fleet) continue;
                ++checkedStreets;
                const auto layout = nlohmann::json::parse(fileBytes(kLayouts / (site + ".json")));
                nlohmann::json road;
                for (const auto& n : layout["nodes"])
                    if (n.value("name", "") == street) road = n;
                ASSERT_TRUE(road.is_object()) << site << ": no " << street;
                const float from = road["points"][0][0], to = road["points"][1][0];
                const float z = road["points"][0][1], halfWidth = road["width"].get<float>() / 2;
                const float span = members.front()["extras"]["friche"]["drive"]["span"];
                EXPECT_GE(ox - span / 2, std::min(from, to)) << site << ": " << fleet;
                EXPECT_LE(ox + span / 2, std::max(from, to)) << site << ": " << fleet;
                EXPECT_GT(near, z - halfWidth + 1) << site << ": " << fleet;
                EXPECT_LT(far, z + halfWidth - 1) << site << ": " << fleet;
                EXPECT_GT(hi - lo, 0.9f * span) << site << ": " << fleet << " bunches up";
            }
        }
    }
    EXPECT_GE(fleets, 10) << "the sites' traffic, walkers and cyclists";
    EXPECT_EQ(checkedStreets, static_cast<int>(streets.size()));
}

// Liège's garden trees keep their trunks off the paths their scatter names
// (`clear`), as many as without it; without it, some stand on them.
TEST_F(Sitegen, ScatteredTreesKeepOffTheLinesTheyAreToClear) {
    const auto layout = nlohmann::json::parse(fileBytes(kLayouts / "liege-smart-city.json"));
    nlohmann::json trees;
    for (const auto& node : layout["nodes"])
        if (node.value("name", "") == "ground/esplanade-trees") trees = node;
    ASSERT_TRUE(trees.is_object()) << "no ground/esplanade-trees in liege-smart-city.json";
    std::vector<nlohmann::json> paths;
    int count = 0;
    for (const auto& s : trees["scatter"]) {
        ASSERT_TRUE(s.contains("clear"));
        for (const auto& c : s["clear"]) paths.push_back(c);
        count += s["count"].get<int>();
    }
    const auto onPaths = [&](const std::vector<std::pair<float, float>>& places) {
        int on = 0;
        for (const auto& q : places)
            for (const auto& c : paths)
                if (distanceTo(c["points"], q) < c["width"].get<float>() / 2) {
                    ++on;
                    break;
                }
        return on;
    };
    const auto cleared = instancePlaces(site("a", "liege-smart-city"), "ground/esplanade-trees");
    EXPECT_EQ(static_cast<int>(cleared.size()), count);
    EXPECT_EQ(onPaths(cleared), 0);

    auto without = layout;
    for (auto& node : without["nodes"])
        if (node.value("name", "") == "ground/esplanade-trees")
            for (auto& s : node["scatter"]) s.erase("clear");
    const fs::path dir = root() / "unclear";
    fs::create_directories(dir);
    std::ofstream(dir / "liege-smart-city.json") << without.dump(2);
    const auto r = runProgram(FRICHE_SITEGEN,
                              {(dir / "out").string(), (dir / "liege-smart-city.json").string()});
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto anywhere =
        instancePlaces(dir / "out" / "liege-smart-city.glb", "ground/esplanade-trees");
    EXPECT_EQ(anywhere.size(), cleared.size());
    EXPECT_GT(onPaths(anywhere), 0) << "the test would not see trees on the paths";

    // A line so wide it leaves no room: refused, where it was asked.
    auto crowded = layout;
    std::size_t node = 0;
    while (crowded["nodes"][node].value("name", "") != "ground/esplanade-trees") ++node;
    crowded["nodes"][node]["scatter"][0]["clear"][0]["width"] = 500;
    std::ofstream(dir / "liege-smart-city.json") << crowded.dump(2);
    const auto refused = runProgram(
        FRICHE_SITEGEN, {(dir / "crowded").string(), (dir / "liege-smart-city.json").string()});
    EXPECT_EQ(refused.exitCode, 1) << refused.output;
    EXPECT_NE(refused.output.find("/nodes/" + std::to_string(node) + "/scatter/0/clear"),
              std::string::npos)
        << refused.output;
    EXPECT_NE(refused.output.find("leaves too little room"), std::string::npos) << refused.output;
}

// A broken layout: exit status 1, a message naming the file, the place in it
// (a JSON pointer and the node's name) and what is wrong; no model written.
TEST_F(Sitegen, ABrokenLayoutSaysWhereAndFails) {
    const auto original = nlohmann::json::parse(fileBytes(kLayouts / "seraing.json"));
    std::size_t hall = 0;
    while (original["nodes"][hall].value("name", "") != "industry/foundry") ++hall;
    const std::string at = "/nodes/" + std::to_string(hall);
    struct Case {
        const char* field;
        nlohmann::json value;
        std::string where, what;
    };
    const Case cases[] = {
        {"length", "long", at + "/length", "expected a number"},
        {"length", 1e30, at + "/length", "out of bounds"},
        {"length", -3, at + "/length", "out of bounds"},
        {"kind", "hangar", at + "/kind", "unknown kind \"hangar\""},
        {"wall", "marble", at + "/wall", "unknown material \"marble\""},
        {"lenght", 80, at + "/lenght", "unknown field"},
        {"at", {1, 2}, at + "/at", "expected 3 entries"},
        {"name", "industry/rolling-mill", at + "/name", "already named"},
    };
    const fs::path dir = root() / "broken";
    fs::create_directories(dir);
    const auto expectRefused = [&](std::size_t node, const Case& c) {
        auto layout = original;
        layout["nodes"][node][c.field] = c.value;
        const fs::path file = dir / "seraing.json";
        std::ofstream(file) << layout.dump(2);
        const auto r = runProgram(FRICHE_SITEGEN, {(dir / "out").string(), file.string()});
        EXPECT_EQ(r.exitCode, 1) << c.field << ": " << r.output;
        EXPECT_NE(r.output.find(file.string()), std::string::npos) << r.output;
        EXPECT_NE(r.output.find(c.where), std::string::npos) << r.output;
        EXPECT_NE(r.output.find(c.what), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(dir / "out" / "seraing.glb")) << c.field;
    };
    for (const Case& c : cases) expectRefused(hall, c);
    // A road that runs on beyond the site: by a known end, and straight.
    std::size_t road = 0;
    while (original["nodes"][road].value("name", "") != "ground/rue-john-cockerill") ++road;
    const std::string roadAt = "/nodes/" + std::to_string(road) + "/runs-on";
    expectRefused(road, {"runs-on", "north", roadAt, "expected \"both\", \"start\" or \"end\""});
    expectRefused(road, {"points",
                         {{-430, 115}, {0, 120}, {430, 115}},
                         roadAt,
                         "only a straight strip (two points)"});
    // A terraced town's cells too small for a row of houses and its street.
    std::size_t town = 0;
    while (original["nodes"][town].value("name", "") != "ground/town") ++town;
    expectRefused(town, {"cell",
                         {40, 12},
                         "/nodes/" + std::to_string(town) + "/cell",
                         "smaller than 20 m, for a row of houses"});
    // A missing field, a count below zero elsewhere, and a file that is not JSON.
    auto layout = original;
    layout["nodes"][hall].erase("width");
    std::ofstream(dir / "seraing.json") << layout.dump(2);
    auto r = runProgram(FRICHE_SITEGEN, {(dir / "out").string(), (dir / "seraing.json").string()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find(at + "/width (industry/foundry): missing"), std::string::npos)
        << r.output;
    std::ofstream(dir / "truncated.json") << R"({"site": "seraing", "nodes": [)";
    r = runProgram(FRICHE_SITEGEN, {(dir / "out").string(), (dir / "truncated.json").string()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("truncated.json: not JSON"), std::string::npos) << r.output;
}

}  // namespace
