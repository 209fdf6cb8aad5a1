// The GLB framing check and the glTF validator, one hand-made broken input
// per error path, each asserting the code and the place it names.
#include <gtest/gtest.h>
#include <tiny_gltf.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/gltf_validate.h"
#include "io/load.h"
#include "support/problem_text.h"

namespace friche {
namespace {

using test::describe;

using Bytes = std::vector<std::uint8_t>;

// ---- GLB byte arrays --------------------------------------------------------

void putU32(Bytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

constexpr std::uint32_t kJson = 0x4E4F534A;
constexpr std::uint32_t kBin = 0x004E4942;

struct Chunk {
    std::uint32_t type;
    std::string data;
    std::uint32_t declaredLength = 0xFFFFFFFF;  // default: data.size()
};

// A GLB with these chunks; `length` overrides the header's total length.
Bytes glb(const std::vector<Chunk>& chunks, std::uint32_t version = 2,
          std::uint32_t length = 0xFFFFFFFF) {
    Bytes body;
    for (const Chunk& c : chunks) {
        putU32(body, c.declaredLength != 0xFFFFFFFF ? c.declaredLength
                                                    : static_cast<std::uint32_t>(c.data.size()));
        putU32(body, c.type);
        body.insert(body.end(), c.data.begin(), c.data.end());
    }
    Bytes out = {'g', 'l', 'T', 'F'};
    putU32(out, version);
    putU32(out, length != 0xFFFFFFFF ? length : static_cast<std::uint32_t>(12 + body.size()));
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

const std::string kAssetJson = R"({"asset":{"version":"2.0"}} )";  // 28 bytes

bool hasProblem(const core::Problems& problems, const std::string& code, const std::string& where) {
    return std::any_of(problems.list().begin(), problems.list().end(),
                       [&](const core::Problem& p) { return p.code == code && p.where == where; });
}

#define EXPECT_PROBLEM(problems, code, where)                   \
    EXPECT_TRUE(hasProblem(problems, code, where))              \
        << "expected " << code << " at " << where << ", got:\n" \
        << describe(problems)

bool frame(const Bytes& bytes, core::Problems& problems) {
    return io::checkGlbFraming(bytes, problems);
}

TEST(GlbFraming, AcceptsJsonAndBinChunks) {
    core::Problems problems;
    EXPECT_TRUE(frame(glb({{kJson, kAssetJson}, {kBin, std::string(8, '\0')}}), problems))
        << describe(problems);
    EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST(GlbFraming, RejectsShortHeader) {
    core::Problems problems;
    EXPECT_FALSE(frame(Bytes{'g', 'l', 'T'}, problems));
    EXPECT_PROBLEM(problems, "GLB_UNEXPECTED_END_OF_HEADER", "byte 3");
}

TEST(GlbFraming, RejectsBadMagic) {
    Bytes bytes = glb({{kJson, kAssetJson}});
    bytes[0] = 'G';
    core::Problems problems;
    EXPECT_FALSE(frame(bytes, problems));
    EXPECT_PROBLEM(problems, "GLB_INVALID_MAGIC", "byte 0");
}

TEST(GlbFraming, RejectsVersionOne) {
    core::Problems problems;
    EXPECT_FALSE(frame(glb({{kJson, kAssetJson}}, 1), problems));
    EXPECT_PROBLEM(problems, "GLB_INVALID_VERSION", "byte 4");
}

TEST(GlbFraming, RejectsLengthNoLargerThanHeader) {
    core::Problems problems;
    EXPECT_FALSE(frame(glb({}, 2, 12), problems));
    EXPECT_PROBLEM(problems, "GLB_LENGTH_TOO_SMALL", "byte 8");
}

TEST(GlbFraming, RejectsDeclaredLengthBeyondFile) {
    core::Problems problems;
    const Bytes bytes = glb({{kJson, kAssetJson}}, 2, 1000);
    EXPECT_FALSE(frame(bytes, problems));
    EXPECT_PROBLEM(problems, "GLB_LENGTH_MISMATCH", "byte " + std::to_string(bytes.size()));
}

TEST(GlbFraming, ExtraBytesAfterDeclaredLengthAreOnlyAWarning) {
    Bytes bytes = glb({{kJson, kAssetJson}});
    bytes.push_back(0);
    core::Problems problems;
    EXPECT_TRUE(frame(bytes, problems));
    EXPECT_PROBLEM(problems, "GLB_EXTRA_DATA", "byte 48");
}

TEST(GlbFraming, ChunkLengthNearFourGigabytesDoesNotWrap) {
    // 12 + 8 + 0xFFFFFFF0 wraps to 8 in 32-bit arithmetic.
    core::Problems problems;
    EXPECT_FALSE(frame(glb({{kJson, kAssetJson, 0xFFFFFFF0u}}), problems));
    EXPECT_PROBLEM(problems, "GLB_CHUNK_TOO_BIG", "byte 12");
    EXPECT_PROBLEM(problems, "GLB_UNEXPECTED_END_OF_CHUNK_DATA", "byte 48");
}

TEST(GlbFraming, RejectsUnalignedChunkLength) {
    core::Problems problems;
    EXPECT_FALSE(frame(glb({{kJson, R"({"asset":{"version":"2.0"}})"}}), problems));
    EXPECT_PROBLEM(problems, "GLB_CHUNK_LENGTH_UNALIGNED", "byte 12");
}

TEST(GlbFraming, RejectsTruncatedChunkHeader) {
    Bytes bytes = glb({{kJson, kAssetJson}});
    bytes.insert(bytes.end(), {1, 2, 3, 4});
    bytes[8] = static_cast<std::uint8_t>(bytes.size());
    core::Problems problems;
    EXPECT_FALSE(frame(bytes, problems));
    EXPECT_PROBLEM(problems, "GLB_UNEXPECTED_END_OF_CHUNK_HEADER", "byte 52");
}

TEST(GlbFraming, FirstChunkMustBeJson) {
    core::Problems problems;
    EXPECT_FALSE(frame(glb({{kBin, std::string(4, '\0')}, {kJson, kAssetJson}}), problems));
    EXPECT_PROBLEM(problems, "GLB_UNEXPECTED_FIRST_CHUNK", "byte 12");
}

TEST(GlbFraming, RejectsSecondBinAndMisplacedBin) {
    core::Problems twoBins;
    EXPECT_FALSE(frame(glb({{kJson, kAssetJson}, {kBin, "abcd"}, {kBin, "efgh"}}), twoBins));
    EXPECT_PROBLEM(twoBins, "GLB_DUPLICATE_CHUNK", "byte 60");

    core::Problems misplaced;
    EXPECT_FALSE(frame(glb({{kJson, kAssetJson}, {0x4B4E55, "abcd"}, {kBin, "efgh"}}), misplaced));
    EXPECT_PROBLEM(misplaced, "GLB_UNKNOWN_CHUNK_TYPE", "byte 48");
    EXPECT_PROBLEM(misplaced, "GLB_UNEXPECTED_BIN_CHUNK", "byte 60");
}

// ---- validateGltf on small models --------------------------------------------

using nlohmann::json;

std::string base64(const Bytes& bytes) {
    static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = bytes[i] << 16 | (i + 1 < bytes.size() ? bytes[i + 1] << 8 : 0) |
                                (i + 2 < bytes.size() ? bytes[i + 2] : 0);
        for (std::size_t k = 0; k < 4; ++k)
            out += i + k <= bytes.size() ? digits[(n >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

// One triangle: 3 float positions (bytes 0..35), 3 ushort indices (36..41).
json triangle(std::array<std::uint16_t, 3> indices = {0, 1, 2}) {
    Bytes data;
    for (const float f : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f}) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &f, 4);
        putU32(data, bits);
    }
    for (const std::uint16_t i : indices) {
        data.push_back(static_cast<std::uint8_t>(i));
        data.push_back(static_cast<std::uint8_t>(i >> 8));
    }
    data.resize(44);
    json model = json::parse(R"({
      "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
      "nodes": [{"mesh": 0}],
      "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
      "accessors": [
        {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3",
         "min": [0, 0, 0], "max": [1, 1, 0]},
        {"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"}],
      "bufferViews": [{"buffer": 0, "byteLength": 36, "target": 34962},
                      {"buffer": 0, "byteOffset": 36, "byteLength": 6, "target": 34963}],
      "buffers": [{"byteLength": 44}]})");
    model["buffers"][0]["uri"] = "data:application/octet-stream;base64," + base64(data);
    return model;
}

tinygltf::Model parse(const json& model) {
    const std::string text = model.dump();
    tinygltf::TinyGLTF loader;
    tinygltf::Model out;
    std::string err, warn;
    EXPECT_TRUE(loader.LoadASCIIFromString(&out, &err, &warn, text.data(),
                                           static_cast<unsigned>(text.size()), ""))
        << err;
    return out;
}

bool validate(const tinygltf::Model& model, core::Problems& problems) {
    return io::validateGltf(model, problems);
}

TEST(GltfValidate, AcceptsAValidTriangle) {
    core::Problems problems;
    EXPECT_TRUE(validate(parse(triangle()), problems)) << describe(problems);
    EXPECT_FALSE(problems.hasErrors()) << describe(problems);
}

TEST(GltfValidate, ReportsANodeCycleOnEveryNodeInIt) {
    json model = triangle();
    model["nodes"] = json::parse(R"([{"children": [1]}, {"children": [2]}, {"children": [1]}])");
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "NODE_LOOP", "/nodes/1");
    EXPECT_PROBLEM(problems, "NODE_LOOP", "/nodes/2");
    EXPECT_FALSE(hasProblem(problems, "NODE_LOOP", "/nodes/0")) << describe(problems);
}

TEST(GltfValidate, ReportsANodeThatIsItsOwnChild) {
    json model = triangle();
    model["nodes"][0]["children"] = {0};
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "NODE_LOOP", "/nodes/0/children/0");
}

TEST(GltfValidate, ReportsANodeWithTwoParents) {
    json model = triangle();
    model["nodes"] = json::parse(R"([{"children": [2]}, {"children": [2]}, {"mesh": 0}])");
    model["scenes"][0]["nodes"] = {0, 1};
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "NODE_PARENT_OVERRIDE", "/nodes/1/children/0");
}

TEST(GltfValidate, RejectsAnAbsurdlyDeepHierarchy) {
    json model = triangle();
    json nodes = json::array();
    for (int i = 0; i < 2000; ++i) nodes.push_back({{"children", {i + 1}}});
    nodes.push_back({{"mesh", 0}});
    model["nodes"] = nodes;
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "NODE_HIERARCHY_TOO_DEEP", "/nodes/1024");
}

