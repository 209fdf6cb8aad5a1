// The exhibition screen around the viewer (`friche --kiosk`): what visitors
// may do (app/kiosk_input.h), the operator's PIN pad and panel, the countdown
// and invitation of the attract loop, the log, and the health figures.
//
//   Kiosk kiosk(config);
//   each event:  if (!kiosk.admit(e, windowSize)) continue;        // swallowed or the PIN chord
//   each frame:  switch (kiosk.overlays(session, frameMs)) { case KioskAction::Exit: ... }
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <SDL.h>

#include <glm/glm.hpp>

#include "app/kiosk_config.h"
#include "app/kiosk_input.h"
#include "app/scenario_session.h"
#include "core/log_file.h"
#include "ui/kiosk_panels.h"

namespace friche::app {

enum class KioskAction {
    None,
    Exit,         // the operator's Exit: end with status 0
    BackToStart,  // the first site at its start
    Rescale,      // the operator changed the UI scale (settings().uiScale)
};

class Kiosk {
public:
    explicit Kiosk(KioskConfig config);

    const KioskConfig& config() const { return config_; }
    KioskAccess access() const { return access_; }
    const ui::KioskSettings& settings() const { return settings_; }
    // The scale the interface has now, for the operator's slider.
    void setUiScale(float scale) { settings_.uiScale = scale; }
    // Whether the operator panel asks for the Light and Model panels.
    bool showLight() const { return access_ == KioskAccess::Operator && settings_.showLight; }
    bool showModel() const { return access_ == KioskAccess::Operator && settings_.showModel; }

    // Whether the viewer may handle `event`: false when the kiosk swallowed it
    // or took it (the operator's key chord opens the PIN pad).
    bool admit(const SDL_Event& event, glm::vec2 windowSize);
    // The language whose invitation a press at `point` landed on, while the
    // attract banner is up.
    std::optional<scene::Language> bannerLanguage(glm::vec2 point) const;

    // Inside ImGui's frame, over the story's panels: the PIN pad or operator
    // panel, the countdown, the attract banner. `frameMs`: the last frame's time.
    KioskAction overlays(ScenarioSession& session, float frameMs);
    // Whether frames must keep coming: a press held in the corner, a
    // countdown running, the PIN pad or operator panel open.
    bool animating(const ScenarioSession& session) const;

    // A line in the kiosk's log (and on stderr); errors are kept for the operator.
    void log(const std::string& line);
    void error(const std::string& line);

private:
    void submitPin();

    KioskConfig config_;
    ui::KioskSettings settings_;
    KioskInput input_;
    KioskAccess access_ = KioskAccess::Visitor;
    ui::PinPad pad_;
    std::vector<ui::BannerTarget> banner_;
    std::unique_ptr<core::LogFile> log_;
    std::string lastError_;
    bool scaleChosen_ = false;  // the operator set the UI scale: Save keeps it
    double started_ = 0.0;
};

// The process's resident memory in bytes (Linux: /proc/self/statm), 0 if unknown.
std::size_t residentBytes();
// The bytes the process has allocated and not freed (glibc's mallinfo2: in
// use in the heap and in mapped chunks), 0 where unknown. Unlike resident
// memory it does not count pages the allocator keeps after a free: a leak
// shows in it alone.
std::size_t heapBytes();

}  // namespace friche::app
