#include "ui/kiosk_panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "ui/keys.h"
#include "ui/touch.h"

namespace friche::ui {

namespace {

constexpr std::size_t kMaxPinDigits = 12;
constexpr ImGuiWindowFlags kOverlayFlags =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
// An overlay that only shows: appearing, it takes no focus (which would close
// a list a visitor has open) and no touch.
constexpr ImGuiWindowFlags kPassiveFlags = ImGuiWindowFlags_NoInputs |
                                           ImGuiWindowFlags_NoFocusOnAppearing |
                                           ImGuiWindowFlags_NoBringToFrontOnFocus;
const ImVec4 kWarning{1.0f, 0.45f, 0.35f, 1.0f};

void section(const char* name) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", name);
    ImGui::Separator();
}

void centreNextWindow(float yFraction) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * yFraction), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
}

// Digits typed on a keyboard this frame.
void typedDigits(PinPad& pad) {
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        if (c >= '0' && c <= '9' && pad.digits.size() < kMaxPinDigits)
            pad.digits += static_cast<char>(c);
    }
}

void pinDots(const PinPad& pad) {
    std::string dots;
    for (std::size_t i = 0; i < pad.digits.size(); ++i) dots += "\xE2\x97\x8F ";  // ●
    ImGui::SetWindowFontScale(1.5f);
    ImGui::TextUnformatted(dots.empty() ? " " : dots.c_str());  // the line keeps its height
    ImGui::SetWindowFontScale(1.0f);
}

}  // namespace

PinPadResult pinPad(PinPad& pad) {
    PinPadResult result = PinPadResult::None;
    centreNextWindow(0.5f);
    ImGui::SetNextWindowBgAlpha(0.95f);
    if (ImGui::Begin("PIN", nullptr, kOverlayFlags)) {
        ImGui::TextUnformatted("Operator PIN");
        if (pad.wrong) ImGui::TextColored(kWarning, "Wrong PIN");
        pinDots(pad);
        typedDigits(pad);
        const float key = touchTarget() * 1.2f;
        static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6",
                                                "7", "8", "9", "<", "0", "OK"};
        for (int i = 0; i < 12; ++i) {
            if (i % 3) ImGui::SameLine();
            const std::string label = kKeys[i];
            if (!ImGui::Button(label.c_str(), ImVec2(key, key))) continue;
            if (label == "<") {
                if (!pad.digits.empty()) pad.digits.pop_back();
            } else if (label == "OK") {
                result = PinPadResult::Submitted;
            } else if (pad.digits.size() < kMaxPinDigits) {
                pad.digits += label;
            }
        }
        if (keyPressed(ImGuiKey_Backspace) && !pad.digits.empty()) pad.digits.pop_back();
        if (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter))
            result = PinPadResult::Submitted;
        if (ImGui::Button("Cancel", ImVec2(-1.0f, touchTarget())) || keyPressed(ImGuiKey_Escape))
            result = PinPadResult::Cancelled;
    }
    ImGui::End();
    return result;
}

OperatorAction operatorPanel(KioskSettings& s, const KioskHealth& health, bool canSave) {
    OperatorAction action = OperatorAction::None;
    centreNextWindow(0.45f);
    ImGui::SetNextWindowBgAlpha(0.95f);
    constexpr ImGuiWindowFlags kFlags =
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    if (ImGui::Begin("Operator", nullptr, kFlags)) {
        const ImVec2 button(ImGui::GetFontSize() * 9.0f, touchTarget());
        if (ImGui::Button("Lock", button)) action = OperatorAction::Lock;
        ImGui::SameLine();
        if (ImGui::Button("Back to start", button)) action = OperatorAction::BackToStart;
        ImGui::SameLine();
        if (ImGui::Button("Exit friche", button)) action = OperatorAction::Exit;

        section("Health");
        ImGui::Text("Frame %.1f ms   Memory %.0f MiB (heap %.1f)   GL objects %ld", health.frameMs,
                    health.residentMiB, health.heapMiB, health.glObjects);
        const long up = std::lround(health.uptimeSeconds);
        ImGui::Text("Up %ld d %02ld:%02ld:%02ld", up / 86400, up / 3600 % 24, up / 60 % 60,
                    up % 60);
        if (health.lastError.empty())
            ImGui::TextDisabled("No error");
        else
            ImGui::TextColored(kWarning, "Last error: %s", health.lastError.c_str());

        section("Settings");
        if (ImGui::BeginCombo("Default language", scene::languageCode(s.language))) {
            for (scene::Language l : s.offered)
                if (ImGui::Selectable(scene::languageCode(l), l == s.language)) s.language = l;
            ImGui::EndCombo();
        }
        float idle = static_cast<float>(s.idleSeconds);
        if (ImGui::SliderFloat("Idle seconds", &idle, 10.0f, 900.0f, "%.0f")) s.idleSeconds = idle;
        ImGui::SliderFloat("UI scale", &s.uiScale, 0.5f, 8.0f, "%.2f");
        if (ImGui::IsItemDeactivatedAfterEdit()) action = OperatorAction::ApplyScale;
        ImGui::Checkbox("Light panel", &s.showLight);
        ImGui::SameLine();
        ImGui::Checkbox("Model panel", &s.showModel);
        ImGui::BeginDisabled(!canSave);
        if (ImGui::Button("Save settings", button)) action = OperatorAction::Save;
        ImGui::EndDisabled();
        if (!canSave) ImGui::TextDisabled("(no config file: started with scenario paths)");
    }
    ImGui::End();
    return action;
}

void idleCountdown(double secondsLeft, scene::Language language) {
    centreNextWindow(0.72f);
    ImGui::SetNextWindowBgAlpha(0.8f);
    if (ImGui::Begin("Countdown", nullptr, kOverlayFlags | kPassiveFlags)) {
        ImGui::SetWindowFontScale(1.4f);
        ImGui::Text("%s %d s", scene::uiText(scene::UiText::StartsAgainIn, language).c_str(),
                    static_cast<int>(std::ceil(secondsLeft)));
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
}

std::vector<BannerTarget> attractBanner(const std::vector<scene::Language>& languages) {
    std::vector<BannerTarget> targets;
    centreNextWindow(0.5f);
    ImGui::SetNextWindowBgAlpha(0.7f);
    if (ImGui::Begin("Attract", nullptr, kOverlayFlags | kPassiveFlags)) {
        ImGui::SetWindowFontScale(1.6f);
        for (scene::Language l : languages) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::TextUnformatted(scene::uiText(scene::UiText::TouchToExplore, l).c_str());
            const ImVec2 end = ImGui::GetItemRectMax();
            targets.push_back({l, glm::vec2(at.x, at.y), glm::vec2(end.x, end.y)});
        }
        ImGui::SetWindowFontScale(1.0f);
    }
    ImGui::End();
    return targets;
}

}  // namespace friche::ui