TEST(GltfValidate, RejectsAnAccessorLongerThanItsBufferView) {
    json model = triangle();
    model["accessors"][0]["count"] = 4;
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "ACCESSOR_TOO_LONG", "/accessors/0");
}

TEST(GltfValidate, RejectsABufferViewLongerThanItsBuffer) {
    json model = triangle();
    model["bufferViews"][1]["byteLength"] = 100;
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "BUFFER_VIEW_TOO_LONG", "/bufferViews/1/byteLength");
}

TEST(GltfValidate, RejectsAnUnresolvedAccessorReference) {
    json model = triangle();
    model["meshes"][0]["primitives"][0]["attributes"]["POSITION"] = 9;
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "UNRESOLVED_REFERENCE", "/meshes/0/primitives/0/attributes/POSITION");
}

TEST(GltfValidate, RejectsAnIndexValueBeyondTheVertices) {
    core::Problems problems;
    EXPECT_FALSE(validate(parse(triangle({0, 1, 5})), problems));
    EXPECT_PROBLEM(problems, "ACCESSOR_INDEX_OOB", "/meshes/0/primitives/0/indices");
}

TEST(GltfValidate, RejectsFloatIndices) {
    json model = triangle();
    model["accessors"][1]["componentType"] = 5126;
    model["accessors"][1]["count"] = 1;
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "MESH_PRIMITIVE_INDICES_ACCESSOR_INVALID_FORMAT",
                   "/meshes/0/primitives/0/indices");
}

