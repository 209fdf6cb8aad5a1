// A workshop in the viewer: a facilitator leads a group through a scenario's
// guided tour with a presentation clicker, shows a phase's variants, pins what
// the group says on the 3D surfaces, lets the groups place their dots, and all
// of it is recorded in a session file (workshop::SessionStore) that survives a
// kill; a tablet can drive it over HTTP (remote::RemoteServer). The state, the
// keys, what a click does, the panels and what they draw over the view.
//
//   Workshop w;
//   if (!w.start({.tour = "visite", .session = "atelier.friche"}, story, aspect, error)) ...;
//   an event:    if (w.key(event, story, aspect)) the rest leaves it;
//                if (w.pointer(pointer, story, camera, windowSize)) the camera leaves it;
//   each frame:  w.frame(story, camera, windowSize);   // inside ImGui's frame
//                storyPanels(..., {.card = w.showCard(), .labels = w.showLabels()});
//   a black screen (B or . on the clicker): w.blackout()
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>
#include <glm/glm.hpp>

#include "remote/remote_server.h"
#include "scene/camera_controller.h"
#include "scene/story.h"
#include "scene/tour.h"
#include "workshop/session_store.h"

namespace friche::app {

struct WorkshopOptions {
    std::optional<std::string> tour;               // starts this tour (scene::Tour::id)
    std::optional<std::filesystem::path> session;  // none: a session in memory
    std::optional<remote::Options> remote;         // the tablet remote, off by default
};

// A pin's camera as a view of the story (to fly to, or to look through in the
// report's still), and the story's camera as a pin's.
scene::View pinView(const workshop::PinCamera& camera);
workshop::PinCamera pinCamera(const scene::OrbitCamera& orbit);

// The keys presentation clickers send (and a keyboard used as one).
enum class ClickerKey { None, Next, Previous, Blackout, StartTour, ResumeTour };
ClickerKey clickerKey(const SDL_Event& event);

class Workshop {
public:
    // Opens (or creates) the session of `story`'s scenario and puts the story
    // back where the session stood; starts the tour and the remote. False with
    // `error` naming the file or the option.
    bool start(const WorkshopOptions& options, scene::Story& story, float aspect,
               std::string& error);

    // A clicker's key: true when it was the workshop's. Text being typed keeps its keys.
    bool key(const SDL_Event& event, scene::Story& story, float aspect);
    // A click dropping or moving a pin, or picking one: true when it was the workshop's.
    bool pointer(const scene::PointerEvent& event, scene::Story& story,
                 const scene::CameraView& camera, glm::vec2 windowSize);
    // Inside ImGui's frame, after the story's panels: the remote's requests
    // carried out, the step's card, the facilitator's panel, the pins over the
    // view; then where the story stands is saved and the screen's state
    // published. True when the panel moved: draw another frame to settle it.
    bool frame(scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize);
    // Pins over a still of `size` (the viewer's Still button), for the camera `camera`.
    void overlay(const scene::Story& story, const scene::CameraView& camera, glm::vec2 size) const;

    bool blackout() const { return blackout_; }
    // What the tour's current step shows of the story's own panels.
    bool showCard(const scene::Story& story) const;
    bool showLabels(const scene::Story& story) const;
    // Carries out the tablet remote's requests (and notices what it stored):
    // true when something changed and a frame should be drawn.
    bool poll(scene::Story& story, float aspect);
    bool remote() const { return remote_ != nullptr; }

private:
    void startTour(scene::Story& story, int tour, int step, float aspect);
    void showStep(scene::Story& story, float aspect);
    void apply(const remote::Command& command, scene::Story& story, float aspect);
    void refresh();
    void cameraForNewPins(const scene::Story& story, float aspect);
    const workshop::Pin* pinById(std::int64_t id) const;
    std::vector<std::int64_t> shownPins(const scene::Story& story) const;
    void dropPin(scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize,
                 glm::vec2 at);
    void stepCard(const scene::Story& story, glm::vec2 windowSize);
    bool panel(scene::Story& story, float aspect);
    void groupEditor();
    void variantsPanel(scene::Story& story, int phase);
    void pinsPanel(scene::Story& story, float aspect);
    void selectPin(scene::Story& story, std::int64_t id, float aspect);
    void vote(const std::string& target, int delta);
    void savePlace(const scene::Story& story);
    remote::ScreenState screenState(const scene::Story& story) const;
    void fail(const std::string& error) { notice_ = error; }

    std::unique_ptr<workshop::SessionStore> store_;
    std::unique_ptr<remote::RemoteServer> remote_;
    std::optional<scene::TourRun> tour_;
    bool blackout_ = false;
    bool unfolded_ = false;  // the Workshop panel opens unfolded
    glm::vec2 dock_{0.0f};   // where the panel's top and bottom were docked last frame

    // The store's content as last read, and what the facilitator works on.
    std::uint64_t revision_ = 0;
    std::vector<workshop::Pin> pins_;
    std::vector<workshop::Group> groups_;
    std::vector<workshop::VoteCount> votes_;
    std::int64_t group_ = 0;     // the group new pins and dots are for
    std::int64_t selected_ = 0;  // 0: none
    enum class Tool { None, Drop, Move } tool_ = Tool::None;
    std::array<char, 2048> text_{};  // the selected pin's text being edited
    bool focusText_ = false;         // scroll the text field into view next frame
    std::string notice_;             // the last store error, shown in the panel
    std::optional<workshop::Place> saved_;
};

}  // namespace friche::app
