// tools/sitegen: the five sites' models are the same bytes on every run, load
// in `friche check` without errors, carry the node names scenarios address,
// and stay within the budget stated in tools/sitegen/README.md.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace {

namespace fs = std::filesystem;
using friche::test::runFriche;
using friche::test::runProgram;

const char* const kSites[] = {"cite-miroir", "seraing", "liege-smart-city", "differdange",
                              "droixhe"};
constexpr int kMaxTriangles = 300'000;
constexpr int kMaxTextures = 48;  // 16 sets of three: 16 MiB at 256/128 px (README)

std::string fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// The node names in a .glb's JSON chunk (its length is the 4 bytes at offset 12).
std::set<std::string> nodeNames(const fs::path& glb) {
    const std::string bytes = fileBytes(glb);
    if (bytes.size() < 20) return {};
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + 12;
    const std::size_t length = p[0] | p[1] << 8 | p[2] << 16 | std::size_t(p[3]) << 24;
    const auto doc = nlohmann::json::parse(bytes.substr(20, length), nullptr, false);
    std::set<std::string> names;
    if (doc.is_object() && doc.contains("nodes"))
        for (const auto& n : doc["nodes"]) names.insert(n.value("name", ""));
    return names;
}

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
    for (const char* id : kSites) {
        const std::string a = fileBytes(site("a", id)), b = fileBytes(site("b", id));
        EXPECT_GT(a.size(), 100'000u) << id;
        EXPECT_TRUE(a == b) << id << ".glb differs between two runs";
    }
}

TEST_F(Sitegen, EverySiteChecksCleanWithinBudget) {
    for (const char* id : kSites) {
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
    for (const char* id : kSites) {
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

}  // namespace
