#include "remote/remote_api.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/json_shape.h"

namespace friche::remote::api {
namespace {

constexpr std::string_view kVariantPrefix = "variant:";
constexpr std::string_view kPinPrefix = "pin:";

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

// "a string", "an array", "null": what a value is, for "must be X, not Y".
std::string describe(const json& value) {
    if (value.is_null()) return "null";
    const std::string name = value.type_name();
    const bool vowel = name.find_first_of("aeiou") == 0;
    return (vowel ? "an " : "a ") + name;
}

// The member, or nullptr with `error` when the body lacks it.
const json* member(const json& body, const char* key, std::string& error) {
    const auto it = body.find(key);
    if (it != body.end()) return &*it;
    error = "the body has no " + inQuotes(key);
    return nullptr;
}

void wrongType(const char* key, const char* expected, const json& value, std::string& error) {
    error = inQuotes(key) + " must be " + expected + ", not " + describe(value);
}

std::optional<std::string> stringAt(const json& body, const char* key, std::string& error) {
    const json* value = member(body, key, error);
    if (!value) return std::nullopt;
    if (value->is_string()) return value->get<std::string>();
    wrongType(key, "a string", *value, error);
    return std::nullopt;
}

std::optional<std::int64_t> integerAt(const json& body, const char* key, std::string& error) {
    const json* value = member(body, key, error);
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) {
        wrongType(key, "a whole number", *value, error);
        return std::nullopt;
    }
    if (value->is_number_unsigned() &&
        value->get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        error = inQuotes(key) + " is too large";
        return std::nullopt;
    }
    return value->get<std::int64_t>();
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text.empty() ? "none" : text;
}

const ScreenState::Phase* findPhase(const ScreenState& state, std::string_view id) {
    const auto it = std::find_if(state.phases.begin(), state.phases.end(),
                                 [&](const ScreenState::Phase& p) { return p.id == id; });
    return it == state.phases.end() ? nullptr : &*it;
}

const ScreenState::Phase* knownPhase(const ScreenState& state, const std::string& id,
                                     std::string& error) {
    if (const ScreenState::Phase* phase = findPhase(state, id)) return phase;
    std::vector<std::string> ids;
    for (const ScreenState::Phase& p : state.phases) ids.push_back(p.id);
    error = "unknown phase " + inQuotes(id) + " (the phases: " + joined(ids) + ")";
    return nullptr;
}

// An empty id is the phase as planned.
bool knownVariant(const ScreenState::Phase& phase, const std::string& id, std::string& error) {
    std::vector<std::string> ids;
    for (const ScreenState::Variant& v : phase.variants) {
        if (v.id == id) return true;
        ids.push_back(v.id);
    }
    if (id.empty()) return true;
    error = "unknown variant " + inQuotes(id) + " of phase " + inQuotes(phase.id) +
            " (its variants: " + joined(ids) + ")";
    return false;
}

// "PHASE" or "PHASE/VARIANT", both known.
bool knownView(const ScreenState& state, const std::string& view, std::string& error) {
    const std::size_t slash = view.find('/');
    const ScreenState::Phase* phase = knownPhase(state, view.substr(0, slash), error);
    return phase &&
           (slash == std::string::npos || knownVariant(*phase, view.substr(slash + 1), error));
}

std::optional<std::int64_t> knownGroup(const json& body, const workshop::SessionStore& store,
                                       std::string& error) {
    const auto group = integerAt(body, "group", error);
    if (!group) return std::nullopt;
    const std::vector<workshop::Group> groups = store.groups();
    if (*group == 0 || std::any_of(groups.begin(), groups.end(),
                                   [&](const workshop::Group& g) { return g.id == *group; }))
        return group;
    error = "unknown group " + std::to_string(*group);
    return std::nullopt;
}

bool knownPin(std::int64_t id, const workshop::SessionStore& store, std::string& error) {
    if (store.pin(id)) return true;
    error = "unknown comment " + std::to_string(id);
    return false;
}

// "variant:PHASE/VARIANT" or "pin:ID", in the store's own spelling.
std::optional<std::string> knownTarget(const std::string& target, const ScreenState& state,
                                       const workshop::SessionStore& store, std::string& error) {
    if (target.starts_with(kVariantPrefix)) {
        const std::string view = target.substr(kVariantPrefix.size());
        const std::size_t slash = view.find('/');
        if (slash == std::string::npos || slash + 1 == view.size()) {
            error = "a variant's target is \"variant:PHASE/VARIANT\", not " + inQuotes(target);
            return std::nullopt;
        }
        if (!knownView(state, view, error)) return std::nullopt;
        return workshop::variantTarget(view.substr(0, slash), view.substr(slash + 1));
    }
    if (target.starts_with(kPinPrefix)) {
        const std::string digits = target.substr(kPinPrefix.size());
        const bool number =
            !digits.empty() && digits.size() <= 18 &&
            std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!number) {
            error = "a comment's target is \"pin:ID\", not " + inQuotes(target);
            return std::nullopt;
        }
        const std::int64_t id = std::stoll(digits);
        if (!knownPin(id, store, error)) return std::nullopt;
        return workshop::pinTarget(id);
    }
    error = "\"target\" must be \"variant:PHASE/VARIANT\" or \"pin:ID\", not " + inQuotes(target);
    return std::nullopt;
}

