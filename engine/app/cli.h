// The command line, as BRIEF.md fixes it (a contract: tests and users rely on it):
//
//   friche [PATH] [--ui-scale S]
//   friche --kiosk [CONFIG.json | PATH...] [--ui-scale S]
//   friche kiosk-pin [PIN]
//   friche render PATH -o OUT.png [--size WxH] [--phase ID | --at POS] [--view NAME]
//                 [--compare swipe|side:PHASE_A,PHASE_B[:SPLIT]] [--lang fr|en|nl|de] [--ui
//                 [--kiosk]] [--date YYYY-MM-DD] [--time HH:MM]
//   friche video PATH -o OUT.mp4 [--size WxH] [--fps N] [--lang L] [--ui] [--view NAME]
//                [--from POS --to POS --duration SECONDS | --tour ID] [--date ...] [--time ...]
//   friche check [--json] PATH...
//
// parseCommandLine only parses; each command lives in its own file.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "scene/locale.h"

namespace friche::app {

// Exit statuses: 0 fine, 1 the input is bad, 2 wrong usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

struct ViewerCommand {
    std::string path;  // empty: the default scenario
    // --kiosk: a kiosk config (one .json that is not a scenario), or the
    // scenarios to show (the first is `path`); absent: not a kiosk.
    std::optional<std::vector<std::string>> kiosk;
    std::optional<float> uiScale;  // --ui-scale
};

// What a still and a video share: the input, the picture and its panels.
struct PictureOptions {
    std::string path;
    std::string output;
    int width = 1920;
    int height = 1080;
    std::optional<std::string> view;
    std::string lang = "en";
    bool ui = false;
    // The sun's day and the site's clock time (hours); absent: FRICHE_SUN's or the default's.
    std::optional<scene::Date> date;
    std::optional<double> time;
};

struct RenderCommand : PictureOptions {
    bool kiosk = false;  // with --ui: the exhibition's visitor panels
    std::optional<std::string> phase;
    std::optional<double> at;
    std::optional<std::string> compare;
};

// A video of the story: a range of the timeline played over `duration`
// seconds, or (neither range nor tour) the whole story at the viewer's pace.
struct VideoCommand : PictureOptions {
    int fps = 30;
    std::optional<double> from;
    std::optional<double> to;
    std::optional<double> duration;
    std::optional<std::string> tour;
};

struct CheckCommand {
    bool json = false;
    std::vector<std::string> paths;
};

// `friche kiosk-pin [PIN]`: the line for a kiosk config's "pin".
struct KioskPinCommand {
    std::optional<std::string> pin;  // none: read from standard input
};

struct HelpCommand {};

struct UsageError {
    std::string message;
};

using Command = std::variant<ViewerCommand, RenderCommand, VideoCommand, CheckCommand,
                             KioskPinCommand, HelpCommand, UsageError>;

Command parseCommandLine(const std::vector<std::string>& args);

// The usage text printed by --help and after a usage error.
const char* usageText();

}  // namespace friche::app
