// The files a user keeps in their config folder (viewpoints, the viewer's
// preferences): where that folder is, and how one of its files is read. A
// file that cannot be read as it should is moved aside, never overwritten by
// the next save: what the user wrote there is theirs to fix.
//
//   const auto folder = io::configFolder(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
//   io::ConfigRead read = io::readConfigFile(*folder / "viewer.json", 1 << 16, "preferences",
//       [&](const std::string& text, core::Problems& problems) { ... parse ... });
//   if (read.problems.hasErrors()) ...;  // use the defaults; read.keptAside says where it went
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/problem.h"

namespace friche::io {

// `xdgConfigHome`/friche, else `home`/.config/friche (the XDG base directory
// rule; either may be null or empty); nullopt when neither is set.
std::optional<std::filesystem::path> configFolder(const char* xdgConfigHome, const char* home);

struct ConfigRead {
    // Why the file could not be read (JSON pointers, or file:line:column).
    core::Problems problems;
    // Where a broken file was moved so that the next save cannot overwrite it.
    std::optional<std::filesystem::path> keptAside;
    // A broken file that could not be moved aside: nothing may be saved over it.
    bool blocksSaving() const { return problems.hasErrors() && !keptAside; }
};

// Hands the text of `file` (at most `maxBytes`) to `parse`, which says its
// problems; nothing when the file does not exist. When reading or parsing
// finds an error, the file is renamed to `file`.bad (or .bad-2, ...) and the
// problems say so, naming `what` the file holds ("viewpoints").
ConfigRead readConfigFile(const std::filesystem::path& file, std::uintmax_t maxBytes,
                          const char* what,
                          const std::function<void(const std::string&, core::Problems&)>& parse);

// Writes `bytes` to `file`, creating its folder, with core::writeFileAtomically:
// after a kill at any moment, the file is the old one or the new one.
bool writeConfigFile(const std::filesystem::path& file, const std::string& bytes,
                     std::string& error);

}  // namespace friche::io
