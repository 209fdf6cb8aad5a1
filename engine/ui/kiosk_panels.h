// What an exhibition screen adds to the story's panels: the operator's PIN
// pad and panel, the countdown before the attract loop, and the attract
// loop's invitation in every language.
//
//   if (pinPad(pad) == PinPadResult::Submitted) check(pad.digits);
//   switch (operatorPanel(settings, health)) { case OperatorAction::Exit: ... }
//   idleCountdown(secondsLeft, language);
//   auto tapped = attractBanner(languages);   // where each language's words are
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/locale.h"

namespace friche::ui {

// The top right corner an operator long-presses for the PIN pad
// (app/kiosk_input.h), its side as a fraction of the screen's height; the
// visitor panels keep out of it.
inline constexpr float kOperatorCorner = 1.0f / 12.0f;

// The PIN pad's state between frames.
struct PinPad {
    std::string digits;
    bool wrong = false;  // the last PIN entered was refused
};

enum class PinPadResult { None, Submitted, Cancelled };

// A keypad in the middle of the screen, finger-sized; a keyboard's digits,
// Backspace, Enter and Esc work too. On Submitted, `pad.digits` is the PIN.
PinPadResult pinPad(PinPad& pad);

// What the operator panel shows of the running kiosk.
struct KioskHealth {
    float frameMs = 0.0f;
    double residentMiB = 0.0;
    double heapMiB = 0.0;  // allocated and not freed
    long glObjects = 0;
    double uptimeSeconds = 0.0;
    std::string lastError;
};

// What the operator may change; saved to the kiosk config on request.
struct KioskSettings {
    scene::Language language = scene::Language::Fr;  // the default language
    std::vector<scene::Language> offered;
    double idleSeconds = 120.0;
    float uiScale = 1.0f;
    bool showLight = false;  // the Light panel (sky, sun, exposure, debug views)
    bool showModel = false;  // the Model panel (scenes, cameras, statistics)
};

enum class OperatorAction { None, Exit, Lock, BackToStart, Save, ApplyScale };

OperatorAction operatorPanel(KioskSettings& settings, const KioskHealth& health, bool canSave);

// "Back to the start in 7 s", large, at the bottom centre, in `language`.
void idleCountdown(double secondsLeft, scene::Language language);

// Where the attract banner drew each language's invitation (window points),
// so that the press that ends the loop can pick the language it landed on.
struct BannerTarget {
    scene::Language language;
    glm::vec2 min{0.0f};
    glm::vec2 max{0.0f};
};

// "Touchez l'écran pour explorer · Raak het scherm aan · ..." across the
// screen, one line per offered language.
std::vector<BannerTarget> attractBanner(const std::vector<scene::Language>& languages);

}  // namespace friche::ui
