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

ScenarioSession::ScenarioSession(scene::Scenario scenario)
    : scenario_(std::move(scenario)), timeline_(static_cast<int>(scenario_.phases.size())) {
    // Before and after: the story's two ends.
    compare_.phaseB = static_cast<int>(scenario_.phases.size()) - 1;
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

void ScenarioSession::attach(const scene::SiteModel& site) {
    looks_.emplace(scenario_, site);
    sight_.emplace(site.model, site.model.defaultScene);
}

void ScenarioSession::inherit(ScenarioSession&& previous) {
    language_ = previous.language_;
    // The new site's phases differ: its two ends, compared the same way.
    compare_.mode = previous.compare_.mode;
    compare_.split = previous.compare_.split;
    sites_ = std::move(previous.sites_);
    idle_ = previous.idle_;
}

void ScenarioSession::startView(scene::OrbitCamera& orbit) const {
    if (scenario_.startView >= 0)
        orbit = scenario_.views[static_cast<std::size_t>(scenario_.startView)].orbit(orbit);
}

double ScenarioSession::tick() {
    const auto now = std::chrono::steady_clock::now();
    // After an idle wait the time since the last frame is not motion: start from now.
    const double seconds =
        lastFrame_ && animating() ? std::chrono::duration<double>(now - *lastFrame_).count() : 0.0;
    lastFrame_ = now;
    return std::clamp(seconds, 0.0, kMaxFrameSeconds);
}

void ScenarioSession::flyTo(int view, scene::OrbitCamera& orbit) {
    flight_.start(orbit, scenario_.views[static_cast<std::size_t>(view)].orbit(orbit));
}

// Reaching a phase (or setting off towards one) flies to its view.
void ScenarioSession::followPhase(scene::OrbitCamera& orbit) {
    const int phase = timeline_.stepTarget().value_or(timeline_.nearestPhase());
    if (phase == viewPhase_) return;
    viewPhase_ = phase;
    const int view = scenario_.phases[static_cast<std::size_t>(phase)].view;
    if (view >= 0) flyTo(view, orbit);
}

void ScenarioSession::advance(scene::OrbitCamera& orbit) {
    const double seconds = tick();
    timeline_.update(seconds);
    followPhase(orbit);
    if (flight_.active()) orbit = flight_.update(seconds);
}

std::optional<fs::path> ScenarioSession::drawPanels(const scene::CameraView& camera,
                                                    glm::vec2 windowSize,
                                                    scene::OrbitCamera& orbit) {
    const float em = ImGui::GetFontSize();
    ui::StoryView view{camera.projection * camera.view, windowSize, {}};
    if (sight_) view.occluded = sight_->blocked(camera.eye, scenario_.hotspots, looks());
    dragging_ = ui::storyPanels(scenario_, timeline_, compare_, language_, view);
    std::vector<scene::LocalText> names;
    int current = -1;
    for (const SiteFile& s : sites_) {
        std::error_code ec;
        if (fs::equivalent(s.file, scenario_.file, ec)) current = static_cast<int>(names.size());
        names.push_back(s.name);
    }
    // Below the Model panel's collapsed title bar.
    const ui::SiteChoice choice =
        ui::sitePanel({names, current}, scenario_.views, language_, em * 3.0f);
    if (choice.view) flyTo(*choice.view, orbit);
    if (choice.site) return sites_[static_cast<std::size_t>(*choice.site)].file;
    return std::nullopt;
}

std::vector<scene::NodeLook> ScenarioSession::looks() const {
    if (!looks_) return {};
    return looks_->at(scenario_, timeline_.position());
}

std::vector<scene::NodeLook> ScenarioSession::looksAt(int phase) const {
    if (!looks_) return {};
    return looks_->at(scenario_, static_cast<double>(phase));
}

namespace {

double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void ScenarioSession::userActed() {
    if (idle_.attracting()) timeline_.pause();  // the visitor takes over where the story is
    idle_.input(steadySeconds());
}

bool ScenarioSession::idleExpired() {
    return idle_.expired(steadySeconds());
}

void ScenarioSession::attract(scene::OrbitCamera& orbit) {
    compare_.mode = scene::CompareMode::Off;
    language_ = kFirstLanguage;
    timeline_.setPosition(0.0);
    timeline_.setLoop(true);
    timeline_.play();
    viewPhase_ = 0;
    if (scenario_.startView >= 0) flyTo(scenario_.startView, orbit);
}

bool ScenarioSession::animating() const {
    return timeline_.playing() || timeline_.stepTarget().has_value() || flight_.active() ||
           dragging_;
}

}  // namespace friche::app
