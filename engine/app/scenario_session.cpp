#include "app/scenario_session.h"

#include <imgui.h>
#include <algorithm>
#include <chrono>

#include "io/scenario_loader.h"
#include "ui/site_picker.h"
#include "ui/story_panels.h"

namespace friche::app {

namespace fs = std::filesystem;

namespace {

// On a software renderer a frame can take half a second; motion keeps to the
// clock up to this, and slows down beyond it rather than jumping.
constexpr double kMaxFrameSeconds = 0.5;

}  // namespace

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

std::vector<SiteFile> sitesAmong(const std::vector<fs::path>& files, bool withFictional) {
    std::vector<SiteFile> sites;
    for (const fs::path& f : files) {
        io::ScenarioResult r = io::loadScenario(f);
        if (r.ok() && (withFictional || !r.scenario.site.fictional))
            sites.push_back({f, r.scenario.site.name});
    }
    return sites;
}

}  // namespace

std::vector<SiteFile> siteFiles(const std::vector<fs::path>& files) {
    return sitesAmong(files, true);
}

std::vector<SiteFile> listSites(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return sitesAmong(files, false);
}

std::optional<ScenarioSession> ScenarioSession::load(const fs::path& file,
                                                     core::Problems& problems) {
    io::ScenarioResult r = io::loadScenario(file);
    problems.append(r.problems);
    if (!r.ok()) return std::nullopt;
    return of(std::move(r.scenario));
}

ScenarioSession ScenarioSession::of(scene::Scenario scenario) {
    const fs::path folder = scenario.file.parent_path();
    ScenarioSession session(std::move(scenario));
    session.sites_ = listSites(folder);
    return session;
}

void ScenarioSession::inherit(ScenarioSession&& previous) {
    story_.inherit(previous.story_);
    sites_ = std::move(previous.sites_);
    style_ = std::move(previous.style_);
    clock_ = std::move(previous.clock_);
}

double ScenarioSession::tick() {
    const double now = clock_();
    // After an idle wait the time since the last frame is not motion: start from now.
    const double seconds = lastFrame_ && animating() ? now - *lastFrame_ : 0.0;
    lastFrame_ = now;
    return std::clamp(seconds, 0.0, kMaxFrameSeconds);
}

void ScenarioSession::advance() {
    story_.advance(tick());
}

PanelChoice ScenarioSession::drawPanels(glm::vec2 windowSize, ui::StoryPanelOptions shown) {
    const float em = ImGui::GetFontSize();
    shown.kiosk = style_.kiosk;
    dragging_ = ui::storyPanels(story_, windowSize, shown);
    std::vector<scene::LocalText> names;
    int current = -1;
    for (const SiteFile& s : sites_) {
        std::error_code ec;
        if (fs::equivalent(s.file, story_.scenario().file, ec))
            current = static_cast<int>(names.size());
        names.push_back(s.name);
    }
    // Below the Model panel's collapsed title bar; an exhibition has none.
    const ui::SiteChoice choice =
        ui::sitePanel({names, current, style_.languages, style_.kiosk}, story_.scenario().views,
                      story_.language(), style_.kiosk ? em * 0.6f : em * 3.0f);
    if (choice.view) story_.flyTo(*choice.view, windowSize.x / std::max(windowSize.y, 1.0f));
    PanelChoice picked;
    picked.backToStart = choice.backToStart;
    if (choice.site) picked.site = sites_[static_cast<std::size_t>(*choice.site)].file;
    return picked;
}

void ScenarioSession::userActed() {
    story_.userActed(clock_());
}

bool ScenarioSession::idleExpired() {
    return story_.idleExpired(clock_());
}

}  // namespace friche::app
