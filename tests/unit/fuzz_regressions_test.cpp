// Every input a fuzzer ever crashed on (fuzz/regressions/, kept in the
// repository) replayed through the same code as its fuzz target: loading ends
// with a model or with problems a person can read, never a crash (these tests
// run under ASan and UBSan in CI).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "io/load.h"
#include "io/scenario_loader.h"

namespace fs = std::filesystem;
using namespace friche;

namespace {

std::vector<fs::path> regressions(const std::string& target) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(FRICHE_SOURCE_DIR) / "fuzz/regressions"))
        if (e.path().filename().string().starts_with(target + "-")) files.push_back(e.path());
    return files;
}

// What a user reads of a broken file: every problem says what, with a code.
void expectSentences(const core::Problems& problems, const fs::path& file) {
    for (const core::Problem& p : problems.list()) {
        EXPECT_FALSE(p.code.empty()) << file;
        EXPECT_FALSE(p.message.empty()) << file << " " << p.code;
    }
}

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(FuzzRegressions, GltfInputsLoadOrFailCleanly) {
    const auto files = regressions("gltf");
    if (files.empty()) GTEST_SKIP() << "no glTF input has crashed a fuzzer";
    const fs::path dir = fs::path(FRICHE_TEST_OUT) / "fuzz-regressions";
    fs::create_directories(dir);
    for (const fs::path& file : files) {
        // As gltf_fuzz does: the magic decides the extension.
        const std::string bytes = contents(file);
        const fs::path copy = dir / (bytes.starts_with("glTF") ? "input.glb" : "input.gltf");
        std::ofstream(copy, std::ios::binary) << bytes;
        expectSentences(io::loadGltf(copy).problems, file);
    }
}

TEST(FuzzRegressions, ScenarioInputsLoadOrFailCleanly) {
    const auto files = regressions("scenario");
    if (files.empty()) GTEST_SKIP() << "no scenario has crashed a fuzzer";
    for (const fs::path& file : files) {
        expectSentences(io::parseScenario(contents(file),
                                          fs::path(FRICHE_SOURCE_DIR) / "scenes/fuzzed.json", {})
                            .problems,
                        file);
    }
}
