// Every input of the Khronos glTF-Validator test suite through `friche check`,
// compared with the report the Khronos validator itself wrote beside it
// (<name>.report.json: issues.numErrors, issues.messages[].code/pointer).
//
// Always: no crash, no hang, exit 0 or 1. Then exit 1 for every GLB framing
// error and for every file whose report has an error we claim to detect
// (kDetected), and exit 0 for every file the report finds clean, apart from
// the listed exceptions, each with its reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Khronos error codes friche detects, each with the JSON pointer prefix it
// applies to ("" for anywhere). A file whose report has one of them must fail.
struct Detected {
    const char* code;
    const char* pointerPrefix;
};
constexpr Detected kDetected[] = {
    // JSON and GLB framing
    {"INVALID_JSON", ""},
    {"GLB_", ""},  // every GLB_* code
    // missing or broken buffers (a missing image is only a warning)
    {"IO_ERROR", "/buffers"},
    {"BUFFER_MISSING_GLB_DATA", ""},
    {"BUFFER_BYTE_LENGTH_MISMATCH", ""},
    {"INVALID_URI", "/buffers"},
    // references and the node graph
    {"UNRESOLVED_REFERENCE", ""},
    {"NODE_LOOP", ""},
    {"NODE_PARENT_OVERRIDE", ""},
    {"SCENE_NON_ROOT_NODE", ""},
    {"DUPLICATE_ELEMENTS", ""},
    // byte ranges, alignment and formats of buffer views and accessors
    {"BUFFER_VIEW_TOO_LONG", ""},
    {"BUFFER_VIEW_TOO_BIG_BYTE_STRIDE", ""},
    {"BUFFER_VIEW_INVALID_BYTE_STRIDE", ""},
    {"BUFFER_VIEW_TARGET_OVERRIDE", ""},
    {"VALUE_MULTIPLE_OF", "/bufferViews"},
    {"ACCESSOR_TOO_LONG", ""},
    {"ACCESSOR_OFFSET_ALIGNMENT", ""},
    {"ACCESSOR_TOTAL_OFFSET_ALIGNMENT", ""},
    {"ACCESSOR_MATRIX_ALIGNMENT", ""},
    {"ACCESSOR_SMALL_BYTESTRIDE", ""},
    {"ACCESSOR_SPARSE_COUNT_OUT_OF_RANGE", ""},
    {"ACCESSOR_NORMALIZED_INVALID", ""},
    {"ACCESSOR_INDEX_OOB", ""},
    {"ACCESSOR_INDEX_PRIMITIVE_RESTART", ""},
    // meshes
    {"MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_INVALID_FORMAT", ""},
    {"MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_UNSIGNED_INT", ""},
    {"MESH_PRIMITIVE_UNEQUAL_ACCESSOR_COUNT", ""},
    {"MESH_PRIMITIVE_INDICES_ACCESSOR_INVALID_FORMAT", ""},
    {"MESH_PRIMITIVE_INDICES_ACCESSOR_WITH_BYTESTRIDE", ""},
    {"MESH_PRIMITIVE_INVALID_ATTRIBUTE", ""},
    {"MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY", ""},
    {"MESH_PRIMITIVE_JOINTS_WEIGHTS_MISMATCH", ""},
    {"MESH_PRIMITIVE_MORPH_TARGET_NO_BASE_ACCESSOR", ""},
    {"MESH_PRIMITIVE_MORPH_TARGET_INVALID_ATTRIBUTE_COUNT", ""},
    {"MESH_PRIMITIVE_ACCESSOR_UNALIGNED", ""},
    {"MESH_PRIMITIVE_ACCESSOR_WITHOUT_BYTESTRIDE", ""},
    {"MESH_PRIMITIVE_TOO_FEW_TEXCOORDS", ""},
    {"MESH_PRIMITIVES_UNEQUAL_TARGETS_COUNT", ""},
    {"MESH_INVALID_WEIGHTS_COUNT", ""},
    // nodes, skins, animations, cameras, lights, variants
    {"NODE_WEIGHTS_INVALID", ""},
    {"NODE_SKIN_WITH_NON_SKINNED_MESH", ""},
    {"ROTATION_NON_UNIT", ""},
    {"SKIN_IBM_INVALID_FORMAT", ""},
    {"INVALID_IBM_ACCESSOR_COUNT", ""},
    {"SKIN_IBM_ACCESSOR_WITH_BYTESTRIDE", ""},
    {"ANIMATION_SAMPLER_INPUT_ACCESSOR_INVALID_FORMAT", ""},
    {"ANIMATION_SAMPLER_INPUT_ACCESSOR_WITHOUT_BOUNDS", ""},
    {"ANIMATION_SAMPLER_INPUT_ACCESSOR_TOO_FEW_ELEMENTS", ""},
    {"ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_FORMAT", ""},
    {"ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_COUNT", ""},
    {"ANIMATION_SAMPLER_ACCESSOR_WITH_BYTESTRIDE", ""},
    {"ANIMATION_CHANNEL_TARGET_NODE_MATRIX", ""},
    {"ANIMATION_CHANNEL_TARGET_NODE_WEIGHTS_NO_MORPHS", ""},
    {"ANIMATION_DUPLICATE_TARGETS", ""},
    {"ACCESSOR_ANIMATION_INPUT_NEGATIVE", ""},
    {"ACCESSOR_ANIMATION_INPUT_NON_INCREASING", ""},
    {"CAMERA_XMAG_YMAG_ZERO", ""},
    {"CAMERA_ZFAR_LEQUAL_ZNEAR", ""},
    {"KHR_LIGHTS_PUNCTUAL_LIGHT_SPOT_ANGLES", ""},
    {"KHR_MATERIALS_VARIANTS_NON_UNIQUE_VARIANT", ""},
    // what the file declares about itself
    {"UNKNOWN_ASSET_MAJOR_VERSION", ""},
    {"ASSET_MIN_VERSION_GREATER_THAN_VERSION", ""},
    {"UNDECLARED_EXTENSION", ""},
    {"UNEXPECTED_EXTENSION_OBJECT", ""},
    {"NON_REQUIRED_EXTENSION", ""},
    {"UNUSED_EXTENSION_REQUIRED", ""},
};