std::optional<glm::vec3> pointAt(const json& body, const char* key, std::string& error) {
    const json* value = member(body, key, error);
    if (!value) return std::nullopt;
    if (!value->is_array() || value->size() != 3) {
        wrongType(key, "an array of three numbers [x, y, z]", *value, error);
        return std::nullopt;
    }
    glm::vec3 point(0.0f);
    for (int i = 0; i < 3; ++i) {
        const json& c = (*value)[static_cast<std::size_t>(i)];
        // JSON has no NaN, but 1e999 parses as infinity and 1e300 overflows a float.
        point[i] = c.is_number() ? static_cast<float>(c.get<double>()) : 0.0f;
        if (!c.is_number() || !std::isfinite(point[i])) {
            error = inQuotes(key) + "[" + std::to_string(i) + "] must be a finite number, not " +
                    (c.is_number() ? c.dump() : describe(c));
            return std::nullopt;
        }
    }
    return point;
}

std::optional<std::string> textAt(const json& body, std::string& error) {
    auto text = stringAt(body, "text", error);
    if (!text) return std::nullopt;
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "\"text\" is empty";
        return std::nullopt;
    }
    if (text->size() > kMaxCommentBytes) {
        error = "\"text\" is " + std::to_string(text->size()) + " bytes long, at most " +
                std::to_string(kMaxCommentBytes);
        return std::nullopt;
    }
    return text;
}

std::string shownVariant(const ScreenState& state, const std::string& phase) {
    for (const auto& [p, variant] : state.variantShown)
        if (p == phase) return variant;
    return {};
}

}  // namespace

