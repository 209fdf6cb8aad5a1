#include "io/viewpoints.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <glm/gtc/constants.hpp>
#include <nlohmann/json.hpp>

#include "core/file.h"
#include "core/json_shape.h"
#include "io/config_file.h"
#include "io/scenario_json.h"
#include "io/scenario_loader.h"

namespace friche::io {

namespace fs = std::filesystem;
using namespace scenario_json;

namespace {

// A viewpoint list is a few kilobytes; anything much larger is not one.
constexpr std::uintmax_t kMaxViewpointBytes = 1u << 20;
// Ids are typed on command lines (`--view ID`): short ones.
constexpr std::size_t kMaxIdLength = 48;
// As the scenario loader reads views: the camera never looks straight down.

// U+00C0 to U+00FF without their accents ('-' for the signs among them).
constexpr std::string_view kLatin1Letters =
    "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo-ouuuuyty";

// The code point starting at `text[i]`, and how many bytes it takes (1 for a
// stray byte, which then reads as itself).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    const std::size_t length = lead < 0x80    ? 1
                               : lead >= 0xF0 ? 4
                               : lead >= 0xE0 ? 3
                               : lead >= 0xC0 ? 2
                                              : 1;
    if (length == 1 || i + length > text.size()) return {lead, 1};
    char32_t c = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte(k) & 0x3F);
    return {c, length};
}

std::string slug(std::string_view name) {
    std::string id;
    for (std::size_t i = 0; i < name.size();) {
        const auto [c, length] = decode(name, i);
        i += length;
        char ascii = '-';
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ascii = static_cast<char>(c);
        if (c >= 'A' && c <= 'Z') ascii = static_cast<char>(c - 'A' + 'a');
        if (c >= 0xC0 && c <= 0xFF) ascii = kLatin1Letters[c - 0xC0];
        if (c == 0xDF) id += 's';  // ß: ss
        if (ascii == '-' && (id.empty() || id.back() == '-')) continue;
        id += ascii;
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.size() > kMaxIdLength) id.resize(kMaxIdLength);
    return id.empty() ? "view" : id;
}

bool taken(const std::vector<scene::View>& views, const std::string& id) {
    return std::any_of(views.begin(), views.end(),
                       [&](const scene::View& v) { return v.id == id; });
}

std::string unique(const std::string& base, const std::vector<scene::View>& views) {
    std::string id = base;
    for (int n = 2; taken(views, id); ++n) id = base + "-" + std::to_string(n);
    return id;
}

// Degrees with a millidegree's precision: the file stays readable.
double degrees(float radians) {
    return std::round(glm::degrees(static_cast<double>(radians)) * 1000.0) / 1000.0;
}

// Written in the order a person reads them, and a scenario's keys in its own order.
using ordered_json = nlohmann::ordered_json;

// A view as a scenario's "views" entry: target, yaw, pitch, distance, fov.
ordered_json viewJson(const scene::View& v) {
    return {{"id", v.id},
            {"name", v.name.in(scene::Language::En)},
            {"target", {v.target.x, v.target.y, v.target.z}},
            {"yaw", degrees(v.yaw)},
            {"pitch", degrees(v.pitch)},
            {"distance", std::round(static_cast<double>(v.distance) * 1000.0) / 1000.0},
            {"fov", degrees(v.fovY)}};
}

std::optional<scene::View> readViewpoint(const Fields& f) {
    const auto id = f.id();
    const auto name = f.string("name", Required::Yes);
    const auto target = f.vec3("target", Required::Yes);
    const auto yaw = f.number("yaw", Required::Yes, -360, 360);
    const auto pitch = f.number("pitch", Required::Yes, -kMaxPitchDegrees, kMaxPitchDegrees);
    const auto distance = f.number("distance", Required::Yes, 0.01, 1e6);
    const auto fov = f.number("fov", Required::Yes, 1, 170);
    if (!id || !name || !target || !yaw || !pitch || !distance || !fov) return std::nullopt;
    scene::View v;
    v.id = *id;
    v.name = scene::LocalText::same(*name);
    v.target = *target;
    v.yaw = glm::radians(static_cast<float>(*yaw));
    v.pitch = glm::radians(static_cast<float>(*pitch));
    v.distance = static_cast<float>(*distance);
    v.fovY = glm::radians(static_cast<float>(*fov));
    return v;
}

