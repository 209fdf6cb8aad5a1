#include "app/scenario_session.h"

#include <imgui.h>
#include <algorithm>

#include "io/scenario_loader.h"
#include "ui/site_picker.h"
#include "ui/story_panels.h"

namespace friche::app {

namespace fs = std::filesystem;

namespace {

// On a software renderer a frame can take half a second; motion keeps to the
// clock up to this, and slows down beyond it rather than jumping.
constexpr double kMaxFrameSeconds = 0.5;

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

std::vector<SiteFile> listSites(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<SiteFile> sites;
    for (const fs::path& f : files) {
        io::ScenarioResult r = io::loadScenario(f);
        if (r.ok()) sites.push_back({f, r.scenario.site.name});
    }
    return sites;
}

std::optional<ScenarioSession> ScenarioSession::load(const fs::path& file,
                                                     core::Problems& problems) {
    io::ScenarioResult r = io::loadScenario(file);
    problems.append(r.problems);
    if (!r.ok()) return std::nullopt;
    ScenarioSession session(std::move(r.scenario));
    session.sites_ = listSites(file.parent_path());
    return session;
}

void ScenarioSession::inherit(ScenarioSession&& previous) {
    story_.inherit(previous.story_);
    sites_ = std::move(previous.sites_);
}

double ScenarioSession::tick() {
    const auto now = std::chrono::steady_clock::now();
    // After an idle wait the time since the last frame is not motion: start from now.
    const double seconds =
        lastFrame_ && animating() ? std::chrono::duration<double>(now - *lastFrame_).count() : 0.0;
    lastFrame_ = now;
    return std::clamp(seconds, 0.0, kMaxFrameSeconds);
}

void ScenarioSession::advance() {
    story_.advance(tick());
}

std::optional<fs::path> ScenarioSession::drawPanels(glm::vec2 windowSize) {
    const float em = ImGui::GetFontSize();
    dragging_ = ui::storyPanels(story_, windowSize);
    std::vector<scene::LocalText> names;
    int current = -1;
    for (const SiteFile& s : sites_) {
        std::error_code ec;
        if (fs::equivalent(s.file, story_.scenario().file, ec))
            current = static_cast<int>(names.size());
        names.push_back(s.name);
    }
    // Below the Model panel's collapsed title bar.
    const ui::SiteChoice choice =
        ui::sitePanel({names, current}, story_.scenario().views, story_.language(), em * 3.0f);
    if (choice.view) story_.flyTo(*choice.view, windowSize.x / std::max(windowSize.y, 1.0f));
    if (choice.site) return sites_[static_cast<std::size_t>(*choice.site)].file;
    return std::nullopt;
}

void ScenarioSession::userActed() {
    story_.userActed(steadySeconds());
}

bool ScenarioSession::idleExpired() {
    return story_.idleExpired(steadySeconds());
}

}  // namespace friche::app
