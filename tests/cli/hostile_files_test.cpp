// Files made to hurt, as the command line meets them (issue 13): each ends in
// exit 0 or 1 within its time and memory limit, with a message naming where
// the problem is, never a crash, a hang or an abort.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/box_gltf.h"
#include "support/run.h"
#include "support/scenario_fixture.h"
#include "support/test_files.h"

namespace fs = std::filesystem;
using friche::test::Interrupt;
using friche::test::runFriche;
using friche::test::runProgram;
using friche::test::writeText;

namespace {

std::string nested(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

// `friche ARGS` under `prlimit --as=MiB`: what a file may cost is then known.
friche::test::RunResult runWithMemory(int mebibytes, std::vector<std::string> args,
                                      int timeoutSeconds = 60) {
    args.insert(args.begin(),
                {"--as=" + std::to_string(std::uint64_t(mebibytes) << 20), FRICHE_BINARY});
    return runProgram("/usr/bin/prlimit", args, timeoutSeconds);
}

// What a directory holds, names only: a stopped or failed write leaves nothing.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
    return names;
}

}  // namespace

TEST(HostileFiles, DeepNestingIsRefusedWithItsByte) {
    const fs::path dir = friche::test::freshDir();
    for (const std::size_t depth : {1000, 14500, 100000}) {
        const fs::path file =
            writeText(dir / ("deep" + std::to_string(depth) + ".gltf"),
                      R"({"asset":{"version":"2.0"},"extras":)" + nested(depth) + "}");
        const auto r = runFriche({"check", file.string()});
        EXPECT_EQ(r.exitCode, 1) << depth << r.output;
        EXPECT_NE(r.output.find("JSON_TOO_DEEP"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("byte "), std::string::npos) << r.output;
    }
    // Under an unknown key of a file our own pre-parse rewrites (meshopt), in a
    // .glb, and as the model of a scenario, for check and render alike.
    const fs::path meshopt = writeText(
        dir / "meshopt.gltf",
        R"({"asset":{"version":"2.0"},"extensionsUsed":["EXT_meshopt_compression"],"zzz":)" +
            nested(100000) + "}");
    const auto r = runFriche({"check", meshopt.string()});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("JSON_TOO_DEEP"), std::string::npos) << r.output;
    auto doc = friche::test::goodScenario();
    for (auto& layer : doc["layers"]) layer["model"] = "meshopt.gltf";
    const fs::path scenario = friche::test::writeScenario("hostile-deep-model", doc);
    fs::copy_file(meshopt, scenario.parent_path() / "meshopt.gltf");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", scenario.string()},
          {"render", scenario.string(), "-o", (dir / "out.png").string(), "--size", "64x64"},
          {"render", scenario.string(), "--ui", "-o", (dir / "out.png").string(), "--size",
           "64x64"}}) {
        const auto s = runFriche(args);
        EXPECT_EQ(s.exitCode, 1) << args[0] << s.output;
        EXPECT_EQ(s.signal, 0) << s.output;
        EXPECT_NE(s.output.find("JSON_TOO_DEEP"), std::string::npos) << s.output;
    }
    EXPECT_FALSE(fs::exists(dir / "out.png"));
}

// A 55 MB .gltf of 100,000 materials with extras: tinygltf aborted on it
// under a 600 MB limit, its std::bad_alloc thrown through a noexcept frame.
fs::path hundredThousandMaterials() {
    const fs::path dir = friche::test::freshDir();
    std::string text = R"({"asset":{"version":"2.0"},"materials":[)";
    const std::string extras(400, 'x');
    for (int i = 0; i < 100000; ++i)
        text +=
            (i ? "," : "") + std::string(R"({"name":"m)") + std::to_string(i) +
            R"(","pbrMetallicRoughness":{"baseColorFactor":[0.5,0.5,0.5,1],"metallicFactor":0.1},"extras":{"note":")" +
            extras + R"("}})";
    return writeText(dir / "materials.gltf", text + "]}");
}