// Files the Khronos report finds clean that friche refuses, and why.
const std::map<std::string, std::string> kCleanButRefused = {
    {"base/data/accessor/unknown_type.gltf",
     "tinygltf 2.7 rejects an unknown accessor type (Khronos: a warning)"},
    {"base/data/accessor/valid.gltf", "tinygltf 2.7 rejects a .gltf buffer without a uri"},
    {"base/data/buffer/custom_property.gltf", "tinygltf 2.7 rejects a .gltf buffer without a uri"},
    {"base/data/json/integer_written_as_float.gltf",
     "tinygltf 2.7 rejects a .gltf buffer without a uri"},
    {"base/data/root/named_objects.gltf", "tinygltf 2.7 rejects a .gltf buffer without a uri"},
    {"base/data/root/unused_objects.gltf", "tinygltf 2.7 rejects a .gltf buffer without a uri"},
    {"base/data/buffer/non_relative_uri.gltf", "an http:// buffer: friche never fetches URLs"},
    {"base/data/buffer/valid_placeholder.glb",
     "tinygltf 2.7 rejects a buffer longer than the BIN chunk"},
    {"base/data/buffer/data_uri.glb", "tinygltf 2.7 does not decode a non-base64 data URI"},
    {"base/data/mesh/valid.gltf", "tinygltf 2.7 rejects accessors without a bufferView"},
    {"base/data/node/valid.gltf", "tinygltf 2.7 requires skin.inverseBindMatrices"},
    {"base/data/skin/custom_property.gltf", "tinygltf 2.7 requires skin.inverseBindMatrices"},
    {"base/data/skin/ignored_animated_transform.gltf",
     "tinygltf 2.7 requires skin.inverseBindMatrices"},
    {"base/data/skin/ignored_local_transform.gltf",
     "tinygltf 2.7 requires skin.inverseBindMatrices"},
    {"base/data/skin/ignored_parent_transform.gltf",
     "tinygltf 2.7 requires skin.inverseBindMatrices"},
    {"ext/KHR_animation_pointer/data/animation/channel/target/custom_property.gltf",
     "tinygltf 2.7 requires animation channel target.node"},
    {"ext/KHR_animation_pointer/data/animation/channel/target/missing_extension_declaration.gltf",
     "tinygltf 2.7 requires animation channel target.node"},
    {"ext/KHR_animation_pointer/data/animation/channel/target/valid.gltf",
     "tinygltf 2.7 requires animation channel target.node"},
};