TEST(GltfValidate, RejectsASparseIndexBeyondTheCount) {
    json model = triangle({0, 1, 5});
    model["accessors"][0]["sparse"] = json::parse(R"({"count": 3,
        "indices": {"bufferView": 1, "componentType": 5123}, "values": {"bufferView": 0}})");
    model["meshes"][0]["primitives"][0].erase("indices");
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "ACCESSOR_SPARSE_INDEX_OOB", "/accessors/0/sparse/indices");
}

TEST(GltfValidate, RefusesAHugeCountWithNoBufferBehindIt) {
    json model = triangle();
    model["accessors"].push_back(
        {{"componentType", 5126}, {"count", 4000000000ull}, {"type", "VEC4"}});
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "ACCESSOR_TOO_LARGE", "/accessors/2/count");
}

TEST(GltfValidate, RejectsAMeshWithoutPrimitives) {
    tinygltf::Model model = parse(triangle());
    model.meshes[0].primitives.clear();
    core::Problems problems;
    EXPECT_FALSE(validate(model, problems));
    EXPECT_PROBLEM(problems, "EMPTY_ENTITY", "/meshes/0/primitives");
}

TEST(GltfValidate, EscapesAttributeNamesInPointers) {
    json model = triangle();
    model["meshes"][0]["primitives"][0]["attributes"]["A/B~"] = 0;
    core::Problems problems;
    EXPECT_FALSE(validate(parse(model), problems));
    EXPECT_PROBLEM(problems, "MESH_PRIMITIVE_INVALID_ATTRIBUTE",
                   "/meshes/0/primitives/0/attributes/A~1B~0");
}

