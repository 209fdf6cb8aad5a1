// Reading a scenario's JSON by hand-checked types, with a JSON pointer in every
// problem: the scenario loader's, and the kiosk config's (app/kiosk_config.h).
//
//   Fields f(json, "/phases/2", problems, {"id", "title", "date"});   // warns unknown keys
//   auto id = f.id();                   // error "/phases/2/id: expected a string, found ..."
//   LocalText title = f.text("title", Required::Yes);
//
// Nothing here throws: a wrong type is an error value and the caller gets nullopt.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "core/problem.h"
#include "scene/locale.h"

namespace friche::io::scenario_json {

using nlohmann::json;

enum class Required { No, Yes };

// A scenario tells its story in at most this many phases, and a list of
// phases (a hotspot's, a fact's) is no longer.
inline constexpr std::size_t kMaxPhases = 64;

// A view's pitch is at most this far from level: straight down has no "up"
// for the camera.
inline constexpr double kMaxPitchDegrees = 89.0;

// Parses `text` (read from `file`) into `root`. False with an error naming
// the file, line and column: a syntax error, a truncated file, nesting
// deeper than core::kMaxJsonDepth.
bool parseJson(std::string_view text, const std::filesystem::path& file, json& root,
               core::Problems& problems);

// "/phases" + "2" -> "/phases/2", with RFC 6901 escaping of '~' and '/'.
std::string child(const std::string& pointer, std::string_view key);
std::string child(const std::string& pointer, std::size_t index);

// 539349.58 as "539349.58", 100 as "100": for messages, not for display.
std::string plainNumber(double value);

// "a string", "a number", "an object", ...
const char* typeName(const json& value);

// The closest of `candidates` to `word` within two edits, or "".
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// The ids of `items`, for suggestions.
template <typename Item>
std::vector<std::string> idsOf(const std::vector<Item>& items) {
    std::vector<std::string> ids;
    for (const Item& item : items) ids.push_back(item.id);
    return ids;
}

// The index of `id` among `items` (layers, phases, views: anything with an
// `id`), or an error naming the closest id.
template <typename Item>
std::optional<int> resolve(const std::vector<Item>& items, const std::string& id, const char* kind,
                           const std::string& pointer, core::Problems& problems) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    const std::string suggestion = closest(id, idsOf(items));
    problems.error("UNKNOWN_ID", pointer,
                   "unknown " + std::string(kind) + " '" + id + "'" +
                       (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
    return std::nullopt;
}

// Error: "<pointer>: expected <what>, found <type>".
void expected(core::Problems& problems, const std::string& pointer, std::string_view what,
              const json& found);

// The members of one JSON object.
class Fields {
public:
    // An error if `value` is not an object; a warning for each key not in `known`.
    Fields(const json& value, std::string pointer, core::Problems& problems,
           std::initializer_list<std::string_view> known);

    bool valid() const { return object_ != nullptr; }
    const std::string& pointer() const { return pointer_; }
    std::string at(std::string_view key) const { return child(pointer_, key); }
    core::Problems& problems() const { return problems_; }

    // The member, or nullptr (an error when required).
    const json* get(std::string_view key, Required required) const;
    std::optional<std::string> string(std::string_view key, Required required) const;
    // A required id: letters, digits, '-', '_' or '.', at most 64 characters,
    // since ids are typed on command lines (`--phase ID`).
    std::optional<std::string> id(std::string_view key = "id") const;
    std::optional<double> number(std::string_view key, Required required, double lo,
                                 double hi) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<glm::vec3> vec3(std::string_view key, Required required) const;
    // A text in several languages: {"fr": ..., "en": ...}, or one string for
    // all of them. Missing languages are a warning (English is shown instead).
    scene::LocalText text(std::string_view key, Required required) const;
    // An array of at most `maxCount` items, or nullptr.
    const json* array(std::string_view key, Required required, std::size_t maxCount) const;

private:
    const json* object_ = nullptr;
    std::string pointer_;
    core::Problems& problems_;
};

// Checks a value found at `pointer` is an id (see Fields::id).
std::optional<std::string> readId(const json& value, const std::string& pointer,
                                  core::Problems& problems);
std::optional<glm::vec3> readVec3(const json& value, const std::string& pointer,
                                  core::Problems& problems);
// Checks a value found at `pointer` is a text (see Fields::text).
scene::LocalText readText(const json& value, const std::string& pointer, core::Problems& problems);

}  // namespace friche::io::scenario_json
