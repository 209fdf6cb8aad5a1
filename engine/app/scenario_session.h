// The viewer's scenario: the story that is open, where its timeline stands,
// the language, the camera's flight to a phase's view, the other sites one
// can switch to, and the looks of the model's nodes the renderer draws.
// It draws the scenario's panels (timeline, phase card, site panel, hotspot
// labels) and moves the orbit camera it is lent; the viewer owns the rest.
//
//   auto s = ScenarioSession::load("scenes/seraing.json", problems);   // nullopt: errors
//   auto site = io::loadSiteModel(s->scenario());  s->attach(site.site);  model = site.site.model;
//   s->startView(view.orbit);                          // after framing the site
//   each frame: s->advance(view.orbit);  auto next = s->drawPanels(camera, size, view.orbit);
//               params.looks = s->looks();  if (next) switch to *next;
//   while (s->animating()) keep drawing;
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "scene/camera_flight.h"
#include "scene/compare.h"
#include "scene/idle_timer.h"
#include "scene/layer_look.h"
#include "scene/model.h"
#include "scene/orbit_camera.h"
#include "scene/scenario.h"
#include "scene/sight_lines.h"
#include "scene/site_model.h"
#include "scene/timeline.h"
#include "scene/view_state.h"

namespace friche::app {

// A scenario file one can switch to, by its site's name.
struct SiteFile {
    std::filesystem::path file;
    scene::LocalText name;
};

// The scenarios in `folder` that load without errors, in file-name order.
std::vector<SiteFile> listSites(const std::filesystem::path& folder);

class ScenarioSession {
public:
    // Loads and validates `file`; nullopt when it has errors (all in `problems`).
    static std::optional<ScenarioSession> load(const std::filesystem::path& file,
                                               core::Problems& problems);

    const scene::Scenario& scenario() const { return scenario_; }
    // Takes the site's node owners (for the looks) and indexes its geometry
    // (for the labels' lines of sight), keeping pointers into site.model's
    // meshes: the caller keeps that model, moved or not, while the session lives.
    void attach(const scene::SiteModel& site);
    // Keeps the language, the site list and the compare mode of the session this one replaces.
    void inherit(ScenarioSession&& previous);

    // Moves `orbit` (already framed on the site, for its near and far planes)
    // to the scenario's start view, if it has one.
    void startView(scene::OrbitCamera& orbit) const;

    // Advances the timeline and the camera flight by the time since the last frame.
    void advance(scene::OrbitCamera& orbit);
    // Draws the panels and labels as seen through `camera` (inside ImGui's
    // frame); a view button starts a flight of `orbit`. Returns the scenario
    // file the user picked, if any.
    std::optional<std::filesystem::path> drawPanels(const scene::CameraView& camera,
                                                    glm::vec2 windowSize,
                                                    scene::OrbitCamera& orbit);

    // Every model node's look at the timeline's position, for render::ViewParams.
    std::vector<scene::NodeLook> looks() const;
    // The same, at one phase: a side of compare mode.
    std::vector<scene::NodeLook> looksAt(int phase) const;
    // Compare mode, its two phases and the swipe divider, set by its panel.
    scene::Compare& compare() { return compare_; }
    const scene::Compare& compare() const { return compare_; }
    // True while something moves on its own: keep drawing frames.
    bool animating() const;

    // The exhibition's idle rule (scene::IdleTimer): seconds without input
    // before the story goes back to its start and plays in a loop; 0 never.
    void setIdleSeconds(double seconds) { idle_ = scene::IdleTimer(seconds); }
    // Someone touched the screen, a key or the mouse: ends an attract loop.
    void userActed();
    // True once when the idle time has run out: the viewer then goes back to
    // its first site and calls attract().
    bool idleExpired();
    // The start view, the first phase, compare off, the first language, and
    // the story playing in a loop until the next input.
    void attract(scene::OrbitCamera& orbit);
    // The user took the camera: stop flying it.
    void cancelFlight() { flight_.cancel(); }

private:
    explicit ScenarioSession(scene::Scenario scenario);
    double tick();  // seconds of motion since the last frame, bounded
    void followPhase(scene::OrbitCamera& orbit);
    void flyTo(int view, scene::OrbitCamera& orbit);

    scene::Scenario scenario_;
    scene::Timeline timeline_;
    std::optional<scene::ModelLooks> looks_;
    std::optional<scene::SightLines> sight_;
    // The sites are in Wallonia and Luxembourg: French first.
    static constexpr scene::Language kFirstLanguage = scene::Language::Fr;
    scene::Language language_ = kFirstLanguage;
    scene::CameraFlight flight_;
    int viewPhase_ = 0;  // the phase whose view the camera last flew to
    bool dragging_ = false;
    scene::Compare compare_;
    std::vector<SiteFile> sites_;
    std::optional<std::chrono::steady_clock::time_point> lastFrame_;
    scene::IdleTimer idle_;
};

}  // namespace friche::app
