#include "app/kiosk.h"

#include <imgui.h>

#include <cstdio>
#include <fstream>

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "gfx/handle.h"

namespace friche::app {

namespace {

// A kiosk's log over weeks: five files of a mebibyte.
constexpr std::uintmax_t kLogBytes = 1u << 20;
constexpr int kLogFiles = 5;

ui::KioskSettings settingsOf(const KioskConfig& c) {
    ui::KioskSettings s;
    s.language = c.language;
    s.offered = c.languages;
    s.idleSeconds = c.idleSeconds;
    return s;
}

}  // namespace

std::size_t residentBytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    if (!(statm >> pages >> resident)) return 0;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

std::size_t heapBytes() {
#ifdef __GLIBC__
    const struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
#else
    return 0;
#endif
}

Kiosk::Kiosk(KioskConfig config)
    : config_(std::move(config)), settings_(settingsOf(config_)), started_(steadySeconds()) {
#ifdef __GLIBC__
    // Weeks of uptime: every thread allocates from one heap, which malloc_trim
    // gives back whole. With glibc's heap per thread, the image decoders' heaps
    // held a few MiB of pages that came and went with where each load's
    // survivors fell (over a simulated day the resident floor moved up to
    // 1.9 MiB with the allocated bytes flat; with one heap, 0.05 MiB and 5 MiB
    // less). Decoding and frames are no slower: their big buffers are reused.
    mallopt(M_ARENA_MAX, 1);
#endif
    if (!config_.log.empty())
        log_ = std::make_unique<core::LogFile>(config_.log, kLogBytes, kLogFiles);
    log("kiosk started: " + std::to_string(config_.sites.size()) + " site(s), idle " +
        std::to_string(static_cast<int>(config_.idleSeconds)) + " s" +
        (config_.file.empty() ? "" : ", config " + config_.file.string()));
    if (!config_.pin)
        log("warning: no operator PIN in the config: the operator panel opens without one");
}

void Kiosk::log(const std::string& line) {
    std::fprintf(stderr, "friche kiosk: %s\n", line.c_str());
    if (log_) log_->write(line);
}

void Kiosk::error(const std::string& line) {
    lastError_ = line;
    log("error: " + line);
}

bool Kiosk::admit(const SDL_Event& event, glm::vec2 windowSize) {
    switch (input_.filter(event, windowSize, access_)) {
        case KioskVerdict::Pass:
            return true;
        case KioskVerdict::AskPin:
            access_ = KioskAccess::PinPad;
            pad_ = {};
            return false;
        case KioskVerdict::Swallow:
            return false;
    }
    return false;
}

std::optional<scene::Language> Kiosk::bannerLanguage(glm::vec2 point) const {
    for (const ui::BannerTarget& t : banner_) {
        if (point.x >= t.min.x && point.x <= t.max.x && point.y >= t.min.y && point.y <= t.max.y)
            return t.language;
    }
    return std::nullopt;
}

void Kiosk::submitPin() {
    if (!config_.pin || core::verifyPin(pad_.digits, *config_.pin)) {
        access_ = KioskAccess::Operator;
        log("operator panel opened");
        return;
    }
    log("wrong operator PIN entered");
    pad_.digits.clear();
    pad_.wrong = true;
}

KioskAction Kiosk::overlays(ScenarioSession& session, float frameMs) {
    if (access_ == KioskAccess::Visitor && input_.longPressDue(SDL_GetTicks())) {
        access_ = KioskAccess::PinPad;
        pad_ = {};
    }
    scene::Story& story = session.story();
    banner_.clear();
    if (story.attracting()) banner_ = ui::attractBanner(config_.languages);
    const double left = session.idleRemaining();
    if (access_ == KioskAccess::Visitor && left <= config_.countdownSeconds)
        ui::idleCountdown(left, story.language());
    if (access_ == KioskAccess::PinPad) {
        // Without a PIN in the config, the pad opens the panel at once.
        const ui::PinPadResult r = config_.pin ? ui::pinPad(pad_) : ui::PinPadResult::Submitted;
        if (r == ui::PinPadResult::Submitted) submitPin();
        if (r == ui::PinPadResult::Cancelled) access_ = KioskAccess::Visitor;
        return KioskAction::None;
    }
    if (access_ != KioskAccess::Operator) return KioskAction::None;
    const ui::KioskHealth health{frameMs,
                                 static_cast<double>(residentBytes()) / (1 << 20),
                                 static_cast<double>(heapBytes()) / (1 << 20),
                                 gfx::liveObjects(),
                                 steadySeconds() - started_,
                                 lastError_};
    switch (ui::operatorPanel(settings_, health, !config_.file.empty())) {
        case ui::OperatorAction::Exit:
            log("operator exit");
            return KioskAction::Exit;
        case ui::OperatorAction::Lock:
            access_ = KioskAccess::Visitor;
            return KioskAction::None;
        case ui::OperatorAction::BackToStart:
            return KioskAction::BackToStart;
        case ui::OperatorAction::ApplyScale:
            scaleChosen_ = true;
            return KioskAction::Rescale;
        case ui::OperatorAction::Save: {
            config_.language = settings_.language;
            config_.idleSeconds = settings_.idleSeconds;
            if (scaleChosen_) config_.uiScale = settings_.uiScale;
            story.setIdleSeconds(config_.idleSeconds);
            core::Problems problems;
            if (writeKioskConfig(config_, problems))
                log("settings saved to " + config_.file.string());
            else
                error(core::formatProblem(config_.file.string(), problems.list().front()));
            return KioskAction::None;
        }
        case ui::OperatorAction::None:
            return KioskAction::None;
    }
    return KioskAction::None;
}

bool Kiosk::animating(const ScenarioSession& session) const {
    return input_.pressing() || access_ != KioskAccess::Visitor ||
           session.idleRemaining() <= config_.countdownSeconds;
}

}  // namespace friche::app
