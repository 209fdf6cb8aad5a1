#include "io/scenario_json.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

#include "core/json_shape.h"

namespace friche::io::scenario_json {
namespace {

std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t byte) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < std::min(byte, text.size()); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// nlohmann's message after its "parse error at line L, column C: " prefix,
// or after its "[json.exception.NAME.ID] " tag where there is no position.
std::string parseMessage(const std::string& what) {
    const std::size_t column = what.find(", column ");
    const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) return what.substr(colon + 2);
    const std::size_t tag = what.find("] ");
    return tag == std::string::npos ? what : what.substr(tag + 2);
}

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxSuggestionEdits = 2;
// Coordinates in metres: a site is a few kilometres across; beyond this a
// number is a typo (and would lose all precision as a float).
constexpr double kMaxCoordinate = 1e6;

bool isIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string joinMissing(const scene::LocalText& text) {
    std::string missing;
    for (scene::Language l : scene::kLanguages) {
        if (text.has(l)) continue;
        missing += (missing.empty() ? "" : ", ") + std::string(scene::languageCode(l));
    }
    return missing;
}

// Warns about the languages a text lacks, naming the one shown instead.
void warnMissingTranslations(const scene::LocalText& text, const std::string& pointer,
                             core::Problems& problems) {
    const std::string missing = joinMissing(text);
    if (missing.empty() || text.empty()) return;
    const char* shown = text.has(scene::Language::En) ? "English" : "another language";
    problems.warning("MISSING_TRANSLATION", pointer,
                     "no translation for " + missing + "; " + shown + " is shown instead");
}

}  // namespace

scene::LocalText readText(const json& value, const std::string& pointer, core::Problems& problems) {
    if (value.is_string()) return scene::LocalText::same(value.get<std::string>());
    scene::LocalText text;
    if (!value.is_object()) {
        expected(problems, pointer, "a text: a string or {\"fr\", \"en\", \"nl\", \"de\"}", value);
        return text;
    }
    bool wrongType = false;
    for (const auto& [key, item] : value.items()) {
        const std::string at = child(pointer, key);
        const auto language = scene::parseLanguage(key);
        if (!language) {
            problems.warning("UNKNOWN_LANGUAGE", at,
                             "unknown language '" + key + "' (expected fr, en, nl or de), ignored");
        } else if (!item.is_string() || item.get<std::string>().empty()) {
            expected(problems, at, "a non-empty string", item);
            wrongType = true;
        } else {
            text.text[static_cast<std::size_t>(*language)] = item.get<std::string>();
        }
    }
    if (text.empty() && !wrongType)
        problems.error("EMPTY_TEXT", pointer, "expected a text in at least one language");
    warnMissingTranslations(text, pointer, problems);
    return text;
}

std::string plainNumber(double value) {
    std::ostringstream out;
    out.precision(12);
    out << value;
    return out.str();
}

