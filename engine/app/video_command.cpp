#include "app/video_command.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/environment.h"
#include "app/imgui_layer.h"
#include "app/story_input.h"
#include "app/video_frames.h"
#include "media/signal_stop.h"
#include "media/video_encoder.h"

namespace friche::app {

namespace {

using SteadyClock = std::chrono::steady_clock;

// The range given, or the whole story: one frame every 1/fps seconds, the last
// on or just before its end.
std::optional<FramePlan> plan(const VideoCommand& cmd, const scene::Story& story,
                              std::string& error) {
    FramePlan p;
    p.fps = cmd.fps;
    p.aspect = static_cast<float>(cmd.width) / static_cast<float>(cmd.height);
    if (cmd.tour) {
        p.tour = story.scenario().tourIndex(*cmd.tour);
        if (!p.tour) {
            const auto& tours = story.scenario().tours;
            error = "no tour '" + *cmd.tour + "' in " + cmd.path +
                    (tours.empty() ? ": it has none" : " (its first is '" + tours[0].id + "')");
            return std::nullopt;
        }
        // Each step: the flight there, then the time the viewer holds a phase.
        const scene::PlayTiming& timing = story.timeline().timing();
        p.stepFrames = static_cast<int>(
            std::lround((timing.transitionSeconds + timing.holdSeconds) * cmd.fps));
        p.frames = p.stepFrames *
                   static_cast<int>(
                       story.scenario().tours[static_cast<std::size_t>(*p.tour)].steps.size());
        return p;
    }
    if (!cmd.duration) {
        p.frames = static_cast<int>(std::floor(story.playSeconds() * cmd.fps)) + 1;
        return p;
    }
    p.from = checkPosition(story, cmd.path, "--from", *cmd.from, error);
    p.to = p.from ? checkPosition(story, cmd.path, "--to", *cmd.to, error) : std::nullopt;
    if (!p.to) return std::nullopt;
    p.frames = std::max(1, static_cast<int>(std::lround(*cmd.duration * cmd.fps)));
    return p;
}

// Frames, percent and the time left: one line rewritten on a terminal, a line
// every tenth of the way into a log.
class VideoProgress {
public:
    explicit VideoProgress(int frames) : frames_(frames), tty_(isatty(STDERR_FILENO) != 0) {}

    void frameDone(int done) {
        const auto now = SteadyClock::now();
        // The first frame comes out a few frames late (the read-back ring) and
        // pays for warming up: the pace is measured from it.
        if (done == 1) first_ = now;
        const bool last = done == frames_;
        const int tenth = done * 10 / frames_;
        if (!last && (tty_ ? now - shown_ < std::chrono::milliseconds(250) : tenth == lastTenth_))
            return;
        shown_ = now;
        lastTenth_ = tenth;
        char left[32] = "";
        if (done > 1) {
            const double pace = std::chrono::duration<double>(now - first_).count() / (done - 1);
            std::snprintf(left, sizeof left, ", %.0f s left", pace * (frames_ - done));
        }
        std::fprintf(stderr, "%sfriche video: frame %d/%d (%d%%)%s%s", tty_ ? "\r" : "", done,
                     frames_, done * 100 / frames_, left, tty_ && !last ? "   " : "\n");
        std::fflush(stderr);
    }
    double seconds() const {
        return std::chrono::duration<double>(SteadyClock::now() - start_).count();
    }

private:
    int frames_;
    bool tty_;
    SteadyClock::time_point start_ = SteadyClock::now();
    SteadyClock::time_point first_{};
    SteadyClock::time_point shown_{};
    int lastTenth_ = -1;
};

}  // namespace

int runVideo(const VideoCommand& cmd) {
    if (auto why = outputProblem(cmd.output)) return failed("video", *why);
    const auto env = readEnvironment("friche video");
    if (!env) return kExitUsage;
    // Ctrl+C or a service stop ends an export within a second: at the next
    // frame, or by the watchdog if a load or a frame takes longer.
    const media::SignalStop stop(media::kCommandGrace);
    std::string error;
    const auto loaded = loadStory(cmd.path, error);
    if (!loaded) return failed("video", error);
    scene::Story& story = loaded->story();
    story.language() = scene::parseLanguage(cmd.lang).value_or(scene::Language::En);
    if (cmd.view) {
        const auto view = findView(story.scenario(), *cmd.view, cmd.path, error);
        if (!view) return failed("video", error);
        story.holdView(*view);
    }
    const auto frames = plan(cmd, story, error);
    if (!frames || !loadSite(*loaded, cmd.path, error)) return failed("video", error);

    auto gl = HeadlessGl::open(loaded->site.model, cmd.width, cmd.height, cmd.path);
    if (!gl) return failed("video", "cannot render " + cmd.path);
    core::Problems problems;
    std::optional<OffscreenImGui> panels;
    UiLook look;
    look.texts = {scenarioText(cmd.path)};
    if (cmd.ui) panels.emplace(cmd.width, cmd.height, look, problems);
    auto encoder = media::VideoEncoder::open(
        {.path = cmd.output, .width = cmd.width, .height = cmd.height, .fps = cmd.fps}, problems);
    core::printProblems("friche video", problems);
    if (!encoder) return failed("video", "cannot write " + cmd.output);

    render::ViewParams lit = env->look;
    lit.lighting = pictureLighting(lit.lighting, cmd, &story.scenario().site);
    VideoProgress progress(frames->frames);
    const int drawn = drawFrames(
        story, *frames, *gl, lit, panels ? &*panels : nullptr,
        [&](std::span<const std::uint8_t> rows) {
            if (!encoder->addFrame(rows.data(), true, problems)) return false;
            progress.frameDone(encoder->framesWritten());
            return true;
        },
        [&] { return stop.requested(); });
    if (stop.requested()) {
        // The encoder deletes its temporary file as it goes.
        std::fprintf(stderr, "\nfriche video: stopped at frame %d; %s was not written\n", drawn,
                     cmd.output.c_str());
        return 128 + stop.signal();
    }
    const bool ok = drawn == frames->frames && encoder->finish(problems);
    core::printProblems("friche video", problems);
    if (!ok) return failed("video", "cannot write " + cmd.output);
    std::fprintf(stderr, "friche video: wrote %s: %d frames, %dx%d, %d fps, %.1f s, in %.1f s\n",
                 cmd.output.c_str(), frames->frames, cmd.width, cmd.height, cmd.fps,
                 static_cast<double>(frames->frames) / cmd.fps, progress.seconds());
    return kExitOk;
}

}  // namespace friche::app
