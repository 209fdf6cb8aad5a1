// friche: a real-time visualiser of post-industrial sites and their regeneration.
// The entry point only parses the command line and hands over to a command.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "app/check_command.h"
#include "app/cli.h"
#include "app/huge_pages.h"
#include "app/kiosk_config.h"
#include "app/render_command.h"
#include "app/report_command.h"
#include "app/video_command.h"
#include "app/viewer.h"

namespace {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
// Spelled out for clang 14, which does not deduce it for aggregates (C++20's P1816).
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace

int main(int argc, char** argv) {
    using namespace friche::app;
    const std::vector<std::string> args(argv + 1, argv + argc);
    const auto command = parseCommandLine(args);
    // Only what draws gains from huge pages (llvmpipe's render targets): a
    // check, a usage line or a PIN would start twice for nothing (0.24 s a
    // `friche check` against 0.15 s without).
    const auto* viewer = std::get_if<ViewerCommand>(&command);
    if (viewer || std::holds_alternative<RenderCommand>(command) ||
        std::holds_alternative<VideoCommand>(command) ||
        std::holds_alternative<ReportCommand>(command))
        startWithHugePages(argv, viewer && viewer->kiosk);
    // A file-size limit (ulimit -f) makes a write fail with EFBIG, which is
    // reported with the path, rather than killing the process mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
    return std::visit(Overloaded{
                          [](const ViewerCommand& c) { return runViewer(c); },
                          [](const RenderCommand& c) { return runRender(c); },
                          [](const VideoCommand& c) { return runVideo(c); },
                          [](const CheckCommand& c) { return runCheck(c, std::cout, std::cerr); },
                          [](const ReportCommand& c) { return runReport(c); },
                          [](const KioskPinCommand& c) { return runKioskPin(c); },
                          [](const HelpCommand&) {
                              std::fputs(usageText(), stdout);
                              return kExitOk;
                          },
                          [](const UsageError& e) {
                              std::fprintf(stderr, "friche: %s\n%s", e.message.c_str(),
                                           usageText());
                              return kExitUsage;
                          },
                      },
                      command);
}
