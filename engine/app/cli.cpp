#include "app/cli.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <tuple>

#include "render/tiles.h"
#include "scene/sun.h"

namespace friche::app {

const char* usageText() {
    return "usage:\n"
           "  friche [PATH] [--ui-scale S] [PROPOSAL] [WORKSHOP]\n"
           "                                     open the viewer on a scenario (.json) or a model\n"
           "  friche --kiosk [CONFIG.json | PATH...] [--ui-scale S]\n"
           "                                     a locked fullscreen exhibition screen\n"
           "  friche kiosk-pin [PIN]             the \"pin\" line of a kiosk config\n"
           "  friche render PATH -o OUT.png [--size WxH] [--phase ID | --at POS] [--view NAME]\n"
           "                [--compare swipe|side:PHASE_A,PHASE_B[:SPLIT]] [--lang fr|en|nl|de] "
           "[--ui [--kiosk]]\n"
           "                [--date YYYY-MM-DD] [--time HH:MM]  (the site's day and clock time)\n"
           "                [--section [-]x|y|z=METRES] [--stats] [PROPOSAL]\n"
           "                                     a still, with no display; --stats prints the\n"
           "                                     GPU's time per pass, draw calls, wall time\n"
           "  friche video PATH -o OUT.mp4 [--size WxH] [--fps N] [--lang fr|en|nl|de] [--ui]\n"
           "               [--view NAME] [--from POS --to POS --duration SECONDS | --tour ID]\n"
           "               [--date YYYY-MM-DD] [--time HH:MM]\n"
           "                                     the story as an H.264 video, with no display\n"
           "  friche check [--json] PATH...      load and validate without rendering\n"
           "  friche report SESSION -o DIR [--size WxH] [--lang fr|en|nl|de]\n"
           "                                     a workshop session as DIR/index.html (a still\n"
           "                                     of each pin), comments.csv and session.json\n"
           "  PROPOSAL: --proposal FILE [--place X,Z[,ROT_DEG[,Y]]] [--unit m|cm|mm|in|ft]\n"
           "                                     an architect's model on the scenario's site\n"
           "  WORKSHOP: [--tour ID] [--session FILE] [--remote [ADDR:]PORT [--remote-pin PIN]]\n"
           "                                     a guided tour, its record, a tablet remote\n"
           "exit status: 0 fine, 1 bad input, 2 wrong usage\n";
}

namespace {

std::optional<double> parseNumber(const std::string& text) {
    double v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

// --place X,Z[,ROT_DEG[,Y]]: metres and degrees, two to four finite numbers.
bool parsePlace(const std::string& text, scene::Placement& placement) {
    float values[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::size_t count = 0;
    for (std::size_t start = 0; start <= text.size(); ++count) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const auto value = parseNumber(text.substr(start, comma - start));
        if (count == 4 || !value || std::abs(*value) > 1e6) return false;
        values[count] = static_cast<float>(*value);
        start = comma + 1;
    }
    if (count < 2) return false;
    placement.x = values[0];
    placement.z = values[1];
    placement.rotationDegrees = values[2];
    placement.y = values[3];
    return true;
}

// --section [-]AXIS=METRES: the plane, cutting away the side its normal points to.
std::optional<glm::vec4> parseSection(const std::string& text) {
    const bool flip = !text.empty() && text[0] == '-';
    const std::string rest = text.substr(flip ? 1 : 0);
    if (rest.size() < 3 || rest[1] != '=' || rest[0] < 'x' || rest[0] > 'z') return std::nullopt;
    const auto at = parseNumber(rest.substr(2));
    if (!at || std::abs(*at) > 1e6) return std::nullopt;
    glm::vec4 plane(0.0f);
    const float sign = flip ? -1.0f : 1.0f;
    plane[rest[0] - 'x'] = sign;
    plane.w = sign * static_cast<float>(*at);
    return plane;
}

// The proposal's options, wherever they come on the line; false for another option.
struct ProposalArgs {
    std::optional<ProposalOption> option;
    bool placeOrUnit = false;

    bool take(const std::string& a, const std::vector<std::string>& args, std::size_t& i,
              std::optional<UsageError>& e) {
        if (a != "--proposal" && a != "--place" && a != "--unit") return false;
        if (i + 1 >= args.size()) {
            e = UsageError{a + " needs a value"};
            return true;
        }
        const std::string& value = args[++i];
        if (!option) option.emplace();
        if (a == "--proposal") {
            option->file = value;
        } else if (a == "--place") {
            placeOrUnit = true;
            if (!parsePlace(value, option->placement))
                e = UsageError{
                    "--place wants X,Z[,ROT_DEG[,Y]] in metres and degrees, e.g. 40,-12,30"};
        } else {
            placeOrUnit = true;
            const auto unit = scene::parseUnit(value);
            if (!unit)
                e = UsageError{"--unit wants m, cm, mm, in or ft"};
            else
                option->placement.unit = *unit;
            option->unitGiven = true;
        }
        return true;
    }
    std::optional<UsageError> check() const {
        if (option && option->file.empty())
            return UsageError{"--place and --unit place a model given with --proposal FILE"};
        return std::nullopt;
    }
};

constexpr const char* kLangWanted = "--lang wants fr, en, nl or de";
constexpr const char* kSizeWanted = "--size wants WxH, each between 1 and 8192, e.g. 1920x1080";

// Walks `args` (after the command's name): the options both pictures take
// go into `picture`, the others to `own`, which returns false for one it does
// not know. An error message, or nullopt.
using OwnOption = std::function<bool(const std::string& option, const std::string* value,
                                     std::size_t& i, std::optional<UsageError>& error)>;

std::optional<UsageError> parsePicture(const std::vector<std::string>& args, const char* command,
                                       const char* extension, PictureOptions& picture,
                                       const OwnOption& own) {
    const std::string name(command);
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const std::string* next = i + 1 < args.size() ? &args[i + 1] : nullptr;
        std::optional<UsageError> error;
        if ((a == "-o" || a == "--output") && next) {
            picture.output = args[++i];
        } else if (a == "--size" && next) {
            auto size = parseSize(args[++i]);
            if (!size) return UsageError{kSizeWanted};
            std::tie(picture.width, picture.height) = *size;
        } else if (a == "--view" && next) {
            picture.view = args[++i];
        } else if (a == "--lang" && next) {
            picture.lang = args[++i];
            if (!scene::parseLanguage(picture.lang)) return UsageError{kLangWanted};
        } else if (a == "--date" && next) {
            picture.date = scene::parseSunDate(args[++i]);
            if (!picture.date)
                return UsageError{
                    "--date wants a day from 1901 to 2099 as YYYY-MM-DD, e.g. "
                    "2025-12-21; got " +
                    args[i]};
        } else if (a == "--time" && next) {
            picture.time = scene::parseClockTime(args[++i]);
            if (!picture.time)
                return UsageError{
                    "--time wants the site's clock time as HH:MM, 00:00 to 23:59, "
                    "e.g. 09:30; got " +
                    args[i]};
        } else if (a == "--ui") {
            picture.ui = true;
        } else if (own(a, next, i, error)) {
            if (error) return error;
        } else if (!a.empty() && a[0] == '-') {
            return UsageError{name + ": unknown option or missing value: " + a};
        } else if (picture.path.empty()) {
            picture.path = a;
        } else {
            return UsageError{name + " takes one PATH, got a second: " + a};
        }
    }
    if (picture.path.empty()) return UsageError{name + " needs a PATH"};
    if (picture.output.empty()) return UsageError{name + " needs -o OUT." + extension};
    return std::nullopt;
}

Command parseRender(const std::vector<std::string>& args) {
    RenderCommand cmd;
    ProposalArgs proposal;
    const auto error = parsePicture(
        args, "render", "png", cmd,
        [&](const std::string& a, const std::string* next, std::size_t& i,
            std::optional<UsageError>& e) {
            if (a == "--kiosk") return cmd.kiosk = true;
            if (a == "--stats") return cmd.stats = true;
            if (proposal.take(a, args, i, e)) return true;
            if (!next) return false;
            if (a == "--phase") {
                cmd.phase = args[++i];
            } else if (a == "--at") {
                cmd.at = parseNumber(args[++i]);
                if (!cmd.at || *cmd.at < 0)
                    e = UsageError{"--at wants a position >= 0 on the timeline, e.g. 1.5"};
            } else if (a == "--compare") {
                cmd.compare = args[++i];
            } else if (a == "--section") {
                cmd.section = parseSection(args[++i]);
                if (!cmd.section)
                    e = UsageError{
                        "--section wants AXIS=METRES, AXIS x, y or z, e.g. y=12 (a "
                        "minus before the axis keeps the other side: -x=40)"};
            } else {
                return false;
            }
            return true;
        });
    if (error) return *error;
    if (auto e = proposal.check()) return *e;
    cmd.proposal = proposal.option;
    if (cmd.phase && cmd.at) return UsageError{"give --phase or --at, not both"};
    if (cmd.proposal && cmd.at)
        return UsageError{"render: a proposal shows in a phase: give --phase, not --at"};
    if (cmd.kiosk && !cmd.ui)
        return UsageError{"render: --kiosk draws the visitor panels: add --ui"};
    return cmd;
}

// An hour of story at 120 frames a second is more than any export needs.
constexpr double kMaxVideoSeconds = 3600.0;
constexpr int kMaxFps = 120;

Command parseVideo(const std::vector<std::string>& args) {
    VideoCommand cmd;
    const auto error = parsePicture(
        args, "video", "mp4", cmd,
        [&](const std::string& a, const std::string* next, std::size_t& i,
            std::optional<UsageError>& e) {
            if (!next) return false;
            std::optional<double>* number = a == "--from"       ? &cmd.from
                                            : a == "--to"       ? &cmd.to
                                            : a == "--duration" ? &cmd.duration
                                                                : nullptr;
            if (number) {
                *number = parseNumber(args[++i]);
                if (!*number || **number < 0)
                    e = UsageError{a + " wants a number >= 0, e.g. " +
                                   (a == "--duration" ? "10" : "1.5")};
            } else if (a == "--fps") {
                const auto fps = parseNumber(args[++i]);
                if (!fps || *fps != std::floor(*fps) || *fps < 1 || *fps > kMaxFps)
                    e = UsageError{"--fps wants a whole number of frames a second, 1 to 120"};
                else
                    cmd.fps = static_cast<int>(*fps);
            } else if (a == "--tour") {
                cmd.tour = args[++i];
            } else {
                return false;
            }
            return true;
        });
    if (error) return *error;
    // H.264 in yuv420p halves the colour resolution: each side must be even.
    if (cmd.width % 2 || cmd.height % 2)
        return UsageError{"video: --size wants an even width and height, e.g. 1920x1080"};
    const bool range = cmd.from || cmd.to || cmd.duration;
    if (range && !(cmd.from && cmd.to && cmd.duration))
        return UsageError{"video: give --from, --to and --duration together"};
    if (range && cmd.tour) return UsageError{"video: give a range or --tour, not both"};
    if (cmd.duration && (*cmd.duration * cmd.fps < 0.5 || *cmd.duration > kMaxVideoSeconds))
        return UsageError{"video: --duration wants at least one frame and at most an hour"};
    return cmd;
}

Command parseViewer(const std::vector<std::string>& args) {
    ViewerCommand cmd;
    std::vector<std::string> paths;
    ProposalArgs proposal;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::optional<UsageError> error;
        if (proposal.take(a, args, i, error)) {
            if (error) return *error;
        } else if (a == "--kiosk") {
            cmd.kiosk.emplace();
        } else if (a == "--tour" || a == "--session" || a == "--remote" || a == "--remote-pin") {
            if (i + 1 >= args.size() || args[i + 1].empty())
                return UsageError{a + " wants a value"};
            auto& value = a == "--tour"      ? cmd.tour
                          : a == "--session" ? cmd.session
                          : a == "--remote"  ? cmd.remote
                                             : cmd.remotePin;
            value = args[++i];
        } else if (a == "--ui-scale") {
            const auto scale = i + 1 < args.size() ? parseNumber(args[++i]) : std::nullopt;
            if (!scale || *scale < 0.5 || *scale > 8.0)
                return UsageError{"--ui-scale wants a number from 0.5 to 8, e.g. 2"};
            cmd.uiScale = static_cast<float>(*scale);
        } else if (!a.empty() && a[0] == '-') {
            return UsageError{"unknown option: " + a};
        } else {
            paths.push_back(a);
        }
    }
    if (auto e = proposal.check()) return *e;
    cmd.proposal = proposal.option;
    if (cmd.kiosk && cmd.proposal)
        return UsageError{"a kiosk shows the scenarios as they are: no --proposal"};
    if (cmd.remotePin && !cmd.remote) return UsageError{"--remote-pin goes with --remote"};
    if (cmd.kiosk && (cmd.tour || cmd.session || cmd.remote))
        return UsageError{"a kiosk runs no workshop: no --tour, --session or --remote"};
    if (cmd.kiosk) {
        *cmd.kiosk = paths;
    } else if (paths.size() > 1) {
        return UsageError{"the viewer takes one PATH (a kiosk takes several: --kiosk PATH...)"};
    }
    if (!paths.empty()) cmd.path = paths.front();
    return cmd;
}

Command parseKioskPin(const std::vector<std::string>& args) {
    if (args.size() > 2) return UsageError{"kiosk-pin takes one PIN"};
    KioskPinCommand cmd;
    if (args.size() == 2) cmd.pin = args[1];
    return cmd;
}

Command parseCheck(const std::vector<std::string>& args) {
    CheckCommand cmd;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--json") {
            cmd.json = true;
        } else if (!args[i].empty() && args[i][0] == '-') {
            return UsageError{"check: unknown option: " + args[i]};
        } else {
            cmd.paths.push_back(args[i]);
        }
    }
    if (cmd.paths.empty()) return UsageError{"check needs at least one PATH"};
    return cmd;
}

