#include "app/cli.h"

#include <charconv>
#include <cmath>
#include <tuple>

namespace friche::app {

const char* usageText() {
    return "usage:\n"
           "  friche [PATH]                      open the viewer on a scenario (.json) or a model\n"
           "  friche render PATH -o OUT.png [--size WxH] [--phase ID | --at POS] [--view NAME]\n"
           "                [--compare swipe|side:PHASE_A,PHASE_B[:SPLIT]] [--lang fr|en|nl|de] "
           "[--ui]\n"
           "  friche check [--json] PATH...      load and validate without rendering\n"
           "exit status: 0 fine, 1 bad input, 2 wrong usage\n";
}

namespace {

// Largest still we render: 8K on each side keeps the framebuffer under 1 GiB.
constexpr int kMaxStillSide = 8192;

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
    if (w < 1 || h < 1 || w > kMaxStillSide || h > kMaxStillSide) return std::nullopt;
    return std::make_pair(w, h);
}

std::optional<double> parseNumber(const std::string& text) {
    double v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

Command parseRender(const std::vector<std::string>& args) {
    RenderCommand cmd;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        auto value = [&]() -> const std::string& { return args[++i]; };
        if ((a == "-o" || a == "--output") && hasValue) {
            cmd.output = value();
        } else if (a == "--size" && hasValue) {
            auto size = parseSize(value());
            if (!size)
                return UsageError{"--size wants WxH, each between 1 and 8192, e.g. 1920x1080"};
            std::tie(cmd.width, cmd.height) = *size;
        } else if (a == "--phase" && hasValue) {
            cmd.phase = value();
        } else if (a == "--at" && hasValue) {
            cmd.at = parseNumber(value());
            if (!cmd.at || *cmd.at < 0)
                return UsageError{"--at wants a position >= 0 on the timeline, e.g. 1.5"};
        } else if (a == "--view" && hasValue) {
            cmd.view = value();
        } else if (a == "--compare" && hasValue) {
            cmd.compare = value();
        } else if (a == "--lang" && hasValue) {
            cmd.lang = value();
            if (cmd.lang != "fr" && cmd.lang != "en" && cmd.lang != "nl" && cmd.lang != "de")
                return UsageError{"--lang wants fr, en, nl or de"};
        } else if (a == "--ui") {
            cmd.ui = true;
        } else if (!a.empty() && a[0] == '-') {
            return UsageError{"render: unknown option or missing value: " + a};
        } else if (cmd.path.empty()) {
            cmd.path = a;
        } else {
            return UsageError{"render takes one PATH, got a second: " + a};
        }
    }
    if (cmd.path.empty()) return UsageError{"render needs a PATH"};
    if (cmd.output.empty()) return UsageError{"render needs -o OUT.png"};
    if (cmd.phase && cmd.at) return UsageError{"give --phase or --at, not both"};
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

}  // namespace

Command parseCommandLine(const std::vector<std::string>& args) {
    if (args.empty()) return ViewerCommand{};
    const std::string& first = args[0];
    if (first == "-h" || first == "--help" || first == "help") return HelpCommand{};
    if (first == "render") return parseRender(args);
    if (first == "check") return parseCheck(args);
    if (!first.empty() && first[0] == '-') return UsageError{"unknown option: " + first};
    if (args.size() > 1) return UsageError{"the viewer takes one PATH"};
    return ViewerCommand{first};
}

}  // namespace friche::app
