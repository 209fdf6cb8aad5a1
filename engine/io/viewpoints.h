// A user's viewpoints: cameras saved in the viewer under a name, per scenario
// (by its site id), in the user's config folder, and exported into a copy of
// the scenario as its views (so `friche render COPY.json --view ID` shows one).
//
//   const auto folder = io::viewpointFolder(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
//   const fs::path file = io::viewpointFile(*folder, scenario.site.id);
//   io::ViewpointsRead read = io::readViewpoints(file);   // a broken file is kept aside, said
//   read.views.push_back(io::makeViewpoint("Côté Meuse", orbit, read.views));
//   io::writeViewpoints(file, read.views, error);          // atomic: old or new, never half
//
// A viewpoint is a scene::View whose name is the same in every language: the
// name the user typed, in any script. Its id is made from the name.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/config_file.h"
#include "scene/orbit_camera.h"
#include "scene/scenario.h"

namespace friche::io {

// At most this many viewpoints a scenario: a scenario holds no more views.
inline constexpr std::size_t kMaxViewpoints = 64;

// `xdgConfigHome`/friche/viewpoints, else `home`/.config/friche/viewpoints
// (the XDG base directory rule; either may be null or empty); nullopt when neither is set.
std::optional<std::filesystem::path> viewpointFolder(const char* xdgConfigHome, const char* home);
// The file of the scenario whose site id is `siteId` in `folder`.
std::filesystem::path viewpointFile(const std::filesystem::path& folder, const std::string& siteId);

// The list, and why the file could not be read (io/config_file.h).
struct ViewpointsRead : ConfigRead {
    std::vector<scene::View> views;
};

// The viewpoints in `file`; none when it does not exist. A file that is not a
// valid viewpoint list is renamed to `file`.bad (or .bad-2, ...) and said so
// in `problems`: the list then starts empty.
ViewpointsRead readViewpoints(const std::filesystem::path& file);

// Writes `views` to `file` with writeConfigFile (atomic: old or new, never half).
bool writeViewpoints(const std::filesystem::path& file, const std::vector<scene::View>& views,
                     std::string& error);

// An id for `name` among `taken`: ASCII letters and digits in lower case,
// accented Latin letters without their accents, anything else a '-'; "view"
// when nothing is left; "-2", "-3" ... appended until it is unique.
std::string viewpointId(const std::string& name, const std::vector<scene::View>& taken);

// A viewpoint named `name` looking as `camera` does, with an id unique among `taken`.
scene::View makeViewpoint(const std::string& name, const scene::OrbitCamera& camera,
                          const std::vector<scene::View>& taken);

// Renames `views[index]` (its id follows the name).
void renameViewpoint(std::vector<scene::View>& views, std::size_t index, const std::string& name);

// The scenario file beside `scenario` that the viewpoints are exported to:
// <stem>-views.json (the original is never written).
std::filesystem::path exportPath(const std::filesystem::path& scenario);

// Writes exportPath(scenario): the scenario's JSON as it is, with `views`
// appended to its "views" (ids made unique against the views already there).
// False with `error` when the scenario cannot be read or the copy written.
bool exportViewpoints(const std::filesystem::path& scenario, const std::vector<scene::View>& views,
                      std::string& error);

}  // namespace friche::io
