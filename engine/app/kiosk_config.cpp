#include "app/kiosk_config.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/file.h"
#include "io/scenario_json.h"
#include "io/scenario_loader.h"

namespace friche::app {

namespace fs = std::filesystem;
using io::scenario_json::Fields;
using io::scenario_json::json;
using io::scenario_json::Required;

namespace {

// A config is a few lines; anything bigger is not one.
constexpr std::uintmax_t kMaxConfigBytes = 64u << 10;
constexpr std::size_t kMaxSites = 64;
constexpr int kMaxDisplay = 15;

// The keys the operator can change on screen; writeKioskConfig rewrites only these.
constexpr const char* kLanguageKey = "language";
constexpr const char* kIdleKey = "idleSeconds";
constexpr const char* kUiScaleKey = "uiScale";

// A path in the config; a relative one is read from the config's folder.
std::optional<fs::path> pathAt(const Fields& f, const json& value, const std::string& pointer,
                               const fs::path& config) {
    if (!value.is_string() || value.get<std::string>().empty()) {
        io::scenario_json::expected(f.problems(), pointer, "a path", value);
        return std::nullopt;
    }
    const fs::path p(value.get<std::string>());
    return p.is_absolute() ? p : (config.parent_path() / p).lexically_normal();
}

// Each site must open: a kiosk that starts on a broken scenario shows nothing.
void checkSite(const fs::path& site, const std::string& pointer, core::Problems& problems) {
    const io::ScenarioResult r = io::loadScenario(site);
    if (!r.ok())
        problems.error("KIOSK_SITE", pointer,
                       "'" + site.string() + "' is not a scenario that loads (" +
                           std::to_string(r.problems.count(core::Severity::Error)) +
                           " error(s); run `friche check` on it)");
}

void readSites(const Fields& f, KioskConfig& c) {
    const json* sites = f.array("sites", Required::Yes, kMaxSites);
    if (!sites) return;
    if (sites->empty()) f.problems().error("KIOSK_SITES", f.at("sites"), "lists no site");
    for (std::size_t i = 0; i < sites->size(); ++i) {
        const std::string pointer = io::scenario_json::child(f.at("sites"), i);
        if (auto p = pathAt(f, (*sites)[i], pointer, c.file)) {
            c.sites.push_back(*p);
            checkSite(c.sites.back(), pointer, f.problems());
        }
    }
}

std::optional<scene::Language> languageAt(const Fields& f, const json& value,
                                          const std::string& pointer) {
    const auto l =
        value.is_string() ? scene::parseLanguage(value.get<std::string>()) : std::nullopt;
    if (!l)
        io::scenario_json::expected(f.problems(), pointer, "\"fr\", \"en\", \"nl\" or \"de\"",
                                    value);
    return l;
}

void readLanguages(const Fields& f, KioskConfig& c) {
    if (const json* list = f.array("languages", Required::No, scene::kLanguageCount)) {
        c.languages.clear();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto l =
                languageAt(f, (*list)[i], io::scenario_json::child(f.at("languages"), i));
            if (l && std::find(c.languages.begin(), c.languages.end(), *l) == c.languages.end())
                c.languages.push_back(*l);
        }
        if (list->empty()) f.problems().error("KIOSK_LANGUAGES", f.at("languages"), "is empty");
    }
    if (const json* l = f.get(kLanguageKey, Required::No)) {
        if (const auto language = languageAt(f, *l, f.at(kLanguageKey))) c.language = *language;
    }
    if (!c.languages.empty() &&
        std::find(c.languages.begin(), c.languages.end(), c.language) == c.languages.end())
        f.problems().error("KIOSK_LANGUAGE", f.at(kLanguageKey),
                           std::string("'") + scene::languageCode(c.language) +
                               "' is not among the offered \"languages\"");
}

void readPin(const Fields& f, KioskConfig& c) {
    const auto text = f.string("pin", Required::No);
    if (!text) return;
    std::string error;
    c.pin = core::parsePinHash(*text, error);
    if (!c.pin)
        f.problems().error("KIOSK_PIN", f.at("pin"), error + " (make one with `friche kiosk-pin`)");
}

void readConfig(const json& root, KioskConfig& c, core::Problems& problems) {
    const Fields f(root, "", problems,
                   {"sites", "attract", "languages", kLanguageKey, kIdleKey, "countdownSeconds",
                    "pin", "display", kUiScaleKey, "log"});
    if (!f.valid()) return;
    readSites(f, c);
    if (const json* a = f.get("attract", Required::No)) {
        if (auto p = pathAt(f, *a, f.at("attract"), c.file)) {
            c.attract = *p;
            checkSite(*c.attract, f.at("attract"), problems);
        }
    }
    readLanguages(f, c);
    c.idleSeconds = f.number(kIdleKey, Required::No, 0.0, kMaxIdleSeconds).value_or(c.idleSeconds);
    c.countdownSeconds =
        f.number("countdownSeconds", Required::No, 0.0, 600.0).value_or(c.countdownSeconds);
    readPin(f, c);
    c.display = static_cast<int>(f.number("display", Required::No, 0, kMaxDisplay).value_or(0));
    if (const auto s = f.number(kUiScaleKey, Required::No, kMinUiScale, kMaxUiScale))
        c.uiScale = static_cast<float>(*s);
    if (const json* l = f.get("log", Required::No)) {
        if (auto p = pathAt(f, *l, f.at("log"), c.file)) c.log = *p;
    }
}

// The file's JSON, or nullopt with a problem.
std::optional<json> readJson(const fs::path& file, core::Problems& problems) {
    std::string error;
    const auto bytes = core::readFile(file, error, kMaxConfigBytes);
    if (!bytes) {
        problems.error("IO_ERROR", "", error);
        return std::nullopt;
    }
    json root;
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    if (!io::scenario_json::parseJson(text, file, root, problems)) return std::nullopt;
    return root;
}

}  // namespace

