#include "io/preferences.h"

#include <nlohmann/json.hpp>

#include "io/scenario_json.h"

namespace friche::io {

namespace fs = std::filesystem;
using namespace scenario_json;

namespace {

// A few keys: anything much larger is not this file.
constexpr std::uintmax_t kMaxPreferenceBytes = 1u << 16;

}  // namespace

fs::path preferencesFile(const fs::path& configFolder) {
    return configFolder / "viewer.json";
}

PreferencesRead readPreferences(const fs::path& file) {
    PreferencesRead read;
    static_cast<ConfigRead&>(read) =
        readConfigFile(file, kMaxPreferenceBytes, "preferences",
                       [&](const std::string& text, core::Problems& problems) {
                           json root;
                           if (!parseJson(text, file, root, problems)) return;
                           const Fields top(root, "", problems, {"livingAtRest"});
                           if (!top.valid()) return;
                           if (const auto living = top.boolean("livingAtRest"))
                               read.preferences.livingAtRest = *living;
                       });
    if (read.problems.hasErrors()) read.preferences = {};
    return read;
}

bool writePreferences(const fs::path& file, const Preferences& preferences, std::string& error) {
    const nlohmann::ordered_json root = {{"livingAtRest", preferences.livingAtRest}};
    return writeConfigFile(file, root.dump(2) + "\n", error);
}

}  // namespace friche::io
