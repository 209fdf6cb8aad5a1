// The story of a scenario as every output tells it: the viewer, `friche
// render` and `friche video` each hold one Story and ask it what to draw.
// It owns the timeline, the language, compare mode, the camera (the story's
// own flights between the phases' views, a camera the user took, a flight to
// a bookmark) and the exhibition's idle rule. CPU only, no clock: time is
// passed in, so a video steps it at a fixed rate and tests step it by hand.
//
//   scene::Story story(scenario);
//   story.attach(site);                        // the assembled model: looks, bounds, sight lines
//   each frame:  story.advance(dt);
//                for (const StoryPart& p : story.parts(width, height)) draw p;
//   a drag:      story.holdCamera(moved);      // the camera stays until the story moves on
//
// The camera while the story leads is a function of the timeline's position
// alone (storyCamera): on a phase it looks through the phase's view; through a
// transition it flies from one phase's view to the next. So a still at 1.5, the
// viewer playing through 1.5 and a video's frame at 1.5 all see the same thing.
#pragma once

#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/camera_flight.h"
#include "scene/compare.h"
#include "scene/idle_timer.h"
#include "scene/layer_look.h"
#include "scene/locale.h"
#include "scene/orbit_camera.h"
#include "scene/scenario.h"
#include "scene/sight_lines.h"
#include "scene/site_model.h"
#include "scene/timeline.h"
#include "scene/view_state.h"

namespace friche::scene {

// One view of a frame: the whole frame, or a side of compare mode.
struct StoryPart {
    double position = 0.0;   // the timeline position this part shows
    VariantChoice variants;  // the variant each phase shows in this part
    glm::ivec4 viewport{0};  // pixels, origin bottom left (GL)
    glm::ivec4 scissor{0};   // the only pixels written (a swipe side); width 0: all
    CameraView camera;
};

class Story {
public:
    // The sites are in Wallonia and Luxembourg: French first.
    static constexpr Language kFirstLanguage = Language::Fr;
    // The screen a scenario's views are framed for (docs/scenario-format.md).
    // A narrower one keeps their width (keptWidth): a field of view up to 70
    // degrees high, then the eye up to 4 times as far back along the view,
    // where that is clear.
    static constexpr float kDesignedAspect = 16.0f / 9.0f;

    explicit Story(Scenario scenario);

    // Takes the site's node owners (for the looks), its bounds (for framing and
    // the depth range) and indexes its geometry (for the labels' lines of
    // sight), keeping pointers into site.model's meshes: the caller keeps that
    // model, moved or not, while the story lives.
    void attach(const SiteModel& site);
    // Keeps the language, the compare mode and the idle rule of the story this one replaces.
    void inherit(const Story& previous);

    const Scenario& scenario() const { return scenario_; }
    Timeline& timeline() { return timeline_; }
    const Timeline& timeline() const { return timeline_; }
    Language language() const { return language_; }
    Language& language() { return language_; }
    Compare& compare() { return compare_; }
    const Compare& compare() const { return compare_; }

    // Advances the timeline and the camera's flights by `seconds`.
    void advance(double seconds);
    // True while something moves on its own: a step, playback, a flight.
    bool animating() const;

    // ---- Variants: the alternative shown in each phase (Phase::variants)
    // -1: the phase as planned. Out of range: ignored.
    void setVariant(int phase, int variant);
    int variant(int phase) const { return variantIn(variants_, phase); }
    const VariantChoice& variants() const { return variants_; }

    // ---- The camera
    // What the camera shows now for an image of `aspect`, its depth range
    // fitted to the site.
    CameraView camera(float aspect) const;
    // The orbit behind camera(): the story's, the user's, or a flight between.
    OrbitCamera orbit(float aspect) const;
    // The story's camera at `position`: the view of the phase there (a phase
    // with none keeps the one before it; before any, the start view, else the
    // whole site framed), flying from one to the next through a transition.
    OrbitCamera storyCamera(double position, float aspect) const;
    // The user moved the camera to `orbit`: it stays there until the timeline
    // heads for another phase, when it flies back into the story.
    void holdCamera(const OrbitCamera& orbit);
    // Flies to the bookmark `view` and stays there (as holdCamera).
    void flyTo(int view, float aspect);
    // The same to a view that is not the scenario's (a user's viewpoint, a pin), as
    // it was saved: it is not widened on a narrower screen.
    void flyTo(const View& view, float aspect);
    // Looks through `view` from now on, with no flight, whatever the timeline
    // does (`--view` of a still or a video).
    void holdView(int view);
    // Leads the camera again at once (a new story, the attract loop's start).
    void followStory();
    // Goes to `position` (a tour's step), the timeline paused there, looking
    // through `view` (-1: the story's own camera there). Animated: the timeline
    // steps to a whole phase and the camera flies; else both are there at once.
    void goTo(double position, int view, float aspect, bool animated);

    // ---- What to draw
    // The frame's views for a target of width x height pixels: one, or
    // compare's two (swipe: each side a scissored part of one full view; side
    // by side: each half a view of its own through the same camera).
    std::vector<StoryPart> parts(int width, int height) const;
    // Every model node's look at `position`, for render::ViewParams::looks,
    // each phase with its variant in `variants` (by default the story's).
    std::vector<NodeLook> looksAt(double position) const { return looksAt(position, variants_); }
    std::vector<NodeLook> looksAt(double position, const VariantChoice& variants) const;
    // Draws `layer` at moved * its assembled placement from now on (nullopt: as assembled):
    // a proposal dragged on the ground, without assembling the site again.
    void moveLayer(int layer, std::optional<glm::mat4> moved);
    // The layer drawing model node `node` (SurfaceHit::node), -1: none.
    int layerOf(int node) const { return looks_ ? looks_->layerOf(node) : -1; }
    // The site's drawn triangles, for picking (nullptr before attach) and its bounds.
    const SightLines* sight() const { return sight_ ? &*sight_ : nullptr; }
    const Bounds& bounds() const { return bounds_; }
    // Whether an eye moving from `from` to `to` passes through a surface drawn
    // at `position`, or comes within a few metres of one (the story's flights
    // arc over what would make them).
    bool passesThrough(glm::vec3 from, glm::vec3 to, double position) const;
    // Per hotspot: whether drawn geometry hides its anchor from `eye` now.
    std::vector<bool> occludedHotspots(const glm::vec3& eye) const;