std::string child(const std::string& pointer, std::string_view key) {
    std::string out = pointer + "/";
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::string child(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

const char* typeName(const json& value) {
    switch (value.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::object:
            return "an object";
        case json::value_t::array:
            return "an array";
        case json::value_t::string:
            return "a string";
        case json::value_t::boolean:
            return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "a number";
        default:
            return "an unknown value";
    }
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDistance = kMaxSuggestionEdits + 1;
    for (const std::string& c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

void expected(core::Problems& problems, const std::string& pointer, std::string_view what,
              const json& found) {
    // A short scalar is clearer shown than named: found "dissolv", found 3.
    const bool show = found.is_primitive() && !found.is_null() && found.dump().size() <= 40;
    problems.error("SCENARIO_TYPE", pointer,
                   "expected " + std::string(what) + ", found " +
                       (show ? found.dump() : std::string(typeName(found))));
}

Fields::Fields(const json& value, std::string pointer, core::Problems& problems,
               std::initializer_list<std::string_view> known)
    : pointer_(std::move(pointer)), problems_(problems) {
    if (!value.is_object()) {
        expected(problems_, pointer_, "an object", value);
        return;
    }
    object_ = &value;
    const std::vector<std::string> knownNames(known.begin(), known.end());
    for (const auto& item : value.items()) {
        if (std::find(known.begin(), known.end(), item.key()) != known.end()) continue;
        const std::string suggestion = closest(item.key(), knownNames);
        problems_.warning(
            "UNKNOWN_FIELD", at(item.key()),
            "unknown field '" + item.key() + "', ignored" +
                (suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)"));
    }
}

const json* Fields::get(std::string_view key, Required required) const {
    if (!object_) return nullptr;
    const auto it = object_->find(key);
    if (it != object_->end()) return &*it;
    if (required == Required::Yes)
        problems_.error("MISSING_FIELD", at(key),
                        "missing required field '" + std::string(key) + "'");
    return nullptr;
}

std::optional<std::string> Fields::string(std::string_view key, Required required) const {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        expected(problems_, at(key), "a string", *v);
        return std::nullopt;
    }
    std::string text = v->get<std::string>();
    // No text of a scenario or config needs one, and a path would be cut there.
    if (text.find('\0') != std::string::npos) {
        problems_.error("NUL_IN_STRING", at(key), "contains a NUL character (\\u0000)");
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> Fields::id(std::string_view key) const {
    const json* v = get(key, Required::Yes);
    return v ? readId(*v, at(key), problems_) : std::nullopt;
}

std::optional<double> Fields::number(std::string_view key, Required required, double lo,
                                     double hi) const {
    const json* v = get(key, required);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        expected(problems_, at(key), "a number", *v);
        return std::nullopt;
    }
    const double n = v->get<double>();
    if (n < lo || n > hi) {
        problems_.error("VALUE_OUT_OF_RANGE", at(key),
                        "expected a number from " + plainNumber(lo) + " to " + plainNumber(hi) +
                            ", found " + v->dump());
        return std::nullopt;
    }
    return n;
}

std::optional<bool> Fields::boolean(std::string_view key) const {
    const json* v = get(key, Required::No);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        expected(problems_, at(key), "true or false", *v);
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<glm::vec3> Fields::vec3(std::string_view key, Required required) const {
    const json* v = get(key, required);
    return v ? readVec3(*v, at(key), problems_) : std::nullopt;
}

scene::LocalText Fields::text(std::string_view key, Required required) const {
    const json* v = get(key, required);
    return v ? readText(*v, at(key), problems_) : scene::LocalText{};
}

const json* Fields::array(std::string_view key, Required required, std::size_t maxCount) const {
    const json* v = get(key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        expected(problems_, at(key), "an array", *v);
        return nullptr;
    }
    if (v->size() > maxCount) {
        problems_.error("TOO_MANY_ITEMS", at(key),
                        std::to_string(v->size()) + " items, more than the limit of " +
                            std::to_string(maxCount));
        return nullptr;
    }
    return v;
}

std::optional<std::string> readId(const json& value, const std::string& pointer,
                                  core::Problems& problems) {
    if (!value.is_string()) {
        expected(problems, pointer, "a string", value);
        return std::nullopt;
    }
    const std::string id = value.get<std::string>();
    if (id.empty() || id.size() > kMaxIdLength || !std::all_of(id.begin(), id.end(), isIdChar)) {
        expected(problems, pointer, "an id of 1 to 64 letters, digits, '-', '_' or '.'", value);
        return std::nullopt;
    }
    return id;
}

std::optional<glm::vec3> readVec3(const json& value, const std::string& pointer,
                                  core::Problems& problems) {
    const bool ok = value.is_array() && value.size() == 3 &&
                    std::all_of(value.begin(), value.end(), [](const json& n) {
                        return n.is_number() && std::fabs(n.get<double>()) <= kMaxCoordinate;
                    });
    if (!ok) {
        expected(problems, pointer, "an array of three numbers [x, y, z] within ±1e6", value);
        return std::nullopt;
    }
    return glm::vec3(value[0].get<float>(), value[1].get<float>(), value[2].get<float>());
}

bool parseJson(std::string_view text, const std::filesystem::path& file, json& root,
               core::Problems& problems) {
    if (const auto at = core::measureJson(text, core::kMaxJsonDepth).tooDeepAt) {
        const auto [line, column] = lineColumn(text, *at);
        problems.error("JSON_TOO_DEEP",
                       file.string() + ":" + std::to_string(line) + ":" + std::to_string(column),
                       "arrays and objects nested more than " +
                           std::to_string(core::kMaxJsonDepth) +
                           " deep: no scenario or config needs that many");
        return false;
    }
    try {
        root = json::parse(text);
        return true;
    } catch (const json::parse_error& e) {
        const auto [line, column] = lineColumn(text, e.byte == 0 ? 0 : e.byte - 1);
        const std::string where =
            file.string() + ":" + std::to_string(line) + ":" + std::to_string(column);
        const std::string message = parseMessage(e.what());
        // The parser stopped at the very end: the file was cut short. (A NUL byte
        // inside also reads as "end of input" to nlohmann, but not at the end.)
        if (e.byte >= text.size()) {
            problems.error("JSON_TRUNCATED", where,
                           "the JSON ends too early (a truncated file?): " + message);
        } else {
            problems.error("JSON_SYNTAX", where, "invalid JSON: " + message);
        }
        return false;
    } catch (const json::out_of_range& e) {
        // A number beyond a double's range (1e999), which nlohmann places nowhere.
        problems.error("JSON_SYNTAX", file.string(), "invalid JSON: " + parseMessage(e.what()));
        return false;
    }
}

}  // namespace friche::io::scenario_json