std::vector<scene::View> parseViewpoints(const std::string& text, const fs::path& file,
                                         core::Problems& problems) {
    json root;
    if (!parseJson(text, file, root, problems)) return {};
    const Fields top(root, "", problems, {"site", "viewpoints"});
    const json* list =
        top.valid() ? top.array("viewpoints", Required::Yes, kMaxViewpoints) : nullptr;
    std::vector<scene::View> views;
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        const Fields f((*list)[i], child(top.at("viewpoints"), i), problems,
                       {"id", "name", "target", "yaw", "pitch", "distance", "fov"});
        auto v = f.valid() ? readViewpoint(f) : std::nullopt;
        if (!v) continue;
        if (taken(views, v->id))
            problems.error("DUPLICATE_ID", f.at("id"), "the id '" + v->id + "' is used twice");
        views.push_back(std::move(*v));
    }
    return views;
}

std::string dump(const ordered_json& value) {
    // The names are the user's UTF-8; a stray invalid byte is replaced, not thrown.
    return value.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::optional<fs::path> viewpointFolder(const char* xdgConfigHome, const char* home) {
    const auto folder = configFolder(xdgConfigHome, home);
    return folder ? std::optional<fs::path>(*folder / "viewpoints") : std::nullopt;
}

fs::path viewpointFile(const fs::path& folder, const std::string& siteId) {
    return folder / (siteId + ".json");
}

ViewpointsRead readViewpoints(const fs::path& file) {
    ViewpointsRead read;
    static_cast<ConfigRead&>(read) =
        readConfigFile(file, kMaxViewpointBytes, "viewpoints",
                       [&](const std::string& text, core::Problems& problems) {
                           read.views = parseViewpoints(text, file, problems);
                       });
    if (read.problems.hasErrors()) read.views.clear();
    return read;
}

bool writeViewpoints(const fs::path& file, const std::vector<scene::View>& views,
                     std::string& error) {
    ordered_json list = ordered_json::array();
    for (const scene::View& v : views) list.push_back(viewJson(v));
    return writeConfigFile(file, dump({{"site", file.stem().string()}, {"viewpoints", list}}),
                           error);
}

std::string viewpointId(const std::string& name, const std::vector<scene::View>& taken) {
    return unique(slug(name), taken);
}

scene::View makeViewpoint(const std::string& name, const scene::OrbitCamera& camera,
                          const std::vector<scene::View>& taken) {
    scene::View v;
    v.id = viewpointId(name, taken);
    v.name = scene::LocalText::same(name);
    v.target = camera.target;
    // The orbit camera's yaw grows without bound as the user turns around.
    v.yaw = std::remainder(camera.yaw, glm::two_pi<float>());
    v.pitch = camera.pitch;
    v.distance = camera.distance;
    v.fovY = camera.fovY;
    return v;
}

void renameViewpoint(std::vector<scene::View>& views, std::size_t index, const std::string& name) {
    std::vector<scene::View> others = views;
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(index));
    views[index].id = viewpointId(name, others);
    views[index].name = scene::LocalText::same(name);
}

fs::path exportPath(const fs::path& scenario) {
    return scenario.parent_path() / (scenario.stem().string() + "-views.json");
}

bool exportViewpoints(const fs::path& scenario, const std::vector<scene::View>& views,
                      std::string& error) {
    const auto bytes = core::readFile(scenario, error, kMaxScenarioBytes);
    if (!bytes) return false;
    // Edited since it was loaded, it may nest too deep for dump() below.
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    const bool tooDeep = core::measureJson(text, core::kMaxJsonDepth).tooDeepAt.has_value();
    const ordered_json root =
        tooDeep ? ordered_json() : ordered_json::parse(text.begin(), text.end(), nullptr, false);
    if (!root.is_object() || (root.contains("views") && !root["views"].is_array())) {
        error = scenario.string() + " is not a scenario with a list of views";
        return false;
    }
    ordered_json copy = root;
    ordered_json& list = copy["views"];
    if (list.is_null()) list = ordered_json::array();
    std::vector<scene::View> ids;  // the views already there, by id only
    for (const ordered_json& v : list) {
        if (!v.is_object() || !v.contains("id") || !v["id"].is_string()) continue;
        ids.emplace_back().id = v["id"].get<std::string>();
    }
    if (list.size() + views.size() > kMaxViewpoints) {
        error = "a scenario holds at most " + std::to_string(kMaxViewpoints) + " views";
        return false;
    }
    for (scene::View v : views) {
        v.id = unique(v.id, ids);
        ids.push_back(v);
        list.push_back(viewJson(v));
    }
    return core::writeFileAtomically(exportPath(scenario), dump(copy), error);
}

}  // namespace friche::io