TEST(HostileFiles, AHundredThousandMaterialsNeedMoreMemoryThanAllowed) {
    if (friche::test::underAddressSanitizer())
        GTEST_SKIP() << "an address-space limit cannot apply under ASan";
    const fs::path file = hundredThousandMaterials();
    const auto r = runWithMemory(600, {"check", file.string()});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(r.signal, 0) << r.output;
    EXPECT_NE(r.output.find("TOO_LARGE"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("MiB, more than the limit of"), std::string::npos) << r.output;
    // With the memory to hold it, the same file is simply checked.
    const auto roomy = runFriche({"check", file.string()});
    EXPECT_EQ(roomy.exitCode, 0) << roomy.output.substr(0, 2000);
}

// Whether the load outlasts the signal's grace (the watchdog ends it) or not
// (the check sees the signal once the load returns), the check ends with 130:
// on a machine that loaded the file within the grace it had printed "ok".
TEST(HostileFiles, CtrlCStopsACheckWithinASecond) {
    const fs::path file = hundredThousandMaterials();
    const auto r = runFriche({"check", file.string()}, 120,
                             Interrupt{.after = "", .signal = SIGINT, .afterMs = 400});
    EXPECT_EQ(r.exitCode, 130) << r.output;
    EXPECT_LT(r.secondsAfterInterrupt, 1.0) << r.output;
}

TEST(HostileFiles, ThirtyThousandMeshesOverOneAccessorSetAreConvertedOnce) {
    if (friche::test::underAddressSanitizer())
        GTEST_SKIP() << "an address-space limit cannot apply under ASan";
    const fs::path dir = friche::test::freshDir();
    // 3,000 vertices and 9,000 indices, drawn by 30,000 meshes (128 KB each when
    // converted apiece: 3.8 GB).
    constexpr int kVertices = 3000, kMeshes = 30000;
    std::string bin;
    for (int i = 0; i < kVertices; ++i) {
        const float p[3] = {float(i % 100), float(i / 100 % 100), 0.0f};
        bin.append(reinterpret_cast<const char*>(p), sizeof p);
    }
    for (int i = 0; i < kVertices * 3; ++i) {
        const std::uint32_t index = std::uint32_t(i % kVertices);
        bin.append(reinterpret_cast<const char*>(&index), 4);
    }
    std::ofstream(dir / "shared.bin", std::ios::binary) << bin;
    std::string meshes, nodes, roots;
    for (int i = 0; i < kMeshes; ++i) {
        const std::string sep = i ? "," : "";
        meshes += sep + R"({"primitives":[{"attributes":{"POSITION":0},"indices":1}]})";
        nodes += sep + R"({"mesh":)" + std::to_string(i) + R"(,"translation":[)" +
                 std::to_string(i % 200) + ",0," + std::to_string(i / 200) + "]}";
        roots += sep + std::to_string(i);
    }
    const std::string positions = std::to_string(kVertices * 12);
    const fs::path file = writeText(
        dir / "shared.gltf",
        R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[)" + roots +
            R"(]}],"nodes":[)" + nodes + R"(],"meshes":[)" + meshes +
            R"(],"buffers":[{"uri":"shared.bin","byteLength":)" + std::to_string(bin.size()) +
            R"(}],"bufferViews":[{"buffer":0,"byteLength":)" + positions +
            R"(},{"buffer":0,"byteOffset":)" + positions + R"(,"byteLength":)" +
            std::to_string(kVertices * 12) +
            R"(}],"accessors":[{"bufferView":0,"componentType":5126,"count":3000,"type":"VEC3","min":[0,0,0],"max":[99,29,0]},{"bufferView":1,"componentType":5125,"count":9000,"type":"SCALAR"}]})");
    const auto r = runWithMemory(1024, {"check", file.string()});
    EXPECT_EQ(r.exitCode, 0) << r.output.substr(0, 2000);
    EXPECT_EQ(r.signal, 0);
}

TEST(HostileFiles, AGiantImageIsRefusedBeforeItIsDecoded) {
    const fs::path dir = friche::test::freshDir();
    // A 16384 x 8192 RGBA PNG's header (its pixels would take 512 MiB, twice
    // that while decoding), in a glTF beside a box.
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\0\0\0\x0dIHDR", 8);
    for (const std::uint32_t v : {16384u, 8192u})
        for (int shift = 24; shift >= 0; shift -= 8) png += char(v >> shift);
    png += std::string("\x08\x06\0\0\0\0\0\0\0", 9);
    writeText(dir / "bomb.png", png);
    const fs::path box = friche::test::writeBoxGltf(dir, "box", 1, 1, 1);
    auto gltf = nlohmann::json::parse(std::ifstream(box));
    gltf["images"] = {{{"uri", "bomb.png"}}};
    gltf["textures"] = {{{"source", 0}}};
    writeText(dir / "box.gltf", gltf.dump());
    // With the memory for it, the image is tried, found broken (it has no
    // pixel data) and replaced by a neutral texture.
    const auto roomy = runFriche({"check", box.string()}, 60);
    EXPECT_EQ(roomy.exitCode, 0) << roomy.output;
    EXPECT_NE(roomy.output.find("IMAGE_UNREADABLE"), std::string::npos) << roomy.output;
    // The limit an operator (or a service's memory cap) sets.
    setenv("FRICHE_MEMORY_LIMIT_MIB", "300", 1);
    const auto capped = runFriche({"check", box.string()}, 60);
    setenv("FRICHE_MEMORY_LIMIT_MIB", "lots", 1);
    const auto wrong = runFriche({"check", box.string()}, 60);
    unsetenv("FRICHE_MEMORY_LIMIT_MIB");
    EXPECT_EQ(wrong.exitCode, 2) << wrong.output;
    EXPECT_NE(wrong.output.find("FRICHE_MEMORY_LIMIT_MIB=lots"), std::string::npos) << wrong.output;
    EXPECT_EQ(capped.exitCode, 1) << capped.output;
    EXPECT_NE(capped.output.find("TOO_LARGE"), std::string::npos) << capped.output;
    EXPECT_NE(capped.output.find("more than the limit of 300 MiB"), std::string::npos)
        << capped.output;
}

TEST(HostileFiles, AUriOutsideTheModelsFolderIsRefused) {
    const fs::path dir = friche::test::freshDir();
    const fs::path file = writeText(
        dir / "escape.gltf",
        R"({"asset":{"version":"2.0"},"buffers":[{"uri":"../../../../../../../../etc/passwd","byteLength":12}]})");
    const auto r = runFriche({"check", file.string()});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("URI_OUTSIDE_FOLDER"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("/buffers/0/uri"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("'/etc/passwd'"), std::string::npos) << r.output;
    // A file in a folder below the model's is its own.
    fs::create_directories(dir / "data");
    const fs::path box = friche::test::writeBoxGltf(dir / "data", "box", 1, 1, 1);
    auto gltf = nlohmann::json::parse(std::ifstream(box));
    gltf["buffers"][0]["uri"] = "data/box.bin";
    writeText(dir / "below.gltf", gltf.dump());
    const auto below = runFriche({"check", (dir / "below.gltf").string()});
    EXPECT_EQ(below.exitCode, 0) << below.output;
}

TEST(HostileFiles, AScenarioPathWithANulIsRefused) {
    auto doc = friche::test::goodScenario();
    doc["layers"][0]["model"] = std::string("model.gltf\0.png", 15);
    const fs::path scenario = friche::test::writeScenario("hostile-nul", doc);
    const auto r = runFriche({"check", scenario.string()});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("NUL_IN_STRING"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("/layers/0/model"), std::string::npos) << r.output;
}

TEST(HostileFiles, AnOutputThatCannotBeWrittenIsAnError) {
    const fs::path dir = friche::test::freshDir();
    const fs::path box = friche::test::writeBoxGltf(dir, "box", 1, 1, 1);
    const auto full = runFriche({"render", box.string(), "-o", "/dev/full", "--size", "64x64"});
    EXPECT_EQ(full.exitCode, 1) << full.output;
    EXPECT_NE(full.output.find("'/dev/full': it is not a regular file"), std::string::npos)
        << full.output;
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
    // A file-size limit as a full disk: the write fails, is reported with the
    // system's reason, and leaves neither the image nor a temporary file.
    fs::create_directories(dir / "small");
    const auto limited =
        runProgram("/usr/bin/prlimit", {"--fsize=2000", FRICHE_BINARY, "render", box.string(), "-o",
                                        (dir / "small" / "out.png").string(), "--size", "256x256"});
    EXPECT_EQ(limited.exitCode, 1) << limited.output;
    EXPECT_NE(limited.output.find("File too large"), std::string::npos) << limited.output;
    EXPECT_TRUE(listing(dir / "small").empty());
}

TEST(HostileFiles, SigtermStopsARenderWithinASecond) {
    const fs::path dir = friche::test::freshDir();
    const fs::path out = dir / "still.png";
    for (const int signal : {SIGTERM, SIGINT}) {
        const auto r = runFriche({"render", FRICHE_SOURCE_DIR "/scenes/seraing.json", "-o",
                                  out.string(), "--size", "3840x2160"},
                                 120, Interrupt{.after = "", .signal = signal, .afterMs = 1500});
        EXPECT_EQ(r.exitCode, 128 + signal) << r.output;
        EXPECT_LT(r.secondsAfterInterrupt, 1.0) << r.output;
        EXPECT_TRUE(listing(dir).empty());
    }
}
