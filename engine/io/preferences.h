// The viewer's preferences: what a user sets once and expects to find again at
// the next launch, kept in their config folder as viewer.json (io/config_file.h).
//
//   const fs::path file = io::preferencesFile(*io::configFolder(xdg, home));
//   io::PreferencesRead read = io::readPreferences(file);  // the defaults when broken
//   read.preferences.livingAtRest = false;
//   io::writePreferences(file, read.preferences, error);    // atomic: old or new, never half
#pragma once

#include <filesystem>
#include <string>

#include "io/config_file.h"

namespace friche::io {

struct Preferences {
    // A view at rest goes on drawing what moves by itself (water, smoke,
    // trees, traffic): the Light panel's "Water, smoke and traffic move at rest".
    bool livingAtRest = true;

    bool operator==(const Preferences&) const = default;
};

// viewer.json in `configFolder`.
std::filesystem::path preferencesFile(const std::filesystem::path& configFolder);

// The preferences, and why the file could not be read.
struct PreferencesRead : ConfigRead {
    Preferences preferences;
};

// The preferences in `file`: the defaults when it does not exist, or when it
// is broken (then moved aside, as readConfigFile says). A key it does not know
// is a warning, and the others are read.
PreferencesRead readPreferences(const std::filesystem::path& file);

bool writePreferences(const std::filesystem::path& file, const Preferences& preferences,
                      std::string& error);

}  // namespace friche::io