struct CorpusCase {
    std::string relative;  // under glTF-Validator/test
    fs::path path;
    bool expectedBad = false;
    bool claimed = false;  // the report has an error friche claims to detect
};

bool claims(const json& message) {
    if (message.value("severity", 1) != 0) return false;
    const std::string code = message.value("code", "");
    const std::string where = message.contains("pointer") ? message.value("pointer", "") : "";
    return std::any_of(std::begin(kDetected), std::end(kDetected), [&](const Detected& d) {
        return code.starts_with(d.code) && where.starts_with(d.pointerPrefix);
    });
}

std::vector<CorpusCase> corpusCases(const fs::path& root) {
    std::vector<CorpusCase> cases;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string ext = entry.path().extension().string();
        if (ext != ".gltf" && ext != ".glb") continue;
        CorpusCase c{fs::relative(entry.path(), root).generic_string(), entry.path()};
        std::ifstream in(entry.path().string() + ".report.json");
        const json report = json::parse(in, nullptr, false);
        if (report.is_object()) {
            const json& issues = report["issues"];
            c.expectedBad = issues.value("numErrors", 0) > 0;
            for (const json& m : issues["messages"]) c.claimed = c.claimed || claims(m);
        }
        cases.push_back(std::move(c));
    }
    std::sort(cases.begin(), cases.end(),
              [](const CorpusCase& a, const CorpusCase& b) { return a.relative < b.relative; });
    return cases;
}

// Runs `friche check` on every case, a few processes at a time.
std::vector<friche::test::RunResult> runAll(const std::vector<CorpusCase>& cases) {
    constexpr std::size_t kParallel = 4;
    std::vector<friche::test::RunResult> results(cases.size());
    for (std::size_t first = 0; first < cases.size(); first += kParallel) {
        std::vector<std::future<friche::test::RunResult>> batch;
        for (std::size_t i = first; i < std::min(first + kParallel, cases.size()); ++i)
            batch.push_back(std::async(std::launch::async, [&cases, i] {
                return friche::test::runFriche({"check", cases[i].path.string()}, 20);
            }));
        for (std::size_t k = 0; k < batch.size(); ++k) results[first + k] = batch[k].get();
    }
    return results;
}

TEST(ValidatorCorpus, FricheCheckAgreesWithTheKhronosReports) {
    const fs::path root = fs::path(FRICHE_CORPUS_DIR) / "glTF-Validator" / "test";
    const std::vector<CorpusCase> cases = corpusCases(root);
    ASSERT_EQ(cases.size(), 366u);
    const std::vector<friche::test::RunResult> results = runAll(cases);

    int agree = 0, missed = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const CorpusCase& c = cases[i];
        const friche::test::RunResult& r = results[i];
        SCOPED_TRACE(c.relative + "\n" + r.output.substr(0, 2000));
        ASSERT_FALSE(r.timedOut) << "hung";
        ASSERT_EQ(r.signal, 0) << "killed by signal " << r.signal;
        ASSERT_TRUE(r.exitCode == 0 || r.exitCode == 1) << "exit " << r.exitCode;
        const bool bad = r.exitCode == 1;
        if (bad == c.expectedBad) ++agree;
        const bool framing = c.relative.find("/glb/") != std::string::npos && c.expectedBad;
        if ((framing || c.claimed) && !bad) {
            ++missed;
            std::printf("missed: %s\n", c.relative.c_str());
            ADD_FAILURE() << "an error the Khronos report lists was not detected";
        }
        if (!c.expectedBad && bad && !kCleanButRefused.contains(c.relative))
            ADD_FAILURE() << "refused a file the Khronos report finds clean";
        if (!c.expectedBad && !bad && kCleanButRefused.contains(c.relative))
            ADD_FAILURE() << "now accepted: remove it from kCleanButRefused";
    }
    std::printf(
        "validator corpus: %zu files, agree on errors with the Khronos report for %d "
        "(%d claimed errors missed)\n",
        cases.size(), agree, missed);
}

}  // namespace
