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

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "scene/site_model.h"
#include "scene/story.h"
#include "ui/story_panels.h"

namespace friche::app {

// A scenario file one can switch to, by its site's name.
struct SiteFile {
    std::filesystem::path file;
    scene::LocalText name;
};

// The scenarios in `folder` that load without errors and show a real site
// (not a fictional example), in file-name order.
std::vector<SiteFile> listSites(const std::filesystem::path& folder);
// The scenarios `files`, in that order (an exhibition's picker); those that do
// not load are left out.
std::vector<SiteFile> siteFiles(const std::vector<std::filesystem::path>& files);

// What the user asked for on the panels this frame.
struct PanelChoice {
    std::optional<std::filesystem::path> site;  // another scenario to open
    bool backToStart = false;                   // an exhibition's "back to start"
};

// How the panels are shown: the viewer's, or an exhibition's visitor panels.
struct PanelStyle {
    bool kiosk = false;
    std::vector<scene::Language> languages;  // the language buttons; empty: all four
};

// Seconds on a steady clock: the viewer's is the system's; tests pass their own.
using Clock = std::function<double()>;
double steadySeconds();

class ScenarioSession {
public:
    // Loads and validates `file`; nullopt when it has errors (all in `problems`).
    static std::optional<ScenarioSession> load(const std::filesystem::path& file,
                                               core::Problems& problems);
    // A scenario already loaded and changed (an architect's proposal added to it).
    static ScenarioSession of(scene::Scenario scenario);

    scene::Story& story() { return story_; }
    const scene::Story& story() const { return story_; }
    // See scene::Story::attach: the caller keeps site.model while the session lives.
    void attach(const scene::SiteModel& site) { story_.attach(site); }
    // Keeps the story's language, compare mode and idle rule, the site list,
    // the panels' style and the clock.
    void inherit(ScenarioSession&& previous);
    void setSites(std::vector<SiteFile> sites) { sites_ = std::move(sites); }
    void setStyle(PanelStyle style) { style_ = std::move(style); }
    void setClock(Clock clock) { clock_ = std::move(clock); }
    double now() const { return clock_(); }

    // Advances the story by the time since the last frame.
    void advance();
    // Draws the panels and labels over a window of `windowSize` points (inside
    // ImGui's frame). Returns what the user picked.
    // `shown`: what a workshop's tour step shows (its kiosk flag is the style's).
    PanelChoice drawPanels(glm::vec2 windowSize, ui::StoryPanelOptions shown = {});
    // True while something moves on its own or the timeline is dragged: keep drawing frames.
    bool animating() const { return story_.animating() || dragging_; }

    // The exhibition's idle rule on the session's clock (scene::Story).
    void userActed();
    bool idleExpired();
    double idleRemaining() const { return story_.idleRemaining(now()); }

private:
    explicit ScenarioSession(scene::Scenario scenario) : story_(std::move(scenario)) {}
    double tick();  // seconds of motion since the last frame, bounded

    scene::Story story_;
    bool dragging_ = false;
    std::vector<SiteFile> sites_;
    PanelStyle style_;
    Clock clock_ = steadySeconds;
    std::optional<double> lastFrame_;
};

}  // namespace friche::app
