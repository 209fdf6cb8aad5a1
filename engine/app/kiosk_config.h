// An exhibition screen's settings: `friche --kiosk CONFIG.json`, or `friche
// --kiosk PATH...` with the defaults. The file's keys (docs/kiosk.md):
//
//   { "sites": ["seraing.json", "droixhe.json"],   // the picker, in this order; relative to the
//   file
//     "languages": ["fr", "nl", "de", "en"], "language": "fr",
//     "idleSeconds": 120, "countdownSeconds": 10, "attract": "seraing.json",
//     "pin": "pbkdf2-sha256$...",   // `friche kiosk-pin` makes one
//     "display": 0, "uiScale": 2.0, "log": "/home/expo/.local/state/friche/kiosk.log" }
//
//   core::Problems problems;
//   auto config = readKioskConfig("kiosk.json", problems);   // nullopt: errors, each with its
//   pointer if (config) writeKioskConfig(*config, problems);         // the operator's settings,
//   atomically
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.h"
#include "core/pin.h"
#include "core/problem.h"
#include "scene/locale.h"

namespace friche::app {

struct KioskConfig {
    std::filesystem::path file;  // where it was read from; empty: made from paths
    // The scenarios in the site picker, in its order; the first is where the
    // screen starts and, unless `attract` says otherwise, the attract story.
    std::vector<std::filesystem::path> sites;
    std::optional<std::filesystem::path> attract;
    std::vector<scene::Language> languages;  // the buttons offered, in their order
    scene::Language language = scene::Language::Fr;
    double idleSeconds = 120.0;
    double countdownSeconds = 10.0;    // shown before the attract loop starts
    std::optional<core::PinHash> pin;  // none: the operator panel opens with no PIN
    int display = 0;
    std::optional<float> uiScale;  // none: from the display's size
    std::filesystem::path log;     // a rotating log; empty: stderr only

    const std::filesystem::path& attractSite() const { return attract ? *attract : sites.front(); }
};

// Bounds a config is checked against.
inline constexpr double kMaxIdleSeconds = 24.0 * 3600.0;
inline constexpr float kMinUiScale = 0.5f;
inline constexpr float kMaxUiScale = 8.0f;

// The config in `file`; nullopt when it has errors (in `problems`, each naming
// its JSON pointer). Every site must be a scenario that loads.
std::optional<KioskConfig> readKioskConfig(const std::filesystem::path& file,
                                           core::Problems& problems);

// Whether `file` is a kiosk config rather than a scenario: a JSON object
// with "sites" (a scenario has "phases").
bool isKioskConfig(const std::filesystem::path& file);

// The defaults around the scenarios `sites` (at least one): every language,
// French first, idle after two minutes, no PIN.
KioskConfig defaultKioskConfig(std::vector<std::filesystem::path> sites);

// Where an unconfigured log goes: $XDG_STATE_HOME/friche/kiosk.log, else
// ~/.local/state/friche/kiosk.log; empty without a home.
std::filesystem::path defaultKioskLog();

// Writes `config` back to its file (keys it does not know are kept): to a
// temporary file beside it, synced, then renamed over it, so a kill at any
// moment leaves the old settings or the new ones. False with a problem.
bool writeKioskConfig(const KioskConfig& config, core::Problems& problems);

// `friche kiosk-pin [PIN]`: prints the config's "pin" line for PIN (read
// from standard input when not given, so it stays out of the shell's history).
int runKioskPin(const KioskPinCommand& cmd);

}  // namespace friche::app