// ---- through io::loadGltf: files on disk -------------------------------------

std::filesystem::path writeFile(const std::string& name, const std::string& text) {
    const std::filesystem::path dir = std::filesystem::path(FRICHE_TEST_OUT) / "gltf_validate";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

TEST(GltfLoadBadInput, MissingBufferFileIsAnIoError) {
    json model = triangle();
    model["buffers"][0]["uri"] = "no such file.bin";
    const auto path = writeFile("missing_buffer.gltf", model.dump());
    const io::LoadResult result = io::loadGltf(path);
    EXPECT_FALSE(result.ok());
    EXPECT_PROBLEM(result.problems, "IO_ERROR", path.string());
}

TEST(GltfLoadBadInput, InvalidJsonIsAJsonError) {
    const auto path = writeFile("invalid.gltf", R"({"asset": {"version": "2.0"},)");
    const io::LoadResult result = io::loadGltf(path);
    EXPECT_FALSE(result.ok());
    EXPECT_PROBLEM(result.problems, "JSON_ERROR", path.string());
}

TEST(GltfLoadBadInput, BrokenGlbFramingStopsBeforeParsing) {
    const Bytes bytes = glb({{kJson, kAssetJson, 0xFFFFFFF0u}});
    const auto path = writeFile("overflow.glb", std::string(bytes.begin(), bytes.end()));
    const io::LoadResult result = io::loadGltf(path);
    EXPECT_FALSE(result.ok());
    EXPECT_PROBLEM(result.problems, "GLB_CHUNK_TOO_BIG", "byte 12");
}

// FRICHE_CORPUS_VERBOSE=1 lists the files where friche and the Khronos report
// disagree, with friche's errors: the starting point for the next check to add.
void explainDisagreement(const std::filesystem::path& path, bool expectedBad,
                         const core::Problems& problems) {
    if (std::getenv("FRICHE_CORPUS_VERBOSE") == nullptr) return;
    std::printf("disagree: %s (Khronos: %s)\n", path.string().c_str(),
                expectedBad ? "errors" : "clean");
    for (const auto& p : problems.list())
        if (p.severity == core::Severity::Error)
            std::printf("    %s\n", core::formatProblem("", p).c_str());
}

// Every Khronos validator input through the whole glTF route in this process,
// so that the sanitizer build sees any out-of-bounds read or leak. The CLI
// test (tests/cli/validator_corpus_test.cpp) asserts the outcomes file by file.
TEST(GltfValidatorCorpus, EveryInputLoadsOrFailsCleanly) {
    const std::filesystem::path root =
        std::filesystem::path(FRICHE_CORPUS_DIR) / "glTF-Validator" / "test";
    int files = 0, agree = 0;
    std::vector<std::string> glbMisses;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".gltf" && ext != ".glb") continue;
        ++files;
        std::ifstream reportFile(entry.path().string() + ".report.json");
        const json report = json::parse(reportFile, nullptr, false);
        const bool expectedBad = report.is_object() && report["issues"]["numErrors"].get<int>() > 0;
        const io::LoadResult result = io::loadGltf(entry.path());
        const bool bad = !result.ok();
        if (bad == expectedBad) ++agree;
        if (bad != expectedBad) explainDisagreement(entry.path(), expectedBad, result.problems);
        if (expectedBad && !bad && entry.path().parent_path().filename() == "glb")
            glbMisses.push_back(entry.path().filename().string());
    }
    EXPECT_EQ(files, 366);
    EXPECT_TRUE(glbMisses.empty()) << "GLB framing errors not detected: " << glbMisses.size();
    std::printf("validator corpus (in process): %d files, agree on errors with Khronos for %d\n",
                files, agree);
}

