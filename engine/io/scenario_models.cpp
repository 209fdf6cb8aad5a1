// The model side of scenarios: where model files are found, their outline
// (node and scene names), and the full load `check` runs on each of them.
#include <array>
#include <cstdint>
#include <fstream>
#include <set>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/file.h"
#include "core/json_shape.h"
#include "io/glb_format.h"
#include "io/load.h"
#include "io/scenario_loader.h"
#include "io/scenario_models.h"

namespace friche::io {
namespace {

// A glTF's JSON is small beside its buffers; a larger one is not worth
// reading just for names.
constexpr std::uintmax_t kMaxOutlineJsonBytes = 64u << 20;
constexpr std::size_t kGlbPreambleBytes = 20;  // header and first chunk header

// The JSON chunk of a .glb (the spec puts it first), read without the rest.
std::optional<std::string> readGlbJson(const std::filesystem::path& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, kGlbPreambleBytes> head{};
    if (!in.read(reinterpret_cast<char*>(head.data()), head.size()) ||
        glb::readU32(head, 0) != glb::kMagic || glb::readU32(head, 16) != glb::kChunkJson) {
        error = "not a GLB file with a JSON chunk";
        return std::nullopt;
    }
    const std::uint32_t length = glb::readU32(head, 12);
    if (length > kMaxOutlineJsonBytes) {
        error = "its JSON chunk is larger than " + std::to_string(kMaxOutlineJsonBytes) + " bytes";
        return std::nullopt;
    }
    std::string text(length, '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(length))) {
        error = "the GLB ends inside its JSON chunk";
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> readGltfJson(const std::filesystem::path& path, std::string& error) {
    if (core::lowerExtension(path) == "glb") return readGlbJson(path, error);
    const auto bytes = core::readFile(path, error, kMaxOutlineJsonBytes);
    if (!bytes) return std::nullopt;
    return std::string(bytes->begin(), bytes->end());
}

std::vector<std::string> names(const nlohmann::json& document, const char* key) {
    std::vector<std::string> out;
    const auto it = document.find(key);
    if (it == document.end() || !it->is_array()) return out;
    for (const nlohmann::json& item : *it) {
        const auto name = item.is_object() ? item.find("name") : item.end();
        out.push_back(name != item.end() && name->is_string() ? name->get<std::string>() : "");
    }
    return out;
}

}  // namespace

std::vector<std::filesystem::path> defaultAssetDirs() {
    std::error_code ec;
    // Linux names the running executable here; elsewhere the app passes its
    // own folder (SDL_GetBasePath) in ScenarioOptions.
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return {};
    return {exe.parent_path() / "assets"};
}

ScenarioOptions defaultScenarioOptions() {
    return {defaultAssetDirs()};
}

std::optional<std::filesystem::path> findModel(const std::string& model,
                                               const std::filesystem::path& scenarioDir,
                                               const std::vector<std::filesystem::path>& assetDirs,
                                               std::vector<std::filesystem::path>& tried) {
    const std::filesystem::path relative = std::filesystem::u8path(model);
    std::vector<std::filesystem::path> candidates;
    if (relative.is_absolute()) {
        candidates.push_back(relative);
    } else {
        candidates.push_back(scenarioDir / relative);
        for (const auto& dir : assetDirs) candidates.push_back(dir / relative);
    }
    for (const auto& candidate : candidates) {
        tried.push_back(candidate.lexically_normal());
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
    }
    return std::nullopt;
}

std::optional<ModelOutline> readModelOutline(const std::filesystem::path& path,
                                             std::string& error) {
    const std::string ext = core::lowerExtension(path);
    if (ext != "gltf" && ext != "glb") return std::nullopt;
    const auto text = readGltfJson(path, error);
    if (!text) return std::nullopt;
    if (const auto at = core::measureJson(*text, core::kMaxJsonDepth).tooDeepAt) {
        error = "its glTF JSON nests arrays and objects more than " +
                std::to_string(core::kMaxJsonDepth) + " deep (byte " + std::to_string(*at) +
                " of the JSON) [JSON_TOO_DEEP]";
        return std::nullopt;
    }
    const auto document = nlohmann::json::parse(*text, nullptr, false);
    if (!document.is_object()) {
        error = "its glTF JSON does not parse";
        return std::nullopt;
    }
    return ModelOutline{names(document, "nodes"), names(document, "scenes")};
}

SiteModelResult loadSiteModel(const scene::Scenario& scenario,
                              std::vector<scene::ModelFile> loaded) {
    SiteModelResult result;
    std::vector<scene::ModelFile> files = std::move(loaded);
    std::set<std::filesystem::path> seen;
    for (const scene::ModelFile& f : files) seen.insert(f.path);
    for (std::size_t i = 0; i < scenario.layers.size(); ++i) {
        const scene::Layer& layer = scenario.layers[i];
        if (!seen.insert(layer.modelPath).second) continue;
        LoadResult r = loadModel(layer.modelPath);
        const std::string pointer = "/layers/" + std::to_string(i) + "/model";
        for (core::Problem p : r.problems.list()) {
            p.message = layer.model + (p.where.empty() ? "" : " " + p.where) + ": " + p.message;
            p.where = pointer;
            result.problems.add(std::move(p));
        }
        if (r.ok()) files.push_back({layer.modelPath, std::move(r.model)});
    }
    if (result.ok()) result.site = scene::assembleSite(scenario, std::move(files));
    return result;
}

}  // namespace friche::io
