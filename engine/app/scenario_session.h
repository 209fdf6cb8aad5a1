// The viewer's scenario: a scene::Story (the one the stills and the video
// tell too) on the wall clock, with the panels that edit it (timeline, phase
// card, compare, site picker, hotspot labels) and the other sites one can
// switch to.
//
//   auto s = ScenarioSession::load("scenes/seraing.json", problems);   // nullopt: errors
//   auto site = io::loadSiteModel(s->story().scenario());  s->attach(site.site);
//   each frame: s->advance();  auto next = s->drawPanels(windowSize);
//               draw s->story().parts(w, h);  if (next) switch to *next;
//   while (s->animating()) keep drawing;
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "scene/site_model.h"
#include "scene/story.h"

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

    scene::Story& story() { return story_; }
    const scene::Story& story() const { return story_; }
    // See scene::Story::attach: the caller keeps site.model while the session lives.
    void attach(const scene::SiteModel& site) { story_.attach(site); }
    // Keeps the story's language, compare mode and idle rule, and the site list.
    void inherit(ScenarioSession&& previous);

    // Advances the story by the time since the last frame.
    void advance();
    // Draws the panels and labels over a window of `windowSize` points (inside
    // ImGui's frame). Returns the scenario file the user picked, if any.
    std::optional<std::filesystem::path> drawPanels(glm::vec2 windowSize);
    // True while something moves on its own or the timeline is dragged: keep drawing frames.
    bool animating() const { return story_.animating() || dragging_; }

    // The exhibition's idle rule on the steady clock (scene::Story).
    void userActed();
    bool idleExpired();

private:
    explicit ScenarioSession(scene::Scenario scenario) : story_(std::move(scenario)) {}
    double tick();  // seconds of motion since the last frame, bounded

    scene::Story story_;
    bool dragging_ = false;
    std::vector<SiteFile> sites_;
    std::optional<std::chrono::steady_clock::time_point> lastFrame_;
};

}  // namespace friche::app