std::string errorJson(const std::string& message) {
    return json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<json> parseBody(std::string_view text, std::string& error) {
    // nlohmann's parser keeps a frame per level: refuse deep nesting before it runs.
    if (const auto deep = core::measureJson(text, core::kMaxJsonDepth).tooDeepAt) {
        error = "the JSON nests deeper than " + std::to_string(core::kMaxJsonDepth) +
                " levels at byte " + std::to_string(*deep);
        return std::nullopt;
    }
    try {
        json body = json::parse(text);
        if (body.is_object()) return body;
        error = "the body must be a JSON object, not " + describe(body);
    } catch (const json::parse_error& e) {
        // what() is "[json.exception.parse_error.101] parse error at ...: why".
        const std::string what = e.what();
        const std::size_t why = what.find(": ");
        error = "malformed JSON at byte " + std::to_string(e.byte) +
                (why == std::string::npos ? "" : what.substr(why));
    } catch (const json::out_of_range&) {
        error = "malformed JSON: a number beyond a double's range";
    }
    return std::nullopt;
}

json stateJson(const ScreenState& state) {
    json steps = json::array(), phases = json::array(), shown = json::object();
    for (const ScreenState::Step& s : state.steps)
        steps.push_back({{"title", s.title}, {"question", s.question}});
    for (const ScreenState::Phase& p : state.phases) {
        json variants = json::array();
        for (const ScreenState::Variant& v : p.variants)
            variants.push_back({{"id", v.id}, {"name", v.name}});
        phases.push_back({{"id", p.id}, {"title", p.title}, {"variants", variants}});
    }
    for (const auto& [phase, variant] : state.variantShown) shown[phase] = variant;
    return {{"phase", state.phase},
            {"position", state.position},
            {"lang", state.lang},
            {"langs", state.langs},
            {"tour", state.tour},
            {"step", state.step},
            {"steps", steps},
            {"phases", phases},
            {"compare", state.compare},
            {"compareA", state.compareA},
            {"compareB", state.compareB},
            {"variantShown", shown},
            {"selectedPin", state.selectedPin},
            {"lookAt", {state.lookAt.x, state.lookAt.y, state.lookAt.z}},
            {"blackout", state.blackout}};
}

json pinJson(const workshop::Pin& pin) {
    return {{"id", pin.id},
            {"text", pin.text},
            {"phase", pin.phase},
            {"variant", pin.variant},
            {"anchor", {pin.anchor.x, pin.anchor.y, pin.anchor.z}},
            {"group", pin.group},
            {"resolved", pin.resolved}};
}

json votesJson(const workshop::SessionStore& store) {
    json groups = json::array(), votes = json::array();
    for (const workshop::Group& g : store.groups())
        groups.push_back({{"id", g.id},
                          {"name", g.name},
                          {"colour", g.colour},
                          {"dots", g.dots},
                          {"left", store.dotsLeft(g.id)}});
    for (const workshop::VoteCount& v : store.votes())
        votes.push_back({{"target", v.target}, {"group", v.group}, {"dots", v.dots}});
    return {{"groups", groups}, {"votes", votes}};
}

std::optional<Command> checkPhase(const json& body, const ScreenState& state, std::string& error) {
    const auto phase = stringAt(body, "phase", error);
    if (!phase || !knownPhase(state, *phase, error)) return std::nullopt;
    return SetPhase{*phase};
}

std::optional<Command> checkLang(const json& body, const ScreenState& state, std::string& error) {
    const auto lang = stringAt(body, "lang", error);
    if (!lang) return std::nullopt;
    if (std::find(state.langs.begin(), state.langs.end(), *lang) != state.langs.end())
        return SetLang{*lang};
    error = "unknown language " + inQuotes(*lang) + " (offered: " + joined(state.langs) + ")";
    return std::nullopt;
}

std::optional<Command> checkStep(const json& body, const ScreenState& state, std::string& error) {
    const auto step = integerAt(body, "step", error);
    if (!step) return std::nullopt;
    if (state.steps.empty()) {
        error = "no tour is running: there is no step to go to";
        return std::nullopt;
    }
    if (*step < 0 || *step >= static_cast<std::int64_t>(state.steps.size())) {
        error = "step " + std::to_string(*step) + " is out of range: the tour " +
                inQuotes(state.tour) + " has steps 0 to " + std::to_string(state.steps.size() - 1);
        return std::nullopt;
    }
    return SetStep{static_cast<int>(*step)};
}

std::optional<Command> checkCompare(const json& body, const ScreenState& state,
                                    std::string& error) {
    const auto mode = stringAt(body, "mode", error);
    if (!mode) return std::nullopt;
    if (*mode == "off") return SetCompare{"off", "", ""};
    if (*mode != "swipe" && *mode != "side") {
        error = "\"mode\" must be \"off\", \"swipe\" or \"side\", not " + inQuotes(*mode);
        return std::nullopt;
    }
    const auto a = stringAt(body, "a", error);
    if (!a || !knownView(state, *a, error)) return std::nullopt;
    const auto b = stringAt(body, "b", error);
    if (!b || !knownView(state, *b, error)) return std::nullopt;
    return SetCompare{*mode, *a, *b};
}

std::optional<Command> checkVariant(const json& body, const ScreenState& state,
                                    std::string& error) {
    const auto phaseId = stringAt(body, "phase", error);
    const ScreenState::Phase* phase = phaseId ? knownPhase(state, *phaseId, error) : nullptr;
    if (!phase) return std::nullopt;
    const auto variant = stringAt(body, "variant", error);
    if (!variant || !knownVariant(*phase, *variant, error)) return std::nullopt;
    return SetVariant{*phaseId, *variant};
}

std::optional<Command> checkSelect(const json& body, const workshop::SessionStore& store,
                                   std::string& error) {
    const auto pin = integerAt(body, "pin", error);
    if (!pin || (*pin != 0 && !knownPin(*pin, store, error))) return std::nullopt;
    return SelectPin{*pin};
}

std::optional<Vote> checkVote(const json& body, const ScreenState& state,
                              const workshop::SessionStore& store, std::string& error) {
    const auto group = knownGroup(body, store, error);
    if (!group) return std::nullopt;
    if (*group == 0) {
        error = "a vote needs a group: \"group\" is 0";
        return std::nullopt;
    }
    const auto targetText = stringAt(body, "target", error);
    const auto target = targetText ? knownTarget(*targetText, state, store, error) : std::nullopt;
    if (!target) return std::nullopt;
    const auto delta = integerAt(body, "delta", error);
    if (!delta) return std::nullopt;
    if (*delta != 1 && *delta != -1) {
        error = "\"delta\" must be 1 (place a dot) or -1 (take one back), not " +
                std::to_string(*delta);
        return std::nullopt;
    }
    return Vote{*group, *target, static_cast<int>(*delta)};
}

std::optional<workshop::Pin> checkComment(const json& body, const ScreenState& state,
                                          const workshop::SessionStore& store, std::string& error) {
    workshop::Pin pin;
    const auto text = textAt(body, error);
    const auto phaseId = text ? stringAt(body, "phase", error) : std::nullopt;
    const ScreenState::Phase* phase = phaseId ? knownPhase(state, *phaseId, error) : nullptr;
    const auto anchor = phase ? pointAt(body, "anchor", error) : std::nullopt;
    if (!anchor) return std::nullopt;
    pin.text = *text;
    pin.phase = *phaseId;
    pin.anchor = *anchor;
    pin.variant = shownVariant(state, pin.phase);
    if (body.contains("variant")) {
        const auto variant = stringAt(body, "variant", error);
        if (!variant || !knownVariant(*phase, *variant, error)) return std::nullopt;
        pin.variant = *variant;
    }
    if (body.contains("group")) {
        const auto group = knownGroup(body, store, error);
        if (!group) return std::nullopt;
        pin.group = *group;
    }
    return pin;
}

std::optional<std::string> checkCommentText(const json& body, std::string& error) {
    return textAt(body, error);
}

std::optional<std::string> checkLogin(const json& body, std::string& error) {
    return stringAt(body, "pin", error);
}

}  // namespace friche::remote::api
