// The command line, as BRIEF.md fixes it (a contract: tests and users rely on it):
//
//   friche [PATH] [--ui-scale S] [PROPOSAL] [WORKSHOP]
//   friche --kiosk [CONFIG.json | PATH...] [--ui-scale S]
//   friche kiosk-pin [PIN]
//   friche render PATH -o OUT.png [--size WxH] [--phase ID | --at POS] [--view NAME]
//                 [--compare swipe|side:PHASE_A,PHASE_B[:SPLIT]] [--lang fr|en|nl|de] [--ui
//                 [--kiosk]] [--date YYYY-MM-DD] [--time HH:MM]
//                 [--section [-]x|y|z=METRES] [--stats] [PROPOSAL]
//   friche video PATH -o OUT.mp4 [--size WxH] [--fps N] [--lang L] [--ui] [--view NAME]
//                [--from POS --to POS --duration SECONDS | --tour ID] [--date ...] [--time ...]
//   friche check [--json] PATH...
//   friche report SESSION -o DIR [--size WxH] [--lang fr|en|nl|de]
//   PROPOSAL: --proposal FILE [--place X,Z[,ROT_DEG[,Y]]] [--unit m|cm|mm|in|ft]
//   WORKSHOP: [--tour ID] [--session FILE] [--remote [ADDR:]PORT [--remote-pin PIN]]
//
// parseCommandLine only parses; each command lives in its own file.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

#include "scene/locale.h"
#include "scene/proposal.h"

namespace friche::app {

// Exit statuses: 0 fine, 1 the input is bad, 2 wrong usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

// Says "friche COMMAND: MESSAGE" on standard error; returns kExitBadInput.
int failed(const char* command, const std::string& message);

// An architect's model on the scenario's site (scene/proposal.h).
struct ProposalOption {
    std::string file;
    scene::Placement placement;
    bool unitGiven = false;  // --unit: the file's unit is the user's word, not guessed
};

struct ViewerCommand {
    std::string path;  // empty: the default scenario
    // --kiosk: a kiosk config (one .json that is not a scenario), or the
    // scenarios to show (the first is `path`); absent: not a kiosk.
    std::optional<std::vector<std::string>> kiosk;
    std::optional<float> uiScale;  // --ui-scale
    std::optional<ProposalOption> proposal;
    // A workshop (docs/workshops.md): a guided tour to start, the session file
    // that records it, the tablet remote's address and PIN.
    std::optional<std::string> tour;
    std::optional<std::string> session;
    std::optional<std::string> remote;
    std::optional<std::string> remotePin;
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
    // The proposal shown in the phase --phase names (else the last), in a phase
    // of its own: PHASE-proposal (scene::withProposal).
    std::optional<ProposalOption> proposal;
    // --section y=12: what lies above 12 m is cut away (x=, z=: beyond; -x=: before),
    // as render::ViewParams::section.
    std::optional<glm::vec4> section;
    // --stats: the GPU's time per pass, the draw calls and the wall time, on stdout.
    bool stats = false;
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

// `friche report SESSION -o DIR`: a workshop session's record as a web page
// with a still of each pin, a CSV of the comments and the whole session in JSON.
struct ReportCommand {
    std::string session;
    std::string output;  // a folder, made if need be
    int width = 1280;    // each pin's still
    int height = 720;
    std::string lang = "en";  // the scenario's texts: phase titles, variant names
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
                             ReportCommand, KioskPinCommand, HelpCommand, UsageError>;

Command parseCommandLine(const std::vector<std::string>& args);

// "1920x1080" as {1920, 1080}; nullopt unless both are 1 to
// render::kMaxStillSide (render/tiles.h).
std::optional<std::pair<int, int>> parseSize(const std::string& text);

// The usage text printed by --help and after a usage error.
const char* usageText();

}  // namespace friche::app
