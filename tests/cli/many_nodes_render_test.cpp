// `friche render` on files of very many small nodes: they render in time
// proportional to their content (the renderer batches them), not in minutes.
// Issue 13 measured 100,000 one-triangle nodes at 78 s and 300,000 boxes not
// done after 400 s. The draw calls themselves are counted in-process
// (tests/kiosk/render_batching_test.cpp); here the whole command runs.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "support/many_nodes_glb.h"
#include "support/png.h"
#include "support/run.h"

namespace {

namespace fs = std::filesystem;
using namespace friche::test;

// Generous: a few seconds here, ten times that under the sanitizers.
constexpr int kLimitSeconds = 120;

void rendersInTime(const std::string& name, int count, Shape shape, Sharing sharing) {
    const fs::path folder = fs::temp_directory_path() / ("friche_many_nodes_" + name);
    fs::create_directories(folder);
    const fs::path model = folder / (name + ".glb"), image = folder / (name + ".png");
    writeManyNodesGlb(model, count, shape, sharing);
    fs::remove(image);
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = runFriche(
        {"render", model.string(), "-o", image.string(), "--size", "320x240"}, kLimitSeconds);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(r.timedOut) << "not done in " << kLimitSeconds << " s";
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const Png png = readPng(image);
    EXPECT_EQ(png.width, 320);
    EXPECT_EQ(png.height, 240);
    std::cout << name << ": " << count << " nodes rendered in " << took.count() << " s\n";
    fs::remove_all(folder);
}

}  // namespace

TEST(ManyNodesRender, HundredThousandTrianglesEachItsOwnMesh) {
    rendersInTime("triangles", 100000, Shape::Triangle, Sharing::MeshPerNode);
}

TEST(ManyNodesRender, HundredThousandBoxesSharingOneMesh) {
    rendersInTime("boxes", 100000, Shape::Box, Sharing::OneMesh);
}