// tinygltf 2.7 refuses a .gltf buffer with no uri, so through the loader
// many validator inputs never reach validateGltf. Here each such buffer gets
// zeros of its byteLength first, and the validator alone is compared with the
// Khronos report: it must find no error in a file the report finds clean
// (zeros stand in for data the Khronos validator never had, so checks of the
// data's values do not count in a file whose buffer was zero-filled).
bool checksValues(const core::Problem& p) {
    return p.code.starts_with("ACCESSOR_SPARSE_IND") || p.code.starts_with("ACCESSOR_INDEX_") ||
           p.code.starts_with("ACCESSOR_ANIMATION_INPUT_");
}

TEST(GltfValidatorCorpus, ValidatorAloneRaisesNoFalseAlarm) {
    const std::filesystem::path root =
        std::filesystem::path(FRICHE_CORPUS_DIR) / "glTF-Validator" / "test";
    int checked = 0, agree = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".gltf") continue;
        std::ifstream file(entry.path());
        json model = json::parse(file, nullptr, false);
        std::ifstream reportFile(entry.path().string() + ".report.json");
        const json report = json::parse(reportFile, nullptr, false);
        if (!model.is_object() || !report.is_object()) continue;
        bool zeroFilled = false;
        if (model.contains("buffers") && model["buffers"].is_array()) {
            for (json& buffer : model["buffers"]) {
                if (!buffer.is_object() || buffer.contains("uri")) continue;
                const json length = buffer.value("byteLength", json());
                if (!length.is_number_unsigned() || length.get<std::size_t>() > (1u << 20))
                    continue;
                buffer["uri"] = "data:application/octet-stream;base64," +
                                base64(Bytes(length.get<std::size_t>()));
                zeroFilled = true;
            }
        }
        const std::string text = model.dump();
        tinygltf::TinyGLTF loader;
        tinygltf::Model parsed;
        std::string err, warn;
        if (!loader.LoadASCIIFromString(&parsed, &err, &warn, text.data(),
                                        static_cast<unsigned>(text.size()),
                                        entry.path().parent_path().string()))
            continue;
        ++checked;
        core::Problems problems;
        const bool ok = io::validateGltf(parsed, problems);
        const bool expectedBad = report["issues"].value("numErrors", 0) > 0;
        if (ok != expectedBad) ++agree;
        const bool falseAlarm = std::any_of(
            problems.list().begin(), problems.list().end(), [&](const core::Problem& p) {
                return p.severity == core::Severity::Error && !(zeroFilled && checksValues(p));
            });
        EXPECT_FALSE(!expectedBad && falseAlarm) << entry.path() << "\n" << describe(problems);
    }
    std::printf("validator alone: %d parsed .gltf inputs, agree on errors with Khronos for %d\n",
                checked, agree);
}

}  // namespace
}  // namespace friche
