#include "ui/sun_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/timeline_panel.h"

namespace friche::ui {

namespace {

using scene::UiText;

// A frame slower than this (the first after the viewer slept) counts as this
// much of the sweep, so the sun does not jump.
constexpr float kMaxSweepStep = 0.25f;
constexpr int kMinutesPerDay = 24 * 60;

// "09:30" for 9.5 hours.
std::string clockText(double hours) {
    const long minutes = std::lround(hours * 60.0);
    char text[8];
    std::snprintf(text, sizeof text, "%02ld:%02ld", minutes / 60 % 100, minutes % 60);
    return text;
}

int dayOfYear(const scene::SiteTime& t) {
    int day = t.day;
    for (int month = 1; month < t.month; ++month) day += scene::daysInMonth(t.year, month);
    return day;
}

void setDayOfYear(scene::SiteTime& t, int day) {
    t.month = 1;
    while (day > scene::daysInMonth(t.year, t.month)) day -= scene::daysInMonth(t.year, t.month++);
    t.day = day;
}

// One slider over the year, labelled with the date in the panel's language.
// (ImGui prints a format without a conversion as it is.)
void dateSlider(scene::SiteTime& t, scene::Language language) {
    int day = dayOfYear(t);
    const int days = scene::daysInMonth(t.year, 2) == 29 ? 366 : 365;
    const std::string date = scene::formatDate({t.year, t.month, t.day}, language);
    if (ImGui::SliderInt(scene::uiText(UiText::SunDate, language).c_str(), &day, 1, days,
                         date.c_str()))
        setDayOfYear(t, day);
}

// The site's clock time to the minute, shown as HH:MM.
bool timeSlider(scene::SiteTime& t, scene::Language language) {
    int minute = std::clamp(static_cast<int>(std::lround(t.hour * 60.0)), 0, kMinutesPerDay - 1);
    const std::string shown = clockText(t.hour);
    if (!ImGui::SliderInt(scene::uiText(UiText::SunTime, language).c_str(), &minute, 0,
                          kMinutesPerDay - 1, shown.c_str()))
        return false;
    t.hour = minute / 60.0;
    return true;
}

// Sunrise and sunset, then where the sun stands now.
void sunFacts(const scene::SiteTime& t, scene::Language language) {
    const auto text = [&](UiText which) { return scene::uiText(which, language).c_str(); };
    if (const auto day = scene::sunriseAndSunset(t))
        ImGui::Text("%s %s  ·  %s %s", text(UiText::Sunrise), clockText(day->sunrise).c_str(),
                    text(UiText::Sunset), clockText(day->sunset).c_str());
    else
        ImGui::TextUnformatted(text(UiText::NoSunriseOrSunset));
    const scene::SunPosition sun = scene::solarPosition(t);
    ImGui::Text("%s %s°  ·  %s %s°", text(UiText::SunElevation),
                scene::formatNumber(sun.elevation, 0, language).c_str(), text(UiText::SunAzimuth),
                scene::formatNumber(sun.azimuth, 0, language).c_str());
}

}  // namespace

void sunPanel(scene::DaySweep& sweep, scene::SiteTime& t, scene::Language language) {
    sweep.advance(t, std::min(ImGui::GetIO().DeltaTime, kMaxSweepStep));
    // On the left, below a scenario's site panel (its views fill the first
    // third), clear of the phase card on the right and the compare panel
    // below; then where the user puts it.
    ImGui::SetNextWindowPos(ImVec2(16.0f, ImGui::GetIO().DisplaySize.y * 0.47f),
                            ImGuiCond_FirstUseEver);
    // The title changes with the language, the window (its place, its fold) stays.
    const std::string title = scene::uiText(UiText::SunPanel, language) + "###sun";
    if (!ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    dateSlider(t, language);
    if (timeSlider(t, language)) sweep.stop();
    sunFacts(t, language);
    const std::string play =
        scene::uiText(sweep.playing() ? UiText::StopDay : UiText::PlayDay, language) + "###play";
    if (ImGui::Button(play.c_str())) {
        if (sweep.playing())
            sweep.stop();
        else
            sweep.start(t);
    }
    ImGui::End();
}

void northArrow(const glm::mat4& view, double northDegrees) {
    // The ground seen from the camera: its right, and "up the screen", which
    // is where it looks (flattened) or, looking straight down, its up. Their
    // sum never vanishes for a camera between level and straight down.
    const glm::vec3 right(view[0][0], view[1][0], view[2][0]);
    const glm::vec3 up(view[0][1], view[1][1], view[2][1]);
    const glm::vec3 forward(-view[0][2], -view[1][2], -view[2][2]);
    const glm::vec3 north = scene::trueNorth(northDegrees);
    const glm::vec2 rightFlat(right.x, right.z), upFlat(forward.x + up.x, forward.z + up.z);
    if (glm::length(rightFlat) < 1e-4f || glm::length(upFlat) < 1e-4f) return;
    const glm::vec2 n(glm::dot(glm::normalize(rightFlat), glm::vec2(north.x, north.z)),
                      glm::dot(glm::normalize(upFlat), glm::vec2(north.x, north.z)));
    const ImVec2 dir(n.x, -n.y);  // ImGui's y grows downwards
    const ImVec2 side(-dir.y, dir.x);

    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float radius = ImGui::GetFontSize() * 1.5f;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Clear of the timeline along the bottom, the "N" inside the view whichever way it points.
    const ImVec2 c(display.x - radius * 2.0f, display.y - timelinePanelHeight() - radius * 2.0f);
    const auto at = [&](float along, float across) {
        return ImVec2(c.x + dir.x * along + side.x * across, c.y + dir.y * along + side.y * across);
    };
    draw->AddCircleFilled(c, radius, IM_COL32(20, 22, 26, 170));
    draw->AddCircle(c, radius, IM_COL32(235, 235, 235, 200), 0, 1.5f);
    const float half = radius * 0.3f, tip = radius * 0.8f;
    draw->AddTriangleFilled(at(tip, 0), at(0, -half), at(0, half), IM_COL32(220, 60, 50, 255));
    draw->AddTriangleFilled(at(-tip, 0), at(0, half), at(0, -half), IM_COL32(235, 235, 235, 255));
    // "N" is north's letter in all four languages.
    const ImVec2 letter = ImGui::CalcTextSize("N");
    const ImVec2 label = at(radius + letter.y * 0.7f, 0);
    draw->AddText(ImVec2(label.x - letter.x * 0.5f, label.y - letter.y * 0.5f),
                  IM_COL32(255, 255, 255, 255), "N");
}

void northArrow(const scene::Story& story, glm::vec2 size) {
    northArrow(story.camera(size.x / size.y).view, story.scenario().site.northDegrees);
}

}  // namespace friche::ui