Command parseReport(const std::vector<std::string>& args) {
    ReportCommand cmd;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if ((a == "-o" || a == "--output") && hasValue) {
            cmd.output = args[++i];
        } else if (a == "--size" && hasValue) {
            const auto size = parseSize(args[++i]);
            if (!size) return UsageError{kSizeWanted};
            std::tie(cmd.width, cmd.height) = *size;
        } else if (a == "--lang" && hasValue) {
            cmd.lang = args[++i];
            if (!scene::parseLanguage(cmd.lang)) return UsageError{kLangWanted};
        } else if (!a.empty() && a[0] == '-') {
            return UsageError{"report: unknown option or missing value: " + a};
        } else if (cmd.session.empty()) {
            cmd.session = a;
        } else {
            return UsageError{"report takes one SESSION, got a second: " + a};
        }
    }
    if (cmd.session.empty()) return UsageError{"report needs a SESSION file"};
    if (cmd.output.empty()) return UsageError{"report needs -o DIR, the folder to write into"};
    return cmd;
}

}  // namespace

std::optional<std::pair<int, int>> parseSize(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    int w = 0, h = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    auto r1 = std::from_chars(begin, begin + x, w);
    auto r2 = std::from_chars(begin + x + 1, end, h);
    if (r1.ec != std::errc() || r1.ptr != begin + x || r2.ec != std::errc() || r2.ptr != end)
        return std::nullopt;
    if (w < 1 || h < 1 || w > render::kMaxStillSide || h > render::kMaxStillSide)
        return std::nullopt;
    return std::make_pair(w, h);
}

Command parseCommandLine(const std::vector<std::string>& args) {
    if (args.empty()) return ViewerCommand{};
    const std::string& first = args[0];
    if (first == "-h" || first == "--help" || first == "help") return HelpCommand{};
    if (first == "render") return parseRender(args);
    if (first == "video") return parseVideo(args);
    if (first == "check") return parseCheck(args);
    if (first == "report") return parseReport(args);
    if (first == "kiosk-pin") return parseKioskPin(args);
    return parseViewer(args);
}

int failed(const char* command, const std::string& message) {
    std::fprintf(stderr, "friche %s: %s\n", command, message.c_str());
    return kExitBadInput;
}

}  // namespace friche::app
