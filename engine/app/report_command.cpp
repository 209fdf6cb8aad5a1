#include "app/report_command.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>

#include <imgui.h>
#include <unistd.h>

#include "app/environment.h"
#include "app/report_pages.h"
#include "app/still.h"
#include "app/story_input.h"
#include "app/workshop.h"
#include "core/file.h"
#include "media/png.h"
#include "media/signal_stop.h"
#include "scene/tour.h"
#include "ui/pin_marks.h"

namespace friche::app {

namespace {

namespace fs = std::filesystem;

// The still's height at which a pin is drawn at its size in points; taller
// stills (a 4K report) scale it up, so it reads the same on every print.
constexpr float kMarkReferenceHeight = 720.0f;

// The report's folder, made when missing. A file there, or a folder this
// process cannot write into, is refused before any still is rendered.
std::optional<std::string> folderProblem(const fs::path& dir) {
    std::error_code ec;
    const fs::file_type type = fs::status(dir, ec).type();
    if (type == fs::file_type::not_found) {
        fs::create_directories(dir, ec);
        if (!ec) return std::nullopt;
        return "cannot make the folder '" + dir.string() + "': " + ec.message();
    }
    if (type != fs::file_type::directory)
        return "'" + dir.string() +
               "' is not a folder: -o names the folder that will hold index.html, "
               "comments.csv and session.json";
    if (::access(dir.c_str(), W_OK | X_OK) != 0)
        return "cannot write into the folder '" + dir.string() + "': " + std::strerror(errno);
    return std::nullopt;
}

// Where the stills stand, on stderr: a bar redrawn in place on a terminal, a
// line a still in a log.
class ReportProgress {
public:
    explicit ReportProgress(int total) : total_(total), terminal_(::isatty(STDERR_FILENO) == 1) {
        if (terminal_ && total_ > 0) show(0);
    }
    void show(int done) const {
        if (!terminal_) {
            std::fprintf(stderr, "report: still %d/%d\n", done, total_);
            return;
        }
        constexpr int kBar = 20;
        const int filled = done * kBar / total_;
        std::fprintf(stderr, "\rreport: [%s%s] %d/%d stills", std::string(filled, '#').c_str(),
                     std::string(kBar - filled, '.').c_str(), done, total_);
        if (done == total_) std::fputc('\n', stderr);
    }

private:
    int total_;
    bool terminal_;
};

// The pin's still: its phase (and variant, as the group saw it) from its
// camera, with its mark drawn, and dimmed when the geometry hides its anchor from there.
std::vector<std::uint8_t> pinStill(HeadlessGl& gl, scene::Story& story, int phase,
                                   const workshop::Pin& pin, std::uint32_t colour,
                                   StillOptions options) {
    story.compare().mode = scene::CompareMode::Off;
    story.timeline().setPosition(phase);
    story.setVariant(
        phase, variantIndex(story.scenario().phases[static_cast<std::size_t>(phase)], pin.variant));
    story.holdCamera(pinView(pin.camera).orbit());
    const float aspect =
        static_cast<float>(gl.target->width()) / static_cast<float>(gl.target->height());
    const scene::CameraView camera = story.camera(aspect);
    ui::PinMark mark{pin.anchor, colour, std::to_string(pin.id)};
    mark.hidden =
        story.sight() &&
        story.sight()->blocked(camera.eye, pin.anchor, story.looksAt(static_cast<double>(phase)));
    options.overlay = [&](glm::vec2 size) {
        const ui::PinMarkView view{camera.projection * camera.view, glm::vec2(0.0f), size,
                                   std::max(1.0f, size.y / kMarkReferenceHeight)};
        ui::drawPinMarks(*ImGui::GetBackgroundDrawList(), {mark}, view);
    };
    return drawStoryStill(*gl.renderer, *gl.gpu, *gl.target, story, options);
}

struct Stills {
    std::map<std::int64_t, PinStill> byPin;
    std::vector<std::vector<PinStill>> byStep;  // per tour, per step
    int stoppedBy = 0;                          // the signal that stopped the rendering, 0: none
};

// A still of each pin whose phase the scenario still has, and of each step of
// the scenario's tours as the screen showed it. nullopt after printing why
// when the site or GL cannot be had.
std::optional<Stills> renderStills(const ReportCommand& cmd, const SessionRecord& record,
                                   LoadedStory& loaded, const Environment& env,
                                   const media::SignalStop& stop, std::string& error) {
    const std::string& path = record.owner.scenario;
    std::vector<const workshop::Pin*> pins;
    for (const workshop::Pin& p : record.pins)
        if (phaseIndex(loaded.story().scenario(), p.phase) >= 0) pins.push_back(&p);
    const scene::Scenario& scenario = loaded.story().scenario();
    int steps = 0;
    for (const scene::Tour& tour : scenario.tours) steps += static_cast<int>(tour.steps.size());
    Stills stills;
    if (pins.empty() && steps == 0) return stills;  // no GL needed
    if (!loadSite(loaded, path, error)) return std::nullopt;
    auto gl = HeadlessGl::open(loaded.site.model, cmd.width, cmd.height, path);
    if (!gl) {
        error = "cannot render the stills of " + path;
        return std::nullopt;
    }
    render::ViewParams look = env.look;
    look.lighting =
        pictureLighting(look.lighting, PictureOptions{}, &loaded.story().scenario().site);
    StillOptions options;
    options.look = look;
    options.maxTile = env.maxTile;
    const ReportProgress progress(static_cast<int>(pins.size()) + steps);
    int done = 0;
    // Each still in turn: false when stopped, or when it cannot be encoded.
    const auto still = [&](const std::vector<std::uint8_t>& rgb, const std::string& what,
                           PinStill& into) {
        const auto png = media::encodePng(cmd.width, cmd.height, rgb);
        if (!png) error = "cannot encode the still of " + what + " as PNG";
        into = {png.value_or(""), cmd.width, cmd.height};
        progress.show(++done);
        return png.has_value();
    };
    for (const workshop::Pin* pin : pins) {
        if (stop.requested()) {
            stills.stoppedBy = stop.signal();
            return stills;
        }
        std::uint32_t colour = workshop::Group{}.colour;
        for (const workshop::Group& g : record.groups)
            if (g.id == pin->group) colour = g.colour;
        const int phase = phaseIndex(scenario, pin->phase);
        if (!still(pinStill(*gl, loaded.story(), phase, *pin, colour, options),
                   "comment " + std::to_string(pin->id), stills.byPin[pin->id]))
            return std::nullopt;
    }
    const float aspect = static_cast<float>(cmd.width) / static_cast<float>(cmd.height);
    for (std::size_t t = 0; t < scenario.tours.size(); ++t) {
        stills.byStep.emplace_back(scenario.tours[t].steps.size());
        for (std::size_t s = 0; s < scenario.tours[t].steps.size(); ++s) {
            if (stop.requested()) {
                stills.stoppedBy = stop.signal();
                return stills;
            }
            scene::Story& story = loaded.story();
            scene::showStep(story, scenario.tours[t].steps[s], aspect, scene::Motion::AtOnce);
            options.overlay = {};
            if (!still(
                    drawStoryStill(*gl->renderer, *gl->gpu, *gl->target, story, options),
                    "step " + std::to_string(s + 1) + " of the tour '" + scenario.tours[t].id + "'",
                    stills.byStep.back()[s]))
                return std::nullopt;
        }
    }
    return stills;
}

}  // namespace

int runReport(const ReportCommand& cmd) {
    std::string error;
    const auto store = workshop::SessionStore::openExisting(cmd.session, error);
    if (!store) return failed("report", error);
    const SessionRecord record = readRecord(*store);
    if (auto why = folderProblem(cmd.output)) return failed("report", *why);
    const auto env = readEnvironment("friche report");
    if (!env) return kExitUsage;
    // Ctrl+C or a service stop ends the report within a second, and leaves no half-written file.
    const media::SignalStop stop(media::kCommandGrace);
    const std::string& scenarioPath = record.owner.scenario;
    const auto loaded = loadStory(scenarioPath, error);
    if (!loaded)
        return failed("report",
                      "cannot read the scenario of the session '" + cmd.session + "': " + error);
    const scene::Scenario& scenario = loaded->story().scenario();
    if (scenario.site.id != record.owner.scenarioId)
        return failed("report", "'" + cmd.session + "' is a session of '" +
                                    record.owner.scenarioId + "', but its scenario " +
                                    scenarioPath + " is now the site '" + scenario.site.id + "'");
    auto stills = renderStills(cmd, record, *loaded, *env, stop, error);
    if (!stills) return failed("report", error);
    if (stills->stoppedBy) {
        std::fprintf(stderr, "friche report: stopped by signal %d; nothing was written\n",
                     stills->stoppedBy);
        return 128 + stills->stoppedBy;
    }
    const ReportInput input{record,
                            scenario,
                            scene::parseLanguage(cmd.lang).value_or(scene::Language::En),
                            std::move(stills->byPin),
                            std::move(stills->byStep),
                            std::time(nullptr)};
    const fs::path dir(cmd.output);
    // The page last: once it is there, what it sits beside is complete.
    if (!core::writeFileAtomically(dir / "comments.csv", commentsCsv(record), error) ||
        !core::writeFileAtomically(dir / "session.json", sessionJson(record), error) ||
        !core::writeFileAtomically(dir / "index.html", reportHtml(input), error))
        return failed("report", error);
    std::size_t stepStills = 0;
    for (const auto& tour : input.tourStills) stepStills += tour.size();
    std::printf(
        "friche report: %s (%zu comments, %zu stills of comments, %zu of tour steps), "
        "comments.csv, session.json\n",
        (dir / "index.html").c_str(), record.pins.size(), input.stills.size(), stepStills);
    return kExitOk;
}

}  // namespace friche::app