bool isKioskConfig(const fs::path& file) {
    core::Problems ignored;  // a file that does not parse is reported by whoever reads it next
    const auto root = readJson(file, ignored);
    return root && root->is_object() && root->contains("sites");
}

KioskConfig defaultKioskConfig(std::vector<fs::path> sites) {
    KioskConfig c;
    c.sites = std::move(sites);
    c.languages = {scene::Language::Fr, scene::Language::Nl, scene::Language::De,
                   scene::Language::En};
    c.log = defaultKioskLog();
    return c;
}

fs::path defaultKioskLog() {
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        return fs::path(state) / "friche/kiosk.log";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local/state/friche/kiosk.log";
    return {};
}

std::optional<KioskConfig> readKioskConfig(const fs::path& file, core::Problems& problems) {
    const auto root = readJson(file, problems);
    if (!root) return std::nullopt;
    KioskConfig c = defaultKioskConfig({});
    c.file = file;
    readConfig(*root, c, problems);
    // A scenario's unknown field is a warning; a kiosk's is an error: a
    // misspelt "idleSeconds" would leave an exhibition that never goes idle.
    std::vector<core::Problem> unknown;
    for (const core::Problem& p : problems.list())
        if (p.code == "UNKNOWN_FIELD") unknown.push_back(p);
    for (const core::Problem& p : unknown)
        problems.error("KIOSK_UNKNOWN_KEY", p.where, p.message + ": not a kiosk setting");
    if (problems.hasErrors()) return std::nullopt;
    return c;
}

bool writeKioskConfig(const KioskConfig& config, core::Problems& problems) {
    auto read = readJson(config.file, problems);
    if (!read || !read->is_object()) return false;
    json& root = *read;
    std::string error;
    root[kLanguageKey] = scene::languageCode(config.language);
    root[kIdleKey] = config.idleSeconds;
    if (config.uiScale) root[kUiScaleKey] = *config.uiScale;
    if (!core::writeFileAtomically(config.file, root.dump(2) + "\n", error)) {
        problems.error("IO_ERROR", "", error);
        return false;
    }
    return true;
}

int runKioskPin(const KioskPinCommand& cmd) {
    std::string pin;
    if (cmd.pin) {
        pin = *cmd.pin;
    } else {
        std::fputs("PIN (4 to 12 digits): ", stderr);
        std::getline(std::cin, pin);
    }
    if (!core::validPin(pin)) {
        std::fputs("friche kiosk-pin: a PIN is 4 to 12 digits, nothing else\n", stderr);
        return kExitUsage;
    }
    const std::string line = core::formatPinHash(core::hashPin(pin, core::randomSalt()));
    std::printf("\"pin\": \"%s\"\n", line.c_str());
    return kExitOk;
}

}  // namespace friche::app