    // ---- The exhibition's idle rule, on any steady clock in seconds
    void setIdleSeconds(double seconds) { idle_ = IdleTimer(seconds); }
    // Someone touched the screen, a key or the mouse: ends an attract loop
    // where the story is.
    void userActed(double now);
    // True once when the idle time has run out (the viewer then goes back to
    // its first site and calls attract()).
    bool idleExpired(double now) { return idle_.expired(now); }
    bool attracting() const { return idle_.attracting(); }
    // Seconds until idleExpired() (infinite when never or already attracting).
    double idleRemaining(double now) const { return idle_.remaining(now); }
    // The first phase, compare off, `language` (an exhibition's default), and
    // the story playing in a loop, the camera flying back into it.
    void attract(Language language = kFirstLanguage);

    // How long the whole story plays at the viewer's pace from its first
    // phase: a hold on each phase and a transition between each two.
    double playSeconds() const;

    // The phase the timeline stands on or heads for (whose view leads the camera).
    int headingPhase() const;

private:
    // The view index shown at phase `phase`, -1: none (the home framing).
    int viewAtPhase(int phase) const;
    // The scenario's view `view` on a screen of `aspect`: narrower than the
    // views' design, keptWidth, its eye stepped back no further than
    // clearStepBack (stepBacks_).
    OrbitCamera viewOrbit(int view, float aspect) const;
    OrbitCamera home(float aspect) const;  // the whole site framed
    // The story's camera a fraction `t` through the flight out of phase
    // `phase`, arced up by `arc` at its middle (none at its two ends).
    OrbitCamera flight(int phase, float t, float arc, float aspect) const;
    // How far the flight out of phase `phase` arcs up on a screen of
    // `aspect`: arcs_, worked out on attach for the views' design, and for
    // another shape, or after forgetArcs, the first time it is shown.
    float arcOf(int phase, float aspect) const;
    float clearingArc(int phase, float aspect) const;
    // Where a flight heads, and the timeline's position, at one of the evenly
    // timed samples of its way.
    struct Waypoint {
        OrbitCamera to;
        double position;
    };
    // To `to`, the timeline going from `from` to `until` meanwhile.
    std::vector<Waypoint> steadyWay(const OrbitCamera& to, double from, double until) const;
    // To the story's camera, which the timeline (played on) may move
    // meanwhile, as the last frame drawn framed it.
    std::vector<Waypoint> wayBackIntoStory() const;
    // The least arc (in 5-degree steps, up to 45) whose flight from `from`
    // along `way` passes through or skims the fewest surfaces.
    float clearingArc(const OrbitCamera& from, const std::vector<Waypoint>& way) const;
    // passesThrough, keeping `clearance` metres from every surface at `to`.
    bool passesThrough(glm::vec3 from, glm::vec3 to, double position, float clearance) const;
    // How many times its distance the eye of `view` (a designed view) may
    // stand back along the view, in every phase, passing through nothing.
    float clearStepBack(const OrbitCamera& view) const;
    // After the site, a variant or a moved layer changed what the flights and
    // the views' step-backs pass.
    void forgetArcs();
    // From the camera now to `to`, where it then stays, arced over what is
    // drawn between.
    void flyFromHere(const OrbitCamera& to, float aspect);
    // From the user's camera (or a bookmark flight) back to the story's,
    // arced likewise, against the story's camera as it moves meanwhile.
    void flyBackIntoStory();

    Scenario scenario_;
    Timeline timeline_;
    Language language_ = kFirstLanguage;
    Compare compare_;
    std::optional<ModelLooks> looks_;
    std::optional<SightLines> sight_;
    Bounds bounds_;
    // For a screen's shape (its aspect, no wider than the views' design), per
    // phase but the last: how far (radians of pitch, at the middle) the flight
    // to the next phase's view arcs up so that its eye passes through nothing
    // drawn: a city block between two views is flown over, not through. 0: the
    // straight flight does; nullopt: not worked out yet. The last few shapes
    // shown (a screen, and its compare sides) are kept.
    struct ShapeArcs {
        float aspect;
        std::vector<std::optional<float>> arcs;
    };
    mutable std::vector<ShapeArcs> arcs_;
    // The shape of the last frame drawn (parts), whose story camera a flight
    // back into the story heads for.
    mutable float drawnAspect_ = kDesignedAspect;
    // Per view: clearStepBack, worked out the first time a screen narrower
    // than the views' design shows it; nullopt: not yet.
    mutable std::vector<std::optional<float>> stepBacks_;
    std::vector<std::optional<glm::mat4>> moves_;  // per layer, see moveLayer
    VariantChoice variants_;

    // The camera: the story's (neither held nor flying), the user's (held_),
    // or a flight from `flight_`'s start to a bookmark (flightTo_) or back
    // into the story (no flightTo_).
    std::optional<OrbitCamera> held_;
    CameraFlight flight_;
    std::optional<OrbitCamera> flightTo_;
    int heading_ = 0;  // headingPhase() when last advanced
    // held_ stays held (holdView): this view's, framed for each screen that shows it.
    std::optional<int> pinned_;

    IdleTimer idle_;
};

}  // namespace friche::scene
