#include "app/environment.h"

#include "app/cli.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

#include "core/memory.h"

namespace friche::app {

namespace {

struct Choice {
    const char* name;
    int value;
};

const char* variable(const char* name) {
    const char* set = std::getenv(name);
    return set && *set ? set : nullptr;
}

std::optional<int> choose(const char* name, std::initializer_list<Choice> choices, int fallback,
                          std::string& error) {
    const char* set = variable(name);
    if (!set) return fallback;
    std::string names;
    for (const Choice& c : choices) {
        if (c.name == std::string(set)) return c.value;
        names += std::string(names.empty() ? "" : ", ") + c.name;
    }
    error = std::string(name) + "=" + set + " is not one of: " + names;
    return std::nullopt;
}

// "2025-06-21T15:00": the date and the site's clock time.
bool parseSunTime(std::string_view text, scene::SiteTime& site) {
    const std::size_t t = text.find('T');
    const auto date = scene::parseSunDate(text.substr(0, t));
    const auto hour =
        t == std::string_view::npos ? std::nullopt : scene::parseClockTime(text.substr(t + 1));
    if (!date || !hour) return false;
    scene::setDate(site, *date);
    site.hour = *hour;
    return true;
}

bool readLook(render::ViewParams& look, std::string& error) {
    using render::DebugView;
    using scene::SkyKind;
    const auto sky = choose("FRICHE_ENV",
                            {{"clear", static_cast<int>(SkyKind::Clear)},
                             {"overcast", static_cast<int>(SkyKind::Overcast)},
                             {"white", static_cast<int>(SkyKind::Uniform)}},
                            static_cast<int>(SkyKind::Clear), error);
    const auto tone = choose("FRICHE_TONEMAP",
                             {{"neutral", static_cast<int>(render::ToneMap::PbrNeutral)},
                              {"aces", static_cast<int>(render::ToneMap::Aces)}},
                             0, error);
    const auto debug = choose("FRICHE_DEBUG_VIEW",
                              {{"basecolor", static_cast<int>(DebugView::BaseColor)},
                               {"normals", static_cast<int>(DebugView::Normals)},
                               {"metalrough", static_cast<int>(DebugView::MetallicRoughness)},
                               {"occlusion", static_cast<int>(DebugView::Occlusion)},
                               {"cascades", static_cast<int>(DebugView::ShadowCascades)},
                               {"wireframe", static_cast<int>(DebugView::Wireframe)}},
                              0, error);
    if (!sky || !tone || !debug) return false;
    look.lighting.sky = static_cast<SkyKind>(*sky);
    look.lighting.toneMap = static_cast<render::ToneMap>(*tone);
    look.debugView = static_cast<DebugView>(*debug);
    if (const char* sun = variable("FRICHE_SUN"); sun && !parseSunTime(sun, look.lighting.site)) {
        error = std::string("FRICHE_SUN=") + sun + " is not a date and time like 2025-06-21T15:00";
        return false;
    }
    return true;
}

}  // namespace

std::optional<Environment> readEnvironment(std::string& error) {
    Environment env;
    if (!readLook(env.look, error)) return std::nullopt;
    if (const char* orbit = variable("FRICHE_ORBIT")) {
        float yaw = 0.0f, pitch = 0.0f;
        if (std::sscanf(orbit, "%f,%f", &yaw, &pitch) != 2) {
            error = std::string("FRICHE_ORBIT=") + orbit + " is not two angles like 30,-20";
            return std::nullopt;
        }
        env.orbitDegrees = glm::vec2(yaw, pitch);
    }
    if (const char* idle = variable("FRICHE_IDLE_SECONDS")) {
        char* end = nullptr;
        env.idleSeconds = std::strtod(idle, &end);
        if (*end || !std::isfinite(env.idleSeconds)) {
            error = std::string("FRICHE_IDLE_SECONDS=") + idle +
                    " is not a number of seconds (0: never idle)";
            return std::nullopt;
        }
    }
    if (const char* scenario = variable("FRICHE_DEFAULT_SCENARIO"))
        env.defaultScenario = std::filesystem::path(scenario);
    if (const char* snapshot = variable("FRICHE_SNAPSHOT")) env.snapshot = snapshot;
    if (const char* tile = variable("FRICHE_MAX_TILE")) {
        const auto size = parseSize(tile);
        if (!size) {
            error = std::string("FRICHE_MAX_TILE=") + tile + " is not a size like 960x540";
            return std::nullopt;
        }
        env.maxTile = {size->first, size->second};
    }
    if (const char* budget = variable("FRICHE_FRAME_BUDGET_MS")) {
        char* end = nullptr;
        env.frameBudgetMs = std::strtod(budget, &end);
        if (end == budget || *end || !std::isfinite(env.frameBudgetMs) || env.frameBudgetMs < 0.0) {
            error = std::string("FRICHE_FRAME_BUDGET_MS=") + budget +
                    " is not a frame time in milliseconds like 16.7 (0: always full quality)";
            return std::nullopt;
        }
    }
    if (const char* mib = variable("FRICHE_MEMORY_LIMIT_MIB")) {
        char* end = nullptr;
        const unsigned long long n = std::strtoull(mib, &end, 10);
        if (end == mib || *end != '\0' || n == 0 || n > (1ull << 30)) {
            error = std::string("FRICHE_MEMORY_LIMIT_MIB=") + mib +
                    " is not a number of mebibytes like 2048";
            return std::nullopt;
        }
        core::capMemory(std::uint64_t{n} << 20);
    }
    return env;
}

std::optional<Environment> readEnvironment(const char* command) {
    std::string error;
    auto env = readEnvironment(error);
    if (!env) std::fprintf(stderr, "%s: %s\n", command, error.c_str());
    return env;
}

std::filesystem::path cacheFolder() {
    if (const char* cache = variable("XDG_CACHE_HOME"))
        return std::filesystem::path(cache) / "friche";
    if (const char* home = variable("HOME"))
        return std::filesystem::path(home) / ".cache" / "friche";
    return {};
}

}  // namespace friche::app
